"""Where the database lives: --db, WHYMOVE_DB, XDG_DATA_HOME, ~/.local/share."""

from __future__ import annotations

from pathlib import Path

import pytest

from whymove.errors import ConfigError
from whymove.store import data_dir, resolve_db_url


def test_the_default_is_the_user_data_folder():
    assert resolve_db_url(None, {"HOME": "/home/ann"}) == (
        "sqlite:////home/ann/.local/share/whymove/whymove.db"
    )


def test_xdg_data_home_is_honoured_when_absolute():
    assert data_dir({"HOME": "/home/ann", "XDG_DATA_HOME": "/data"}) == Path("/data/whymove")
    # The XDG rules say a relative value is invalid and must be ignored.
    assert data_dir({"HOME": "/home/ann", "XDG_DATA_HOME": "rel"}) == Path(
        "/home/ann/.local/share/whymove"
    )


def test_the_option_wins_over_the_environment(tmp_path: Path):
    env = {"WHYMOVE_DB": str(tmp_path / "env.db"), "HOME": "/home/ann"}
    assert resolve_db_url(None, env) == f"sqlite:///{tmp_path / 'env.db'}"
    assert resolve_db_url(str(tmp_path / "opt.db"), env) == f"sqlite:///{tmp_path / 'opt.db'}"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgresql://u@db/news", "postgresql+psycopg://u@db/news"),
        ("postgres://u@db/news", "postgresql+psycopg://u@db/news"),
        ("sqlite:///tmp/x.db", "sqlite:///tmp/x.db"),
    ],
)
def test_urls(given: str, expected: str):
    assert resolve_db_url(given, {}) == expected


def test_an_unknown_scheme_is_a_usage_error():
    with pytest.raises(ConfigError, match="--db 'mysql://x'"):
        resolve_db_url("mysql://x", {})
