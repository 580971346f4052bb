"""The ``prices`` table: daily prices per symbol and session, in the store's database.

One row per (symbol, session date), whichever file it came from, so loading a second file of the
same symbol fills gaps and loading the same file twice changes nothing. When two sources give the
same session, the better row wins, judged by ``quality``:

- a final row beats a provisional one: the last row of a downloaded file is often a snapshot
  taken during the session (partial volume, not the close), so it only stands until another
  source gives that session;
- a raw row beats an adjusted-only one, because raw closes are what news quotes and what makes
  returns computable across sources;
- on equal quality the newer load wins, so a corrected file replaces an old one.

Works on any SQLAlchemy engine; SQLite and PostgreSQL use one ``INSERT .. ON CONFLICT`` statement,
other databases a read-then-write in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine

from whymove.errors import ConfigError, StoreError
from whymove.prices.series import COLUMNS, PriceSeries
from whymove.store.paths import resolve_db_url as store_db_url

metadata = sa.MetaData()

prices_table = sa.Table(
    "prices",
    metadata,
    sa.Column("symbol", sa.String(32), primary_key=True),
    sa.Column("date", sa.Date, primary_key=True),
    sa.Column("open", sa.Float),
    sa.Column("high", sa.Float),
    sa.Column("low", sa.Float),
    sa.Column("close", sa.Float, nullable=False),
    sa.Column("adj_close", sa.Float, nullable=False),
    sa.Column("volume", sa.Float),
    sa.Column("dividend", sa.Float, nullable=False, server_default="0"),
    sa.Column("split", sa.Float, nullable=False, server_default="1"),
    sa.Column("source", sa.String(300), nullable=False),
    sa.Column("adjusted", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("quality", sa.SmallInteger, nullable=False),
)
"""``adjusted``: open/high/low/close are themselves dividend-adjusted (no raw price known).
``quality``: 2 x final + 1 x raw, the precedence described in the module docstring."""


def default_db_url(env: Mapping[str, str] | None = None) -> str:
    """``WHYMOVE_DB`` if set, else SQLite in the user's data folder (XDG_DATA_HOME honoured).

    The same database the article store opens (:func:`whymove.store.paths.resolve_db_url`
    decides for both), so prices and articles live side by side by default.

    Example: with no environment -> ``sqlite:////home/me/.local/share/whymove/whymove.db``.
    """
    return store_db_url(None, env)


def resolve_db_url(option: str | None, env: Mapping[str, str] | None = None) -> str:
    """The ``--db`` option if given, else :func:`default_db_url`. A bare path means SQLite.

    Delegates to the store's rule, so ``--db news.db`` names the same file for
    ``whymove ingest`` and ``whymove prices load``.
    """
    return store_db_url(option, env)


def connect(url: str) -> Engine:
    """An engine for ``url`` with the prices table present (created if missing)."""
    try:
        parsed = sa.engine.make_url(url)
    except sa.exc.ArgumentError as exc:
        raise ConfigError(f"db={url!r} is not a database URL such as sqlite:///whymove.db") from exc
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(parsed)
    ensure_schema(engine)
    return engine


def ensure_schema(engine: Engine) -> None:
    """Create the prices table if it is missing; safe to call any number of times."""
    try:
        metadata.create_all(engine, tables=[prices_table], checkfirst=True)
    except sa.exc.SQLAlchemyError as exc:
        raise StoreError(f"{engine.url!r}: cannot create the prices table ({exc})") from exc


@dataclass(frozen=True, slots=True)
class UpsertResult:
    """What loading one series did: rows inserted, replaced, and kept as they were."""

    symbol: str
    source: str
    inserted: int
    replaced: int
    kept: int
    first: dt.date
    last: dt.date


def _records(series: PriceSeries) -> list[dict[str, object]]:
    frame = series.frame
    raw = 0 if series.adjusted else 1
    out: list[dict[str, object]] = []
    last = len(frame) - 1
    for i, (day, row) in enumerate(zip(frame.index, frame.itertuples(index=False), strict=True)):
        values: dict[str, object] = {
            c: (None if pd.isna(v) else float(v)) for c, v in zip(COLUMNS, row, strict=True)
        }
        values.update(
            symbol=series.symbol,
            date=day.date(),
            source=series.source,
            adjusted=series.adjusted,
            quality=2 * (i != last) + raw,
        )
        out.append(values)
    return out


def upsert_series(engine: Engine, series: PriceSeries) -> UpsertResult:
    """Write one series; each session keeps the better of the stored and the new row."""
    records = _records(series)
    table = prices_table
    first, last = series.first.date(), series.last.date()
    with engine.begin() as conn:
        existing = dict(
            conn.execute(
                sa.select(table.c.date, table.c.quality).where(
                    table.c.symbol == series.symbol, table.c.date.between(first, last)
                )
            ).all()
        )
        inserted = sum(1 for r in records if r["date"] not in existing)
        replaced = sum(
            1 for r in records if r["date"] in existing and r["quality"] >= existing[r["date"]]
        )
        dialect = engine.dialect.name
        if dialect in ("sqlite", "postgresql"):
            module = sqlite if dialect == "sqlite" else postgresql
            stmt = module.insert(table)
            updates = {c.name: stmt.excluded[c.name] for c in table.c if not c.primary_key}
            stmt = stmt.on_conflict_do_update(
                index_elements=[table.c.symbol, table.c.date],
                set_=updates,
                where=stmt.excluded.quality >= table.c.quality,
            )
            for chunk in range(0, len(records), 5000):
                conn.execute(stmt, records[chunk : chunk + 5000])
        else:
            for r in records:
                old = existing.get(r["date"])
                if old is None:
                    conn.execute(table.insert().values(**r))
                elif r["quality"] >= old:
                    key = (table.c.symbol == r["symbol"]) & (table.c.date == r["date"])
                    conn.execute(table.update().where(key).values(**r))
    kept = len(records) - inserted - replaced
    return UpsertResult(series.symbol, series.source, inserted, replaced, kept, first, last)


def read_prices(
    engine: Engine,
    symbol: str,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> pd.DataFrame:
    """Stored rows of ``symbol`` as a frame indexed by date (empty when none are stored).

    Columns: :data:`whymove.prices.series.COLUMNS` plus ``source`` and ``adjusted``, ready for
    :func:`whymove.prices.returns.session_returns`.
    """
    table = prices_table
    query = sa.select(table).where(table.c.symbol == symbol).order_by(table.c.date)
    if start is not None:
        query = query.where(table.c.date >= start)
    if end is not None:
        query = query.where(table.c.date <= end)
    with engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
    columns = [*COLUMNS, "source", "adjusted"]
    frame = pd.DataFrame([{c: r[c] for c in columns} for r in rows], columns=columns)
    frame.index = pd.DatetimeIndex([pd.Timestamp(r["date"]) for r in rows], name="date")
    numeric = list(COLUMNS)
    frame[numeric] = frame[numeric].astype("float64")
    frame["adjusted"] = frame["adjusted"].astype(bool)
    return frame


@dataclass(frozen=True, slots=True)
class SymbolSummary:
    """One stored symbol: how many sessions, from when to when, from which files."""

    symbol: str
    rows: int
    first: dt.date
    last: dt.date
    sources: tuple[str, ...]


def list_symbols(engine: Engine) -> list[SymbolSummary]:
    """Every stored symbol with its row count, date range and sources, sorted by symbol."""
    table = prices_table
    query = (
        sa.select(
            table.c.symbol,
            table.c.source,
            sa.func.count(),
            sa.func.min(table.c.date),
            sa.func.max(table.c.date),
        )
        .group_by(table.c.symbol, table.c.source)
        .order_by(table.c.symbol, sa.func.min(table.c.date))
    )
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    summary: dict[str, list[tuple[str, int, dt.date, dt.date]]] = {}
    for symbol, source, count, first, last in rows:
        summary.setdefault(symbol, []).append((source, count, _as_date(first), _as_date(last)))
    return [
        SymbolSummary(
            symbol,
            sum(p[1] for p in parts),
            min(p[2] for p in parts),
            max(p[3] for p in parts),
            tuple(p[0] for p in parts),
        )
        for symbol, parts in summary.items()
    ]


def stored_symbols(engine: Engine) -> frozenset[str]:
    """The symbols that have any stored price (what benchmark rules may choose from)."""
    with engine.connect() as conn:
        return frozenset(conn.execute(sa.select(prices_table.c.symbol).distinct()).scalars())


def _as_date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])
