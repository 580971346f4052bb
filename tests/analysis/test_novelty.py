"""Novelty: first report 100, repeats decay by half, syndicated copies count once."""

from __future__ import annotations

import datetime as dt

from whymove.analysis.novelty import Report, article_novelty, novelty_scores

T0 = dt.datetime(2025, 7, 14, 20, 0, tzinfo=dt.UTC)


def _r(article: str, story: str, hours: float, category: str = "supply_chain", ticker="BABA"):
    return Report(article, story, ticker, category, T0 + dt.timedelta(hours=hours))


def test_first_report_is_fully_novel_and_repeats_halve():
    scores = novelty_scores([_r("c", "s3", 2), _r("a", "s1", 0), _r("b", "s2", 1)])
    assert scores[("a", "BABA", "supply_chain")].score == 100
    assert scores[("b", "BABA", "supply_chain")].score == 50
    assert scores[("c", "BABA", "supply_chain")].score == 25
    assert {n.chain_id for n in scores.values()} == {"a"}


def test_syndicated_copy_shares_the_story_novelty_and_is_flagged():
    scores = novelty_scores([_r("a", "s1", 0), _r("a2", "s1", 1), _r("b", "s2", 2)])
    copy = scores[("a2", "BABA", "supply_chain")]
    assert copy.score == 100 and copy.copy
    assert scores[("b", "BABA", "supply_chain")].score == 50  # the copy did not count


def test_a_new_chain_starts_after_the_window():
    scores = novelty_scores([_r("a", "s1", 0), _r("b", "s2", 24 * 4)])
    assert scores[("b", "BABA", "supply_chain")].score == 100
    assert scores[("b", "BABA", "supply_chain")].chain_id == "b"


def test_different_categories_or_tickers_are_different_events():
    scores = novelty_scores([_r("a", "s1", 0), _r("b", "s2", 1, category="earnings")])
    assert scores[("b", "BABA", "earnings")].score == 100


def test_article_novelty_takes_the_best_event():
    scores = novelty_scores([_r("a", "s1", 0), _r("b", "s2", 1), _r("b", "s2", 1, "earnings")])
    assert article_novelty(scores) == {"a": 100, "b": 100}
