"""Tokens and lexicon terms: the units the finance scorer of :mod:`lexicon` works on.

Text is tokenised with character offsets, then merged left to right into the longest terms of
the word lists ("beat estimates", "net loss", "52-week high"), so every cue keeps its span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from whymove.extract.lexicon_words import Entry, build_table, max_phrase_length

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


@dataclass(frozen=True, slots=True)
class Unit:
    """One word or lexicon term of the scored text."""

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
    table = build_table()
    longest = max_phrase_length()
    # Quote marks carry no polarity and would split terms ("a 'sell' rating").
    matches = [m for m in _TOKEN.finditer(normalise(text)) if m.group(0) not in _QUOTES]
    words = [m.group(0).lower() for m in matches]
    words = ["<period>" if _PERIOD.match(w) else w for w in words]
    out: list[Unit] = []
    i = 0
    while i < len(words):
        entry: Entry | None = None
        size = 1
        for length in range(min(longest, len(words) - i), 0, -1):
            found = table.get(tuple(words[i : i + length]))
            if found is not None:
                entry, size = found, length
                break
        start = matches[i].start() + offset
        end = matches[i + size - 1].end() + offset
        cls, weight = entry if entry else (None, 0.0)
        out.append(Unit(tuple(words[i : i + size]), start, end, cls, weight))
        i += size
    return out


def is_number(unit: Unit) -> bool:
    return unit.key[0][:1].isdigit() or unit.key[0] in NUMBER_WORDS
