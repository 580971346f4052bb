"""Which of many regular expressions can match a text, found in one pass.

Testing a clause against each of the 165 cue patterns one by one costs 165 regex searches,
nearly all of them fruitless. Every pattern, though, needs some literal text to match: "raised
its guidance" cannot match a clause without "guidance", "outlook" or "forecast". We read those
required literals off each pattern's parse tree (the idea of RE2's and Google Code Search's
prefilters), put all of them in one Aho-Corasick automaton, and scan a text once: only the
patterns whose literals occur are searched. The answer is exact, not a heuristic: a pattern
whose literals are absent cannot match, and a pattern we cannot read is always searched.

Example:
    >>> pre = Prefilter.build([r"\\bguidance\\b", r"(?:beat|topped) estimates", r"\\w+"])
    >>> sorted(pre.candidates("it topped estimates"))
    [1, 2]
"""

from __future__ import annotations

import re

# The parser behind re.compile: private, but the public sre_parse alias warns as deprecated.
import re._constants as sre  # type: ignore[import-not-found]
import re._parser as sre_parse  # type: ignore[import-not-found]
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import ahocorasick

_MAX_EXACT = 256
"""Largest set of strings a sub-pattern is expanded to before we keep only what it needs."""

_Strings = frozenset[str]


@dataclass(frozen=True, slots=True)
class _Info:
    """What a sub-pattern tells about its matches.

    ``exact``: every string it can match, when few enough to list (``{""}`` for zero-width
    assertions); ``need``: strings one of which each match contains, or None if unknown.
    """

    exact: _Strings | None
    need: _Strings | None


_UNKNOWN = _Info(None, None)
_EMPTY = _Info(frozenset({""}), None)


# Characters that case-insensitive matching equates with an ASCII letter, besides A-Z: "ſ"
# matches "s", and str.lower() would turn "İ" into two characters. (tests/extract check
# this list against the re module.)
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "K": "k"})
_SPECIAL = "İıſK"


def fold(text: str) -> str:
    """``text`` in the form literals are looked up in: lower case, with the letters above."""
    if text.isascii() or not any(c in text for c in _SPECIAL):
        return text.lower()
    return text.translate(_FOLD).lower()


