"""The price side of an answer: session returns, bars for claim checks, related moves.

A :class:`Market` wraps the :class:`~whymove.prices.book.PriceBook` (session returns on each
listing's own calendar) and reads each symbol's stored rows once, because a claim check also
needs the opens (a premarket quote is compared with the opening gap).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd
from sqlalchemy.engine import Engine

from whymove.analysis.benchmarks import BenchmarkRule
from whymove.analysis.eventstudy import EventResult
from whymove.link.master import builtin_master
from whymove.prices.book import PriceBook, listing_exchange
from whymove.prices.calendars import get_calendar, session_on_or_after
from whymove.prices.db import read_prices, stored_symbols

INDEX_SYMBOLS: dict[str, str] = {
    "s&p500": "^GSPC",
    "nasdaq_composite": "^IXIC",
    "nasdaq100": "^NDX",
    "dow_jones": "^DJI",
    "russell_2000": "^RUT",
    "s&p100": "^OEX",
    "nyse_composite": "^NYA",
    "philadelphia_semiconductor": "^SOX",
}
"""Index labels of the extractor and the Yahoo symbol their prices are loaded under. Only US
indexes: their sessions are NYSE's, the calendar an unlisted symbol is given."""

_INDEX_LABELS = {symbol: label for label, symbol in INDEX_SYMBOLS.items()}

MARKET_SYMBOLS: tuple[str, ...] = ("SPY", "QQQ", "^GSPC")
"""Broad-market series shown among the related moves whenever they are loaded."""
MAX_RELATED = 10

_INDEX_CALENDARS = {"HK": "XHKG", "CN": "XSHG"}


def exchange_of(symbol: str) -> str:
    """The calendar of a listing, or of an index label by its country (US by default)."""
    record = builtin_master().get(symbol)
    if record is not None and record.kind == "index":
        return _INDEX_CALENDARS.get(record.country, "XNYS")
    return listing_exchange(symbol)


def next_session(day: dt.date, exchange: str) -> dt.date:
    """The first session after ``day``."""
    return session_on_or_after(day + dt.timedelta(days=1), exchange)


def session_close(session: dt.date, exchange: str) -> dt.datetime:
    """When ``session`` closes, in UTC: the moment its return is known."""
    close: dt.datetime = get_calendar(exchange).session_close(pd.Timestamp(session)).to_pydatetime()
    return close.astimezone(dt.UTC)


class Market:
    """Loaded prices as explain and check need them. Make one per command or request."""

    def __init__(self, book: PriceBook, rows: Callable[[str], pd.DataFrame]) -> None:
        self.book = book
        self._rows = rows
        self._bars: dict[str, pd.DataFrame] = {}

    @classmethod
    def from_engine(cls, engine: Engine) -> Market:
        """Prices of the ``prices`` table of ``engine``, each symbol read at most once."""
        cache: dict[str, pd.DataFrame] = {}

        def rows(symbol: str) -> pd.DataFrame:
            if symbol not in cache:
                cache[symbol] = read_prices(engine, symbol)
            return cache[symbol]

        return cls(PriceBook(rows, stored_symbols(engine)), rows)

    @classmethod
    def from_frames(
        cls,
        frames: Mapping[str, pd.DataFrame],
        exchange: Callable[[str], str] = listing_exchange,
    ) -> Market:
        """Prices from in-memory frames (columns as ``read_prices`` returns them)."""
        return cls(PriceBook.from_frames(frames, exchange), lambda symbol: frames[symbol])

    def __contains__(self, symbol: object) -> bool:
        return symbol in self.book

    def bars(self, symbol: str) -> pd.DataFrame:
        """Daily bars on the listing's sessions, indexed by date: ``open``, ``close`` and
        ``return`` (the close-to-close price return a story quotes; NaN across a gap)."""
        if symbol not in self._bars:
            frame = self.book.returns(symbol)
            opens = self._rows(symbol)["open"].astype("float64").reindex(frame.index)
            bars = pd.DataFrame(
                {"open": opens, "close": frame["close"], "return": frame["price_return"]},
                index=frame.index,
            )
            bars.index = pd.Index([d.date() for d in frame.index], name="date")
            self._bars[symbol] = bars
        return self._bars[symbol]


@dataclass(frozen=True, slots=True)
class MarketReturn:
    """One related security's return on the session, from the price data."""

    symbol: str
    name: str | None
    role: str
    """benchmark | peer ETF | other listing | market | named in the news"""
    session: dt.date
    change: float
    close: float
    known_at: dt.datetime


def related_symbols(
    symbol: str,
    own: Sequence[str],
    event: EventResult | None,
    rules: Sequence[BenchmarkRule],
    named: Iterable[str],
) -> dict[str, str]:
    """Symbols worth showing beside ``symbol``'s move, with their role, most useful first."""
    roles: dict[str, str] = {}
    if event is not None:
        roles[event.benchmark] = "benchmark"
    record = builtin_master().get(symbol)
    rule = next((r for r in rules if r.matches(symbol, record)), None)
    for candidate in rule.candidates if rule else ():
        roles.setdefault(candidate, "peer ETF")
    for other in own[1:]:
        roles.setdefault(other, "other listing")
    for market in MARKET_SYMBOLS:
        roles.setdefault(market, "market")
    for ticker in named:
        roles.setdefault(INDEX_SYMBOLS.get(ticker, ticker), "named in the news")
    roles.pop(symbol, None)
    return roles


def related_returns(
    market: Market,
    symbol: str,
    own: Sequence[str],
    session: dt.date,
    event: EventResult | None,
    rules: Sequence[BenchmarkRule],
    named: Iterable[str],
) -> tuple[MarketReturn, ...]:
    """Returns of the related symbols that have prices for ``session`` (each on its own
    exchange's session of that date; a listing closed that day is left out)."""
    out: list[MarketReturn] = []
    master = builtin_master()
    for other, role in related_symbols(symbol, own, event, rules, named).items():
        if other not in market or len(out) >= MAX_RELATED:
            continue
        exchange = market.book.exchange(other)
        if not get_calendar(exchange).is_session(pd.Timestamp(session)):
            continue
        frame = market.book.returns(other)
        stamp = pd.Timestamp(session)
        if stamp not in frame.index:
            continue
        change = float(frame.at[stamp, "price_return"])
        if not math.isfinite(change):
            change = float(frame.at[stamp, "total_return"])
        if not math.isfinite(change):
            continue
        record = master.get(other) or master.get(_INDEX_LABELS.get(other, other))
        out.append(
            MarketReturn(
                other, record.name if record else None, role, session, change,
                float(frame.at[stamp, "close"]), session_close(session, exchange),
            )
        )  # fmt: skip
    return tuple(out)
