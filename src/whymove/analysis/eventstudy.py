"""Market-model event study: how abnormal was a security's return around an event?

For each event the market model ``R = alpha + beta * Rm + e`` is fitted by OLS on an estimation
window of sessions *before* the event (default [-250, -30], so the run-up to the event does not
contaminate the model); the abnormal return of a session is ``AR = R - (alpha + beta * Rm)``, a
window's cumulative abnormal return ``CAR`` is the sum of its ARs. Positions are counted in the
security's own sessions, session 0 being the one the news could first move.

Variances follow Campbell, Lo and MacKinlay (1997, ch. 4): an AR's variance is the residual
variance plus the error of the fitted line at that day's market return, so for a window of L
sessions with market returns x_i, estimation mean x-bar, sum of squares Sxx over n days,

    Var(CAR) = sigma^2 * (L + L^2 / n + (sum_i (x_i - x-bar))^2 / Sxx)

and the t-statistic is CAR / sqrt(Var(CAR)). The size of a move "in sigmas" is AR / sigma, the
plain z-score a reader understands. Everything here is a pure function of return series; the
aggregation over many events is in :mod:`whymove.analysis.caar`.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from whymove.errors import ConfigError, PriceDataError

Window = tuple[int, int]

ESTIMATION_WINDOW: Window = (-250, -30)
EVENT_WINDOWS: tuple[Window, ...] = ((0, 0), (-1, 1), (0, 5))
MIN_ESTIMATION = 60
"""Fewer usable estimation sessions than this and the model is not trusted."""


@dataclass(frozen=True, slots=True)
class MarketModel:
    """An OLS fit of security returns on benchmark returns over the estimation window."""

    alpha: float
    beta: float
    sigma: float
    """Residual standard deviation (n - 2 degrees of freedom)."""
    n: int
    market_mean: float
    market_ss: float
    """Sum of squared deviations of the benchmark returns from their mean (Sxx)."""
    r_squared: float
    start: dt.date | None = None
    end: dt.date | None = None

    def expected(self, market_return: float) -> float:
        """The normal return of the security on a day the benchmark returned this much."""
        return self.alpha + self.beta * market_return

    def car_variance(self, market_returns: np.ndarray) -> float:
        """Variance of a CAR over sessions with these benchmark returns (see module doc)."""
        x = np.asarray(market_returns, dtype="float64")
        length = x.size
        spread = float(np.sum(x - self.market_mean))
        return self.sigma**2 * (length + length**2 / self.n + spread**2 / self.market_ss)


def fit_market_model(returns: np.ndarray, market: np.ndarray, min_obs: int = 3) -> MarketModel:
    """Closed-form OLS of ``returns`` on ``market``; pairs with a NaN are left out.

    Raises :class:`PriceDataError` with fewer than ``min_obs`` pairs or a constant benchmark.
    """
    y = np.asarray(returns, dtype="float64")
    x = np.asarray(market, dtype="float64")
    usable = np.isfinite(x) & np.isfinite(y)
    x, y = x[usable], y[usable]
    n = int(x.size)
    if n < max(min_obs, 3):
        raise PriceDataError(f"only {n} estimation sessions with both returns (need {min_obs})")
    x_mean, y_mean = float(x.mean()), float(y.mean())
    sxx = float(np.sum((x - x_mean) ** 2))
    if sxx == 0.0:
        raise PriceDataError("the benchmark's returns do not vary over the estimation window")
    beta = float(np.sum((x - x_mean) * (y - y_mean))) / sxx
    alpha = y_mean - beta * x_mean
    residuals = y - alpha - beta * x
    ssr = float(np.sum(residuals**2))
    syy = float(np.sum((y - y_mean) ** 2))
    sigma = math.sqrt(ssr / (n - 2))
    r_squared = 1.0 - ssr / syy if syy > 0 else 0.0
    return MarketModel(alpha, beta, sigma, n, x_mean, sxx, r_squared)


def align_benchmark(sessions: pd.DatetimeIndex, benchmark: pd.Series) -> pd.Series:
    """Benchmark returns over the same intervals as the security's sessions.

    For each security session, the benchmark's compounded return from the previous security
    session's date to this one, using the benchmark's own sessions in between. On a shared
    calendar this is just the same-day return; across calendars (a Hong Kong stock against a US
    ETF, holidays that differ) it keeps both returns over the same span of dates. Any missing
    benchmark return inside a span makes that span NaN.
    """
    bench = benchmark.astype("float64").sort_index()
    level = (1.0 + bench.fillna(0.0)).cumprod()
    holes = bench.isna().cumsum()
    at = level.reindex(level.index.union(sessions)).ffill()
    hole_at = holes.reindex(holes.index.union(sessions)).ffill()
    before = bench.index[0]
    lvl = at.reindex(sessions).to_numpy()
    hol = hole_at.reindex(sessions).to_numpy()
    out = np.full(len(sessions), np.nan)
    if len(sessions) and sessions[0] in bench.index:
        # the first session's own span is unknown; a shared date gives the same-day return
        out[0] = bench.loc[sessions[0]]
    if len(sessions) > 1:
        out[1:] = lvl[1:] / lvl[:-1] - 1.0
        same_holes = hol[1:] == hol[:-1]
        out[1:][~same_holes] = np.nan
        # the span must start on or after the benchmark's first date to be known
        starts_known = np.asarray(sessions[:-1] >= before)
        out[1:][~starts_known] = np.nan
    return pd.Series(out, index=sessions)


@dataclass(frozen=True, slots=True)
class CarResult:
    """The cumulative abnormal return over one event window, relative sessions [start, end]."""

    start: int
    end: int
    car: float
    std: float
    t_stat: float

    @property
    def label(self) -> str:
        return window_label((self.start, self.end))


@dataclass(frozen=True, slots=True)
class EventResult:
    """One security's abnormal performance around one session."""

    ticker: str
    benchmark: str
    session: dt.date
    total_return: float
    """The security's total return on session 0 (dividend- and split-adjusted)."""
    market_return: float
    expected_return: float
    abnormal_return: float
    sigma_move: float
    """Abnormal return in residual standard deviations: how unusual the day was."""
    t_stat: float
    model: MarketModel
    cars: tuple[CarResult, ...]
    path: tuple[tuple[int, float], ...]
    """(relative session, AR) for every session of the event windows that has one."""

    def car(self, window: Window) -> CarResult | None:
        """The CAR of ``window``, or None when the data does not cover all of it."""
        return next((c for c in self.cars if (c.start, c.end) == tuple(window)), None)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (infinite statistics of a perfect fit become None)."""
        model = self.model
        return {
            "ticker": self.ticker,
            "benchmark": self.benchmark,
            "session": self.session.isoformat(),
            "total_return": self.total_return,
            "market_return": self.market_return,
            "expected_return": self.expected_return,
            "abnormal_return": self.abnormal_return,
            "sigma_move": finite(self.sigma_move),
            "t": finite(self.t_stat),
            "alpha": model.alpha,
            "beta": model.beta,
            "sigma": model.sigma,
            "r_squared": model.r_squared,
            "estimation_sessions": model.n,
            "estimation_start": model.start.isoformat() if model.start else None,
            "estimation_end": model.end.isoformat() if model.end else None,
            "cars": {
                c.label: {"car": c.car, "std": c.std, "t": finite(c.t_stat)} for c in self.cars
            },
            "path": [[day, ar] for day, ar in self.path],
        }


def finite(value: float) -> float | None:
    """``value``, or None when it is NaN or infinite (JSON has no such numbers)."""
    return value if math.isfinite(value) else None


def window_label(window: Window) -> str:
    """``[0]``, ``[-1,+1]``, ``[0,+5]``: the usual way to write event windows."""

    def day(k: int) -> str:
        return "0" if k == 0 else f"{k:+d}"

    start, end = window
    return f"[{day(start)}]" if start == end else f"[{day(start)},{day(end)}]"


def check_windows(estimation: Window, windows: tuple[Window, ...]) -> None:
    """Windows must be ordered, and estimation must end before every event window starts."""
    if estimation[0] > estimation[1]:
        raise ConfigError(f"estimation window {estimation} ends before it starts")
    for window in windows:
        if window[0] > window[1]:
            raise ConfigError(f"event window {window} ends before it starts")
        if window[0] <= estimation[1]:
            raise ConfigError(f"event window {window} overlaps the estimation window {estimation}")


def event_study(
    returns: pd.Series,
    benchmark: pd.Series,
    session: dt.date,
    *,
    ticker: str = "",
    benchmark_symbol: str = "",
    estimation: Window = ESTIMATION_WINDOW,
    windows: tuple[Window, ...] = EVENT_WINDOWS,
    min_estimation: int = MIN_ESTIMATION,
) -> EventResult:
    """Abnormal return, CARs and their t-statistics for one security around ``session``.

    ``returns`` are the security's daily total returns indexed by its sessions (NaN where
    unknown); ``benchmark`` the benchmark's, indexed by the benchmark's sessions. Raises
    :class:`PriceDataError` when ``session`` is not among the security's sessions, session 0
    has no return, or the estimation window has fewer than ``min_estimation`` usable sessions.

    Example: ``event_study(baba, kweb, dt.date(2025, 7, 15), ticker="BABA")``.
    """
    check_windows(estimation, windows)
    name = ticker or "security"
    index = returns.index
    stamp = pd.Timestamp(session)
    if stamp not in index:
        raise PriceDataError(f"{name}: {session} is not a session in the loaded prices")
    zero = int(index.get_loc(stamp))
    market = align_benchmark(index, benchmark)
    y = returns.to_numpy(dtype="float64")
    x = market.to_numpy(dtype="float64")

    first, hi = max(zero + estimation[0], 0), zero + estimation[1]
    est = slice(first, hi + 1) if hi >= first else slice(0, 0)
    try:
        model = fit_market_model(y[est], x[est], min_obs=min_estimation)
    except PriceDataError as exc:
        raise PriceDataError(
            f"{name} vs {benchmark_symbol or 'benchmark'} on {session}: {exc} in the "
            f"estimation window {list(estimation)}; load earlier prices"
        ) from exc
    model = _with_dates(model, index, first, hi)
    if not (np.isfinite(y[zero]) and np.isfinite(x[zero])):
        raise PriceDataError(
            f"{name} vs {benchmark_symbol or 'benchmark'}: no return on {session} for "
            f"{'the security' if not np.isfinite(y[zero]) else 'the benchmark'}"
        )
    abnormal = y - (model.alpha + model.beta * x)

    cars = []
    for start, end in windows:
        a, b = zero + start, zero + end
        if a < 0 or b >= len(y) or not np.isfinite(abnormal[a : b + 1]).all():
            continue
        car = float(abnormal[a : b + 1].sum())
        std = math.sqrt(model.car_variance(x[a : b + 1]))
        cars.append(CarResult(start, end, car, std, _ratio(car, std)))
    span = range(min(w[0] for w in windows), max(w[1] for w in windows) + 1)
    path = tuple(
        (k, float(abnormal[zero + k]))
        for k in span
        if 0 <= zero + k < len(y) and np.isfinite(abnormal[zero + k])
    )
    ar0 = float(abnormal[zero])
    ar_std = math.sqrt(model.car_variance(x[zero : zero + 1]))
    return EventResult(
        ticker=ticker,
        benchmark=benchmark_symbol,
        session=stamp.date(),
        total_return=float(y[zero]),
        market_return=float(x[zero]),
        expected_return=model.expected(float(x[zero])),
        abnormal_return=ar0,
        sigma_move=_ratio(ar0, model.sigma),
        t_stat=_ratio(ar0, ar_std),
        model=model,
        cars=tuple(cars),
        path=path,
    )


def _ratio(value: float, scale: float) -> float:
    """value / scale, with a perfect fit (scale 0) giving a signed infinity, never an error."""
    if scale > 0:
        return value / scale
    return math.copysign(math.inf, value) if value else math.nan


def _with_dates(model: MarketModel, index: pd.DatetimeIndex, first: int, last: int) -> MarketModel:
    last = min(last, len(index) - 1)
    return MarketModel(
        model.alpha,
        model.beta,
        model.sigma,
        model.n,
        model.market_mean,
        model.market_ss,
        model.r_squared,
        index[first].date() if 0 <= first < len(index) else None,
        index[last].date() if 0 <= last < len(index) else None,
    )
