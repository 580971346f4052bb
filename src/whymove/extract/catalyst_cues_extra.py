"""More cue phrasings of the 13 categories: how other publishers word the same events.

Wire services, broadcasters, investing sites and Asian business papers state causes in their
own stock phrases ("started at outperform", "failed to meet its primary endpoint", "in advanced
talks to buy", "parted ways with its chief executive"). These cues (format of
:mod:`catalyst_cues`) are appended after the first tables, so on a tie of strength and place
the older cue wins. Like every cue they describe kinds of events, never a particular story.
"""

from __future__ import annotations

from whymove.extract.catalyst_cues import MEDIUM, STRONG, CueTable

_RATINGS = (
    r"(?:buy|sell|hold|neutral|overweight|underweight|outperform|underperform|equal[- ]weight|"
    r"market perform|sector perform|peer perform|strong buy|accumulate|reduce|positive|negative)"
)
_MOVED_WORDS = (
    r"rose|fell|grew|jumped|slid|dropped|climbed|rallied|surged|plunged|slumped|tumbled|"
    r"soared|sank|declined|increased|decreased|shrank|swelled|retreated|rebounded|crashed"
)
_MOVED = rf"(?:{_MOVED_WORDS})"

EXTRA_CUES: CueTable = {
    "earnings": (
        (r"\b(?:comparable|same)[- ](?:store )?sales\b|\bcomps\b|\blike-for-like\b", STRONG, 0),
        (
            r"\b(?:bigger|larger|smaller|better|worse|weaker|stronger|softer|higher|lower|"
            r"narrower|wider)[- ]than[- ](?:expected|forecast|anticipated) (?:\w+[- ]){0,2}?"
            r"(?:profits?|loss|revenue|sales|earnings|results|margins?|growth|deliveries|"
            r"shipments|orders|bookings|quarter)\b",
            STRONG,
            0,
        ),
        (
            r"\b(?:fell|falling|falls|came in|comes in|was|were) (?:\w+ )?short of\b|"
            r"\b(?:wall street|analysts|the street|investors|the market) (?:had )?(?:expected|"
            r"forecast|anticipated|projected|estimated|pencil+ed in|been looking for)\b",
            STRONG,
            0,
        ),
        (
            r"\b(?:reaffirm|reiterat|maintain|confirm|stood by|stands by|stick\w* to|backed)\w* "
            r"(?:its |the |their )?(?:[\w-]+ ){0,3}(?:guidance|outlook|forecasts?|targets)\b",
            STRONG,
            1,
        ),
        (
            r"\bwarn(?:ed|s|ing)? (?:of|that|about) (?:\w+[- ]){0,6}?(?:weaker|lower|slower|"
            r"softer|sales|profits?|demand|revenue|earnings|margins|losses)\b",
            STRONG,
            -1,
        ),
        (
            r"\b(?:deposits|deposit base|assets under management|aum|net (?:inflows|outflows)|"
            r"client assets) (?:\w+ )?" + _MOVED + r"|\bdeposit (?:outflows?|flight)\b|"
            r"\b(?:net|client|customer|deposit) outflows\b",
            STRONG,
            -1,
        ),
        (r"\b(?:net|client|customer|deposit) inflows\b", STRONG, 1),
        (
            r"\b(?:quarterly|monthly|annual|q[1-4]|(?:first|second|third|fourth)[- ]quarter) "
            r"(?:vehicle |car |ev )?(?:deliveries|shipments|production|sales volumes?|unit "
            r"sales|bookings|orders)\b|\b(?:delivered|shipped|sold|produced) [\d,.]+ "
            r"(?:million |thousand )?(?:vehicles|cars|units|phones|devices|aircraft|jets|homes)\b",
            STRONG,
            0,
        ),
        (
            r"\b(?:orders|order intake|backlog|bookings|subscribers|subscriber (?:growth|"
            r"additions)|net adds|paid users|monthly active users|traffic|occupancy|same-store "
            r"traffic|ad revenue|cloud revenue|gross merchandise (?:value|volume)|gmv) "
            r"(?:\w+ ){0,2}?" + _MOVED,
            STRONG,
            0,
        ),
        (
            r"\bcatastrophe (?:losses|claims|charges?)\b|\b(?:hurricane|storm|wildfire|flood|"
            r"earthquake|weather)[- ]related (?:losses|claims|charges?)\b|\bwrite-?downs?\b|"
            r"\bimpairments?\b|\b(?:loan[- ]loss|credit[- ]loss) (?:provisions?|reserves?)\b|"
            r"\b(?:took|takes|booked|books|recorded|records) (?:an? |the )?(?:[\w$.,-]+ ){0,3}?"
            r"(?:charge|writedown|write-off|provision)s?\b",
            STRONG,
            -1,
        ),
        (
            r"\b(?:sees|expects|forecasts|projects|guided (?:to|for)|anticipates) "
            r"(?:\w+[- ]){0,3}(?:revenue|sales|profit|earnings|eps|ebitda) (?:of|between|in the "
            r"range|to (?:rise|fall|grow|decline))\b",
            STRONG,
            0,
        ),
        (
            r"\b(?:adjusted )?ebitda\b|\bper-share (?:earnings|profit|loss)\b|\bfree cash "
            r"flow\b|\b(?:top|bottom)[- ]line (?:growth|beat|miss|results|figures)\b",
            STRONG,
            0,
        ),
    ),
    "product": (
        (
            r"\b(?:fail(?:ed|s)?|did not|didn't|does not|missed) (?:to )?(?:meet|reach|achieve|"
            r"hit|show) (?:\w+ ){0,3}(?:end ?points?|(?:primary|main|key|secondary) (?:goals?|"
            r"objectives?))\b|"
            r"\bclinical hold\b|\b(?:trial|study) (?:was |has been )?(?:halted|stopped|paused|"
            r"placed on hold|discontinued)\b",
            STRONG,
            -2,
        ),
        (
            r"\b(?:met|meets|achieved|achieves|hit|reached) (?:its |the |a |both )?(?:\w+ )?"
            r"(?:primary|main|key|secondary|co-primary) (?:end ?points?|goals?|objectives?)\b",
            STRONG,
            1,
        ),
        (
            r"\b(?:primary|co-primary|secondary) end ?points?\b|"
            r"\btop-?line (?:data|results|readout)\b|\bdata readout\b",
            STRONG,
            0,
        ),
        (
            r"\b(?:phase (?:[1-3]|i{1,3})[ab]?|late-stage|mid-stage|early-stage|pivotal|"
            r"clinical|human) (?:trials?|stud(?:y|ies)|data|results|testing)\b",
            MEDIUM,
            0,
        ),
    ),
    "partnership": (
        (
            r"\b(?:w[io]ns?|winning|secur(?:ed|es)|land(?:ed|s)|receiv(?:ed|es)|"
            r"clinch(?:ed|es)|book(?:ed|s)|award(?:ed)?) (?:an? |the )?(?:[\w$.,-]+ ){0,4}?"
            r"(?<!court )(?<!smart )(?<!restraining )(?<!gag )(?:award|contract|order|task order"
            r"|purchase order|tender)s?\b",
            STRONG,
            1,
        ),
        (
            r"\b(?:government|federal|defen[cs]e|military|pentagon|army|navy|air force|nasa|"
            r"multiyear|multi-year|long-term) (?:supply )?(?:contract|award|order|deal|"
            r"agreement)s?\b|\border(?:ed|s)? (?:for )?[\d,]+ (?:\w+[- ]){0,2}(?:jets|aircraft|"
            r"planes|vehicles|trucks|turbines|locomotives|ships|satellites)\b",
            STRONG,
            1,
        ),
        (r"\bcustomer wins?\b|\bnew customers\b|\bsign(?:ed|s)? up (?:\w+ )?customers?", MEDIUM, 1),
    ),
    "corporate_action": (
        (
            r"\b(?:in|held|holding|enter(?:ed|s)?) (?:advanced |early |exclusive |preliminary "
            r"|late-stage )?(?:talks|discussions|negotiations) (?:to|about|over|on) (?:buy|acquir"
            r"|merg|combin|sell|tak(?:e|ing) over|a (?:deal|merger|takeover|sale))\w*",
            STRONG,
            1,
        ),
        (
            r"\bdeal (?:valued|worth) at\b|\bin a deal (?:valued|worth)\b|\bvalu(?:ed|ing) the "
            r"(?:company|business|target) at\b|\bper share in cash\b|\b\d+(?:\.\d+)?% premium\b|"
            r"\b(?:takeover|buyout|acquisition|merger) (?:talks|interest|proposal|approach)\b|"
            r"\b(?:unsolicited|hostile|sweetened|rival|competing) (?:\w+ )?(?:bid|offer)s?\b|"
            r"\bagreed to be (?:acquired|bought|taken private)\b|\btake-private\b",
            STRONG,
            1,
        ),
        (
            r"\bexplor(?:e|es|ed|ing) (?:a |an )?(?:sale|strategic (?:options|alternatives)|"
            r"options including a sale)\b|\bstrategic review\b|\bput (?:itself )?up for sale\b",
            STRONG,
            1,
        ),
        (
            r"\b(?:rais|lift|boost|hik|increas)\w* (?:its |the |their )?(?:\w+ ){0,2}"
            r"payouts?\b",
            STRONG,
            1,
        ),
        (
            r"\b(?:cut|cuts|cutting|slash\w*|halv\w*|reduc\w*|suspend\w*|scrap\w*|eliminat\w*|"
            r"omit\w*) (?:its |the |their )?(?:\w+ ){0,3}(?:payouts?|dividends?)\b",
            STRONG,
            -2,
        ),
        (
            r"\b(?:priced|prices|pricing) (?:an? |its )?(?:[\w$.,-]+ ){0,3}"
            r"(?:offering|placement)\b|\bat-the-market\b|\bdilut(?:ion|ive)\b",
            STRONG,
            -1,
        ),
        (
            r"\breturn(?:ed|ing|s)? (?:\$[\d.,]+ (?:billion|million|bn|mn) )?(?:of )?(?:capital|"
            r"cash) to (?:share|stock)holders\b",
            STRONG,
            1,
        ),
    ),
    "management": (
        (
            r"\bpart(?:ed|s|ing)? ways\b|\b(?:oust|remov|replac|terminat|fir)\w* (?:its |the "
            r"|their )?(?:\w+ ){0,2}(?:ceo|chief executive|cfo|chief financial officer|chairman|"
            r"president|founder)\b|\b(?:ceo|chief executive|cfo|chairman|president) (?:\w+ )"
            r"{0,3}(?:depart(?:s|ed|ure)|exit(?:s|ed)?|leav(?:e|es|ing)|quit|quits|is leaving)"
            r"\b|\bdeparture of\b",
            STRONG,
            -1,
        ),
        (
            r"\b(?:succeed(?:s|ed|ing)?|replac(?:e|es|ed|ing)) (?:[\w.'-]+ ){1,4}as (?:the |its )?"
            r"(?:new )?(?:ceo|chief|chairman|president|cfo|head)\b|\b(?:will|to|would) "
            r"succeed\b|\binterim (?:ceo|chief executive|cfo|chairman)\b|"
            r"\bnew (?:ceo|chief executive|cfo|chairman|leadership|management team)\b",
            STRONG,
            0,
        ),
    ),
    "analyst": (
        (
            r"\b(?:start(?:ed|s)?|began|begins|begun|launch(?:ed|es)|resum(?:ed|es)|assum(?:ed|es)|"
            r"pick(?:ed|s) up|open(?:ed|s)) (?:its |their )?(?:research )?coverage\b|"
            r"\b(?:started|initiated|begun|resumed|launched|assumed|reinstated) (?:\S+ ){0,3}?"
            r"(?:at|with) (?:an? )?" + _RATINGS + r"\b",
            STRONG,
            0,
        ),
        (
            r"\btop picks?\b|\bconviction (?:buy|list)\b|\bbest ideas?\b|\bfavou?rite pick\b",
            STRONG,
            1,
        ),
        (
            r"\b(?:rais|lift|hik|cut|lower|trim)\w* (?:its |the )?pt\b|\bpt (?:raised|cut|lowered"
            r"|to \$)",
            STRONG,
            0,
        ),
        (r"\b(?:street-high|street-low|wall street's (?:highest|lowest))\b", STRONG, 0),
    ),
    "regulation": (
        (
            r"\b(?:price|fee|rate|rent) caps?\b|\b(?:capp(?:ed|ing)|(?:to|will|would) cap) "
            r"(?:the )?(?:\w+ ){0,3}(?:fees|prices|rates|charges)\b|\bprice controls\b",
            STRONG,
            -1,
        ),
        (
            r"\b(?:lawmakers|legislators|congress|parliament|senate|house) (?:\w+ ){0,3}?"
            r"(?:passed|approved|voted|extended|rejected|proposed|introduced|repealed)\b|"
            r"\bexecutive order\b",
            STRONG,
            0,
        ),
        (r"\blegislation\b|\blawmakers\b", MEDIUM, 0),
        (
            r"\bcomplete response letter\b|\b(?:fda|ema|regulators?|agency) (?:\w+ ){0,2}?"
            r"(?:rejected|declined to approve|refused)\b",
            STRONG,
            -1,
        ),
    ),
    "legal": (
        (
            r"\bshort[- ]sell(?:er|ers|ing firm)\b|\bshort report\b|\baccus(?:ed|es|ing) "
            r"(?:\w+ ){0,3}?of\b|\ballege[sd]?\b|\bplead(?:ed)? guilty\b|\bconsent decree\b|"
            r"\bwrongdoing\b|\bin damages\b|\bdamages award\b|\bmonopol(?:y|ist|ies|ized?)\b",
            STRONG,
            -1,
        ),
        (
            r"\b(?:judge|court|jury|justices|panel|tribunal|arbitrator) (?:\w+ ){0,2}?(?:ruled|"
            r"found|ordered|sided|rejected|blocked|upheld|awarded|granted|denied)\b|"
            r"\bappeals? court\b|\bsupreme court\b|\bcourt of appeals\b|\bantitrust remedies\b|"
            r"\bremedies (?:trial|phase|hearing|ruling|proposals?)\b",
            STRONG,
            0,
        ),
        (
            r"\b(?:overturn\w*|revers\w*|vacat\w*|struck down|strikes down|lift(?:ed|s)) "
            r"(?:a |the |an )?(?:[\w-]+ ){0,3}(?:decision|injunction|ruling|verdict|judgment|"
            r"ban)\b",
            STRONG,
            2,
        ),
    ),
    "macro": (
        (
            r"\bcarry[- ]trades?\b|\b(?:global|market|stock market|equity|broad|wall street|"
            r"worldwide|market-wide|marketwide) (?:sell-?off|rout|turmoil|slump|meltdown|crash|"
            r"correction)\b|\brisk[- ](?:off|on|appetite|aversion|sentiment)\b|\bflight to "
            r"safety\b|\bvix\b|\bvolatility index\b",
            STRONG,
            0,
        ),
        (
            r"\b(?:recession|slowdown|growth|inflation|stagflation|rate|economic) (?:fears|"
            r"worries|concerns|jitters|scare)\b|\bhard landing\b|\b(?:hotter|higher|stronger|"
            r"firmer)[- ]than[- ]expected (?:inflation|cpi|consumer prices|wage)\b|"
            r"\b(?:sticky|stubborn|persistent|hot) inflation\b|\b(?:dimmed|dashed|doused|"
            r"crushed|pushed back) (?:\w+ ){0,2}(?:hopes|bets|expectations) (?:of|for) "
            r"(?:an? )?(?:\w+ )?rate cuts?\b",
            STRONG,
            -1,
        ),
        (r"\bsoft landing\b|\brate[- ]cut (?:hopes|bets|expectations)\b", STRONG, 1),
        (
            r"\bmortgage rates?\b|\bborrowing costs\b|\b(?:10|two|2|ten|30)-year (?:treasury|"
            r"yields?|notes?|bonds?)\b|\bfomc\b|\bfed (?:chair|officials|minutes|meeting|policy|"
            r"decision|speakers?)\b|\bnonfarm\b|\bconsumer price index\b|\bproducer prices\b|"
            r"\bppi\b|\bdollar index\b",
            STRONG,
            0,
        ),
        (
            r"\bhousehold (?:budgets|spending|finances|incomes?)\b|\bdiscretionary (?:spending|"
            r"goods|purchases|items|categories)\b|\bcost[- ]of[- ]living\b|\b(?:cautious|"
            r"stretched|squeezed|cash-strapped|budget-conscious) (?:consumers?|shoppers|"
            r"households)\b",
            STRONG,
            0,
        ),
        (r"\b(?:presidential |general |midterm )?elections?\b", MEDIUM, 0),
    ),
    "sector": (
        (
            r"\b(?:contract|spot|memory|dram|nand|chip|wafer|panel|lithium|battery) prices\b|"
            r"\binventor(?:y|ies) (?:levels|normali[sz]\w*|correction|glut|digestion)\b|"
            r"\b(?:destocking|restocking|de-stocking|re-stocking)\b",
            STRONG,
            0,
        ),
        (
            r"\b(?:price|fare|subsidy|discount|pricing) wars?\b|\bcut-?throat competition\b|"
            r"\bcompetitive pressures?\b|\b(?:heavy|steep|deep) discount(?:s|ing)\b|"
            r"\bdiscounting\b(?! (?:the|a|an|chances|odds|expectations|probability)\b)|"
            r"\bovercapacity\b|\binvolution\b",
            STRONG,
            -1,
        ),
        (
            r"\b(?:bitcoin|ether(?:eum)?|crypto(?:currenc(?:y|ies))?|btc|solana|digital "
            r"assets?|token prices)(?:'s)? (?:price )?(?:\w+ ){0,2}?(?:" + _MOVED_WORDS + r"|hit"
            r"|topped|crossed|broke)\b|\b(?:price|value) of (?:bitcoin|ether|crypto\w*)\b|"
            r"\bcrypto (?:winter|rally|sell-?off|crash|rout|prices)\b",
            STRONG,
            0,
        ),
        (
            r"\b[\w-]+-(?:linked|related|exposed|focused) (?:stocks|shares|names|companies)\b|"
            r"\bin sympathy\b|\bread-?through\b|\bread across\b|\bknock-on\b|\bai (?:optimism|"
            r"boom|frenzy|trade|rally|euphoria|spending|bubble|enthusiasm|darlings?)\b",
            STRONG,
            0,
        ),
    ),
    "supply_chain": (
        (
            r"\bdisrupt(?:s|ed|ing|ions?)? (?:to |of |in )?(?:\w+ ){0,3}(?:supply|supplies|"
            r"deliveries|production|shipments|operations|output)\b|\b(?:supply|production|"
            r"shipping|delivery) (?:disruptions?|snags?|problems|issues|delays)\b|\b(?:fire|"
            r"explosion|outage|flood(?:ing)?|earthquake) at (?:an? |the |its )?(?:[\w'-]+ ){0,2}"
            r"(?:plant|factory|facility|fab|mine|refinery|port|supplier)\b|\b(?:labou?r|union|"
            r"workers'?) strikes?\b|\bwalkouts?\b",
            STRONG,
            -1,
        ),
        (
            r"\b(?:ramp(?:ed|s|ing)? up|boost(?:ed|s|ing)?|expand(?:ed|s|ing)?) (?:\w+ ){0,2}"
            r"(?:production|output|capacity)\b",
            STRONG,
            1,
        ),
    ),
    "geopolitics": (
        (
            r"\b(?:escalat\w*|widening|deepening|intensifying|armed) (?:\w+ ){0,2}(?:conflict|"
            r"war|hostilities|fighting)\b|\bconflict in (?:the )?(?:middle east|ukraine|gaza|"
            r"europe|region)\b|\b(?:attacks?|strikes?) on (?:shipping|tankers|vessels)\b|"
            r"\bred sea\b",
            STRONG,
            -1,
        ),
        (
            r"\b(?:washington|beijing|the u\.s\.|the us|china|the two (?:countries|sides|nations)"
            r"|both sides) (?:and (?:washington|beijing|china|the u\.s\.|the us) )?(?:agreed|"
            r"reached|struck|signed|extended|announced) (?:\w+ ){0,4}?(?:truce|pause|deal|"
            r"agreement|framework|de-?escalat\w*|reduc\w*|cut|lower\w*|roll(?:ed)? back)\b|"
            r"\btrade (?:deal|agreement|framework)\b|\btariff (?:truce|pause|reprieve)\b|"
            r"\bde-?escalat\w*",
            STRONG,
            1,
        ),
        (
            r"\b(?:firmly |strongly |resolutely )?oppos(?:ed|es) the (?:\w+ )?(?:measures|move|"
            r"rules|restrictions|decision|curbs)\b|\bcounter-?measures\b|\bretaliat\w*|"
            r"\btake (?:necessary|resolute|firm|all necessary) (?:steps|measures)\b",
            STRONG,
            -1,
        ),
    ),
}
