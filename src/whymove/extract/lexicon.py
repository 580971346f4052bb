"""Finance-aware polarity words shared by catalyst polarity and sentiment.

Words carry their effect on a company's shareholders, not their everyday tone: "beat" and
"upgrade" are positive, "probe", "tariffs" and "downgrade" negative.
"""

from __future__ import annotations

import re

POSITIVE = frozenset(
    """beat beats beating exceeded exceeds topped tops surpassed record strong stronger robust
    growth grew grow grows surge surged surges soar soared soars jump jumped rally rallied rise
    rose rises gain gained gains boost boosted boosts upgrade upgraded upgrades outperform
    overweight buy bullish optimism optimistic confidence approve approved approval approves
    win won wins award awarded launch launched launches partnership partnered resume resumed
    resumes eased easing ease lifted expand expanded expansion profit profitable raised raises
    upbeat positive benefit benefits favorable favourably rebound rebounded recovery improve
    improved improving tops leading leader top momentum enthusiasm stimulus support supports
    breakthrough higher up climbed climb advance advanced accelerate accelerated""".split()
)
NEGATIVE = frozenset(
    """miss missed misses fell fall falls drop dropped drops decline declined declines plunge
    plunged plunges tumble tumbled slump slumped weak weaker weakened weakness loss losses
    lost cut cuts downgrade downgraded downgrades underperform underweight sell bearish
    concern concerns worries worry fears fear risk risks probe investigation lawsuit sued
    fine fined penalty ban banned bans restrict restricted restrictions restriction sanction
    sanctions tariff tariffs crackdown tension tensions halt halted halts shortage delay
    delayed recall recalled layoffs resign resigned resigns departure depart ousted
    disappointing disappointed slowdown downturn deflation headwinds pressure pressures
    lower down slid slide sank sink dogged challenge challenges hurdles curtailed tighten
    tightening uncertainty uncertain volatile negative warning warned warns""".split()
)
NEGATORS = frozenset("not no never without n't neither nor fails failed".split())
_TOKEN = re.compile(r"[a-z]+(?:'t)?")


def tokens(text: str) -> list[str]:
    """Lower-case word tokens."""
    return _TOKEN.findall(text.lower())


def polarity_score(text: str) -> float:
    """A score in [-1, 1]: positive minus negative cue words, flipped after a negator."""
    score = 0.0
    hits = 0
    words = tokens(text)
    for i, word in enumerate(words):
        value = 1.0 if word in POSITIVE else -1.0 if word in NEGATIVE else 0.0
        if not value:
            continue
        if any(w in NEGATORS or w.endswith("n't") for w in words[max(0, i - 3) : i]):
            value = -value
        score += value
        hits += 1
    return score / hits if hits else 0.0
