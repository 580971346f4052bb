"""The Store: one interface over SQLite (the default) and PostgreSQL.

Every write is an upsert inside one transaction per batch, so a batch is stored whole or not
at all, and writing the same thing twice changes nothing. SQLite runs in WAL mode (readers
never block the writer) with foreign keys on and a busy timeout, so ``whymove watch`` and a
notebook can share one file. The two backends differ only in their ``INSERT ... ON CONFLICT``
construct and in full-text search; both pass the same contract tests.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Table,
    create_engine,
    delete,
    event,
    func,
    inspect,
    select,
    text,
)
from sqlalchemy.exc import SQLAlchemyError

from whymove.clean.boilerplate import LEARN_MIN_ARTICLES
from whymove.errors import StoreError
from whymove.sources.base import FetchState
from whymove.store import read, schema
from whymove.store.migrations import migrate
from whymove.store.paths import resolve_db_url
from whymove.store.rows import ArticleWrite, Batch, article_row, fact_rows

Clock = Callable[[], dt.datetime]
_CHUNK = 500


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def line_hash(line_key: str) -> str:
    return hashlib.sha256(line_key.encode("utf-8")).hexdigest()[:32]


class Store:
    """Articles, stories, facts, rejects and feed state in one database.

    Open with :func:`open_store`; use as a context manager or call :meth:`close`.
    """

    def __init__(self, engine: Engine, *, clock: Clock = _now) -> None:
        self.engine = engine
        self.clock = clock
        self.dialect = engine.dialect.name
        if self.dialect == "sqlite":
            from sqlalchemy.dialects.sqlite import insert
        elif self.dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            raise StoreError(f"unsupported database {self.dialect!r}; use SQLite or PostgreSQL")
        self._insert = insert
        self._statements: dict[tuple[str, tuple[str, ...], tuple[str, ...]], Any] = {}

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    def migrate(self) -> list[str]:
        """Apply missing migrations; return their names."""
        try:
            with self.engine.begin() as conn:
                return migrate(conn, self.clock())
        except SQLAlchemyError as exc:
            raise StoreError(f"{self.url}: cannot migrate the database: {exc}") from exc

    def _connect(self) -> Connection:
        try:
            return self.engine.connect()
        except SQLAlchemyError as exc:
            raise StoreError(f"{self.url}: {exc}") from exc

    # -- identity ---------------------------------------------------------------------------

    def known_raw_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Those of ``hashes`` that belong to a stored article's raw text."""
        return self._known(schema.articles.c.raw_hash, hashes)

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """Those of ``ids`` that are stored articles."""
        return self._known(schema.articles.c.id, ids)

    def _known(self, column: Any, values: Iterable[str]) -> set[str]:
        wanted = list(dict.fromkeys(values))
        found: set[str] = set()
        with self._connect() as conn:
            for start in range(0, len(wanted), _CHUNK):
                chunk = wanted[start : start + _CHUNK]
                found.update(r[0] for r in conn.execute(select(column).where(column.in_(chunk))))
        return found

    def signatures(self) -> Iterator[tuple[str, str, bytes]]:
        """``(article_id, story_id, minhash)`` of every stored article (to rebuild LSH)."""
        art = schema.articles.c
        with self._connect() as conn:
            query = select(art.id, art.story_id, art.minhash).order_by(art.num)
            for row in conn.execution_options(stream_results=True).execute(query):
                yield row[0], row[1], bytes(row[2])

    def fetch_state(self, url: str) -> FetchState | None:
        """The validators and outcome of the last fetch of ``url`` (the FetchCache protocol)."""
        fs = schema.feed_state.c
        with self._connect() as conn:
            row = conn.execute(select(schema.feed_state).where(fs.url == url)).mappings().first()
        return FetchState(**row) if row else None

    def learned_lines(self, source: str, min_articles: int = LEARN_MIN_ARTICLES) -> frozenset[str]:
        """Line keys seen in at least ``min_articles`` of ``source``'s articles."""
        sl = schema.source_lines.c
        query = select(sl.line_key).where(sl.source == source, sl.n_articles >= min_articles)
        with self._connect() as conn:
            return frozenset(r[0] for r in conn.execute(query))

    def line_counts(self, source: str, keys: Iterable[str]) -> dict[str, int]:
        """How many of ``source``'s stored articles hold each of the line ``keys``."""
        sl = schema.source_lines.c
        by_hash = {line_hash(k): k for k in keys}
        out: dict[str, int] = {}
        hashes = list(by_hash)
        with self._connect() as conn:
            for start in range(0, len(hashes), _CHUNK):
                chunk = hashes[start : start + _CHUNK]
                query = select(sl.line_hash, sl.n_articles).where(
                    sl.source == source, sl.line_hash.in_(chunk)
                )
                for digest, count in conn.execute(query):
                    out[by_hash[digest]] = count
        return out

    # -- writes -----------------------------------------------------------------------------

    def write(self, batch: Batch) -> None:
        """Store one batch in one transaction: all of it, or (on error) none of it."""
        now = self.clock()
        try:
            with self.engine.begin() as conn:
                self._write_articles(conn, batch.articles, now)
                rejects = [
                    {"hash": r.hash, "input": r.input, "reason": r.reason, "error": r.error,
                     "rejected_at": now}
                    for r in batch.rejects
                ]  # fmt: skip
                self._upsert(conn, schema.rejects, rejects, ["hash"], update=())
                states = [
                    {"url": s.url, "etag": s.etag, "last_modified": s.last_modified,
                     "status": s.status, "checked_at": s.checked_at or now, "error": s.error}
                    for s in _last_per_url(batch.fetch_states)
                ]  # fmt: skip
                columns = ("etag", "last_modified", "status", "checked_at", "error")
                self._upsert(conn, schema.feed_state, states, ["url"], update=columns)
                self._count_lines(conn, batch.lines)
        except SQLAlchemyError as exc:
            raise StoreError(f"{self.url}: the batch was not stored: {exc}") from exc

    def replace_analyses(self, writes: Sequence[ArticleWrite]) -> None:
        """Re-processed articles: new text, facts and pipeline version under their old ids."""
        now = self.clock()
        art = schema.articles
        fields = ("text", "published_inferred", "boilerplate", "sentences", "pipeline_version",
                  "failures", "minhash", "title", "processed_at")  # fmt: skip
        try:
            with self.engine.begin() as conn:
                for write in writes:
                    row = article_row(write, now)
                    values = {k: row[k] for k in fields}
                    conn.execute(art.update().where(art.c.id == write.article.id).values(values))
                self._write_facts(conn, [w.article for w in writes], replace=True)
        except SQLAlchemyError as exc:
            raise StoreError(f"{self.url}: re-processed articles were not stored: {exc}") from exc

    def _write_articles(
        self, conn: Connection, writes: Sequence[ArticleWrite], now: dt.datetime
    ) -> None:
        if not writes:
            return
        stories = {w.story_id: w for w in writes if w.story_id == w.article.id}
        self._upsert(conn, schema.stories, [
            {"id": sid, "first_article_id": w.article.id, "title": w.article.title,
             "first_published": w.article.published, "n_articles": 0, "n_sources": 0}
            for sid, w in stories.items()
        ], ["id"], update=())  # fmt: skip
        self._upsert(conn, schema.articles, [article_row(w, now) for w in writes], ["id"], ())
        self._write_facts(conn, [w.article for w in writes], replace=False)
        self._refresh_stories(conn, {w.story_id for w in writes})

    def _write_facts(self, conn: Connection, articles: Sequence[Any], *, replace: bool) -> None:
        """The fact rows of ``articles``: one upsert per table for the whole batch."""
        rows: dict[str, list[dict[str, Any]]] = {t.name: [] for t in schema.FACT_TABLES}
        for article in articles:
            for name, table_rows in fact_rows(article).items():
                rows[name].extend(table_rows)
        ids = [a.id for a in articles]
        for table in schema.FACT_TABLES:
            if replace:
                for start in range(0, len(ids), _CHUNK):
                    chunk = ids[start : start + _CHUNK]
                    conn.execute(delete(table).where(table.c.article_id.in_(chunk)))
            keys = [c.name for c in table.primary_key.columns]
            update = tuple(c.name for c in table.columns if c.name not in keys)
            self._upsert(conn, table, rows[table.name], keys, update)

    def _refresh_stories(self, conn: Connection, story_ids: set[str]) -> None:
        a = schema.articles.c
        query = (
            select(a.story_id, func.count(), func.count(func.distinct(a.source)),
                   func.min(a.published))
            .where(a.story_id.in_(sorted(story_ids)))
            .group_by(a.story_id)
        )  # fmt: skip
        st = schema.stories
        for story_id, count, sources, first in conn.execute(query):
            values = {"n_articles": count, "n_sources": sources, "first_published": first}
            conn.execute(st.update().where(st.c.id == story_id).values(values))

    def _count_lines(self, conn: Connection, lines: Sequence[tuple[str, str]]) -> None:
        counts: dict[tuple[str, str], int] = {}
        for source, key in lines:
            counts[(source, key)] = counts.get((source, key), 0) + 1
        rows = [
            {"source": s, "line_hash": line_hash(k), "line_key": k, "n_articles": n}
            for (s, k), n in counts.items()
        ]
        if not rows:
            return
        table = schema.source_lines
        stmt = self._insert(table)
        stmt = stmt.on_conflict_do_update(
            index_elements=["source", "line_hash"],
            set_={"n_articles": table.c.n_articles + stmt.excluded.n_articles},
        )
        for start in range(0, len(rows), _CHUNK):
            conn.execute(stmt, rows[start : start + _CHUNK])

    def _upsert(
        self,
        conn: Connection,
        table: Table,
        rows: list[dict[str, Any]],
        keys: list[str],
        update: Sequence[str],
    ) -> None:
        """``INSERT ... ON CONFLICT (keys) DO UPDATE SET update`` (or DO NOTHING)."""
        if not rows:
            return
        key = (table.name, tuple(keys), tuple(update))
        stmt = self._statements.get(key)
        if stmt is None:
            stmt = self._insert(table)
            if update:
                stmt = stmt.on_conflict_do_update(
                    index_elements=keys, set_={c: stmt.excluded[c] for c in update}
                )
            else:
                stmt = stmt.on_conflict_do_nothing(index_elements=keys)
            self._statements[key] = stmt
        for start in range(0, len(rows), _CHUNK):
            conn.execute(stmt, rows[start : start + _CHUNK])

    # -- reads ------------------------------------------------------------------------------

    def stale_articles(
        self, version: str, *, after: int = 0, limit: int | None = None
    ) -> list[read.StoredDocument]:
        """Stored articles whose pipeline version is not ``version``, after ``num`` ``after``."""
        with self._connect() as conn:
            return read.stale_documents(conn, version, after, limit)

    def count_stale(self, version: str) -> int:
        a = schema.articles.c
        with self._connect() as conn:
            query = select(func.count()).where(a.pipeline_version != version)
            return int(conn.execute(query).scalar_one())

    def table_counts(self) -> dict[str, int]:
        """Row counts of every table (FTS index tables included on SQLite)."""
        with self._connect() as conn:
            names = sorted(inspect(conn).get_table_names())
            if self.dialect == "sqlite":
                names += ["articles_fts"]
            return {n: int(conn.execute(text(f'SELECT count(*) FROM "{n}"')).scalar_one())
                    for n in names}  # fmt: skip

    def dump(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every row of every schema table, sorted: for tests that compare whole databases."""
        out: dict[str, list[tuple[Any, ...]]] = {}
        with self._connect() as conn:
            for table in schema.metadata.sorted_tables:
                rows = conn.execute(select(table)).all()
                out[table.name] = sorted((tuple(r) for r in rows), key=repr)
        return out

    def search(self, query: str, *, ticker: str | None = None, limit: int = 20) -> list[read.Hit]:
        """Articles matching ``query`` (words and "quoted phrases"), best first."""
        with self._connect() as conn:
            return read.search(conn, query, ticker=ticker, limit=limit)

    def articles_for(
        self, ticker: str, start: dt.datetime | None = None, end: dt.datetime | None = None
    ) -> list[read.TickerArticle]:
        """Articles about ``ticker`` published in ``[start, end)``, with their facts."""
        with self._connect() as conn:
            return read.articles_for(conn, ticker, start, end)

    def events(
        self,
        ticker: str | None = None,
        start: dt.datetime | None = None,
        end: dt.datetime | None = None,
    ) -> list[read.Event]:
        """One row per (article, security, catalyst) in ``[start, end)``, oldest first."""
        with self._connect() as conn:
            return read.events(conn, ticker, start, end)

    def rejects(self) -> list[dict[str, Any]]:
        with self._connect() as conn:
            query = select(schema.rejects).order_by(schema.rejects.c.rejected_at)
            return [dict(r) for r in conn.execute(query).mappings()]

    def frames(self) -> dict[str, Any]:
        """pandas DataFrames of articles, moves and events: what ``export`` writes."""
        with self._connect() as conn:
            return read.frames(conn)


def open_store(
    db: str | None = None,
    *,
    env: dict[str, str] | None = None,
    clock: Clock = _now,
    create: bool = True,
) -> Store:
    """Open (and migrate) the store at ``db``, ``WHYMOVE_DB`` or the user's data folder."""
    url = resolve_db_url(db, env)
    if url.startswith("sqlite:///") and create:
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    try:
        engine = create_engine(url, future=True)
    except (SQLAlchemyError, ImportError, ValueError) as exc:
        raise StoreError(f"{url}: cannot open the database: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    store = Store(engine, clock=clock)
    try:
        store.migrate()
    except SQLAlchemyError as exc:
        store.close()
        raise StoreError(f"{store.url}: cannot open the database: {exc}") from exc
    except StoreError:
        store.close()
        raise
    return store


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _last_per_url(states: Iterable[FetchState]) -> list[FetchState]:
    latest: dict[str, FetchState] = {}
    for state in states:
        latest[state.url] = state
    return list(latest.values())


__all__ = ["Store", "line_hash", "open_store"]
