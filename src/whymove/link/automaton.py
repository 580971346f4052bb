"""An Aho-Corasick automaton over string keys, each carrying a value, that pickles.

The linker walks every article through one automaton of tens of thousands of aliases and
symbols; that walk is the largest single cost of linking. ``ahocorasick_rs`` (Rust's
``aho-corasick`` crate) walks about a quarter faster than ``pyahocorasick`` over the same keys
and reports the same overlapping matches in the same order (ends ascending, longest first at
one end), but its automata do not pickle: this wrapper keeps the keys and values and rebuilds
the automaton when unpickled, so process pools and Dask workers still receive a ready linker.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Generic, TypeVar

import ahocorasick_rs

V = TypeVar("V")


class KeyAutomaton(Generic[V]):
    """Every occurrence of every key in a text, overlapping ones included, with its value."""

    __slots__ = ("_find", "_keys", "_values")

    def __init__(self, items: Mapping[str, V]) -> None:
        self._keys = [key for key in items if key]
        self._values = [items[key] for key in self._keys]
        self._build()

    def _build(self) -> None:
        if not self._keys:
            self._find = None
            return
        automaton = ahocorasick_rs.AhoCorasick(
            self._keys, implementation=ahocorasick_rs.Implementation.ContiguousNFA
        )
        self._find = automaton.find_matches_as_indexes

    def hits(self, text: str) -> list[tuple[int, int, int]]:
        """``(key index, start, end)`` of every occurrence, by end then longest first; the
        key's value is ``values[index]`` (a list lookup beats building pairs per hit)."""
        if self._find is None:
            return []
        return self._find(text, overlapping=True)

    @property
    def values(self) -> list[V]:
        return self._values

    def __len__(self) -> int:
        return len(self._keys)

    def __getstate__(self) -> tuple[list[str], list[V]]:
        return self._keys, self._values

    def __setstate__(self, state: tuple[list[str], list[V]]) -> None:
        self._keys, self._values = state
        self._build()
