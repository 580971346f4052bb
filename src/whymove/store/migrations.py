"""Named, ordered schema migrations, recorded in ``schema_migrations``.

Each migration is a function of a connection, applied once, in order, inside the caller's
transaction; its name is recorded so it never runs twice. A new schema change is a new
function appended to :data:`MIGRATIONS`, never an edit of an applied one.

Full-text search differs by backend: SQLite gets an FTS5 table over ``title`` and ``text``
kept in step by triggers; PostgreSQL gets a generated ``tsvector`` column with a GIN index.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import Connection, inspect, select, text

from whymove.errors import StoreError
from whymove.store import schema

Migration = tuple[str, Callable[[Connection], None]]


def _initial(conn: Connection) -> None:
    tables = [t for t in schema.metadata.sorted_tables if t is not schema.source_lines]
    schema.metadata.create_all(conn, tables=tables)


def _full_text(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        for statement in _SQLITE_FTS:
            conn.execute(text(statement))
    elif conn.dialect.name == "postgresql":
        conn.execute(text(
            "ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
            "(to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED"
        ))  # fmt: skip
        conn.execute(text("CREATE INDEX ix_articles_tsv ON articles USING GIN (tsv)"))
    else:
        raise StoreError(f"no full-text search for database dialect {conn.dialect.name!r}")


def _source_lines(conn: Connection) -> None:
    schema.source_lines.create(conn)


_SQLITE_FTS = (
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', "
    "content_rowid='num', tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.num, new.title, new.text); END",
    "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
    "VALUES ('delete', old.num, old.title, old.text); END",
    "CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
    "VALUES ('delete', old.num, old.title, old.text); "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.num, new.title, new.text); END",
)

MIGRATIONS: tuple[Migration, ...] = (
    ("0001_initial", _initial),
    ("0002_full_text_search", _full_text),
    ("0003_source_lines", _source_lines),
)


def applied(conn: Connection) -> list[str]:
    """Names of the migrations already applied to this database, in order."""
    if not inspect(conn).has_table("schema_migrations"):
        return []
    rows = conn.execute(select(schema.schema_migrations.c.name).order_by("name"))
    return [row[0] for row in rows]


def migrate(conn: Connection, now: dt.datetime | None = None) -> list[str]:
    """Apply the migrations this database lacks; return their names.

    Raises StoreError when the database has migrations this version does not know (it was
    written by a newer whymove).
    """
    done = applied(conn)
    known = [name for name, _ in MIGRATIONS]
    unknown = [name for name in done if name not in known]
    if unknown:
        raise StoreError(
            f"the database has migrations this whymove does not know ({', '.join(unknown)}); "
            "upgrade whymove"
        )
    if not done:
        schema.schema_migrations.create(conn, checkfirst=True)
    stamp = now or dt.datetime.now(dt.UTC)
    new: list[str] = []
    for name, step in MIGRATIONS:
        if name in done:
            continue
        step(conn)
        conn.execute(schema.schema_migrations.insert().values(name=name, applied_at=stamp))
        new.append(name)
    return new
