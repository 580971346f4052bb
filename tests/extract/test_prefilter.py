"""The literal prefilters must never change an answer: they only skip work that finds nothing."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from whymove.extract import (
    catalyst_clauses,
    catalyst_polarity,
    catalyst_subject,
    lexicon_rules,
)
from whymove.extract import catalysts as catalysts_module
from whymove.extract.catalyst_cues import cues
from whymove.extract.catalyst_text import catalysts_in_text
from whymove.extract.lexicon import score_text
from whymove.extract.lexicon_prefilter import (
    Gated,
    Prefilter,
    blank_safe,
    fold,
    gated,
    required_literals,
)

# --- what the parse tree says a match needs -------------------------------------------------


def test_a_word_needs_itself():
    assert required_literals(r"\bguidance\b") == {"guidance"}


def test_alternatives_multiply_out_with_what_follows():
    assert required_literals(r"(?:beat|topped) estimates") == {"beat estimates", "topped estimates"}


def test_an_optional_suffix_gives_both_forms():
    assert required_literals(r"forecasts?") == {"forecast", "forecasts"}


def test_literals_are_lower_case_for_case_insensitive_patterns():
    assert required_literals(re.compile(r"\bNet Loss\b", re.I)) == {"net loss"}


def test_a_pattern_of_word_classes_needs_nothing_known():
    assert required_literals(r"\w+\s\d+") is None


def test_an_optional_group_alone_needs_nothing():
    assert required_literals(r"(?:profit)?") is None


def test_the_longest_needed_part_is_kept():
    # Both "cut" and "guidance" are needed; the longer one is the more selective.
    assert required_literals(r"\bcut\w* (?:\w+ ){0,3}guidance") == {"guidance"}


def test_prefilter_lists_only_patterns_whose_words_occur():
    pre = Prefilter.build([r"\bguidance\b", r"(?:beat|topped) estimates", r"\w+"])
    assert pre.candidates("It TOPPED estimates") == {1, 2}
    assert pre.candidates("no cue here") == {2}


def test_fold_maps_the_letters_re_equates_with_ascii():
    assert fold("İnc ſales KELVIN") == "inc sales kelvin"
    assert len(fold("İİ")) == 2


def test_fold_knows_every_character_re_equates_with_an_ascii_letter():
    # Scan all of Unicode once: anything re.IGNORECASE matches to [a-z] must fold to ASCII.
    chars = "".join(chr(c) for c in range(0x80, sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    found = set(re.compile("[a-z]", re.I).findall(chars))
    assert all(fold(c).isascii() and fold(c).isalpha() for c in found), found


# --- the gated patterns answer exactly like the plain ones ----------------------------------


def _gated_patterns() -> list[Gated]:
    modules = (catalyst_clauses, catalyst_polarity, catalyst_subject, lexicon_rules)
    return [v for m in modules for v in vars(m).values() if isinstance(v, Gated)]


_PIECES = st.sampled_from(
    "shares rose fell SHARES Rose after amid despite as such as well the company its stock "
    "estimates forecast beat ahead of below above from to compared versus vs 5% 12.5 $3 "
    "rival rivals cheaper failed recall peer risk could may might headwinds upcoming due next "
    "will report not never won't record strong weak ſhares rıval İTS Kelvin K risks ; , . ( ) - "
    "investor sentiment rally sell-off boost lift for acme".split()
)
_TEXTS = st.lists(_PIECES | st.text(max_size=4), max_size=30).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_gated_patterns_answer_as_the_plain_ones(text):
    for pattern in _gated_patterns():
        plain = pattern.pattern
        spans = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in pattern.finditer(text)] == spans
        assert bool(pattern.search(text)) == bool(plain.search(text))
        assert bool(pattern.match(text)) == bool(plain.match(text))


def test_gated_needs_its_words():
    pattern = gated(r"\b(?:rivals?|competitors?)\b", re.I)
    assert not pattern.possible("the company raised its outlook")
    assert pattern.search("A RIVAL cut prices").group(0) == "RIVAL"


# --- the cue prefilters keep every cue a clause holds -----------------------------------------


_CUE_WORDS = st.sampled_from(
    [
        word
        for cue in cues()
        for literal in sorted(required_literals(cue.pattern) or ())[:2]
        for word in (literal, literal.upper(), literal.title())
    ]
    + "Acme shares rose fell after as despite , . ; ( ) (see) approval by( net(x) the".split()
)
_CUE_TEXTS = st.lists(_CUE_WORDS | st.text(max_size=3), min_size=1, max_size=25).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(_CUE_TEXTS, st.booleans())
def test_cue_prefilters_never_change_the_catalysts(text, cut_brackets):
    if cut_brackets:
        text = text.replace("( ", "(").replace(" )", ")")
    fast = catalysts_in_text(text, "Acme")
    with pytest.MonkeyPatch.context() as patch:
        # Without prefilters every cue is searched in every clause of every sentence.
        everything = Prefilter.from_literals(None for _ in cues())
        patch.setattr(catalysts_module, "cue_filter", lambda: everything)
        patch.setattr(catalysts_module, "sentence_filter", lambda: everything)
        slow = catalysts_in_text(text, "Acme")
    assert fast == slow


def test_the_sentence_filter_ignores_spaces_that_blanking_makes():
    # "approval by(...)" becomes "approval by     " once the aside is blanked: the sentence
    # filter must not rule that clause out for want of "approval by ".
    literals = blank_safe(frozenset({"approval by ", "net  loss"}))
    assert literals == {"approval by", "loss"}
    assert blank_safe(frozenset({"x", "  "})) is None


# --- scoring a piece of a text is scoring the piece ----------------------------------------


@settings(max_examples=150, deadline=None)
@given(_TEXTS, st.integers(0, 40), st.integers(0, 40))
def test_score_of_a_span_is_the_score_of_its_text_moved(text, a, b):
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    here = score_text(text, start, end)
    alone = score_text(text[start:end])
    assert here.value == alone.value
    assert [(c.start - start, c.end - start, c.value, c.term) for c in here.cues] == [
        (c.start, c.end, c.value, c.term) for c in alone.cues
    ]
