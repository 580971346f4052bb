"""The scorer, against values computed by hand from the labels.md rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from whymove.errors import InputError
from whymove.evaluation import (
    Counts,
    evaluate_dir,
    move_counts,
    moves_match,
    score_article,
    set_counts,
)

GOLD = {
    "id": "a1",
    "primary_tickers": ["BABA"],
    "mentioned_tickers": ["BABA", "FXI", "KWEB"],
    "price_moves": [
        {
            "ticker": "BABA",
            "direction": "down",
            "percent": 2.23,
            "price": 84.6,
            "session": "premarket",
            "horizon": "day",
        },
    ],
    "catalysts": [
        {"category": "regulation", "polarity": "negative"},
        {"category": "corporate_action", "polarity": "negative"},
    ],
    "sentiment": "negative",
}


def test_perfect_prediction_scores_one_everywhere():
    score = score_article(GOLD, GOLD)
    assert score.tickers == Counts(3, 0, 0)
    assert score.moves == Counts(1, 0, 0)
    assert score.catalysts == Counts(2, 0, 0)
    assert score.primary_correct and score.sentiment_correct
    assert score.misses == 0


def test_empty_prediction_has_recall_zero():
    score = score_article(GOLD, {})
    assert score.tickers == Counts(0, 0, 3)
    assert score.tickers.recall == 0.0
    assert score.tickers.f1 == 0.0
    assert score.moves == Counts(0, 0, 1)
    assert score.catalysts == Counts(0, 0, 2)
    assert not score.primary_correct
    assert not score.sentiment_correct
    # 3 + 1 + 2 missed facts, wrong primary, wrong sentiment
    assert score.misses == 8


def test_partial_ticker_overlap():
    # gold {BABA, FXI, KWEB}; predicted {BABA, KWEB, JD}: tp 2, fp 1, fn 1
    counts = set_counts(GOLD["mentioned_tickers"], ["BABA", "KWEB", "JD"])
    assert counts == Counts(2, 1, 1)
    assert counts.precision == pytest.approx(2 / 3)
    assert counts.recall == pytest.approx(2 / 3)
    assert counts.f1 == pytest.approx(2 / 3)


def test_percent_within_tolerance_matches():
    gold = GOLD["price_moves"][0]
    assert moves_match(gold, {**gold, "percent": 2.235})  # |diff| = 0.005
    assert moves_match(gold, {**gold, "percent": 2.24})  # |diff| = 0.01, on the edge
    assert moves_match(gold, {**gold, "price": 84.61})


def test_percent_outside_tolerance_does_not_match():
    gold = GOLD["price_moves"][0]
    assert not moves_match(gold, {**gold, "percent": 2.25})  # 0.02 away
    assert not moves_match(gold, {**gold, "price": 84.7})


def test_missing_percent_or_price_on_one_side_is_not_compared():
    gold = GOLD["price_moves"][0]
    assert moves_match(gold, {**gold, "percent": None, "price": None})
    assert not moves_match(gold, {**gold, "horizon": "ytd"})
    assert not moves_match(gold, {**gold, "direction": "up"})
    assert not moves_match(gold, {**gold, "ticker": "9988.HK"})


def test_session_is_not_part_of_the_match():
    gold = GOLD["price_moves"][0]
    assert moves_match(gold, {**gold, "session": None})


def test_moves_are_matched_one_to_one_when_a_gold_move_appears_twice():
    move = {"ticker": "BABA", "direction": "up", "percent": 8.0, "price": None, "horizon": "day"}
    # Two identical gold moves, one prediction: one matched, one missed.
    assert move_counts([move, move], [move]) == Counts(1, 0, 1)
    # One gold move, the same prediction twice: the second is a false positive.
    assert move_counts([move], [move, move]) == Counts(1, 1, 0)


def test_matching_is_maximal_not_greedy():
    # Prediction 0 (percent null) fits both gold moves; prediction 1 fits only gold 0.
    # Greedy matching of gold 0 to prediction 0 would leave gold 1 unmatched.
    g0 = {"ticker": "X", "direction": "up", "percent": 5.0, "horizon": "day"}
    g1 = {"ticker": "X", "direction": "up", "percent": 7.0, "horizon": "day"}
    p0 = {"ticker": "X", "direction": "up", "percent": None, "horizon": "day"}
    p1 = {"ticker": "X", "direction": "up", "percent": 5.0, "horizon": "day"}
    assert move_counts([g0, g1], [p0, p1]) == Counts(2, 0, 0)


def test_catalyst_with_right_category_but_wrong_polarity_counts_as_miss_and_false_positive():
    predicted = {
        "catalysts": [
            {"category": "regulation", "polarity": "positive"},
            {"category": "corporate_action", "polarity": "negative"},
        ]
    }
    score = score_article(GOLD, predicted)
    assert score.catalysts == Counts(1, 1, 1)
    assert score.catalysts.f1 == pytest.approx(0.5)


def test_duplicate_catalysts_count_once():
    predicted = {"catalysts": [{"category": "regulation", "polarity": "negative"}] * 3}
    assert score_article(GOLD, predicted).catalysts == Counts(1, 0, 1)


def test_primary_compares_sets():
    assert score_article(GOLD, {"primary_tickers": ["BABA"]}).primary_correct
    assert not score_article(GOLD, {"primary_tickers": ["BABA", "JD"]}).primary_correct


def test_empty_counts_are_perfect_not_undefined():
    assert Counts().precision == 1.0 and Counts().recall == 1.0 and Counts().f1 == 1.0


def test_evaluate_dir_sums_counts_over_articles(tmp_path: Path):
    gold2 = {**GOLD, "id": "a2", "mentioned_tickers": ["JD"], "primary_tickers": ["JD"]}
    (tmp_path / "gold.jsonl").write_text(json.dumps(GOLD) + "\n" + json.dumps(gold2) + "\n")
    (tmp_path / "a1.txt").write_text("x")
    (tmp_path / "a2.txt").write_text("y")
    predictions = {"a1": GOLD, "a2": {**gold2, "mentioned_tickers": ["JD", "BABA"]}}
    report, _ = evaluate_dir(tmp_path, lambda path: predictions[path.stem])
    summary = report.summary()
    # tickers: a1 tp3; a2 tp1 fp1 -> P 4/5, R 1, F1 8/9
    assert summary["tickers_precision"] == pytest.approx(0.8)
    assert summary["tickers_recall"] == 1.0
    assert summary["tickers_f1"] == pytest.approx(round(8 / 9, 4))
    assert summary["n_articles"] == 2
    assert summary["primary_accuracy"] == 1.0
    assert [a.id for a in report.worst()] == ["a2"]


def test_evaluate_dir_scores_missing_article_as_empty(tmp_path: Path):
    (tmp_path / "gold.jsonl").write_text(json.dumps(GOLD) + "\n")
    report, _ = evaluate_dir(tmp_path, lambda path: GOLD)
    assert report.missing == ("a1",)
    assert report.summary()["tickers_recall"] == 0.0


def test_bad_gold_line_names_file_and_line(tmp_path: Path):
    (tmp_path / "gold.jsonl").write_text(json.dumps(GOLD) + "\n{oops\n")
    with pytest.raises(InputError, match=r"gold.jsonl:2"):
        evaluate_dir(tmp_path, lambda path: {})
