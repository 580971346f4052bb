"""The data model: one immutable article flowing through the pipeline, facts as spans.

Every extracted fact (a mention, a price move, a catalyst, a sentiment cue) holds ``start`` and
``end`` character offsets into the *cleaned* text of its article rather than a copied string, so
every answer can show its evidence with :func:`evidence`. Components add results with
``dataclasses.replace(article, moves=...)``; nothing is mutated in place, which is what lets the
same pipeline run in a process pool or on Dask workers.

Times are timezone-aware UTC datetimes inside whymove; calendar dates of trading sessions are
plain ``datetime.date`` values taken from ``exchange_calendars``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from whymove.errors import ConfigError

Ticker = str
"""A listing symbol (BABA, 9988.HK) or an index label (hang_seng, s&p500)."""
UtcTimestamp = dt.datetime
"""A timezone-aware datetime in UTC."""

Direction = Literal["up", "down", "flat"]
Session = Literal["premarket", "regular", "after_hours"]
Horizon = Literal["day", "week", "month", "ytd", "year", "since", "multi_year"]
Polarity = Literal["positive", "negative", "neutral"]
SecurityKind = Literal["stock", "adr", "etf", "index"]

DIRECTIONS: tuple[str, ...] = ("up", "down", "flat")
SESSIONS: tuple[str, ...] = ("premarket", "regular", "after_hours")
HORIZONS: tuple[str, ...] = ("day", "week", "month", "ytd", "year", "since", "multi_year")
POLARITIES: tuple[str, ...] = ("positive", "negative", "neutral")
CATEGORIES: tuple[str, ...] = (
    "earnings",
    "analyst",
    "product",
    "partnership",
    "corporate_action",
    "regulation",
    "legal",
    "macro",
    "sector",
    "supply_chain",
    "ownership",
    "management",
    "geopolitics",
)


def parse_choice(value: str, param: str, choices: tuple[str, ...]) -> str:
    """Return ``value`` if it is one of ``choices``, else raise a ConfigError naming ``param``."""
    if value not in choices:
        raise ConfigError(f"{param}={value!r} is not one of {', '.join(choices)}")
    return value


def parse_timestamp(value: str | dt.date | dt.datetime | None, param: str) -> UtcTimestamp | None:
    """Parse a date or datetime into an aware UTC datetime; ``None`` passes through.

    A bare date means midnight UTC of that day; a naive datetime is taken as UTC.

    Example: ``parse_timestamp("2025-07-15", "published")`` -> 2025-07-15 00:00 UTC.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        stamp = value
    elif isinstance(value, dt.date):
        stamp = dt.datetime(value.year, value.month, value.day)
    else:
        text = value.strip()
        try:
            stamp = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            from dateutil import parser as date_parser

            try:
                stamp = date_parser.parse(text)
            except (ValueError, OverflowError) as exc:
                raise ConfigError(
                    f"{param}={value!r} is not a date; use ISO form such as 2025-07-15 "
                    "or 2025-07-15T13:30:00-04:00"
                ) from exc
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.UTC)
    return stamp.astimezone(dt.UTC)


def evidence(text: str, start: int, end: int) -> str:
    """The evidence text of a span, whitespace collapsed for display."""
    return " ".join(text[start:end].split())


@dataclass(frozen=True, slots=True)
class RawDocument:
    """What a source read: decoded text plus the metadata the input itself carried."""

    input: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: UtcTimestamp | None = None
    tickers: tuple[Ticker, ...] = ()
    html: bool = False
    author: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """One place in the text where a security or index is named."""

    ticker: Ticker
    start: int
    end: int
    kind: SecurityKind = "stock"
    method: str = "alias"
    """How it was found: explicit (a ticker tag), alias, learned (an alias made certain earlier)."""
    confidence: float = 1.0

    def evidence(self, text: str) -> str:
        return evidence(text, self.start, self.end)


@dataclass(frozen=True, slots=True)
class Security:
    """A security the article is about, with its relevance 0-100 summed over its mentions."""

    ticker: Ticker
    kind: SecurityKind
    relevance: int
    mentions: int
    primary: bool = False
    name: str | None = None


@dataclass(frozen=True, slots=True)
class PriceMove:
    """A stated move of a security or index: direction, size, session, horizon and date."""

    ticker: Ticker
    direction: Direction
    start: int
    end: int
    percent: float | None = None
    price: float | None = None
    currency: str | None = None
    session: Session | None = None
    horizon: Horizon = "day"
    date: dt.date | None = None
    date_end: dt.date | None = None
    date_inferred: bool = False
    confidence: float = 0.5

    def evidence(self, text: str) -> str:
        return evidence(text, self.start, self.end)

    def to_label(self) -> dict[str, Any]:
        """The labels.md form of this move."""
        return {
            "ticker": self.ticker,
            "direction": self.direction,
            "percent": self.percent,
            "price": self.price,
            "session": self.session,
            "horizon": self.horizon,
        }


