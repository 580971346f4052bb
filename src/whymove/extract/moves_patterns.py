"""The vocabulary of stated price moves: direction words, sizes, prices, sessions, horizons.

These are patterns of market-news grammar, not of particular articles: the verbs, nouns and
adjectives of direction ("rose", "a 3% drop", "closed 2.6% higher", "up 8%", "flat"); how a size
is written ("8.1%", "8.1 per cent", "more than doubled", "double-digit"); how a price follows a
move ("at $84.60", "to close at HK$21.45", "at 28.61"); the session ("premarket", "after the
bell", "closed") and the horizon ("year-to-date", "over the past 12 months", "since its IPO").
All regexes are compiled once, at import.
"""

from __future__ import annotations

import re

QUANTITY_WORDS = re.compile(r"\b(?:double|triple|single)[- ]digit\b", re.I)


# --- sizes ----------------------------------------------------------------------------------
_PCT_NUMBER = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
PERCENT = re.compile(
    rf"(?<![\w.])([+\-−]?)\s?{_PCT_NUMBER}\s?(?:%|percent\b|per cent\b|pct\b|pc\b)"
    r"(?!\s*(?:points?|pts)\b)",
    re.I,
)
WORD_PERCENT = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty)\s+(?:percent|per cent)\b",
    re.I,
)
WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50,
}  # fmt: skip
FRACTION = re.compile(
    r"\b(?:(?:one|two)[- ]thirds?|a third|(?:one|three)[- ]quarters?|a quarter|half|"
    r"(?:two|three|four|five|ten)[- ]?(?:fold|times))\b",
    re.I,
)
LOWER_BOUND = re.compile(r"(?:more than|over|at least|upwards of|in excess of|north of)\s*$", re.I)
UPPER_BOUND = re.compile(r"(?:nearly|almost|close to|just under|less than|up to|shy of)\s*$", re.I)
# what a percent must not be followed by to be a price move's size
NOT_MOVE_PERCENT = re.compile(
    r"^\s*(?:of\s+(?:its|their|the|total|all|global|annual|revenue|sales|the company)"
    r"(?!\s+(?:market\s+)?value)|"
    r"stake|interest|tariffs?|discount|premium|yield|dividend|margin|market share|share of|"
    r"ownership|owned|holding|weighting|weight|of (?:revenue|sales|profit)|"
    r"(?:annual|year-on-year|year-over-year)?\s*(?:revenue|sales|growth|profit|increase in "
    r"(?:revenue|sales|profit)|rise in (?:revenue|sales|profit))|chance|probability|likelihood|"
    r"rate|cut|hike|raise|tax|fee|commission|return on|coupon|of analysts|of investors)\b",
    re.I,
)

# --- prices ---------------------------------------------------------------------------------
CURRENCY_SYMBOLS: dict[str, str] = {
    "us$": "USD", "u.s.$": "USD", "hk$": "HKD", "c$": "CAD", "ca$": "CAD", "a$": "AUD",
    "au$": "AUD", "s$": "SGD", "nt$": "TWD", "nz$": "NZD", "r$": "BRL", "rmb": "CNY",
    "cny": "CNY", "usd": "USD", "hkd": "HKD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY",
    "chf": "CHF", "inr": "INR", "rs": "INR", "rs.": "INR", "₹": "INR", "€": "EUR", "£": "GBP",
    "¥": "JPY", "₩": "KRW", "$": "USD",
}  # fmt: skip
CURRENCY_UNITS: dict[str, str] = {
    "pence": "GBX", "p": "GBX", "cents": "USD", "yuan": "CNY", "euro": "EUR", "euros": "EUR",
    "yen": "JPY", "won": "KRW", "rupees": "INR", "hk dollars": "HKD",
    "hong kong dollars": "HKD", "swiss francs": "CHF", "francs": "CHF", "points": "",
    "pts": "",
}  # fmt: skip
_CUR = (
    r"(US\$|U\.S\.\$|HK\$|CA?\$|AU?\$|S\$|NT\$|NZ\$|R\$|"
    r"(?:RMB|CNY|USD|HKD|EUR|GBP|JPY|CHF|INR|Rs\.?)\s?|[₹€£¥₩$])"
)
_AMOUNT = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_UNIT = (
    r"(?:\s?(pence|p(?![\w.])|cents|yuan|euros?|yen|won|rupees|HK dollars|Hong Kong dollars|"
    r"Swiss francs|francs|points|pts)\b)?"
)
_NOT_PRICE_AFTER = (
    r"(?!\s*(?:million|billion|trillion|bn|mn|mln|m\b|b\b|k\b|thousand|%|percent|per cent|"
    r"times|x\b|a\.m|p\.m|am\b|pm\b|GMT|ET\b|EST|EDT|local|hours|shares|-year|-month|-day|"
    r"[:\d]|\.\d))"
)
_PRICE_LEAD = (
    r"(?:(?:\b(?:at|to|reach(?:ed|ing)?|hit(?:ting)?|touch(?:ed|ing)?|near)\s+|@\s?)"
    r"(?:(?:an?|its|their|the)\s+)?(?:(?:record|all-time|fresh|new|session|intraday|"
    r"\d+-(?:year|month|week)|[\w]+-(?:year|month|week)|multi-year|one-year|two-year)\s+)*"
    r"(?:(?:high|low|close|peak)\s+(?:of\s+)?)?"
    r"(?:about|around|roughly|approximately|nearly|almost|just over|just under|some|near|"
    r"close to|a little over|an?)?\s*)"
)
PRICE_AFTER_LEAD = re.compile(rf"{_PRICE_LEAD}{_CUR}?\s?{_AMOUNT}{_NOT_PRICE_AFTER}{_UNIT}", re.I)
PRICE_EACH = re.compile(rf"{_CUR}\s?{_AMOUNT}\s+(?:apiece|a share|per share|each)\b", re.I)
NOT_PRICE_BEFORE = re.compile(
    r"\b(?:targets?|price target|valuation|valued|market (?:cap|capitalization|value)|worth|"
    r"from|offer|offered|bid|deal|buyback|dividend|revenue|sales|profit|loss of|fine|raise|"
    r"raised|lowered|cut|set|estimate|forecast|guidance|outlook|fair value|earnings|eps)"
    r"(?:\s+\w+){0,2}\s*$",
    re.I,
)

