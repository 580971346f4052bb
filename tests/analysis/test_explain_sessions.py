"""Explain: after-hours moves belong to the next session; earlier reports start the chain."""

from __future__ import annotations

import datetime as dt

from whymove.analysis.explain import CatalystEvidence, NewsItem, StatedMove, explain
from whymove.analysis.novelty import Report

THU, FRI = dt.date(2024, 6, 13), dt.date(2024, 6, 14)
T = dt.datetime(2024, 6, 13, 21, 5, tzinfo=dt.UTC)
EARNINGS = CatalystEvidence("earnings", "positive", "Revenue beat estimates.", "Adobe", 0.9)
AFTER = StatedMove(
    "ADBE", "up", 7.4, 487.9, "after_hours", "day", THU, "rose 7.4% in extended trading",
    article_id="a", known_at=T, affects=FRI,
)  # fmt: skip


def _news(*cats: CatalystEvidence) -> list[NewsItem]:
    return [NewsItem("a", "s1", T, 90, catalysts=cats, moves=(AFTER,))]


def test_an_after_hours_move_is_the_next_sessions_stated_move():
    assert AFTER.target == FRI
    assert explain("ADBE", FRI, _news(EARNINGS)).stated_moves == (AFTER,)
    assert explain("ADBE", THU, _news(EARNINGS)).stated_moves == ()


def test_causes_name_their_article_and_when_they_became_known():
    (cause,) = explain("ADBE", FRI, _news(EARNINGS)).why
    assert cause.article_id == "a" and cause.known_at == T
    assert cause.sources[0].chain_id == "a"


def test_an_earlier_report_makes_the_window_story_a_repeat():
    earlier = Report("z", "s0", "ADBE", "earnings", T - dt.timedelta(hours=20))
    (cause,) = explain("ADBE", FRI, _news(EARNINGS), prior=[earlier]).why
    (source,) = cause.sources
    assert (source.novelty, source.chain_id) == (50, "z")
    # novelty weighs 0.2: 0.3*0.9 + 0.2*0.5 + 0.25*1 + 0.15*0.9 + 0.1*1 = 0.855
    assert cause.score == 0.855


def test_prior_reports_about_another_security_or_event_change_nothing():
    others = [
        Report("y", "s9", "CRM", "earnings", T - dt.timedelta(hours=2)),
        Report("x", "s8", "ADBE", "product", T - dt.timedelta(hours=2)),
    ]
    (cause,) = explain("ADBE", FRI, _news(EARNINGS), prior=others).why
    assert cause.sources[0].novelty == 100
