"""One listing's daily prices as read from one source, and the adjustment arithmetic.

Raw and adjusted prices are kept apart because they answer different questions: the *raw*
close is what a news story quotes ("closed at $116.97, up 8.1%"); the *adjusted* close is what
makes returns right across ex-dividend and split dates, so it is what the event study uses.

Conventions (those of Yahoo Finance, which most files people have come from):

- ``close`` is the close as the source quotes it. When ``PriceSeries.adjusted`` is true the
  source gave only dividend-adjusted prices (yfinance with ``auto_adjust``), so open, high, low
  and close are all adjusted and no raw price is known.
- ``adj_close`` is the close adjusted for splits and cash dividends, with the last row of the
  source as the base. Two sources adjust to different base dates, so adjusted closes are only
  comparable within one source; :mod:`whymove.prices.returns` never divides across sources.
- ``dividend`` is the cash amount going ex on that session (0 when none), ``split`` the number
  of new shares per old share taking effect that session (1 when none).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from whymove.errors import PriceDataError

COLUMNS: tuple[str, ...] = (
    "open",
    "high",
    "low",
    "close",
    "adj_close",
    "volume",
    "dividend",
    "split",
)
"""The columns of every normalised price frame, in this order."""


@dataclass(frozen=True, slots=True)
class PriceSeries:
    """Daily prices of one listing from one source.

    ``frame`` has a naive ``DatetimeIndex`` named ``date`` (one row per session, ascending) and
    exactly :data:`COLUMNS`. ``layout`` names the file layout that was recognised, for reports.
    """

    symbol: str
    source: str
    frame: pd.DataFrame
    adjusted: bool = False
    layout: str = ""

    @property
    def first(self) -> pd.Timestamp:
        return self.frame.index[0]

    @property
    def last(self) -> pd.Timestamp:
        return self.frame.index[-1]

    def __len__(self) -> int:
        return len(self.frame)


def visible_split_factor(close: pd.Series, split: pd.Series) -> pd.Series:
    """Per row, the split ratio when the split shows in the closes, else 1.

    Some files quote closes split-adjusted (Yahoo's ``Close``), others as traded. A 10:1 split
    that shows in the data makes the close drop to about a tenth; one already adjusted for
    leaves it near the previous close. Whichever of ``jump`` and ``jump * ratio`` is nearer 1
    tells which kind of file this is, row by row, without a setting.
    """
    ratio = split.where((split > 0) & np.isfinite(split), 1.0)
    jump = close / close.shift(1)
    visible = (np.log(jump * ratio).abs() < np.log(jump).abs()) & (ratio != 1.0)
    return ratio.where(visible, 1.0)


def derive_adjusted_close(frame: pd.DataFrame) -> pd.Series:
    """Adjusted closes from raw closes, dividends and splits, Yahoo's way.

    Each ex-dividend date multiplies all earlier prices by ``1 - D / previous close``; a split
    that shows in the closes divides them by its ratio. The daily growth factor is therefore
    ``close * visible_ratio / (previous close - dividend)`` and the last row is the base.
    Without dividends or splits the adjusted close equals the close.
    """
    close = frame["close"]
    if close.empty:
        return close.copy()
    dividend = frame["dividend"].fillna(0.0)
    factor = visible_split_factor(close, frame["split"])
    growth = close * factor / (close.shift(1) - dividend)
    growth.iloc[0] = 1.0
    level = growth.cumprod()
    return level * (close.iloc[-1] / level.iloc[-1])


def finish_frame(frame: pd.DataFrame, source: str) -> pd.DataFrame:
    """Check and tidy a frame a loader built: sorted, deduplicated, positive closes.

    Rows without a close are dropped (old Yahoo files carry ``null`` rows); duplicate dates
    with identical values collapse to one, while duplicates that disagree are an error because
    there is no way to tell which one is right.
    """
    frame = frame.copy()
    for column in COLUMNS:
        if column not in frame:
            frame[column] = np.nan
    frame = frame.loc[:, list(COLUMNS)].astype("float64")
    frame["dividend"] = frame["dividend"].fillna(0.0)
    frame["split"] = frame["split"].where(frame["split"] > 0, 1.0).fillna(1.0)
    frame = frame[frame["close"].notna()]
    if frame.empty:
        raise PriceDataError(f"{source}: no rows with a close price")
    bad = frame[frame["close"] <= 0]
    if not bad.empty:
        day = bad.index[0].date()
        raise PriceDataError(f"{source}: close {bad['close'].iloc[0]} on {day} is not positive")
    frame = frame.sort_index(kind="stable")
    duplicated = frame.index.duplicated(keep=False)
    if duplicated.any():
        dups = frame[duplicated]
        clash = dups.groupby(level=0)["close"].nunique()
        clash = clash[clash > 1]
        if not clash.empty:
            raise PriceDataError(
                f"{source}: {len(clash)} dates appear twice with different closes, "
                f"first {clash.index[0].date()}; is it two symbols in one file? Use --symbol "
                "on a file per symbol"
            )
        frame = frame[~frame.index.duplicated(keep="first")]
    frame.index.name = "date"
    return frame


def make_series(
    symbol: str,
    source: str,
    frame: pd.DataFrame,
    *,
    adjusted: bool,
    layout: str,
) -> PriceSeries:
    """A validated PriceSeries; fills ``adj_close`` when the source did not give it.

    Order of preference (the brief's rule): the source's adjusted close when present; else
    derived from its dividend and split columns; else the close itself. A source whose prices
    are already adjusted has ``adj_close == close``.
    """
    frame = finish_frame(frame, source)
    if adjusted:
        frame["adj_close"] = frame["close"]
    else:
        missing = frame["adj_close"].isna()
        if missing.all():
            frame["adj_close"] = derive_adjusted_close(frame)
        elif missing.any():
            # A few missing adjusted closes (a trailing provisional row, a hole): rescale the
            # derived series onto the given one at the last row both have.
            derived = derive_adjusted_close(frame)
            both = frame.index[~missing][-1]
            scale = frame.at[both, "adj_close"] / derived.at[both]
            frame.loc[missing, "adj_close"] = derived[missing] * scale
    if not np.isfinite(frame["adj_close"]).all() or (frame["adj_close"] <= 0).any():
        raise PriceDataError(f"{source}: adjusted closes are not all positive numbers")
    if not symbol or not isinstance(symbol, str):
        raise PriceDataError(f"{source}: no symbol; pass --symbol")
    return PriceSeries(symbol, source, frame, adjusted=adjusted, layout=layout)
