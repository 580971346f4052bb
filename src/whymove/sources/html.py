"""Saved or fetched HTML pages: main text with trafilatura, metadata from the page head.

trafilatura finds the story among navigation, ads and comments; our own boilerplate pass
(:mod:`whymove.clean.boilerplate`) runs on its output later, in the pipeline. Metadata comes
from what publishers put in the head for search engines and social cards, most reliable
first: JSON-LD ``NewsArticle``, Open Graph / ``article:*`` meta tags, plain meta tags, then
``<title>`` and ``<time>``. A page whose text cannot be found is rejected, not stored empty.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from whymove.errors import EmptyInputError, InputError
from whymove.model import RawDocument
from whymove.sources.base import SourceItem
from whymove.sources.dates import parse_published
from whymove.sources.encoding import decode_bytes

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
MAX_HTML_BYTES = 10_000_000

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_ARTICLE_TYPES = frozenset(
    {"newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
     "opinionnewsarticle", "backgroundnewsarticle", "report", "techarticle"}
)  # fmt: skip
_TITLE_KEYS = ("og:title", "twitter:title", "title", "dc.title", "parsely-title", "sailthru.title")
_AUTHOR_KEYS = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator")
_DATE_KEYS = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date",
    "parsely-pub-date", "article.published", "published_time", "original-publish-date",
)  # fmt: skip
_SITE_KEYS = ("og:site_name", "application-name", "publisher", "twitter:site")


class HtmlSource:
    """One HTML file; its sidecar ``NAME.meta.json`` wins over what the page says."""

    def __init__(self, path: Path, meta: dict[str, Any] | None = None) -> None:
        self.path = path
        self.name = str(path)
        self.meta = meta or {}

    def estimate(self) -> int | None:
        return 1

    def __iter__(self) -> Iterator[SourceItem]:
        try:
            size = self.path.stat().st_size
            if size > MAX_HTML_BYTES:
                raise InputError(self.name, f"page too large ({size} bytes > {MAX_HTML_BYTES})")
            doc = parse_html(self.path.read_bytes(), self.name)
        except OSError as exc:
            yield InputError(self.name, f"cannot read: {exc.strerror or exc}")
            return
        except InputError as exc:
            yield exc
            return
        from whymove.sources.files import apply_meta

        try:
            yield apply_meta(doc, self.meta)
        except InputError as exc:
            yield exc


def parse_html(
    data: bytes | str,
    input_name: str,
    *,
    url: str | None = None,
    charset: str | None = None,
    site: str | None = None,
) -> RawDocument:
    """A RawDocument from one page, or an InputError saying why there is no article in it.

    ``url`` is where the page was fetched from (a fallback for the canonical URL),
    ``charset`` what the HTTP header declared and ``site`` the publisher's name when the page
    does not give one (else the host name is used).
    """
    if isinstance(data, bytes):
        declared = charset
        match = _META_CHARSET.search(data[:4096])
        if match and not declared:
            declared = match.group(1).decode("ascii", "replace")
        html = decode_bytes(data, input_name, declared)
    else:
        html = data
    meta = page_metadata(html)
    text = _main_text(html) or meta.pop("body", None)
    if not text or not text.strip():
        raise EmptyInputError(input_name, "no article text found in the page")
    page_url = meta.get("url") or url
    source = meta.get("site") or site or (urlsplit(page_url).hostname if page_url else None)
    return RawDocument(
        input=input_name,
        text=text,
        title=meta.get("title"),
        url=page_url,
        source=source,
        published=parse_published(meta.get("published")),
        author=meta.get("author"),
        html=True,
    )


def _main_text(html: str) -> str | None:
    import trafilatura

    try:
        return trafilatura.extract(
            html, include_comments=False, include_tables=False, favor_precision=True
        )
    except (ValueError, TypeError, RecursionError):
        return None


def page_metadata(html: str) -> dict[str, str]:
    """Title, author, published, url, site (and JSON-LD ``body``) found in the page."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        tree = lxml.html.document_fromstring(html)
    except (ParserError, ValueError):
        return {}
    metas: dict[str, str] = {}
    for node in tree.iter("meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").lower()
        value = (node.get("content") or "").strip()
        if key and value and key not in metas:
            metas[key] = value
    found: dict[str, str] = {}
    ld = _json_ld_article(tree)
    _put(found, "title", _text(ld.get("headline")), *(metas.get(k) for k in _TITLE_KEYS))
    _put(found, "author", _person(ld.get("author")), *(metas.get(k) for k in _AUTHOR_KEYS))
    _put(found, "published", _text(ld.get("datePublished")), *(metas.get(k) for k in _DATE_KEYS))
    canonical = next(
        (link.get("href") for link in tree.iter("link") if "canonical" in (link.get("rel") or "")),
        None,
    )
    ld_url = _text(ld.get("url")) or _text(_id_of(ld.get("mainEntityOfPage")))
    _put(found, "url", *(u for u in (canonical, metas.get("og:url"), ld_url) if _is_http(u)))
    _put(found, "site", *(metas.get(k) for k in _SITE_KEYS), _person(ld.get("publisher")))
    body = _text(ld.get("articleBody"))
    if body:
        found["body"] = body
    if "title" not in found:
        title = tree.find(".//title")
        if title is not None and title.text_content().strip():
            found["title"] = " ".join(title.text_content().split())
    if "published" not in found:
        stamp = next((t.get("datetime") for t in tree.iter("time") if t.get("datetime")), None)
        _put(found, "published", stamp)
    return found


def _put(found: dict[str, str], key: str, *candidates: str | None) -> None:
    for value in candidates:
        if value and value.strip():
            found[key] = " ".join(value.split())
            return


def _is_http(url: str | None) -> bool:
    return bool(url) and urlsplit(url or "").scheme in ("http", "https")


def _json_ld_article(tree: Any) -> dict[str, Any]:
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json":
            continue
        raw = (script.text or "").strip().removeprefix("<!--").removesuffix("-->")
        try:
            data = json.loads(raw)
        except (json.JSONDecodeError, ValueError):
            continue
        for node in _nodes(data):
            types = node.get("@type")
            names = types if isinstance(types, list) else [types]
            if any(isinstance(t, str) and t.lower() in _ARTICLE_TYPES for t in names):
                return node
    return {}


def _nodes(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _nodes(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _nodes(data["@graph"])


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and value and isinstance(value[0], str):
        return value[0]
    return None


def _id_of(value: Any) -> str | None:
    if isinstance(value, dict):
        return _text(value.get("@id")) or _text(value.get("url"))
    return _text(value)


def _person(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return _text(value.get("name"))
    if isinstance(value, list):
        names = [n for n in (_person(v) for v in value) if n]
        return ", ".join(names) if names else None
    return None
