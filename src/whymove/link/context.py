"""Context rules around one name in a text: is it a company, a person, a source or furniture?

Each function looks at a few words on either side of a span (``start``, ``end``) of the text;
none looks at more than one line, so the cost per candidate is small and fixed. They are
patterns of English grammar and of the news trade ("shares of X", "a X analyst said",
"according to X", "X-listed"), not lists of sentences.
"""

from __future__ import annotations

import re

from whymove.link import lexicon

_EXCH = (
    r"(?:NYSE(?:\s?American|\s?Arca|\s?MKT)?|NYSEARCA|NYSEAMERICAN|NYSEMKT|AMEX|NASDAQ(?:GS|GM|CM)?"
    r"|Nasdaq(?:GS|GM|CM)?|OTC(?:QX|QB|MKTS)?|OTC Markets|BATS|CBOE|Cboe|HKEX|HKG|SEHK|HKSE|"
    r"SHA|SSE|SHE|SZSE|TYO|TSE|TSX|TSXV|LON|LSE|ETR|XETRA|FRA|EPA|AMS|EBR|BIT|BME|SWX|SIX|STO|"
    r"CPH|HEL|OSL|KRX|KOSDAQ|KOSPI|TPE|TWSE|TPEX|ASX|NSE|BSE|BOM|SGX|JSE|BMV|HK|SH|SZ)"
)
EXCHANGE_TAG = re.compile(rf"{_EXCH}\s*$")
"""An exchange code right before a ``:`` (``NYSE: BABA``)."""

