"""Sources: bytes in, RawDocuments out. No NLP here.

Every input ends up as a :class:`~whymove.model.RawDocument` or an
:class:`~whymove.errors.InputError` naming it and the reason; nothing is dropped silently.
"""

from whymove.sources.base import FetchCache, FetchState, Skipped, Source, SourceItem, Unchanged
from whymove.sources.dates import parse_published
from whymove.sources.encoding import decode_bytes, detect_encoding
from whymove.sources.feeds import FeedSource
from whymove.sources.fetch import Fetched, fetch, make_client
from whymove.sources.files import (
    StdinSource,
    TextSource,
    iter_documents,
    iter_items,
    open_sources,
    read_text_file,
    source_for,
)
from whymove.sources.html import HtmlSource, parse_html
from whymove.sources.meta import read_meta
from whymove.sources.records import FieldMap, RecordsSource, parse_field_map, record_document

__all__ = [
    "FeedSource",
    "FetchCache",
    "FetchState",
    "Fetched",
    "FieldMap",
    "HtmlSource",
    "RecordsSource",
    "Skipped",
    "Source",
    "SourceItem",
    "StdinSource",
    "TextSource",
    "Unchanged",
    "decode_bytes",
    "detect_encoding",
    "fetch",
    "iter_documents",
    "iter_items",
    "make_client",
    "open_sources",
    "parse_field_map",
    "parse_html",
    "parse_published",
    "read_meta",
    "read_text_file",
    "record_document",
    "source_for",
]
