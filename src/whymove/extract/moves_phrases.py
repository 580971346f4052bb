"""Noun phrases around a move word: which can be its subject and which cannot.

A security's name, "shares"/"the stock"/"its ADRs", "the index", "the fund", "the company",
a pronoun or a group ("all three stocks") can move; revenue, exports, yields, targets, stakes
and the like cannot, and stop the search for a subject. Also here: what may stand between a
subject and its verb (company suffixes, ticker codes, common words written in a headline's
title case) and what marks a name as the object of something else ("for Alphabet").
"""

from __future__ import annotations

import re

from whymove.extract.moves_lexicon import ADVERB_SKIP, AFTER, AS, FOLLOW_OK, MOTION, TIME_WORDS

NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10}  # fmt: skip

STOCK_NOUN = re.compile(
    r"\b(?:shares|share price|stock price|share prices|stocks?|ADRs?|ADSs?|American depositary "
    r"(?:receipts|shares)|equity|(?:dual )?listing)\b(?!\s+(?:market|exchange|index|indices|"
    r"indexes|split|options?|buyback|award|compensation|picks?|pickers?|offering|sale|sales|"
    r"purchase|count|register|capital|holdings?|stake|based|grant|plan|program))",
    re.I,
)
OWNER_GAP = re.compile(
    r"^[\s)]*(?:\([^)]{0,40}\))?\s*(?:,?\s*(?:Inc|Corp|Co|Ltd|plc|PLC|AG|SA|NV|SE|Limited|"
    r"Holdings?|Group|Company|Incorporated|Corporation)\b\.?)*\s*(?:['’]s?)?\s*(?:(?:(?:[\w.]+[\s-]){0,3}(?:listed|traded)|class\s+[a-c]|"
    r"common|ordinary|hong kong|u\.s\.|us|new york|[a-h]|dual)\s*)*$",
    re.I,
)
POSSESSIVE_REF = re.compile(
    r"(?:\b(?:its|their)|\bthe\s+(?:[\w-]+\s+){0,2}?(?:company|firm|group|stock|retailer|"
    r"chipmaker|chip maker|carmaker|automaker|lender|bank|giant|insurer|drugmaker|miner|"
    r"airline|maker|operator|conglomerate|developer|producer|manufacturer|provider|platform|"
    r"startup|brand|index|fund|etf)(?:'s|’s))\s+(?:[\w.-]+[- ](?:listed|traded)\s+|"
    r"class [a-c]\s+|dual\s+|hong kong\s+|u\.s\.\s+|new york\s+)*$",
    re.I,
)
BARE_REF = re.compile(
    r"(?:^|\b(?:[Tt]he|sent|sending|pushed|pushing|lifted|lifting|drove|driving|dragged|dragging|"
    r"knocked|knocking|left|leaving|took|taking|put|putting|saw|seeing|kept|keeping|with)\s+)\s*$"
)
INDEX_REF = re.compile(
    r"\bthe\s+(?:(?:benchmark|broader|broad|blue[- ]chip|tech-heavy|tech|main|key|wider|"
    r"flagship|headline|large-cap|small-cap|mainland|onshore|offshore)\s+){0,2}"
    r"(?:index|gauge|benchmark|average|composite)\b",
    re.I,
)
ETF_REF = re.compile(r"\bthe\s+(?:[\w-]+\s+){0,2}?(?:ETF|exchange-traded fund|fund)\b", re.I)
COMPANY_REF = re.compile(
    r"\bthe\s+(?:[\w-]+\s+){0,2}?(?:company|firm|group|retailer|chipmaker|chip maker|carmaker|"
    r"automaker|lender|giant|insurer|drugmaker|miner|airline|conglomerate|e-commerce giant|"
    r"tech giant|startup)\b(?!['’]s)",
    re.I,
)
PRONOUN = re.compile(
    r"^\W*(?:[A-Z][\w'’]*(?:\s+[\w'’]+){0,3},\s+)?(?:and\s+|but\s+|while\s+|so\s+)?"
    r"(it|they|them)(?:['’]s)?\s*(?:(?:is|are|was|were|has|have|had|"
    r"been|also|still|now|already|again|only|about|around|nearly|almost|roughly|some|more than|"
    r"over|\d[\d.,]*\s?(?:%|percent|per cent))\s*)*$|\b(?:leaving|putting|sending|taking|"
    r"bringing|pushing|lifting|keeping|left|put|sent|took|brought|pushed|lifted|kept)\s+(it|them)\s*$",
    re.I,
)
GROUP = re.compile(
    r"\b(?:(?:all|the)\s+(two|three|four|five|six|seven|eight|nine|ten|\d)\s+(?:stocks|"
    r"companies|names|firms|shares|of them)|both\s+(?:stocks|companies|names|firms)|both)\b",
    re.I,
)
BLOCKERS = re.compile(
    r"\b(?:revenues?|sales|profits?|earnings|income|EPS|margins?|exports?|imports?|surplus|"
    r"deficit|output|production|deliveries|shipments|orders|bookings|volumes?|users|"
    r"subscribers|customers|traffic|GMV|prices|price target|targets?|rates?|yields?|inflation|"
    r"GDP|unemployment|payrolls|stakes?|holdings|ownership|position|dividends?|spending|capex|"
    r"costs|expenses|debt|cash|valuation|market value|market cap(?:italization)?|demand|"
    r"supply|sentiment|confidence|jobs|wages|headcount|employees|ratings?|scores?|ranking|"
    r"market share|growth|forecasts?|guidance|estimates?|expectations|consensus|outlook|"
    r"inventor(?:y|ies)|assets|loans|deposits|premiums|bonds?|oil|crude|gold|silver|copper|"
    r"bitcoin|ether|dollar|yuan|renminbi|rupee|yen|euro|sterling|pound|currency|treasuries|"
    r"futures|options|contracts|tariffs?|taxes|fees|rents?|downloads|installs|visits|views|"
    r"short interest|open interest|net worth|fortune|wealth|IPO|offering|funds? flows?|"
    r"inflows|outflows|bets|index futures|PMI|CPI|sales growth|number|Treasury|notes?|bills?|"
    r"bunds?|gilts?|shoppers|consumers|investors|analysts|traders|economists|buyers|sellers|"
    r"e-minis?|minis|weights?|weighting|allocations?|exposure|portfolios?|Wall Street|markets?|"
    r"business|businesses|segments?|units?|divisions?|arm|operations|subsidiary|discounts?|"
    r"premiums?|funds|NAV|net asset value|"
    r"equities|indexes|indices|sectors?|industry|economy|unemployment rate)\b",
    re.I,
)


CANDIDATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("stock", STOCK_NOUN),
    ("index", INDEX_REF),
    ("etf", ETF_REF),
    ("company", COMPANY_REF),
    ("group", GROUP),
    ("block", BLOCKERS),
)

COORDINATION = re.compile(
    r"^[\s).]*(?:\([^)]{0,30}\))?(?:,?\s*(?:Inc|Corp|Co|Ltd|plc|AG|SA|NV|SE|Limited|Holdings?|"
    r"Group)\b\.?)*[\s).]*(?:,\s*(?:and\s+|&\s+)?|and|&|as well as|along with|together with|"
    r"plus|or)\s*(?:the\s+)?(?:(?!(?:in|on|at|of|for|with|to|from|by|today|trading|and|or|"
    r"the|is|are|was|were|has|have)\b)[a-z][\w-]*\s+){0,3}$",
    re.I,
)
ANOTHER_CLAUSE = re.compile(
    r"\b(?:said|says|say|reported|reports|announced|noted|told|expects?|expected|warned|"
    rf"thinks?|believes?|estimated|that|because|if|when|{AFTER}|{AS}|"
    r"following|amid|despite|while|whereas|but)\b",
    re.I,
)
OBJECT_OF = re.compile(
    r"\b(?:for|to|with|from|than|against|by|at|like|toward|towards|versus|vs\.?|about|over|"
    r"into|on|onto|among|between|beat|beats|outpaced|outperformed|underperformed|past|in|of)\s+"
    r"(?:the\s+|its\s+|their\s+)?(?:[A-Z]{2,6}:\s?)?$",
    re.I,
)
GAP_WORD = re.compile(r"(?<![\d.])[A-Za-z][\w'’-]*")
CAPITAL = re.compile(r"(?<![\w.’'/-])[A-Z][\w&.-]*")
CAPITALS_OK = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep
    Sept Oct Nov Dec Inc Inc. Corp Corp. Co Co. Ltd Ltd. Group Holdings Holding Limited PLC plc
    ADR ADRs ADS ADSs Class A B C I US U.S. Shares Stock Stocks ET EST EDT GMT Hong Kong New
    York Shanghai Shenzhen London Tokyo Frankfurt Paris Taipei Seoul Mumbai Toronto Sydney
    Zurich Singapore Amsterdam Wall Street NYSE Nasdaq Asia Asian Europe European American
    China Chinese Japan Japanese U.K. UK Britain British Germany German India Indian Korea
    Korean Taiwan Taiwanese Canada Canadian Australia Australian Swiss Dutch French""".split()
)
RELATIVE_TAIL = re.compile(
    r",?\s+(?:which|that|who)\s+(?:(?:is|are|was|were|has|have|had|been|also|still|is now)\s+)*"
    r"(?:(?:trading|about|around|nearly|roughly|\d[\d.,]*\s?%)\s*)*$",
    re.I,
)
DESCRIBED_REF = re.compile(r"^(?:[Tt]he|[Ii]ts)\s+(?:[a-z][\w-]*\s+){1,2}$")
COMPLEMENT = re.compile(r"\b(?:of|in)\s+(?:[\w&-]+\s+){1,4}$")
NOUN_PP = re.compile(r"\s+(?:in|of|for)\s+(?:(?:the\s+)?(?:shares|stock)\s+of\s+)?", re.I)

_SUFFIXES = frozenset(
    """inc corp co ltd plc ag sa nv se asa ab spa oyj llc lp group holdings holding limited
    company corporation incorporated bhd tbk index composite average etf fund trust""".split()
)
"""Words that end a company's or an index's name ("Danske Bank A/S", "Nikkei 225 Stock Index")."""
_COMMON = (
    MOTION
    | ADVERB_SKIP
    | FOLLOW_OK
    | TIME_WORDS
    | frozenset("stock stocks shares share currently now again still also already".split())
) - frozenset("vs versus against than compared".split())
"""Common words a headline writes in title case ("Tesla Stock Is Rising", "Shares Tick")."""
CODES = re.compile(
    r"\(\s*(?:[A-Z][A-Za-z]*\s*:\s*)?[A-Z][A-Za-z0-9.\-]{0,12}\s*\)|"
    r"(?<![A-Z0-9.])[A-Z][A-Za-z0-9]{0,6}\.[A-Z]{1,3}\b|(?<![\w.])\.[A-Z][A-Z0-9]{1,8}\b"
)
"""Ticker codes written beside a name: "(NYSE:BABA)", "(DANSK.C.DX)", "META.O", ".SPX"."""
_NAME_LIST = re.compile(
    r"^(?:\s*(?:,\s*(?:and\s+|&\s+)?|and\s+|&\s+)[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,2})+"
)
"""Further names listed after the subject ("CoreWeave, Cava plunge"): the same subject."""


def names_another(gap: str) -> bool:
    """Whether a capitalised word other than a suffix, a code or a common word stands in the
    gap between a subject and its move word: then that unknown name is the subject."""
    gap = _NAME_LIST.sub(" ", CODES.sub(" ", gap), count=1)
    for word in CAPITAL.findall(gap):
        key = word.lower().rstrip(".")
        if word in CAPITALS_OK or key in _SUFFIXES or key in _COMMON:
            continue
        if key.endswith("ly") and len(key) > 4:
            continue
        return True
    return False


def only_name_parts(text: str) -> bool:
    """Whether ``text`` (with the names in it blanked) holds only punctuation, codes and
    suffixes: ", S&P 500," in "Dow, S&P 500, Nasdaq slump" is a list item, not an aside."""
    rest = CODES.sub(" ", text)
    return all(w.lower().rstrip(".") in _SUFFIXES for w in re.findall(r"[A-Za-z][\w.&/-]*", rest))


_FRONTED = re.compile(
    r"^\W*(?:[A-Z][a-z]+ly|However|Meanwhile|Moreover|Further(?:more)?|Also|Still|Indeed|"
    r"Separately|Elsewhere|Overall|Additionally|Likewise|Similarly|Instead|Finally|Now|Yet|"
    r"(?:In|On|At|By|For|During|Over|After|Since|So|As of)\b[^,]{0,30})\s*$"
)
"""An adverbial opening the sentence ("Notably, the stock ..."): its comma opens no aside."""


_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could)\b")
"""A clause between two commas has a verb of its own: it is not an apposition."""


def _finite(span: str) -> bool:
    """Whether ``span`` has a verb of its own outside a relative clause ("AAPL stock has barely
    moved in 2024" has; "another vendor that has been pitching AI" has not)."""
    verb = _FINITE.search(span)
    if verb is None:
        return False
    return not re.search(r"\b(?:that|which|who|whose|where)\b", span[: verb.start()])


def masked_spans(text: str, base: int) -> list[tuple[int, int]]:
    """Asides inside a subject phrase (paired dashes, relative clauses, long parentheses)."""
    spans = []
    for match in re.finditer(r"\s[—–-]{1,2}\s[^—–]*?\s[—–-]{1,2}\s", text):
        spans.append((base + match.start(), base + match.end()))
    for match in re.finditer(r",\s+(?:which|who|whose|where|whom)\b[^,]*,", text):
        spans.append((base + match.start(), base + match.end()))
    opener = re.search(
        r",\s+(?:comprising|including|which|who|whose|such as|like|led by|known as|excluding|"
        r"home to|owner of|parent of|maker of)\b.*,",
        text,
    )
    if opener and len(text[opener.end() :].split()) <= 4:
        spans.append((base + opener.start(), base + opener.end()))
    for match in re.finditer(r"\((?:[^()]*\s){4,}[^()]*\)", text):
        spans.append((base + match.start(), base + match.end()))
    commas = [m.start() for m in re.finditer(",", text)]
    if len(commas) >= 2:
        prev, last = commas[-2], commas[-1]
        tail = text[last + 1 :]
        if (
            len(tail.split()) <= 4
            and not re.match(r"\s*(?:and|or|&)\b", tail)
            and not re.search(r"\b(?:and|or|&)\s", text[prev:last])
            and not _FRONTED.match(text[:prev])
            and not _finite(text[prev:last])
        ):
            spans.append((base + prev, base + last + 1))
    return spans