_COMPANY_AFTER = re.compile(
    r"(?:['’]s)?[ \t]+(?:shares?|stock|ADRs?|ADSs?|share price|market (?:cap|value)|"
    r"Inc\b|Corp\b|Corporation|Co\b|Ltd|Limited|plc|Holdings|Group|N\.V\.|AG\b|SE\b|S\.A\.|"
    r"CEO|CFO|COO|chief|executives?|founder|co-?founder|chairman|chairwoman|board|"
    r"spokes(?:man|woman|person)|management|investors|shareholders|earnings|revenue|sales|"
    r"results|guidance|quarterly|fiscal|profits?|margins|outlook|dividend|buyback|valuation|"
    r"stake|customers|employees|workers|suppliers?|headquarters|subsidiary|unit|division|"
    r"reported|posted|announced|unveiled|launched|released|agreed|acquired|bought|sold|plans|"
    r"planned|said it|says it|shipped|recalled|hired|laid off|beat|missed|rose|fell|gained|"
    r"jumped|slid|dropped|surged|tumbled|climbed|declined|rallied|soared|plunged|sank|slumped|"
    r"traded|trades|closed|opened|is (?:expected|set|scheduled) to report)\b|"
    # "Target cut its forecast", "Shell said its margins": a verb with "its" is a company.
    r"[ \t]+(?!(?:across|unless|whereas|towards|besides|perhaps|always|plus|thus|this)\b)"
    r"(?:[a-z]{2,}ed|[a-z]{3,}s|cut|said|set|put|kept|sold|made|won|lost|hit|took|gave|began|"
    r"rose|fell|got|grew|led|paid|bought|built|held|spent|shut|split|beat|met|ran)[ \t]+its\b",
    re.IGNORECASE,
)
_STOCK_AFTER = re.compile(
    r"(?:['’]s)?[ \t]+(?:shares?|stock|ADRs?|share price|market (?:cap|value)|Inc\b|"
    r"Corp\b|Corporation|Co\b|Company|Ltd|Limited|plc|Holdings|Group)",
    re.IGNORECASE,
)
_STOCK_BEFORE = re.compile(r"\b(?:shares|stock|stake) (?:of|in)[ \t]+(?:the[ \t]+)?$")
_TICKER_AFTER = re.compile(
    r"\s*\((?:[A-Za-z]+\s*:\s*)?\$?(?:[A-Z0-9]{2,6}(?:[.-][A-Z]{1,3})?|[A-Z])[,;)]"
)
_COMPANY_BEFORE = re.compile(
    r"(?:\b(?:shares|stock|stake|investment|invest(?:ed|ing|s)?|holdings?) (?:of|in)|"
    r"\b(?:rivals?|peers?|competitors?|companies|firms|stocks|names|giants|makers|players) "
    r"(?:like|such as|including)|\b(?:giant|maker|chipmaker|automaker|carmaker|retailer|"
    r"company|firm|lender|bank|insurer|carrier|operator|conglomerate|brokerage|manufacturer|"
    r"producer|miner|airline|streamer|platform|utility|supplier|owner|parent|rival|peer|"
    r"competitor|customer|partner|group|operator|developer|designer|provider|specialist))"
    r"[ \t]+(?:the[ \t]+)?$"
)
_RATED_BEFORE = re.compile(
    r"(?i:\b(?:(?:up|down)grades?|(?:up|down)graded|initiates?|initiated|reiterates?|"
    r"reiterated|maintains?|maintained|reinstates?|resumes?|assigns?|raises?|raised|lowers?|"
    r"lowered|cuts?|boosts?|boosted|trims?|trimmed|sets?)\b(?:[ \t]+[\w$.%/-]+){0,3}?[ \t]+"
    r"(?:price target|target|PT|rating|coverage|buy|sell|hold|neutral|outperform|underperform|"
    r"overweight|underweight|equal[- ]?weight|(?:market|sector|peer) perform|perform)"
    r"(?:[ \t]+[\w$.%/-]+){0,2}?[ \t]+(?:on|for)|\b(?:(?:up|down)grades?|(?:up|down)graded|"
    r"initiates? coverage (?:on|of)))[ \t]+$"
)
_OF_IN = frozenset({"of", "in"})
_COMPANY_BEFORE_ENDS = frozenset(
    "of in like as including giant maker chipmaker automaker carmaker retailer company firm "
    "lender bank insurer carrier operator conglomerate brokerage manufacturer producer miner "
    "airline streamer platform utility supplier owner parent rival peer competitor customer "
    "partner group developer designer provider specialist".split()
)
_RATED_BEFORE_ENDS = frozenset(
    "on for of upgrade upgrades downgrade downgrades upgraded downgraded".split()
)
_RESEARCH_BEFORE_ENDS = frozenset("at from by of with for per citing cited via told to".split())
FIRM_NOUNS = tuple(
    f"{noun} "
    for noun in "firm company group provider house agency consultancy outfit tracker".split()
)
_POSSESSIVE = re.compile(r"['’]s\b(?![ \t]+[A-Z])")
_PERSON_AFTER = re.compile(r"[ \t]+[A-Z][a-z]+\b")
_TITLES = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Prof|Sir|Lord|Judge)\.?[ \t]+$")

