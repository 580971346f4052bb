"""Security linking: the symbol master, the alias automaton and relevance."""

from __future__ import annotations

import dataclasses

from whymove.component import Component
from whymove.link.master import SecurityRecord, SymbolMaster, builtin_master
from whymove.link.matcher import Linker, build_linker, default_linker
from whymove.link.relevance import score_securities
from whymove.model import Article


def link_mentions(article: Article) -> Article:
    """Every mention of a known security or index in the cleaned text."""
    return dataclasses.replace(article, mentions=tuple(default_linker().find(article.text)))


def rank_securities(article: Article) -> Article:
    """Securities with relevance 0-100 and the primary one(s)."""
    securities = score_securities(article, default_linker().master)
    return dataclasses.replace(article, securities=securities)


LINK = Component(
    "whymove.link",
    1,
    link_mentions,
    requires=frozenset({"text", "sentences"}),
    assigns=frozenset({"mentions"}),
)
RELEVANCE = Component(
    "whymove.relevance",
    1,
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
    "score_securities",
]
