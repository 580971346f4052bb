"""RSS and Atom feeds from a file or a URL, and single pages named by URL.

Each feed entry becomes one article: its page is fetched (conditionally, with the validators
stored from the last fetch) and read like any saved page; the entry supplies title, time and
author where the page has none. Without a client, or when the entry has no link, the
entry's own content is the text.

A feed's validators are handed back (:class:`FetchState`) only after all its entries, and
only when every entry page was read or answered 304: when a page failed, the next poll must
see the whole feed again rather than a 304 that would hide the failed entry for good.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx

from whymove.errors import InputError
from whymove.model import RawDocument
from whymove.sources.base import FetchCache, FetchState, SourceItem, Unchanged
from whymove.sources.fetch import DEADLINE_SECONDS, MAX_BYTES, Fetched, fetch, is_http_url
from whymove.sources.html import parse_html

FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml", ".rdf"})
_FEED_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.S
)
Clock = Callable[[], dt.datetime]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def looks_like_feed(data: bytes, content_type: str | None = None) -> bool:
    """True for RSS/Atom/RDF bytes (by their root element, or their declared media type)."""
    if content_type and any(k in content_type for k in ("rss", "atom", "rdf")):
        return True
    return bool(_FEED_START.match(data[:2048].lstrip(b"\xef\xbb\xbf")))


class FeedSource:
    """A feed file, or a URL that serves a feed or one article page."""

    def __init__(
        self,
        location: str,
        client: httpx.Client | None = None,
        cache: FetchCache | None = None,
        *,
        data: bytes | None = None,
        clock: Clock = _now,
        max_bytes: int = MAX_BYTES,
        deadline: float = DEADLINE_SECONDS,
    ) -> None:
        self.name = location
        self.client = client
        self.cache = cache
        self.data = data
        self.clock = clock
        self.max_bytes = max_bytes
        self.deadline = deadline

    def estimate(self) -> int | None:
        return None

    def __iter__(self) -> Iterator[SourceItem]:
        if self.data is None and is_http_url(self.name):
            yield from self._from_url()
            return
        try:
            data = self.data if self.data is not None else Path(self.name).read_bytes()
        except OSError as exc:
            yield InputError(self.name, f"cannot read: {exc.strerror or exc}")
            return
        yield from self._entries(data, None, self.name)

    def _fetch(self, url: str, previous: FetchState | None) -> Fetched:
        assert self.client is not None
        return fetch(
            self.client, url, state=previous, max_bytes=self.max_bytes, deadline=self.deadline
        )

    def _state(self, url: str) -> FetchState | None:
        return self.cache.fetch_state(url) if self.cache is not None else None

    def _from_url(self) -> Iterator[SourceItem]:
        url = self.name
        if self.client is None:
            yield InputError(url, "URLs are fetched only with an HTTP client")
            return
        previous = self._state(url)
        try:
            got = self._fetch(url, previous)
        except InputError as exc:
            yield exc
            yield _failed(url, previous, exc.reason, self.clock())
            return
        if got.status == 304:
            yield Unchanged(url)
            yield _state_of(url, got, previous, self.clock())
            return
        if not looks_like_feed(got.content, got.content_type):
            try:
                yield parse_html(got.content, url, url=got.url, charset=got.charset)
            except InputError as exc:
                yield exc
            yield _state_of(url, got, None, self.clock())
            return
        complete = yield from self._entries(got.content, got.content_type, url)
        if complete:
            yield _state_of(url, got, None, self.clock())
        else:
            yield _failed(url, None, "some entry pages failed; the whole feed is read again",
                          self.clock(), status=got.status)  # fmt: skip

    def _entries(
        self, data: bytes, content_type: str | None, feed_name: str
    ) -> Iterator[SourceItem]:
        """Yield the entries' items; return whether every entry page was read."""
        import feedparser

        headers = {"content-type": content_type} if content_type else None
        parsed = feedparser.parse(data, response_headers=headers)
        if not parsed.entries:
            reason = "no entries"
            if parsed.bozo:
                reason = f"not a readable RSS/Atom feed: {parsed.get('bozo_exception')}"
            yield InputError(feed_name, reason)
            return True
        site = _clean(parsed.feed.get("title"))
        complete = True
        for number, entry in enumerate(parsed.entries, 1):
            item_ok = yield from self._entry(entry, f"{feed_name}#{number}", site)
            complete = complete and item_ok
        return complete

    def _entry(self, entry: Any, fallback_name: str, site: str | None) -> Iterator[SourceItem]:
        link = _clean(entry.get("link"))
        hints = {
            "title": _clean(entry.get("title")),
            "published": _entry_time(entry),
            "author": _clean(entry.get("author")),
            "source": site,
        }
        if link and is_http_url(link) and self.client is not None:
            previous = self._state(link)
            try:
                got = self._fetch(link, previous)
            except InputError as exc:
                yield exc
                return False
            if got.status == 304:
                yield Unchanged(link)
                return True
            try:
                doc = parse_html(got.content, link, url=got.url, charset=got.charset, site=site)
            except InputError as exc:
                yield exc
                yield _state_of(link, got, None, self.clock())
                return True
            yield _fill(doc, hints)
            yield _state_of(link, got, None, self.clock())
            return True
        content = _entry_content(entry)
        name = link or fallback_name
        if not content:
            yield InputError(name, "the entry has no text and no page to fetch")
            return True
        try:
            doc = parse_html(f"<html><body>{content}</body></html>", name, url=link, site=site)
        except InputError as exc:
            yield exc
            return True
        yield _fill(doc, hints)
        return True


def _fill(doc: RawDocument, hints: dict[str, Any]) -> RawDocument:
    changes = {k: v for k, v in hints.items() if v is not None and getattr(doc, k) is None}
    return dataclasses.replace(doc, **changes) if changes else doc


def _clean(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def _entry_time(entry: Any) -> dt.datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return dt.datetime.fromtimestamp(calendar.timegm(value), tz=dt.UTC)
    return None


def _entry_content(entry: Any) -> str | None:
    for item in entry.get("content") or ():
        value = item.get("value") if isinstance(item, dict) else None
        if value and value.strip():
            return str(value)
    summary = entry.get("summary")
    return str(summary) if summary and str(summary).strip() else None


def _state_of(url: str, got: Fetched, previous: FetchState | None, when: dt.datetime) -> FetchState:
    return FetchState(
        url=url,
        etag=got.etag or (previous.etag if previous else None),
        last_modified=got.last_modified or (previous.last_modified if previous else None),
        status=got.status,
        checked_at=when,
    )


def _failed(
    url: str, previous: FetchState | None, reason: str, when: dt.datetime, status: int | None = None
) -> FetchState:
    return FetchState(
        url=url,
        etag=previous.etag if previous else None,
        last_modified=previous.last_modified if previous else None,
        status=status,
        checked_at=when,
        error=reason,
    )
