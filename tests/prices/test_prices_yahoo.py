"""Yahoo downloads against recorded chart-API answers served from 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import sys

import pandas as pd
import pytest

from whymove.errors import ConfigError, PriceDataError
from whymove.prices.returns import series_returns
from whymove.prices.yahoo import fetch_chart, fetch_yfinance, series_from_yfinance


def stamp(year: int, month: int, day: int, hour: int, minute: int) -> int:
    return int(dt.datetime(year, month, day, hour, minute, tzinfo=dt.UTC).timestamp())


def test_fetch_hong_kong_listing_dates_dividends_and_query(yahoo):
    base, requests = yahoo
    s = fetch_chart("9988.HK", dt.date(2025, 6, 10), dt.date(2025, 6, 11), base_url=base)
    assert s.symbol == "9988.HK"
    assert not s.adjusted
    assert list(s.frame.index.strftime("%Y-%m-%d")) == ["2025-06-10", "2025-06-11"]
    assert s.frame.loc["2025-06-11", "dividend"] == 1.03
    assert s.frame.loc["2025-06-10", "close"] == 120.5
    assert s.frame.loc["2025-06-10", "adj_close"] == 119.47
    assert pd.isna(s.frame.loc["2025-06-11", "volume"])
    path, query = requests[0]
    assert path == "/v8/finance/chart/9988.HK"
    # period2 is the midnight after the end date, so the end date is included
    assert query["period1"] == [str(stamp(2025, 6, 10, 0, 0))]
    assert query["period2"] == [str(stamp(2025, 6, 12, 0, 0))]
    assert query["interval"] == ["1d"]
    assert query["events"] == ["div,splits"]


def test_fetch_split_recorded_but_not_applied_twice(yahoo):
    base, _ = yahoo
    s = fetch_chart("NVDA", dt.date(2024, 6, 7), dt.date(2024, 6, 10), base_url=base)
    assert s.frame.loc["2024-06-10", "split"] == 10.0
    assert s.frame["adj_close"].tolist() == [120.86, 121.76]
    returns = series_returns(s, "XNYS")
    assert returns.loc["2024-06-10", "price_return"] == pytest.approx(121.79 / 120.89 - 1)


def test_fetch_unknown_symbol_is_a_price_data_error(yahoo):
    base, _ = yahoo
    with pytest.raises(PriceDataError, match="ZZZZ: Yahoo answered Not Found"):
        fetch_chart("ZZZZ", dt.date(2025, 1, 2), dt.date(2025, 1, 3), base_url=base)


def test_fetch_unreachable_server_is_a_price_data_error():
    with pytest.raises(PriceDataError, match="request failed"):
        fetch_chart("BABA", dt.date(2025, 1, 2), dt.date(2025, 1, 3), base_url="http://127.0.0.1:9")


def test_end_before_start_is_a_config_error():
    with pytest.raises(ConfigError, match="before"):
        fetch_chart("BABA", dt.date(2025, 1, 3), dt.date(2025, 1, 2))


def test_series_from_yfinance_history_frame():
    index = pd.DatetimeIndex(["2025-07-14", "2025-07-15"]).tz_localize("America/New_York")
    history = pd.DataFrame(
        {
            "Open": [106.9, 113.5],
            "High": [108.5, 117.2],
            "Low": [106.0, 113.0],
            "Close": [108.22, 116.97],
            "Adj Close": [107.24, 115.91],
            "Volume": [100, 200],
            "Dividends": [0.0, 0.0],
            "Stock Splits": [0.0, 0.0],
        },
        index=index,
    )
    s = series_from_yfinance(history, "baba", "yfinance test")
    assert s.symbol == "BABA"
    assert not s.adjusted
    assert list(s.frame.index.strftime("%Y-%m-%d")) == ["2025-07-14", "2025-07-15"]
    assert s.frame.loc["2025-07-15", "adj_close"] == 115.91


def test_yfinance_path_without_the_extra_says_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "yfinance", None)
    with pytest.raises(ConfigError, match=r"whymove\[yahoo\]"):
        fetch_yfinance("BABA", dt.date(2025, 1, 2), dt.date(2025, 1, 3))
