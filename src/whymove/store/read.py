"""Reads for the layers above the store: search, a ticker's articles, events, exports.

These return plain frozen records with the evidence already cut from the text, so the
explain and event-study code (and notebooks) need neither SQL nor NLP. ``story_id``,
``story_size``, ``story_first_published`` and ``first_in_story`` let a reader count a
syndicated report once and judge novelty.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, literal_column, or_, select, text

from whymove.link.master import normalise_symbol
from whymove.model import RawDocument
from whymove.store import schema

_FTS_TOKEN = re.compile(r'"([^"]+)"|(\S+)')


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """What a stored article was made from, to run a newer pipeline on it."""

    num: int
    id: str
    story_id: str
    raw_hash: str
    pipeline_version: str
    raw: RawDocument


@dataclass(frozen=True, slots=True)
class Hit:
    """A full-text search result."""

    id: str
    story_id: str
    title: str | None
    url: str | None
    source: str | None
    published: dt.datetime | None
    snippet: str
    tickers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StoredMove:
    ticker: str
    direction: str
    percent: float | None
    price: float | None
    currency: str | None
    session: str | None
    horizon: str
    date: dt.date | None
    date_end: dt.date | None
    date_inferred: bool
    confidence: float
    evidence: str


@dataclass(frozen=True, slots=True)
class StoredCatalyst:
    ticker: str | None
    category: str
    polarity: str
    actor: str | None
    confidence: float
    weight: float
    background: bool
    evidence: str


@dataclass(frozen=True, slots=True)
class TickerArticle:
    """One article about one ticker, with that ticker's moves, catalysts and sentiment."""

    article_id: str
    story_id: str
    ticker: str
    title: str | None
    url: str | None
    source: str | None
    author: str | None
    published: dt.datetime | None
    relevance: int
    primary: bool
    moves: tuple[StoredMove, ...]
    catalysts: tuple[StoredCatalyst, ...]
    sentiment: str | None
    sentiment_score: float | None
    story_size: int
    story_sources: int
    story_first_published: dt.datetime | None
    first_in_story: bool


@dataclass(frozen=True, slots=True)
class Event:
    """A catalyst of one article attributed to one security: the events table row."""

    article_id: str
    story_id: str
    ticker: str
    published: dt.datetime | None
    category: str
    polarity: str
    confidence: float
    weight: float
    background: bool
    relevance: int
    primary: bool
    evidence: str
    title: str | None
    url: str | None
    source: str | None
    story_size: int
    first_in_story: bool


def stale_documents(
    conn: Connection, version: str, after: int, limit: int | None
) -> list[StoredDocument]:
    a = schema.articles.c
    query = (
        select(schema.articles).where(a.pipeline_version != version, a.num > after).order_by(a.num)
    )
    if limit is not None:
        query = query.limit(limit)
    out = []
    for row in conn.execute(query).mappings():
        raw = RawDocument(
            input=row["input"], text=row["raw_text"], title=row["title"], url=row["url"],
            source=row["source"], published=row["published"],
            tickers=tuple(row["given_tickers"] or ()), html=bool(row["html"]),
            author=row["author"],
        )  # fmt: skip
        out.append(StoredDocument(row["num"], row["id"], row["story_id"], row["raw_hash"],
                                  row["pipeline_version"], raw))  # fmt: skip
    return out


def fts5_query(query: str) -> str:
    """A safe FTS5 expression: every word and "quoted phrase" must occur."""
    parts = []
    for phrase, word in _FTS_TOKEN.findall(query):
        term = (phrase or word).replace('"', " ").strip()
        if term:
            parts.append('"' + term + '"')
    return " ".join(parts)


