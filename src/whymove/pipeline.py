"""The pipeline: an ordered list of named, versioned components, one article at a time.

Like spaCy's ``Language.__call__``, running the pipeline is one loop: each component is a
function ``Article -> Article``. Components declare which article fields they read
(``requires``) and write (``assigns``); the order is checked once, when the pipeline is built,
not per article. Components hold only picklable tables (built once per process by their
factories) and do no I/O, so a pipeline can be shipped to a process pool or a Dask worker.

Error policy: ``raise`` (default) propagates a :class:`ComponentError`; ``collect`` records a
:class:`Failure` on the article and goes on with the next component, so a batch never dies
on one bad article.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Iterable, Iterator, Sequence
from typing import Literal

from whymove.component import Component
from whymove.errors import ComponentError, ConfigError, PipelineError
from whymove.model import Analysis, Article, Failure, RawDocument, parse_timestamp

ErrorPolicy = Literal["raise", "collect"]

# Fields an article has before any component runs (set from the RawDocument).
BASE_FIELDS = frozenset(
    {"id", "input", "text", "title", "url", "source", "published", "given_tickers", "raw_text"}
)


class Pipeline:
    """An ordered list of components with a checked order and an error policy.

    Example:
        >>> pipe = default_pipeline()
        >>> [c.name for c in pipe.components][:2]
        ['whymove.clean', 'whymove.sentences']
    """

    def __init__(self, components: Sequence[Component], on_error: ErrorPolicy = "raise") -> None:
        if on_error not in ("raise", "collect"):
            raise ConfigError(f"on_error={on_error!r} is not one of raise, collect")
        self.components = tuple(components)
        self.on_error: ErrorPolicy = on_error
        self._check_order()

    def _check_order(self) -> None:
        available = set(BASE_FIELDS)
        seen: set[str] = set()
        for comp in self.components:
            if comp.name in seen:
                raise PipelineError(f"component {comp.name!r} appears twice in the pipeline")
            seen.add(comp.name)
            missing = comp.requires - available
            if missing:
                raise PipelineError(
                    f"component {comp.name!r} requires {sorted(missing)}, which no earlier "
                    "component assigns; move it after the component that does"
                )
            available |= comp.assigns

    @property
    def version(self) -> str:
        """All component tags joined: the pipeline version stored with each article."""
        return "+".join(c.tag for c in self.components)

    def with_policy(self, on_error: ErrorPolicy) -> Pipeline:
        return Pipeline(self.components, on_error)

    def __call__(self, article: Article) -> Article:
        for comp in self.components:
            try:
                result = comp(article)
            except Exception as exc:
                if self.on_error == "raise":
                    raise ComponentError(comp.name, article.id, exc) from exc
                failure = Failure(comp.name, type(exc).__name__, str(exc))
                article = dataclasses.replace(article, failures=(*article.failures, failure))
                continue
            if not isinstance(result, Article):
                raise PipelineError(
                    f"component {comp.name!r} returned {type(result).__name__}, not an Article"
                )
            article = dataclasses.replace(result, versions=(*result.versions, comp.tag))
        return article

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Stream articles through the pipeline, one at a time, in bounded memory."""
        for article in articles:
            yield self(article)


def article_from_raw(raw: RawDocument) -> Article:
    """Turn what a source read into an article ready for the pipeline.

    The id is computed by the cleaning component from the cleaned text; until then the
    article carries a provisional id from the raw text.
    """
    from whymove.clean.identity import content_id

    return Article(
        id=content_id(raw.text),
        input=raw.input,
        text=raw.text,
        title=raw.title,
        url=raw.url,
        source=raw.source,
        published=raw.published,
        given_tickers=raw.tickers,
        raw_text=raw.text,
    )


@functools.cache
def default_pipeline(on_error: ErrorPolicy = "raise") -> Pipeline:
    """The standard pipeline, built once per process (tables and automata included)."""
    from whymove.clean import CLEAN
    from whymove.clean.sentences import SENTENCES
    from whymove.extract.catalysts import CATALYSTS
    from whymove.extract.moves import MOVES
    from whymove.extract.sentiment import SENTIMENT
    from whymove.link import LINK, RELEVANCE

    return Pipeline([CLEAN, SENTENCES, LINK, MOVES, RELEVANCE, CATALYSTS, SENTIMENT], on_error)


def analyze(
    text: str,
    published: str | dt.date | dt.datetime | None = None,
    *,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    pipeline: Pipeline | None = None,
) -> Analysis:
    """Analyse one article's text: securities, moves, catalysts and sentiment with evidence.

    Example:
        >>> result = analyze("Apple Inc. (NASDAQ:AAPL) shares rose 3% on Tuesday.", "2025-07-16")
        >>> result.primary_tickers
        ('AAPL',)
    """
    raw = RawDocument(
        input="<text>",
        text=text,
        title=title,
        url=url,
        source=source,
        published=parse_timestamp(published, "published"),
    )
    pipe = pipeline or default_pipeline()
    return Analysis(pipe(article_from_raw(raw)))
