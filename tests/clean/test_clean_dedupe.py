"""Near-duplicates: syndicated copies join one story; different reports do not."""

from __future__ import annotations

import numpy as np
import pytest

from whymove.clean.dedupe import (
    NUM_PERM,
    NearDuplicateIndex,
    shingles,
    signature,
    signature_bytes,
    signature_from_bytes,
    similarity,
)

REPORT = (
    "Acme Corp shares jumped 9% on Thursday after the maker of farm robots reported a "
    "surprise quarterly profit and raised its forecast for the year. Revenue rose 31% from a "
    "year earlier to $412 million, ahead of the $380 million analysts had expected, helped by "
    "strong orders in Brazil and Argentina. Chief executive Maria Lopez said the company would "
    "open a second factory in Texas next spring and hire 600 workers. The stock has gained 40% "
    "this year, outpacing the broader industrial sector, which is up about 8%."
)
# The same wire report as a second site runs it: its own headline, a dateline, a footer.
SYNDICATED = (
    "Farm robot maker Acme surges on profit surprise\n"
    "NEW YORK (Example Wire) - " + REPORT + "\nExample Wire reporting; editing by staff."
)
OTHER = (
    "Beta Motors shares fell 4% on Thursday after the truck maker recalled 40,000 vehicles "
    "over a braking fault and cut its delivery target for the quarter. The company said the "
    "repairs would cost about $90 million and take until the end of the year. Analysts at two "
    "brokers lowered their price targets, citing weaker demand from fleet operators in Europe."
)


def test_shingles_are_five_word_windows_of_the_normalised_text():
    assert shingles("One two, THREE four five six") == {
        b"one two three four five",
        b"two three four five six",
    }
    assert shingles("Too short") == {b"too short"}


def test_signatures_are_deterministic_and_survive_the_store():
    sig = signature(REPORT)
    assert sig.dtype == np.uint32 and sig.shape == (NUM_PERM,)
    assert np.array_equal(sig, signature(REPORT))
    assert np.array_equal(signature_from_bytes(signature_bytes(sig)), sig)
    with pytest.raises(ValueError, match="bytes"):
        signature_from_bytes(b"short")


def test_a_syndicated_copy_joins_the_story_of_the_first():
    index = NearDuplicateIndex()
    index.add("first", "story-1", signature(REPORT))
    index.add("other", "story-2", signature(OTHER))
    match = index.match(signature(SYNDICATED))
    assert match is not None
    assert (match.article_id, match.story_id) == ("first", "story-1")
    assert match.similarity >= 0.7


def test_a_different_report_on_the_same_day_is_not_a_near_duplicate():
    index = NearDuplicateIndex()
    index.add("first", "story-1", signature(REPORT))
    assert index.match(signature(OTHER)) is None
    assert similarity(signature(REPORT), signature(OTHER)) < 0.2


def test_the_index_rebuilds_from_stored_rows():
    rows = [("first", "story-1", signature_bytes(signature(REPORT)))]
    index = NearDuplicateIndex().load(rows)
    assert len(index) == 1 and "first" in index
    match = index.match(signature(SYNDICATED))
    assert match is not None and match.story_id == "story-1"