# --- sessions -------------------------------------------------------------------------------
SESSIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"\bpre-?market\b|\bpre-?open(?:ing)?\b|\b(?:before|ahead of) the (?:opening )?"
            r"(?:bell|open)\b|\b(?:set|indicated|poised) to open\b|\bearly indications?\b",
            re.I,
        ),
        "premarket",
    ),
    (
        re.compile(
            r"\bafter[- ]hours?\b|\bextended[- ](?:hours |session )?trad(?:e|ing)\b|"
            r"\bafter the (?:closing )?bell\b|\bpost-?market\b|\bafter the close\b|"
            r"\blate[- ]session trading\b",
            re.I,
        ),
        "after_hours",
    ),
    (
        re.compile(
            r"\bclos(?:e|ed|es|ing)\b(?! to)|\bend(?:ed|ing|s)?\b(?! of)|\bfinish(?:ed|es|ing)?\b|"
            r"\bsettl(?:e|ed|es|ing)\b|\bintraday\b|\bregular(?:[- ]session| session| trading"
            r"| hours)\b|\bopen(?:ed|ing|s)?\b(?! (?:to|up|the way))(?!-)|\bmidday\b|"
            r"\bin (?:early|late|afternoon|morning|midday|mid-day|lunchtime) (?:trade|trading|"
            r"deals|session)\b|\bin (?:the|today's|\w+day's|\w+day’s) (?:regular )?session\b",
            re.I,
        ),
        "regular",
    ),
)

