"""Finding securities in text: one Aho-Corasick automaton over every alias, plus ticker forms.

The automaton is built once per process from the symbol master (``default_linker()``) and
pickles, so process pools and Dask workers receive it ready-made.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import ahocorasick

from whymove.link.master import SymbolMaster, builtin_master
from whymove.model import Mention

# Tickers that are ordinary words or abbreviations: they count only with explicit context
# such as "(NYSE: ON)" or "$AI".
COMMON_WORD_TICKERS = frozenset(
    "A AI ALL AM AN ANY ARE AS AT BE BIG BY CAN CAR CEO CFO DO EV EVER FOR GO HAS HE IT KEY "
    "LOW MAN ME NEW NOW OF ON ONE OPEN OR OUT PAY PM RUN SEE SO TV TWO U UP US USA WELL WH "
    "WHO YOU GDP IPO ETF CPI FDA SEC EPS AND BIO FUN HOPE LIFE LOVE MAIN NICE PLAY REAL SAFE "
    "TRUE VERY EAT HUGE CASH GOOD BEST FAST FREE GAIN JOB MOVE ROCK SUN TECH WAVE".split()
)
_EXCHANGES = r"(?:NYSE(?:\s?American|\s?Arca|MKT)?|NASDAQ|Nasdaq|NASDAQGS|NASDAQGM|AMEX|OTC(?:QX|QB|MKTS)?|NYSEARCA|BATS|CBOE|HKEX|HKG|SEHK|TSX|LSE|SHA|SHE|SSE|SZSE|TYO|TSE|KRX|TPE|ASX|ETR|XETRA|EPA|AMS)"
_SYMBOL = r"([A-Z][A-Z0-9]{0,5}(?:[.\-][A-Z0-9]{1,3})?|\d{4,6})"
EXPLICIT_PATTERNS = (
    re.compile(rf"\(\s*{_EXCHANGES}\s*:\s*{_SYMBOL}\s*\)"),
    re.compile(rf"\b{_EXCHANGES}\s*:\s*{_SYMBOL}\b"),
    re.compile(rf"(?<![\w$])\${_SYMBOL}\b"),
)
_BARE_TICKER = re.compile(r"(?<![\w$.\-])([A-Z]{2,5})(?![\w\-]|\.[A-Z])")


@dataclass(slots=True)
class Linker:
    """Finds mentions of the master's securities in text."""

    master: SymbolMaster
    automaton: ahocorasick.Automaton

    def find(self, text: str) -> list[Mention]:
        """Every mention in ``text``, sorted by position, overlapping matches resolved
        in favour of the longest."""
        found: list[Mention] = []
        for pattern in EXPLICIT_PATTERNS:
            for match in pattern.finditer(text):
                symbol = self._resolve(match.group(1))
                if symbol:
                    found.append(self._mention(symbol, match.start(1), match.end(1), "explicit"))
        lowered = text.lower()
        matches = self.automaton.iter(lowered) if self.automaton.kind == ahocorasick.AHOCORASICK else ()
        for end_index, (alias, symbols) in matches:
            start = end_index - len(alias) + 1
            end = end_index + 1
            if not _word_bounded(text, start, end) or not text[start].isupper():
                continue
            found.append(self._mention(symbols[0], start, end, "alias"))
        for match in _BARE_TICKER.finditer(text):
            symbol = match.group(1)
            if symbol in COMMON_WORD_TICKERS or symbol not in self.master:
                continue
            found.append(self._mention(symbol, match.start(1), match.end(1), "ticker"))
        return _longest_first(found)

    def _resolve(self, symbol: str) -> str | None:
        if symbol in self.master:
            return symbol
        if symbol.isdigit():
            padded = symbol.zfill(4) + ".HK"
            if padded in self.master:
                return padded
        return None

    def _mention(self, symbol: str, start: int, end: int, method: str) -> Mention:
        record = self.master.get(symbol)
        kind = record.kind if record else "stock"
        confidence = {"explicit": 1.0, "ticker": 0.8, "alias": 0.7}.get(method, 0.5)
        return Mention(symbol, start, end, kind, method, confidence)


def _word_bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or after.isalnum() or before == "_" or after == "_")


def _longest_first(mentions: list[Mention]) -> list[Mention]:
    mentions.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    for mention in mentions:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


def build_linker(master: SymbolMaster) -> Linker:
    """Build the alias automaton over every name and alias of ``master``."""
    automaton = ahocorasick.Automaton()
    for record in master:
        for alias in (record.name, *record.aliases):
            key = alias.lower()
            if len(key) < 3:
                continue
            symbols = automaton.get(key, (key, ()))[1]
            if record.symbol not in symbols:
                automaton.add_word(key, (key, (*symbols, record.symbol)))
    if len(automaton):
        automaton.make_automaton()
    return Linker(master, automaton)


@functools.cache
def default_linker() -> Linker:
    """The linker over the built-in master, built once per process."""
    return build_linker(builtin_master())
