"""Catalysts: the causes an article gives for a move, by category, with polarity and evidence.

For each sentence, each clause (see :mod:`catalyst_clauses`) is tested against the cue
lexicons of the 13 categories (:mod:`catalyst_cues`); the strongest, earliest cue of a clause
makes a candidate. A candidate is weighed by what the article makes of it:

- stated as the cause of the subject's move ("shares rose after ..."): strongest evidence,
  and its polarity is the direction of that move unless its own words say otherwise;
- tied to the subject (named, or "the company", "its"): a cause of its outlook;
- near the top (headline, lead, a key-points list): what the story is about;
- repeated across sentences; a strong cue ("raised its guidance") over a weak one ("sales");
- hedged, conceded ("despite ...") or listed under risks: background, weighed lower and marked;
- an event still to come ("results are due next week") is not a cause at all.

Polarity is the effect on the subject, not the tone: the finance lexicon reads "restrictions
were eased" as good news, a rival's cheaper product is bad news for the incumbent, and a
peer's own news (a competitor's spin-off) becomes a ``sector`` cause for the subject.
Candidates below a confidence floor are dropped: a word of a category is not yet a cause.
What is left is one catalyst per distinct (category, polarity), most important first.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from dataclasses import dataclass

from whymove.component import Component
from whymove.extract.catalyst_actor import find_actor
from whymove.extract.catalyst_clauses import (
    Segment,
    is_background,
    is_bullet,
    is_effect,
    is_risk,
    is_skipped,
    is_upcoming,
    mentions_move,
    opens_background,
    section_kind,
    segments,
    states_cause,
)
from whymove.extract.catalyst_cues import (
    MEDIUM,
    Cue,
    cue_filter,
    cues,
    lower,
    sentence_filter,
)
from whymove.extract.catalyst_polarity import PEER, read_polarity, recategorise
from whymove.extract.catalyst_subject import DOWN_WORDS, UP_WORDS, Subject, move_sign, subject_of
from whymove.extract.lexicon import score_text
from whymove.extract.sentiment_scope import refers_to_subject
from whymove.model import Article, Catalyst, Polarity, Ticker

THRESHOLD = 1.12
"""Minimum weight of a kept catalyst; below it a cue is a mention, not a cause."""
MAX_CATALYSTS = 8
CAUSE_BONUS = 0.55
# Outside forces whose named risks are causes for the outlook even when only risks.
_RISK_CATEGORIES = frozenset({"regulation", "geopolitics", "macro", "legal", "supply_chain"})
_BRACKETS = re.compile(r"\([^()]*\)")
_Found = tuple[Cue, int, int]
"""A clause's cue and its span in the article text."""


@dataclass(frozen=True, slots=True)
class _Candidate:
    category: str
    polarity: Polarity
    weight: float
    start: int
    end: int
    cue: str
    actor: str | None
    background: bool
    risk: bool
    cause: bool
    sentence: int


@dataclass(frozen=True, slots=True)
class _Sentence:
    """What a sentence says about the subject, shared by its clauses."""

    index: int
    start: int
    section: str | None
    opening: bool
    tied: bool
    move_sign: int
    causal: bool
    effect_sign: int
    lead: bool


def find_catalysts(article: Article) -> tuple[Catalyst, ...]:
    """Distinct causes of the article's primary security, most important first."""
    subject = subject_of(article)
    candidates: list[_Candidate] = []
    section: str | None = None
    index = 0
    for start, end in article.sentences:
        sentence = article.text[start:end]
        kind = section_kind(sentence)
        if kind is not None:
            section = kind
            continue
        if section and not is_bullet(sentence):
            section = None
        if is_skipped(sentence):
            continue
        if not sentence_filter().any_possible(sentence):
            index += 1  # no cue's words at all: no clause of it can hold a cause
            continue
        parts = segments(article.text, start, end)
        found = [_best_cue(article.text, part) for part in parts]
        if not any(found):
            index += 1  # most sentences hold no cue: nothing more to read in them
            continue
        info = _read_sentence(article, subject, start, end, parts, index, section)
        seen_cause = False
        for position, (segment, cue) in enumerate(zip(parts, found, strict=True)):
            if cue is None:
                continue
            reach = _reach(parts, found, position)
            cand = _candidate(
                article.text, subject, info, segment, cue, position, seen_cause, reach
            )
            if cand is not None:
                candidates.append(cand)
                seen_cause = seen_cause or cand.cause
        index += 1
    return _select(candidates, subject.ticker)


