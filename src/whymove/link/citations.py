"""Who is cited: a bank, broker or data firm named as the source of a view or a figure, or a
stock exchange named as the place a stock trades, is not a mention of that company.

Patterns of the news trade ("a JPMorgan analyst", "according to FactSet", "Wedbush's Dan
Ives", "listed on the Nasdaq"), each tried on a few words around one name.
"""

from __future__ import annotations

import re

from whymove.link.context import ends_with, word_before

_RESEARCH_BEFORE_ENDS = frozenset("at from by of with for per citing cited via told to".split())
FIRM_NOUNS = tuple(
    f"{noun} "
    for noun in "firm company group provider house agency consultancy outfit tracker".split()
)
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
    r"managing director|head(?: of [\w ]{2,30})?|investment officer|portfolio manager|"
    r"fund manager|partner|of (?:markets|research|"
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
