"""Sidecar metadata and the checks every source applies to what it read.

A sidecar ``NAME.meta.json`` beside ``NAME.txt`` (or ``NAME.html``) carries ``title``, ``url``,
``source``, ``published``, ``author`` and ``tickers``; a person wrote it, so its values win over
anything guessed from the file or the page.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path
from typing import Any

from whymove.errors import EmptyInputError, InputError
from whymove.model import RawDocument
from whymove.sources.dates import parse_published

SIDECAR_SUFFIX = ".meta.json"
_WORD = re.compile(r"[^\W\d_]{2,}")
_TICKER_SPLIT = re.compile(r"[\s,;|/]+")


def sidecar_path(path: Path) -> Path:
    """``a/NAME.meta.json`` for ``a/NAME.txt``."""
    return path.with_name(path.name.rsplit(".", 1)[0] + SIDECAR_SUFFIX)


def is_sidecar(path: Path) -> bool:
    return path.name.lower().endswith(SIDECAR_SUFFIX)


def read_meta(path: Path) -> dict[str, Any]:
    """The sidecar ``NAME.meta.json`` of ``path``, or ``{}`` when there is none."""
    meta_path = sidecar_path(path)
    if not meta_path.exists():
        return {}
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(str(meta_path), f"unreadable sidecar: {exc}") from exc
    if not isinstance(meta, dict):
        raise InputError(str(meta_path), "sidecar must hold a JSON object")
    return meta


def apply_meta(doc: RawDocument, meta: dict[str, Any]) -> RawDocument:
    """``doc`` with the sidecar's non-empty values in place of its own."""
    if not meta:
        return doc
    changes: dict[str, Any] = {}
    for key in ("title", "url", "source", "author"):
        value = meta.get(key)
        if isinstance(value, str) and value.strip():
            changes[key] = value.strip()
    if meta.get("published"):
        published = parse_published(meta["published"])
        if published is None:
            raise InputError(doc.input, f"sidecar published={meta['published']!r} is not a date")
        changes["published"] = published
    tickers = parse_tickers(meta.get("tickers"))
    if tickers:
        changes["tickers"] = tickers
    return dataclasses.replace(doc, **changes)


def parse_tickers(value: object) -> tuple[str, ...]:
    """Tickers from a list, or a string such as ``"BABA, JD"`` or ``"['BABA', 'JD']"``."""
    if isinstance(value, list | tuple):
        items = [str(v) for v in value if isinstance(v, str | int)]
    elif isinstance(value, str):
        items = _TICKER_SPLIT.split(value.strip().strip("[]"))
    else:
        return ()
    out: list[str] = []
    for item in items:
        ticker = item.strip().strip("'\"$").upper()
        if ticker and ticker not in out and len(ticker) <= 15:
            out.append(ticker)
    return tuple(out)


def require_words(text: str, input_name: str, what: str = "the input") -> str:
    """``text`` unchanged when it holds at least one word, else an EmptyInputError.

    Exports mark missing articles with placeholders such as ``0``, ``N/A`` or ``-``; none of
    them is an article.
    """
    if not _WORD.search(text):
        shown = text.strip()[:20]
        raise EmptyInputError(
            input_name, f"{what} holds no words" + (f" (only {shown!r})" if shown else "")
        )
    return text
