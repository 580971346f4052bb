"""A read-side view of the stored prices: session returns per symbol, read once per book.

``explain`` and ``study`` ask for the same few symbols many times (every BABA event needs BABA
and KWEB); a :class:`PriceBook` reads each symbol's rows once, aligns them to the listing's
exchange calendar and keeps the result for its own lifetime. It holds no global state: make one
per command or request. Tests can build one from in-memory frames with :meth:`from_frames`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

import pandas as pd
from sqlalchemy.engine import Engine

from whymove.errors import PriceDataError
from whymove.link.master import builtin_master
from whymove.prices.calendars import exchange_for
from whymove.prices.db import read_prices, stored_symbols
from whymove.prices.returns import session_returns


def listing_exchange(symbol: str) -> str:
    """The calendar of ``symbol``: its MIC in the symbol master when known, else its suffix."""
    record = builtin_master().get(symbol)
    return exchange_for(symbol, record.exchange if record and record.exchange else None)


class PriceBook:
    """Session returns by symbol, from a database or from frames.

    ``loader(symbol)`` returns the stored rows of a symbol (empty frame when none); ``symbols``
    is the set of symbols that have rows.
    """

    def __init__(
        self,
        loader: Callable[[str], pd.DataFrame],
        symbols: frozenset[str],
        exchange: Callable[[str], str] = listing_exchange,
    ) -> None:
        self._loader = loader
        self._symbols = symbols
        self._exchange = exchange
        self._returns: dict[str, pd.DataFrame] = {}

    @classmethod
    def from_engine(cls, engine: Engine) -> PriceBook:
        """A book over the ``prices`` table of ``engine``."""
        return cls(lambda symbol: read_prices(engine, symbol), stored_symbols(engine))

    @classmethod
    def from_frames(
        cls, frames: Mapping[str, pd.DataFrame], exchange: Callable[[str], str] = listing_exchange
    ) -> PriceBook:
        """A book over in-memory frames (columns as :func:`read_prices` returns them)."""
        return cls(lambda symbol: frames[symbol], frozenset(frames), exchange)

    @property
    def symbols(self) -> frozenset[str]:
        return self._symbols

    def exchange(self, symbol: str) -> str:
        return self._exchange(symbol)

    def __contains__(self, symbol: object) -> bool:
        return symbol in self._symbols

    def returns(self, symbol: str) -> pd.DataFrame:
        """Prices and returns of ``symbol`` on its sessions (see ``session_returns``).

        Raises :class:`PriceDataError` when no prices of ``symbol`` are loaded.
        """
        if symbol not in self._returns:
            if symbol not in self._symbols:
                raise PriceDataError(
                    f"{symbol}: no prices loaded; run `whymove prices load FILE` "
                    f"or `whymove prices fetch {symbol}`"
                )
            self._returns[symbol] = session_returns(self._loader(symbol), self.exchange(symbol))
        return self._returns[symbol]

    def session_row(self, symbol: str, session: dt.date) -> pd.Series:
        """The row of one session (close, returns, source), or PriceDataError if absent."""
        frame = self.returns(symbol)
        stamp = pd.Timestamp(session)
        if stamp not in frame.index or pd.isna(frame.at[stamp, "close"]):
            first, last = frame.index[0].date(), frame.index[-1].date()
            raise PriceDataError(
                f"{symbol}: no price for session {session} (loaded {first} to {last})"
            )
        return frame.loc[stamp]
