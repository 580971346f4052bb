"""The market model, ARs, CARs and t-statistics against figures worked out by hand.

The toy series: 9 NYSE sessions from 2025-07-01, event at position 6 (2025-07-10), estimation
window [-6, -2] = positions 0..4, so n = 5.

Benchmark x over the estimation window: 0.01, -0.01, 0.02, 0.00, -0.02 (mean 0, Sxx = 0.001).
Security y = 0.001 + 1.5 x + e with e = 0.001, 0.001, 0, -0.002, 0; e sums to 0 and is
orthogonal to x, so OLS returns exactly alpha = 0.001, beta = 1.5, and
SSR = 1e-6 + 1e-6 + 4e-6 = 6e-6, sigma^2 = 6e-6 / (5 - 2) = 2e-6, sigma = 0.00141421.
y-bar = 0.001, Syy = 0.016^2 + 0.014^2 + 0.030^2 + 0.002^2 + 0.030^2 = 0.002256,
R^2 = 1 - 6e-6 / 0.002256 = 0.997340.

Event sessions:            x       y       expected = 0.001 + 1.5 x     AR
  -1 (2025-07-09)       0.01    0.020     0.016                        0.004
   0 (2025-07-10)       0.02    0.061     0.031                        0.030
  +1 (2025-07-11)      -0.01   -0.010    -0.014                        0.004
  +2 (2025-07-14)       0.00    0.001     0.001                        0.000

AR(0) in sigmas: 0.030 / 0.00141421 = 21.2132.
Var AR(0) = sigma^2 (1 + 1/5 + 0.02^2 / 0.001) = 2e-6 * 1.6 = 3.2e-6; t = 0.030 / 0.00178885
= 16.7705.
CAR[-1,+1] = 0.038; sum(x - mean) = 0.02; Var = 2e-6 (3 + 9/5 + 0.0004/0.001) = 1.04e-5,
t = 0.038 / 0.00322490 = 11.7833.
CAR[0,+2] = 0.034; sum(x - mean) = 0.01; Var = 2e-6 (3 + 9/5 + 0.0001/0.001) = 9.8e-6,
t = 0.034 / 0.00313050 = 10.8609.
CAR[0,+5] runs past the data, so it is absent.
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest

from whymove.analysis.eventstudy import (
    align_benchmark,
    event_study,
    fit_market_model,
    window_label,
)
from whymove.errors import ConfigError, PriceDataError

SESSIONS = pd.DatetimeIndex(
    [
        "2025-07-01",
        "2025-07-02",
        "2025-07-03",
        "2025-07-07",
        "2025-07-08",
        "2025-07-09",
        "2025-07-10",
        "2025-07-11",
        "2025-07-14",
    ]
)
X = [0.01, -0.01, 0.02, 0.00, -0.02, 0.01, 0.02, -0.01, 0.00]
Y = [0.017, -0.013, 0.031, -0.001, -0.029, 0.020, 0.061, -0.010, 0.001]
EVENT = dt.date(2025, 7, 10)


def run(**kwargs):
    options = dict(
        ticker="TOY",
        benchmark_symbol="MKT",
        estimation=(-6, -2),
        windows=((0, 0), (-1, 1), (0, 2), (0, 5)),
        min_estimation=5,
    )
    options.update(kwargs)
    return event_study(pd.Series(Y, SESSIONS), pd.Series(X, SESSIONS), EVENT, **options)


def test_market_model_fit_by_hand():
    model = fit_market_model(np.array(Y[:5]), np.array(X[:5]))
    assert model.alpha == pytest.approx(0.001, abs=1e-12)
    assert model.beta == pytest.approx(1.5, abs=1e-10)
    assert model.sigma == pytest.approx(math.sqrt(2e-6), rel=1e-9)
    assert model.n == 5
    assert model.market_mean == pytest.approx(0.0, abs=1e-15)
    assert model.market_ss == pytest.approx(0.001, rel=1e-12)
    assert model.r_squared == pytest.approx(1 - 6e-6 / 0.002256, rel=1e-9)


def test_abnormal_return_and_sigmas_by_hand():
    result = run()
    assert result.session == EVENT
    assert result.total_return == pytest.approx(0.061)
    assert result.market_return == pytest.approx(0.02)
    assert result.expected_return == pytest.approx(0.031)
    assert result.abnormal_return == pytest.approx(0.030, abs=1e-12)
    assert result.sigma_move == pytest.approx(21.2132, rel=1e-5)
    assert result.t_stat == pytest.approx(16.7705, rel=1e-5)
    assert result.model.start == dt.date(2025, 7, 1)
    assert result.model.end == dt.date(2025, 7, 8)
    assert [day for day, _ in result.path] == [-1, 0, 1, 2]
    assert [ar for _, ar in result.path] == pytest.approx([0.004, 0.030, 0.004, 0.0], abs=1e-12)


def test_cars_and_t_statistics_by_hand():
    result = run()
    assert result.car((0, 0)).car == pytest.approx(0.030)
    three = result.car((-1, 1))
    assert three.car == pytest.approx(0.038)
    assert three.std == pytest.approx(math.sqrt(1.04e-5))
    assert three.t_stat == pytest.approx(11.7833, rel=1e-5)
    after = result.car((0, 2))
    assert after.car == pytest.approx(0.034)
    assert after.t_stat == pytest.approx(10.8609, rel=1e-5)
    assert result.car((0, 5)) is None  # runs past the last session


def test_missing_returns_in_the_estimation_window_are_left_out():
    y = list(Y)
    y[3] = float("nan")  # drop position 3 (e = -0.002): the remaining 4 points fit exactly
    result = event_study(
        pd.Series(y, SESSIONS),
        pd.Series(X, SESSIONS),
        EVENT,
        estimation=(-6, -2),
        windows=((0, 0),),
        min_estimation=4,
    )
    assert result.model.n == 4
    # without position 3, x = 0.01, -0.01, 0.02, -0.02 (mean 0) and e = 0.001, 0.001, 0, 0:
    # alpha = y-bar = 0.0015 (e no longer sums to zero), beta = 1.5 (x.e = 0 still)
    assert result.model.alpha == pytest.approx(0.0015)
    assert result.model.beta == pytest.approx(1.5)
    assert result.abnormal_return == pytest.approx(0.061 - 0.0015 - 0.03)


def test_too_short_estimation_window_is_a_price_data_error():
    with pytest.raises(PriceDataError, match="only 5 estimation sessions"):
        run(min_estimation=6)
    with pytest.raises(PriceDataError, match="not a session"):
        event_study(pd.Series(Y, SESSIONS), pd.Series(X, SESSIONS), dt.date(2025, 7, 4))


def test_event_day_without_a_return_is_a_price_data_error():
    y = list(Y)
    y[6] = float("nan")
    with pytest.raises(PriceDataError, match="no return on 2025-07-10"):
        event_study(
            pd.Series(y, SESSIONS),
            pd.Series(X, SESSIONS),
            EVENT,
            estimation=(-6, -2),
            windows=((0, 0),),
            min_estimation=5,
        )


def test_windows_must_not_overlap_the_estimation_window():
    with pytest.raises(ConfigError, match="overlaps"):
        run(estimation=(-6, -1), windows=((-1, 1),))


def test_align_benchmark_compounds_over_sessions_the_security_did_not_trade():
    # the security trades 1 and 3 Jul; the benchmark also trades 2 Jul
    sessions = pd.DatetimeIndex(["2025-07-01", "2025-07-03"])
    bench = pd.Series(
        [0.005, 0.01, 0.02], pd.DatetimeIndex(["2025-07-01", "2025-07-02", "2025-07-03"])
    )
    out = align_benchmark(sessions, bench)
    assert out.iloc[0] == pytest.approx(0.005)  # shared first date: its own return
    assert out.iloc[1] == pytest.approx(1.01 * 1.02 - 1)


def test_align_benchmark_zero_on_a_benchmark_holiday_and_nan_over_a_hole():
    sessions = pd.DatetimeIndex(["2025-06-30", "2025-07-01", "2025-07-02", "2025-07-03"])
    bench = pd.Series(
        [0.01, 0.02, float("nan")],
        pd.DatetimeIndex(["2025-06-30", "2025-07-02", "2025-07-03"]),
    )
    out = align_benchmark(sessions, bench).tolist()
    assert out[0] == pytest.approx(0.01)
    assert out[1] == pytest.approx(0.0)  # the benchmark did not trade on 1 July
    assert out[2] == pytest.approx(0.02)
    assert math.isnan(out[3])  # the benchmark's own return is unknown


@pytest.mark.parametrize(
    ("window", "label"),
    [((0, 0), "[0]"), ((-1, 1), "[-1,+1]"), ((0, 5), "[0,+5]"), ((2, 2), "[+2]")],
)
def test_window_label(window, label):
    assert window_label(window) == label
