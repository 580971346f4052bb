"""The store: the only package that speaks SQL (SQLite by default, PostgreSQL for sharing)."""

from whymove.store.export import FORMATS, export
from whymove.store.paths import data_dir, resolve_db_url
from whymove.store.read import (
    Event,
    Hit,
    StoredCatalyst,
    StoredDocument,
    StoredMove,
    TickerArticle,
)
from whymove.store.rows import ArticleWrite, Batch, RejectWrite
from whymove.store.store import Store, open_store

__all__ = [
    "FORMATS",
    "ArticleWrite",
    "Batch",
    "Event",
    "Hit",
    "RejectWrite",
    "Store",
    "StoredCatalyst",
    "StoredDocument",
    "StoredMove",
    "TickerArticle",
    "data_dir",
    "export",
    "open_store",
    "resolve_db_url",
]
