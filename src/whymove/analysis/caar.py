"""Event studies over many events: per-event results, then CAAR tables by any grouping.

``run_study`` turns events (ticker, time or date, category, polarity) into market-model results
using a price book; ``caar_table`` averages their CARs per group and window. The confidence
interval of a group's CAAR uses the cross-section of its events' CARs (Brown and Warner's
cross-sectional t-test), which stays honest when events raise volatility; a group of one event
falls back on that event's own market-model standard error.

The same (ticker, session, category, polarity) reported by several articles is one event: a
story syndicated to ten sites must not count ten times.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np
import pandas as pd
from scipy import stats

from whymove.analysis.benchmarks import DEFAULT_RULES, BenchmarkRule, choose_benchmark
from whymove.analysis.eventstudy import (
    ESTIMATION_WINDOW,
    EVENT_WINDOWS,
    MIN_ESTIMATION,
    CarResult,
    EventResult,
    Window,
    event_study,
    finite,
    window_label,
)
from whymove.errors import ConfigError, PriceDataError, WhymoveError
from whymove.link.master import builtin_master
from whymove.prices.calendars import session_for_news, session_on_or_after


class ReturnsBook(Protocol):
    """What the study needs from prices (:class:`whymove.prices.book.PriceBook` is one)."""

    @property
    def symbols(self) -> frozenset[str]: ...

    def exchange(self, symbol: str) -> str: ...

    def returns(self, symbol: str) -> pd.DataFrame: ...


@dataclass(frozen=True, slots=True)
class StudyEvent:
    """One event to study. ``when`` is a publication time (aware datetime: mapped to the
    session it can first move) or a session date (a non-session date moves to the next one)."""

    ticker: str
    when: dt.date | dt.datetime
    category: str = ""
    polarity: str = ""
    sector: str = ""
    ref: str = ""
    """Where the event came from (article id, file and line), for tracing a row to evidence."""


@dataclass(frozen=True, slots=True)
class StudyOutcome:
    """An event and its result, or the reason it could not be studied."""

    event: StudyEvent
    session: dt.date | None
    result: EventResult | None
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The event, its session and its result (or the error), JSON-ready."""
        event = self.event
        out: dict[str, Any] = {
            "ticker": event.ticker,
            "when": event.when.isoformat(),
            "category": event.category,
            "polarity": event.polarity,
            "ref": event.ref,
            "session": self.session.isoformat() if self.session else None,
            "error": self.error,
        }
        if self.result is not None:
            out.update({k: v for k, v in self.result.to_dict().items() if k != "ticker"})
        return out


def event_session(ticker: str, when: dt.date | dt.datetime, exchange: str) -> dt.date:
    """The session of ``ticker``'s exchange that an event at ``when`` can first move."""
    if isinstance(when, dt.datetime):
        return session_for_news(when, exchange)
    return session_on_or_after(when, exchange)


def analyze_event(
    book: ReturnsBook,
    ticker: str,
    when: dt.date | dt.datetime,
    *,
    rules: Sequence[BenchmarkRule] = DEFAULT_RULES,
    benchmark: str | None = None,
    estimation: Window = ESTIMATION_WINDOW,
    windows: tuple[Window, ...] = EVENT_WINDOWS,
    min_estimation: int = MIN_ESTIMATION,
) -> EventResult:
    """The market-model result of ``ticker`` for the session ``when`` falls on.

    ``benchmark`` forces one; otherwise the first loaded candidate of ``rules``. This is the
    call ``explain`` makes for the price-action part of an answer.
    """
    chosen = benchmark or choose_benchmark(ticker, book.symbols, rules)
    if chosen is None:
        raise PriceDataError(
            f"{ticker}: no benchmark loaded (rules want one of "
            f"{', '.join(dict.fromkeys(c for r in rules for c in r.candidates))}); load one"
        )
    session = event_session(ticker, when, book.exchange(ticker))
    security = book.returns(ticker)["total_return"]
    market = book.returns(chosen)["total_return"]
    return event_study(
        security,
        market,
        session,
        ticker=ticker,
        benchmark_symbol=chosen,
        estimation=estimation,
        windows=windows,
        min_estimation=min_estimation,
    )


def run_study(
    events: Iterable[StudyEvent],
    book: ReturnsBook,
    *,
    rules: Sequence[BenchmarkRule] = DEFAULT_RULES,
    benchmark: str | None = None,
    estimation: Window = ESTIMATION_WINDOW,
    windows: tuple[Window, ...] = EVENT_WINDOWS,
    min_estimation: int = MIN_ESTIMATION,
) -> list[StudyOutcome]:
    """One outcome per distinct (ticker, session, category, polarity); failures kept with reasons.

    An event whose prices are missing never stops the study: its outcome carries the error.
    """
    outcomes: list[StudyOutcome] = []
    seen: set[tuple[str, dt.date, str, str]] = set()
    for event in events:
        try:
            session = event_session(event.ticker, event.when, book.exchange(event.ticker))
        except WhymoveError as exc:
            outcomes.append(StudyOutcome(event, None, None, str(exc)))
            continue
        key = (event.ticker, session, event.category, event.polarity)
        if key in seen:
            continue
        seen.add(key)
        try:
            result = analyze_event(
                book,
                event.ticker,
                session,
                rules=rules,
                benchmark=benchmark,
                estimation=estimation,
                windows=windows,
                min_estimation=min_estimation,
            )
        except (PriceDataError, ConfigError) as exc:
            outcomes.append(StudyOutcome(event, session, None, str(exc)))
            continue
        outcomes.append(StudyOutcome(event, session, result))
    return outcomes


