"""Novelty and chains: the first report of an event scores 100, repeats decay.

Like RavenPack's event novelty score: within one chain of stories about the same event (the
same security and catalyst category inside a time window), the first story is fully novel and
each later distinct story is worth half the one before. Syndicated copies of one story (same
story id) are not new stories: they share the novelty of the story's first copy and are
flagged as copies, so they count once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Report:
    """One article's report of an event: who, what, when, and which story it belongs to."""

    article_id: str
    story_id: str
    ticker: str
    category: str
    published: dt.datetime


@dataclass(frozen=True, slots=True)
class Novelty:
    """Novelty of one report within its chain."""

    article_id: str
    chain_id: str
    """Id of the chain: the article id of its first report."""
    rank: int
    """0 for the first distinct story of the chain, 1 for the next, ..."""
    score: int
    """0-100: ``100 * decay ** rank``."""
    copy: bool
    """A syndicated copy of a story already in the chain."""


def novelty_scores(
    reports: Iterable[Report],
    *,
    window: dt.timedelta = dt.timedelta(days=3),
    decay: float = 0.5,
) -> dict[tuple[str, str, str], Novelty]:
    """Novelty by (article id, ticker, category). A chain stays open for ``window``.

    Example: three stories on one export-control event on consecutive hours score 100, 50, 25;
    a syndicated copy of the first scores 100 and is marked as a copy.
    """
    ordered = sorted(reports, key=lambda r: (r.published, r.article_id))
    open_chains: dict[tuple[str, str], tuple[str, dt.datetime, dict[str, int]]] = {}
    result: dict[tuple[str, str, str], Novelty] = {}
    for report in ordered:
        key = (report.ticker, report.category)
        chain = open_chains.get(key)
        if chain is None or report.published - chain[1] > window:
            chain = (report.article_id, report.published, {})
            open_chains[key] = chain
        chain_id, _, stories = chain
        copy = report.story_id in stories
        rank = stories.setdefault(report.story_id, len(stories))
        score = round(100 * decay**rank)
        result[(report.article_id, report.ticker, report.category)] = Novelty(
            report.article_id, chain_id, rank, score, copy
        )
    return result


def article_novelty(scores: dict[tuple[str, str, str], Novelty]) -> dict[str, int]:
    """A story's novelty: the highest novelty of any event it reports."""
    best: dict[str, int] = {}
    for (article_id, _, _), novelty in scores.items():
        best[article_id] = max(best.get(article_id, 0), novelty.score)
    return best
