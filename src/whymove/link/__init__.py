"""Security linking: the symbol master, the alias automaton and relevance."""

from __future__ import annotations

import dataclasses

from whymove.component import Component
from whymove.link.listings import listing_for
from whymove.link.loaders import load_file, parse_listing
from whymove.link.master import SecurityRecord, SymbolMaster, builtin_master, full_master
from whymove.link.matcher import Linker, build_linker, default_linker
from whymove.link.relevance import score_securities
from whymove.link.store import read_user_securities, save_user_securities, user_store_path
from whymove.model import Article, Mention


def link_mentions(article: Article) -> Article:
    """Every mention of a known security or index in the cleaned text."""
    return dataclasses.replace(article, mentions=tuple(default_linker().find(article.text)))


def rank_securities(article: Article) -> Article:
    """Securities with relevance 0-100 and the primary one(s).

    A title that is not the first line of the text is linked here too, for its weight only.
    """
    linker = default_linker()
    title = (article.title or "").strip()
    title_mentions: tuple[Mention, ...] = ()
    if title and not article.text.lstrip().startswith(title):
        title_mentions = tuple(linker.find(title))
    securities = score_securities(article, linker.master, title_mentions)
    return dataclasses.replace(article, securities=securities)


LINK = Component(
    "whymove.link",
    3,
    link_mentions,
    requires=frozenset({"text", "sentences"}),
    assigns=frozenset({"mentions"}),
)
RELEVANCE = Component(
    "whymove.relevance",
    3,
    rank_securities,
    requires=frozenset({"mentions", "moves"}),
    assigns=frozenset({"securities"}),
)

__all__ = [
    "LINK",
    "RELEVANCE",
    "Linker",
    "SecurityRecord",
    "SymbolMaster",
    "build_linker",
    "builtin_master",
    "default_linker",
    "full_master",
    "link_mentions",
    "listing_for",
    "load_file",
    "parse_listing",
    "rank_securities",
    "read_user_securities",
    "save_user_securities",
    "score_securities",
    "user_store_path",
]