def search(conn: Connection, query: str, *, ticker: str | None, limit: int) -> list[Hit]:
    params: dict[str, Any] = {"limit": limit}
    ticker_clause = ""
    if ticker:
        ticker_clause = "AND a.id IN (SELECT article_id FROM securities WHERE ticker = :ticker)"
        params["ticker"] = normalise_symbol(ticker)
    if conn.dialect.name == "sqlite":
        params["q"] = fts5_query(query)
        if not params["q"]:
            return []
        sql = (
            "SELECT a.id, a.story_id, a.title, a.url, a.source, a.published, "
            "snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet "
            "FROM articles_fts JOIN articles a ON a.num = articles_fts.rowid "
            f"WHERE articles_fts MATCH :q {ticker_clause} "
            "ORDER BY bm25(articles_fts) LIMIT :limit"
        )
    else:
        params["q"] = query
        sql = (
            "SELECT a.id, a.story_id, a.title, a.url, a.source, a.published, "
            "ts_headline('english', a.text, q, 'StartSel=[, StopSel=], MaxWords=24, "
            "MinWords=8') AS snippet "
            "FROM articles a, websearch_to_tsquery('english', :q) q "
            f"WHERE a.tsv @@ q {ticker_clause} "
            "ORDER BY ts_rank(a.tsv, q) DESC, a.published DESC LIMIT :limit"
        )
    stamp = schema.UtcDateTime()
    rows = conn.execute(text(sql), params).all()
    tickers = _tickers(conn, [r[0] for r in rows])
    return [
        Hit(r[0], r[1], r[2], r[3], r[4],
            stamp.process_result_value(_as_datetime(r[5]), conn.dialect),
            " ".join(str(r[6] or "").split()), tickers.get(r[0], ()))
        for r in rows
    ]  # fmt: skip


def _as_datetime(value: Any) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def _tickers(conn: Connection, ids: Sequence[str]) -> dict[str, tuple[str, ...]]:
    s = schema.securities.c
    out: dict[str, list[str]] = defaultdict(list)
    if ids:
        query = (
            select(s.article_id, s.ticker)
            .where(s.article_id.in_(ids), s.kind != "index")
            .order_by(s.article_id, s.relevance.desc())
        )
        for article_id, ticker in conn.execute(query):
            out[article_id].append(ticker)
    return {k: tuple(v) for k, v in out.items()}


def _window(column: Any, start: dt.datetime | None, end: dt.datetime | None) -> list[Any]:
    clauses = []
    if start is not None:
        clauses.append(column >= start)
    if end is not None:
        clauses.append(column < end)
    return clauses


def articles_for(
    conn: Connection,
    ticker: str,
    start: dt.datetime | None,
    end: dt.datetime | None,
    *,
    ids: Sequence[str] | None = None,
) -> list[TickerArticle]:
    """Articles naming ``ticker`` published in ``[start, end)``; ``ids`` narrows to those."""
    a, s, st = schema.articles.c, schema.securities.c, schema.stories.c
    ticker = normalise_symbol(ticker)
    if ids is not None and not ids:
        return []
    query = (
        select(a.id, a.story_id, a.title, a.url, a.source, a.author, a.published,
               s.relevance, s.is_primary, st.n_articles, st.n_sources, st.first_published,
               st.first_article_id)
        .join(schema.securities, s.article_id == a.id)
        .join(schema.stories, st.id == a.story_id)
        .where(s.ticker == ticker, *_window(a.published, start, end))
        .order_by(a.published, a.num)
    )  # fmt: skip
    if ids is not None:
        query = query.where(a.id.in_(list(ids)))
    rows = conn.execute(query).all()
    ids = [r[0] for r in rows]
    primary = {r[0] for r in rows if r[8]}
    moves = _moves(conn, ids, ticker)
    cats = _catalysts(conn, ids, ticker, primary)
    sentiments = _sentiments(conn, ids, ticker)
    return [
        TickerArticle(
            article_id=r[0], story_id=r[1], ticker=ticker, title=r[2], url=r[3], source=r[4],
            author=r[5], published=r[6], relevance=r[7], primary=bool(r[8]),
            moves=tuple(moves.get(r[0], ())), catalysts=tuple(cats.get(r[0], ())),
            sentiment=sentiments.get(r[0], (None, None))[0],
            sentiment_score=sentiments.get(r[0], (None, None))[1],
            story_size=r[9], story_sources=r[10], story_first_published=r[11],
            first_in_story=_first(r[6], r[11], r[0], r[12]),
        )
        for r in rows
    ]  # fmt: skip


def _first(
    published: dt.datetime | None, first: dt.datetime | None, article: str, first_id: str
) -> bool:
    if published is not None and first is not None:
        return published <= first
    return article == first_id


