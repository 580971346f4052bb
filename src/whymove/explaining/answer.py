"""One answer to "why did SYMBOL move on DAY?", and the N biggest moves of a period."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from whymove.analysis.benchmarks import DEFAULT_RULES, BenchmarkRule
from whymove.analysis.caar import analyze_event, largest_moves
from whymove.analysis.claims import ClaimCheck, check_move
from whymove.analysis.eventstudy import EventResult
from whymove.analysis.explain import Explanation, PriceAction, StatedMove, explain
from whymove.analysis.explain import stated_price_action as _stated_price_action
from whymove.errors import ConfigError, PriceDataError
from whymove.explaining.brief import Point, answer_dict, key_points, uncertainties
from whymove.explaining.market import Market, MarketReturn, exchange_of, related_returns
from whymove.explaining.news import (
    NewsRef,
    gather_news,
    own_symbols,
    prior_reports,
    stated_sessions,
)
from whymove.link.master import builtin_master, normalise_symbol
from whymove.prices.calendars import get_calendar, session_on_or_after, session_window
from whymove.store import Store

RECENT_SESSIONS = 20
"""Without a date: the biggest move of this many latest sessions is the one explained."""


@dataclass(frozen=True, slots=True)
class Answer:
    """Everything ``whymove explain`` says about one security's session."""

    symbol: str
    name: str | None
    exchange: str
    timezone: str
    session: dt.date
    window: tuple[dt.datetime, dt.datetime]
    """The news window in UTC: (previous close, this close]."""
    closes_at: dt.datetime
    """When the session's return became known: its close (UTC)."""
    explanation: Explanation
    event: EventResult | None
    checks: tuple[ClaimCheck, ...]
    related: tuple[MarketReturn, ...]
    key_points: tuple[Point, ...]
    uncertainties: tuple[Point, ...]
    news: tuple[NewsRef, ...]
    notes: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready; every event carries ``known_at``, dates are ISO strings."""
        return answer_dict(self)


def explain_session(
    store: Store,
    market: Market,
    symbol: str,
    day: dt.date,
    *,
    benchmark: str | None = None,
    rules: Sequence[BenchmarkRule] = DEFAULT_RULES,
) -> Answer:
    """Explain ``symbol``'s move on the session ``day`` falls on (a holiday moves to the next
    session, and the answer says so).

    Example: ``explain_session(store, Market.from_engine(engine), "BABA", date(2025, 7, 15))``.
    """
    symbol = normalise_symbol(symbol)
    exchange = exchange_of(symbol)
    session = session_on_or_after(day, exchange)
    notes = [f"{day} is not a {exchange} session; explaining {session}"] if session != day else []
    own = own_symbols(symbol)
    window = session_window(session, exchange)
    items, news = gather_news(store, own, session, window)
    price, event, price_notes = price_action(market, symbol, session, benchmark, rules)
    prior = prior_reports(store, symbol, own, window[0])
    explanation = explain(symbol, session, items, price, aliases=own[1:], prior=prior)
    if price is None:
        stated = sorted(explanation.stated_moves, key=lambda m: _preference(m, symbol))
        fallback = _stated_price_action(symbol, session, stated)
        explanation = replace(explanation, price_action=fallback)
    checks = tuple(
        check_move(move, market.bars(move.ticker))
        for move in explanation.stated_moves
        if move.ticker in market
    )
    named = [t for ref in news for t in ref.tickers] + [m.ticker for m in explanation.related_moves]
    related = related_returns(market, symbol, own, session, event, rules, named)
    record = builtin_master().get(symbol)
    return Answer(
        symbol=symbol,
        name=record.name if record else None,
        exchange=exchange,
        timezone=str(get_calendar(exchange).tz),
        session=session,
        window=window,
        closes_at=window[1],
        explanation=explanation,
        event=event,
        checks=checks,
        related=related,
        key_points=key_points(symbol, explanation, event, checks, related, window[1]),
        uncertainties=uncertainties(symbol, explanation, event, checks, news, window[1]),
        news=tuple(news),
        notes=tuple(notes + price_notes) + explanation.notes,
    )


def _preference(move: StatedMove, symbol: str) -> tuple[bool, int]:
    """The security's own closing move first, then its premarket and after-hours quotes."""
    order = {"regular": 0, None: 0, "premarket": 1, "after_hours": 2}
    return (move.ticker != symbol, order.get(move.session, 3))