def _read_sentence(
    article: Article,
    subject: Subject,
    start: int,
    end: int,
    parts: list[Segment],
    index: int,
    section: str | None,
) -> _Sentence:
    text = article.text
    sentence = text[start:end]
    others_named = any(
        start <= m.start < end and m.ticker != subject.ticker for m in article.mentions
    )
    tied = (
        section is not None
        or subject.named_in(start, end)
        or (refers_to_subject(sentence) and not others_named)
    )
    sign = move_sign(article, subject, start, end)
    causal = states_cause(sentence) and (sign != 0 or mentions_move(sentence))
    effect_sign = 0
    if parts and parts[0].role == "main" and any(p.role == "cause" for p in parts[1:]):
        head = text[parts[0].start : parts[0].end]
        other_named = any(
            parts[0].start <= m.start < parts[0].end and m.ticker != subject.ticker
            for m in article.mentions
        )
        about_subject = subject.named_in(parts[0].start, parts[0].end) or not other_named
        if is_effect(head) and about_subject:
            # "Alibaba battled weakened investor confidence as it eyed IPOs of its units".
            effect_sign = _sign(score_text(text, parts[0].start, parts[0].end).value) or sign
            causal = True
    lead = index < 2 or section == "summary"
    opening = opens_background(sentence)
    return _Sentence(index, start, section, opening, tied, sign, causal, effect_sign, lead)


def _reach(parts: list[Segment], found: list[_Found | None], position: int) -> int:
    """Where the words about a clause's event end: clauses after it with no cue of their own
    ("... rose 14%, but the figure came in below estimates") still qualify it."""
    end = parts[position].end
    for part, cue in zip(parts[position + 1 :], found[position + 1 :], strict=True):
        if part.role != "main" or (cue is not None and cue[0].strength >= MEDIUM):
            break
        end = part.end
    return end


def _candidate(
    text: str,
    subject: Subject,
    info: _Sentence,
    segment: Segment,
    found: _Found,
    position: int,
    seen: bool,
    reach: int,
) -> _Candidate | None:
    """The catalyst a clause offers (its cue is ``found``), weighed, or None."""
    cue, cue_start, cue_end = found
    piece = text[segment.start : segment.end]
    if position == 0 and info.effect_sign and segment.role == "main":
        return None  # the effect itself ("investor confidence weakened"), not a cause
    if is_upcoming(piece) or _describes_subject(text, subject, segment, cue, cue_start):
        return None
    nested = segment.linked and segment.role == "cause" and seen
    is_cause = (
        info.causal
        and segment.role in ("main", "cause")
        and not nested
        and not _only_effect(piece, segment)
    )
    window = text[segment.start : min(segment.end, cue_end + 30)]
    background = (
        info.section == "risk" or info.opening or segment.role == "concede" or is_background(window)
    )
    risk = info.section == "risk" or (cue.category in _RISK_CATEGORIES and is_risk(window))
    weight = cue.strength + (CAUSE_BONUS if is_cause else 0.0)
    if info.tied:
        weight += 0.3
    elif not info.lead and not is_cause:
        weight -= 0.3
    weight += 0.25 if info.lead else (0.1 if info.index < 5 else 0.0)
    if segment.role == "comove":
        weight *= 0.6
    elif background and not is_cause:
        weight *= 0.85 if risk else 0.65
    actor = find_actor(
        text,
        segment.start,
        segment.end,
        (cue_start, cue_end),
        cue.category,
        subject.name,
        info.start,
    )
    if subject.is_actor(actor) and PEER.search(text[segment.start : cue_start]):
        actor = None  # "a rival launched ...", "a peer cut its forecast": not the subject's own
    category, peer = recategorise(cue, actor, subject, segment, text, info.tied)
    if peer and not is_cause:
        weight -= 0.4  # a peer's news the article does not tie to the subject's move
    sign = (info.move_sign or info.effect_sign) if is_cause else 0
    own, own_strength = read_polarity(text, segment, reach, cue, cue_start, subject, actor)
    polarity, strength = own, own_strength
    if sign:
        polarity, strength = ("positive" if sign > 0 else "negative"), 1.5
        if own not in ("neutral", polarity) and own_strength >= 0.8:
            # "rose, well below the offer, as investors priced in antitrust risk": the
            # clause's own news runs against the move, so it does not explain it.
            polarity, strength, is_cause = own, own_strength, False
            weight -= CAUSE_BONUS
    if polarity == "neutral":
        weight -= 0.5
    weight += min(0.2, 0.1 * strength)
    return _Candidate(
        category,
        polarity,
        weight,
        segment.start,
        segment.end,
        text[cue_start:cue_end],
        actor,
        background and not is_cause,
        risk,
        is_cause,
        info.index,
    )


def _sign(value: float) -> int:
    return 1 if value >= 0.3 else -1 if value <= -0.3 else 0


