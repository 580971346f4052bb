"""Record files: JSON Lines, JSON and CSV exports of articles, one record per article.

Exports name their fields in many ways, so each field is guessed from common names (``text``,
``Content``, ``date_publish``, ...), compared without case or punctuation. A ``FieldMap``
(``--map body=article_text,published=Date``) names the columns to use first; a mapped name
missing from a record falls back to the guesses. A record that cannot be read is rejected on
its own, with its line, and the others go on.

Inputs are named ``FILE:LINE`` (JSON Lines, CSV: the line a record starts on) or ``FILE#N``
(the N-th record of a JSON file), so every rejection points at its record.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import io
import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO

from whymove.errors import ConfigError, EmptyInputError, InputError
from whymove.model import RawDocument
from whymove.sources.base import Skipped, SourceItem
from whymove.sources.dates import parse_published
from whymove.sources.encoding import SAMPLE_BYTES, check_text, decode_bytes, detect_encoding
from whymove.sources.meta import parse_tickers, require_words

RECORD_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json", ".csv", ".tsv"})
FIELDS: tuple[str, ...] = ("title", "body", "url", "published", "source", "tickers", "author")
GUESSES: Mapping[str, tuple[str, ...]] = {
    "body": (
        "body", "text", "content", "articlebody", "article", "articletext", "fulltext",
        "maintext", "story", "contents", "summary", "description",
    ),
    "title": ("title", "headline", "heading", "head", "subject"),
    "url": ("url", "link", "href", "uri", "canonicalurl", "permalink", "articleurl"),
    "published": (
        "published", "date", "time", "datetime", "publishedat", "publishdate", "datepublish",
        "datepublished", "pubdate", "publicationdate", "timestamp", "createdat", "created",
    ),
    "source": ("source", "site", "publisher", "outlet", "sitename", "domain", "provider"),
    "tickers": ("tickers", "ticker", "symbols", "symbol", "stocks"),
    "author": ("author", "authors", "byline", "writer"),
}  # fmt: skip
_LIST_KEYS = ("articles", "items", "data", "results", "entries", "records", "news", "documents")
_DELIMITERS = (",", ";", "\t", "|")
_MAX_FIELD = 64 * 1024 * 1024
_ESTIMATE_LIMIT = 64 * 1024 * 1024
_KEY = re.compile(r"[^0-9a-z]+")

FieldMap = Mapping[str, tuple[str, ...]]


def parse_field_map(specs: list[str] | tuple[str, ...] | str | None) -> dict[str, tuple[str, ...]]:
    """``["body=article_text|story", "published=Date"]`` -> ``{"body": ("article_text", ...)}``.

    Each spec may hold several ``field=column`` pairs separated by commas.
    """
    if specs is None:
        return {}
    if isinstance(specs, str):
        specs = [specs]
    mapping: dict[str, tuple[str, ...]] = {}
    for spec in specs:
        for pair in filter(None, (p.strip() for p in spec.split(","))):
            field, sep, columns = pair.partition("=")
            field = field.strip().lower()
            if field == "text":
                field = "body"
            if not sep or field not in FIELDS or not columns.strip():
                raise ConfigError(
                    f"--map {pair!r} is not FIELD=COLUMN with FIELD one of {', '.join(FIELDS)}"
                )
            names = tuple(c.strip() for c in columns.split("|") if c.strip())
            mapping[field] = mapping.get(field, ()) + names
    return mapping


def _key(name: str) -> str:
    return _KEY.sub("", name.lower())


def record_document(record: Mapping[str, Any], input_name: str, mapping: FieldMap) -> RawDocument:
    """The RawDocument of one record, or an InputError saying which field is missing."""
    by_key: dict[str, Any] = {}
    for name, value in record.items():
        by_key.setdefault(_key(str(name)), value)
    found: dict[str, Any] = {}
    empty: str | None = None
    for field in FIELDS:
        for name in (*mapping.get(field, ()), *GUESSES[field]):
            value = record.get(name, by_key.get(_key(name)))
            if value not in (None, "", [], {}):
                found[field] = value
                break
            if field == "body" and empty is None and _key(name) in by_key:
                empty = name
    body = found.get("body")
    if isinstance(body, list) and all(isinstance(p, str) for p in body):
        body = "\n".join(body)
    if not isinstance(body, str):
        if body is None and empty is not None:
            raise EmptyInputError(input_name, f"the text field {empty!r} is empty")
        if body is None:
            tried = ", ".join((*mapping.get("body", ()), *GUESSES["body"][:4]))
            raise InputError(input_name, f"no text field (looked for {tried}, ...); use --map")
        raise InputError(input_name, f"text field holds {type(body).__name__}, not text")
    require_words(body, input_name, "the text field")
    return RawDocument(
        input=input_name,
        text=body,
        title=_string(found.get("title")),
        url=_string(found.get("url")),
        source=_string(found.get("source")),
        published=parse_published(found.get("published")),
        tickers=parse_tickers(found.get("tickers")),
        author=_string(found.get("author")) or _names(found.get("author")),
    )


def _string(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _names(value: Any) -> str | None:
    if isinstance(value, list):
        names = [n for n in (_string(v) or _string((v or {}).get("name")) for v in value) if n]
        return ", ".join(names) or None
    if isinstance(value, dict):
        return _string(value.get("name"))
    return None


class RecordsSource:
    """One JSONL, JSON or CSV file of article records."""

    def __init__(
        self,
        path: Path,
        mapping: FieldMap | None = None,
        *,
        source: str | None = None,
        kind: str | None = None,
        data: bytes | None = None,
        walked: bool = False,
    ) -> None:
        self.path = path
        self.name = str(path)
        self.mapping: FieldMap = mapping or {}
        self.default_source = source
        self.data = data
        self.walked = walked
        suffix = kind or path.suffix.lower().lstrip(".")
        self.kind = {"ndjson": "jsonl", "tsv": "csv"}.get(suffix, suffix)
        self.delimiter = "\t" if suffix == "tsv" else None

    def _open(self) -> BinaryIO:
        return io.BytesIO(self.data) if self.data is not None else self.path.open("rb")

    def estimate(self) -> int | None:
        try:
            size = len(self.data) if self.data is not None else self.path.stat().st_size
            if size > _ESTIMATE_LIMIT:
                return None
            if self.kind == "jsonl" and not self.walked:
                with self._open() as handle:
                    return sum(1 for line in handle if line.strip())
            count = 0
            checked = not self.walked
            for item in self._records():
                if not checked and not isinstance(item, InputError):
                    checked = True
                    if not self._has_text_field(item[1]):
                        return count
                count += 1
            return count
        except (OSError, InputError):
            return None

    def __iter__(self) -> Iterator[SourceItem]:
        first = True
        try:
            for item in self._records():
                if isinstance(item, InputError):
                    yield item
                    continue
                input_name, record = item
                if first and self.walked and not self._has_text_field(record):
                    columns = ", ".join(str(k) for k in list(record)[:8])
                    yield Skipped(self.name, f"no text field, not an article file ({columns})")
                    return
                first = False
                try:
                    doc = record_document(record, input_name, self.mapping)
                except InputError as exc:
                    yield exc
                    continue
                if doc.source is None and self.default_source:
                    doc = dataclasses.replace(doc, source=self.default_source)
                yield doc
        except OSError as exc:
            yield InputError(self.name, f"cannot read: {exc.strerror or exc}")

    def _has_text_field(self, record: Mapping[str, Any]) -> bool:
        keys = {_key(str(k)) for k in record}
        names = (*self.mapping.get("body", ()), *GUESSES["body"])
        return any(_key(name) in keys for name in names)

    def _records(self) -> Iterator[tuple[str, Mapping[str, Any]] | InputError]:
        if self.kind == "jsonl":
            return self._jsonl()
        if self.kind == "json":
            return self._json()
        return self._csv()

    def _jsonl(self) -> Iterator[tuple[str, Mapping[str, Any]] | InputError]:
        with self._open() as handle:
            sample = handle.read(SAMPLE_BYTES)
            handle.seek(0)
            if not sample.strip():
                yield InputError(self.name, "the file is empty")
                return
            try:
                codec = detect_encoding(sample, self.name, complete=False)
            except InputError as exc:
                yield exc
                return
            lines: Iterator[bytes] = iter(handle)
            if codec.startswith("utf-16") or codec.startswith("utf-32"):
                lines = iter(handle.read().decode(codec, "strict").encode().splitlines())
                codec = "utf-8"
            for number, raw in enumerate(lines, 1):
                if not raw.strip():
                    continue
                name = f"{self.name}:{number}"
                try:
                    line = raw.decode(codec).lstrip("\ufeff")
                    record = json.loads(line)
                except UnicodeDecodeError as exc:
                    yield InputError(name, f"line does not decode as {codec}: {exc.reason}")
                    continue
                except json.JSONDecodeError as exc:
                    yield InputError(name, f"invalid JSON ({exc.msg} at column {exc.colno})")
                    continue
                if not isinstance(record, dict):
                    yield InputError(name, f"a JSON {type(record).__name__}, not an object")
                    continue
                yield name, record

    def _json(self) -> Iterator[tuple[str, Mapping[str, Any]] | InputError]:
        try:
            with self._open() as handle:
                data = json.loads(decode_bytes(handle.read(), self.name))
        except InputError as exc:
            yield exc
            return
        except json.JSONDecodeError as exc:
            yield InputError(self.name, f"invalid JSON ({exc.msg} at line {exc.lineno})")
            return
        records = _record_list(data)
        if records is None:
            yield InputError(self.name, "no article record or list of records in the JSON")
            return
        for number, record in enumerate(records, 1):
            name = f"{self.name}#{number}"
            if isinstance(record, dict):
                yield name, record
            else:
                yield InputError(name, f"a JSON {type(record).__name__}, not an object")

    def _csv(self) -> Iterator[tuple[str, Mapping[str, Any]] | InputError]:
        with self._open() as binary:
            sample = binary.read(SAMPLE_BYTES)
            binary.seek(0)
            if not sample.strip():
                yield InputError(self.name, "the file is empty")
                return
            try:
                codec = detect_encoding(sample, self.name, complete=len(sample) < SAMPLE_BYTES)
                check_text(sample.decode(codec, "ignore"), self.name)
            except InputError as exc:
                yield exc
                return
            if codec == "utf-8":
                codec = "utf-8-sig"
            text = io.TextIOWrapper(binary, encoding=codec, errors="strict", newline="")
            yield from self._csv_rows(text, codecs.lookup(codec).name)

    def _csv_rows(
        self, text: io.TextIOWrapper, codec: str
    ) -> Iterator[tuple[str, Mapping[str, Any]] | InputError]:
        if csv.field_size_limit() < _MAX_FIELD:
            csv.field_size_limit(_MAX_FIELD)  # articles are longer than the 128 KiB default
        reader = None
        try:
            header_line = text.readline()
            delimiter = self.delimiter or max(_DELIMITERS, key=header_line.count)
            header = [h.strip() for h in next(csv.reader([header_line], delimiter=delimiter), [])]
            if not any(header):
                yield InputError(self.name, "no header row")
                return
            reader = csv.reader(text, delimiter=delimiter, quotechar='"', doublequote=True)
            while True:
                start = reader.line_num + 2  # the header is line 1
                try:
                    row = next(reader)
                except StopIteration:
                    return
                except csv.Error as exc:
                    yield InputError(f"{self.name}:{start}", f"malformed CSV: {exc}")
                    continue
                if any(cell.strip() for cell in row):
                    yield f"{self.name}:{start}", dict(zip(header, row, strict=False))
        except UnicodeDecodeError as exc:
            where = (reader.line_num if reader else 0) + 2
            yield InputError(
                f"{self.name}:{where}",
                f"the rest of the file does not decode as {codec} ({exc.reason}); "
                "rows from here on are not read",
            )


def _record_list(data: Any) -> list[Any] | None:
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        return None
    for key in _LIST_KEYS:
        if isinstance(data.get(key), list):
            return data[key]
    if any(_key(str(k)) in GUESSES["body"] for k in data):
        return [data]
    lists = [v for v in data.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
    return lists[0] if len(lists) == 1 else None