def price_action(
    market: Market,
    symbol: str,
    session: dt.date,
    benchmark: str | None,
    rules: Sequence[BenchmarkRule],
) -> tuple[PriceAction | None, EventResult | None, list[str]]:
    """The session's move from prices: the raw return whenever the session has a price, the
    market model (abnormal return, sigma, CARs) when the history and a benchmark allow."""
    if symbol not in market:
        return None, None, [f"no prices loaded for {symbol}"]
    try:
        row = market.book.session_row(symbol, session)
    except PriceDataError as exc:
        return None, None, [str(exc)]
    raw = float(row["price_return"])
    if not math.isfinite(raw):
        raw = float(row["total_return"])
    notes: list[str] = []
    try:
        event = analyze_event(market.book, symbol, session, rules=rules, benchmark=benchmark)
    except (PriceDataError, ConfigError) as exc:
        notes.append(f"no abnormal return: {exc}")
        event = None
    if not math.isfinite(raw):
        if event is None:
            return None, None, [*notes, f"{symbol}: no return on {session} in the loaded prices"]
        raw = event.total_return
    close = float(row["close"])
    if event is None:
        return PriceAction(symbol, session, "prices", raw_return=raw, close=close), None, notes
    action = PriceAction(
        symbol, session, "prices", raw_return=raw, abnormal_return=event.abnormal_return,
        sigma=_finite(event.sigma_move), benchmark=event.benchmark,
        benchmark_return=event.market_return, close=close,
        car={c.label: c.car for c in event.cars}, t_stat=_finite(event.t_stat),
    )  # fmt: skip
    return action, event, notes


def _finite(value: float) -> float | None:
    return value if math.isfinite(value) else None


def explain_top(
    store: Store,
    market: Market,
    symbol: str,
    top: int,
    start: dt.date,
    end: dt.date,
    *,
    benchmark: str | None = None,
    rules: Sequence[BenchmarkRule] = DEFAULT_RULES,
) -> list[Answer]:
    """The ``top`` largest abnormal moves (in sigmas) of ``symbol`` in [start, end], each
    explained, largest first. Without prices the largest stated day moves serve."""
    if top < 1:
        raise ConfigError(f"--top={top} must be at least 1")
    if start > end:
        raise ConfigError(f"--start={start} is after --end={end}")
    symbol = normalise_symbol(symbol)
    if symbol in market:
        found = largest_moves(
            market.book, symbol, start, end, top, rules=rules, benchmark=benchmark
        )
        sessions = [r.session for r in found]
    else:
        sessions = stated_sessions(store, symbol, start, end, top)
    return [
        explain_session(store, market, symbol, s, benchmark=benchmark, rules=rules)
        for s in sessions
    ]


def latest_session(
    store: Store, market: Market, symbol: str, rules: Sequence[BenchmarkRule] = DEFAULT_RULES
) -> dt.date:
    """The day to explain when none is given: the biggest move of the latest sessions with
    prices, or without prices the latest session a story states a move for."""
    symbol = normalise_symbol(symbol)
    if symbol in market:
        frame = market.book.returns(symbol).dropna(subset=["close"])
        if len(frame):
            last = frame.index[-1].date()
            first = frame.index[max(0, len(frame) - RECENT_SESSIONS)].date()
            found = largest_moves(market.book, symbol, first, last, 1, rules=rules)
            return found[0].session if found else last
    sessions = stated_sessions(store, symbol, None, None, 1_000_000)
    if not sessions:
        raise ConfigError(f"{symbol}: no prices and no stated moves stored; pass --date")
    return max(sessions)