def largest_moves(
    book: ReturnsBook,
    ticker: str,
    start: dt.date,
    end: dt.date,
    top: int = 10,
    *,
    rules: Sequence[BenchmarkRule] = DEFAULT_RULES,
    benchmark: str | None = None,
    estimation: Window = ESTIMATION_WINDOW,
    windows: tuple[Window, ...] = EVENT_WINDOWS,
    min_estimation: int = MIN_ESTIMATION,
) -> list[EventResult]:
    """The ``top`` sessions of ``ticker`` in [start, end] with the largest |AR| in sigmas.

    Each session gets its own market model (its own estimation window), exactly as if it were
    studied alone; sessions without enough history or a return are skipped. This is what
    ``explain --top N`` lists.
    """
    frame = book.returns(ticker)
    days = frame.index[(frame.index >= pd.Timestamp(start)) & (frame.index <= pd.Timestamp(end))]
    results = []
    for day in days:
        try:
            results.append(
                analyze_event(
                    book,
                    ticker,
                    day.date(),
                    rules=rules,
                    benchmark=benchmark,
                    estimation=estimation,
                    windows=windows,
                    min_estimation=min_estimation,
                )
            )
        except PriceDataError:
            continue
    ranked = sorted(results, key=lambda r: -abs(r.sigma_move) if math.isfinite(r.sigma_move) else 0)
    return ranked[:top]


@dataclass(frozen=True, slots=True)
class CaarRow:
    """The cumulative average abnormal return of one group over one window."""

    group: tuple[str, ...]
    window: Window
    n: int
    caar: float
    std: float
    """Standard error of the CAAR."""
    ci_low: float
    ci_high: float
    t_stat: float
    p_value: float
    positive: int
    """How many of the group's events had a positive CAR."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "group": list(self.group),
            "window": window_label(self.window),
            "n": self.n,
            "caar": self.caar,
            "std": self.std,
            "ci": [self.ci_low, self.ci_high],
            "t": finite(self.t_stat),
            "p": self.p_value,
            "positive": self.positive,
        }


GROUP_KEYS = ("category", "polarity", "security", "sector", "benchmark")


def group_value(outcome: StudyOutcome, key: str) -> str:
    """The value of grouping ``key`` for an outcome (sector from the symbol master if unset)."""
    event = outcome.event
    if key == "category":
        return event.category or "(none)"
    if key == "polarity":
        return event.polarity or "(none)"
    if key in ("security", "ticker"):
        return event.ticker
    if key == "benchmark":
        return outcome.result.benchmark if outcome.result else "(none)"
    if key == "sector":
        record = builtin_master().get(event.ticker)
        return event.sector or (record.sector if record and record.sector else "(unknown)")
    raise ConfigError(f"--by={key!r} is not one of {', '.join(GROUP_KEYS)}")


def caar_table(
    outcomes: Iterable[StudyOutcome],
    by: Sequence[str | Callable[[StudyOutcome], str]] = ("category",),
    windows: tuple[Window, ...] = EVENT_WINDOWS,
    level: float = 0.95,
) -> list[CaarRow]:
    """CAAR with a ``level`` confidence interval per group and window, groups sorted by name.

    ``by`` holds grouping keys (see :data:`GROUP_KEYS`) or functions of an outcome; an empty
    ``by`` puts every event in one group ``("all",)``. Events without a complete window are left
    out of that window's row only.
    """
    if not 0.0 < level < 1.0:
        raise ConfigError(f"level={level} must be between 0 and 1")
    groups: dict[tuple[str, ...], list[EventResult]] = {}
    for outcome in outcomes:
        if outcome.result is None:
            continue
        key = tuple(k(outcome) if callable(k) else group_value(outcome, k) for k in by) or ("all",)
        groups.setdefault(key, []).append(outcome.result)
    rows = []
    for key in sorted(groups):
        for window in windows:
            cars = [c for c in (r.car(window) for r in groups[key]) if c is not None]
            if cars:
                rows.append(_row(key, window, cars, groups[key], level))
    return rows


def _row(
    key: tuple[str, ...],
    window: Window,
    cars: list[CarResult],
    results: list[EventResult],
    level: float,
) -> CaarRow:
    values = np.array([c.car for c in cars])
    n = values.size
    caar = float(values.mean())
    if n >= 2:
        std = float(values.std(ddof=1)) / math.sqrt(n)
        dof = n - 1
    else:
        std = cars[0].std
        dof = next(r.model.n for r in results if r.car(window) is cars[0]) - 2
    t_stat = caar / std if std > 0 else math.inf
    quantile = float(stats.t.ppf(0.5 + level / 2.0, dof))
    p_value = float(2.0 * stats.t.sf(abs(t_stat), dof)) if math.isfinite(t_stat) else 0.0
    return CaarRow(
        group=key,
        window=window,
        n=n,
        caar=caar,
        std=std,
        ci_low=caar - quantile * std,
        ci_high=caar + quantile * std,
        t_stat=t_stat,
        p_value=p_value,
        positive=int((values > 0).sum()),
    )
