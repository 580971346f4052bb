"""CAAR tables, the study runner and benchmark rules.

CAAR of three events with CARs 0.02, 0.04, 0.06 (worked by hand): mean 0.04, sample standard
deviation 0.02, standard error 0.02 / sqrt(3) = 0.0115470, t = 3.46410 on 2 degrees of freedom;
t(0.975, 2) = 4.302653, so the 95% interval is 0.04 -/+ 0.0496832 = [-0.0096832, 0.0896832].
With 2 degrees of freedom P(|T| > t) = 1 - t / sqrt(t^2 + 2) = 1 - 3.4641 / 3.741657 = 0.074180.

A group of one event (CAR 0.05, its own standard error 0.02, model fitted on 102 sessions)
uses that error with 100 degrees of freedom: t = 2.5, t(0.975, 100) = 1.983972, interval
0.05 -/+ 0.0396794.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from whymove.analysis.benchmarks import (
    BenchmarkRule,
    choose_benchmark,
    parse_rule,
    rules_with,
)
from whymove.analysis.caar import (
    StudyEvent,
    StudyOutcome,
    caar_table,
    largest_moves,
    run_study,
)
from whymove.analysis.eventstudy import CarResult, EventResult, MarketModel, event_study
from whymove.errors import ConfigError
from whymove.link.master import SecurityRecord, SymbolMaster
from whymove.prices.book import PriceBook
from whymove.prices.calendars import get_calendar


def outcome(ticker, category, car, std=0.01, polarity="positive", n=102):
    model = MarketModel(0.0, 1.0, 0.01, n, 0.0, 0.01, 0.5)
    result = EventResult(
        ticker,
        "SPY",
        dt.date(2025, 7, 15),
        car,
        0.0,
        0.0,
        car,
        car / 0.01,
        car / std,
        model,
        (CarResult(0, 0, car, std, car / std),),
        ((0, car),),
    )
    event = StudyEvent(ticker, dt.date(2025, 7, 15), category, polarity)
    return StudyOutcome(event, dt.date(2025, 7, 15), result)


def test_caar_of_three_events_by_hand():
    outcomes = [outcome(t, "regulation", c) for t, c in (("A", 0.02), ("B", 0.04), ("C", 0.06))]
    (row,) = caar_table(outcomes, windows=((0, 0),))
    assert row.group == ("regulation",)
    assert row.n == 3
    assert row.caar == pytest.approx(0.04)
    assert row.std == pytest.approx(0.0115470, rel=1e-5)
    assert row.t_stat == pytest.approx(3.46410, rel=1e-5)
    assert (row.ci_low, row.ci_high) == pytest.approx((-0.0096832, 0.0896832), abs=1e-6)
    assert row.p_value == pytest.approx(0.074180, abs=1e-5)
    assert row.positive == 3


def test_single_event_group_uses_its_own_standard_error():
    (row,) = caar_table([outcome("A", "earnings", 0.05, std=0.02)], windows=((0, 0),))
    assert row.t_stat == pytest.approx(2.5)
    assert (row.ci_low, row.ci_high) == pytest.approx(
        (0.05 - 0.0396794, 0.05 + 0.0396794), abs=1e-6
    )


def test_grouping_by_two_keys_sorted_and_failures_left_out():
    outcomes = [
        outcome("A", "regulation", 0.02, polarity="negative"),
        outcome("B", "earnings", 0.01),
        outcome("C", "regulation", 0.03),
        StudyOutcome(StudyEvent("D", dt.date(2025, 7, 15), "earnings"), None, None, "no prices"),
    ]
    rows = caar_table(outcomes, by=("category", "polarity"), windows=((0, 0),))
    assert [r.group for r in rows] == [
        ("earnings", "positive"),
        ("regulation", "negative"),
        ("regulation", "positive"),
    ]
    assert [r.n for r in rows] == [1, 1, 1]
    (everything,) = caar_table(outcomes, by=(), windows=((0, 0),))
    assert everything.group == ("all",)
    assert everything.n == 3
    assert everything.caar == pytest.approx(0.02)
    with pytest.raises(ConfigError, match="--by"):
        caar_table(outcomes, by=("colour",))


def frames_for_study(noise: float = 0.0):
    """Two securities and a benchmark on 40 NYSE sessions from 2 June 2025.

    Benchmark returns alternate +1% / -1%; ABC = 0.001 + 1.2 x with a +5% surprise on
    15 July 2025; the study uses estimation window [-20, -3] and needs 10 sessions.
    """
    sessions = get_calendar("XNYS").sessions
    days = sessions[sessions >= "2025-06-02"][:40]
    x = np.where(np.arange(40) % 2 == 0, 0.01, -0.01)
    x[0] = np.nan
    y = 0.001 + 1.2 * x + noise * np.array([1, 1, -1, -1] * 10)
    y[days.get_loc(pd.Timestamp("2025-07-15"))] += 0.05

    def prices(returns):
        closes = 100 * np.cumprod(1 + np.nan_to_num(returns))
        frame = pd.DataFrame({"close": closes, "adj_close": closes}, index=days)
        for column in ("open", "high", "low", "volume"):
            frame[column] = np.nan
        frame["dividend"], frame["split"] = 0.0, 1.0
        frame["source"], frame["adjusted"] = "t.csv", False
        return frame

    return {"ABC": prices(y), "SPY": prices(x)}


def test_run_study_maps_times_to_sessions_and_counts_each_event_once():
    book = PriceBook.from_frames(frames_for_study(), exchange=lambda symbol: "XNYS")
    events = [
        # 14 July 21:00 UTC is after the close: it can first move 15 July
        StudyEvent("ABC", dt.datetime(2025, 7, 14, 21, 0, tzinfo=dt.UTC), "earnings", "positive"),
        StudyEvent("ABC", dt.date(2025, 7, 15), "earnings", "positive"),  # same event again
        StudyEvent("NOPE", dt.date(2025, 7, 15), "earnings", "positive"),
    ]
    outcomes = run_study(events, book, estimation=(-20, -3), windows=((0, 0),), min_estimation=10)
    assert len(outcomes) == 2
    done, failed = outcomes
    assert done.session == dt.date(2025, 7, 15)
    assert done.result.benchmark == "SPY"
    assert done.result.abnormal_return == pytest.approx(0.05, abs=1e-9)
    assert done.result.model.beta == pytest.approx(1.2)
    assert failed.result is None and "NOPE: no prices loaded" in failed.error
    frames = frames_for_study()
    direct = event_study(
        frames["ABC"]["close"].pct_change(),
        frames["SPY"]["close"].pct_change(),
        dt.date(2025, 7, 15),
        estimation=(-20, -3),
        windows=((0, 0),),
        min_estimation=10,
    )
    assert done.result.abnormal_return == pytest.approx(direct.abnormal_return)


def test_largest_moves_finds_the_planted_surprise():
    book = PriceBook.from_frames(frames_for_study(noise=0.003), exchange=lambda symbol: "XNYS")
    top = largest_moves(
        book,
        "ABC",
        dt.date(2025, 7, 1),
        dt.date(2025, 7, 25),
        top=3,
        estimation=(-20, -3),
        windows=((0, 0),),
        min_estimation=10,
    )
    assert len(top) == 3
    assert top[0].session == dt.date(2025, 7, 15)
    assert abs(top[0].sigma_move) > abs(top[1].sigma_move) >= abs(top[2].sigma_move)


MASTER = SymbolMaster(
    [
        SecurityRecord("BABA", "adr", "Alibaba", exchange="XNYS", country="CN"),
        SecurityRecord(
            "AAPL", "stock", "Apple", exchange="XNAS", country="US", sector="Information Technology"
        ),
    ]
)


@pytest.mark.parametrize(
    ("symbol", "available", "expected"),
    [
        ("BABA", {"KWEB", "FXI", "SPY"}, "KWEB"),
        ("BABA", {"FXI", "SPY"}, "FXI"),  # KWEB not loaded
        ("BABA", {"SPY"}, "SPY"),  # no China fund loaded: the catch-all
        ("9988.HK", {"KWEB", "SPY"}, "KWEB"),
        ("600519.SS", {"FXI", "SPY"}, "FXI"),
        ("AAPL", {"SPY", "XLK"}, "SPY"),  # sector funds only when asked
        ("SPY", {"SPY"}, None),  # never its own benchmark
        ("AAPL", set(), None),
    ],
)
def test_choose_benchmark_defaults(symbol, available, expected):
    assert choose_benchmark(symbol, available, master=MASTER) == expected


def test_sector_funds_and_user_rules_come_first():
    with_sectors = rules_with(sector_etfs=True)
    assert choose_benchmark("AAPL", {"SPY", "XLK"}, with_sectors, master=MASTER) == "XLK"
    assert choose_benchmark("AAPL", {"SPY"}, with_sectors, master=MASTER) == "SPY"
    hk_first = rules_with([parse_rule("suffix=.HK:3033.HK,KWEB")])
    assert choose_benchmark("9988.HK", {"3033.HK", "KWEB"}, hk_first, master=MASTER) == "3033.HK"


def test_parse_rule():
    assert parse_rule("country=CN & sector=Energy:XLE,FXI") == BenchmarkRule(
        ("XLE", "FXI"), country="CN", sector="Energy"
    )
    assert parse_rule("*:qqq") == BenchmarkRule(("QQQ",))
    with pytest.raises(ConfigError, match="CONDITION:SYMBOL"):
        parse_rule("KWEB")
    with pytest.raises(ConfigError, match="colour"):
        parse_rule("colour=red:KWEB")
