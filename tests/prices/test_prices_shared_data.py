"""The real price files of ../shared/data/prices all load, with the facts SOURCES.md states.

These files are not shipped with the project (they are for measuring only), so the tests skip
when the shared folder is absent; everything else about loading is tested on files the tests
write themselves.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from whymove.prices.loaders import load_file

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "prices"
pytestmark = pytest.mark.skipif(
    not SHARED.is_dir(), reason=f"shared evaluation data not present at {SHARED}"
)

# file -> (symbol, rows, first date, last date, adjusted-only?), from SOURCES.md. FXI: SOURCES
# says 5345 rows, but the file has 5348 lines (5347 newlines, no final one) less 2 header
# lines = 5346 data rows, all distinct dates.
EXPECTED = {
    "9988.HK_adjusted_2020-01-02_2025-07-18_CCF0001.csv": (
        "9988.HK",
        1363,
        "2020-01-02",
        "2025-07-18",
        True,
    ),
    "9988.HK_adjusted_2021-03-01_2026-02-27_AZScience.csv": (
        "9988.HK",
        1228,
        "2021-03-01",
        "2026-02-27",
        True,
    ),
    "BABA_raw_daily_2023-12-01_2025-12-31_alm0421.csv": (
        "BABA",
        522,
        "2023-12-01",
        "2025-12-31",
        False,
    ),
    "BABA_yahoo_raw_2018-12-17_2023-12-15_Brucekills.csv": (
        "BABA",
        1259,
        "2018-12-17",
        "2023-12-15",
        False,
    ),
    "BIDU_yahoo_raw_2018-12-17_2023-12-15_Brucekills.csv": (
        "BIDU",
        1259,
        "2018-12-17",
        "2023-12-15",
        False,
    ),
    "JD_yahoo_raw_2018-12-17_2023-12-15_Brucekills.csv": (
        "JD",
        1259,
        "2018-12-17",
        "2023-12-15",
        False,
    ),
    "FXI_ohlcv_2004-10-11_2026-01-08_missravenlocks.csv": (
        "FXI",
        5346,
        "2004-10-11",
        "2026-01-08",
        False,
    ),
    "GSPC_ohlc_1927-12-30_2026-07-13_YoussefKh200.csv": (
        "^GSPC",
        24748,
        "1927-12-30",
        "2026-07-13",
        False,
    ),
    "KWEB_adjusted_2021-03-01_2026-02-27_AZScience.csv": (
        "KWEB",
        1256,
        "2021-03-01",
        "2026-02-27",
        True,
    ),
    "KWEB_yahoo_raw_2023-07-03_2026-07_landon-io.csv": (
        "KWEB",
        751,
        "2023-07-03",
        "2026-06-30",
        False,
    ),
    "QQQ_yahoo_raw_2023-07-03_2026-07_landon-io.csv": (
        "QQQ",
        753,
        "2023-07-03",
        "2026-07-02",
        False,
    ),
    "SPY_yahoo_raw_2023-07-03_2026-07_landon-io.csv": (
        "SPY",
        753,
        "2023-07-03",
        "2026-07-02",
        False,
    ),
    **{
        f"adjusted_2021_2026_KoiWest/{s}.csv": (s, 1313, "2021-01-04", "2026-03-26", True)
        for s in ("BABA", "BIDU", "JD", "NVDA", "PDD", "QQQ", "SPY")
    },
    **{
        f"adjusted_2021_2026_KoiWest/{s}.csv": (s, 1285, "2021-01-04", "2026-03-26", True)
        for s in ("0700.HK", "3690.HK")
    },
}


def test_every_shared_file_is_covered_by_this_test():
    found = {str(p.relative_to(SHARED)) for p in SHARED.rglob("*.csv")}
    assert found == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_shared_file_loads(name):
    symbol, rows, first, last, adjusted = EXPECTED[name]
    (series,) = load_file(SHARED / name)
    assert series.symbol == symbol
    assert len(series) == rows
    assert str(series.first.date()) == first
    assert str(series.last.date()) == last
    assert series.adjusted is adjusted
    assert series.frame.index.is_monotonic_increasing


def test_spot_checks_from_sources_md():
    (bruce,) = load_file(SHARED / "BABA_yahoo_raw_2018-12-17_2023-12-15_Brucekills.csv")
    assert bruce.frame.loc["2022-10-24", "close"] == pytest.approx(63.15, abs=0.005)
    assert bruce.frame.loc["2022-10-24", "low"] == pytest.approx(58.01, abs=0.005)
    (alm,) = load_file(SHARED / "BABA_raw_daily_2023-12-01_2025-12-31_alm0421.csv")
    assert alm.frame.loc["2024-07-12", "close"] == 79.65
    assert alm.frame.loc["2025-07-14", "close"] == 108.22
    assert alm.frame.loc["2025-07-15", "close"] == 116.97
    assert alm.frame.loc["2025-07-18", "close"] == 120.23
    assert alm.frame.loc["2024-06-13", "dividend"] == 1.66
    # the file's own adjusted close is kept, not recomputed
    assert alm.frame.loc["2023-12-01", "adj_close"] == 69.6285
    (landon,) = load_file(SHARED / "KWEB_yahoo_raw_2023-07-03_2026-07_landon-io.csv")
    (azs,) = load_file(SHARED / "KWEB_adjusted_2021-03-01_2026-02-27_AZScience.csv")
    assert landon.frame.loc["2024-07-15", "adj_close"] == pytest.approx(25.361156, abs=1e-6)
    assert azs.frame.loc["2024-07-15", "close"] == pytest.approx(25.361156, abs=1e-5)
    (hk,) = load_file(SHARED / "9988.HK_adjusted_2020-01-02_2025-07-18_CCF0001.csv")
    assert hk.frame.loc["2025-06-11", "dividend"] == pytest.approx(1.0300368)
