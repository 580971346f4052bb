"""Claim check against hand-computed returns."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from whymove.analysis.claims import check_move
from whymove.analysis.explain import StatedMove

D = [dt.date(2025, 7, 10), dt.date(2025, 7, 11), dt.date(2025, 7, 14), dt.date(2025, 7, 15)]
BARS = pd.DataFrame(
    {"open": [100.0, 101.0, 100.0, 106.0], "close": [100.0, 100.0, 100.0, 108.1]}, index=D
)


def _move(pct, direction="up", session=None, horizon="day", date=D[3]):
    return StatedMove("BABA", direction, pct, None, session, horizon, date, "evidence")


def test_closing_move_that_matches_agrees():
    check = check_move(_move(8.1, session="regular"), BARS)
    assert check.verdict == "agrees"
    assert check.actual_percent == 8.1  # 108.1 / 100 - 1
    assert check.compared_with == "close-to-close"


def test_wrong_sign_contradicts():
    check = check_move(_move(8.1, direction="down"), BARS)
    assert check.verdict == "contradicts"
    assert "stated -8.10%" in check.reason


def test_premarket_quote_is_compared_with_the_opening_gap_too():
    # Premarket +5.5%: opening gap is +6.0%, close-to-close +8.1%; the gap is within 1.5pp.
    check = check_move(_move(5.5, session="premarket"), BARS)
    assert check.verdict == "agrees"
    assert check.compared_with == "opening gap"
    assert check.actual_percent == 6.0


def test_closing_move_off_by_two_points_contradicts():
    check = check_move(_move(6.0, session="regular"), BARS)
    assert check.verdict == "contradicts"  # tolerance max(0.15, 0.05 * 6) = 0.3


def test_missing_bar_is_unverifiable():
    check = check_move(_move(1.0, date=dt.date(2025, 7, 16)), BARS)
    assert check.verdict == "unverifiable"
    assert "2025-07-16" in check.reason


def test_direction_only_claim():
    assert check_move(_move(None), BARS).verdict == "agrees"
    assert check_move(_move(None, direction="down"), BARS).verdict == "contradicts"


def test_year_to_date_uses_last_close_of_previous_year():
    dates = [dt.date(2024, 12, 30), dt.date(2024, 12, 31), dt.date(2025, 2, 12)]
    bars = pd.DataFrame({"close": [50.0, 80.0, 110.4]}, index=dates)
    check = check_move(_move(38.0, horizon="ytd", date=dates[2]), bars)
    assert check.actual_percent == 38.0  # 110.4 / 80 - 1
    assert check.verdict == "agrees"
