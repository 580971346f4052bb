"""Sizes beyond a clause's first: further sizes with horizons of their own ("up 9% over the
past week and 45% over the past month") and signed sizes right after a name ("Alibaba (BABA)
+3.2%", as market recaps and tables write them).
"""

from __future__ import annotations

import dataclasses
import re

from whymove.extract.moves_clauses import (
    Clause,
    first_match,
    horizon_matches,
    percent_value,
    size_bound,
)
from whymove.extract.moves_dating import Dater
from whymove.extract.moves_discourse import Discourse
from whymove.extract.moves_merge import Bound
from whymove.extract.moves_patterns import SESSIONS
from whymove.model import PriceMove

_VERSUS = re.compile(
    r"\b(?:top|tops|topping|beat|beats|beating|outpac\w*|outperform\w*|vs\.?|versus|"
    r"compared (?:with|to)|than)\s+(?:[\w'’.-]+\s+){0,2}$",
    re.I,
)
_SIGNED = re.compile(r"(?<![\w.])([+\-−])\s?(\d+(?:\.\d+)?)\s?%")


def gapped_sizes(
    sentence: str, base: int, clause: Clause, after: list[re.Match[str]],
    built: list[tuple[PriceMove, Bound]], dater: Dater,
) -> list[tuple[PriceMove, Bound]]:  # fmt: skip
    """ "up 9% over the past week and 45% over the past month": each further size with a
    horizon of its own is a further move of the same subject and direction."""
    if len(after) < 2 or len(built) != 1:
        return []
    first = built[0][0]
    out = []
    for size, nxt in zip(after[1:], [*after[2:], None], strict=False):
        limit = min(nxt.start() if nxt else clause.hi, size.end() + 45)
        matches = horizon_matches(sentence, size.end(), limit)
        found = (matches[0][2], matches[0][0], matches[0][1]) if matches else None
        if found is None or found[0] == first.horizon:
            continue
        date, date_end, inferred = dater.date(
            first.ticker, found[0], None, found, clause.lo, clause.hi, (size.start(), size.end()),
            base, sentence,
        )  # fmt: skip
        move = dataclasses.replace(
            first, percent=percent_value(size), horizon=found[0],  # type: ignore[arg-type]
            price=None, currency=None,
            session=None, start=base + size.start(), end=base + found[2], date=date,
            date_end=date_end, date_inferred=inferred,
        )  # fmt: skip
        out.append((move, size_bound(sentence, size)))
    return out


def signed_after_name(
    sentence: str, base: int, disc: Discourse, dater: Dater, compared: str = "day"
) -> list[tuple[PriceMove, Bound]]:
    """ "Alibaba (BABA) +3.2%": a signed size right after a name is a day's move, or, when it
    is compared with a move the sentence stated ("rose 620% over the year, topping Nvidia's
    NVDA +198%"), a move over that move's horizon ``compared``."""
    out = []
    for match in _SIGNED.finditer(sentence):
        owner = next(
            (m for m in disc.mentions if base <= m.end <= base + match.start()
             and re.fullmatch(r"[\s:()A-Z.]*", sentence[m.end - base : match.start()])),
            None,
        )  # fmt: skip
        if owner is None:
            continue
        horizon = compared if _VERSUS.search(sentence, 0, owner.start - base) else "day"
        date, date_end, inferred = dater.date(
            owner.ticker,
            horizon,
            None,
            None,
            0,
            len(sentence),
            (match.start(), match.end()),
            base,
            sentence,
        )
        move = PriceMove(
            ticker=owner.ticker, direction="up" if match.group(1) == "+" else "down",
            start=owner.start, end=base + match.end(), percent=float(match.group(2)),
            session=first_match(SESSIONS, sentence[match.end() : match.end() + 40]),  # type: ignore[arg-type]
            date=date, date_end=date_end, date_inferred=inferred, confidence=0.6,
            horizon=horizon,  # type: ignore[arg-type]
        )  # fmt: skip
        out.append((move, "exact"))
    return out
