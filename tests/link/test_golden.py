"""Hand-written sentences and the securities a reader finds in them (golden_links.jsonl).

Each line: ``rule`` (which disambiguation rule it exercises), ``text``, ``tickers`` (the listed
securities mentioned, labels.md symbols) and ``indexes`` (index labels mentioned).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from whymove.link.matcher import Linker

GOLDEN = [
    json.loads(line)
    for line in (Path(__file__).parent / "golden_links.jsonl").read_text("utf-8").splitlines()
    if line.strip()
]


def test_golden_file_is_large_and_varied() -> None:
    assert len(GOLDEN) >= 60
    rules = {case["rule"].split("_")[0] for case in GOLDEN}
    for family in ("explicit", "common", "ordinary", "person", "source", "private", "boilerplate"):
        assert family in rules


@pytest.mark.parametrize("case", GOLDEN, ids=[case["rule"] for case in GOLDEN])
def test_golden_links(linker: Linker, case: dict) -> None:
    mentions = linker.find(case["text"])
    tickers = sorted({m.ticker for m in mentions if m.kind != "index"})
    indexes = sorted({m.ticker for m in mentions if m.kind == "index"})
    assert (tickers, indexes) == (case["tickers"], case["indexes"]), [
        (m.ticker, case["text"][m.start : m.end], m.method) for m in mentions
    ]
