"""Session-aligned returns: gaps, holidays, ex-dates and the seams between two sources."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from whymove.prices.returns import compound, session_returns
from whymove.prices.series import COLUMNS


def frame(rows: list[tuple], adjusted: bool = False) -> pd.DataFrame:
    """rows: (date, close, adj_close, dividend, source[, adjusted])."""
    data = []
    for row in rows:
        _day, close, adj, dividend, source = row[:5]
        record = dict.fromkeys(COLUMNS, np.nan)
        record.update(close=close, adj_close=adj, dividend=dividend, split=1.0)
        record.update(source=source, adjusted=row[5] if len(row) > 5 else adjusted)
        data.append(record)
    out = pd.DataFrame(data, index=pd.DatetimeIndex([r[0] for r in rows], name="date"))
    return out


def test_a_missing_session_gives_nan_for_itself_and_the_next():
    prices = frame(
        [
            ("2025-07-14", 100.0, 100.0, 0.0, "a"),
            ("2025-07-15", 110.0, 110.0, 0.0, "a"),
            ("2025-07-17", 99.0, 99.0, 0.0, "a"),  # 16 July missing
        ]
    )
    out = session_returns(prices, "XNYS")
    assert list(out.index.strftime("%m-%d")) == ["07-14", "07-15", "07-16", "07-17"]
    assert out.loc["2025-07-15", "total_return"] == pytest.approx(0.10)
    assert out.loc["2025-07-15", "price_return"] == pytest.approx(0.10)
    assert math.isnan(out.loc["2025-07-16", "total_return"])
    assert math.isnan(out.loc["2025-07-17", "total_return"])  # not a two-day return


def test_rows_on_holidays_are_dropped_and_reported():
    prices = frame(
        [
            ("2025-07-03", 100.0, 100.0, 0.0, "a"),
            ("2025-07-04", 100.0, 100.0, 0.0, "a"),  # Independence Day: no session
            ("2025-07-07", 102.0, 102.0, 0.0, "a"),
        ]
    )
    out = session_returns(prices, "XNYS")
    assert list(out.index.strftime("%m-%d")) == ["07-03", "07-07"]
    assert out.attrs["off_calendar"] == [pd.Timestamp("2025-07-04").date()]
    assert out.loc["2025-07-07", "total_return"] == pytest.approx(0.02)


def test_hong_kong_listing_uses_the_hong_kong_calendar():
    prices = frame(
        [
            ("2025-06-30", 100.0, 100.0, 0.0, "a"),
            ("2025-07-02", 103.0, 103.0, 0.0, "a"),  # 1 July is an HK holiday
        ]
    )
    out = session_returns(prices, "XHKG")
    assert list(out.index.strftime("%m-%d")) == ["06-30", "07-02"]
    assert out.loc["2025-07-02", "total_return"] == pytest.approx(0.03)


def test_ex_dividend_day_is_not_a_loss_in_total_return():
    # raw close falls from 10.0 to 9.5 as a 0.50 dividend goes ex; adjusted closes say flat
    prices = frame(
        [
            ("2025-03-04", 10.0, 9.5, 0.0, "a"),
            ("2025-03-05", 9.5, 9.5, 0.5, "a"),
        ]
    )
    out = session_returns(prices, "XNYS")
    assert out.loc["2025-03-05", "price_return"] == pytest.approx(-0.05)
    assert out.loc["2025-03-05", "total_return"] == pytest.approx(0.0)


def test_seam_between_two_raw_sources_uses_raw_closes_and_the_dividend():
    # the two files' adjusted closes have different bases (50 vs 105): never divide across them
    prices = frame(
        [
            ("2025-07-14", 100.0, 50.0, 0.0, "old.csv"),
            ("2025-07-15", 105.0, 105.0, 1.0, "new.csv"),
            ("2025-07-16", 106.05, 106.05, 0.0, "new.csv"),
        ]
    )
    out = session_returns(prices, "XNYS")
    assert out.loc["2025-07-15", "total_return"] == pytest.approx(105.0 / 99.0 - 1.0)
    assert out.loc["2025-07-15", "price_return"] == pytest.approx(0.05)
    assert out.loc["2025-07-16", "total_return"] == pytest.approx(0.01)


def test_seam_into_an_adjusted_only_source_is_unknown():
    prices = frame(
        [
            ("2025-07-14", 100.0, 100.0, 0.0, "raw.csv", False),
            ("2025-07-15", 96.0, 96.0, 0.0, "adj.csv", True),
            ("2025-07-16", 97.92, 97.92, 0.0, "adj.csv", True),
        ]
    )
    out = session_returns(prices, "XNYS")
    assert math.isnan(out.loc["2025-07-15", "total_return"])
    assert math.isnan(out.loc["2025-07-15", "price_return"])
    # within the adjusted-only source the price return is the total return
    assert out.loc["2025-07-16", "total_return"] == pytest.approx(0.02)
    assert out.loc["2025-07-16", "price_return"] == pytest.approx(0.02)


def test_compound():
    assert compound(pd.Series([0.10, -0.10])) == pytest.approx(-0.01)
    assert math.isnan(compound(pd.Series([0.1, np.nan])))
