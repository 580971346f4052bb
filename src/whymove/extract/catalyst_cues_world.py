"""Cue lexicons of the parties and forces around a company.

Analysts, regulators, courts, the economy, its sector and suppliers, its holders and relations
between states (see :mod:`catalyst_cues` for the format).

A prior of -2/+2 marks a cue that reverses the usual reading of its category ("settled the
lawsuit", "scrapped the partnership"); priors of a clause are summed and clipped to [-1, 1].
"""

from __future__ import annotations

from whymove.extract.catalyst_cues import MEDIUM, STRONG, WEAK, CueTable

WORLD_CUES: CueTable = {
    "analyst": (
        (
            r"\bupgrad(?:ed|ing)\b(?! (?:version|model|edition|variant|plan|tier|cycle|"
            r"path|program|kit|package|option)s?\b)",
            MEDIUM,
            1,
        ),
        (r"\bdowngrad(?:ed|ing)\b(?! (?:version|model|edition|plan|tier)s?\b)", MEDIUM, -1),
        (r"\bupgrades?\b", WEAK, 1),
        (r"\bdowngrades?\b", WEAK, -1),
        (
            r"\b(?:upgrad|downgrad)(?:e|es|ed|ing)\b (?:\S+ ){0,5}?(?:to|from) (?:an? )?(?:buy|"
            r"sell|hold|neutral|overweight|underweight|outperform|underperform|equal[- ]weight|"
            r"market perform|sector perform|peer perform|strong buy|accumulate|reduce)\b|"
            r"\b(?:analyst|broker|brokerage) (?:upgrade|downgrade)s?\b|"
            r"\b(?:upgraded|downgraded) (?:the stock|the shares|shares of|its rating)",
            STRONG,
            0,
        ),
        (r"price targets?|target price|\bprice objective", STRONG, 0),
        (
            r"\b(?:cut|lowered|raised|lifted|moved|reduced|boosted) to (?:an? )?(?:buy|sell|hold|"
            r"neutral|overweight|underweight|outperform|underperform|equal[- ]weight"
            r"|market perform|"
            r"in line|strong buy|reduce)\b",
            STRONG,
            0,
        ),
        (r"initiat(?:ed|es|ing) (?:coverage|with)", STRONG, 0),
        (r"\b(?:overweight|outperform|strong buy)\b(?! (?:its|the) )", STRONG, 1),
        (r"\b(?:underweight|underperform)\b(?! (?:its|the) )", STRONG, -1),
        (r"\b(?:buy|sell|hold|neutral|equal[- ]weight) rating", STRONG, 0),
        (
            r"\brat(?:ed|es|ing) (?:it |the stock |the shares |shares )?(?:a )?(?:buy|sell|hold)\b",
            STRONG,
            0,
        ),
        (r"reiterat\w+ (?:its |a |an )?(?:buy|sell|hold|overweight|outperform|rating)", STRONG, 0),
        (r"\banalysts? (?:at|from|with) \w+", STRONG, 0),
        (
            r"\w+ analysts? (?:said|says|wrote|noted|note|expect|see|sees|believe|estimate|added)",
            STRONG,
            0,
        ),
        (r"(?:in a|in a research|in a client|research) note", STRONG, 0),
        (r"according to (?:an? )?(?:analysis|analysts?|research|a note) (?:from|by|at)", STRONG, 0),
        (r"\bstands? to benefit\b", MEDIUM, 1),
        (r"\b(?:brokerage|strategists?|research firm)\b", MEDIUM, 0),
        (r"\banalysts?\b|\bconsensus\b", WEAK, 0),
    ),
    "regulation": (
        (
            r"\bexport (?:controls?|restrictions?|curbs|rules|bans?|licen[cs]es?|limits)\b",
            STRONG,
            -1,
        ),
        (
            r"\b(?:chip|technology|tech|ai) (?:restrictions|curbs|controls|bans?|export rules)\b",
            STRONG,
            -1,
        ),
        (r"\bsanction(?:s|ed)?\b|\bentity list\b|\bblacklist(?:ed)?\b", STRONG, -1),
        (r"\b(?:named|added|placed) (?:on|to) (?:the|a|its) (?:\w+ )?list\b", STRONG, -1),
        (r"\btariffs?\b|\bimport dut(?:y|ies)\b|\blevies\b", STRONG, -1),
        (
            r"\bantitrust\b|\banti-monopoly\b|\bcompetition (?:authority|regulator|watchdog)",
            STRONG,
            -1,
        ),
        (r"\bcrackdown\b|\bcrack(?:ed|s)? down\b", STRONG, -1),
        (r"\bregulat(?:or|ors|ory|ion|ions)\b", STRONG, 0),
        (r"\brestrict(?:ing|ions?|ed)\b", STRONG, -1),
        (r"\bban(?:s|ned)?\b", MEDIUM, -1),
        (r"\blicen[cs](?:e|es|ing)\b", MEDIUM, 0),
        (
            r"\b(?:approv(?:al|ed|es)|clear(?:ed|ance)) (?:by|from) (?:the )?(?:\w+ ){0,2}"
            r"(?:regulators?|fda|authorities|government|commission|ministry)\b|\bfda\b",
            STRONG,
            1,
        ),
        (
            r"\bsubsid(?:y|ies)\b(?! wars?\b)|\bgovernment (?:support|funding|policies|policy|"
            r"backing)\b|"
            r"\bstate support\b|\btax (?:breaks|credits|incentives)\b|\bgovernmental support\b",
            STRONG,
            1,
        ),
        (r"\bpolicymakers\b|\bpolicy (?:support|measures)\b|\bself-reliance\b", MEDIUM, 0),
        (r"\bnew rules?\b|\brules? (?:on|for|restricting|governing)\b", MEDIUM, 0),
        (r"\bcommerce department\b|\bdepartment of commerce\b|\bwhite house\b", MEDIUM, 0),
    ),
    "legal": (
        (r"\blawsuits?\b|\bsu(?:ed|es|ing)\b|\bclass[- ]action\b|\blitigation\b", STRONG, -1),
        (r"\binvestigat(?:ion|ions|ing|ed)\b|\bprobes?\b|\bprobed\b|\bsubpoena", STRONG, -1),
        (r"\bcharg(?:ed|es) (?:with|against)\b|\bindict(?:ed|ment)\b|\bfraud\b", STRONG, -1),
        (r"\bfined\b|\ba fine of\b|\bpenalt(?:y|ies)\b", STRONG, -1),
        (
            r"\bsettlement\b|\bsettled (?:a |the |its )?(?:\w+ )?(?:lawsuit|case|suit|charges"
            r"|claims)",
            STRONG,
            0,
        ),
        (
            r"\b(?:dismiss\w*|threw out|tossed out|won|wins|cleared|acquitted|overturn\w*|"
            r"(?<!to )settl(?:ed|es)|drop(?:ped|s)) (?:a |the "
            r"|its )?(?:[\w$.,-]+ ){0,5}?(?:lawsuit|"
            r"case|suit|charges|claims|appeal|probe|investigation|verdict|judgment|ruling|"
            r"conviction|fine)s?\b",
            STRONG,
            2,
        ),
        (r"\bcourt\b|\bjudge\b|\bverdict\b|\bjury\b|\btribunal\b|\bruling\b", MEDIUM, 0),
        (r"\bpatent (?:infringement|dispute|lawsuit)|\ballegation|\bwhistleblower", STRONG, -1),
    ),
    "macro": (
        (
            r"\bgdp\b|\beconomic (?:growth|data|slowdown|downturn|recovery|outlook|activity)\b",
            STRONG,
            0,
        ),
        (r"\binflation\b|\bcpi\b|\bconsumer prices\b|\bdeflation\w*", STRONG, 0),
        (r"\binterest rates?\b|\brate (?:cuts?|hikes?|increases?|decision)\b", STRONG, 0),
        (
            r"\bfederal reserve\b|\bthe fed\b|\bcentral bank\b|\bpboc\b|\bpeople's bank\b|\becb\b|"
            r"\bbank of japan\b",
            STRONG,
            0,
        ),
        (r"\bstimulus\b", STRONG, 1),
        (r"\bjobs report\b|\bpayrolls\b|\bunemployment\b|\bjobless\b", STRONG, 0),
        (r"\btrade (?:surplus|deficit|data|figures|balance)\b", STRONG, 0),
        (r"\bexports?\b|\bimports?\b", MEDIUM, 0),
        (r"\bretail sales\b|\bpmi\b|\bindustrial (?:output|production)\b|\brecession\b", STRONG, 0),
        (
            r"\bmanufacturing (?:activity|data|output|pmi|index)\b|\bfactory (?:data|orders)\b",
            STRONG,
            0,
        ),
        (
            r"\b(?:oil|crude(?: oil)?|commodity|energy|gas|metal|copper|iron ore) prices\b|"
            r"\bthe (?:dollar|yen|euro|yuan|rupee)\b|\bexchange rates?\b",
            STRONG,
            0,
        ),
        (
            r"\bsupport for the economy\b|\beconomic support\b|\bfiscal (?:support|stimulus|"
            r"spending|measures|policy)\b|\b(?:reserve requirement|reserve-ratio|rrr)\b",
            STRONG,
            1,
        ),
        (r"\brate-cut\b|\brate cuts?\b|\brate hikes?\b|\bhigher[- ]for[- ]longer\b", STRONG, 0),
        (r"\b(?:treasury|bond) yields?\b", STRONG, 0),
        (
            r"\bproperty (?:slump|crisis|market|sector)\b|\breal estate (?:slump|crisis|market)\b|"
            r"\bhousing market\b",
            STRONG,
            -1,
        ),
        (r"\bconsumer (?:sentiment|confidence|spending|demand)\b|\bdomestic demand\b", STRONG, 0),
        (r"\beconom(?:y|ic)\b", MEDIUM, 0),
        (
            r"\b(?:broader|wider|overall|broad) (?:market|indexes|indices|stock market|sell-?off|"
            r"rally)\b|\bmarket-wide\b",
            STRONG,
            0,
        ),
    ),
    "sector": (
        (r"\bsector-wide\b|\bindustry-wide\b|\bacross the (?:sector|industry|board)\b", STRONG, 0),
        (
            r"\b(?:chinese|china|u\.s\.|us|european|asian|japanese|indian|global) (?:tech|"
            r"technology|internet|chip|ai|ev|bank|e-commerce|consumer) (?:stocks|shares|companies|"
            r"firms|names|sector|giants|landscape)\b",
            STRONG,
            0,
        ),
        (
            r"\b(?:tech|technology|chip|chipmaker|semiconductor|internet|bank|banking|lender"
            r"|energy|"
            r"oil|retail|retailer|auto|automaker|airline|pharma|drugmaker|biotech|healthcare|"
            r"health-care|medical|software|ev|defen[cs]e|utility|utilities|insurance|insurer|"
            r"industrial|materials|mining|miner|steel|real estate|reit|homebuilder|media|telecom|"
            r"consumer|restaurant|travel|cruise|solar|clean energy|crypto|memory|cyclical|"
            r"defensive|regional bank|luxury|apparel|sportswear|shipping|freight|trucking|railroad|"
            r"electric-vehicle|ev) (?:stocks|shares|names|peers|sector|index|etfs?|companies"
            r"|makers|"
            r"producers|firms|groups)\b|\bchipmakers\b|\bautomakers\b|\bdrugmakers\b|\blenders\b",
            STRONG,
            0,
        ),
        (r"\binvestor (?:confidence|enthusiasm|sentiment|appetite|interest)\b", STRONG, 0),
        (r"\bpeers?\b|\brivals?\b|\bcompetitors?\b|\b(?:price|fare) war\b", MEDIUM, 0),
        (r"\bhype\b|\bfrenzy\b|\benthusiasm\b", MEDIUM, 1),
        (r"\bsector\b|\bindustry\b|\betfs?\b", WEAK, 0),
    ),
    "supply_chain": (
        (
            r"\b(?:resum(?:e|es|ed|ing)|halt(?:s|ed|ing)?|restart(?:s|ed|ing)?|suspend(?:s|ed"
            r"|ing)?|"
            r"paus(?:e|es|ed|ing)|stop(?:s|ped)?) (?:\w+ ){0,3}(?:shipping|shipments?|sales|"
            r"production|deliveries|exports|supplies|manufacturing)\b",
            STRONG,
            0,
        ),
        (
            r"\b(?:began|begin|begins|started|starts|restart\w*|resum\w*|reopen\w*) (?:\w+ ){0,2}"
            r"(?:shipping|shipments|deliveries|production|sales|exports|output|operations)\b",
            STRONG,
            1,
        ),
        (r"\bshipments?\b|\bshipping\b", STRONG, 0),
        (r"\bport congestion\b|\bbottlenecks?\b|\blogistics (?:snarls|disruptions)\b", STRONG, 0),
        (r"\bsupply (?:shortage|disruption|constraints?|crunch)\b|\bshortages?\b", STRONG, -1),
        (r"\bsupply chains?\b", MEDIUM, 0),
        (
            r"\b(?:production|factory|plant|output) (?:halt|halted|disruption|shutdown|cuts?|"
            r"resumed|restart)\b",
            STRONG,
            0,
        ),
        (
            r"\b(?:chip|component|parts|semiconductor|gpu) (?:supply|supplies|availability)\b",
            STRONG,
            0,
        ),
        (r"\bembargo\b", STRONG, -1),
        (r"\bsuppliers?\b|\bdeliver(?:y|ies)\b|\binventor(?:y|ies)\b", MEDIUM, 0),
    ),
    "ownership": (
        (
            r"\b(?:rais(?:ed|es|ing)|increas(?:ed|es|ing)|boost(?:ed|s)|add(?:ed|s) to|took|"
            r"tak(?:es|ing|en)|buil(?:t|ds)|acquir(?:ed|es)|disclos(?:ed|es)|bought|buys|doubled|"
            r"tripled) (?:a |an |its |their |his |her )?(?:[\w%.-]+ ){0,3}(?:stakes?|holdings?|"
            r"positions?)\b",
            STRONG,
            1,
        ),
        (
            r"\b(?:cut(?:s|ting)?|trimm(?:ed|ing)|reduc(?:ed|es|ing)|lower(?:ed|s)|slash(?:ed|es)|"
            r"exit(?:ed|s)|dump(?:ed|s)|sold|sells|halved|pared) (?:a |its |their |his |her )?"
            r"(?:[\w%.-]+ ){0,3}(?:stakes?|holdings?|positions?|exposure)\b",
            STRONG,
            -1,
        ),
        (r"\b(?:stakes?|holdings?) in\b|\bbiggest holdings\b|\btop holdings\b", STRONG, 0),
        (r"\bhedge funds?\b|\binstitutional (?:investors?|ownership|holders)\b", STRONG, 0),
        (r"\b13[fdg]\b|\bregulatory filing\b|\bsec filing\b", STRONG, 0),
        (
            r"\binsiders?\b(?: \w+){0,4} (?:bought|sold|buying|selling|purchased)\b|\binsider "
            r"(?:buying|selling|trading)\b",
            STRONG,
            0,
        ),
        (r"\b(?:billionaire|activist|famed|notable|legendary) investors?\b", STRONG, 0),
        (
            r"\b(?:bought|buying|sold|selling|purchased|dumped"
            r"|offloaded) (?:[\w$.,-]+ ){0,3}?shares\b",
            STRONG,
            0,
        ),
    ),
    "geopolitics": (
        (r"\bgeopolitic(?:s|al)\b", STRONG, -1),
        (
            r"\b(?:u\.s\.|us|american|washington)[- –](?:china|chinese|beijing) (?:tensions|"
            r"relations|rivalry|ties|trade war|competition|dispute)\b",
            STRONG,
            -1,
        ),
        (
            r"\b(?:tensions?|relations|ties|rivalry|dispute) (?:between|with) (?:the )?(?:u\.s\.|"
            r"us|united states|china|beijing|washington|russia|taiwan|india|japan)",
            STRONG,
            -1,
        ),
        (r"\btrade (?:war|tensions?|dispute|talks|negotiations|truce)\b", STRONG, 0),
        (
            r"\b(?:geopolitical|military|border|strait|cross-strait|diplomatic) tensions\b|"
            r"\btensions (?:escalated|flared|rose|mounted|eased|cooled)\b|\boutbreak of war\b|"
            r"\bwar in\b|\bmilitary (?:conflict|drills|strikes?)\b|\binvasion\b|"
            r"\bmissiles? (?:launch|test|strike)s?\b",
            STRONG,
            -1,
        ),
        (
            r"\bceasefire\b|\bcease-fire\b|\bpeace (?:talks|deal|agreement)\b|\btruce\b|\bthaw\b",
            STRONG,
            1,
        ),
        (
            r"\bdiplomat(?:ic|s|cy)\b|\bsummit (?:between|with|of|meeting|talks)\b|"
            r"\b(?:leaders'?|g-?\d+|bilateral|trade) summit\b|\bbilateral\b"
            r"|\bstrategic competition\b",
            STRONG,
            0,
        ),
        (
            r"\bwar\b|\binvasion\b|\bmilitary\b|\bmissiles?\b|\bspy balloon\b|\bairstrikes?\b",
            MEDIUM,
            -1,
        ),
    ),
}
