"""Read daily price files in the layouts people really have, into :class:`PriceSeries`.

Recognised without options:

- Yahoo CSV ``Date,Open,High,Low,Close,Adj Close,Volume`` (raw closes plus Yahoo's adjusted).
- yfinance exports: ``download()`` (``Date,Close,High,Low,Open,Volume``, alphabetical), its
  multi-index rows (``Price,...`` / ``Ticker,BABA,...`` / ``Date,,,``, or a bare ``,BABA,...``
  line), several tickers side by side, and ``history()`` with time-zoned dates and
  ``Dividends``/``Stock Splits`` columns.
- Stooq (``Date,Open,High,Low,Close,Volume`` and the bulk ``<TICKER>,<PER>,<DATE>,...`` files).
- Charting-platform and broker exports with preamble lines (``Symbol: FXI,...``), ``Date Time``
  columns, Nasdaq's ``Close/Last`` with dollar signs, Investing.com volumes like ``12.3M``.
- Long tables with a ``symbol`` column, and Parquet files (flat or yfinance multi-index).

Which prices are adjusted: a file with an adjusted-close column quotes raw closes; a
yfinance-made file *without* one was written with ``auto_adjust`` (the default since 2024), so
its prices are already adjusted; anything else is taken as raw. ``basis=`` overrides this.
The symbol comes from ``symbol=`` (``--symbol``), else the file's content, else its name.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from whymove.errors import PriceDataError
from whymove.prices.calendars import exchange_for, get_calendar
from whymove.prices.series import PriceSeries, make_series

Basis = Literal["auto", "raw", "adjusted"]

FIELD_SYNONYMS: dict[str, tuple[str, ...]] = {
    "date": ("date", "datetime", "timestamp", "time", "day", "tradedate", "tradingday", "index"),
    "open": ("open", "openprice", "opening"),
    "high": ("high", "highprice"),
    "low": ("low", "lowprice"),
    "close": ("close", "closeprice", "closing", "closelast", "last", "lastprice", "price"),
    "adj_close": ("adjclose", "adjustedclose", "adjclosing", "closeadj", "adjustedcloseprice"),
    "volume": ("volume", "vol", "sharevolume", "totalvolume"),
    "dividend": ("dividends", "dividend", "divcash", "dividendamount", "cashdividend"),
    "split": ("stocksplits", "splits", "split", "splitfactor", "splitcoefficient", "splitratio"),
    "ticker": ("ticker", "symbol", "tickersymbol"),
    "period": ("per", "period"),
}
"""Normalised column names (lower case, letters and digits only) and the field each means.
Order matters: an exact ``close`` wins over ``price`` (yfinance's first header cell)."""

PRICE_FIELDS = frozenset({"open", "high", "low", "close", "adj_close", "volume"})
INDEX_CODES = {
    code: "^" + code
    for code in ("GSPC", "DJI", "IXIC", "NDX", "RUT", "VIX", "HSI", "HSCE", "N225", "FTSE")
}
"""Yahoo index symbols that lose their caret in file names (``^GSPC`` saved as ``GSPC.csv``)."""

_NOT_SYMBOLS = frozenset(
    {"DATA", "PRICES", "PRICE", "EXPORT", "HISTORY", "HISTORICAL", "DOWNLOAD", "QUOTES", "DAILY"}
)
_SYMBOL = re.compile(r"^\^?[A-Z0-9][A-Z0-9.\-=&]{0,15}$")
_PREAMBLE_SYMBOL = re.compile(r"^\s*(?:symbol|ticker)\s*[:=]\s*([\^A-Za-z0-9.\-=&]+)", re.I)
_ISO = re.compile(r"^\d{4}[-/]\d{2}[-/]\d{2}")
_OFFSET = re.compile(r"(?:[+-]\d{2}:?\d{2}|Z|UTC)$")
_EARLIEST, _LATEST = pd.Timestamp("1800-01-01"), pd.Timestamp("2200-12-31")
_MISSING = frozenset({"", "null", "nan", "n/a", "na", "-", "--", "none"})


def load_file(
    path: str | Path, symbol: str | None = None, basis: Basis = "auto"
) -> list[PriceSeries]:
    """Every series in one price file (one per ticker; most files hold one).

    Raises :class:`PriceDataError` naming the file and the reason when the file cannot be read
    as daily prices.

    Example: ``load_file("BABA.csv")[0].frame.loc["2025-07-15", "close"]``.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PriceDataError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    if not data.strip():
        raise PriceDataError(f"{path}: the file is empty")
    if data[:4] == b"PAR1" or path.suffix.lower() in {".parquet", ".pq"}:
        table = _read_parquet(path, data)
        fields, tickers = _parquet_columns(table, path)
        preamble_symbol = None
        flags = _Flags(yfinance=any(t for t in tickers))
    else:
        table, fields, tickers, preamble_symbol, flags = _read_text(path, data)
    return _build(path, table, fields, tickers, symbol or preamble_symbol, basis, flags)


class _Flags:
    """Layout clues collected while reading the header."""

    def __init__(self, yfinance: bool = False, preamble: bool = False, stooq: bool = False):
        self.yfinance = yfinance
        self.preamble = preamble
        self.stooq = stooq
        self.decimal_comma = False


def _normalise(name: object) -> str:
    return re.sub(r"[^a-z0-9]", "", str(name).lower())


def _field_of(names: Sequence[object]) -> list[str | None]:
    """The field of each column: each field takes every column named by its best-ranked
    synonym present (several columns when tickers sit side by side)."""
    normal = [_normalise(n) for n in names]
    fields: list[str | None] = [None] * len(names)
    for field, synonyms in FIELD_SYNONYMS.items():
        for synonym in synonyms:
            hits = [i for i, n in enumerate(normal) if n == synonym and fields[i] is None]
            if hits:
                for i in hits:
                    fields[i] = field
                break
    return fields


def _read_text(
    path: Path, data: bytes
) -> tuple[pd.DataFrame, list[str | None], list[str | None], str | None, _Flags]:
    text = _decode(path, data)
    sample = text[:4096]
    delimiter = max(",;\t|", key=sample.count)
    rows = [row for row in csv.reader(io.StringIO(text), delimiter=delimiter) if any(row)]
    header_at = next((i for i, row in enumerate(rows[:30]) if _is_header(row)), None)
    if header_at is None:
        raise PriceDataError(
            f"{path}: no header with price columns (Date, Open, High, Low, Close, Volume) "
            "in the first 30 lines"
        )
    header = rows[header_at]
    fields = _field_of(header)
    if "date" not in fields:
        fields[0] = "date"
    date_col = fields.index("date")
    flags = _Flags(stooq=any(h.startswith("<") for h in header))
    symbol = None
    for row in rows[:header_at]:
        match = _PREAMBLE_SYMBOL.match(row[0]) if row else None
        if match:
            symbol = match.group(1)
            flags.preamble = True
        elif not _ticker_row(row, fields):
            flags.preamble = True
    start = header_at + 1
    while start < len(rows) and not any(c.isdigit() for c in _cell(rows[start], date_col)):
        start += 1
    tickers: list[str | None] = [None] * len(header)
    for row in rows[max(0, header_at - 2) : start]:
        found = _ticker_row(row, fields)
        if found is not None and row is not header:
            tickers = found
            flags.yfinance = True
    body = [row + [""] * (len(header) - len(row)) for row in rows[start:]]
    if not body:
        raise PriceDataError(f"{path}: a header but no data rows")
    if header[0] == "Price":
        flags.yfinance = True
    if {"Dividends", "Stock Splits"} <= set(header):
        flags.yfinance = True
    table = pd.DataFrame([row[: len(header)] for row in body], dtype=object)
    flags.decimal_comma = delimiter == ";"
    return table, fields, tickers, symbol, flags


def _is_header(row: list[str]) -> bool:
    """Two price columns (Open, Close, ...), or a date column and a close column."""
    fields = set(_field_of(row))
    return len(PRICE_FIELDS & fields) >= 2 or (
        "date" in fields and bool({"close", "adj_close"} & fields)
    )


def _cell(row: list[str], index: int) -> str:
    return row[index] if index < len(row) else ""


def _ticker_row(row: list[str], fields: list[str | None]) -> list[str | None] | None:
    """The ticker of each column when ``row`` is a yfinance ticker row, else None."""
    if not row or _normalise(row[0]) not in {"", "ticker", "symbol"}:
        return None
    cells = [_cell(row, i).strip() for i in range(len(fields))]
    price_cells = [c for c, f in zip(cells, fields, strict=True) if f in PRICE_FIELDS]
    if not price_cells or not all(c and _SYMBOL.match(c.upper()) for c in price_cells):
        return None
    if any(re.fullmatch(r"[-+.\d,]+", c) for c in price_cells):
        return None
    return [(c or None) if f in PRICE_FIELDS else None for c, f in zip(cells, fields, strict=True)]


def _decode(path: Path, data: bytes) -> str:
    if b"\x00" in data[:4096]:
        raise PriceDataError(f"{path}: binary data, not a CSV or Parquet price file")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise PriceDataError(f"{path}: not UTF-8 or cp1252 text")


def _read_parquet(path: Path, data: bytes) -> pd.DataFrame:
    try:
        table = pd.read_parquet(io.BytesIO(data))
    except Exception as exc:  # pyarrow raises many kinds; all mean "not a readable Parquet"
        raise PriceDataError(f"{path}: not a readable Parquet file ({exc})") from exc
    if isinstance(table.index, pd.DatetimeIndex) or table.index.name:
        table = table.reset_index()
    return table


def _parquet_columns(table: pd.DataFrame, path: Path) -> tuple[list[str | None], list[str | None]]:
    columns = list(table.columns)
    if isinstance(table.columns, pd.MultiIndex):
        levels = list(zip(*columns, strict=True))
        scores = [len(PRICE_FIELDS & set(_field_of(level))) for level in levels]
        field_level = int(np.argmax(scores))
        fields = _field_of(levels[field_level])
        others = [lv for i, lv in enumerate(levels) if i != field_level]
        tickers = [
            (str(others[0][i]) or None) if others and fields[i] in PRICE_FIELDS else None
            for i in range(len(columns))
        ]
    else:
        fields, tickers = _field_of(columns), [None] * len(columns)
    if "date" not in fields:
        raise PriceDataError(f"{path}: no date column or date index in the Parquet file")
    table.columns = range(len(columns))
    return fields, tickers


def _build(
    path: Path,
    table: pd.DataFrame,
    fields: list[str | None],
    tickers: list[str | None],
    symbol: str | None,
    basis: Basis,
    flags: _Flags,
) -> list[PriceSeries]:
    if "close" not in fields and "adj_close" not in fields:
        raise PriceDataError(f"{path}: no Close column")
    if {"open", "close"} <= set(fields) and fields.index("close") < fields.index("open"):
        flags.yfinance = True  # Close, High, Low, Open: yfinance sorts its columns by name
    date_col = fields.index("date")
    groups: dict[str | None, dict[str, int]] = {}
    for i, (field, ticker) in enumerate(zip(fields, tickers, strict=True)):
        if field in PRICE_FIELDS | {"dividend", "split"}:
            groups.setdefault(ticker, {}).setdefault(field, i)
    shared = groups.pop(None, {})
    # side-by-side tickers: each gets its own columns plus any untagged ones
    groups = {t: {**shared, **cols} for t, cols in groups.items()} if groups else {None: shared}
    ticker_col = fields.index("ticker") if "ticker" in fields else None
    wanted = _symbol(symbol) if symbol else None
    out = []
    for ticker, columns in groups.items():
        if ticker_col is not None:
            keys = table[ticker_col].astype(str).str.strip()
            parts = [(key, table[keys == key]) for key in dict.fromkeys(keys)]
        else:
            parts = [(ticker, table)]
        for key, part in parts:
            name = _symbol(key) if key else None
            if wanted and name and len(groups) * len(parts) > 1 and name != wanted:
                continue
            name = wanted or name or _symbol_from_name(path)
            out.append(_series(path, part, date_col, columns, name, basis, flags))
    if not out:
        raise PriceDataError(f"{path}: symbol {wanted} is not in the file")
    return out


def _series(
    path: Path,
    part: pd.DataFrame,
    date_col: int,
    columns: dict[str, int],
    symbol: str,
    basis: Basis,
    flags: _Flags,
) -> PriceSeries:
    dates = parse_dates(part[date_col], symbol, str(path))
    keep = dates.notna().to_numpy()
    frame = pd.DataFrame(index=pd.DatetimeIndex(dates[keep], name="date"))
    for field, col in columns.items():
        frame[field] = parse_numbers(part[col], flags.decimal_comma).to_numpy()[keep]
    if not {"close", "adj_close"} & set(columns):
        raise PriceDataError(f"{path}: no Close column for {symbol}")
    if "close" not in columns:
        frame["close"] = frame["adj_close"]
    has_adj = "adj_close" in columns
    adjusted = (flags.yfinance and not has_adj) if basis == "auto" else basis == "adjusted"
    layout = next(
        name
        for name, clue in (
            ("yfinance", flags.yfinance),
            ("stooq", flags.stooq),
            ("platform", flags.preamble),
            ("yahoo", has_adj),
            ("generic", True),
        )
        if clue
    )
    if path.suffix.lower() in {".parquet", ".pq"}:
        layout = f"parquet/{layout}"
    return make_series(symbol, path.name, frame, adjusted=adjusted, layout=layout)


def parse_numbers(values: pd.Series, decimal_comma: bool = False) -> pd.Series:
    """Numbers from cells like ``1,234.5``, ``$116.97``, ``12.3M`` or ``null``."""
    if pd.api.types.is_numeric_dtype(values):
        floats = values.astype("float64")
        return floats.where(np.isfinite(floats))
    text = values.astype(str).str.strip()
    text = text.where(~text.str.lower().isin(_MISSING), "nan")
    if decimal_comma and text.str.fullmatch(r"-?[\d.]*\d,\d+").any():
        text = text.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    text = text.str.replace(r"[$€£¥,\s]", "", regex=True)
    scale = text.str[-1].str.upper().map({"K": 1e3, "M": 1e6, "B": 1e9}).fillna(1.0)
    text = text.str.replace(r"[KkMmBb]$", "", regex=True)
    numbers = pd.to_numeric(text, errors="coerce") * scale
    return numbers.where(np.isfinite(numbers))  # "inf" and 1e400 are not prices


def parse_dates(values: pd.Series, symbol: str, source: str) -> pd.Series:
    """Session dates (naive midnight) from the date cells of a file.

    ISO dates are taken as written. A timestamp with a UTC offset (yfinance's
    ``2020-01-02 00:00:00+08:00``) and epoch seconds are converted to the listing exchange's
    time zone first, so a Hong Kong session stamped at midnight HKT stays on its own date.
    Other forms (``07/15/2025``, ``15.07.2025``, ``Jul 15, 2025``, ``20250715``) go through
    pandas with day-first inferred from values above 12. Trailing lines that are not dates
    (footers) are dropped; a bad date in the middle is an error.
    """
    text = values.astype(str).str.strip()
    ok = text.str.contains(r"\d", regex=True)
    last_good = ok[::-1].idxmax() if ok.any() else None
    if last_good is None:
        raise PriceDataError(f"{source}: no dates in the date column")
    text = text.loc[:last_good]
    tz = str(get_calendar(exchange_for(symbol)).tz) if symbol else "UTC"
    if text.str.fullmatch(r"\d{9,10}(\.\d+)?").all():
        stamps = pd.to_datetime(text.astype(float), unit="s", utc=True).dt.tz_convert(tz)
    elif text.str.fullmatch(r"\d{8}").all():
        stamps = pd.to_datetime(text, format="%Y%m%d", errors="coerce")
    elif text.str.match(_ISO).all():
        with_offset = text.str.contains(_OFFSET, regex=True) & (text.str.len() > 10)
        stamps = pd.to_datetime(
            text.str[:10].str.replace("/", "-"), format="%Y-%m-%d", errors="coerce"
        )
        if with_offset.any():
            aware = pd.to_datetime(text[with_offset], utc=True, format="ISO8601", errors="coerce")
            stamps[with_offset] = aware.dt.tz_convert(tz).dt.tz_localize(None)
    else:
        parts = text.str.extract(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-]\d{2,4}")
        first = pd.to_numeric(parts[0], errors="coerce")
        second = pd.to_numeric(parts[1], errors="coerce")
        dayfirst = bool((first > 12).any()) or (
            not bool((second > 12).any()) and text.str.contains(".", regex=False).any()
        )
        try:
            stamps = pd.to_datetime(text, format="mixed", dayfirst=dayfirst, errors="coerce")
        except ValueError:  # offsets that differ between rows: go through UTC
            aware = pd.to_datetime(
                text, format="mixed", dayfirst=dayfirst, errors="coerce", utc=True
            )
            stamps = aware.dt.tz_convert(tz).dt.tz_localize(None)
    stamps = pd.Series(pd.DatetimeIndex(stamps).tz_localize(None).normalize(), index=text.index)
    stamps = stamps.where((stamps >= _EARLIEST) & (stamps <= _LATEST))  # "-3" is not year -3
    bad = stamps[stamps.isna()]
    if not bad.empty:
        raise PriceDataError(f"{source}: {text[bad.index[0]]!r} is not a date")
    return stamps.reindex(values.index)


def _symbol(value: str) -> str:
    """Canonical symbol: upper case, Stooq's ``.US`` dropped, carets restored for indexes."""
    value = value.strip().upper()
    if value.endswith(".US"):
        value = value[:-3]
    return INDEX_CODES.get(value, value)


def _symbol_from_name(path: Path) -> str:
    stem = path.name
    for suffix in (".gz", ".csv", ".txt", ".parquet", ".pq", ".tsv"):
        stem = stem.removesuffix(suffix).removesuffix(suffix.upper())
    candidate = _symbol(re.split(r"[_\s]", stem)[0])
    if not _SYMBOL.match(candidate) or candidate in _NOT_SYMBOLS:
        raise PriceDataError(
            f"{path}: cannot tell the symbol from the file name or content; pass --symbol"
        )
    return candidate
