"""Every price-file layout, written by the test, read back with the values a person expects."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from whymove.errors import PriceDataError
from whymove.prices.loaders import load_file, parse_numbers


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def one(path: Path, **kwargs) -> object:
    series = load_file(path, **kwargs)
    assert len(series) == 1
    return series[0]


def test_yahoo_csv_keeps_raw_and_adjusted_apart(tmp_path):
    path = write(
        tmp_path,
        "KO.csv",
        "Date,Open,High,Low,Close,Adj Close,Volume\n"
        "2024-06-12,62.0,62.5,61.5,62.20,60.10,1000\n"
        "2024-06-13,62.1,63.0,62.0,62.80,60.68,1200\n"
        "2024-06-14,null,null,null,null,null,null\n",
    )
    s = one(path)
    assert s.symbol == "KO"
    assert s.layout == "yahoo"
    assert not s.adjusted
    assert list(s.frame.index.strftime("%Y-%m-%d")) == ["2024-06-12", "2024-06-13"]
    assert s.frame.loc["2024-06-13", "close"] == 62.80
    assert s.frame.loc["2024-06-13", "adj_close"] == 60.68
    assert s.frame.loc["2024-06-13", "volume"] == 1200
    assert s.frame.loc["2024-06-13", "dividend"] == 0.0
    assert s.frame.loc["2024-06-13", "split"] == 1.0


def test_yfinance_download_with_price_ticker_date_rows_is_adjusted(tmp_path):
    path = write(
        tmp_path,
        "download.csv",
        "Price,Close,High,Low,Open,Volume\n"
        "Ticker,BABA,BABA,BABA,BABA,BABA\n"
        "Date,,,,,\n"
        "2025-07-14,108.22,108.5,106.0,106.9,100\n"
        "2025-07-15,116.97,117.2,113.0,113.5,200\n",
    )
    s = one(path)
    assert s.symbol == "BABA"  # from the ticker row, not from the file name
    assert s.layout == "yfinance"
    assert s.adjusted  # yfinance without Adj Close means auto_adjust
    assert s.frame.loc["2025-07-15", "close"] == 116.97
    assert s.frame.loc["2025-07-15", "open"] == 113.5  # columns matched by name, not position
    assert s.frame.loc["2025-07-15", "adj_close"] == 116.97


def test_yfinance_bare_ticker_line_after_the_header(tmp_path):
    path = write(
        tmp_path,
        "x.csv",
        "Date,Close,High,Low,Open,Volume\n"
        ",KWEB,KWEB,KWEB,KWEB,KWEB\n"
        "2024-07-15,25.36,25.9,25.1,25.8,5000\n"
        "2024-07-16,25.50,25.7,25.2,25.3,4000\n",
    )
    s = one(path)
    assert s.symbol == "KWEB"
    assert s.adjusted
    assert len(s.frame) == 2


def test_yfinance_side_by_side_tickers_give_one_series_each(tmp_path):
    path = write(
        tmp_path,
        "two.csv",
        "Ticker,JD,JD,JD,JD,JD,PDD,PDD,PDD,PDD,PDD\n"
        "Price,Open,High,Low,Close,Volume,Open,High,Low,Close,Volume\n"
        "Date,,,,,,,,,,\n"
        "2025-07-15,33.0,34.0,32.5,33.8,10,101,103,100,102.5,20\n",
    )
    series = {s.symbol: s for s in load_file(path)}
    assert set(series) == {"JD", "PDD"}
    assert series["JD"].frame.loc["2025-07-15", "close"] == 33.8
    assert series["PDD"].frame.loc["2025-07-15", "close"] == 102.5
    only = load_file(path, symbol="PDD")
    assert [s.symbol for s in only] == ["PDD"]


def test_yfinance_history_with_zoned_dates_and_actions(tmp_path):
    path = write(
        tmp_path,
        "9988.HK.csv",
        "Date,Open,High,Low,Close,Volume,Dividends,Stock Splits\n"
        "2025-06-10 00:00:00+08:00,120.0,121.0,119.0,120.5,100,0.0,0.0\n"
        "2025-06-11 00:00:00+08:00,118.6,119.0,117.9,118.4,100,1.03,0.0\n",
    )
    s = one(path)
    assert s.symbol == "9988.HK"
    assert s.adjusted  # history() defaults to auto_adjust
    # midnight Hong Kong time stays on its Hong Kong date (UTC would say the day before)
    assert list(s.frame.index.strftime("%Y-%m-%d")) == ["2025-06-10", "2025-06-11"]
    assert s.frame.loc["2025-06-11", "dividend"] == 1.03
    assert s.frame.loc["2025-06-11", "split"] == 1.0  # 0.0 means no split


def test_utc_stamped_sessions_move_to_the_exchange_date(tmp_path):
    # yfinance data converted to UTC: 00:00 HKT is 16:00 UTC the day before
    path = write(
        tmp_path,
        "0700.HK.csv",
        "Date,Open,High,Low,Close,Volume\n"
        "2025-07-14 16:00:00+00:00,510,515,505,512,10\n"
        "2025-07-15 16:00:00+00:00,512,520,510,519,10\n",
    )
    s = one(path)
    assert list(s.frame.index.strftime("%Y-%m-%d")) == ["2025-07-15", "2025-07-16"]


def test_new_york_offsets_across_daylight_saving(tmp_path):
    path = write(
        tmp_path,
        "MSFT.csv",
        "Date,Open,High,Low,Close,Volume,Dividends,Stock Splits\n"
        "2024-11-01 00:00:00-04:00,1,1,1,10,1,0,0\n"
        "2024-11-04 00:00:00-05:00,1,1,1,11,1,0,0\n",
    )
    s = one(path)
    assert list(s.frame.index.strftime("%Y-%m-%d")) == ["2024-11-01", "2024-11-04"]


def test_stooq_web_csv_is_raw_and_named_from_the_file(tmp_path):
    path = write(
        tmp_path,
        "aapl_us_d.csv",
        "Date,Open,High,Low,Close,Volume\n2025-07-14,209,210,208,209.1,1\n",
    )
    s = one(path)
    assert s.symbol == "AAPL"
    assert not s.adjusted
    assert s.frame.loc["2025-07-14", "adj_close"] == 209.1  # no events: adjusted = close


def test_stooq_bulk_file_with_ticker_column_and_compact_dates(tmp_path):
    path = write(
        tmp_path,
        "baba.us.txt",
        "<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>\n"
        "BABA.US,D,20250714,000000,106.9,108.5,106.0,108.22,100,0\n"
        "BABA.US,D,20250715,000000,113.5,117.2,113.0,116.97,200,0\n",
    )
    s = one(path)
    assert s.symbol == "BABA"  # Stooq's .US dropped
    assert s.layout == "stooq"
    assert s.frame.loc["2025-07-15", "close"] == 116.97


def test_platform_export_with_preamble_line(tmp_path):
    path = write(
        tmp_path,
        "export.csv",
        "Symbol: FXI,,,,,Study: VOL (LikeMain)\n"
        "Date Time,Open,High,Low,Close,Volume\n"
        "2025-07-14,36.6,36.95,36.5,36.91,100\n"
        "2025-07-15,37.3,37.7,37.2,37.64,100",  # no trailing newline
    )
    s = one(path)
    assert s.symbol == "FXI"  # from the preamble, the file name says nothing
    assert s.layout == "platform"
    assert s.frame.loc["2025-07-15", "close"] == 37.64


def test_nasdaq_export_newest_first_with_dollars_and_us_dates(tmp_path):
    path = write(
        tmp_path,
        "HistoricalData_NVDA.csv",
        "Date,Close/Last,Volume,Open,High,Low\n"
        '07/15/2025,$170.70,"230,627,400",$171.19,$172.40,$169.20\n'
        "07/14/2025,$164.07,136975800,$165.37,$165.49,$162.02\n",
    )
    s = one(path, symbol="NVDA")
    assert list(s.frame.index.strftime("%Y-%m-%d")) == ["2025-07-14", "2025-07-15"]
    assert s.frame.loc["2025-07-15", "close"] == 170.70
    assert s.frame.loc["2025-07-15", "volume"] == 230627400


def test_day_first_dates_are_recognised_from_values_above_twelve(tmp_path):
    path = write(
        tmp_path,
        "SAP.DE.csv",
        "Date;Open;High;Low;Close;Volume\n14.07.2025;250,1;252;249;251,5;10\n15.07.2025;251;253;250;252,25;10\n",
    )
    s = one(path)
    assert s.frame.loc["2025-07-15", "close"] == 252.25


def test_raw_file_with_dividend_column_derives_adjusted_closes(tmp_path):
    # ex-dividend 0.50 on day 3: Yahoo's rule multiplies earlier prices by 1 - 0.5/10 = 0.95
    path = write(
        tmp_path,
        "T.csv",
        "date,open,high,low,close,volume,dividend,split\n"
        "2025-03-03,10,10,10,10.0,1,0,0\n"
        "2025-03-04,10,10,10,10.0,1,0,0\n"
        "2025-03-05,10,10,10,9.5,1,0.5,0\n"
        "2025-03-06,10,10,10,9.5,1,0,0\n",
    )
    s = one(path)
    adj = s.frame["adj_close"].tolist()
    assert adj == pytest.approx([9.5, 9.5, 9.5, 9.5])
    assert s.frame["close"].tolist() == [10.0, 10.0, 9.5, 9.5]


def test_split_that_shows_in_the_closes_is_adjusted_for(tmp_path):
    path = write(
        tmp_path,
        "N.csv",
        "Date,Open,High,Low,Close,Volume,Stock Splits\n"
        "2024-06-06,1,1,1,1200.0,1,0\n"
        "2024-06-07,1,1,1,1210.0,1,0\n"
        "2024-06-10,1,1,1,121.5,1,10\n",
    )
    s = one(path, basis="raw")
    # 10:1 split: 1210 before is 121.0 after; the adjusted series keeps the last close as base
    assert s.frame["adj_close"].tolist() == pytest.approx([120.0, 121.0, 121.5])


def test_split_already_in_the_closes_is_not_applied_twice(tmp_path):
    path = write(
        tmp_path,
        "N2.csv",
        "Date,Open,High,Low,Close,Volume,Stock Splits\n"
        "2024-06-07,1,1,1,121.0,1,0\n"
        "2024-06-10,1,1,1,121.5,1,10\n",
    )
    s = one(path, basis="raw")
    assert s.frame["adj_close"].tolist() == pytest.approx([121.0, 121.5])


def test_parquet_with_date_index(tmp_path):
    frame = pd.DataFrame(
        {
            "Open": [1.0, 2.0],
            "High": [1.0, 2.0],
            "Low": [1.0, 2.0],
            "Close": [10.0, 11.0],
            "Adj Close": [9.0, 9.9],
            "Volume": [5, 6],
        },
        index=pd.DatetimeIndex(["2025-07-14", "2025-07-15"], name="Date"),
    )
    path = tmp_path / "SPY.parquet"
    frame.to_parquet(path)
    s = one(path)
    assert s.symbol == "SPY"
    assert s.layout == "parquet/yahoo"
    assert s.frame.loc["2025-07-15", "adj_close"] == 9.9


def test_parquet_yfinance_multi_index(tmp_path):
    columns = pd.MultiIndex.from_tuples(
        [("Close", "QQQ"), ("High", "QQQ"), ("Low", "QQQ"), ("Open", "QQQ"), ("Volume", "QQQ")],
        names=["Price", "Ticker"],
    )
    frame = pd.DataFrame(
        [[556.0, 557.0, 550.0, 551.0, 10]],
        columns=columns,
        index=pd.DatetimeIndex(["2025-07-15"], name="Date"),
    )
    path = tmp_path / "anything.parquet"
    frame.to_parquet(path)
    s = one(path)
    assert s.symbol == "QQQ"
    assert s.adjusted
    assert s.frame.loc["2025-07-15", "close"] == 556.0


@pytest.mark.parametrize(
    ("name", "expected"),
    [("GSPC_ohlc_1927.csv", "^GSPC"), ("0700.HK.csv", "0700.HK"), ("brk-b.csv", "BRK-B")],
)
def test_symbol_from_file_name(tmp_path, name, expected):
    path = write(tmp_path, name, "Date,Open,High,Low,Close\n2025-07-15,1,1,1,1\n")
    assert one(path).symbol == expected


def test_symbol_option_wins(tmp_path):
    path = write(tmp_path, "BABA.csv", "Date,Close,Volume\n2025-07-15,1,1\n2025-07-16,2,1\n")
    assert one(path, symbol="9988.hk").symbol == "9988.HK"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("EMPTY.csv", "", "empty"),
        ("NOHDR.csv", "a,b,c\n1,2,3\n", "no header"),
        ("BADDATE.csv", "Date,Close\n2025-07-14,1\nnot-a-date 7,2\n2025-07-16,3\n", "not a date"),
        ("ZERO.csv", "Date,Close\n2025-07-14,1\n2025-07-15,0\n", "not positive"),
        ("DUP.csv", "Date,Close\n2025-07-14,1\n2025-07-14,2\n", "twice"),
        ("prices.csv", "Date,Close\n2025-07-14,1\n", "--symbol"),
        ("ONLYHDR.csv", "Date,Open,Close\n", "no data rows"),
    ],
)
def test_bad_files_raise_price_data_error_naming_file_and_reason(tmp_path, name, content, reason):
    path = write(tmp_path, name, content)
    with pytest.raises(PriceDataError) as info:
        load_file(path)
    assert name in str(info.value)
    assert reason in str(info.value)


def test_binary_and_missing_files(tmp_path):
    path = tmp_path / "X.csv"
    path.write_bytes(b"\x00\x01\x02garbage")
    with pytest.raises(PriceDataError, match="binary"):
        load_file(path)
    with pytest.raises(PriceDataError, match="cannot read"):
        load_file(tmp_path / "missing.csv")


def test_footer_lines_are_dropped(tmp_path):
    path = write(
        tmp_path,
        "F.csv",
        "Date,Open,High,Low,Close,Volume\n2025-07-15,1,1,1,2,1\nData provided by someone\n",
    )
    assert len(one(path).frame) == 1


def test_parse_numbers_handles_the_forms_exports_use():
    values = parse_numbers(pd.Series(["1,234.5", "$116.97", "12.3M", "null", "-", "4K"]))
    assert values[:3].tolist() == [1234.5, 116.97, 12_300_000.0]
    assert math.isnan(values[3]) and math.isnan(values[4])
    assert values[5] == 4000.0


def test_yfinance_column_grouped_multi_ticker(tmp_path):
    path = write(
        tmp_path,
        "multi.csv",
        "Price,Close,Close,High,High,Low,Low,Open,Open,Volume,Volume\n"
        "Ticker,BABA,JD,BABA,JD,BABA,JD,BABA,JD,BABA,JD\n"
        "Date,,,,,,,,,,\n"
        "2025-07-15,116.97,33.8,117.2,34,113,32.5,113.5,33,200,10\n",
    )
    series = {s.symbol: s.frame.iloc[0] for s in load_file(path)}
    assert series["BABA"]["close"] == 116.97 and series["BABA"]["open"] == 113.5
    assert series["JD"]["close"] == 33.8 and series["JD"]["volume"] == 10


CELLS = st.sampled_from(
    [
        "Date",
        "Close",
        "Open",
        "Adj Close",
        "2025-07-15",
        "07/16/2025",
        "1.5",
        "-3",
        "",
        "null",
        "Ticker",
        "BABA",
        "$12",
        "1e400",
        "20250715",
        "9999-99-99",
        "Symbol: X",
        "\u00e9",
    ]
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.lists(CELLS, min_size=1, max_size=6), min_size=1, max_size=8))
def test_any_table_loads_or_is_a_price_data_error(tmp_path, rows):
    path = tmp_path / "FUZZ.csv"
    path.write_text("\n".join(",".join(row) for row in rows), encoding="utf-8")
    try:
        series = load_file(path)
    except PriceDataError as exc:
        assert "FUZZ.csv" in str(exc)
        return
    for s in series:
        assert (s.frame["close"] > 0).all()
        assert s.frame.index.is_monotonic_increasing
