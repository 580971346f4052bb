"""Explain: ranking by relevance, novelty, agreement and stated cause; sections; JSON."""

from __future__ import annotations

import datetime as dt
import json

from whymove.analysis.explain import (
    CatalystEvidence,
    NewsItem,
    PriceAction,
    StatedMove,
    explain,
    stated_price_action,
)

DAY = dt.date(2025, 7, 15)
T = dt.datetime(2025, 7, 15, 12, tzinfo=dt.UTC)


def _item(aid, story, hours, relevance, *cats, moves=()):
    return NewsItem(
        article_id=aid,
        story_id=story,
        known_at=T + dt.timedelta(hours=hours),
        relevance=relevance,
        title=f"title {aid}",
        source="samples",
        catalysts=tuple(cats),
        moves=tuple(moves),
    )


SUPPLY = CatalystEvidence("supply_chain", "positive", "Nvidia resumes chip sales.", "Nvidia", 0.8)
PRODUCT = CatalystEvidence("product", "positive", "Its model tops a leaderboard.", None, 0.4)
RISK = CatalystEvidence("regulation", "negative", "Tariffs could bite.", None, 0.5, background=True)
UP = StatedMove("BABA", "up", 8.1, None, None, "day", DAY, "Shares rose 8.1% on Tuesday.")
PEER = StatedMove("JD", "up", 3.0, None, None, "day", DAY, "JD gained 3%.")


def test_causes_rank_and_split_into_why_and_risks():
    news = [
        _item("a", "s1", 0, 100, SUPPLY, PRODUCT, RISK, moves=[UP, PEER]),
        _item("b", "s2", 1, 40, PRODUCT),
    ]
    price = PriceAction("BABA", DAY, "prices", raw_return=0.081, abnormal_return=0.06, sigma=3.1)
    result = explain("BABA", DAY, news, price)
    assert [c.category for c in result.why] == ["supply_chain", "product"]
    # supply_chain: 0.3*1 + 0.2*1 + 0.25*1 + 0.15*0.8 + 0.1*1 = 0.97
    assert result.why[0].score == 0.97
    # product: 0.3 + 0.2 + 0.25 + 0.15*0.4 + 0.1 = 0.91, plus 0.03 for a second story
    assert result.why[1].score == 0.94
    # product is reported by two stories: sources listed once each, first report first
    assert [s.article_id for s in result.why[1].sources] == ["a", "b"]
    assert [s.novelty for s in result.why[1].sources] == [100, 50]
    assert [c.category for c in result.risks] == ["regulation"]
    assert result.stated_moves == (UP,)
    assert result.related_moves == (PEER,)
    assert result.key_points[0] == "Shares rose 8.1% on Tuesday."
    assert result.notes == ()


def test_cause_against_the_move_is_a_risk_not_a_reason():
    against = CatalystEvidence("analyst", "negative", "Analyst cuts target.", None, 0.9)
    price = PriceAction("BABA", DAY, "prices", raw_return=0.05)
    result = explain("BABA", DAY, [_item("a", "s1", 0, 90, against)], price)
    assert result.why == ()
    assert result.risks[0].agreement == "contradicts"


def test_without_prices_the_stated_moves_serve_and_the_answer_says_so():
    result = explain("BABA", DAY, [_item("a", "s1", 0, 100, SUPPLY, moves=[UP])])
    assert any("stated moves" in note for note in result.notes)
    assert result.why[0].agreement == "agrees"  # sign taken from the stated +8.1%
    action = stated_price_action("BABA", DAY, list(result.stated_moves))
    assert action.source == "stated" and action.raw_return == 0.081


def test_catalysts_about_another_security_are_ignored():
    other = CatalystEvidence("earnings", "positive", "JD beat.", None, 0.9, ticker="JD")
    assert explain("BABA", DAY, [_item("a", "s1", 0, 50, other)]).why == ()


def test_json_form_is_serialisable_with_iso_dates():
    data = explain("BABA", DAY, [_item("a", "s1", 0, 100, SUPPLY, moves=[UP])]).to_dict()
    text = json.dumps(data)
    assert '"session": "2025-07-15"' in text
    assert data["why"][0]["sources"][0]["known_at"] == "2025-07-15T12:00:00+00:00"
