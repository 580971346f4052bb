"""The prices table: idempotent loads, which row wins, URL resolution, reading back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa

from whymove.prices.db import (
    connect,
    default_db_url,
    ensure_schema,
    list_symbols,
    read_prices,
    resolve_db_url,
    stored_symbols,
    upsert_series,
)
from whymove.prices.series import make_series


def series(symbol, source, closes, *, adjusted=False, start="2025-07-14"):
    index = pd.bdate_range(start, periods=len(closes))
    frame = pd.DataFrame({"close": closes}, index=index)
    return make_series(symbol, source, frame, adjusted=adjusted, layout="test")


@pytest.fixture
def engine(tmp_path):
    return connect(f"sqlite:///{tmp_path / 'db' / 'w.db'}")


def test_connect_creates_the_folder_and_the_table_idempotently(tmp_path):
    url = f"sqlite:///{tmp_path / 'a' / 'b' / 'w.db'}"
    engine = connect(url)
    ensure_schema(engine)
    ensure_schema(engine)
    assert "prices" in sa.inspect(engine).get_table_names()


def test_loading_twice_changes_nothing(engine):
    s = series("BABA", "a.csv", [100.0, 101.0, 102.0])
    first = upsert_series(engine, s)
    before = read_prices(engine, "BABA")
    again = upsert_series(engine, s)
    assert (first.inserted, again.inserted) == (3, 0)
    pd.testing.assert_frame_equal(before, read_prices(engine, "BABA"))


def test_a_provisional_last_row_gives_way_to_a_final_one(engine):
    # a.csv ends on 16 July with a partial snapshot (101.5); b.csv has the final 102.0
    upsert_series(engine, series("BABA", "a.csv", [100.0, 101.0, 101.5]))
    result = upsert_series(
        engine, series("BABA", "b.csv", [101.0, 102.0, 103.0], start="2025-07-15")
    )
    stored = read_prices(engine, "BABA")
    assert stored.loc["2025-07-16", "close"] == 102.0
    assert stored.loc["2025-07-16", "source"] == "b.csv"
    assert (result.inserted, result.replaced, result.kept) == (1, 2, 0)
    # loading a.csv again cannot push its provisional row back over the final one
    upsert_series(engine, series("BABA", "a.csv", [100.0, 101.0, 101.5]))
    assert read_prices(engine, "BABA").loc["2025-07-16", "close"] == 102.0


def test_raw_rows_beat_adjusted_only_rows(engine):
    upsert_series(engine, series("KWEB", "raw.csv", [30.0, 31.0, 32.0]))
    result = upsert_series(
        engine, series("KWEB", "adj.csv", [29.0, 30.0, 31.0, 33.0], adjusted=True)
    )
    stored = read_prices(engine, "KWEB")
    # 14 July was raw and final: kept. 15 July: same. 16 July was raw but provisional (the last
    # row of raw.csv), adj.csv's is final: replaced. 17 July is new.
    assert stored["source"].tolist() == ["raw.csv", "raw.csv", "adj.csv", "adj.csv"]
    assert stored["adjusted"].tolist() == [False, False, True, True]
    assert (result.inserted, result.replaced, result.kept) == (1, 1, 2)


def test_read_prices_range_and_summary(engine):
    upsert_series(engine, series("SPY", "s.csv", [600.0, 601.0, 602.0, 603.0]))
    part = read_prices(engine, "SPY", start=dt.date(2025, 7, 15), end=dt.date(2025, 7, 16))
    assert part["close"].tolist() == [601.0, 602.0]
    assert read_prices(engine, "NONE").empty
    (summary,) = list_symbols(engine)
    assert (summary.symbol, summary.rows, summary.first, summary.last) == (
        "SPY",
        4,
        dt.date(2025, 7, 14),
        dt.date(2025, 7, 17),
    )
    assert stored_symbols(engine) == {"SPY"}


def test_default_db_url_honours_env_and_xdg(tmp_path):
    # One rule with the store's: PostgreSQL URLs get the psycopg driver, paths become absolute.
    assert default_db_url({"WHYMOVE_DB": "postgresql://x/y"}) == "postgresql+psycopg://x/y"
    assert default_db_url({"XDG_DATA_HOME": "/data"}) == "sqlite:////data/whymove/whymove.db"
    assert default_db_url({"HOME": "/home/me"}) == (
        "sqlite:////home/me/.local/share/whymove/whymove.db"
    )
    assert resolve_db_url("my.db", {}) == "sqlite:///" + str(Path("my.db").resolve())
    assert resolve_db_url(None, {"WHYMOVE_DB": "sqlite:///e.db"}) == "sqlite:///e.db"
