"""Where the database is: ``--db``, else ``WHYMOVE_DB``, else the user's data folder.

The data folder follows the XDG base directory rules: ``$XDG_DATA_HOME/whymove`` when set,
else ``~/.local/share/whymove``. A value that is not a URL is a path to a SQLite file;
``postgresql://`` URLs are given the psycopg 3 driver.

Example:
    >>> resolve_db_url("news.db", env={}).startswith("sqlite:///")
    True
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from whymove.errors import ConfigError

DB_FILE = "whymove.db"
ENV_VAR = "WHYMOVE_DB"


def data_dir(env: Mapping[str, str] | None = None) -> Path:
    """The folder whymove keeps its database in by default."""
    env = os.environ if env is None else env
    base = env.get("XDG_DATA_HOME") or ""
    root = Path(base) if base.strip() and Path(base).is_absolute() else None
    if root is None:
        home = env.get("HOME") or str(Path.home())
        root = Path(home) / ".local" / "share"
    return root / "whymove"


def resolve_db_url(db: str | None = None, env: Mapping[str, str] | None = None) -> str:
    """A SQLAlchemy URL for ``db`` (a URL or a file path), ``WHYMOVE_DB`` or the default."""
    env = os.environ if env is None else env
    value = (db or env.get(ENV_VAR) or "").strip()
    if not value:
        return "sqlite:///" + str(data_dir(env) / DB_FILE)
    if "://" not in value:
        return "sqlite:///" + str(Path(value).expanduser().resolve())
    scheme, _, rest = value.partition("://")
    if scheme in ("postgres", "postgresql", "postgresql+psycopg"):
        return "postgresql+psycopg://" + rest
    if scheme.startswith("sqlite"):
        return value
    raise ConfigError(
        f"--db {value!r}: use a file path, sqlite:///PATH or postgresql://USER@HOST/DB"
    )
