"""Finding securities in text: one Aho-Corasick automaton over every alias, plus ticker forms.

Three scans, each one pass of a C automaton or a literal-prefixed regex over the text:

1. names: every alias, keys padded with spaces and matched against a same-length ASCII fold
   of the text (``fold``), so every hit is already word-bounded and no Python runs for the
   thousands of aliases that do not occur; capitals are checked per hit from the alias;
2. tickers: every symbol, matched case-sensitively against a mask of the text in which
   lower-case letters are opaque, so only upper-case tokens can hit;
3. exchange tags: ``NYSE: BABA``, ``(HKEX: 9988)``, found from their colon.

:mod:`whymove.link.resolve` then decides which candidates are mentions. The linker is built
once per process (``default_linker()``) and pickles, so process pools and Dask workers receive
it ready-made.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import ahocorasick

from whymove.link.aliases import BLOCK, CJK_RUN, Alias, alias_table, fold, has_cjk
from whymove.link.context import EXCHANGE_TAG
from whymove.link.lexicon import ACRONYMS, COMMON_WORD_TICKERS
from whymove.link.master import SymbolMaster, full_master
from whymove.link.resolve import resolve
from whymove.model import Mention

# Mask for the ticker automaton: capitals, digits and '&' stay, lower case becomes '#' (part of
# a token but never of a key), everything else a space.
_SYMBOL_TABLE = bytes(
    c if (48 <= c <= 57 or 65 <= c <= 90 or c == 38) else 35 if 97 <= c <= 122 else 32
    for c in range(256)
)
_TAG_SYMBOL = re.compile(r":[ \t]*(\$?[A-Z0-9][A-Za-z0-9]{0,9}(?:[.\-][A-Z0-9]{1,3})?)")
_EXCHANGE_SUFFIX = {
    **dict.fromkeys(("HKEX", "HKG", "SEHK", "HKSE", "HK"), ".HK"),
    **dict.fromkeys(("SHA", "SSE", "SH"), ".SS"),
    **dict.fromkeys(("SHE", "SZSE", "SZ"), ".SZ"),
    **dict.fromkeys(("TYO",), ".T"),
    **dict.fromkeys(("TSX",), ".TO"),
    "TSXV": ".V",
    **dict.fromkeys(("LON", "LSE"), ".L"),
    **dict.fromkeys(("ETR", "XETRA"), ".DE"),
    "FRA": ".F",
    "EPA": ".PA",
    "AMS": ".AS",
    "EBR": ".BR",
    "BIT": ".MI",
    "BME": ".MC",
    **dict.fromkeys(("SWX", "SIX"), ".SW"),
    "STO": ".ST",
    "CPH": ".CO",
    "HEL": ".HE",
    "OSL": ".OL",
    **dict.fromkeys(("KRX", "KOSPI"), ".KS"),
    "KOSDAQ": ".KQ",
    **dict.fromkeys(("TPE", "TWSE"), ".TW"),
    "TPEX": ".TWO",
    "ASX": ".AX",
    "NSE": ".NS",
    **dict.fromkeys(("BSE", "BOM"), ".BO"),
    "SGX": ".SI",
    "JSE": ".JO",
    "BMV": ".MX",
}
COMMON_SYMBOLS = COMMON_WORD_TICKERS | ACRONYMS
_DIGIT_WIDTH = {".HK": 4, ".SS": 6, ".SZ": 6, ".KS": 6, ".KQ": 6, ".T": 4, ".TW": 4, ".TWO": 4}


@dataclass(slots=True)
class Candidate:
    """A possible mention, before the rules of :mod:`whymove.link.resolve` decide."""

    start: int
    end: int
    symbol: str
    kind: str
    source: str
    """``tag`` (exchange tag), ``name`` (alias automaton), ``ticker`` or ``block``."""
    alias: Alias | None = None
    pending: bool = False
    """Waiting for a certain mention of the same company elsewhere in the article."""
    person: bool | None = None
    """Reads as a person's name here (computed once, when first needed)."""


