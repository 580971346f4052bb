"""How a catalyst's event reads for the subject: its polarity and, for peers' news, its category.

Polarity is the effect on the subject's shareholders, not the tone: the clause is scored by the
finance lexicon with the subject marked, the cue's prior breaks a tie ("downgraded" is bad news
whatever else is said), an effect stated outright wins ("a boost for Acme"), and a rival's move
counts against the subject (a rival's launch is bad news, its failed trial good news). A peer's
own results, products or deals are a ``sector`` cause for the subject.
"""

from __future__ import annotations

import re

from whymove.extract.catalyst_clauses import Segment
from whymove.extract.catalyst_cues import Cue
from whymove.extract.catalyst_subject import Subject
from whymove.extract.lexicon import score_text
from whymove.extract.lexicon_prefilter import gated
from whymove.model import Polarity

_OWN_NEWS = frozenset({"earnings", "product", "corporate_action", "management", "legal"})

_RIVAL = gated(
    r"\b(?:rivals?|competitors?|competing|cheaper|low-cost|lower-priced|low-priced|cut-price|"
    r"undercut\w*|price war|biosimilars?|generics?|knock-?offs?|threat(?:en\w*)?|"
    r"challeng\w+ (?:to )?(?:the )?(?:dominance|incumbent|lead)|(?:take|taking|took|win|"
    r"winning|won|gain|gaining) (?:market )?share)\b",
    re.I,
)

_STUMBLE = gated(
    r"\b(?:failed|fails|failure|recall\w*|delay\w*|bankrupt\w*|halt\w*|struggl\w*|stumbl\w*|"
    r"lost|loses|losing|exit\w*|withdr\w*|setback|rejected|shortfall)\b",
    re.I,
)

# A doer described as another company of the industry: "a peer", "a rival", "other lenders".
PEER = gated(
    r"\b(?:peer|rival|competitor|bellwether)s?\b|\bother (?:companies|firms|makers|lenders|banks|"
    r"retailers|chipmakers|automakers|drugmakers|airlines|insurers)\b",
    re.I,
)

# Deals with two parties: the subject may be the target, so they stay corporate actions.
_TWO_PARTY = gated(r"acqui|takeover|buyout|merg|tender|bid for|to buy|take over", re.I)

_MARKET_WORDS = gated(
    r"\b(?:stocks|equities|markets?|sector|industry|tech companies|firms)\b", re.I
)

_NEGATED = gated(r"\b(?:not|no|never|won't|wouldn't|didn't|doesn't|without)\b[^,;.]{0,60}$", re.I)


def recategorise(
    cue: Cue, actor: str | None, subject: Subject, segment: Segment, text: str, tied: bool
) -> tuple[str, bool]:
    """A peer's own news is a sector cause; an analyst's view of the market is a sector view.

    Returns the category and whether it is a peer's news.
    """
    piece = text[segment.start : segment.end]
    category = cue.category
    if category in _OWN_NEWS and not subject.is_actor(actor):
        if category == "corporate_action" and _TWO_PARTY.search(piece):
            return category, False
        if subject.is_other(actor) and not subject.named_in(segment.start, segment.end):
            return "sector", True
        if (actor and _RIVAL.search(piece)) or PEER.search(piece[: max(0, len(piece) // 2)]):
            return "sector", False
    if category == "analyst" and not tied and _MARKET_WORDS.search(piece):
        return "sector", False
    return category, False


def read_polarity(
    text: str,
    segment: Segment,
    reach: int,
    cue: Cue,
    cue_start: int,
    subject: Subject,
    actor: str | None,
) -> tuple[Polarity, float]:
    """The effect on the subject by the clause's own words, and how surely (0 unknown, 1+ clear).

    Read first in the comma-delimited part of the clause holding the cue ("closed higher, well
    below the offer, a gap that suggests a risk that antitrust regulators ..."), then in the
    whole clause.
    """
    piece = text[segment.start : segment.end]
    commas = [m.start() for m in re.finditer(r",\s", piece)]
    offset = cue_start - segment.start
    left = max([c for c in commas if c < offset], default=-1) + 1
    right = min([c for c in commas if c > offset], default=len(piece))
    spans = [s for s in subject.spans if segment.start <= s[0] < reach]
    # "would not change its dividend": a denied event keeps no polarity of its own.
    prior = 0 if _NEGATED.search(piece[:offset]) else cue.prior
    whole = score_text(text, segment.start, reach, subjects=spans)
    value = whole.value + 0.6 * prior
    stated = [cue.value for cue in whole.cues if cue.term == "<effect>"]
    if stated:
        value = sum(stated)  # "new tariffs on imports, a boost for Acme": said outright
    elif reach == segment.end:
        # Unless the clause states the effect outright ("a boost for Acme"), the part of it
        # around the cue says most about the cue's event.
        part = score_text(text, segment.start + left, segment.start + right, subjects=spans)
        if abs(part.value + 0.6 * prior) >= 0.3:
            value = part.value + 0.6 * prior
    rival = _RIVAL.search(piece)
    if (
        rival
        and cue.category in ("product", "sector", "partnership")
        and not subject.is_actor(actor)
    ):
        # A rival's move is the subject's loss (a launch, price cuts, share gains); a rival's
        # stumble is its gain.
        size = max(0.6, abs(value))
        value = size if _STUMBLE.search(piece) else -size
    if value >= 0.3:
        return "positive", value
    if value <= -0.3:
        return "negative", -value
    return "neutral", 0.0
