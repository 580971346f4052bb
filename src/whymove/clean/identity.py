"""Article identity: a content hash of the normalised text.

Two copies of one story that differ only in whitespace, Unicode form or letter case get the
same id, so re-ingesting is a no-op.
"""

from __future__ import annotations

import hashlib
import unicodedata


def normalise(text: str) -> str:
    """NFKC, case-folded, whitespace collapsed: the form the id is computed from."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def content_id(text: str) -> str:
    """A stable 16-hex-digit id of the normalised text.

    Example: ``content_id("Hello  World") == content_id("hello world")``.
    """
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:16]
