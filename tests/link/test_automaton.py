"""The pickling Aho-Corasick wrapper the linker walks every article with."""

from __future__ import annotations

import pickle

from hypothesis import given
from hypothesis import strategies as st

from whymove.link.automaton import KeyAutomaton


def test_reports_overlapping_hits_by_end_longest_first() -> None:
    automaton = KeyAutomaton({" alibaba group ": 1, " group ": 2, " alibaba ": 3})
    text = " alibaba group "
    hits = [(automaton.values[i], start, end) for i, start, end in automaton.hits(text)]
    # " alibaba " ends first; at the last space both " alibaba group " and " group " end,
    # the longer first.
    assert hits == [(3, 0, 9), (1, 0, 15), (2, 8, 15)]


def test_character_offsets_in_non_ascii_text() -> None:
    automaton = KeyAutomaton({"海力士": "hynix"})
    text = "“SK海力士”"
    [(index, start, end)] = automaton.hits(text)
    assert text[start:end] == "海力士"
    assert automaton.values[index] == "hynix"


def test_empty_automaton_finds_nothing() -> None:
    automaton: KeyAutomaton[int] = KeyAutomaton({})
    assert len(automaton) == 0
    assert automaton.hits("anything") == []


def test_pickles_and_finds_the_same() -> None:
    automaton = KeyAutomaton({" baba ": "BABA", " nio ": "NIO"})
    copy = pickle.loads(pickle.dumps(automaton))
    text = " baba and nio "
    assert copy.hits(text) == automaton.hits(text)
    assert copy.values == automaton.values


@given(
    st.dictionaries(st.text("abc ", min_size=1, max_size=4), st.integers(), max_size=8),
    st.text("abc ", max_size=40),
)
def test_every_occurrence_of_every_key(keys: dict[str, int], text: str) -> None:
    automaton = KeyAutomaton(keys)
    found = sorted((automaton.values[i], start) for i, start, _ in automaton.hits(text))
    expected = sorted(
        (value, start)
        for key, value in keys.items()
        for start in range(len(text))
        if text.startswith(key, start)
    )
    assert found == expected
