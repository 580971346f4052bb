"""Prices: file loaders (CSV layouts, Parquet), Yahoo downloads, calendars, returns, storage.

Example:
    >>> from whymove.prices import load_file, connect, upsert_series, PriceBook
    >>> engine = connect("sqlite:///:memory:")
    >>> for series in load_file("BABA.csv"):                  # doctest: +SKIP
    ...     upsert_series(engine, series)
    >>> PriceBook.from_engine(engine).returns("BABA")        # doctest: +SKIP
"""

from whymove.prices.book import PriceBook, listing_exchange
from whymove.prices.calendars import (
    exchange_for,
    get_calendar,
    session_for_news,
    session_on_or_after,
    session_window,
)
from whymove.prices.db import (
    SymbolSummary,
    UpsertResult,
    connect,
    default_db_url,
    list_symbols,
    read_prices,
    resolve_db_url,
    stored_symbols,
    upsert_series,
)
from whymove.prices.loaders import load_file
from whymove.prices.returns import series_returns, session_returns
from whymove.prices.series import COLUMNS, PriceSeries

__all__ = [
    "COLUMNS",
    "PriceBook",
    "PriceSeries",
    "SymbolSummary",
    "UpsertResult",
    "connect",
    "default_db_url",
    "exchange_for",
    "get_calendar",
    "list_symbols",
    "listing_exchange",
    "load_file",
    "read_prices",
    "resolve_db_url",
    "series_returns",
    "session_for_news",
    "session_on_or_after",
    "session_returns",
    "session_window",
    "stored_symbols",
    "upsert_series",
]
