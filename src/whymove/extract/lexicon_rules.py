"""Rules of financial reporting that the word lists alone miss, as synthetic lexicon units.

- figures compared without a direction word: "to EUR 13.1 mn from EUR 8.7 mn";
- a swing between profit and loss: "a profit compared with a loss a year earlier";
- results set against expectations: "slightly below the Street view";
- effects stated outright for the subject: "a boost for Acme", "a blow to Acme";
- broker ratings and advice: "maintains buy", "Sell X with a target of ...".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from whymove.extract.lexicon_prefilter import gated
from whymove.extract.lexicon_units import DIRECTIONS, NOUNS, Unit, is_number

_COMPARE_KEYS = frozenset(
    {("compared", "to"), ("compared", "with"), ("versus",), ("vs",), ("as", "against")}
)

# Words before "buy"/"sell" that make it a rating: "maintains buy", "is a sell".
_RATING_CONTEXT = frozenset(
    "maintain maintains maintained retain retains retained reiterate reiterates reiterated "
    "rate rates rated keep keeps kept a strong to".split()
)

RECOMMENDATIONS = {
    ("buy",): 1.0,
    ("accumulate",): 0.8,
    ("sell",): -1.0,
    ("avoid",): -0.8,
    ("short",): -0.8,
    ("exit",): -0.8,
    ("recommend",): 1.0,
    ("hold",): 0.0,
}

# A stated comparison of two figures: "to EUR 13.1 mn from EUR 8.7 mn", "3.1% vs 2.4%".
# These patterns and the one below are gated (see lexicon_prefilter): most sentences lack
# their words ("from", "versus", "estimates"), and are then answered without the regex engine.
_NUM = r"(\d+(?:[.,]\d+)*)\s*(?:%|percent|pct|per\s+cent|[a-z]{0,3}\b)?"

_TO_FROM = gated(
    rf"\bto\s+(?:[A-Z]{{2,4}}|[$€£¥])?\s*{_NUM}[^;.]{{0,40}}?\bfrom\s+"
    rf"(?:[A-Z]{{2,4}}|[$€£¥])?\s*{_NUM}",
    re.I,
)

_FROM_TO = gated(
    rf"\bfrom\s+(?:[A-Z]{{2,4}}|[$€£¥])?\s*{_NUM}\s+to\s+"
    rf"(?:[A-Z]{{2,4}}|[$€£¥])?\s*{_NUM}",
    re.I,
)

_VERSUS = gated(
    rf"{_NUM}[^;.]{{0,30}}?\b(?:compared\s+(?:with|to)|versus|vs\.?|against)\s+"
    rf"[^;.\d]{{0,25}}?{_NUM}",
    re.I,
)

_DIGIT = re.compile(r"\d")

# A figure set against what was expected: "slightly below the Street view", "ahead of estimates".
_EXPECTATION = gated(
    r"\b(?:(?P<good>above|ahead of|topping|exceeding|beating|better than|stronger than)|"
    r"(?P<bad>below|short of|shy of|missing|worse than|weaker than|under))\s+(?:the\s+|what\s+)?"
    r"(?:[\w'$.,-]+\s+){0,4}?(?:estimates?|expectations?|consensus|forecasts?|views?|"
    r"street|projections?|predictions?)\b",
    re.I,
)


def comparisons(text: str, offset: int) -> list[Unit]:
    """Synthetic directions for figures compared without a direction word."""
    found: list[Unit] = []
    if not _DIGIT.search(text):
        return found  # every comparison pattern needs two figures
    for pattern, new_first in ((_TO_FROM, True), (_FROM_TO, False), (_VERSUS, True)):
        for match in pattern.finditer(text):
            try:
                a = float(match.group(1).replace(",", ""))
                b = float(match.group(2).replace(",", ""))
            except ValueError:
                continue
            new, old = (a, b) if new_first else (b, a)
            if new == old:
                continue
            cls = "up" if new > old else "down"
            found.append(Unit(("<cmp>",), match.start() + offset, match.end() + offset, cls, 0.0))
    return found


def expectations(text: str, offset: int) -> list[Unit]:
    """Synthetic good/bad news units for results set against expectations."""
    out = []
    for match in _EXPECTATION.finditer(text):
        # Against expectations is what moves a stock: it outweighs the raw change it qualifies.
        weight = 2.0 if match.group("good") else -2.0
        out.append(Unit(("<expect>",), match.start() + offset, match.end() + offset, "val", weight))
    return out


def old_sides(seq: list[Unit], clauses: list[int]) -> list[tuple[int, int]]:
    """Ranges of units that state the figure a change is measured from ("from a loss of 2")."""
    ranges = []
    for i, unit in enumerate(seq):
        key = unit.key
        if key in _COMPARE_KEYS or (
            key == ("from",)
            and any(seq[j].cls in DIRECTIONS or is_number(seq[j]) for j in range(max(0, i - 3), i))
        ):
            j = i + 1
            while j < len(seq) and clauses[j] == clauses[i] and seq[j].key[0] != ",":
                j += 1
            ranges.append((i, j))
    return ranges


def swing(seq: list[Unit], clauses: list[int], cmp: int, end: int) -> float:
    """+1 for "a profit compared with a loss", -1 for the reverse, 0 otherwise."""
    old = next((j for j in range(cmp + 1, end) if seq[j].cls in NOUNS), None)
    new = None
    for j in range(cmp - 1, max(-1, cmp - 16), -1):
        if clauses[j] != clauses[cmp]:
            break
        if seq[j].cls in NOUNS:
            new = j
            break
    if old is None or new is None or seq[old].cls == seq[new].cls:
        return 0.0
    if seq[new].cls == "good" and seq[old].weight < 0:
        return 1.0
    if seq[old].cls == "good" and seq[new].weight < 0:
        return -1.0
    return 0.0


# Effect stated outright for the subject: "a boost for X", "a blow to X", "good news for X".
_EFFECT_FOR = re.compile(
    r"(?:(?P<good>boost|lift|win|tailwind|windfall|relief|good news|positive|benefit|plus|"
    r"bonanza|lifeline)|(?P<bad>blow|setback|headwind|hit|bad news|negative|threat|drag|"
    r"burden|risk))\s+(?:for|to)\s+(?:the\s+)?$",
    re.I,
)


def stated_effects(text: str, subjects: Sequence[tuple[int, int]]) -> list[Unit]:
    """Units for effects a sentence states outright for its subject."""
    out = []
    for a, _ in subjects:
        match = _EFFECT_FOR.search(text[max(0, a - 40) : a])
        if match:
            weight = 2.0 if match.group("good") else -2.0
            out.append(Unit(("<effect>",), a - len(match.group(0)), a, "val", weight))
    return out


def mark_subjects(seq: list[Unit], subjects: Sequence[tuple[int, int]]) -> list[Unit]:
    """Make the subject, and a cost-like noun right after it, a good quantity."""
    out = list(seq)
    for i, unit in enumerate(out):
        if any(a < unit.end and unit.start < b for a, b in subjects):
            out[i] = Unit(unit.key, unit.start, unit.end, "subj", 0.0)
            nxt = out[i + 1] if i + 1 < len(out) else None
            if nxt is not None and nxt.cls == "bad" and nxt.weight == 0.0:
                out[i + 1] = Unit(nxt.key, nxt.start, nxt.end, "good", 0.0)
    return out


def is_rating(seq: list[Unit], k: int) -> bool:
    """Whether "buy"/"sell" at ``k`` is a broker's rating rather than a trade."""
    before = [u.key[-1] for u in seq[max(0, k - 3) : k]]
    if not before:
        return False
    if before[-1] == "to":
        # "downgrades X to sell", not "plans to sell a unit".
        return any(w.startswith(("upgrad", "downgrad", "cut", "rais")) for w in before[:-1])
    return before[-1] in _RATING_CONTEXT or (len(before) > 1 and before[-2] in _RATING_CONTEXT)