_RESEARCH_AFTER = re.compile(
    r"(?:['’]s?)?[ \t]+(?:(?:(?!(?:Beats?|Miss(?:es)?|Tops?|Posts?|Reports?|Q\d)\b)[A-Z][\w.&-]*|"
    r"global|equity|research|securities|capital|investment|"
    r"banking|markets|economics|economic|chief|senior|lead|head|broadest|main|benchmark|global|"
    r"stock|[a-z]+-?market)[ \t]+){0,3}(?i:analysts?|strategists?|economists?|researchers?|"
    r"research|analysis|notes?|reports? (?:said|shows?|showed|found)|report(?![ \t]+(?:earnings|"
    r"results|quarterly|first|second|third|fourth|Q\d|fiscal|profits?|revenues?|record|on|a |an ))|"
    r"survey|polls?|data|figures|estimates?|forecasts?|"
    r"projections?|team|desk|said in a (?:research )?note|wrote|in a (?:research |client )?note|"
    r"expects?|sees|predicts?|(?:up|down)grade[sd]?|initiate[sd]?|reiterate[sd]?|maintain(?:s|ed)?|"
    r"reinstate[sd]?|resume[sd]?|assign(?:s|ed)?|names|named|rates|rated|says|noted|notes|"
    r"commented|argued|argues|warns|warned|believes|thinks|cautioned|cautions|claimed|claims|"
    r"highlighted|reckons|views?|take|call|thesis|model|argument|worry|concerns?|math|"
    r"number-crunching|calculations?|index|indexes|indices|benchmark|gauge|tool|indicator|"
    r"conference|(?:is|are|remains?)(?: also| still)? (?:a )?(?:bullish|bearish|positive|negative|"
    r"cautious|optimistic|constructive|overweight|underweight|buy|sell|hold)|"
    r"(?:raise[sd]?|lower(?:s|ed)?|cut|cuts|boost(?:s|ed)?|trim(?:s|med)?|lift(?:s|ed)?|"
    r"reduce[sd]?|increase[sd]?|set|sets|kept|keeps) (?:its|their|the|a)?[ \t]*"
    r"(?:[\w.-]+[ \t]+){0,3}(?:price )?(?:targets?|PT|ratings?|estimates?|forecasts?|views?|"
    r"outlook|stance))\b(?![ \t]+(?:it|its|it's|itself|the (?:bank|firm|company|lender|group))\b)|"
    # "..., BofA said." -- attribution closing a sentence
    r"[ \t]+(?:said|says|wrote|noted|added)[ \t]*[.,;:]"
)
_RESEARCH_PERSON = re.compile(r"['’]s[ \t]+[A-Z][a-z]+[ \t]+[A-Z][a-z]+")
_RESEARCH_BEFORE = re.compile(
    r"(?i:\b(?:analysts?|strategists?|economists?|researchers?|analysis|research|data|figures|"
    r"estimates?|forecasts?|note|report|survey|polls?|ratings?|team|calculations|rating|target|"
    r"upgraded?|downgraded?|coverage|weight|overweight|underweight|outperform|underperform|buy|"
    r"sell|hold|neutral|equal-?weight|market perform|sector perform|perform|trader|economist|"
    r"director|head(?: of [\w ]{2,30})?|officer|manager|partner|president|of (?:markets|research|"
    r"trading|strategy))(?:[ \t]+(?:again|also|later|now))?[ \t]+(?:at|from|by|of|with|for)|"
    r"\b(?:compiled|provided|cited|tracked|polled|surveyed|collected|published|calculated|quoted|"
    r"conducted|commissioned|hosted|organi[sz]ed) by|\baccording to(?:[ \t]+\w+){0,3}|"
    r"\bas per|\b(?:per|citing|cited|via|told))[ \t]+(?:the[ \t]+)?$"
)
_SOURCE_FIRM_BEFORE = re.compile(
    r"\b(?:research|data|analytics|consulting|consultancy|advisory|market[- ]research|ratings?|"
    r"credit[- ]rating|pricing|index) (?:firm|company|group|provider|house|agency|consultancy|"
    r"outfit|tracker)[ \t]+$"
)
_VENUE_BEFORE = re.compile(
    r"\b(?:listed|listing|lists?|debut(?:ed|s)?|traded?|trades|trading|float(?:ed)?|IPO|"
    r"quoted|shares|stocks) on[ \t]+(?:the[ \t]+)?$"
)
_VENUE_AFTER = re.compile(r"[-–\s](?:listed|traded|quoted)\b")

