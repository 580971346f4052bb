"""Download daily prices from Yahoo Finance.

The default path asks Yahoo's chart API directly with httpx
(``/v8/finance/chart/SYMBOL?period1=..&period2=..&interval=1d&events=div,splits``): one JSON
answer holds raw (split-adjusted) OHLCV, the adjusted close and the dividend and split events.
The base URL and the ``httpx.Client`` are parameters, so tests serve recorded answers from
127.0.0.1 and a caller can add proxies or retries. The ``yfinance`` path (optional extra
``whymove[yahoo]``) is there for when Yahoo changes what the plain API needs; it is imported only
when asked for.

Session dates come from each timestamp in the exchange's own time zone
(``meta.exchangeTimezoneName``), so a Hong Kong bar stamped 01:30 UTC stays on its HK date.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pandas as pd

from whymove.errors import ConfigError, PriceDataError
from whymove.prices.series import PriceSeries, make_series

YAHOO_BASE_URL = "https://query2.finance.yahoo.com"
USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0 Safari/537.36"
)
"""Yahoo answers 429 to clients that do not look like a browser."""


def chart_params(start: dt.date, end: dt.date) -> dict[str, str]:
    """Query parameters for daily bars from ``start`` to ``end`` inclusive."""
    if end < start:
        raise ConfigError(f"--end={end} is before --start={start}")
    first = dt.datetime.combine(start, dt.time(), dt.UTC)
    after = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), dt.UTC)
    return {
        "period1": str(int(first.timestamp())),
        "period2": str(int(after.timestamp())),
        "interval": "1d",
        "events": "div,splits",
        "includeAdjustedClose": "true",
    }


def fetch_chart(
    symbol: str,
    start: dt.date,
    end: dt.date,
    *,
    client: httpx.Client | None = None,
    base_url: str = YAHOO_BASE_URL,
    timeout: float = 20.0,
) -> PriceSeries:
    """Daily prices of ``symbol`` from Yahoo's chart API, ``start`` to ``end`` inclusive.

    Raises :class:`PriceDataError` naming the symbol and the reason when Yahoo refuses, times
    out, or answers without prices.
    """
    url = f"{base_url.rstrip('/')}/v8/finance/chart/{symbol}"
    owned = client is None
    http = client or httpx.Client(timeout=timeout, headers={"User-Agent": USER_AGENT})
    try:
        response = http.get(url, params=chart_params(start, end))
    except httpx.HTTPError as exc:
        raise PriceDataError(
            f"{symbol}: Yahoo request failed ({type(exc).__name__}: {exc})"
        ) from exc
    finally:
        if owned:
            http.close()
    try:
        payload = response.json()
    except ValueError:
        payload = None
    if response.status_code != 200 or not isinstance(payload, dict):
        reason = _chart_error(payload) or f"HTTP {response.status_code}"
        raise PriceDataError(f"{symbol}: Yahoo answered {reason} for {response.url}")
    return series_from_chart(payload, symbol, f"yahoo {symbol} {start}..{end}")


def _chart_error(payload: Any) -> str | None:
    try:
        error = payload["chart"]["error"]
    except (KeyError, TypeError):
        return None
    if not error:
        return None
    return f"{error.get('code', 'error')}: {error.get('description', '')}".strip(": ")


def series_from_chart(payload: dict[str, Any], symbol: str, source: str) -> PriceSeries:
    """A PriceSeries from one chart API answer (raw closes, adjusted closes, events)."""
    error = _chart_error(payload)
    if error:
        raise PriceDataError(f"{symbol}: Yahoo answered {error}")
    try:
        result = payload["chart"]["result"][0]
        meta = result.get("meta", {})
        stamps = result.get("timestamp") or []
        quote = result["indicators"]["quote"][0]
    except (KeyError, IndexError, TypeError) as exc:
        raise PriceDataError(f"{symbol}: Yahoo's answer has no price data ({exc!r})") from exc
    if not stamps:
        raise PriceDataError(f"{symbol}: Yahoo has no prices in the requested dates")
    tz = meta.get("exchangeTimezoneName") or "America/New_York"
    dates = _dates(stamps, tz)
    frame = pd.DataFrame(index=pd.DatetimeIndex(dates, name="date"))
    for field in ("open", "high", "low", "close", "volume"):
        frame[field] = pd.to_numeric(
            pd.Series(quote.get(field), dtype="object"), errors="coerce"
        ).to_numpy()
    adjclose = (result["indicators"].get("adjclose") or [{}])[0].get("adjclose")
    frame["adj_close"] = (
        pd.to_numeric(pd.Series(adjclose, dtype="object"), errors="coerce").to_numpy()
        if adjclose
        else float("nan")
    )
    events = result.get("events") or {}
    frame["dividend"] = 0.0
    frame["split"] = 1.0
    for item in (events.get("dividends") or {}).values():
        day = _dates([item["date"]], tz)[0]
        if day in frame.index:
            frame.loc[day, "dividend"] = float(item["amount"])
    for item in (events.get("splits") or {}).values():
        day = _dates([item["date"]], tz)[0]
        if day in frame.index and item.get("denominator"):
            frame.loc[day, "split"] = float(item["numerator"]) / float(item["denominator"])
    name = str(meta.get("symbol") or symbol).upper()
    return make_series(name, source, frame, adjusted=False, layout="yahoo-chart")


def _dates(stamps: list[int], tz: str) -> list[pd.Timestamp]:
    local = pd.to_datetime(pd.Series(stamps, dtype="int64"), unit="s", utc=True).dt.tz_convert(tz)
    return list(pd.DatetimeIndex(local.dt.tz_localize(None).dt.normalize()))


def fetch_yfinance(symbol: str, start: dt.date, end: dt.date) -> PriceSeries:
    """Daily prices through the ``yfinance`` package (``pip install whymove[yahoo]``)."""
    try:
        import yfinance  # the optional extra, imported only when asked for
    except ImportError as exc:
        raise ConfigError(
            "--via yfinance needs the optional extra: pip install 'whymove[yahoo]'"
        ) from exc
    history = yfinance.Ticker(symbol).history(
        start=start.isoformat(),
        end=(end + dt.timedelta(days=1)).isoformat(),
        interval="1d",
        auto_adjust=False,
        actions=True,
    )
    return series_from_yfinance(history, symbol, f"yfinance {symbol} {start}..{end}")


def series_from_yfinance(history: pd.DataFrame, symbol: str, source: str) -> PriceSeries:
    """A PriceSeries from ``Ticker.history(auto_adjust=False, actions=True)`` output."""
    if history is None or history.empty:
        raise PriceDataError(f"{symbol}: yfinance returned no prices")
    index = pd.DatetimeIndex(history.index)
    if index.tz is not None:
        index = index.tz_localize(None)
    names = {
        "Open": "open",
        "High": "high",
        "Low": "low",
        "Close": "close",
        "Adj Close": "adj_close",
        "Volume": "volume",
        "Dividends": "dividend",
        "Stock Splits": "split",
    }
    frame = pd.DataFrame(
        {ours: history[theirs].to_numpy() for theirs, ours in names.items() if theirs in history},
        index=pd.DatetimeIndex(index.normalize(), name="date"),
    )
    adjusted = "Adj Close" not in history
    return make_series(symbol.upper(), source, frame, adjusted=adjusted, layout="yfinance")
