"""Tokens and lexicon terms: the units the finance scorer of :mod:`lexicon` works on.

Text is tokenised with character offsets, then merged left to right into the longest terms of
the word lists ("beat estimates", "net loss", "52-week high"), so every cue keeps its span.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from whymove.extract.lexicon_words import Entry, build_table

DIRECTIONS = frozenset({"up", "upt", "down", "downt"})
NOUNS = frozenset({"good", "bad"})
CLAUSE_PUNCT = frozenset(';:.!?()[]—–"')
_TOKEN = re.compile(
    r"n't|'s\b|[A-Za-z]+(?:[-'][A-Za-z0-9]+)*|\d+(?:[.,]\d+)*(?:-[A-Za-z]+)*|[^\sA-Za-z\d]",
)

# "52-week", "3-yr", "9-month": a period, so "52-week high" is one term.
_PERIOD = re.compile(r"(?:\d+|multi)-(?:year|yr|month|mth|week|wk|day|session|decade)s?$")

_QUOTES = frozenset({"'", '"', "`", "“", "”"})

NUMBER_WORDS = frozenset(
    "% mn m million bn billion pc pct percent per cent bps crore cr lakh trillion tn".split()
)


class Unit(NamedTuple):
    """One word or lexicon term of the scored text.

    A named tuple rather than a frozen dataclass: one is made per token of every sentence
    scored, and a tuple is made several times faster.
    """

    key: tuple[str, ...]
    start: int
    end: int
    cls: str | None
    weight: float


def tokens(text: str) -> list[str]:
    """Lower-case word tokens (apostrophes normalised)."""
    return [m.group(0) for m in _TOKEN.finditer(normalise(text).lower())]


def normalise(text: str) -> str:
    # Same length as the input, so spans found in it are spans of the original.
    return text.replace("’", "'").replace("‘", "'")


def units(text: str, offset: int = 0) -> list[Unit]:
    """Tokens of ``text`` merged into the longest lexicon terms, left to right."""
    found = _units(text)
    if not offset:
        return list(found)
    return [Unit(u.key, u.start + offset, u.end + offset, u.cls, u.weight) for u in found]


# Builds a Unit without the keyword-handling __new__ of named tuples: one per token.
_new = tuple.__new__


@functools.lru_cache(maxsize=2048)
def _units(text: str) -> tuple[Unit, ...]:
    """The units of ``text`` at offset 0, memoised by text.

    The same text is often scored more than once with different subject spans (a clause by
    catalysts, then as a sentence by sentiment): it is tokenised once. Units are immutable,
    so sharing them is safe.
    """
    table, heads = _index()
    plain = normalise(text)
    # Lower-casing the whole text keeps offsets only when no character changes length.
    folded = plain.lower() if plain.isascii() else None
    words: list[str] = []
    spans: list[tuple[int, int]] = []
    # Tokens are separated by white space only (every other character starts a token), so
    # each token starts at its first occurrence after the previous one.
    end = 0
    for token in _TOKEN.findall(plain):
        start = plain.find(token, end)
        end = start + len(token)
        if token in _QUOTES:
            continue  # quote marks carry no polarity and would split terms ("a 'sell' rating")
        word = folded[start:end] if folded is not None else token.lower()
        if "-" in word and _PERIOD.match(word):
            word = "<period>"
        words.append(word)
        spans.append((start, end))
    out: list[Unit] = []
    count = len(words)
    i = 0
    while i < count:
        word = words[i]
        head = heads.get(word)
        if head is None:  # most words: in no term of the word lists
            a, b = spans[i]
            out.append(_new(Unit, ((word,), a, b, None, 0.0)))
            i += 1
            continue
        limit, entry = head
        size = 1
        # Only as many words ahead as the longest term starting with this word.
        for length in range(min(limit, count - i), 1, -1):
            found = table.get(tuple(words[i : i + length]))
            if found is not None:
                entry, size = found, length
                break
        key = (word,) if size == 1 else tuple(words[i : i + size])
        cls, weight = entry if entry else (None, 0.0)
        out.append(_new(Unit, (key, spans[i][0], spans[i + size - 1][1], cls, weight)))
        i += size
    return tuple(out)


@functools.cache
def _index() -> tuple[dict[tuple[str, ...], Entry], dict[str, tuple[int, Entry | None]]]:
    """The term table and, per first word of a term, the length of the longest term it
    starts and its own entry as a one-word term."""
    table = build_table()
    longest: dict[str, int] = {}
    for key in table:
        longest[key[0]] = max(longest.get(key[0], 0), len(key))
    heads = {word: (size, table.get((word,))) for word, size in longest.items()}
    return table, heads


def is_number(unit: Unit) -> bool:
    return unit.key[0][:1].isdigit() or unit.key[0] in NUMBER_WORDS
