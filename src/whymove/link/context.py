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
_ROLE_AFTER = re.compile(
    r"(?:['’]s)?[ \t]+(?:CEO|CFO|COO|chief|executives?|founder|co-?founder|chairman|chairwoman|"
    r"board|spokes(?:man|woman|person)|management|shareholders|earnings|revenue|sales|results|"
    r"guidance|quarterly|fiscal|profits?|dividend|buyback)\b",
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
_POSSESSIVE = re.compile(r"['’]s\b(?![ \t]+[A-Z])")
_PERSON_AFTER = re.compile(r"[ \t]+[A-Z][a-z]+\b")
_TITLES = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Prof|Sir|Lord|Judge)\.?[ \t]+$")


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


def company_after(text: str, end: int, roles: bool = False) -> bool:
    """A stock word, legal form or ticker tag right after the name (``Target Corp``,
    ``Liberty shares``, ``Dover (DOV)``): the name is complete and a company. ``roles`` also
    takes a company's people and results (``Apple Chief Executive``, ``Apple earnings``)."""
    if _TICKER_AFTER.match(text, end) or _STOCK_AFTER.match(text, end):
        return True
    return roles and _ROLE_AFTER.match(text, end) is not None


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
