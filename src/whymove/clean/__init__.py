"""Cleaning: raw text in, the story's text out, with a stable content id."""

from __future__ import annotations

import dataclasses

from whymove.clean.boilerplate import strip_boilerplate
from whymove.clean.identity import content_id
from whymove.component import Component
from whymove.model import Article


def clean_article(article: Article) -> Article:
    """Remove boilerplate lines and give the article the content id of its cleaned text."""
    text, removed = strip_boilerplate(article.raw_text or article.text)
    return dataclasses.replace(article, text=text, boilerplate=removed, id=content_id(text))


CLEAN = Component(
    "whymove.clean", 2, clean_article, assigns=frozenset({"text", "boilerplate", "id"})
)

__all__ = ["CLEAN", "clean_article", "content_id", "strip_boilerplate"]
