"""What every source yields, and the small protocols sources share.

A source turns one named input (a file, a URL, stdin) into a stream of items. Besides the
documents and the rejections (:class:`~whymove.errors.InputError`, each naming the input and
the reason), a folder walk yields :class:`Skipped` for files that are not articles, and a
fetching source yields :class:`Unchanged` when a server answered 304, and
:class:`FetchState` after the documents it fetched, so the caller can commit the HTTP
validators in the same transaction as those documents: a crash in between then re-fetches
rather than losing articles.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from whymove.errors import InputError
from whymove.model import RawDocument


@dataclass(frozen=True, slots=True)
class Unchanged:
    """An input the server says has not changed since we last fetched it (HTTP 304)."""

    input: str
    reason: str = "not modified since the last fetch"


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file met while walking a folder that is not an article file (a price table, a README).

    Only folder walks skip; a file named on the command line is always read, so every one of
    its records is stored or rejected.
    """

    input: str
    reason: str


@dataclass(frozen=True, slots=True)
class FetchState:
    """HTTP validators and the outcome of the last fetch of one URL (feed or page)."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    status: int | None = None
    checked_at: dt.datetime | None = None
    error: str | None = None


SourceItem = RawDocument | InputError | Unchanged | Skipped | FetchState


@runtime_checkable
class Source(Protocol):
    """One named input that yields items; it never raises for a bad input, it yields it."""

    name: str

    def __iter__(self) -> Iterator[SourceItem]: ...

    def estimate(self) -> int | None:
        """How many documents it will yield, when that is cheap to know (for progress)."""
        ...


class FetchCache(Protocol):
    """Where HTTP validators of earlier fetches are looked up (the store implements it)."""

    def fetch_state(self, url: str) -> FetchState | None: ...
