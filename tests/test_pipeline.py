"""The pipeline: order checks, error policies, streaming, pickling and the library call."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from whymove import analyze
from whymove.component import Component
from whymove.errors import ComponentError, ConfigError, PipelineError
from whymove.model import Article, RawDocument
from whymove.pipeline import Pipeline, article_from_raw, default_pipeline


def _upper(article: Article) -> Article:
    return dataclasses.replace(article, text=article.text.upper())


def _boom(article: Article) -> Article:
    raise ValueError(f"cannot handle {article.input}")


def _not_an_article(article: Article) -> Article:
    return "oops"  # type: ignore[return-value]


UPPER = Component("test.upper", 3, _upper, assigns=frozenset({"text"}))
BOOM = Component("test.boom", 1, _boom)
NEEDS_MOVES = Component("test.needs", 1, _upper, requires=frozenset({"moves"}))


def _article(text: str = "Shares rose.") -> Article:
    return article_from_raw(RawDocument(input="mem://1", text=text))


def test_components_run_in_order_and_record_their_versions():
    out = Pipeline([UPPER])(_article("abc"))
    assert out.text == "ABC"
    assert out.versions == ("test.upper.v3",)


def test_order_is_checked_when_the_pipeline_is_built():
    with pytest.raises(PipelineError, match="test.needs.*moves"):
        Pipeline([NEEDS_MOVES])


def test_duplicate_component_names_are_refused():
    with pytest.raises(PipelineError, match="twice"):
        Pipeline([UPPER, UPPER])


def test_unknown_error_policy_is_a_config_error():
    with pytest.raises(ConfigError, match="on_error='ignore'"):
        Pipeline([UPPER], on_error="ignore")  # type: ignore[arg-type]


def test_raise_policy_names_component_and_article():
    with pytest.raises(ComponentError, match="test.boom.*ValueError: cannot handle mem://1"):
        Pipeline([BOOM])(_article())


def test_collect_policy_records_failure_and_goes_on():
    out = Pipeline([BOOM, UPPER], on_error="collect")(_article("abc"))
    assert out.text == "ABC"
    assert [(f.component, f.error) for f in out.failures] == [("test.boom", "ValueError")]
    assert out.versions == ("test.upper.v3",)


def test_a_component_must_return_an_article():
    bad = Component("test.bad", 1, _not_an_article)
    with pytest.raises(PipelineError, match="returned str"):
        Pipeline([bad])(_article())


def test_pipe_streams_lazily():
    seen = []

    def source():
        for i in range(3):
            seen.append(i)
            yield _article(f"text {i}")

    stream = Pipeline([UPPER]).pipe(source())
    first = next(stream)
    assert first.text == "TEXT 0"
    assert seen == [0]  # nothing read ahead


def test_default_pipeline_is_built_once_and_pickles():
    pipe = default_pipeline()
    assert default_pipeline() is pipe
    clone = pickle.loads(pickle.dumps(pipe))
    article = _article("Apple Inc. (NASDAQ:AAPL) shares rose 3% on Tuesday.")
    assert clone(article).mentions == pipe(article).mentions


def test_pipeline_version_joins_component_tags():
    assert Pipeline([UPPER]).version == "test.upper.v3"
    assert default_pipeline().version.startswith("whymove.clean.v")


def test_analyze_library_call_end_to_end():
    result = analyze(
        "Apple Inc. (NASDAQ:AAPL) shares rose 3.5% to $201.10 on Tuesday.", "2025-07-17"
    )
    assert result.primary_tickers == ("AAPL",)
    labels = result.to_labels()
    assert labels["price_moves"][0]["ticker"] == "AAPL"
    assert labels["price_moves"][0]["direction"] == "up"
    assert labels["price_moves"][0]["percent"] == 3.5
    assert labels["price_moves"][0]["price"] == 201.10
    assert result.article.moves[0].date.isoformat() == "2025-07-15"


def test_every_fact_span_lies_inside_the_cleaned_text():
    result = analyze(
        "Nvidia Corp (NASDAQ:NVDA) fell 4% on Monday after new export controls on chips.\n"
        "© 2025 Example News. All rights reserved.",
        "2025-03-04",
    )
    text = result.article.text
    assert "All rights reserved" not in text
    for fact in (*result.article.mentions, *result.article.moves, *result.article.catalysts):
        assert 0 <= fact.start < fact.end <= len(text)