def required_literals(pattern: str | re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which occurs in every match of ``pattern`` in folded text (see
    :func:`fold`); None when we cannot tell, so the pattern must always be searched.

    Literals are lower-cased, so they hold for case-sensitive and case-insensitive patterns
    alike (a case-sensitive pattern may then be searched in vain, never skipped wrongly).
    A literal with a cased letter outside ASCII is not used: its case variants are many.
    """
    source = pattern.pattern if isinstance(pattern, re.Pattern) else pattern
    flags = pattern.flags if isinstance(pattern, re.Pattern) else 0
    try:
        tree = sre_parse.parse(source, flags)
    except (re.error, RecursionError):
        return None
    info = _sequence(list(tree))
    found = _usable(info.need) or _usable(info.exact)
    if found is None:
        return None
    lowered = frozenset(literal.lower() for literal in found)
    if any(not c.isascii() and c.lower() != c.upper() for lit in lowered for c in lit):
        return None
    return lowered


def blank_safe(literals: frozenset[str] | None) -> frozenset[str] | None:
    """Literals that still occur in the original when runs of spaces were put in for spans of
    the text (asides in brackets blanked out, say): each trimmed of edge spaces and cut at
    double spaces, since only spaces are added and the runs are at least two long.

    Example:
        >>> sorted(blank_safe(frozenset({"approval by ", "net  loss"})))
        ['approval by', 'loss']
    """
    if literals is None:
        return None
    out = set()
    for literal in literals:
        core = max((part.strip(" ") for part in literal.split("  ")), key=len)
        if not core:
            return None
        out.add(core)
    return frozenset(out)


def _usable(strings: _Strings | None) -> _Strings | None:
    if not strings or "" in strings:
        return None
    return strings


def _better(a: _Strings | None, b: _Strings | None) -> _Strings | None:
    """The more selective of two need sets: longer shortest string, then fewer strings."""
    a, b = _usable(a), _usable(b)
    if a is None or b is None:
        return a or b
    key_a = (min(map(len, a)), -len(a))
    key_b = (min(map(len, b)), -len(b))
    return a if key_a >= key_b else b


def _sequence(items: list[tuple[Any, Any]]) -> _Info:
    """A concatenation: runs of listable parts multiply out; any part's need is the whole's."""
    run: _Strings = frozenset({""})
    need: _Strings | None = None
    closed = True
    for item in items:
        info = _node(item)
        if info.exact is not None:
            product = frozenset(a + b for a in run for b in info.exact)
            if len(product) <= _MAX_EXACT:
                run = product
                continue
            need, run, closed = _better(need, run), info.exact, False
            continue
        # A part of unlistable matches closes the run of listed strings before it.
        need = _better(_better(need, run), info.need)
        run, closed = frozenset({""}), False
    return _Info(run if closed else None, _better(need, run))


def _node(item: tuple[Any, Any]) -> _Info:
    op, arg = item
    if op is sre.LITERAL:
        return _Info(frozenset({chr(arg)}), None)
    if op is sre.IN:
        return _in(arg)
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return _EMPTY
    if op is sre.SUBPATTERN:
        _, add_flags, del_flags, sub = arg
        if (add_flags | del_flags) & sre.SRE_FLAG_IGNORECASE:
            return _UNKNOWN
        return _sequence(list(sub))
    if op is sre.BRANCH:
        infos = [_sequence(list(alt)) for alt in arg[1]]
        exact = None
        if all(i.exact is not None for i in infos):
            union = frozenset().union(*(i.exact for i in infos if i.exact is not None))
            exact = union if len(union) <= _MAX_EXACT else None
        needs = [_usable(i.need) or _usable(i.exact) for i in infos]
        need = None if any(n is None for n in needs) else frozenset().union(*needs)  # type: ignore[arg-type]
        return _Info(exact, need)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, sub = arg
        info = _sequence(list(sub))
        if low == 0:
            if high == 1 and info.exact is not None:
                return _Info(info.exact | {""}, None)
            return _Info(None, None)
        need = _usable(info.need) or _usable(info.exact)
        if low == high == 1:
            return _Info(info.exact, need)
        return _Info(None, need)
    if op is sre.ATOMIC_GROUP:
        return _sequence(list(arg))
    return _UNKNOWN


def _in(items: list[tuple[Any, Any]]) -> _Info:
    """A character class: its characters when it lists a few of them."""
    chars: set[str] = set()
    for op, arg in items:
        if op is sre.LITERAL:
            chars.add(chr(arg))
        elif op is sre.RANGE and arg[1] - arg[0] < 32:
            chars.update(chr(c) for c in range(arg[0], arg[1] + 1))
        else:
            return _UNKNOWN  # a category (\w, \d), a negation or a wide range
    return _Info(frozenset(chars), None)


class Prefilter:
    """An automaton of the literals of many patterns, answering which patterns can match."""

    __slots__ = ("_always", "_automaton")

    def __init__(self, automaton: ahocorasick.Automaton | None, always: frozenset[int]) -> None:
        self._automaton = automaton
        self._always = always

    @classmethod
    def build(cls, patterns: Iterable[str | re.Pattern[str]]) -> Prefilter:
        """Read each pattern's required literals and index them (once per process)."""
        return cls.from_literals(required_literals(pattern) for pattern in patterns)

    @classmethod
    def from_literals(cls, literal_sets: Iterable[frozenset[str] | None]) -> Prefilter:
        """Index given literals: one set per pattern (a match contains one of them), or None
        for a pattern that must always be searched."""
        owners: dict[str, set[int]] = {}
        always: set[int] = set()
        for index, literals in enumerate(literal_sets):
            if literals is None:
                always.add(index)
                continue
            for literal in literals:
                owners.setdefault(literal, set()).add(index)
        automaton = None
        if owners:
            automaton = ahocorasick.Automaton()
            for literal, indexes in owners.items():
                automaton.add_word(literal, frozenset(indexes))
            automaton.make_automaton()
        return cls(automaton, frozenset(always))

    def candidates(self, text: str) -> set[int]:
        """Indexes of the patterns that may match ``text``; the others surely do not."""
        found = set(self._always)
        if self._automaton is not None:
            for _, indexes in self._automaton.iter(fold(text)):
                found |= indexes
        return found

    def any_possible(self, text: str) -> bool:
        """Whether any of the patterns may match ``text`` (False: surely none does)."""
        if self._always:
            return True
        return (
            self._automaton is not None and next(self._automaton.iter(fold(text)), None) is not None
        )


class Gated:
    """A compiled pattern behind a check of its required literals, with the same answers.

    ``search``, ``match`` and ``finditer`` return what the pattern's own would; a text that
    lacks every literal the pattern needs is answered without running the regex engine,
    which for an alternation of many case-insensitive words is most of the cost.
    """

    __slots__ = ("_automaton", "_literals", "pattern")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        literals = required_literals(pattern)
        self._literals = tuple(sorted(literals, key=len, reverse=True)) if literals else None
        self._automaton = None
        if literals and len(literals) > 6:
            self._automaton = ahocorasick.Automaton()
            for literal in literals:
                self._automaton.add_word(literal, literal)
            self._automaton.make_automaton()

    def possible(self, text: str) -> bool:
        """False only when the pattern surely cannot match ``text``."""
        if self._literals is None:
            return True
        folded = fold(text)
        if self._automaton is not None:
            return next(self._automaton.iter(folded), None) is not None
        return any(literal in folded for literal in self._literals)

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text) if self.possible(text) else None

    def match(self, text: str) -> re.Match[str] | None:
        return self.pattern.match(text) if self.possible(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text) if self.possible(text) else iter(())

    def findall(self, text: str) -> list[Any]:
        return self.pattern.findall(text) if self.possible(text) else []


def gated(pattern: str, flags: int = 0) -> Gated:
    """``re.compile(pattern, flags)`` behind a literal check (see :class:`Gated`)."""
    return Gated(re.compile(pattern, flags))