_LINE_START_BOILERPLATE = re.compile(
    r"\s*(?:[-•*·▪►]\s*)?(?:also read|read more|read next|related(?: articles?| stories| news|"
    r" coverage| content| posts?)?|see also|recommended|more from|more on|don'?t miss|check out|"
    r"trending|watch|listen|photo|image|video|disclosure|disclaimer|editor'?s? note)\b",
    re.IGNORECASE,
)
_BOILERPLATE_PHRASES = (
    # Prompts and legal lines are removed by the cleaner; these are the furniture it keeps:
    # fund-manager disclosures and stock-picking promotions.
    "©",
    "ll rights reserved",
    "has positions in",
    "has no position",
    "disclosure policy",
    "advertising partner",
    "tock Advisor",
    "tock advisor",
    "hould you invest $",
    "efore you buy stock",
    "stocks we like better",
    "opinions expressed",
    "ecessarily reflect",
    "ree report",
    "ree Stock Analysis",
)
_LIST_HEADING = re.compile(
    r"^\s*(?:related|recent|popular|trending|more|latest|top stories|most read|most popular|"
    r"read next|you may also like|recommended|further reading|in other news|also in)\b"
    r"[^.!?]{0,30}$",
    re.IGNORECASE,
)
_PROSE_END = tuple('.!?"”’')
_WORD_START = re.compile(r"\b\w")
_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~“”‘’–—•…«»"
_UPPER_BYTES = bytes(range(65, 91))
_LOWER_BYTES = bytes(range(97, 123))
_WORD = re.compile(r"[A-Za-z][A-Za-z'’&-]*")


def word_before(text: str, start: int) -> str:
    """The lower-case word right before ``start`` (past one "the"): every cue of the
    ``*_BEFORE`` patterns ends in a known word, so this gates their search cheaply."""
    words = text[max(0, start - 30) : start].split()
    if words and words[-1].lower() == "the":
        words.pop()
    return words[-1].strip(_PUNCTUATION).lower() if words else ""


def ends_with(pattern: re.Pattern[str], text: str, start: int, span: int) -> bool:
    """``pattern`` (which starts at a word, ``\\b``, and ends at ``$``) matches right before
    ``start``, within ``span`` characters: tried at word starts only, not at every offset."""
    for word in _WORD_START.finditer(text, max(0, start - span), start):
        if pattern.match(text, word.start(), start):
            return True
    return False


def line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def is_sentence_start(text: str, start: int) -> bool:
    """True when only quotes, brackets or a bullet separate ``start`` from the start of its
    sentence (the capital letter then proves nothing)."""
    i = start - 1
    while i >= 0 and text[i] in " \t\"“‘'([-•*·–—":
        i -= 1
    return i < 0 or text[i] in ".!?:;\n"


def is_title_line(text: str, start: int) -> bool:
    """True for a headline in Title Case or a line in capitals, where capitals prove nothing."""
    ls, le = line_bounds(text, start)
    if le - ls > 240:
        return False  # a headline is short
    words = _WORD.findall(text[ls:le])
    long_words = [w for w in words if len(w) >= 4]
    if len(long_words) < 3:
        return len(words) <= 6 and sum(w[0].isupper() for w in words) >= max(2, len(words) - 1)
    capitals = sum(w[0].isupper() for w in long_words)
    return capitals >= 0.75 * len(long_words)


def is_upper_line(text: str, start: int) -> bool:
    """True for a line written in capitals (a shouted headline): bare tickers prove nothing."""
    ls, le = line_bounds(text, start)
    window = text[max(ls, start - 100) : min(le, start + 100)].encode("ascii", "ignore")
    upper = len(window) - len(window.translate(None, _UPPER_BYTES))
    lower = len(window) - len(window.translate(None, _LOWER_BYTES))
    return upper + lower >= 8 and upper >= 4 * lower


def is_title_window(text: str, start: int, end: int) -> bool:
    """True when the words around a name are capitalised like a title (``7 Best Stocks for
    the Next 30 Days``), even inside a longer line."""
    ls, le = line_bounds(text, start)
    before = _WORD.findall(text[max(ls, start - 40) : start])[-3:]
    after = _WORD.findall(text[end : min(le, end + 40)])[:3]
    long_words = [w for w in (*before, *after) if len(w) >= 4]
    return len(long_words) >= 2 and all(w[0].isupper() for w in long_words)