def _moves(conn: Connection, ids: Sequence[str], ticker: str) -> dict[str, list[StoredMove]]:
    m = schema.moves.c
    out: dict[str, list[StoredMove]] = defaultdict(list)
    for chunk in _chunks(ids):
        query = select(schema.moves).where(m.article_id.in_(chunk), m.ticker == ticker)
        for r in conn.execute(query.order_by(m.article_id, m.seq)).mappings():
            out[r["article_id"]].append(StoredMove(
                r["ticker"], r["direction"], r["percent"], r["price"], r["currency"],
                r["session"], r["horizon"], r["date"], r["date_end"], bool(r["date_inferred"]),
                r["confidence"], r["evidence"]))  # fmt: skip
    return out


def _catalysts(
    conn: Connection, ids: Sequence[str], ticker: str, primary: set[str]
) -> dict[str, list[StoredCatalyst]]:
    c = schema.catalysts.c
    out: dict[str, list[StoredCatalyst]] = defaultdict(list)
    for chunk in _chunks(ids):
        query = select(schema.catalysts).where(
            c.article_id.in_(chunk), or_(c.ticker == ticker, c.ticker.is_(None))
        )
        for r in conn.execute(query.order_by(c.article_id, c.seq)).mappings():
            if r["ticker"] is None and r["article_id"] not in primary:
                continue
            out[r["article_id"]].append(StoredCatalyst(
                r["ticker"], r["category"], r["polarity"], r["actor"], r["confidence"],
                r["weight"], bool(r["background"]), r["evidence"]))  # fmt: skip
    return out


def _sentiments(conn: Connection, ids: Sequence[str], ticker: str) -> dict[str, tuple[str, float]]:
    se = schema.sentiment.c
    out: dict[str, tuple[str, float]] = {}
    for chunk in _chunks(ids):
        query = select(se.article_id, se.ticker, se.label, se.score).where(
            se.article_id.in_(chunk), or_(se.ticker == ticker, se.ticker.is_(None))
        )
        for article_id, who, label, score in conn.execute(query):
            if who == ticker or article_id not in out:
                out[article_id] = (label, score)
    return out


def _chunks(ids: Sequence[str], size: int = 500) -> list[Sequence[str]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)]


def events(
    conn: Connection, ticker: str | None, start: dt.datetime | None, end: dt.datetime | None
) -> list[Event]:
    a, s, c, st = schema.articles.c, schema.securities.c, schema.catalysts.c, schema.stories.c
    query = (
        select(a.id, a.story_id, s.ticker, a.published, c.category, c.polarity, c.confidence,
               c.weight, c.background, s.relevance, s.is_primary, c.evidence, a.title, a.url,
               a.source, st.n_articles, st.first_published, st.first_article_id)
        .select_from(schema.catalysts)
        .join(schema.articles, a.id == c.article_id)
        .join(schema.stories, st.id == a.story_id)
        .join(schema.securities, and_(
            s.article_id == c.article_id,
            or_(s.ticker == c.ticker, and_(c.ticker.is_(None), s.is_primary.is_(True)))))
        .where(s.kind != literal_column("'index'"), *_window(a.published, start, end))
        .order_by(a.published, a.num, c.seq, s.ticker)
    )  # fmt: skip
    if ticker:
        query = query.where(s.ticker == normalise_symbol(ticker))
    return [
        Event(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], bool(r[8]), r[9], bool(r[10]),
              r[11], r[12], r[13], r[14], r[15], _first(r[3], r[16], r[0], r[17]))
        for r in conn.execute(query)
    ]  # fmt: skip


@dataclass(frozen=True, slots=True)
class ArticleMove:
    """A stated move with the article that states it (for claim checks and explain)."""

    article_id: str
    story_id: str
    title: str | None
    url: str | None
    source: str | None
    published: dt.datetime | None
    move: StoredMove


