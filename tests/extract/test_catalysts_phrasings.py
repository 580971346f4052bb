"""Other publishers' phrasings of causes (catalyst_cues_extra): found, and not over-read.

The golden file checks whole sentences; these tests pin the edges of the new cues: a phrase
that shares words with a cue but names no event of its category must not become one.
"""

from __future__ import annotations

import pytest

from whymove.extract.catalyst_cues import cues, lower
from whymove.extract.catalyst_cues_extra import EXTRA_CUES
from whymove.extract.catalyst_text import catalysts_in_text
from whymove.model import CATEGORIES


def _categories(text: str, subject: str) -> list[tuple[str, str]]:
    return [(c.category, c.polarity) for c in catalysts_in_text(text, subject, ())]


def _cue_categories(text: str) -> set[str]:
    piece = lower(text)
    return {cue.category for cue in cues() if cue.pattern.search(piece)}


def test_extra_cues_only_use_known_categories_and_are_compiled():
    assert set(EXTRA_CUES) <= set(CATEGORIES)
    patterns = {cue.pattern.pattern for cue in cues()}
    for table in EXTRA_CUES.values():
        for pattern, strength, prior in table:
            assert pattern in patterns
            assert 0 < strength <= 1
            assert -2 <= prior <= 2


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # "cap" in a fund's name is no price cap.
        ("The Mega Cap Growth ETF charges 7 basis points a year.", "regulation"),
        # Markets "discounting" odds is no price cutting.
        ("Futures markets are discounting the chances of a hike in June.", "sector"),
        # "succeeds at" is no succession.
        ("The token succeeds at holding its former support level.", "management"),
        # A court order is not a customer order.
        ("The lender secured a court order to freeze the assets.", "partnership"),
        # A fund's own goal is no clinical endpoint.
        ("The fund failed to meet its goal of tracking the index.", "product"),
    ],
)
def test_look_alike_phrases_are_not_cues(text: str, category: str):
    assert category not in _cue_categories(text)


@pytest.mark.parametrize(
    ("text", "subject", "expected"),
    [
        (
            "Wardell Biotech sank after its experimental drug did not meet the primary "
            "endpoint of the study.",
            "Wardell Biotech",
            ("product", "negative"),
        ),
        (
            "Citi started Pomona Software at buy, citing a long runway for its security tools.",
            "Pomona Software",
            ("analyst", "positive"),
        ),
        (
            "Ashby Grocers is in exclusive talks to acquire a regional chain, people familiar "
            "with the matter said.",
            "Ashby Grocers",
            ("corporate_action", "positive"),
        ),
        (
            "Crestline Homebuilders climbed as mortgage rates eased for a third week.",
            "Crestline Homebuilders",
            ("macro", "positive"),
        ),
        (
            "Iverson Mining fell after a strike at its main smelter disrupted production.",
            "Iverson Mining",
            ("supply_chain", "negative"),
        ),
    ],
)
def test_new_phrasings_are_read_as_causes(text: str, subject: str, expected: tuple[str, str]):
    assert expected in _categories(text, subject)