def _best_cue(text: str, segment: Segment) -> _Found | None:
    """The strongest cue of the clause; the earliest among equals (the main event comes first).

    The returned cue carries the summed prior of every cue of its category in the clause, so
    "regulations restricting exports" is known to be restrictive.
    """
    # Asides in brackets ("(see: all the Technology ETFs here)", "(NASDAQ:BIDU)") hold no cause.
    clause = text[segment.start : segment.end]
    if "(" in clause:
        clause = _BRACKETS.sub(lambda m: " " * len(m.group(0)), clause)
    piece = lower(clause)
    best: tuple[float, int, Cue, int, int] | None = None
    priors: dict[str, int] = defaultdict(int)
    table = cues()
    # Only the cues whose literal words occur in the clause can match it (about 2 of 165).
    for index in sorted(cue_filter().candidates(piece)):
        cue = table[index]
        match = cue.pattern.search(piece)
        if match is None:
            continue
        priors[cue.category] += cue.prior
        key = (-cue.strength, match.start())
        if best is None or key < (best[0], best[1]):
            best = (-cue.strength, match.start(), cue, match.start(), match.end())
    if best is None:
        return None
    _, _, cue, a, b = best
    prior = max(-1, min(1, priors[cue.category]))
    return dataclasses.replace(cue, prior=prior), segment.start + a, segment.start + b


def _only_effect(piece: str, segment: Segment) -> bool:
    """A main clause that only reports the move ("Shares rose 8% on Tuesday")."""
    return segment.role == "main" and bool(UP_WORDS.search(piece) or DOWN_WORDS.search(piece))


def _describes_subject(
    text: str, subject: Subject, segment: Segment, cue: Cue, cue_start: int
) -> bool:
    """A sector or market word that names the subject itself ("the regional bank ETF KRE")."""
    if cue.category not in ("sector", "macro"):
        return False
    found = cue.pattern.match(lower(text[cue_start : segment.end]))
    cue_end = cue_start + (len(found.group(0)) if found else 0)
    # The cue is the subject's own description: "the regional bank ETF KRE".
    near = [
        a
        for a, b in subject.spans
        if 0 <= a - cue_end <= 3 or 0 <= cue_start - b <= 3 or (a < cue_end and cue_start < b)
    ]
    piece = text[segment.start : segment.end]
    return bool(near) and bool(UP_WORDS.search(piece) or DOWN_WORDS.search(piece))


def _select(candidates: list[_Candidate], ticker: Ticker | None) -> tuple[Catalyst, ...]:
    """One catalyst per distinct (category, polarity), kept when weighty enough, ranked."""
    groups: dict[tuple[str, str], list[_Candidate]] = defaultdict(list)
    for cand in candidates:
        groups[(cand.category, cand.polarity)].append(cand)
    scored = []
    top: dict[str, float] = defaultdict(float)
    for (category, polarity), group in groups.items():
        best = max(group, key=lambda c: c.weight)
        weight = best.weight + min(0.3, 0.15 * (len(group) - 1))
        scored.append((weight, category, polarity, best, group))
        top[category] = max(top[category], weight)
    polar = {item[1] for item in scored if item[2] != "neutral" and item[0] >= THRESHOLD}
    kept = []
    for item in scored:
        weight, category, polarity, _, group = item
        if weight < THRESHOLD or (polarity == "neutral" and category in polar):
            continue
        # A weaker opposite reading of the same kind of event is noise unless it is a risk
        # the article names: "the shortage flagged last week" against "shipments resumed".
        opposite = [g for w, c, p, _, g in scored if c == category and p != polarity and w > weight]
        stated = any(c.cause for g in opposite for c in g)
        weaker = weight < 0.7 * top[category] or (stated and not any(c.cause for c in group))
        # "cut its price target but kept an overweight rating": one event, read once.
        sentences = {c.sentence for g in opposite for c in g}
        weaker = weaker or all(c.sentence in sentences for c in group)
        if opposite and weaker and not any(c.risk for c in group):
            continue
        kept.append(item)
    kept.sort(key=lambda item: (all(c.background for c in item[4]), -item[0]))
    out = []
    for weight, category, polarity, best, group in kept[:MAX_CATALYSTS]:
        out.append(
            Catalyst(
                category=category,
                polarity=polarity,  # type: ignore[arg-type]
                start=best.start,
                end=best.end,
                ticker=ticker,
                actor=best.actor,
                confidence=round(min(1.0, weight / 2.2), 3),
                weight=round(weight, 3),
                background=all(c.background for c in group),
                cue=best.cue,
            )
        )
    return tuple(out)


def catalysts_component(article: Article) -> Article:
    return dataclasses.replace(article, catalysts=find_catalysts(article))


CATALYSTS = Component(
    "whymove.catalysts",
    3,
    catalysts_component,
    requires=frozenset({"sentences", "mentions", "securities", "moves"}),
    assigns=frozenset({"catalysts"}),
)
