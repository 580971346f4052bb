"""Sentiment: sentences, entities within a sentence, securities and articles."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from whymove.extract.sentiment import (
    SENTENCE_THRESHOLD,
    SENTIMENT,
    entity_sentiment,
    sentence_sentiment,
)
from whymove.pipeline import analyze

# Hand-written sentences and the label an investor would give them.
SENTENCES = [
    ("Net sales rose 12% to EUR 84 mn and the operating loss narrowed.", "positive"),
    ("Operating profit fell to EUR 3.1 mn from EUR 7.9 mn a year earlier.", "negative"),
    ("The company employs about 1,200 people in Finland and Sweden.", "neutral"),
    ("The group will publish its interim report on 12 August.", "neutral"),
    ("Quarterly earnings beat analysts' estimates and the dividend was raised.", "positive"),
    ("The retailer cut its annual profit forecast, citing weak demand.", "negative"),
    ("Costs increased sharply, squeezing margins.", "negative"),
    ("Raw material costs declined, which supported the gross margin.", "positive"),
    ("The company swung to a net profit of EUR 2 mn from a loss of EUR 5 mn.", "positive"),
    ("Orders received grew by 30% in the third quarter.", "positive"),
    ("The plant will be closed and 150 jobs will be cut.", "negative"),
    ("The new factory is located in Oulu and covers 20,000 square meters.", "neutral"),
    ("Shares slumped after the lender reported a surge in bad loans.", "negative"),
    ("Analysts upgraded the stock to buy, citing strong cash flow.", "positive"),
    ("Revenue rose 4% but came in below the consensus estimate.", "negative"),
    ("Export restrictions on the company's chips were lifted.", "positive"),
    ("Regulators opened a probe into the bank's lending practices.", "negative"),
    ("The annual general meeting will be held in Helsinki on Tuesday.", "neutral"),
    ("Pre-tax loss widened to EUR 9 mn.", "negative"),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_sentence_labels(text: str, expected: str):
    label, score = sentence_sentiment(text)
    assert label == expected, (text, score)


ENTITIES = [
    ("Copper rallies on strong Chinese demand; zinc slips", "Copper", "positive"),
    ("Copper rallies on strong Chinese demand; zinc slips", "zinc", "negative"),
    ("Acme Bank rises 4% while Delta Bank falls 3% on loan worries", "Acme Bank", "positive"),
    ("Acme Bank rises 4% while Delta Bank falls 3% on loan worries", "Delta Bank", "negative"),
    ("Nordex downgrades Acme Steel to sell", "Acme Steel", "negative"),
    ("Nordex downgrades Acme Steel to sell", "Nordex", "neutral"),
    ("Sell Acme Mining with a target of Rs 120: broker", "Acme Mining", "negative"),
    ("Acme Power, Delta Power end higher after upbeat demand data", "Acme Power", "positive"),
]


@pytest.mark.parametrize(("text", "entity", "expected"), ENTITIES)
def test_entity_labels(text: str, entity: str, expected: str):
    assert entity_sentiment(text, entity)[0] == expected


def test_an_entity_not_in_the_text_gets_the_sentence_label():
    text = "Profit more than doubled in the quarter."
    assert entity_sentiment(text, "Zorblax") == sentence_sentiment(text)


# --- article level -------------------------------------------------------------------------


DOWN = (
    "Corvex Systems Inc. (NASDAQ: CRVX) shares fell 9% on Tuesday after the company cut its "
    "annual forecast.\n"
    "The software maker said customers delayed orders.\n"
    "Rival Stellan Software (NASDAQ: STLN) rose 2%."
)


def test_the_article_is_negative_when_its_subject_falls():
    article = analyze(DOWN, "2025-03-05").article
    overall = next(s for s in article.sentiments if s.ticker is None)
    assert overall.label == "negative"
    primary = next(s for s in article.securities if s.primary)
    assert next(s for s in article.sentiments if s.ticker == primary.ticker).label == "negative"
    assert overall.spans
    for start, end in overall.spans:
        assert 0 <= start < end <= len(article.text)
    # The strongest sentence is the one with the stated fall.
    first = article.text[overall.spans[0][0] : overall.spans[0][1]]
    assert "fell 9%" in first
    assert f"{SENTIMENT.name}.v{SENTIMENT.version}" in article.versions


def test_each_linked_security_gets_its_own_sentiment():
    article = analyze(DOWN, "2025-03-05").article
    tickers = {s.ticker for s in article.securities if s.kind != "index"}
    assert {s.ticker for s in article.sentiments if s.ticker} == tickers


def test_an_article_with_no_security_still_has_a_tone():
    article = analyze("Profits collapsed and the outlook was cut.", "2025-03-05").article
    overall = next(s for s in article.sentiments if s.ticker is None)
    assert overall.label == "negative"


# --- properties ----------------------------------------------------------------------------

GOOD = ["profit", "revenue", "sales", "orders", "margin", "dividend"]
BAD = ["loss", "costs", "debt", "losses", "expenses"]
UP = ["rose", "increased", "grew", "jumped", "climbed"]
DOWN_VERBS = ["fell", "decreased", "declined", "dropped", "shrank"]


@settings(max_examples=80, deadline=None)
@given(
    st.sampled_from(GOOD + BAD),
    st.sampled_from(UP),
    st.sampled_from(DOWN_VERBS),
    st.integers(min_value=1, max_value=90),
)
def test_direction_and_quantity_decide_the_sign(noun: str, up: str, down: str, pct: int):
    rise = sentence_sentiment(f"Quarterly {noun} {up} {pct}% from a year earlier.")[1]
    fall = sentence_sentiment(f"Quarterly {noun} {down} {pct}% from a year earlier.")[1]
    if noun in GOOD:
        assert rise > 0 > fall
    else:
        assert rise < 0 < fall


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(GOOD), st.sampled_from(["raise", "increase", "boost"]))
def test_negation_flips_the_sign(noun: str, verb: str):
    plain = sentence_sentiment(f"The company will {verb} its {noun}.")[1]
    negated = sentence_sentiment(f"The company will not {verb} its {noun}.")[1]
    assert plain > 0 > negated


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_labels_agree_with_scores_on_any_text(text: str):
    label, score = sentence_sentiment(text)
    expected = (
        "positive"
        if score >= SENTENCE_THRESHOLD
        else "negative"
        if score <= -SENTENCE_THRESHOLD
        else "neutral"
    )
    assert label == expected
    assert entity_sentiment(text, text[:5])[0] in ("positive", "negative", "neutral")
