"""News timing on exchange calendars: which session a story can move, in the exchange's time."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from whymove.errors import ConfigError, PriceDataError
from whymove.prices.calendars import (
    exchange_for,
    get_calendar,
    session_for_news,
    session_on_or_after,
    session_window,
)


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.UTC)


# New York is UTC-4 in July: the regular session is 13:30-20:00 UTC.
@pytest.mark.parametrize(
    ("published", "session"),
    [
        (utc(2025, 7, 15, 12, 0), dt.date(2025, 7, 15)),  # 08:00 ET premarket -> that day
        (utc(2025, 7, 15, 19, 59), dt.date(2025, 7, 15)),  # intraday
        (utc(2025, 7, 15, 20, 0), dt.date(2025, 7, 16)),  # at the close -> next session
        (utc(2025, 7, 15, 21, 5), dt.date(2025, 7, 16)),  # after hours -> next session
        (utc(2025, 7, 19, 12, 0), dt.date(2025, 7, 21)),  # Saturday -> Monday
        (utc(2025, 7, 3, 16, 30), dt.date(2025, 7, 3)),  # 12:30 ET, before the 13:00 early close
        (utc(2025, 7, 3, 17, 30), dt.date(2025, 7, 7)),  # after the early close; 4 July shut
        (utc(2025, 7, 4, 15, 0), dt.date(2025, 7, 7)),  # on the holiday itself
    ],
)
def test_us_news_to_session(published, session):
    assert session_for_news(published, "XNYS") == session


# Hong Kong is UTC+8: morning 01:30-04:00 UTC, lunch, afternoon 05:00-08:00 UTC.
@pytest.mark.parametrize(
    ("published", "session"),
    [
        (utc(2025, 7, 15, 4, 30), dt.date(2025, 7, 15)),  # lunch break belongs to the session
        (utc(2025, 7, 15, 8, 0), dt.date(2025, 7, 16)),  # 16:00 HKT close -> next day
        (utc(2025, 6, 30, 9, 0), dt.date(2025, 7, 2)),  # 1 July (HKSAR day) is a holiday
        (utc(2025, 7, 14, 23, 0), dt.date(2025, 7, 15)),  # 07:00 HKT, before the open
    ],
)
def test_hong_kong_news_to_session(published, session):
    assert session_for_news(published, "XHKG") == session


def test_same_instant_maps_to_each_exchange_in_its_own_time():
    # 2025-07-15 10:00 UTC: after Hong Kong's close, before New York's open
    published = utc(2025, 7, 15, 10, 0)
    assert session_for_news(published, "XHKG") == dt.date(2025, 7, 16)
    assert session_for_news(published, "XNYS") == dt.date(2025, 7, 15)


def test_naive_time_is_utc_and_other_zones_are_converted():
    assert session_for_news(dt.datetime(2025, 7, 15, 21, 5), "XNYS") == dt.date(2025, 7, 16)
    beijing = dt.timezone(dt.timedelta(hours=8))
    # 08:00 in Beijing is 00:00 UTC, 20:00 the evening before in New York
    assert session_for_news(dt.datetime(2025, 7, 15, 8, tzinfo=beijing), "XNYS") == dt.date(
        2025, 7, 15
    )


def test_session_window_spans_previous_close_to_close():
    assert session_window(dt.date(2025, 7, 15), "XNYS") == (
        utc(2025, 7, 14, 20, 0),
        utc(2025, 7, 15, 20, 0),
    )
    # Monday 7 July starts at Thursday's early close, 13:00 ET
    assert session_window(dt.date(2025, 7, 7), "XNYS")[0] == utc(2025, 7, 3, 17, 0)
    with pytest.raises(PriceDataError, match="not a trading session"):
        session_window(dt.date(2025, 7, 4), "XNYS")


@settings(max_examples=200, deadline=None)
@given(st.datetimes(min_value=dt.datetime(2015, 1, 1), max_value=dt.datetime(2026, 6, 1)))
def test_news_session_window_contains_the_news(moment):
    published = moment.replace(tzinfo=dt.UTC)
    for exchange in ("XNYS", "XHKG"):
        session = session_for_news(published, exchange)
        start, end = session_window(session, exchange)
        assert start <= published < end


def test_session_on_or_after():
    assert session_on_or_after(dt.date(2025, 7, 4), "XNYS") == dt.date(2025, 7, 7)
    assert session_on_or_after(dt.date(2025, 7, 15), "XNYS") == dt.date(2025, 7, 15)
    assert session_on_or_after(dt.date(2025, 10, 1), "XHKG") == dt.date(2025, 10, 2)


@pytest.mark.parametrize(
    ("symbol", "mic", "expected"),
    [
        ("BABA", None, "XNYS"),
        ("9988.HK", None, "XHKG"),
        ("600519.SS", None, "XSHG"),
        ("000858.SZ", None, "XSHG"),  # Shenzhen trades on Shanghai's calendar
        ("AZN.L", None, "XLON"),
        ("6981.T", None, "XTKS"),
        ("JD", "XNAS", "XNYS"),
        ("KWEB", "ARCX", "XNYS"),
        ("^GSPC", None, "XNYS"),
    ],
)
def test_exchange_for(symbol, mic, expected):
    assert exchange_for(symbol, mic) == expected


def test_calendars_are_built_once():
    assert get_calendar("XNYS") is get_calendar("xnys")
    with pytest.raises(ConfigError, match="no trading calendar"):
        get_calendar("NOPE")
