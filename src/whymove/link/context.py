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
    r"(?:['’]s)?[ \t]+(?:shares?|stock|stocks|ADRs?|ADSs?|share price|market (?:cap|value)|"
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
    r"(?:['’]s)?[ \t]+(?:shares?|stock|stocks|ADRs?|share price|market (?:cap|value)|Inc\b|"
    r"Corp\b|Corporation|Co\b|Company|Ltd|Limited|plc|Holdings|Group)",
    re.IGNORECASE,
)
_STOCK_BEFORE = re.compile(r"\b(?:shares|stock|stake) (?:of|in)[ \t]+(?:the[ \t]+)?$")
_TICKER_AFTER = re.compile(r"\s*\((?:[A-Za-z]+\s*:\s*)?\$?[A-Z0-9]{1,6}(?:[.-][A-Z]{1,3})?[,;)]")
_COMPANY_BEFORE = re.compile(
    r"(?:\b(?:shares|stock|stake|investment|invest(?:ed|ing|s)?|holdings?) (?:of|in)|"
    r"\b(?:rivals?|peers?|competitors?|companies|firms|stocks|names|giants|makers|players) "
    r"(?:like|such as|including)|\b(?:giant|maker|chipmaker|automaker|carmaker|retailer|"
    r"company|firm|lender|bank|insurer|carrier|operator|conglomerate|brokerage|manufacturer|"
    r"producer|miner|airline|streamer|platform|utility|supplier|owner|parent|rival|peer|"
    r"competitor|customer|partner|group|operator|developer|designer|provider|specialist))"
    r"[ \t]+(?:the[ \t]+)?$"
)
_FIRM_NOUNS = tuple(
    f"{noun} "
    for noun in "firm company group provider house agency consultancy outfit tracker".split()
)
_POSSESSIVE = re.compile(r"['’]s\b(?![ \t]+[A-Z])")
_PERSON_AFTER = re.compile(r"[ \t]+[A-Z][a-z]+\b")
_TITLES = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Prof|Sir|Lord|Judge)\.?[ \t]+$")

_RESEARCH_AFTER = re.compile(
    r"(?:['’]s)?[ \t]+(?:(?:[A-Z][\w.&-]*|global|equity|research|securities|capital|investment|"
    r"banking|markets|economics|economic|chief|senior|lead|head)[ \t]+){0,3}(?:analysts?|"
    r"strategists?|economists?|researchers?|research|analysis|notes?|reports? (?:said|shows?|"
    r"showed)|survey|data|estimates?|forecasts?|projections?|team|desk|said in a (?:research )?"
    r"note|wrote|in a (?:research |client )?note|expects?|sees|predicts?|downgraded|upgraded|"
    r"initiated|reiterated|maintained|rates|rated|(?:raised|lowered|cut|boosted|trimmed|lifted|"
    r"reduced|set|kept) (?:its|their|the) (?:price )?(?:target|rating|estimate|forecast))\b"
)
_RESEARCH_PERSON = re.compile(r"['’]s[ \t]+[A-Z][a-z]+[ \t]+[A-Z][a-z]+")
_RESEARCH_BEFORE = re.compile(
    r"(?:\b(?:analysts?|strategists?|economists?|researchers?|analysis|research|data|figures|"
    r"estimates?|forecasts?|note|report|survey|polls?|ratings?|team|calculations|rating|target|"
    r"upgraded?|downgraded?|coverage|weight|overweight|underweight|outperform|underperform|buy|"
    r"sell|hold|neutral)[ \t]+(?:at|from|by|of|with)|\b(?:compiled|provided|cited|tracked|"
    r"polled|surveyed|collected|published|calculated|quoted|conducted|commissioned) by|"
    r"\baccording to(?:[ \t]+\w+){0,3}|\b(?:per|citing|cited|via|told))[ \t]+(?:the[ \t]+)?$"
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
_UPPER_BYTES = bytes(range(65, 91))
_LOWER_BYTES = bytes(range(97, 123))
_WORD = re.compile(r"[A-Za-z][A-Za-z'’&-]*")


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
        return bool(_STOCK_AFTER.match(text, end)) or bool(
            _STOCK_BEFORE.search(text, max(0, start - 30), start)
        )
    if _COMPANY_AFTER.match(text, end):
        return True
    if possessive and _POSSESSIVE.match(text, end):
        return True
    return _COMPANY_BEFORE.search(text, max(0, start - 50), start) is not None


def preceded_by_capital_word(text: str, start: int) -> bool:
    """A capitalised word right before (``Big Apple``, ``Jack Ma``): part of another name."""
    i = start - 1
    if i < 1 or text[i] not in " \t":
        return False
    j = i
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] in ".'’-"):
        j -= 1
    word = text[j:i]
    return bool(word) and word[0].isupper() and not is_sentence_start(text, j)


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
    return _RESEARCH_BEFORE.search(text, max(0, start - 60), start) is not None


def source_firm(text: str, start: int) -> bool:
    """True when any company is introduced as a research or data firm: ``according to research
    firm Gartner``, ``data provider FactSet`` -- a source, whatever its listing."""
    if not text.endswith(_FIRM_NOUNS, 0, start):
        return False
    return _SOURCE_FIRM_BEFORE.search(text, max(0, start - 40), start) is not None


def venue_context(text: str, start: int, end: int) -> bool:
    """True when a name is the place a stock trades: ``listed on the Nasdaq``, ``NYSE-listed``."""
    if text[end : end + 1] in ("-", "–", " ") and _VENUE_AFTER.match(text, end):
        return True
    if "on" not in text[max(0, start - 8) : start]:
        return False
    return _VENUE_BEFORE.search(text, max(0, start - 40), start) is not None


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
