"""The symbol master: every security and index whymove can link, with names and aliases.

The built-in master ships as CSV files in ``whymove/link/data`` (see its README for the
columns); it is read lazily, once per process. ``overrides.csv`` in that folder is applied last
(non-empty fields replace, ``-Alias`` removes an alias and the short forms derived from it).
Listing files loaded by the user (:mod:`whymove.link.loaders`, kept by
:mod:`whymove.link.store`) extend it: see :func:`full_master`.

Listings of one company are linked (BABA <-> 9988.HK). A mention of the company resolves to
its *canonical* symbol: the US exchange listing where one exists, else the home listing; an
over-the-counter ADR (TCEHY) is not treated as a US listing, so Tencent is 0700.HK.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources

from whymove.model import SecurityKind, Ticker

US_EXCHANGES = frozenset({"XNYS", "XNAS", "XASE", "ARCX", "BATS", "XNGS", "XNMS", "XNCM", "IEXG"})
"""MICs of US stock exchanges (Nasdaq tiers, NYSE, NYSE American, NYSE Arca, Cboe, IEX)."""
OTC_EXCHANGES = frozenset({"OTCM", "XOTC", "PINX", "OTCB", "OTCQ", "OTC", "EXPM"})
ORIGINS = ("builtin", "loaded")


@dataclass(frozen=True, slots=True)
class SecurityRecord:
    """One entry of the symbol master.

    ``origin`` is ``builtin`` for the curated package data and ``loaded`` for listing files a
    user loaded: the linker trusts curated short aliases more than ones derived from a legal
    name in a bulk listing file.
    """

    symbol: Ticker
    kind: SecurityKind
    name: str
    aliases: tuple[str, ...] = ()
    exchange: str = ""
    country: str = ""
    sector: str = ""
    links: tuple[Ticker, ...] = ()
    origin: str = "builtin"

    @property
    def us_listed(self) -> bool:
        return self.exchange in US_EXCHANGES


class SymbolMaster:
    """Securities by symbol, with the other listings of each company.

    Build it once (tables are derived lazily and cached on the instance); :meth:`merged`
    returns a new master rather than changing a shared one.
    """

    def __init__(self, records: Iterable[SecurityRecord] = ()) -> None:
        self._by_symbol: dict[Ticker, SecurityRecord] = {}
        self._groups: dict[Ticker, tuple[Ticker, ...]] | None = None
        self._canonical: dict[Ticker, Ticker] = {}
        self._removed: dict[Ticker, frozenset[str]] = {}
        self.extend(records)

    def extend(self, records: Iterable[SecurityRecord]) -> None:
        """Add records; a symbol already present keeps its record and gains new aliases and
        links (and empty fields are filled)."""
        self._groups = None
        self._canonical = {}
        for rec in records:
            old = self._by_symbol.get(rec.symbol)
            if old is None:
                self._by_symbol[rec.symbol] = rec
                continue
            self._by_symbol[rec.symbol] = dataclasses.replace(
                old,
                aliases=_union(old.aliases, rec.aliases),
                links=_union(old.links, rec.links),
                exchange=old.exchange or rec.exchange,
                country=old.country or rec.country,
                sector=old.sector or rec.sector,
            )

    def override(self, rows: Iterable[dict[str, str]]) -> None:
        """Apply corrections given as master-CSV rows: non-empty fields replace, aliases and
        links are added, and an alias written ``-Alias`` is removed."""
        self._groups = None
        self._canonical = {}
        for row in rows:
            symbol = (row.get("symbol") or "").strip()
            if not symbol or symbol.startswith("#"):
                continue
            aliases = split_list(row.get("aliases"))
            removed = {a[1:].strip().lower() for a in aliases if a.startswith("-")}
            added = tuple(a for a in aliases if not a.startswith("-"))
            old = self._by_symbol.get(symbol) or SecurityRecord(symbol, "stock", symbol)
            fields = {
                key: value.strip()
                for key in ("kind", "name", "exchange", "country", "sector")
                if (value := row.get(key) or "").strip()
            }
            kept = tuple(a for a in _union(old.aliases, added) if a.lower() not in removed)
            if removed:
                self._removed[symbol] = self._removed.get(symbol, frozenset()) | removed
            self._by_symbol[symbol] = dataclasses.replace(
                old,
                **fields,  # type: ignore[arg-type]
                aliases=kept,
                links=_union(old.links, split_list(row.get("links"))),
            )

    def merged(self, records: Iterable[SecurityRecord]) -> SymbolMaster:
        """A new master: this one plus ``records`` (existing symbols keep their records)."""
        master = SymbolMaster(self)
        master._removed = dict(self._removed)
        master.extend(records)
        return master

    def removed(self, symbol: Ticker) -> frozenset[str]:
        """Aliases (lower case) an override removed from ``symbol``: names derived from its
        legal name at build time (``Hess`` from ``Hess Midstream``) are dropped too."""
        return self._removed.get(symbol, frozenset())

    def get(self, symbol: Ticker) -> SecurityRecord | None:
        return self._by_symbol.get(symbol)

    def __contains__(self, symbol: object) -> bool:
        return symbol in self._by_symbol

    def __iter__(self) -> Iterator[SecurityRecord]:
        return iter(self._by_symbol.values())

    def __len__(self) -> int:
        return len(self._by_symbol)

    def group(self, symbol: Ticker) -> tuple[Ticker, ...]:
        """Every listing of the company of ``symbol`` (itself included), in master order."""
        if self._groups is None:
            self._groups = self._build_groups()
        return self._groups.get(symbol, (symbol,) if symbol in self._by_symbol else ())

    def canonical(self, symbol: Ticker) -> Ticker:
        """The symbol a mention of this company carries (labels.md): the US exchange listing
        where one exists, else the home listing; OTC ADRs come last."""
        if not self._canonical:
            self._canonical = self._build_canonical()
        return self._canonical.get(symbol, symbol)

    def canonical_table(self) -> dict[Ticker, Ticker]:
        """:meth:`canonical` for every symbol at once, for callers that look up many."""
        if not self._canonical:
            self._canonical = self._build_canonical()
        return self._canonical

    def _build_canonical(self) -> dict[Ticker, Ticker]:
        order = {s: i for i, s in enumerate(self._by_symbol)}
        out: dict[Ticker, Ticker] = {}
        for symbol in self._by_symbol:
            if symbol in out:
                continue
            members = self.group(symbol)
            best = min(members, key=lambda s: (self._listing_rank(s), order.get(s, 0)))
            out.update(dict.fromkeys(members, best))
        return out

    def _listing_rank(self, symbol: Ticker) -> int:
        rec = self._by_symbol.get(symbol)
        if rec is None or rec.kind == "index":
            return 9
        if rec.exchange in US_EXCHANGES:
            return 0
        if rec.exchange in OTC_EXCHANGES or (not rec.exchange and rec.kind == "adr"):
            return 2
        return 1

    def _build_groups(self) -> dict[Ticker, tuple[Ticker, ...]]:
        parent: dict[Ticker, Ticker] = {}

        def find(sym: Ticker) -> Ticker:
            while parent.setdefault(sym, sym) != sym:
                parent[sym] = parent[parent[sym]]
                sym = parent[sym]
            return sym

        for rec in self._by_symbol.values():
            for other in rec.links:
                if other in self._by_symbol:
                    parent[find(other)] = find(rec.symbol)
        members: dict[Ticker, list[Ticker]] = {}
        for symbol in self._by_symbol:
            members.setdefault(find(symbol), []).append(symbol)
        return {s: tuple(group) for group in members.values() for s in group}

    def search(self, query: str, limit: int = 10) -> list[SecurityRecord]:
        """Records whose symbol, name or alias best match ``query`` (exact symbol first)."""
        from rapidfuzz import fuzz, process, utils

        needle = query.strip()
        if not needle:
            return []
        hits: dict[Ticker, float] = {}
        exact = self.get(needle.upper()) or self.get(needle)
        if exact:
            hits[exact.symbol] = 1000.0
        lowered = needle.lower()
        for rec in self:
            names = (rec.name, *rec.aliases)
            if any(lowered == n.lower() for n in names):
                hits[rec.symbol] = max(hits.get(rec.symbol, 0.0), 500.0)
            elif any(lowered in n.lower() for n in names):
                hits[rec.symbol] = max(hits.get(rec.symbol, 0.0), 200.0 - len(rec.name) / 100)
        if len(hits) < limit:
            choices = {rec.symbol: rec.name for rec in self}
            for _name, score, symbol in process.extract(
                needle, choices, scorer=fuzz.WRatio, processor=utils.default_process, limit=limit
            ):
                hits.setdefault(symbol, float(score))
        ranked = sorted(hits, key=lambda s: (-hits[s], s))[:limit]
        return [self._by_symbol[s] for s in ranked]


def _union(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*first, *second)))


def read_master_csv(lines: Iterable[str], origin: str = "builtin") -> Iterator[SecurityRecord]:
    """Parse rows of the master CSV layout (``symbol,kind,name,aliases,...``)."""
    for row in csv.DictReader(lines):
        symbol = (row.get("symbol") or "").strip()
        if not symbol or symbol.startswith("#"):
            continue
        kind = (row.get("kind") or "stock").strip().lower() or "stock"
        yield SecurityRecord(
            symbol=symbol,
            kind=kind if kind in ("stock", "adr", "etf", "index") else "stock",  # type: ignore[arg-type]
            name=(row.get("name") or symbol).strip(),
            aliases=split_list(row.get("aliases")),
            exchange=(row.get("exchange") or "").strip().upper(),
            country=(row.get("country") or "").strip().upper(),
            sector=(row.get("sector") or "").strip(),
            links=split_list(row.get("links")),
            origin=(row.get("origin") or origin).strip() or origin,
        )


def split_list(value: str | None) -> tuple[str, ...]:
    """``a;b; c`` -> ``("a", "b", "c")``: the list form of the master CSV columns."""
    return tuple(part.strip() for part in (value or "").split(";") if part.strip())


OVERRIDES = "overrides.csv"


@functools.cache
def builtin_master() -> SymbolMaster:
    """The master shipped with the package, read once per process. Do not extend it in
    place; use :meth:`SymbolMaster.merged`."""
    master = SymbolMaster()
    data = resources.files("whymove.link") / "data"
    entries = sorted(
        (e for e in data.iterdir() if e.name.endswith(".csv") and e.name != OVERRIDES),
        key=lambda e: e.name,
    )
    for entry in entries:
        with entry.open(encoding="utf-8") as handle:
            master.extend(read_master_csv(handle))
    overrides = data / OVERRIDES
    if overrides.is_file():
        with overrides.open(encoding="utf-8") as handle:
            master.override(csv.DictReader(handle))
    return master


@functools.cache
def full_master() -> SymbolMaster:
    """The built-in master plus the securities the user loaded (read once per process)."""
    from whymove.link.store import read_user_securities

    loaded = read_user_securities()
    return builtin_master().merged(loaded) if loaded else builtin_master()


def normalise_symbol(symbol: str) -> str:
    """How a user's symbol is stored: listing symbols in upper case (``9988.hk`` ->
    ``9988.HK``), index labels as labels.md writes them (``hang_seng``, ``s&p500``)."""
    symbol = symbol.strip()
    return symbol if symbol in builtin_master() else symbol.upper()
