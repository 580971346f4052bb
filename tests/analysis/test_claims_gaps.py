"""Claim check on session returns with gaps, and claims without a figure."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd

from whymove.analysis.claims import check_move
from whymove.analysis.explain import StatedMove

D = [dt.date(2025, 7, d) for d in (9, 10, 11, 14, 15)]
# ``return`` as the price book gives it: NaN on 10 July (no price) and on the 11th after it.
BARS = pd.DataFrame(
    {
        "open": [100.0, math.nan, 101.0, 100.0, 103.0],
        "close": [100.0, math.nan, 100.0, 100.0, 104.0],
        "return": [math.nan, math.nan, math.nan, 0.0, 0.04],
    },
    index=D,
)


def _move(pct, direction="up", session=None, horizon="day", date=D[4]):
    return StatedMove("ABC", direction, pct, None, session, horizon, date, "evidence")


def test_the_return_column_is_used_as_given():
    check = check_move(_move(4.0, session="regular"), BARS)
    assert (check.verdict, check.actual_percent) == ("agrees", 4.0)


def test_a_session_after_a_gap_is_unverifiable_not_contradicted():
    check = check_move(_move(9.0, session="regular", date=D[2]), BARS)
    assert check.verdict == "unverifiable"
    assert "missing" in check.reason


def test_a_horizon_across_a_gap_is_unverifiable():
    week = check_move(_move(4.0, horizon="week", date=D[4]), BARS)
    # base is the last session on or before 8 July: none in the bars
    assert week.verdict == "unverifiable"
    bars = BARS.copy()
    bars.index = [dt.date(2025, 7, d) for d in (7, 10, 11, 14, 15)]
    week = check_move(_move(4.0, horizon="week", date=dt.date(2025, 7, 15)), bars)
    assert week.verdict == "unverifiable"  # 10 and 11 July have no return


def test_little_changed_agrees_only_with_a_small_move():
    flat = _move(None, direction="flat", session="regular")
    assert check_move(flat, BARS).verdict == "contradicts"  # +4% is not "little changed"
    assert check_move(_move(None, "flat", "regular", date=D[3]), BARS).verdict == "agrees"


def test_direction_only_premarket_claim_may_match_the_opening_gap():
    # close-to-close +4%, opening gap 103/100 - 1 = +3%: both up, so "up" agrees
    assert check_move(_move(None, session="premarket"), BARS).verdict == "agrees"
    assert check_move(_move(None, "down", "premarket"), BARS).verdict == "contradicts"