@dataclass(frozen=True, slots=True)
class Catalyst:
    """A cause the article gives for a move or for the outlook of a security."""

    category: str
    polarity: Polarity
    start: int
    end: int
    ticker: Ticker | None = None
    actor: str | None = None
    confidence: float = 0.5
    weight: float = 0.0
    """Importance used for ranking: stated cause, position, repetition, cue strength."""
    background: bool = False
    """Offered as background or as a risk rather than as a cause of the move."""
    cue: str | None = None

    def evidence(self, text: str) -> str:
        return evidence(text, self.start, self.end)


@dataclass(frozen=True, slots=True)
class Sentiment:
    """Tone toward one security (``ticker``) or the whole article (``ticker is None``)."""

    label: Polarity
    score: float
    ticker: Ticker | None = None
    spans: tuple[tuple[int, int], ...] = ()
    """The sentences that drove the score, strongest first."""


@dataclass(frozen=True, slots=True)
class Failure:
    """A component that raised on an article under the ``collect`` error policy."""

    component: str
    error: str
    message: str


@dataclass(frozen=True, slots=True)
class Article:
    """One article on its way through the pipeline.

    ``id`` is the content hash of the normalised text, so the same story read twice has the
    same id. ``text`` is the cleaned text that every span points into.
    """

    id: str
    input: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: UtcTimestamp | None = None
    published_inferred: bool = False
    given_tickers: tuple[Ticker, ...] = ()
    raw_text: str = field(default="", repr=False)
    sentences: tuple[tuple[int, int], ...] = ()
    boilerplate: tuple[str, ...] = ()
    """Lines removed as site boilerplate (kept to explain the cleaning)."""
    mentions: tuple[Mention, ...] = ()
    securities: tuple[Security, ...] = ()
    moves: tuple[PriceMove, ...] = ()
    catalysts: tuple[Catalyst, ...] = ()
    sentiments: tuple[Sentiment, ...] = ()
    versions: tuple[str, ...] = ()
    failures: tuple[Failure, ...] = ()

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The span of the sentence holding ``offset`` (the whole text when unsplit)."""
        for start, end in self.sentences:
            if start <= offset < end:
                return start, end
        return 0, len(self.text)


@dataclass(frozen=True, slots=True)
class Analysis:
    """The answer for one article: labels.md fields plus evidence, relevance and dates."""

    article: Article

    @property
    def primary_tickers(self) -> tuple[Ticker, ...]:
        return tuple(s.ticker for s in self.article.securities if s.primary)

    @property
    def mentioned_tickers(self) -> tuple[Ticker, ...]:
        return tuple(s.ticker for s in self.article.securities if s.kind != "index")

    @property
    def sentiment(self) -> Sentiment | None:
        return next((s for s in self.article.sentiments if s.ticker is None), None)

    def to_labels(self) -> dict[str, Any]:
        """Exactly the fields of labels.md, comparable with a ``gold.jsonl`` line."""
        sentiment = self.sentiment
        return {
            "id": self.article.id,
            "primary_tickers": list(self.primary_tickers),
            "mentioned_tickers": list(self.mentioned_tickers),
            "price_moves": [m.to_label() for m in self.article.moves],
            "catalysts": [
                {"category": c.category, "polarity": c.polarity, "actor": c.actor}
                for c in self.article.catalysts
            ],
            "sentiment": sentiment.label if sentiment else "neutral",
        }

    def to_dict(self) -> dict[str, Any]:
        """labels.md fields at the top level plus evidence, relevance, dates and failures."""
        art = self.article
        text = art.text
        out = self.to_labels()
        out["input"] = art.input
        out["title"] = art.title
        out["url"] = art.url
        out["source"] = art.source
        out["published"] = art.published.isoformat() if art.published else None
        out["published_inferred"] = art.published_inferred
        out["securities"] = [
            {
                "ticker": s.ticker,
                "kind": s.kind,
                "name": s.name,
                "relevance": s.relevance,
                "mentions": s.mentions,
                "primary": s.primary,
            }
            for s in art.securities
        ]
        for label, move in zip(out["price_moves"], art.moves, strict=True):
            label.update(
                currency=move.currency,
                date=move.date.isoformat() if move.date else None,
                date_end=move.date_end.isoformat() if move.date_end else None,
                date_inferred=move.date_inferred,
                confidence=round(move.confidence, 3),
                span=[move.start, move.end],
                evidence=move.evidence(text),
            )
        for label, cat in zip(out["catalysts"], art.catalysts, strict=True):
            start, end = art.sentence_at(cat.start)
            label.update(
                ticker=cat.ticker,
                confidence=round(cat.confidence, 3),
                weight=round(cat.weight, 3),
                background=cat.background,
                span=[cat.start, cat.end],
                cue=cat.cue,
                evidence=evidence(text, start, end),
            )
        out["sentiments"] = [
            {
                "ticker": s.ticker,
                "label": s.label,
                "score": round(s.score, 3),
                "evidence": [evidence(text, a, b) for a, b in s.spans[:3]],
            }
            for s in art.sentiments
        ]
        out["versions"] = list(art.versions)
        out["failures"] = [
            {"component": f.component, "error": f.error, "message": f.message} for f in art.failures
        ]
        return out
