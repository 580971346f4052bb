"""Subjects of moves stated without a verb of their own.

A size can follow its sentence's main clause ("Coeur is one of the worst performers this year,
down 11%"), a participle can close it ("..., losing just 1% of its value"), and a headline can
open with the size and name the security after it ("Up 380% in 2025, is it too late to buy
MP Materials?"). The nearest noun before such a size is rarely its subject; the sentence's
subject is.
"""

from __future__ import annotations

import re

from whymove.extract.moves_discourse import Discourse, Subject

_PREDICATE = re.compile(
    r"[\s)]*(?:\([^)]{0,40}\)\s*)?(?:(?:['’]s\s+)?(?:stock|shares)\s+)?(?:,[^,]{0,60},\s*)?"
    r"(?:is|are|was|were|has|have|had|remains?|remained|continues?|continued|ranks?|ranked|"
    r"became|becomes|stands?|stood|ended|closed|finished|sits?|sat|[a-z]+ed|[a-z]+s)\b",
    re.I,
)
_ABSOLUTE = re.compile(
    r",\s*(?:(?:still|now|currently|already|but|yet|marking|making|representing|for|good for|"
    r"an?|trading|closing|ending|finishing|standing|sitting|last)\s+)*$",
    re.I,
)
_RESULT_NOUN = re.compile(
    r"\b(?:revenues?|sales|profits?|earnings|income|EPS|margins?|guidance|forecasts?|outlook|"
    r"growth|costs|expenses|debt|cash flow|dividends?|volumes?|shipments|deliveries|orders|"
    r"bookings|users|subscribers)\b",
    re.I,
)
_SENTENCE_OPEN = re.compile(
    r"^\W*(?:[^,]{1,40},\s+)?(?:(?:the\s+)?(?:shares|stock)\s+(?:of|in)\s+)?$", re.I
)


def predicate_subject(
    text: str, base: int, sentence: str, trig: int, disc: Discourse, lo: int = 0
) -> Subject | None:
    """The subject of a verbless "up 4%" / "down 11%": the sentence's subject when the size
    follows its main clause ("Coeur is one of the worst performers this year, down 11%"), or
    the one security a headline names after a fronted size ("Up 380% in 2025, is it too late
    to buy MP Materials?"). ``lo`` is where the clause starts ("..., while Abercrombie is
    lagging its peers, trading 5.7% lower")."""
    named = [m for m in disc.mentions if base <= m.start < base + len(sentence)]
    if not named:
        return None
    head = sentence[:trig]
    if not head.strip() or re.fullmatch(r"\W*(?:after|since|following|before)\s+", head, re.I):
        later = [m for m in named if m.start >= base + trig]
        if later and len({m.ticker for m in named}) == 1 and "," in sentence[trig:]:
            return Subject((later[0].ticker,), later[0].start, "name")
        return None
    own = [m for m in named if m.start >= base + lo]
    if not own:
        return None
    first = own[0]
    if not _ABSOLUTE.search(head) or first.start >= base + trig:
        return None
    if not _SENTENCE_OPEN.match(sentence[lo : first.start - base]):
        return None
    end = first.end
    for mention in own[1:]:
        if mention.ticker == first.ticker and not text[end : mention.start].strip(" ()"):
            end = mention.end  # "Alcoa (AA)": one name written twice
    if not _PREDICATE.match(text, end) or _RESULT_NOUN.search(text, end, base + trig):
        return None  # "Apple posted revenue of $119.6 billion, climbing 2%": the revenue rose
    return Subject((first.ticker,), first.start, "name")
