"""Site furniture the cleaner left in an article: link-outs, disclosures, promotions and
headlines listed under a "Related" heading. Names there are not mentions.
"""

from __future__ import annotations

import re

from whymove.link.context import line_bounds

_LINE_START_BOILERPLATE = re.compile(
    r"\s*(?:[-•*·▪►]\s*)?(?:also read|read more|read next|related(?: articles?| stories| news|"
    r" coverage| content| posts?)?|see also|recommended|more from|more on|don'?t miss|check out|"
    r"trending|watch|listen|photo|image|video|disclosure|disclaimer|editor'?s? note)\b",
    re.IGNORECASE,
)
BOILERPLATE_PHRASES = (
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


def has_boilerplate_phrase(text: str, start: int = 0) -> bool:
    """True when ``text[start:]`` holds a phrase of site furniture (disclosure, promotion)."""
    find = text.find
    return any(find(phrase, start) >= 0 for phrase in BOILERPLATE_PHRASES)


def boilerplate_line(text: str, pos: int, phrases: bool = True) -> bool:
    """True when ``pos`` lies in site furniture the cleaner left: a link-out, a disclosure,
    a promotion, or a headline listed under a "Related" heading. ``phrases=False`` skips the
    phrase test when the caller knows the whole text has none."""
    ls, le = line_bounds(text, pos)
    return furniture_line(text, ls, le, phrases and has_boilerplate_phrase(text[ls:le]))


def furniture_line(text: str, ls: int, le: int, phrase: bool) -> bool:
    """:func:`boilerplate_line` for the line ``text[ls:le]``, when the caller already knows
    whether it holds a phrase of site furniture (``phrase``): the linker's automaton finds
    those phrases in the same walk as the names."""
    if phrase or _LINE_START_BOILERPLATE.match(text, ls, le):
        return True
    # The line's last visible character (without copying a long line).
    tail = text[max(ls, le - 40) : le].rstrip() or text[ls:le].rstrip()
    if tail.endswith(_PROSE_END):
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


def phrase_lines(text: str, phrases_at: list[int]) -> set[int]:
    """The starts of the lines that hold a phrase of site furniture, from where the linker's
    automaton found them (``phrases_at``) and where ``©`` stands (not in that automaton)."""
    starts = {text.rfind("\n", 0, at) + 1 for at in phrases_at}
    at = text.find("©")
    while at >= 0:
        starts.add(text.rfind("\n", 0, at) + 1)
        at = text.find("©", at + 1)
    return starts
