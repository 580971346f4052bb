"""Finding securities in text: one Aho-Corasick automaton over every alias, plus ticker forms.

Three scans, each one pass of a C automaton or a literal-prefixed regex over the text:

1. names: every alias, keys padded with spaces and matched against a same-length ASCII fold
   of the text (``fold``), so every hit is already word-bounded and no Python runs for the
   thousands of aliases that do not occur; capitals are checked per hit, and a key's only
   alias rides in the automaton's value, so a hit costs no lookup;
2. tickers: every symbol, matched case-sensitively against a mask of the text in which
   lower-case letters are opaque, so only upper-case tokens can hit; symbols that are English
   words or acronyms (AI, IT, ON) count only after ``$``, ``(`` or ``<`` and are looked up
   from those marks alone;
3. exchange tags: ``NYSE: BABA``, ``(HKEX: 9988)``, found from their colon.

:mod:`whymove.link.resolve` then decides which candidates are mentions. The linker is built
once per process (``default_linker()``) and pickles, so process pools and Dask workers receive
it ready-made.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import starmap
from operator import itemgetter

import ahocorasick

from whymove.link.aliases import BLOCK, CJK_RUN, Alias, alias_table, fold, has_cjk
from whymove.link.context import EXCHANGE_TAG
from whymove.link.lexicon import ACRONYMS, COMMON_WORD_TICKERS
from whymove.link.master import SymbolMaster, full_master
from whymove.link.resolve import resolve
from whymove.link.tagnames import first_word
from whymove.link.tickers import explicit_ticker
from whymove.model import Mention

# Mask for the ticker automaton: capitals, digits and '&' stay, lower case becomes '#' (part of
# a token but never of a key), everything else a space.
_SYMBOL_TABLE = bytes(
    c if (48 <= c <= 57 or 65 <= c <= 90 or c == 38) else 35 if 97 <= c <= 122 else 32
    for c in range(256)
)
_NOT_EQUITY_TAG = re.compile(
    r"\b(?:CRYPTO|Crypto|CRYPTOCURRENCY|COIN|FX|FOREX|CURRENCY|COMMODITY|FUTURES)\s*$"
)
_MARKED = re.compile(r"[A-Z][A-Z0-9&]*(?:[.\-/][A-Z0-9]+)*")
_SEPARATORS = re.compile(r"[.\-/]")
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
    marked: dict[str, tuple[str, str]]
    """Symbols that count only after ``$``, ``(`` or ``<`` (A, AI, ON), by their key."""
    research: frozenset[str]
    """Canonical symbols of banks, brokers and data firms (quoted as sources)."""
    rival_first: dict[str, str]
    """Several-word aliases whose distinctive first word is another company's alias
    (``Brookfield Asset Management``: ``Brookfield``): a tag after one may overrule it."""

    def find(self, text: str) -> list[Mention]:
        """Every mention in ``text``, sorted by position; overlapping matches are resolved in
        favour of the longest, and the disambiguation rules are applied."""
        if not text:
            return []
        return resolve(self, text, self.candidates(text))

    def candidates(self, text: str) -> list[Candidate]:
        """Raw hits of the three scans, possibly overlapping; tickers and tags already carry
        their company's canonical symbol, and a ticker in an explicit form (``$BABA``,
        ``(BABA)``, ``AAPL.O``) the source ``explicit``."""
        found: list[Candidate] = []
        if ":" in text:
            self._exchange_tags(text, found)
        self._names(text, found)
        self._tickers(text, found)
        return found

    def _names(self, text: str, found: list[Candidate]) -> None:
        if len(self.names):
            folded = " " + fold(text) + " "
            # Hits arrive by end; one that contains the hit before it (``Alibaba Group
            # Holding`` after ``Alibaba``) replaces it, so nested aliases cost no object.
            hits: list[tuple[int, int, str, str, str, Alias]] = []
            append = hits.append
            aliases = self.aliases
            last_start = -1
            for end_index, (length, upper, symbol, kind, source, alias, entries) in self.names.iter(
                folded
            ):
                start = end_index - length - 1
                if entries is not None:  # several aliases fold to this key: first that fits
                    alias = _first_fit(text, start, entries, aliases)
                    if alias is None:
                        continue
                    symbol, kind = alias.symbol, alias.kind
                    source = "block" if alias.strength == BLOCK else "name"
                elif upper == 0:  # most aliases need one capital, at their first letter
                    if not text[start].isupper():
                        continue
                elif upper is not None and upper[0](text[start : end_index - 1]) != upper[1]:
                    continue
                if start <= last_start:
                    hits.pop()
                    while hits and hits[-1][0] >= start:
                        hits.pop()
                append((start, end_index - 1, symbol, kind, source, alias))
                last_start = start
            found.extend(starmap(Candidate, hits))
        if len(self.cjk) and not text.isascii():
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
        hits: list[Candidate] = []
        append = hits.append
        if len(self.symbols):
            masked = " " + text.encode("ascii", "replace").translate(_SYMBOL_TABLE).decode() + " "
            for end_index, (length, symbol, kind) in self.symbols.iter(masked):
                start = end_index - length - 1
                append(Candidate(start, start + length, symbol, kind, "ticker"))
        # Single letters, English words and acronyms (A, AI, IT, ON) can only be meant in an
        # explicit form: $AI, (AI), <C.N>; only those marks are looked at.
        marked = self.marked
        if marked:
            for mark in "($<":
                pos = text.find(mark)
                while pos >= 0:
                    if text[pos + 1 : pos + 2].isupper():
                        match = _MARKED.match(text, pos + 1)
                        if match is not None:
                            _marked_symbol(text, match, marked, append)
                    pos = text.find(mark, pos + 1)
        canonical = self.master.canonical_table().get
        for cand in hits:
            if explicit_ticker(text, cand):
                cand.source = "explicit"
            cand.symbol = canonical(cand.symbol, cand.symbol)
        found.extend(hits)

    def _exchange_tags(self, text: str, found: list[Candidate]) -> None:
        for match in _TAG_SYMBOL.finditer(text):
            colon = match.start()
            exchange = EXCHANGE_TAG.search(text, max(0, colon - 16), colon)
            if exchange is None:
                coin = _NOT_EQUITY_TAG.search(text, max(0, colon - 16), colon)
                if coin is not None:  # "(CRYPTO: BTC)", "FX: EUR": not a listed security
                    found.append(Candidate(coin.start(), match.end(1), "", "stock", "block"))
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
            symbol = self.master.canonical(symbol)
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


def _marked_symbol(
    text: str,
    match: re.Match[str],
    marked: dict[str, tuple[str, str]],
    append: Callable[[Candidate], None],
) -> None:
    """The longest marked symbol a code after ``$``, ``(`` or ``<`` starts with (``C`` in
    ``<C.N>``), when it ends at a word end."""
    parts = _SEPARATORS.split(match.group())
    for n in range(len(parts), 0, -1):
        hit = marked.get(" ".join(parts[:n]))
        if hit is None:
            continue
        start = match.start()
        end = start + sum(map(len, parts[:n])) + n - 1
        after = text[end : end + 1]
        if not (after.isalnum() or after == "&"):
            append(Candidate(start, end, hit[0], hit[1], "ticker"))
        return


def _capitals(text: str, start: int, upper: tuple[int, ...]) -> bool:
    """Capital letters at every offset of ``upper``; a plain loop is cheaper than ``all()``
    over a generator here, and this runs for every hit of a multi-word alias."""
    for i in upper:  # noqa: SIM110
        if not text[start + i].isupper():
            return False
    return True


def _first_fit(
    text: str,
    start: int,
    entries: tuple[tuple[int | tuple[int, ...] | None, int], ...],
    aliases: tuple[Alias, ...],
) -> Alias | None:
    """The first alias of a key whose capitals the text has at ``start``."""
    for upper, alias_id in entries:
        # Most aliases need one capital, at their first letter.
        if upper == 0:
            if not text[start].isupper():
                continue
        elif upper is not None and not _capitals(text, start, upper):  # type: ignore[arg-type]
            continue
        return aliases[alias_id]
    return None


def _upper_check(upper: tuple[int, ...]) -> int | tuple[int, ...] | None:
    """The capitals rule in its cheapest form: 0 for "first letter", None for none."""
    if not upper:
        return None
    return 0 if upper == (0,) else upper


def _capitals_check(alias: Alias) -> int | tuple[Callable[[str], object], object] | None:
    """The capitals rule of a key's only alias in its cheapest form: 0 for "first letter",
    None for none, else a getter of the letters that must be capitals and what it must
    return (the text matched the alias in lower case, so capitals means equal)."""
    upper = _upper_check(alias.upper)
    if upper is None or upper == 0:
        return upper
    letters = tuple(alias.text[i] for i in upper)  # type: ignore[union-attr]
    return itemgetter(*upper), letters if len(letters) > 1 else letters[0]


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
        if len(ids) == 1:
            # One alias: its fields ride in the automaton, so a hit needs no lookup.
            alias = table[ids[0]]
            source = "block" if alias.strength == BLOCK else "name"
            upper = _capitals_check(alias)
            names.add_word(
                key, (len(key) - 2, upper, alias.symbol, alias.kind, source, alias, None)
            )
        else:
            entries = tuple((_upper_check(table[i].upper), i) for i in ids)
            names.add_word(key, (len(key) - 2, None, None, None, None, None, entries))
    symbols = ahocorasick.Automaton()
    marked: dict[str, tuple[str, str]] = {}
    for record in master:
        symbol = record.symbol
        if record.kind == "index":
            continue
        key = re.sub(r"[.\-/]", " ", symbol)
        if not key.strip():
            continue
        if len(symbol) < 2 or symbol in COMMON_SYMBOLS:
            marked.setdefault(key, (symbol, record.kind))
        elif not symbols.exists(f" {key} "):
            symbols.add_word(f" {key} ", (len(key), symbol, record.kind))
    for automaton in (names, cjk, symbols):
        if len(automaton):
            automaton.make_automaton()
    research = frozenset(a.symbol for a in table if a.research)
    one_word: dict[str, set[str]] = {}
    for alias in table:
        if alias.strength != BLOCK and " " not in alias.text and alias.text.isalpha():
            one_word.setdefault(alias.text.lower(), set()).add(alias.symbol)
    rival_first: dict[str, str] = {}
    for alias in table:
        word = first_word(alias.text) if alias.strength != BLOCK else None
        if word is not None and one_word.get(word.lower(), {alias.symbol}) != {alias.symbol}:
            rival_first[alias.text] = word
    return Linker(
        master,
        tuple(table),
        names,
        cjk,
        symbols,
        marked,
        research,
        rival_first,
    )


@functools.cache
def default_linker() -> Linker:
    """The linker over the built-in master plus the user's loaded securities, built once per
    process."""
    return build_linker(full_master())
