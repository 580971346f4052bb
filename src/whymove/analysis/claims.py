"""Claim check: does a move the news states agree with the price data?

A newsroom asks "the story says +8.1%; what does the data say?". Each stated move is compared
with the return over the same session and horizon. Tolerances reflect what a story can know:
a closing move should match the close-to-close return closely; a premarket or intraday quote
is a snapshot, so it is compared with the opening gap and the close, and only a clear
disagreement in sign or size is a contradiction.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import pandas as pd

from whymove.analysis.explain import StatedMove

# (absolute tolerance in percentage points, relative tolerance) by session.
TOLERANCE = {
    "regular": (0.15, 0.05),
    None: (0.6, 0.25),
    "premarket": (1.5, 0.5),
    "after_hours": (2.0, 0.6),
}
LONG_HORIZON_TOLERANCE = (2.0, 0.15)
FLAT_TOLERANCE = 1.0
"""A "little changed" or "flat" claim without a figure: largest move (points) that fits it."""


@dataclass(frozen=True, slots=True)
class ClaimCheck:
    """The verdict on one stated move: agrees, contradicts or unverifiable."""

    move: StatedMove
    verdict: str
    actual_percent: float | None
    compared_with: str
    tolerance: float | None
    reason: str


def _signed(move: StatedMove) -> float | None:
    if move.percent is None:
        return None
    return {"up": 1.0, "down": -1.0, "flat": 0.0}[move.direction] * move.percent


def _tolerance(stated: float, absolute: float, relative: float) -> float:
    return max(absolute, relative * abs(stated))


def _daily_returns(bars: pd.DataFrame) -> pd.Series:
    """Close-to-close returns: the ``return`` column when the caller computed them on the
    exchange calendar (NaN where a session is missing), else from the closes."""
    if "return" in bars:
        return bars["return"].astype("float64")
    closes = bars["adj_close"].fillna(bars["close"]) if "adj_close" in bars else bars["close"]
    return closes.astype("float64").pct_change(fill_method=None)


def check_move(move: StatedMove, bars: pd.DataFrame) -> ClaimCheck:
    """Compare one stated move with daily bars (index: session dates; columns ``open``,
    ``close``, and ``adj_close`` when known, or a ``return`` column of session returns).

    A comparison that needs a missing price (a gap in the bars) is left out; when none is
    left the claim is ``unverifiable``, never a contradiction.
    """
    if move.date is None:
        return ClaimCheck(move, "unverifiable", None, "", None, "the move has no resolved date")
    returns = _daily_returns(bars)
    dates = list(bars.index)
    if move.date not in bars.index:
        return ClaimCheck(move, "unverifiable", None, "", None, f"no price bar on {move.date}")
    pos = dates.index(move.date)
    stated = _signed(move)
    if move.horizon == "day":
        if pos == 0:
            return ClaimCheck(move, "unverifiable", None, "", None, "no previous close")
        candidates = {"close-to-close": 100 * float(returns.iloc[pos])}
        if (
            move.session in ("premarket", None)
            and "open" in bars
            and pd.notna(bars["open"].iloc[pos])
        ):
            raw_prev = float(bars["close"].iloc[pos - 1])
            candidates["opening gap"] = 100 * (float(bars["open"].iloc[pos]) / raw_prev - 1)
        if move.session == "after_hours" and pos + 1 < len(dates) and "open" in bars:
            raw_close = float(bars["close"].iloc[pos])
            candidates["next open vs close"] = 100 * (
                float(bars["open"].iloc[pos + 1]) / raw_close - 1
            )
            candidates.pop("close-to-close")
        absolute, relative = TOLERANCE.get(move.session, TOLERANCE[None])
    else:
        start = _horizon_start(move.horizon, move.date, dates)
        if start is None:
            return ClaimCheck(
                move, "unverifiable", None, "", None, f"no prices before the {move.horizon} start"
            )
        span = returns.iloc[dates.index(start) + 1 : pos + 1]
        compounded = float((1.0 + span).prod()) - 1.0 if span.notna().all() else math.nan
        candidates = {f"{move.horizon} from {start}": 100 * compounded}
        absolute, relative = LONG_HORIZON_TOLERANCE
    candidates = {k: v for k, v in candidates.items() if math.isfinite(v)}
    if not candidates:
        return ClaimCheck(
            move, "unverifiable", None, "", None, "a price the comparison needs is missing"
        )
    if stated is None:
        # Direction only: agree when any comparison has the stated sign; "little changed"
        # agrees when some comparison stays within the session's tolerance (at least 1 point).
        def fits(actual: float) -> bool:
            if move.direction == "flat":
                return abs(actual) <= max(FLAT_TOLERANCE, absolute)
            return (actual > 0) == (move.direction == "up") and actual != 0

        label, actual = next(
            ((k, v) for k, v in candidates.items() if fits(v)), next(iter(candidates.items()))
        )
        verdict = "agrees" if fits(actual) else "contradicts"
        return ClaimCheck(move, verdict, round(actual, 3), label, None, "direction only")
    tol = _tolerance(stated, absolute, relative)
    label, actual = min(candidates.items(), key=lambda kv: abs(kv[1] - stated))
    if abs(actual - stated) <= tol:
        return ClaimCheck(move, "agrees", round(actual, 3), label, tol, "within tolerance")
    return ClaimCheck(
        move,
        "contradicts",
        round(actual, 3),
        label,
        tol,
        f"stated {stated:+.2f}%, data {actual:+.2f}% ({label})",
    )


def _horizon_start(horizon: str, day: dt.date, dates: list[dt.date]) -> dt.date | None:
    """The base session of a longer horizon: the last session before the period began."""
    if horizon == "ytd":
        boundary = dt.date(day.year, 1, 1)
    elif horizon == "year":
        boundary = day - dt.timedelta(days=365)
    elif horizon == "month":
        boundary = day - dt.timedelta(days=30)
    elif horizon == "week":
        boundary = day - dt.timedelta(days=7)
    else:
        return None
    before = (
        [d for d in dates if d < boundary]
        if horizon == "ytd"
        else [d for d in dates if d <= boundary]
    )
    return before[-1] if before else None
