"""The symbol master: every security and index whymove can link, with names and aliases.

The built-in master ships as CSV files in ``whymove/link/data`` (see its README for the
columns); it is read lazily, once per process, and can be extended with loaded listing files.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources

from whymove.model import SecurityKind, Ticker


@dataclass(frozen=True, slots=True)
class SecurityRecord:
    """One entry of the symbol master."""

    symbol: Ticker
    kind: SecurityKind
    name: str
    aliases: tuple[str, ...] = ()
    exchange: str = ""
    country: str = ""
    sector: str = ""
    links: tuple[Ticker, ...] = ()


class SymbolMaster:
    """Securities by symbol, with the other listings of each company."""

    def __init__(self, records: Iterable[SecurityRecord] = ()) -> None:
        self._by_symbol: dict[Ticker, SecurityRecord] = {}
        self.extend(records)

    def extend(self, records: Iterable[SecurityRecord]) -> None:
        """Add records; a symbol already present keeps its record and gains new aliases."""
        for rec in records:
            old = self._by_symbol.get(rec.symbol)
            if old is None:
                self._by_symbol[rec.symbol] = rec
            else:
                aliases = tuple(dict.fromkeys((*old.aliases, *rec.aliases)))
                links = tuple(dict.fromkeys((*old.links, *rec.links)))
                self._by_symbol[rec.symbol] = SecurityRecord(
                    old.symbol, old.kind, old.name, aliases, old.exchange or rec.exchange,
                    old.country or rec.country, old.sector or rec.sector, links,
                )

    def get(self, symbol: Ticker) -> SecurityRecord | None:
        return self._by_symbol.get(symbol)

    def __contains__(self, symbol: object) -> bool:
        return symbol in self._by_symbol

    def __iter__(self) -> Iterator[SecurityRecord]:
        return iter(self._by_symbol.values())

    def __len__(self) -> int:
        return len(self._by_symbol)


def read_master_csv(lines: Iterable[str]) -> Iterator[SecurityRecord]:
    """Parse rows of the master CSV layout (``symbol,kind,name,aliases,...``)."""
    for row in csv.DictReader(lines):
        symbol = (row.get("symbol") or "").strip()
        if not symbol:
            continue
        yield SecurityRecord(
            symbol=symbol,
            kind=(row.get("kind") or "stock").strip(),  # type: ignore[arg-type]
            name=(row.get("name") or symbol).strip(),
            aliases=_split(row.get("aliases")),
            exchange=(row.get("exchange") or "").strip(),
            country=(row.get("country") or "").strip(),
            sector=(row.get("sector") or "").strip(),
            links=_split(row.get("links")),
        )


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split(";") if part.strip())


@functools.cache
def builtin_master() -> SymbolMaster:
    """The master shipped with the package, read once per process."""
    master = SymbolMaster()
    data = resources.files("whymove.link") / "data"
    for entry in sorted(data.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".csv"):
            with entry.open(encoding="utf-8") as handle:
                master.extend(read_master_csv(handle))
    return master
