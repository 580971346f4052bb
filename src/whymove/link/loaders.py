"""Loaders that extend the symbol master from public listing files.

Formats (detected from the content, or named):

- ``sec``: SEC ``company_tickers.json`` (``{"0": {"cik_str", "ticker", "title"}, ...}``);
- ``sec-exchange``: SEC ``company_tickers_exchange.json`` (``{"fields": [...], "data": [...]}``);
- ``nasdaq``: Nasdaq Trader ``nasdaqlisted.txt`` (pipe-separated, Nasdaq listings);
- ``other``: Nasdaq Trader ``otherlisted.txt`` (NYSE, NYSE American, NYSE Arca, Cboe, IEX);
- ``csv``: ``symbol,name,exchange,aliases`` (aliases ``;``-separated; any master column may
  be added: kind, country, sector, links).

Warrants, rights, units, preferred shares, notes and test issues are skipped: news does not
name them. Records carry ``origin="loaded"``; their short aliases are derived from the legal
name when the linker is built (see :func:`whymove.link.aliases.derive_aliases`).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from whymove.errors import InputError
from whymove.link.aliases import clean_legal_name, display_name
from whymove.link.master import SecurityRecord, split_list
from whymove.model import SecurityKind

FORMATS = ("auto", "sec", "sec-exchange", "nasdaq", "other", "csv")

_SKIP_NAME = re.compile(
    r"\b(?:warrants?|rights?|units?|preferred|preference|notes? due|debentures?|subordinated|"
    r"test (?:issue|company|symbol)|when[- ]issued|%)|\d+(?:\.\d+)?%",
    re.IGNORECASE,
)
_SKIP_SYMBOL = re.compile(r"[$^+=#*/ ]|-(?:P[A-Z]?|W[S]?|U|R|WT)$|\.(?:WS|U|R|W)$")
_ADR_NAME = re.compile(r"american depositary|\bADRs?\b|\bADSs?\b", re.IGNORECASE)

EXCHANGE_MICS = {
    "NASDAQ": "XNAS",
    "NASDAQGS": "XNAS",
    "NASDAQGM": "XNAS",
    "NASDAQCM": "XNAS",
    "XNAS": "XNAS",
    "NYSE": "XNYS",
    "XNYS": "XNYS",
    "NYSE AMERICAN": "XASE",
    "AMEX": "XASE",
    "NYSEMKT": "XASE",
    "XASE": "XASE",
    "NYSE ARCA": "ARCX",
    "NYSEARCA": "ARCX",
    "ARCA": "ARCX",
    "ARCX": "ARCX",
    "CBOE": "BATS",
    "BATS": "BATS",
    "IEX": "IEXG",
    "OTC": "OTCM",
    "OTCMKTS": "OTCM",
    "OTCQX": "OTCM",
    "OTCQB": "OTCM",
    "PINK": "OTCM",
    "HKEX": "XHKG",
    "HKG": "XHKG",
    "SSE": "XSHG",
    "SHA": "XSHG",
    "SZSE": "XSHE",
    "SHE": "XSHE",
    "LSE": "XLON",
    "LON": "XLON",
    "TSE": "XTKS",
    "TYO": "XTKS",
    "TSX": "XTSE",
    "XETRA": "XETR",
    "ETR": "XETR",
    "KRX": "XKRX",
    "TWSE": "XTAI",
    "TPE": "XTAI",
    "ASX": "XASX",
    "EURONEXT": "XPAR",
    "SIX": "XSWX",
}
_OTHER_EXCHANGES = {"A": "XASE", "N": "XNYS", "P": "ARCX", "Z": "BATS", "V": "IEXG"}


def load_file(path: str | Path, fmt: str = "auto") -> list[SecurityRecord]:
    """The securities of one listing file, in file order.

    Example: ``load_file("nasdaqlisted.txt")`` -> records such as AAPL "Apple Inc." (XNAS).
    Raises :class:`~whymove.errors.InputError` naming the file when it cannot be read or its
    format is not one of :data:`FORMATS`.
    """
    path = Path(path)
    if fmt not in FORMATS:
        raise InputError(str(path), f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read: {exc}") from exc
    return parse_listing(text, fmt, str(path))


def parse_listing(text: str, fmt: str = "auto", source: str = "<text>") -> list[SecurityRecord]:
    """Parse the content of a listing file (see the module docstring for the formats)."""
    kind = detect_format(text, source) if fmt == "auto" else fmt
    if kind in ("sec", "sec-exchange"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(source, f"not JSON: {exc.msg} at line {exc.lineno}") from exc
        rows = _sec_rows(data, source)
        return _link_share_classes(list(_from_sec(rows)))
    lines = text.splitlines()
    if kind == "nasdaq":
        return list(_from_nasdaq(lines))
    if kind == "other":
        return list(_from_other(lines))
    return list(_from_csv(text, source))


def detect_format(text: str, source: str = "<text>") -> str:
    """Which of :data:`FORMATS` the content is, from its first bytes."""
    head = text.lstrip()[:400]
    if head.startswith("{") or head.startswith("["):
        return "sec-exchange" if '"fields"' in head else "sec"
    first = head.split("\n", 1)[0].strip()
    if first.startswith("Symbol|Security Name"):
        return "nasdaq"
    if first.startswith("ACT Symbol|"):
        return "other"
    header = {h.strip().lower() for h in first.split(",")}
    if {"symbol", "name"} <= header:
        return "csv"
    raise InputError(
        source,
        "not a known listing file (SEC company_tickers[_exchange].json, Nasdaq Trader "
        "nasdaqlisted/otherlisted.txt, or CSV with a symbol,name header)",
    )


def _sec_rows(data: Any, source: str) -> Iterator[dict[str, Any]]:
    if isinstance(data, dict) and "fields" in data and "data" in data:
        fields = [str(f) for f in data["fields"]]
        for row in data["data"]:
            yield dict(zip(fields, row, strict=False))
    elif isinstance(data, dict):
        for value in data.values():
            if isinstance(value, dict):
                yield {"cik": value.get("cik_str"), "name": value.get("title"), **value}
    elif isinstance(data, list):
        yield from (row for row in data if isinstance(row, dict))
    else:
        raise InputError(source, "SEC ticker file must hold an object or a list")


def _from_sec(rows: Iterable[dict[str, Any]]) -> Iterator[SecurityRecord]:
    for row in rows:
        symbol = str(row.get("ticker") or "").strip().upper()
        name = str(row.get("name") or row.get("title") or "").strip()
        if not symbol or not name or _SKIP_SYMBOL.search(symbol) or _SKIP_NAME.search(name):
            continue
        exchange = EXCHANGE_MICS.get(str(row.get("exchange") or "").strip().upper(), "")
        record = _record(symbol.replace(".", "-"), name, exchange, "stock")
        cik = str(row.get("cik") or "").strip()
        yield record if not cik else _with_cik(record, cik)


def _with_cik(record: SecurityRecord, cik: str) -> SecurityRecord:
    # The CIK rides in ``links`` until share classes are linked below, then it is dropped.
    return SecurityRecord(**{**_fields(record), "links": (f"cik:{cik}",)})


def _link_share_classes(records: list[SecurityRecord]) -> list[SecurityRecord]:
    """Tickers of one SEC filer (GOOGL and GOOG) are listings of one company."""
    by_cik: dict[str, list[str]] = {}
    for rec in records:
        for link in rec.links:
            by_cik.setdefault(link, []).append(rec.symbol)
    symbols = {rec.symbol for rec in records}
    out = []
    for rec in records:
        if _is_spac_part(rec.symbol, symbols):
            continue  # the unit, right or warrant of a SPAC listed beside its shares
        peers = [s for link in rec.links for s in by_cik.get(link, ()) if s != rec.symbol]
        links = tuple(s for s in dict.fromkeys(peers) if not _is_spac_part(s, symbols))
        out.append(SecurityRecord(**{**_fields(rec), "links": links}))
    return out


def _is_spac_part(symbol: str, symbols: set[str]) -> bool:
    return len(symbol) == 5 and symbol[-1] in "URW" and symbol[:4] in symbols


def _from_nasdaq(lines: list[str]) -> Iterator[SecurityRecord]:
    for row in _pipe_rows(lines):
        if row.get("Test Issue") == "Y":
            continue
        kind: SecurityKind = "etf" if row.get("ETF") == "Y" else "stock"
        record = _listing(row.get("Symbol", ""), row.get("Security Name", ""), "XNAS", kind)
        if record:
            yield record


def _from_other(lines: list[str]) -> Iterator[SecurityRecord]:
    for row in _pipe_rows(lines):
        if row.get("Test Issue") == "Y":
            continue
        kind: SecurityKind = "etf" if row.get("ETF") == "Y" else "stock"
        exchange = _OTHER_EXCHANGES.get(row.get("Exchange", ""), "")
        symbol = row.get("ACT Symbol") or row.get("CQS Symbol") or ""
        record = _listing(symbol, row.get("Security Name", ""), exchange, kind)
        if record:
            yield record


def _pipe_rows(lines: list[str]) -> Iterator[dict[str, str]]:
    if not lines:
        return
    header = [h.strip() for h in lines[0].split("|")]
    for line in lines[1:]:
        if not line.strip() or line.startswith("File Creation Time"):
            continue
        yield dict(zip(header, (v.strip() for v in line.split("|")), strict=False))


def _listing(symbol: str, name: str, exchange: str, kind: SecurityKind) -> SecurityRecord | None:
    symbol = symbol.strip().upper()
    if not symbol or not name or _SKIP_SYMBOL.search(symbol) or _SKIP_NAME.search(name):
        return None
    if kind != "etf" and _ADR_NAME.search(name):
        kind = "adr"
    return _record(symbol.replace(".", "-"), name, exchange, kind)


def _record(symbol: str, name: str, exchange: str, kind: SecurityKind) -> SecurityRecord:
    cleaned = clean_legal_name(display_name(name)) or display_name(name)
    return SecurityRecord(
        symbol=symbol, kind=kind, name=cleaned, exchange=exchange, origin="loaded"
    )


def _from_csv(text: str, source: str) -> Iterator[SecurityRecord]:
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames is None:
        raise InputError(source, "empty CSV")
    for number, row in enumerate(reader, 2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        symbol = row.get("symbol", "").upper()
        name = row.get("name", "")
        if not symbol:
            continue
        if not name:
            raise InputError(f"{source}:{number}", f"symbol {symbol} has no name")
        kind = row.get("kind", "").lower()
        if kind not in ("stock", "adr", "etf", "index"):
            kind = "adr" if _ADR_NAME.search(name) else "stock"
        exchange = row.get("exchange", "").upper()
        yield SecurityRecord(
            symbol=symbol,
            kind=kind,  # type: ignore[arg-type]
            name=clean_legal_name(display_name(name)) or name,
            aliases=split_list(row.get("aliases")),
            exchange=EXCHANGE_MICS.get(exchange, exchange),
            country=row.get("country", "").upper(),
            sector=row.get("sector", ""),
            links=split_list(row.get("links")),
            origin="loaded",
        )


def _fields(record: SecurityRecord) -> dict[str, Any]:
    return {name: getattr(record, name) for name in record.__dataclass_fields__}
