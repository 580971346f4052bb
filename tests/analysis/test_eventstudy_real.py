"""BABA on 2025-07-15 with the real price files of ../shared/data/prices.

By hand from the files: BABA closed 108.22 on 14 July and 116.97 on 15 July, a raw move of
8.75 / 108.22 = +8.0854%; KWEB went 34.28 -> 35.64 (+3.9673%) and FXI 36.91 -> 37.64
(+1.9778%). With the China internet fund up half as much, BABA's abnormal return must be well
below its raw move but still clearly positive; against FXI, which rose less, it is larger.
The files are complete for the whole estimation window, so all 250 - 30 + 1 = 221 sessions
are usable.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from whymove.analysis.caar import analyze_event
from whymove.prices.book import PriceBook
from whymove.prices.db import connect, upsert_series
from whymove.prices.loaders import load_file

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "prices"
FILES = (
    "BABA_yahoo_raw_2018-12-17_2023-12-15_Brucekills.csv",
    "BABA_raw_daily_2023-12-01_2025-12-31_alm0421.csv",
    "KWEB_adjusted_2021-03-01_2026-02-27_AZScience.csv",
    "KWEB_yahoo_raw_2023-07-03_2026-07_landon-io.csv",
    "FXI_ohlcv_2004-10-11_2026-01-08_missravenlocks.csv",
    "SPY_yahoo_raw_2023-07-03_2026-07_landon-io.csv",
)
DAY = dt.date(2025, 7, 15)

pytestmark = pytest.mark.skipif(
    not SHARED.is_dir(), reason=f"shared evaluation data not present at {SHARED}"
)


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    engine = connect(f"sqlite:///{tmp_path_factory.mktemp('prices') / 'w.db'}")
    for name in FILES:
        for series in load_file(SHARED / name):
            upsert_series(engine, series)
    return PriceBook.from_engine(engine)


def test_raw_moves_on_the_day(book):
    assert book.session_row("BABA", DAY)["price_return"] == pytest.approx(8.75 / 108.22, abs=1e-9)
    assert book.session_row("KWEB", DAY)["price_return"] == pytest.approx(
        35.64 / 34.28 - 1, abs=1e-6
    )
    assert book.session_row("FXI", DAY)["price_return"] == pytest.approx(
        37.64 / 36.91 - 1, abs=1e-6
    )


def test_abnormal_return_against_kweb_and_fxi(book):
    kweb = analyze_event(book, "BABA", DAY, benchmark="KWEB")
    fxi = analyze_event(book, "BABA", DAY, benchmark="FXI")
    for result in (kweb, fxi):
        assert result.session == DAY
        assert result.model.n == 221
        assert result.total_return == pytest.approx(0.0809, abs=0.0005)
    assert 0.02 < kweb.abnormal_return < 0.06
    assert kweb.abnormal_return < fxi.abnormal_return < fxi.total_return
    assert kweb.sigma_move > 2.0
    assert kweb.car((0, 0)).car == pytest.approx(kweb.abnormal_return)


def test_default_rules_pick_kweb_for_a_chinese_adr(book):
    assert analyze_event(book, "BABA", DAY).benchmark == "KWEB"