@dataclass(slots=True)
class Linker:
    """Finds mentions of the master's securities in text."""

    master: SymbolMaster
    aliases: tuple[Alias, ...]
    names: ahocorasick.Automaton
    cjk: ahocorasick.Automaton
    symbols: ahocorasick.Automaton
    research: frozenset[str]
    """Canonical symbols of banks, brokers and data firms (quoted as sources)."""

    def find(self, text: str) -> list[Mention]:
        """Every mention in ``text``, sorted by position; overlapping matches are resolved in
        favour of the longest, and the disambiguation rules are applied."""
        if not text:
            return []
        return resolve(self, text, self.candidates(text))

    def candidates(self, text: str) -> list[Candidate]:
        """Raw hits of the three scans, unresolved and possibly overlapping."""
        found: list[Candidate] = []
        if ":" in text:
            self._exchange_tags(text, found)
        self._names(text, found)
        self._tickers(text, found)
        return found

    def _names(self, text: str, found: list[Candidate]) -> None:
        aliases = self.aliases
        if len(self.names):
            folded = " " + fold(text) + " "
            append = found.append
            for end_index, (length, entries) in self.names.iter(folded):
                start = end_index - length - 1
                for upper, alias_id in entries:
                    # Most aliases need one capital, at their first letter.
                    if upper == 0:
                        if not text[start].isupper():
                            continue
                    elif upper is not None and not all(text[start + i].isupper() for i in upper):
                        continue
                    alias = aliases[alias_id]
                    source = "block" if alias.strength == BLOCK else "name"
                    append(
                        Candidate(start, start + length, alias.symbol, alias.kind, source, alias)
                    )
                    break
        if len(self.cjk) and not text.isascii() and max(text) >= "\u3040":
            # Only runs of CJK characters are scanned: the CJK automaton's root has hundreds
            # of branches and is slow to walk over Latin text.
            for run in CJK_RUN.finditer(text):
                offset = run.start()
                for end_index, (length, alias_id) in self.cjk.iter(run.group()):
                    alias = aliases[alias_id]
                    start = offset + end_index - length + 1
                    found.append(
                        Candidate(start, start + length, alias.symbol, alias.kind, "name", alias)
                    )

    def _tickers(self, text: str, found: list[Candidate]) -> None:
        if not len(self.symbols):
            return
        masked = " " + text.encode("ascii", "replace").translate(_SYMBOL_TABLE).decode() + " "
        for end_index, (length, symbol, kind, explicit_only) in self.symbols.iter(masked):
            start = end_index - length - 1
            # Single letters, English words and acronyms (A, AI, IT, ON) can only be meant in
            # an explicit form: $AI, (AI), <C.N>; drop every other use before any Python work.
            if explicit_only and (start == 0 or text[start - 1] not in "$(<"):
                continue
            found.append(Candidate(start, start + length, symbol, kind, "ticker"))

    def _exchange_tags(self, text: str, found: list[Candidate]) -> None:
        for match in _TAG_SYMBOL.finditer(text):
            colon = match.start()
            exchange = EXCHANGE_TAG.search(text, max(0, colon - 16), colon)
            if exchange is None:
                continue
            raw = match.group(1)
            start = match.start(1)
            if raw.startswith("$"):
                raw, start = raw[1:], start + 1
            raw = raw.rstrip(".")
            symbol = self.resolve_tag(exchange.group().strip(), raw)
            if symbol is None:
                continue
            record = self.master.get(symbol)
            kind = record.kind if record else "stock"
            found.append(Candidate(exchange.start(), colon + 1, "", "stock", "block"))
            found.append(Candidate(start, start + len(raw), symbol, kind, "tag"))

    def resolve_tag(self, exchange: str, raw: str) -> str | None:
        """The master symbol of an exchange-tagged code: ``("HKEX", "9988")`` -> ``9988.HK``,
        ``("NYSE", "BRK.B")`` -> ``BRK-B``; an unknown well-formed code is kept as written."""
        code = exchange.upper().replace(" ", "")
        suffix = _EXCHANGE_SUFFIX.get(code)
        if code == "TSE":
            suffix = ".T" if raw.isdigit() else ".TO"
        if raw.isdigit():
            if suffix is None:
                return None
            width = _DIGIT_WIDTH.get(suffix, 4)
            symbol = raw.lstrip("0").zfill(width) + suffix
            if symbol not in self.master and suffix == ".HK":
                symbol = raw.zfill(5) + suffix
            return symbol
        if not raw.isupper() and not raw[:1].isdigit():
            return None
        symbol = raw.replace(".", "-") if suffix is None else raw + suffix
        if suffix is None and raw in self.master:
            return raw
        return symbol


def _upper_check(upper: tuple[int, ...]) -> int | tuple[int, ...] | None:
    """The capitals rule in its cheapest form: 0 for "first letter", None for none."""
    if not upper:
        return None
    return 0 if upper == (0,) else upper


def build_linker(master: SymbolMaster) -> Linker:
    """Build the alias and ticker automata over every name and symbol of ``master``."""
    table = alias_table(master)
    names = ahocorasick.Automaton()
    cjk = ahocorasick.Automaton()
    grouped: dict[str, list[int]] = {}
    for index, alias in enumerate(table):
        if has_cjk(alias.text):
            if alias.strength != BLOCK and not cjk.exists(alias.text):
                cjk.add_word(alias.text, (len(alias.text), index))
            continue
        key = fold(alias.text)
        if not key.strip() or len(key) != len(alias.text):
            continue
        grouped.setdefault(f" {key} ", []).append(index)
    for key, ids in grouped.items():
        entries = tuple((_upper_check(table[i].upper), i) for i in ids)
        names.add_word(key, (len(key) - 2, entries))
    symbols = ahocorasick.Automaton()
    for record in master:
        symbol = record.symbol
        if record.kind == "index":
            continue
        key = " " + re.sub(r"[.\-/]", " ", symbol) + " "
        if key.strip() and not symbols.exists(key):
            explicit_only = len(symbol) < 2 or symbol in COMMON_SYMBOLS
            symbols.add_word(key, (len(key) - 2, symbol, record.kind, explicit_only))
    for automaton in (names, cjk, symbols):
        if len(automaton):
            automaton.make_automaton()
    research = frozenset(a.symbol for a in table if a.research)
    return Linker(master, tuple(table), names, cjk, symbols, research)


@functools.cache
def default_linker() -> Linker:
    """The linker over the built-in master plus the user's loaded securities, built once per
    process."""
    return build_linker(full_master())
