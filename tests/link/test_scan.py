"""The fast paths of the scan give the same answers as the plain ones they replace.

The name automaton also finds phrases of site furniture, and mentions are built without the
dataclass constructor; both are speed work, so each is checked against the slow, obvious
form on hand-written texts.
"""

from __future__ import annotations

import pickle

import pytest

from whymove.link.matcher import Candidate, Linker
from whymove.link.resolve import _mentions, resolve
from whymove.model import Mention

FURNITURE_TEXTS = [
    "Apple shares rose 2% on Monday after the launch.\nInvestors cheered.\n"
    "The Motley Fool has positions in and recommends Apple and Microsoft.",
    "Nvidia gained 3%.\nShould you invest $1,000 in Nvidia right now?\n"
    "Before you buy stock in Nvidia, consider this.",
    "Tesla fell 4% as deliveries slipped.\nCopyright © 2025. All rights reserved.",
    "Alphabet rose. Microsoft fell. Amazon was flat on the day.",
]


@pytest.mark.parametrize("text", FURNITURE_TEXTS)
def test_phrases_found_by_the_scan_match_a_plain_search(linker: Linker, text: str) -> None:
    scanned = linker.find(text)
    searched = resolve(linker, text, linker.candidates(text))  # phrases searched, not scanned
    assert scanned == searched


def test_furniture_line_is_dropped(linker: Linker) -> None:
    text = FURNITURE_TEXTS[0]
    tickers = [m.ticker for m in linker.find(text)]
    assert tickers == ["AAPL"]  # Microsoft is named only in the disclosure line


def test_fast_mention_equals_the_dataclass() -> None:
    [made] = _mentions([(Candidate(3, 8, "AAPL", "stock", "name"), "alias", 0.9)])
    assert made == Mention("AAPL", 3, 8, "stock", "alias", 0.9)
    assert type(made) is Mention
    with pytest.raises(AttributeError):
        made.ticker = "MSFT"  # type: ignore[misc]  # still frozen


def test_linker_pickles_and_finds_the_same(linker: Linker) -> None:
    text = "Shares of Cree, Inc. (NASDAQ: CREE) and Apple AAPL.O rose; Bitcoin (CRYPTO: BTC) fell."
    copy = pickle.loads(pickle.dumps(linker))
    assert copy.find(text) == linker.find(text)
    assert {m.ticker for m in copy.find(text)} == {"WOLF", "AAPL"}
