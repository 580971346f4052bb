"""Finding securities in text: one Aho-Corasick automaton over every alias and symbol.

Three scans, each one pass of a C automaton or a literal-prefixed search over the text:

1. names and symbols: every alias and every ticker, keys padded with spaces and matched
   against a same-length ASCII fold of the text (``fold``), so every hit is already
   word-bounded and no Python runs for the thousands of keys that do not occur. An alias
   checks its capitals per hit (its only alias rides in the automaton's value, so a hit costs
   no lookup); a symbol counts only where the text writes it in capitals (``BABA``, not
   ``Baba``). The same walk finds the phrases of site furniture (disclosures, promotions);
2. symbols that are English words or acronyms (AI, IT, ON): only after ``$``, ``(`` or
   ``<``, looked up from those marks alone;
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

from whymove.link.aliases import (
    BLOCK,
    Alias,
    alias_table,
    fold,
    has_cjk,
    may_have_cjk,
)
from whymove.link.automaton import KeyAutomaton
from whymove.link.context import EXCHANGE_TAG
from whymove.link.furniture import BOILERPLATE_PHRASES
from whymove.link.lexicon import ACRONYMS, COMMON_WORD_TICKERS
from whymove.link.master import SymbolMaster, full_master
from whymove.link.resolve import resolve
from whymove.link.tagnames import first_word
from whymove.link.tickers import explicit_ticker
from whymove.model import Mention

_NOT_EQUITY_TAG = re.compile(
    r"\b(?:CRYPTO|Crypto|CRYPTOCURRENCY|COIN|FX|FOREX|CURRENCY|COMMODITY|FUTURES)\s*$"
)
_TAG_ENDINGS = tuple(
    """NYSE American Arca MKT NYSEARCA NYSEAMERICAN NYSEMKT AMEX NASDAQ NASDAQGS NASDAQGM
    NASDAQCM Nasdaq NasdaqGS NasdaqGM NasdaqCM OTC OTCQX OTCQB OTCMKTS Markets BATS CBOE Cboe
    HKEX HKG SEHK HKSE SHA SSE SHE SZSE TYO TSE TSX TSXV LON LSE ETR XETRA FRA EPA AMS EBR BIT
    BME SWX SIX STO CPH HEL OSL KRX KOSDAQ KOSPI TPE TWSE TPEX ASX NSE BSE BOM SGX JSE BMV HK
    SH SZ CRYPTO Crypto CRYPTOCURRENCY COIN FX FOREX CURRENCY COMMODITY FUTURES""".split()
)
"""Last words of the exchange codes of ``EXCHANGE_TAG`` and of ``_NOT_EQUITY_TAG``."""
_NO_NAME = -1
"""The ``upper`` field of a key that is a symbol only, no alias."""
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
    names: KeyAutomaton[tuple]
    """Aliases, symbols and furniture phrases, folded and padded (see :func:`build_linker`)."""
    cjk: KeyAutomaton[Alias]
    marked: dict[str, tuple[str, str, str]]
    """Symbols that count only after ``$``, ``(`` or ``<`` (A, AI, ON): symbol, canonical
    symbol and kind by their key."""
    capital: bytes
    """Per key of ``names``: 1 when every reading of it (symbol or alias) needs a capital or a
    digit first, so a hit on a lower-case word is dropped before its value is read."""
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
        found: list[Candidate] = []
        if ":" in text:
            self._exchange_tags(text, found)
        phrases = self._names(text, found)
        self._tickers(text, found)
        return resolve(self, text, found, phrases)

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

    def _names(self, text: str, found: list[Candidate]) -> list[int]:
        """Name hits into ``found``; returns where phrases of site furniture start, which the
        same automaton finds for free (see :func:`whymove.link.furniture.boilerplate_line`)."""
        phrases: list[int] = []
        if len(self.names):
            folded = " " + fold(text) + " "
            # Hits arrive by end; one that contains the hit before it (``Alibaba Group
            # Holding`` after ``Alibaba``) replaces it, so nested aliases cost no object.
            hits: list[tuple[int, int, str, str, str, Alias]] = []
            append = hits.append
            aliases = self.aliases
            values = self.names.values
            last_start = -1
            # Keys are padded with a space: ``start`` in the padded text is the word's start
            # in ``text``, and ``end - 2`` its end.
            capital = self.capital
            for index, start, end in self.names.hits(folded):
                if capital[index] and text[start].islower():
                    continue  # "year", "target": every reading of the key needs a capital
                upper, symbol, kind, source, alias, entries, ticker = values[index]
                end -= 2
                if ticker is not None:
                    # A symbol counts in capitals only; most hits are lower-case words
                    # ("year", "time"), settled by their first letter.
                    if not text[start].islower():
                        token = text[start:end]
                        if token == token.upper():
                            self._ticker_hit(text, start, end, ticker, found)
                    if upper == _NO_NAME:
                        continue
                if upper == 0:  # most aliases need one capital, at their first letter
                    if not text[start].isupper():
                        continue
                elif source == "phrase":  # not padded: it starts one character earlier
                    if text.startswith(alias, start - 1):  # the same case as the listed phrase
                        phrases.append(start - 1)
                    continue
                elif entries is not None:  # several aliases fold to this key: first that fits
                    alias = _first_fit(text, start, entries, aliases)
                    if alias is None:
                        continue
                    symbol, kind = alias.symbol, alias.kind
                    source = "block" if alias.strength == BLOCK else "name"
                elif upper is not None and upper[0](text[start:end]) != upper[1]:
                    continue
                if start <= last_start:
                    hits.pop()
                    while hits and hits[-1][0] >= start:
                        hits.pop()
                append((start, end, symbol, kind, source, alias))
                last_start = start
            found.extend(starmap(Candidate, hits))
        if len(self.cjk) and may_have_cjk(text):
            # Chinese, Japanese and Korean names are not word-bounded: their own automaton
            # walks the raw text, only when it may hold such characters at all.
            cjk_aliases = self.cjk.values
            for index, start, end in self.cjk.hits(text):
                alias = cjk_aliases[index]
                found.append(Candidate(start, end, alias.symbol, alias.kind, "name", alias))
        return phrases

    def _ticker_hit(
        self, text: str, start: int, end: int, ticker: tuple[str, str, str, int], found: list
    ) -> None:
        """A symbol written in capitals (``BABA``, ``BRK.B``); its written form may make it
        explicit (``$BABA``, ``(BABA)``, ``AAPL.O``)."""
        symbol, canonical, kind, dotted = ticker
        if (start and text[start - 1] in "$(<") or dotted or text[end : end + 1] == ".":
            cand = Candidate(start, end, symbol, kind, "ticker")
            if explicit_ticker(text, cand):
                cand.source = "explicit"
            cand.symbol = canonical
            found.append(cand)
        else:
            found.append(Candidate(start, end, canonical, kind, "ticker"))

    def _tickers(self, text: str, found: list[Candidate]) -> None:
        """Symbols that are English words or acronyms (A, AI, IT, ON): they count only in an
        explicit form, ``$AI``, ``(AI)``, ``<C.N>``, so only those marks are looked at. The
        other symbols are found by the name scan (:meth:`_names`)."""
        marked = self.marked
        if not marked:
            return
        for mark in "($<":
            pos = text.find(mark)
            while pos >= 0:
                if text[pos + 1 : pos + 2].isupper():
                    match = _MARKED.match(text, pos + 1)
                    if match is not None:
                        self._marked_symbol(text, match, found)
                pos = text.find(mark, pos + 1)

    def _marked_symbol(self, text: str, match: re.Match[str], found: list[Candidate]) -> None:
        """The longest marked symbol a code after ``$``, ``(`` or ``<`` starts with (``C`` in
        ``<C.N>``), when it ends at a word end."""
        parts = _SEPARATORS.split(match.group())
        for n in range(len(parts), 0, -1):
            hit = self.marked.get(" ".join(parts[:n]))
            if hit is None:
                continue
            start = match.start()
            end = start + sum(map(len, parts[:n])) + n - 1
            after = text[end : end + 1]
            if not (after.isalnum() or after == "&"):
                symbol, canonical, kind = hit
                cand = Candidate(start, end, symbol, kind, "ticker")
                if explicit_ticker(text, cand):
                    cand.source = "explicit"
                cand.symbol = canonical
                found.append(cand)
            return

    def _exchange_tags(self, text: str, found: list[Candidate]) -> None:
        for match in _TAG_SYMBOL.finditer(text):
            colon = match.start()
            end = colon
            while end and text[end - 1].isspace():
                end -= 1
            # Every exchange code ends in one of a few words: test that before any search.
            if not text.endswith(_TAG_ENDINGS, max(0, end - 16), end):
                continue
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
    positions = alias.upper
    letters = tuple(alias.text[i] for i in positions)
    return itemgetter(*positions), letters if len(letters) > 1 else letters[0]


def _needs_capital(value: tuple, table: list[Alias]) -> bool:
    """Whether every reading of a key's ``value`` fails on a word written in lower case:
    a symbol counts in capitals only, and most aliases need a capital first letter."""
    upper, _, _, source, alias, entries, _ = value
    if source == "phrase":
        return False
    if entries is not None:
        return all(0 in table[i].upper for _, i in entries)
    return upper == _NO_NAME or (alias is not None and 0 in alias.upper)


def build_linker(master: SymbolMaster) -> Linker:
    """Build the alias and ticker automata over every name and symbol of ``master``."""
    table = alias_table(master)
    keys: dict[str, tuple] = {}
    cjk: dict[str, Alias] = {}
    grouped: dict[str, list[int]] = {}
    for index, alias in enumerate(table):
        if has_cjk(alias.text):
            if alias.strength != BLOCK:
                cjk.setdefault(alias.text, alias)
            continue
        key = fold(alias.text)
        if not key.strip() or len(key) != len(alias.text):
            continue
        grouped.setdefault(f" {key} ", []).append(index)
    # Symbols share the walk: a key " brk b " finds BRK.B wherever the text writes it in
    # capitals. The English-word symbols (A, AI, ON) are looked up from their marks instead.
    tickers: dict[str, tuple[str, str, str, int]] = {}
    marked: dict[str, tuple[str, str, str]] = {}
    canonical = master.canonical_table()
    for record in master:
        symbol = record.symbol
        if record.kind == "index" or symbol != symbol.upper():
            continue
        spaced = re.sub(r"[.\-/]", " ", symbol)
        if not spaced.strip():
            continue
        best = canonical.get(symbol, symbol)
        if len(symbol) < 2 or symbol in COMMON_SYMBOLS:
            marked.setdefault(spaced, (symbol, best, record.kind))
        else:
            dotted = int("." in symbol or symbol[:1].isdigit())
            tickers.setdefault(f" {fold(spaced)} ", (symbol, best, record.kind, dotted))
    for key in grouped.keys() | tickers.keys():
        ids = grouped.get(key)
        ticker = tickers.get(key)
        if ids is None:
            keys[key] = (_NO_NAME, None, None, None, None, None, ticker)
        elif len(ids) == 1:
            # One alias: its fields ride in the automaton, so a hit needs no lookup.
            alias = table[ids[0]]
            source = "block" if alias.strength == BLOCK else "name"
            upper = _capitals_check(alias)
            keys[key] = (upper, alias.symbol, alias.kind, source, alias, None, ticker)
        else:
            entries = tuple((_upper_check(table[i].upper), i) for i in ids)
            keys[key] = (None, None, None, None, None, entries, ticker)
    for phrase in BOILERPLATE_PHRASES:
        key = fold(phrase)
        if phrase.isascii():
            # Not word-bounded: "ll rights reserved" is found inside "All rights reserved".
            keys.setdefault(key, (None, None, None, "phrase", phrase, None, None))
    names = KeyAutomaton(dict(sorted(keys.items())))
    capital = bytes(_needs_capital(value, table) for value in names.values)
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
        KeyAutomaton(cjk),
        marked,
        capital,
        research,
        rival_first,
    )


@functools.cache
def default_linker() -> Linker:
    """The linker over the built-in master plus the user's loaded securities, built once per
    process."""
    return build_linker(full_master())
