"""The database schema, in SQLAlchemy Core: one definition for SQLite and PostgreSQL.

``articles`` holds one row per distinct cleaned text (``id`` is its content hash) with the
raw text it came from, so a later pipeline version can re-run it. ``num`` is an integer key
that never changes (SQLite's FTS5 index points at it). Derived facts live in their own tables
keyed by ``(article_id, seq)``, each with the evidence text cut from the article, so readers
need no NLP. Times are stored in UTC (:class:`UtcDateTime`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class UtcDateTime(TypeDecorator[dt.datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out, on every backend.

    SQLite has no time zones, so values are stored as naive UTC there and given their zone
    back on the way out; naive values are refused on the way in.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if not isinstance(value, dt.datetime) or value.tzinfo is None:
            raise ValueError(f"expected an aware datetime, got {value!r}")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


metadata = MetaData()

ID = String(32)

schema_migrations = Table(
    "schema_migrations",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("applied_at", UtcDateTime, nullable=False),
)

stories = Table(
    "stories",
    metadata,
    Column("id", ID, primary_key=True),
    Column("first_article_id", ID, nullable=False),
    Column("title", Text),
    Column("first_published", UtcDateTime),
    Column("n_articles", Integer, nullable=False),
    Column("n_sources", Integer, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("num", BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
           autoincrement=True),
    Column("id", ID, nullable=False, unique=True),
    Column("story_id", ID, ForeignKey("stories.id"), nullable=False, index=True),
    Column("raw_hash", ID, nullable=False, unique=True),
    Column("input", Text, nullable=False),
    Column("url", Text),
    Column("source", Text, index=True),
    Column("author", Text),
    Column("title", Text),
    Column("published", UtcDateTime, index=True),
    Column("published_inferred", Boolean, nullable=False),
    Column("text", Text, nullable=False),
    Column("raw_text", Text, nullable=False),
    Column("html", Boolean, nullable=False),
    Column("given_tickers", JSON, nullable=False),
    Column("boilerplate", JSON, nullable=False),
    Column("sentences", JSON, nullable=False),
    Column("pipeline_version", Text, nullable=False),
    Column("failures", JSON, nullable=False),
    Column("minhash", LargeBinary, nullable=False),
    Column("ingested_at", UtcDateTime, nullable=False),
    Column("processed_at", UtcDateTime, nullable=False),
)  # fmt: skip
Index("ix_articles_pipeline_version", articles.c.pipeline_version)


def _article_fk() -> Column[str]:
    return Column("article_id", ID, ForeignKey("articles.id", ondelete="CASCADE"),
                  primary_key=True)  # fmt: skip


securities = Table(
    "securities",
    metadata,
    _article_fk(),
    Column("ticker", String(32), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("name", Text),
    Column("relevance", Integer, nullable=False),
    Column("mentions", Integer, nullable=False),
    Column("is_primary", Boolean, nullable=False),
)
Index("ix_securities_ticker", securities.c.ticker)

mentions = Table(
    "mentions",
    metadata,
    _article_fk(),
    Column("seq", Integer, primary_key=True),
    Column("ticker", String(32), nullable=False, index=True),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("method", String(32), nullable=False),
    Column("confidence", Float, nullable=False),
)

moves = Table(
    "moves",
    metadata,
    _article_fk(),
    Column("seq", Integer, primary_key=True),
    Column("ticker", String(32), nullable=False, index=True),
    Column("direction", String(8), nullable=False),
    Column("percent", Float),
    Column("price", Float),
    Column("currency", String(8)),
    Column("session", String(16)),
    Column("horizon", String(16), nullable=False),
    Column("date", Date, index=True),
    Column("date_end", Date),
    Column("date_inferred", Boolean, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("evidence", Text, nullable=False),
)

catalysts = Table(
    "catalysts",
    metadata,
    _article_fk(),
    Column("seq", Integer, primary_key=True),
    Column("ticker", String(32), index=True),
    Column("category", String(32), nullable=False, index=True),
    Column("polarity", String(16), nullable=False),
    Column("actor", Text),
    Column("confidence", Float, nullable=False),
    Column("weight", Float, nullable=False),
    Column("background", Boolean, nullable=False),
    Column("cue", Text),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("evidence", Text, nullable=False),
)

sentiment = Table(
    "sentiment",
    metadata,
    _article_fk(),
    Column("seq", Integer, primary_key=True),
    Column("ticker", String(32), index=True),
    Column("label", String(16), nullable=False),
    Column("score", Float, nullable=False),
    Column("spans", JSON, nullable=False),
    Column("evidence", JSON, nullable=False),
)

rejects = Table(
    "rejects",
    metadata,
    Column("hash", String(64), primary_key=True),
    Column("input", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("error", String(64), nullable=False),
    Column("rejected_at", UtcDateTime, nullable=False),
)

feed_state = Table(
    "feed_state",
    metadata,
    Column("url", Text, primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("status", Integer),
    Column("checked_at", UtcDateTime),
    Column("error", Text),
)

source_lines = Table(
    "source_lines",
    metadata,
    Column("source", Text, primary_key=True),
    Column("line_hash", String(32), primary_key=True),
    Column("line_key", Text, nullable=False),
    Column("n_articles", Integer, nullable=False),
)

FACT_TABLES = (securities, mentions, moves, catalysts, sentiment)
"""Tables derived by the pipeline: rewritten when an article is re-processed."""
