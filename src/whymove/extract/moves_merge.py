"""One move stated several times is one move.

A story repeats its move: the headline ("Alibaba's Stock Soars"), a bullet ("Alibaba's stock
rallied"), the lead ("rose 8.1% on Tuesday") and the "Price Action" line ("traded higher by
2.20% at $80.25 premarket"). These are one fact. Moves of one security, direction and horizon
merge when their sizes agree: equal, one of them not given, one a rounding of the other
("jumps 6%" and "6.3%"), or one a bound the other satisfies ("over 30%" and "33%"); and, for a
day's move, when they fall on the same day or one of them was dated only by inference.
"""

from __future__ import annotations

import dataclasses

from whymove.model import PriceMove

Bound = str
"""How a size was qualified: exact, lower (over, more than), upper (nearly) or approx."""


def _sizes_agree(a: float | None, a_bound: Bound, b: float | None, b_bound: Bound) -> bool:
    if a is None or b is None:
        return True
    if abs(a - b) <= 0.011:
        return True
    for x, x_bound, y in ((a, a_bound, b), (b, b_bound, a)):
        if x_bound == "lower" and x <= y <= x * 1.35 + 1:
            return True
        if x_bound == "upper" and x * 0.8 - 1 <= y <= x:
            return True
        if x_bound == "approx" and abs(x - y) <= max(0.1 * x, 0.5):
            return True
        if x == round(x) and round(y) == x:
            return True
        if round(x, 1) == x and abs(round(y, 1) - x) < 1e-9:
            return True
    return False


def _dates_agree(a: PriceMove, b: PriceMove) -> bool:
    if a.horizon != "day":
        return True
    if a.date is None or b.date is None or a.date_inferred or b.date_inferred:
        return True
    return a.date == b.date


def _precision(move: PriceMove, bound: Bound) -> tuple[int, int, int, int, int]:
    """Which of two agreeing statements to keep: the more exact one."""
    pct = move.percent
    decimals = len(f"{pct:g}".partition(".")[2]) if pct is not None else -1
    return (
        pct is not None,
        bound == "exact",
        decimals,
        move.price is not None,
        not move.date_inferred,
    )


def merge_moves(moves: list[tuple[PriceMove, Bound]]) -> list[PriceMove]:
    """Moves in text order with restatements folded into their most exact statement.

    The kept move takes a price, session or stated date from the statements merged into it
    when it lacks one, and the highest confidence among them.
    """
    kept: list[tuple[PriceMove, Bound]] = []
    for move, bound in moves:
        for index, (other, other_bound) in enumerate(kept):
            if (
                move.ticker != other.ticker
                or move.direction != other.direction
                or move.horizon != other.horizon
                or not _sizes_agree(move.percent, bound, other.percent, other_bound)
                or not _dates_agree(move, other)
                or (move.price is not None and other.price is not None
                    and abs(move.price - other.price) > 0.011)
            ):  # fmt: skip
                continue
            if _precision(move, bound) > _precision(other, other_bound):
                best, best_bound, rest = move, bound, other
            else:
                best, best_bound, rest = other, other_bound, move
            kept[index] = (_absorb(best, rest), best_bound)
            break
        else:
            kept.append((move, bound))
    return sorted((m for m, _ in kept), key=lambda m: (m.start, m.end))


def _absorb(best: PriceMove, rest: PriceMove) -> PriceMove:
    changes: dict[str, object] = {"confidence": max(best.confidence, rest.confidence)}
    if best.price is None and rest.price is not None:
        changes.update(price=rest.price, currency=rest.currency)
    if best.session is None and rest.session is not None:
        changes["session"] = rest.session
    if best.date_inferred and not rest.date_inferred and rest.date is not None:
        changes.update(date=rest.date, date_end=rest.date_end, date_inferred=False)
    return dataclasses.replace(best, **changes)  # type: ignore[arg-type]
