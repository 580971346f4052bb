"""The catalyst detector against hand-written sentences (golden_catalysts.jsonl).

Each line is one sentence about a named company with the category, polarity and actor a
person reasoned out for it. The floors below are quality gates in the spirit of
trafilatura's eval gate: they are only ever raised.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from whymove.extract.catalyst_text import catalysts_in_text
from whymove.model import CATEGORIES, POLARITIES

GOLDEN = Path(__file__).with_name("golden_catalysts.jsonl")
TOP1_FLOOR = 0.95
FOUND_FLOOR = 0.97
ACTOR_FLOOR = 0.9
PER_CATEGORY_FLOOR = 0.8


def _rows() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines() if line]


ROWS = _rows()


def _predict(row: dict[str, Any]) -> list[tuple[str, str, str | None]]:
    found = catalysts_in_text(row["text"], row["subject"], row.get("others", ()))
    return [(c.category, c.polarity, c.actor) for c in found]


PREDICTIONS = {row["id"]: _predict(row) for row in ROWS}


def test_golden_file_is_well_formed_and_covers_every_category():
    assert len(ROWS) >= 150
    assert len({row["id"] for row in ROWS}) == len(ROWS)
    for row in ROWS:
        assert row["category"] in CATEGORIES, row["id"]
        assert row["polarity"] in POLARITIES, row["id"]
        assert row["subject"] in row["text"], row["id"]
    counts = Counter(row["category"] for row in ROWS)
    assert set(counts) == set(CATEGORIES)
    assert min(counts.values()) >= 10


def _top1(rows: list[dict[str, Any]]) -> float:
    hits = 0
    for row in rows:
        predicted = PREDICTIONS[row["id"]]
        hits += bool(predicted) and predicted[0][:2] == (row["category"], row["polarity"])
    return hits / len(rows)


def test_the_top_ranked_catalyst_is_the_expected_one():
    assert _top1(ROWS) >= TOP1_FLOOR


def test_the_expected_catalyst_is_found():
    found = sum(
        (row["category"], row["polarity"]) in [p[:2] for p in PREDICTIONS[row["id"]]]
        for row in ROWS
    )
    assert found / len(ROWS) >= FOUND_FLOOR


@pytest.mark.parametrize("category", CATEGORIES)
def test_every_category_is_recognised(category: str):
    rows = [row for row in ROWS if row["category"] == category]
    assert _top1(rows) >= PER_CATEGORY_FLOOR, category


def test_actors_are_the_ones_the_text_names():
    checked = hits = 0
    for row in ROWS:
        if not row["actor"]:
            continue
        expected = row["actor"].lower()
        match = next(
            (p for p in PREDICTIONS[row["id"]] if p[:2] == (row["category"], row["polarity"])),
            None,
        )
        if match is None:
            continue
        checked += 1
        actor = (match[2] or "").lower()
        hits += bool(actor) and (actor in expected or expected in actor)
    assert checked >= 90
    assert hits / checked >= ACTOR_FLOOR


def test_single_sentences_yield_few_causes():
    # Precision: a one-sentence story rarely gives more than two distinct causes.
    extra = sum(len(PREDICTIONS[row["id"]]) > 2 for row in ROWS)
    assert extra / len(ROWS) <= 0.05
