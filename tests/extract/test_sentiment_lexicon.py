"""The finance lexicon: what each rule of reading does, on hand-written phrases."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from whymove.extract.lexicon import label, polarity_score, score_text, tokens
from whymove.extract.lexicon_words import build_table


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        # a direction pairs with what changes
        ("Operating profit rose to EUR 5 mn.", 1),
        ("The operating loss narrowed.", 1),
        ("Costs rose sharply.", -1),
        ("The company cut costs.", 1),
        ("The company cut its dividend.", -1),
        ("Analysts raised their price target.", 1),
        # removing a bad thing is good news
        ("The ban on exports was lifted.", 1),
        ("Washington lifted sanctions on the supplier.", 1),
        ("The court dismissed the lawsuit.", 1),
        # figures compared without a direction word
        ("Net sales totalled EUR 21 mn, up from EUR 18 mn.", 1),
        ("Profit was EUR 2 mn compared to EUR 9 mn a year earlier.", -1),
        ("It swung to a profit of EUR 3 mn compared with a loss of EUR 1 mn.", 1),
        # results against expectations outweigh the change itself
        ("Revenue rose 2%, slightly below the Street view.", -1),
        ("Earnings fell 3% but came in ahead of estimates.", 1),
        # ratings and advice
        ("Broker maintains buy on the stock.", 1),
        ("Sell the stock with a target of Rs 90.", -1),
        # negation
        ("The company did not raise its guidance.", -1),
        ("There were no layoffs.", 1),
    ],
)
def test_rules_of_reading(text: str, sign: int):
    value = score_text(text).value
    assert value * sign > 0, (text, value)


def test_neutral_descriptions_score_nothing():
    for text in (
        "The company is headquartered in Espoo, Finland.",
        "The report was published on Tuesday.",
        "It set up a unit with up to 40 staff.",
    ):
        assert label(score_text(text).value) == "neutral", text


def test_hedges_and_diminishers_weaken_a_cue():
    plain = score_text("Profit will fall.").value
    hedged = score_text("Profit may fall.").value
    slight = score_text("Profit fell slightly.").value
    sharp = score_text("Profit fell sharply.").value
    assert plain < hedged < 0
    assert sharp < slight < 0


def test_a_concession_counts_less_than_the_main_clause():
    text = "Despite weak sales, profit rose strongly."
    assert score_text(text).value > 0


def test_cue_spans_point_at_their_words():
    text = "Quarterly revenue beat estimates and the outlook was raised."
    for cue in score_text(text).cues:
        assert text[cue.start : cue.end].lower().split()[0] in cue.term.split()[0] or (
            cue.term.startswith("<")
        )


def test_the_subject_of_a_headline_can_move_itself():
    text = "Acme slumps 8% on weak demand"
    spans = [(0, 4)]
    assert score_text(text, subjects=spans).value < score_text(text).value < 0


def test_word_lists_are_lower_case_terms():
    table = build_table()
    assert len(table) > 1000
    for key, (cls, _) in table.items():
        assert all(word == word.lower() for word in key), key
        assert cls in {
            "val",
            "up",
            "upt",
            "down",
            "downt",
            "good",
            "bad",
            "none",
            "neg",
            "hedge",
            "intens",
            "dimin",
            "contrast",
            "concede",
        }


def test_tokens_keep_contractions_and_periods():
    assert tokens("It didn't hit a 52-week high") == ["it", "didn't", "hit", "a", "52-week", "high"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_scores_are_finite_and_spans_inside_on_any_text(text: str):
    result = score_text(text)
    assert -1.0 <= polarity_score(text) <= 1.0
    assert abs(result.value - sum(c.value for c in result.cues)) < 1e-6
    for cue in result.cues:
        assert 0 <= cue.start <= cue.end <= len(text)
