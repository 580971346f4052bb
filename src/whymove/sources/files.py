"""Named inputs to sources: files by suffix, folders (recursive), URLs and ``-`` for stdin.

``iter_items`` is what ingestion reads: documents, rejections (each an InputError naming the
input and the reason), files skipped by folder walks, and HTTP state. ``iter_documents`` is
the simpler view ``whymove analyze`` uses: documents and rejections only.

A file named explicitly is always read, whatever its name; a folder walk reads the article
files it finds (by suffix, or ``--glob``) and skips what is evidently not an article: hidden
files, sidecars, README/LICENSE files and record files without a text field (price tables,
label files), each reported as skipped.
"""

from __future__ import annotations

import fnmatch
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

import httpx

from whymove.errors import InputError
from whymove.model import RawDocument
from whymove.sources.base import FetchCache, Skipped, Source, SourceItem
from whymove.sources.encoding import decode_bytes
from whymove.sources.feeds import FEED_SUFFIXES, FeedSource, looks_like_feed
from whymove.sources.fetch import is_http_url
from whymove.sources.html import HTML_SUFFIXES, HtmlSource, parse_html
from whymove.sources.meta import apply_meta, is_sidecar, read_meta, require_words
from whymove.sources.records import RECORD_SUFFIXES, FieldMap, RecordsSource

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES | FEED_SUFFIXES
MAX_TEXT_BYTES = 5_000_000
"""One article is never this long; a bigger text file is a log or a dump, and is rejected."""
STDIN = "-"
_NOT_ARTICLES = re.compile(
    r"^(readme|license|licence|copying|notice|changelog|authors|contributing)\b", re.I
)


class TextSource:
    """One plain-text article and its sidecar."""

    def __init__(self, path: Path, data: bytes | None = None, name: str | None = None) -> None:
        self.path = path
        self.name = name or str(path)
        self.data = data

    def estimate(self) -> int | None:
        return 1

    def __iter__(self) -> Iterator[SourceItem]:
        try:
            yield read_text_file(self.path, self.data, self.name)
        except InputError as exc:
            yield exc


def read_text_file(path: Path, data: bytes | None = None, name: str | None = None) -> RawDocument:
    """Read one text article and its sidecar (InputError when it cannot be an article).

    ``data`` given means the bytes did not come from ``path`` (stdin): there is no sidecar.
    """
    name = name or str(path)
    sidecar = data is None
    try:
        if data is None:
            size = path.stat().st_size
            if size > MAX_TEXT_BYTES:
                raise InputError(name, f"too large for one article ({size} bytes > "
                                       f"{MAX_TEXT_BYTES}); split it into articles")  # fmt: skip
            data = path.read_bytes()
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from exc
    if len(data) > MAX_TEXT_BYTES:
        raise InputError(name, f"too large for one article ({len(data)} bytes)")
    text = require_words(decode_bytes(data, name), name)
    meta = read_meta(path) if sidecar else {}
    return apply_meta(RawDocument(input=name, text=text), meta)


def source_for(
    path: Path,
    *,
    mapping: FieldMap | None = None,
    client: httpx.Client | None = None,
    walked: bool = False,
) -> Source:
    """The source that reads ``path``, chosen by its suffix (text when unknown)."""
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return _HtmlWithMeta(path)
    if suffix in RECORD_SUFFIXES:
        meta_source = None
        try:
            meta_source = read_meta(path).get("source")
        except InputError:
            meta_source = None
        return RecordsSource(path, mapping, source=meta_source, walked=walked)
    if suffix in FEED_SUFFIXES:
        return FeedSource(str(path), client)
    return TextSource(path)


class _HtmlWithMeta(HtmlSource):
    def __iter__(self) -> Iterator[SourceItem]:
        try:
            self.meta = read_meta(self.path)
        except InputError as exc:
            yield exc
            return
        yield from super().__iter__()


