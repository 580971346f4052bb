"""Fixtures for the linking tests: a linker over the built-in master only.

The user's loaded securities (``$WHYMOVE_HOME``) must not change what these tests see, so the
linker here is built from :func:`builtin_master`, never from the user store.
"""

from __future__ import annotations

import pytest

from whymove.link.master import builtin_master
from whymove.link.matcher import Linker, build_linker


@pytest.fixture(scope="session")
def linker() -> Linker:
    return build_linker(builtin_master())


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    """Every test gets an empty user data folder."""
    monkeypatch.setenv("WHYMOVE_HOME", str(tmp_path / "whymove-home"))