def company_context(
    text: str, start: int, end: int, possessive: bool = False, strict: bool = False
) -> bool:
    """True when the words around the name make it a company: ``X shares``, ``X Inc.``,
    ``X (NASDAQ: X)``, ``X reported``, ``shares of X``, ``chipmaker X``. ``strict`` accepts
    only stock words, legal forms and ticker tags: a media outlet "reported" as a source."""
    if _TICKER_AFTER.match(text, end):
        return True
    if strict:
        return bool(_STOCK_AFTER.match(text, end)) or (
            word_before(text, start) in _OF_IN and ends_with(_STOCK_BEFORE, text, start, 30)
        )
    if _COMPANY_AFTER.match(text, end):
        return True
    if possessive and _POSSESSIVE.match(text, end):
        return True
    word = word_before(text, start)
    if word in _COMPANY_BEFORE_ENDS and ends_with(_COMPANY_BEFORE, text, start, 50):
        return True
    return word in _RATED_BEFORE_ENDS and ends_with(_RATED_BEFORE, text, start, 60)


def preceded_by_capital_word(
    text: str, start: int, title: bool = False, sentence_start: bool = True
) -> bool:
    """A capitalised word right before (``Big Apple``, ``Jack Ma``, ``First Republic``,
    ``Rock-Solid``): part of another name. At a sentence start the word counts unless it is a
    sentence opener (``But Apple``); in a title line, where every word is capitalised, only a
    word that often begins a longer name does (``First``, ``New``, ``British``).
    ``sentence_start=False`` never counts a sentence's first word."""
    i = start - 1
    if i < 1:
        return False
    if text[i] == "-":
        j = i
        while j > 0 and text[j - 1].isalpha():
            j -= 1
        return j < i and text[j].isupper()  # "Rock-Solid", not "ex-Celsius"
    if text[i] not in " \t":
        return False
    j = i
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] in ".'’-"):
        j -= 1
    word = text[j:i]
    if not word or not word[0].isupper() or word[-1] == ".":
        return False  # "on Thursday. Apple": the word before ends a sentence
    low = word.lower()
    if title:
        return low in lexicon.NAME_PREFIXES or low in lexicon.GIVEN_NAMES or low in _DETERMINERS
    if not is_sentence_start(text, j):
        return True
    return sentence_start and word.isalpha() and low not in lexicon.SENTENCE_OPENERS


def company_after(text: str, end: int) -> bool:
    """A stock word, legal form or ticker tag right after the name (``Target Corp``,
    ``Liberty shares``, ``Dover (DOV)``): the name is complete and a company."""
    return bool(_TICKER_AFTER.match(text, end) or _STOCK_AFTER.match(text, end))


_DETERMINERS = frozenset(
    "its their his her a an this that these those your our my every each any".split()
)
_PROPER_PHRASE = re.compile(
    r"(?:[ \t]+(?:[A-Z][\w&'’.+-]*|\d[\w.+/%-]*|of|ex-[\w-]+|for)){0,6}?[ \t]+"
    r"(?:ETFs?|ETNs?|Funds?|Trust|Index|Indices|Conference|Summit|Forum|Center|Centre|"
    r"Foundation|Institute|Stadium|Arena|Awards?|Prize|Festival|Tool|Cup|Championship)\b"
)
_FUND_PHRASE = re.compile(
    r"(?:[ \t]+(?:[A-Z][\w&'’.+-]*|\d[\w.+/%-]*|of|ex-[\w-]+|for)){0,6}?[ \t]+"
    r"(?:ETFs?|ETNs?|Funds?|Index|Indices)\b"
)


