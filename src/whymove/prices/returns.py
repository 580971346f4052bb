"""Session-aligned daily returns, right across ex-dates and across the seams between sources.

Every return is from one session's close to the previous session's close on the listing's own
exchange calendar. A session with no price gives NaN for itself and for the session after it,
rather than a two-day return passing for a one-day one. Rows on dates the calendar says were
closed are dropped (and listed in ``attrs["off_calendar"]``); dates before the calendar's
first session are taken from the data as given.

Two returns per session:

- ``total_return``: from adjusted closes, so dividends and splits do not show as moves; this
  is what the event study uses. Adjusted closes of two sources have different base dates, so at
  the seam where one source takes over from another it is rebuilt from the raw closes and that
  day's dividend and split (Yahoo's convention), or left NaN when either side is adjusted-only.
- ``price_return``: from raw closes, corrected for splits but not dividends; what a news story
  quotes. For a source that only has adjusted prices it equals the total return.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from whymove.prices.calendars import get_calendar
from whymove.prices.series import PriceSeries, visible_split_factor

RETURN_COLUMNS: tuple[str, ...] = (
    "close",
    "adj_close",
    "dividend",
    "split",
    "price_return",
    "total_return",
    "source",
    "adjusted",
)


def align_to_sessions(frame: pd.DataFrame, exchange: str) -> pd.DataFrame:
    """``frame`` reindexed to every session of ``exchange`` from its first row to its last.

    Missing sessions become NaN rows; rows on non-sessions are dropped and their dates kept in
    ``attrs["off_calendar"]`` so a caller can report them.
    """
    if frame.empty:
        out = frame.copy()
        out.attrs["off_calendar"] = []
        return out
    cal = get_calendar(exchange)
    first, last = frame.index[0], frame.index[-1]
    all_sessions = cal.sessions
    inside = all_sessions[(all_sessions >= first) & (all_sessions <= last)]
    before = frame.index[frame.index < all_sessions[0]]
    after = frame.index[frame.index > all_sessions[-1]]
    index = before.append(inside).append(after)
    covered = (frame.index >= all_sessions[0]) & (frame.index <= all_sessions[-1])
    off = frame.index[covered & ~frame.index.isin(inside)]
    out = frame.reindex(index)
    out.index.name = "date"
    out.attrs["off_calendar"] = [d.date() for d in off]
    return out


def session_returns(frame: pd.DataFrame, exchange: str) -> pd.DataFrame:
    """Prices and both daily returns of one listing on its exchange's sessions.

    ``frame`` has the price columns of :data:`whymove.prices.series.COLUMNS`, indexed by date,
    and optionally ``source`` and ``adjusted`` (as :func:`whymove.prices.db.read_prices` returns
    them); without them the whole frame counts as one raw-or-adjusted source.
    """
    frame = frame.copy()
    if "source" not in frame:
        frame["source"] = ""
    if "adjusted" not in frame:
        frame["adjusted"] = False
    aligned = align_to_sessions(frame, exchange)
    off_calendar = aligned.attrs.get("off_calendar", [])
    close = aligned["close"].astype("float64")
    adj = aligned["adj_close"].astype("float64")
    dividend = aligned["dividend"].astype("float64").fillna(0.0)
    split = aligned["split"].astype("float64").fillna(1.0)
    source = aligned["source"]
    adjusted = aligned["adjusted"].astype("boolean")
    prev_source = source.shift(1)
    prev_adjusted = adjusted.shift(1)
    same_source = (source == prev_source).fillna(False).astype(bool)
    both_raw = ((~adjusted) & (~prev_adjusted)).fillna(False).astype(bool)
    both_adjusted = (adjusted & prev_adjusted).fillna(False).astype(bool)
    factor = visible_split_factor(close, split)

    within = adj / adj.shift(1) - 1.0
    seam = close * factor / (close.shift(1) - dividend) - 1.0
    total = pd.Series(np.nan, index=aligned.index)
    total[same_source] = within[same_source]
    total[~same_source & both_raw] = seam[~same_source & both_raw]

    raw = close * factor / close.shift(1) - 1.0
    price = pd.Series(np.nan, index=aligned.index)
    price[both_raw] = raw[both_raw]
    adjusted_only = both_adjusted & same_source
    price[adjusted_only] = within[adjusted_only]

    out = pd.DataFrame(
        {
            "close": close,
            "adj_close": adj,
            "dividend": dividend,
            "split": split,
            "price_return": price,
            "total_return": total,
            "source": source,
            "adjusted": adjusted,
        },
        index=aligned.index,
    )
    out.attrs["off_calendar"] = off_calendar
    return out


def series_returns(series: PriceSeries, exchange: str) -> pd.DataFrame:
    """:func:`session_returns` of one loaded file."""
    frame = series.frame.copy()
    frame["source"] = series.source
    frame["adjusted"] = series.adjusted
    return session_returns(frame, exchange)


def compound(returns: pd.Series) -> float:
    """The return of holding through all ``returns`` (NaN if any is missing)."""
    values = returns.to_numpy(dtype="float64")
    if values.size == 0 or np.isnan(values).any():
        return float("nan")
    return float(np.prod(1.0 + values) - 1.0)