# --- horizons -------------------------------------------------------------------------------
_N = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|few|a few|a couple of)"
HORIZONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"\byear[- ]to[- ]date\b|\bYTD\b|\bthis year\b|\bso far (?:this|in the) year\b|"
            r"\b(?:since|from) the (?:start|beginning|end) of (?:the |this )?(?:calendar )?"
            r"(?:year|January)\b|"
            r"\b(?:in|over|during) the first half(?: of (?:the|this) year)?\b|"
            r"\bin the year so far\b|\bfor the year\b|\bon the year\b|\bearly in the year\b|"
            r"\bin the (?:first|opening|early) (?:days|weeks|months) of (?:the|this) year\b|"
            r"\b(?:over|in|during) the course of (?:the|this) year\b|\bover the year\b",
            re.I,
        ),
        "ytd",
    ),
    (
        re.compile(
            r"\b(?:past|last|previous|preceding|trailing|prior) (?:12|twelve) months\b|"
            r"\b(?:over|in|during) the (?:past|last) (?:one |1 )?year\b|\bpast year\b|"
            r"\b(?:in|over) (?:one|a|1) year\b|\b(?:last|past) (?:one|1) year\b|"
            r"\b(?:from|than|compared with|versus|vs\.?|on) (?:a|one) year "
            r"(?:ago|earlier|before)\b|"
            r"\byear[- ](?:on|over)[- ]year\b|\b52-week (?:gain|loss|decline|rise|advance|drop)\b|"
            r"\blast year\b|\b(?:in|through|during|throughout|over|for) (?:the )?(?:whole |full |"
            r"entire |all )?(?:of )?(?:19|20)\d{2}\b(?![-/]\d)|"
            r"\b(?:finish|finished|end|ended|close|closed) (?:the|its|their) year\b",
            re.I,
        ),
        "year",
    ),
    (
        re.compile(
            rf"\b(?:past|last|previous|preceding|prior|over|in)\s+(?:the\s+)?(?:past\s+)?"
            rf"(?:{_N})\s+years\b|\b(?:past|last) decade\b|\bmulti-?year (?:gain|rally|decline|"
            r"run|slide|slump|rise)\b",
            re.I,
        ),
        "multi_year",
    ),
    (
        re.compile(
            r"\b(?:this|last|past|previous|prior) (?:one |1 )?month\b|\bmonth[- ]to[- ]date\b|"
            r"\bin recent (?:weeks|months)\b|\b(?:in|within) (?:a|one) month\b|"
            r"\b(?:for|on|over) the month\b|\b(?:past|last) (?:30|thirty|four|4|three|3|two|2) "
            r"(?:days|weeks)\b|\b(?:this|last|past|previous|prior) quarter\b|"
            r"\bquarter[- ]to[- ]date\b|\bin (?:the )?(?:first|second|third|fourth) quarter\b|"
            r"\b(?:finish|finished|end|ended|close|closed) (?:the|its|their) (?:month|quarter)\b|"
            r"\bin the month of (?:January|February|March|April|May|June|July|August|September|"
            r"October|November|December)\b|"
            r"\b(?:finish|finished|end|ended|close|closed) out (?:January|February|March|April|"
            r"May|June|July|August|September|October|November|December|the month)\b|"
            r"\b(?:so far )?in (?:January|February|March|April|May|June|July|August|September|"
            r"October|November|December)\b(?!\s+\d)",
            re.I,
        ),
        "month",
    ),
    (
        re.compile(
            r"\b(?:this|last|past|previous|prior) (?:one |1 )?week\b|\bweek[- ]to[- ]date\b|"
            r"\b(?:through|throughout) the week\b|\bin recent (?:days|sessions)\b|"
            r"\b(?:in|within) (?:a|one) week\b|"
            r"\b(?:for|on|over|in) the week\b|\bweekly (?:gain|loss|decline|rise|advance|drop)\b|"
            r"\b(?:finish|finished|end|ended|close|closed) (?:the|its|their) week\b|"
            rf"\b(?:past|last|previous|preceding|prior|over|in)\s+(?:the\s+)?(?:past\s+)?"
            rf"(?:{_N}|five|5)\s+(?:trading\s+)?(?:days?|sessions)\b|"
            r"\b(?:two|three|four|five|2|3|4|5)-(?:day|session) (?:gain|loss|rally|rise|decline|"
            r"slide|drop|run)\b",
            re.I,
        ),
        "week",
    ),
    (
        re.compile(
            r"\bsince\b|\bfrom (?:(?:its|their|the|a|an)\s+)?(?:[\w-]+\s+){0,3}?(?:peak|high|highs|"
            r"low|lows|record|IPO|debut|listing|bottom|trough|offer price|flotation)\b|"
            r"\bfrom (?:(?:its|their|the)\s+)?(?:[\w-]+\s+)?(?:19|20)\d\d(?:\s+[\w-]+)?\s+"
            r"levels?\b|"
            r"\bfrom (?:the )?(?:year-end|end of|start of|beginning of) (?:19|20)\d\d\b|"
            r"\bfrom (?:pre-[\w-]+|[\w-]+-era|[\w-]+-time) (?:levels?|highs?|lows?|peaks?)\b|"
            r"\b(?:than|below|above|off)\s+(?:its|their|the|a|an)\s+(?:[\w-]+\s+){0,3}?"
            r"(?:peak|high|highs|low|lows|record|IPO|debut|listing|bottom|trough|offer price)\b",
            re.I,
        ),
        "since",
    ),
)
FORECAST = re.compile(
    r"\b(?:over|in|within) the (?:next|coming) \w+|\bnext (?:year|month|week|quarter)\b|"
    r"\bupside\b|\bdownside\b|\bprice target\b|\btarget of\b|\bby the end of (?:the|this|next) "
    r"year\b",
    re.I,
)
SUPERLATIVE_CONTEXT = re.compile(
    r"\b(?:worst|best|biggest|largest|highest|lowest|steepest|sharpest|strongest|weakest|"
    r"most|least|first|longest)\b(?:\s+[\w-]+){0,4}\s*$",
    re.I,
)
PAST_N = re.compile(
    r"\b(?:past|last|previous|preceding|prior|trailing|over the|in the|in|over|within)\s+"
    r"(?:past\s+|last\s+)?"
    r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"several|few|a few|couple of|a couple of)[\s-]+(?:trading[\s-]+)?(days?|sessions?|weeks?|"
    r"months?)\b",
    re.I,
)
SPAN_NOUN = re.compile(
    r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty)[\s-](day|session|week|month)s?\s+(?:gain|rise|increase|advance|rally|run|run-up|"
    r"climb|decline|drop|loss|slide|fall|slump|selloff|sell-off|return|performance|streak)\b",
    re.I,
)
"""A span written as an adjective of the move noun: "its 12-month increase", "a five-day slide"."""
_PAST_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
               "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
               "twenty": 20, "thirty": 30, "several": 3, "few": 3, "a few": 3,
               "couple of": 2, "a couple of": 2}  # fmt: skip