class StdinSource:
    """``-``: the bytes on standard input, read as a feed, page, records or text by content."""

    def __init__(
        self, stream: BinaryIO, mapping: FieldMap | None = None, client: httpx.Client | None = None
    ) -> None:
        self.stream = stream
        self.mapping = mapping
        self.client = client
        self.name = "<stdin>"

    def estimate(self) -> int | None:
        return None

    def __iter__(self) -> Iterator[SourceItem]:
        data = self.stream.read()
        head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        if looks_like_feed(data):
            yield from FeedSource(self.name, self.client, data=data)
        elif head.startswith(b"[") or (head.startswith(b"{") and _whole_json(data)):
            yield from RecordsSource(Path(self.name), self.mapping, kind="json", data=data)
        elif head.startswith(b"{"):
            yield from RecordsSource(Path(self.name), self.mapping, kind="jsonl", data=data)
        elif head.startswith(b"<") and re.search(rb"<(html|body|p|div|article|!doctype)\b", head):
            try:
                yield parse_html(data, self.name)
            except InputError as exc:
                yield exc
        else:
            yield from TextSource(Path(self.name), data=data, name=self.name)


def _whole_json(data: bytes) -> bool:
    try:
        json.loads(data)
    except (ValueError, UnicodeDecodeError):
        return False
    return True


def open_sources(
    inputs: Iterable[str | Path],
    *,
    mapping: FieldMap | None = None,
    glob: str | None = None,
    client: httpx.Client | None = None,
    cache: FetchCache | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Source | InputError | Skipped]:
    """A source per input file or URL; folders are walked (sorted, recursive)."""
    for raw in inputs:
        name = str(raw)
        if name == STDIN:
            yield StdinSource(stdin or sys.stdin.buffer, mapping, client)
        elif is_http_url(name):
            yield FeedSource(name, client, cache)
        elif "://" in name:
            yield InputError(name, "only http(s) URLs are fetched")
        else:
            path = Path(name)
            if path.is_dir():
                yield from _walk(path, glob, mapping, client)
            elif path.is_file():
                yield source_for(path, mapping=mapping, client=client)
            else:
                yield InputError(name, "no such file or folder")


def _walk(
    folder: Path, glob: str | None, mapping: FieldMap | None, client: httpx.Client | None
) -> Iterator[Source | Skipped]:
    def make(path: Path) -> Source:
        return source_for(path, mapping=mapping, client=client, walked=True)

    for child in sorted(folder.rglob("*")):
        relative = child.relative_to(folder)
        if not child.is_file() or any(part.startswith(".") for part in relative.parts):
            continue
        if is_sidecar(child):
            continue
        if glob is not None:
            if fnmatch.fnmatch(relative.as_posix(), glob) or fnmatch.fnmatch(child.name, glob):
                yield make(child)
            continue
        if child.suffix.lower() not in ARTICLE_SUFFIXES:
            continue
        if _NOT_ARTICLES.match(child.name):
            yield Skipped(str(child), "a README/LICENSE-style file, not an article")
            continue
        yield make(child)


def iter_items(
    inputs: Iterable[str | Path],
    *,
    mapping: FieldMap | None = None,
    glob: str | None = None,
    client: httpx.Client | None = None,
    cache: FetchCache | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[SourceItem]:
    """Every item of every input, in order (see the module docstring)."""
    for source in open_sources(
        inputs, mapping=mapping, glob=glob, client=client, cache=cache, stdin=stdin
    ):
        if isinstance(source, InputError | Skipped):
            yield source
        else:
            yield from source


def iter_documents(
    paths: Iterable[str | Path],
    *,
    mapping: FieldMap | None = None,
    glob: str | None = None,
    client: httpx.Client | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[RawDocument | InputError]:
    """Each input as a RawDocument, or the InputError saying why it was rejected.

    Accepts text, HTML, JSON Lines, JSON, CSV and feed files, folders of them, http(s) URLs
    and ``-`` for stdin. URLs are fetched with ``client``, or with a client made for the
    call (:func:`~whymove.sources.fetch.make_client`) when none is given.
    """
    inputs = list(paths)
    own = None
    if client is None and any(is_http_url(str(p)) for p in inputs):
        from whymove.sources.fetch import make_client

        client = own = make_client()
    try:
        for item in iter_items(inputs, mapping=mapping, glob=glob, client=client, stdin=stdin):
            if isinstance(item, RawDocument | InputError):
                yield item
    finally:
        if own is not None:
            own.close()