def in_proper_phrase(text: str, end: int) -> bool:
    """The name opens a longer proper noun that is not the company: a fund or an index
    (``Invesco Global Fund``, ``MSCI Information Technology Index ETF``), an event or a place
    (``J.P. Morgan Industrials Conference``, ``Wells Fargo Center``)."""
    nxt = text[end + 1 : end + 2]
    if not nxt or not (nxt.isupper() or nxt.isdigit()) or text[end] not in " \t":
        return False
    if _PROPER_PHRASE.match(text, end) is None:
        return False
    # Every word of a headline is capitalised: there only a fund or an index ends the phrase.
    return not is_title_line(text, end) or _FUND_PHRASE.match(text, end) is not None


def person_context(text: str, start: int, end: int) -> bool:
    """True when the name reads as a person's: a given name or a title right before it
    (``Jack Ma``, ``Mr. Ford``), or a family name right after it (``Baba Ramdev``)."""
    before = text[max(0, start - 20) : start]
    words = before.split()
    if words and words[-1].strip(".,").lower() in lexicon.GIVEN_NAMES and words[-1][0].isupper():
        return True
    if _TITLES.search(before):
        return True
    after = _PERSON_AFTER.match(text, end)
    if after:
        word = after.group().strip()
        return word.lower() not in lexicon.COMPANY_SUFFIXES and not _COMPANY_AFTER.match(text, end)
    return False


def research_source(text: str, start: int, end: int) -> bool:
    """True when a bank, broker or data firm is named only as the source of a view or a figure:
    ``a JPMorgan analyst``, ``Goldman Sachs strategists wrote``, ``according to FactSet``,
    ``analysts at Nomura``, ``Wedbush's Dan Ives``."""
    if _RESEARCH_AFTER.match(text, end) or _RESEARCH_PERSON.match(text, end):
        return True
    word = word_before(text, start)
    if word not in _RESEARCH_BEFORE_ENDS and "according to" not in text[max(0, start - 60) : start]:
        return False
    return ends_with(_RESEARCH_BEFORE, text, start, 60)


def source_firm(text: str, start: int) -> bool:
    """True when any company is introduced as a research or data firm: ``according to research
    firm Gartner``, ``data provider FactSet`` -- a source, whatever its listing."""
    if not text.endswith(FIRM_NOUNS, 0, start):
        return False
    return ends_with(_SOURCE_FIRM_BEFORE, text, start, 40)


def venue_context(text: str, start: int, end: int) -> bool:
    """True when a name is the place a stock trades: ``listed on the Nasdaq``, ``NYSE-listed``."""
    if text[end : end + 1] in ("-", "–", " ") and _VENUE_AFTER.match(text, end):
        return True
    if "on" not in text[max(0, start - 8) : start]:
        return False
    return word_before(text, start) == "on" and ends_with(_VENUE_BEFORE, text, start, 40)


def has_boilerplate_phrase(text: str, start: int = 0) -> bool:
    """True when ``text[start:]`` holds a phrase of site furniture (disclosure, promotion)."""
    find = text.find
    return any(find(phrase, start) >= 0 for phrase in _BOILERPLATE_PHRASES)


def boilerplate_line(text: str, pos: int, phrases: bool = True) -> bool:
    """True when ``pos`` lies in site furniture the cleaner left: a link-out, a disclosure,
    a promotion, or a headline listed under a "Related" heading. ``phrases=False`` skips the
    phrase test when the caller knows the whole text has none."""
    ls, le = line_bounds(text, pos)
    line = text[ls:le]
    if _LINE_START_BOILERPLATE.match(line):
        return True
    if phrases and has_boilerplate_phrase(line):
        return True
    if line.rstrip().endswith(_PROSE_END):
        return False
    # A headline-shaped line: furniture when a list heading sits above it with no prose between.
    cursor = ls - 1
    for _ in range(12):
        if cursor <= 0:
            return False
        prev_start = text.rfind("\n", 0, cursor) + 1
        prev = text[prev_start:cursor].strip()
        cursor = prev_start - 1
        if not prev:
            continue
        if _LIST_HEADING.match(prev):
            return True
        if prev.endswith(_PROSE_END):
            return False
    return False