def past_n_horizon(match: re.Match[str]) -> str:
    """The horizon of "the past N days/weeks/months": a week up to about ten sessions, a month
    up to about a quarter... then a year."""
    token = match.group(1).lower()
    count = int(token) if token.isdigit() else _PAST_WORDS.get(token, 3)
    unit = match.group(2).lower().rstrip("s")
    days = count * {"day": 1, "session": 1.4, "week": 7, "month": 30}[unit]
    if days <= 15:
        return "week"
    if days <= 200:
        return "month"
    return "year"


DAY_MARKERS = re.compile(
    r"\b(?:today|yesterday|on the day|intraday|in (?:early|late|afternoon|morning) trad|"
    r"session|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|clos(?:e|ed|ing)|"
    r"open(?:ed|ing)|premarket|pre-market|after-hours|after hours)\b",
    re.I,
)

# --- listing places -------------------------------------------------------------------------
US_MICS = frozenset({"XNYS", "XNAS", "XNGS", "XNMS", "XNCM", "ARCX", "BATS", "XASE", "IEXG"})
PLACES: tuple[tuple[str, frozenset[str]], ...] = (
    (r"Hong Kong|HK|HKEX|HKEx", frozenset({"XHKG"})),
    (r"New York|NYSE|Nasdaq|NASDAQ|U\.S\.|US|United States|American|Wall Street", US_MICS),
    (r"Shanghai|Shenzhen|mainland|onshore|China A", frozenset({"XSHG", "XSHE"})),
    (r"London|LSE", frozenset({"XLON"})),
    (r"Tokyo", frozenset({"XTKS"})),
    (r"Frankfurt|Xetra|Germany|German", frozenset({"XETR", "XFRA"})),
    (r"Paris", frozenset({"XPAR"})),
    (r"Amsterdam", frozenset({"XAMS"})),
    (r"Seoul", frozenset({"XKRX"})),
    (r"Taipei|Taiwan", frozenset({"XTAI"})),
    (r"Toronto|TSX", frozenset({"XTSE"})),
    (r"Sydney|ASX", frozenset({"XASX"})),
    (r"Zurich|SIX", frozenset({"XSWX"})),
    (r"Mumbai|NSE|BSE", frozenset({"XBOM", "XNSE"})),
    (r"Singapore", frozenset({"XSES"})),
)
_LISTED = (
    r"(?:[- ](?:listed|traded)\b|\s+(?:Stock\s+)?Exchange\b|"
    r"\s+(?:shares|stock|listing|trading|trade|bourse|ADRs?|ADSs?)\b)"
)
PLACE_PATTERNS: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = (
    *(
        (
            re.compile(
                rf"(?:\b(?:in|on)\s+(?:the\s+)?(?:{names})(?![\w-]|\.\w|'s|’s)(?:{_LISTED})?|"
                rf"(?<![\w.])(?:{names}){_LISTED})"
            ),
            mics,
        )
        for names, mics in PLACES
    ),
    (re.compile(r"\b(?:ADRs?|ADSs?|American depositary (?:receipts|shares))\b"), US_MICS),
    (re.compile(r"\b(?:A-shares?|A shares)\b"), frozenset({"XSHG", "XSHE"})),
    (re.compile(r"\bH-shares?\b"), frozenset({"XHKG"})),
)
PLACE_HINT = re.compile(
    "|".join(names for names, _ in PLACES) + r"|ADR|ADS|American depositary|A-share|A share|H-share"
)
"""A cheap test that a text names a place of listing at all."""
