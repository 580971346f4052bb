"""The word gates in front of the costly boilerplate patterns must never change a verdict."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from whymove.clean import boilerplate
from whymove.clean.boilerplate import is_boilerplate, strip_boilerplate
from whymove.extract.lexicon_prefilter import fold, required_literals


@pytest.mark.parametrize("pattern", list(boilerplate._GATES), ids=lambda p: p.pattern[:30])
def test_every_match_holds_a_gate_word(pattern):
    # required_literals: one of these occurs in every match; each must hold a gate word.
    needed = required_literals(pattern)
    assert needed is not None
    words = boilerplate._GATES[pattern]
    missing = [literal for literal in needed if not any(word in literal for word in words)]
    assert not missing


def test_fold_is_the_same_as_the_extract_prefilters():
    for text in ("İnc", "ſubscribe", "KELVIN", "Sign UP", "ı"):
        assert boilerplate._fold(text) == fold(text)


def test_gated_lines_still_match():
    assert is_boilerplate("SIGN UP for our newsletter")
    assert is_boilerplate("ſign up for your free trial")
    assert is_boilerplate("© 2025 Example Media. All rights reserved.")
    assert is_boilerplate("Terms of Use | Privacy Policy | Contact Us")
    assert not is_boilerplate("Shares of Acme rose 5% after it raised its guidance for the year.")


_WORDS = st.sampled_from(
    "sign up subscribe newsletter you your our free trial click here © (c) 2024 all rights "
    "reserved not investment advice disclaimer: copyright privacy policy terms of use cookie "
    "contact us | • / shares rose 5% $3 million Acme said the company ſign SIGN İnbox K "
    "join now log in share this get the app Markets Earnings".split()
)
_LINES = st.lists(_WORDS | st.text(max_size=3), max_size=20).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINES, min_size=1, max_size=6))
def test_gates_never_change_a_verdict(lines):
    text = "\n".join(lines)
    fast = [is_boilerplate(line) for line in lines], strip_boilerplate(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(boilerplate, "_may_match", lambda folded, pattern: True)
        patch.setattr(boilerplate, "_is_separated_list", _separated_list_ungated)
        slow = [is_boilerplate(line) for line in lines], strip_boilerplate(text)
    assert fast == slow


def _separated_list_ungated(line: str) -> bool:
    items = [item for item in boilerplate._SEPARATORS.split(line) if item.strip()]
    if len(items) < 3:
        return False
    short = [i for i in items if len(i.split()) <= 4 and not boilerplate._MOVE.search(i)]
    end = boilerplate._SENTENCE_END.search(items[-1].rstrip(")"))
    return len(short) >= 0.8 * len(items) and not end
