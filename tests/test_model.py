"""The data model: immutability, parsing helpers and the labels.md projection."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from whymove.errors import ConfigError
from whymove.model import (
    Analysis,
    Article,
    Catalyst,
    Mention,
    PriceMove,
    Security,
    Sentiment,
    evidence,
    parse_choice,
    parse_timestamp,
)


def test_dataclasses_are_frozen_and_slotted():
    mention = Mention("BABA", 0, 7)
    with pytest.raises(dataclasses.FrozenInstanceError):
        mention.ticker = "JD"  # type: ignore[misc]
    assert not hasattr(mention, "__dict__")


def test_parse_timestamp_forms():
    utc = dt.UTC
    assert parse_timestamp("2025-07-15", "p") == dt.datetime(2025, 7, 15, tzinfo=utc)
    assert parse_timestamp("2025-07-15T09:30:00-04:00", "p") == dt.datetime(
        2025, 7, 15, 13, 30, tzinfo=utc
    )
    assert parse_timestamp("2025-07-15T13:30:00Z", "p").hour == 13
    assert parse_timestamp(dt.date(2024, 1, 2), "p") == dt.datetime(2024, 1, 2, tzinfo=utc)
    assert parse_timestamp(None, "p") is None
    with pytest.raises(ConfigError, match="published='not a date'"):
        parse_timestamp("not a date", "published")


def test_parse_choice_names_the_parameter():
    assert parse_choice("up", "direction", ("up", "down")) == "up"
    with pytest.raises(ConfigError, match="direction='sideways'"):
        parse_choice("sideways", "direction", ("up", "down"))


def test_evidence_collapses_whitespace():
    assert evidence("a  b\n c d", 0, 8) == "a b c"


def test_analysis_projects_labels_and_evidence():
    text = "Alibaba shares rose 8% on Tuesday. Nvidia resumed chip shipments."
    article = Article(
        id="x",
        input="mem",
        text=text,
        sentences=((0, 34), (35, len(text))),
        securities=(
            Security("BABA", "adr", 100, 1, primary=True),
            Security("hang_seng", "index", 20, 1),
            Security("NVDA", "stock", 40, 1),
        ),
        moves=(PriceMove("BABA", "up", 0, 34, percent=8.0, date=dt.date(2025, 7, 15)),),
        catalysts=(Catalyst("supply_chain", "positive", 35, 66, ticker="BABA", actor="Nvidia"),),
        sentiments=(Sentiment("positive", 0.6, None, ((0, 34),)),),
    )
    result = Analysis(article)
    labels = result.to_labels()
    assert labels["primary_tickers"] == ["BABA"]
    assert labels["mentioned_tickers"] == ["BABA", "NVDA"]  # indexes are not tickers
    assert labels["price_moves"] == [
        {
            "ticker": "BABA",
            "direction": "up",
            "percent": 8.0,
            "price": None,
            "session": None,
            "horizon": "day",
        }
    ]
    assert labels["sentiment"] == "positive"
    full = result.to_dict()
    assert full["price_moves"][0]["date"] == "2025-07-15"
    assert full["price_moves"][0]["evidence"] == "Alibaba shares rose 8% on Tuesday."
    assert full["catalysts"][0]["evidence"] == "Nvidia resumed chip shipments."
    assert full["sentiments"][0]["evidence"] == ["Alibaba shares rose 8% on Tuesday."]


def test_analysis_without_sentiment_is_neutral():
    article = Article(id="x", input="mem", text="")
    assert Analysis(article).to_labels()["sentiment"] == "neutral"