def article_moves(
    conn: Connection,
    *,
    tickers: Sequence[str] | None = None,
    first: dt.date | None = None,
    last: dt.date | None = None,
    ids: Sequence[str] | None = None,
) -> list[ArticleMove]:
    """Stated moves of ``tickers`` (as stored: ``BABA``, ``s&p500``; all when None) dated in
    ``[first, last]``, or all the moves of the articles ``ids``; oldest article first."""
    a, m = schema.articles.c, schema.moves.c
    query = (
        select(a.id, a.story_id, a.title, a.url, a.source, a.published, schema.moves)
        .join(schema.articles, a.id == m.article_id)
        .order_by(a.published, a.num, m.seq)
    )
    if tickers is not None:
        query = query.where(m.ticker.in_(list(tickers)))
    if first is not None:
        query = query.where(m.date >= first)
    if last is not None:
        query = query.where(m.date <= last)
    if ids is not None:
        if not ids:
            return []
        query = query.where(m.article_id.in_(list(ids)))
    out = []
    for r in conn.execute(query).mappings():
        move = StoredMove(
            r["ticker"], r["direction"], r["percent"], r["price"], r["currency"], r["session"],
            r["horizon"], r["date"], r["date_end"], bool(r["date_inferred"]), r["confidence"],
            r["evidence"])  # fmt: skip
        out.append(ArticleMove(r["id"], r["story_id"], r["title"], r["url"], r["source"],
                               r["published"], move))  # fmt: skip
    return out


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """Where an article came from and which securities it names (by relevance)."""

    id: str
    input: str
    published_inferred: bool
    ingested_at: dt.datetime
    tickers: tuple[str, ...]


def article_refs(conn: Connection, ids: Sequence[str]) -> dict[str, ArticleRef]:
    """The input, publication-time flag, ingestion time and named securities of ``ids``."""
    a = schema.articles.c
    tickers = _tickers(conn, ids)
    out: dict[str, ArticleRef] = {}
    for chunk in _chunks(list(ids)):
        query = select(a.id, a.input, a.published_inferred, a.ingested_at).where(a.id.in_(chunk))
        for article_id, given, inferred, ingested in conn.execute(query):
            out[article_id] = ArticleRef(
                article_id, given, bool(inferred), ingested, tickers.get(article_id, ())
            )
    return out


def frames(conn: Connection) -> dict[str, Any]:
    """DataFrames ``articles``, ``moves`` and ``events`` for export and notebooks."""
    import dataclasses

    import pandas as pd

    a, s, m, se = schema.articles.c, schema.securities.c, schema.moves.c, schema.sentiment.c
    arts = pd.DataFrame(
        conn.execute(
            select(a.id, a.story_id, a.title, a.url, a.source, a.author, a.published, a.input,
                   a.pipeline_version).order_by(a.num)
        ).all(),
        columns=["id", "story_id", "title", "url", "source", "author", "published", "input",
                 "pipeline_version"],
    )  # fmt: skip
    primary: dict[str, list[str]] = defaultdict(list)
    mentioned: dict[str, list[str]] = defaultdict(list)
    sec_query = select(s.article_id, s.ticker, s.is_primary, s.kind).order_by(
        s.article_id, s.relevance.desc()
    )
    for article_id, ticker_, is_primary, kind in conn.execute(sec_query):
        if is_primary:
            primary[article_id].append(ticker_)
        if kind != "index":
            mentioned[article_id].append(ticker_)
    tone = dict(
        (r[0], r[1])
        for r in conn.execute(select(se.article_id, se.label).where(se.ticker.is_(None)))
    )
    arts["primary_tickers"] = [",".join(primary.get(i, [])) for i in arts["id"]]
    arts["mentioned_tickers"] = [",".join(mentioned.get(i, [])) for i in arts["id"]]
    arts["sentiment"] = [tone.get(i) for i in arts["id"]]
    move_rows = conn.execute(
        select(m.article_id, a.story_id, a.published, a.source, a.url, m.ticker, m.direction,
               m.percent, m.price, m.currency, m.session, m.horizon, m.date, m.date_end,
               m.date_inferred, m.confidence, m.evidence)
        .join(schema.articles, a.id == m.article_id)
        .order_by(a.num, m.seq)
    ).all()  # fmt: skip
    moves = pd.DataFrame(
        move_rows,
        columns=["article_id", "story_id", "published", "source", "url", "ticker", "direction",
                 "percent", "price", "currency", "session", "horizon", "date", "date_end",
                 "date_inferred", "confidence", "evidence"],
    )  # fmt: skip
    event_rows = [dataclasses.asdict(e) for e in events(conn, None, None, None)]
    columns = [f.name for f in dataclasses.fields(Event)]
    return {
        "articles": arts,
        "moves": moves,
        "events": pd.DataFrame(event_rows, columns=columns),
    }


__all__ = [
    "ArticleMove",
    "ArticleRef",
    "Event",
    "Hit",
    "StoredCatalyst",
    "StoredDocument",
    "StoredMove",
    "TickerArticle",
]
