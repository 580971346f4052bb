"""Finance-aware polarity of a piece of text, shared by catalyst polarity and sentiment.

Words carry their effect on a company's shareholders, not their everyday tone. Most financial
news is a quantity changing, so the scorer pairs a direction with what changes: "profit rose"
and "loss narrowed" are good news, "costs rose" and "revenue fell" bad, "export restrictions
were eased" good (a bad thing removed). Around those pairs it applies negation ("did not
rise"), hedging ("could rise"), intensity ("rose sharply"), concession ("despite weak sales")
and contrast ("but"). The word lists are in :mod:`whymove.extract.lexicon_words`.

Example:
    >>> score_text("Operating loss narrowed to EUR 2 mn.").value > 0
    True
    >>> score_text("The company did not raise its guidance.").value < 0
    True
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from whymove.extract.lexicon_rules import (
    RECOMMENDATIONS,
    comparisons,
    expectations,
    is_rating,
    mark_subjects,
    old_sides,
    stated_effects,
    swing,
)
from whymove.extract.lexicon_units import (
    CLAUSE_PUNCT,
    DIRECTIONS,
    NOUNS,
    Unit,
    is_number,
    tokens,
    units,
)
from whymove.extract.lexicon_words import NOT_NEGATING, PAIR_WEIGHT, REMOVABLE, REMOVAL_VERBS

__all__ = ["Cue", "Score", "label", "polarity_score", "score_text", "tokens", "units"]

# Words that end the search for what a direction applies to: a new clause or its reason.
_PAIR_STOPS = frozenset(
    "as after amid following because since while when on_the_back_of due_to thanks_to "
    "driven_by led_by despite unlike whereas and_the on".split()
)
_TRADES = frozenset({("buy",), ("sell",)})
# Words after "up"/"down" that show a stated change rather than a phrasal verb ("set up").
_CHANGE_FOLLOWERS = frozenset(
    ", . ; : ) % - – — from by on in at over nearly almost about around more sharply slightly "
    "marginally strongly significantly for after as amid despite ahead following and "
    "year-on-year yoy qoq to percent pct per".split()
)


@dataclass(frozen=True, slots=True)
class Cue:
    """One scored cue: its character span (in the original text) and signed contribution."""

    start: int
    end: int
    value: float
    term: str


@dataclass(frozen=True, slots=True)
class Score:
    """The polarity of a text: the signed sum of its cues, and the cues themselves."""

    value: float
    cues: tuple[Cue, ...] = ()

    @property
    def positive(self) -> float:
        return sum(c.value for c in self.cues if c.value > 0)

    @property
    def negative(self) -> float:
        return -sum(c.value for c in self.cues if c.value < 0)


def _boundaries(seq: list[Unit]) -> list[int]:
    """Clause number of each unit: clauses end at strong punctuation and contrast words."""
    clause = 0
    result = []
    for unit in seq:
        if unit.key[0] in CLAUSE_PUNCT or unit.cls in ("contrast", "concede"):
            clause += 1
        result.append(clause)
    return result


def _factors(seq: list[Unit], clauses: list[int]) -> list[float]:
    """Per-unit multipliers from concession and contrast words."""
    factors = [1.0] * len(seq)
    for i, unit in enumerate(seq):
        if unit.cls == "concede":
            # "despite X, Y": X is conceded; the scope ends at the next comma or clause end.
            for j in range(i + 1, len(seq)):
                if seq[j].key[0] in CLAUSE_PUNCT or seq[j].cls == "contrast":
                    break
                if seq[j].key[0] == "," and j > i + 2:
                    break
                factors[j] *= unit.weight
        elif unit.cls == "contrast" and i > 0:
            for j in range(len(seq)):
                factors[j] *= 0.7 if j < i else 1.2
    return factors


def _modifier(seq: list[Unit], clauses: list[int], k: int) -> tuple[float, bool]:
    """The multiplier of unit ``k`` from intensity and hedges, and whether it is negated."""
    factor = 1.0
    negated = False
    seen_hedge = seen_int = False
    for j in range(max(0, k - 4), min(len(seq), k + 3)):
        if j == k or clauses[j] != clauses[k]:
            continue
        unit = seq[j]
        if unit.cls in ("intens", "dimin") and not seen_int and abs(j - k) <= 2:
            factor *= unit.weight
            seen_int = True
        elif unit.cls == "hedge" and j < k and not seen_hedge:
            factor *= unit.weight
            seen_hedge = True
        elif unit.cls == "neg" and k - 3 <= j < k:
            following = seq[j + 1].key[0] if j + 1 < len(seq) else ""
            if (unit.key[-1], following) not in NOT_NEGATING and not _comma_between(seq, j, k):
                negated = not negated
    return factor, negated


def _comma_between(seq: list[Unit], a: int, b: int) -> bool:
    return any(seq[j].key[0] == "," for j in range(a + 1, b))


def _pair(seq: list[Unit], clauses: list[int], k: int) -> int | None:
    """The noun a direction at ``k`` applies to: its object first if transitive."""
    transitive = seq[k].cls in ("upt", "downt") or seq[k].key[-1] in ("in", "of")

    def search(step: int, limit: int) -> int | None:
        j = k + step
        while 0 <= j < len(seq) and abs(j - k) <= limit and clauses[j] == clauses[k]:
            # The subject itself changes ("Sensex loses"), but it is not what a transitive
            # verb acts on ("IRFC to raise Rs 10,000 crore").
            if seq[j].cls in NOUNS:
                return j
            if seq[j].cls == "subj" and not transitive and abs(j - k) <= 8:
                return j  # the subject itself changes: "Sensex loses 200 points"
            if "_".join(seq[j].key) in _PAIR_STOPS or (step > 0 and seq[j].cls in DIRECTIONS):
                # "restrictions on chips were eased": the noun before "on" heads the phrase.
                if step < 0 and seq[j].key == ("on",):
                    for i in (j - 1, j - 2):
                        if i >= 0 and seq[i].cls in NOUNS and clauses[i] == clauses[k]:
                            return i
                return None
            j += step
        return None

    if transitive:
        found = search(1, 5)
        return found if found is not None else search(-1, 6)
    found = search(-1, 9)
    # "falling demand", "higher costs": a direction right before its noun.
    return found if found is not None else search(1, 2)


def _is_direction(seq: list[Unit], k: int) -> bool:
    """Whether a direction word states a change: "shares up 5%", not "set it up"."""
    if seq[k].key not in (("up",), ("down",), ("advanced",)):
        return True
    after = seq[k + 1] if k + 1 < len(seq) else None
    before = seq[k - 1] if k > 0 else None
    if after is None or is_number(after) or after.key[0] in _CHANGE_FOLLOWERS:
        return True
    if after.cls == "good":
        return True  # "brokerages up target price": "up" as a verb
    return before is not None and (before.key[0] == "," or is_number(before) or before.cls in NOUNS)


def score_text(
    text: str,
    start: int = 0,
    end: int | None = None,
    subjects: Sequence[tuple[int, int]] = (),
) -> Score:
    """The polarity of ``text[start:end]``, with each cue's span in ``text``.

    Positive values are good news for the shareholders of the company the text is about.
    ``subjects`` are spans naming that company (or asset): a direction applied to them, or to
    the price right after them ("oil prices fell"), is a change in the subject's own value.
    """
    piece = text[start:end]
    stop = len(text) if end is None else end
    # Effects stated for the subject ("a boost for Acme") may begin before the piece.
    stated = stated_effects(text, [s for s in subjects if start <= s[0] < stop])
    value, cues = _score(
        piece,
        tuple((a - start, b - start) for a, b in subjects),
        tuple(u._replace(start=u.start - start, end=u.end - start) for u in stated),
    )
    if start:
        cues = tuple(Cue(c.start + start, c.end + start, c.value, c.term) for c in cues)
    return Score(value, cues)


@functools.lru_cache(maxsize=2048)
def _score(
    piece: str, subjects: tuple[tuple[int, int], ...], stated: tuple[Unit, ...]
) -> tuple[float, tuple[Cue, ...]]:
    """The score of ``piece`` with spans relative to it, memoised.

    Catalysts read a clause and its comma-delimited part, which are often the same text, and
    sentiment reads sentences the catalysts read as clauses: the memo scores each text once.
    """
    seq = units(piece)
    if subjects:
        seq = mark_subjects(seq, subjects)
    for synthetic in comparisons(piece, 0):
        position = next((i for i, u in enumerate(seq) if u.start >= synthetic.start), len(seq))
        window = seq[max(0, position - 6) : position + 12]
        if not any(u.cls in DIRECTIONS and u.start < synthetic.end for u in window):
            seq.insert(position, synthetic)
    for synthetic in [*expectations(piece, 0), *stated]:
        overlaps = [u for u in seq if u.start < synthetic.end and synthetic.start < u.end]
        if not any(u.cls == "val" for u in overlaps):
            keep = [u for u in seq if u not in overlaps]
            position = next(
                (i for i, u in enumerate(keep) if u.start >= synthetic.start), len(keep)
            )
            seq = [*keep[:position], synthetic, *keep[position:]]
    cues: list[Cue] = []
    if _silent(seq):
        return 0, ()  # the sum of no cues, as below
    clauses = _boundaries(seq)
    factors = _factors(seq, clauses)
    if seq and seq[0].key in RECOMMENDATIONS:
        # A headline that opens with the advice itself: "Buy X, target Rs 500".
        cues.append(Cue(seq[0].start, seq[0].end, RECOMMENDATIONS[seq[0].key], "advice"))
        factors[0] = 0.0
    for cmp, stop in old_sides(seq, clauses):
        turn = swing(seq, clauses, cmp, stop)
        if turn:
            cues.append(Cue(seq[cmp].start, seq[cmp].end, turn * 1.3, "swing"))
        for j in range(cmp + 1, stop):
            factors[j] = 0.0
    for k, unit in enumerate(seq):
        if unit.key in (("buy",), ("sell",)) and is_rating(seq, k):
            sign = 1.0 if unit.key == ("buy",) else -1.0
            cues.append(Cue(unit.start, unit.end, sign, "rating"))
            factors[k] = 0.0
    paired: set[int] = set()
    for k, unit in enumerate(seq):
        if unit.cls not in DIRECTIONS or not factors[k] or not _is_direction(seq, k):
            continue
        noun = _pair(seq, clauses, k)
        factor, negated = _modifier(seq, clauses, k)
        if noun is None:
            value = unit.weight
        else:
            paired.add(noun)
            up = unit.cls in ("up", "upt")
            if unit.key[-1] in REMOVAL_VERBS and "_".join(seq[noun].key) in REMOVABLE:
                up = False
            good = seq[noun].cls in ("good", "subj")
            value = PAIR_WEIGHT * (1 if up == good else -1) * max(1.0, abs(seq[noun].weight))
            # A negation before the noun ("no profit growth") counts; its intensity words were
            # already read around the direction.
            negated ^= noun < k and _modifier(seq, clauses, noun)[1]
        value *= factor * factors[k] * (-0.8 if negated else 1.0)
        if value:
            cues.append(Cue(unit.start, unit.end, value, " ".join(unit.key)))
    for k, unit in enumerate(seq):
        if unit.cls not in ("val", "good", "bad") or k in paired or not unit.weight:
            continue
        factor, negated = _modifier(seq, clauses, k)
        if unit.key in (("<expect>",), ("<effect>",)):
            factor = 1.0  # "slightly below estimates" is still a miss
        value = unit.weight * factor * factors[k] * (-0.8 if negated else 1.0)
        if value:
            cues.append(Cue(unit.start, unit.end, value, " ".join(unit.key)))
    cues.sort(key=lambda c: c.start)
    return round(sum(c.value for c in cues), 6), tuple(cues)


def _silent(seq: list[Unit]) -> bool:
    """Whether no cue can come of ``seq``: no unit of the word lists (about a fifth of
    sentences), no opening advice ("Buy X, target ...") and no "buy"/"sell" that may be a
    rating, the only cues made of unlisted words."""
    if any(unit.cls for unit in seq) or (seq and seq[0].key in RECOMMENDATIONS):
        return False
    return not any(unit.key in _TRADES for unit in seq)


@functools.lru_cache(maxsize=4096)
def polarity_score(text: str) -> float:
    """A score in [-1, 1]: the lexicon score of ``text`` squashed by its size."""
    value = score_text(text).value
    return max(-1.0, min(1.0, value / 2.0))


def label(value: float, threshold: float = 0.5) -> str:
    """positive / negative / neutral from a signed score."""
    if value >= threshold:
        return "positive"
    if value <= -threshold:
        return "negative"
    return "neutral"
