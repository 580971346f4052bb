"""Plain-text files and folders of them, with ``NAME.meta.json`` sidecars.

A sidecar beside ``NAME.txt`` carries ``title``, ``url``, ``source`` and ``published``; its
values win over anything guessed from the file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from whymove.errors import ConfigError, DecodeError, EmptyInputError, InputError
from whymove.model import RawDocument, parse_timestamp

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})


def read_meta(path: Path) -> dict[str, Any]:
    """The sidecar ``NAME.meta.json`` of ``path``, or ``{}`` when there is none."""
    meta_path = path.with_name(path.name.rsplit(".", 1)[0] + ".meta.json")
    if not meta_path.exists():
        return {}
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(str(meta_path), f"unreadable sidecar: {exc}") from exc
    if not isinstance(meta, dict):
        raise InputError(str(meta_path), "sidecar must hold a JSON object")
    return meta


def read_text_file(path: Path) -> RawDocument:
    """Read one text article and its sidecar."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DecodeError(str(path), f"not valid UTF-8 at byte {exc.start}") from exc
    if not text.strip():
        raise EmptyInputError(str(path), "the file is empty")
    meta = read_meta(path)
    try:
        published = parse_timestamp(meta.get("published"), "published")
    except ConfigError as exc:
        raise InputError(str(path), f"bad sidecar date: {exc}") from exc
    tickers = meta.get("tickers") or ()
    return RawDocument(
        input=str(path),
        text=text,
        title=meta.get("title"),
        url=meta.get("url"),
        source=meta.get("source"),
        published=published,
        tickers=tuple(tickers) if isinstance(tickers, list) else (),
    )


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named, and the article files inside folders named (recursively, sorted)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in TEXT_SUFFIXES:
                    yield child
        else:
            yield path


def iter_documents(paths: Iterable[str | Path]) -> Iterator[RawDocument | InputError]:
    """Each input as a RawDocument, or the InputError saying why it was rejected."""
    for path in expand_paths(paths):
        if not path.exists():
            yield InputError(str(path), "no such file or folder")
            continue
        try:
            yield read_text_file(path)
        except InputError as exc:
            yield exc
