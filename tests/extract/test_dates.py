"""Date expressions and trading calendars, against dates worked out by hand from a calendar.

Reference days used below: 2025-02-12 is a Wednesday; 2025-01-20 (Martin Luther King Jr. Day)
and 2025-02-17 (Presidents' Day) closed the NYSE; Hong Kong closed 2025-01-29..31 for the Lunar
New Year; Tokyo closed 2025-01-01..03 and 2025-02-11; London closed 2025-04-18 and 2025-04-21.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from whymove.extract.dates import DateExpr, find_dates, infer_reference, to_sessions
from whymove.extract.dates_calendar import (
    TradingCalendar,
    calendar_name,
    local_date,
    mic_for_symbol,
    trading_calendar,
)

D = dt.date
WED = D(2025, 2, 12)


def one(text: str, ref: dt.date = WED) -> DateExpr:
    found = find_dates(text, ref)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("on Tuesday", D(2025, 2, 11), D(2025, 2, 11)),
        ("on Wednesday", WED, WED),
        ("Monday's session", D(2025, 2, 10), D(2025, 2, 10)),
        ("last Wednesday", D(2025, 2, 5), D(2025, 2, 5)),
        ("January 29", D(2025, 1, 29), D(2025, 1, 29)),
        ("on Jan. 27", D(2025, 1, 27), D(2025, 1, 27)),
        ("March 5", D(2024, 3, 5), D(2024, 3, 5)),
        ("29 January 2024", D(2024, 1, 29), D(2024, 1, 29)),
        ("2024-10-07", D(2024, 10, 7), D(2024, 10, 7)),
        ("October 2022", D(2022, 10, 1), D(2022, 10, 31)),
        ("in September", D(2024, 9, 1), D(2024, 9, 30)),
        ("in February", D(2025, 2, 1), D(2025, 2, 28)),
        ("in the fourth quarter", D(2024, 10, 1), D(2024, 12, 31)),
        ("in the first quarter", D(2025, 1, 1), D(2025, 3, 31)),
        ("Q3 2023", D(2023, 7, 1), D(2023, 9, 30)),
        ("the first half of 2024", D(2024, 1, 1), D(2024, 6, 30)),
        ("in 2023", D(2023, 1, 1), D(2023, 12, 31)),
        ("last week", D(2025, 2, 3), D(2025, 2, 9)),
        ("this week", D(2025, 2, 10), WED),
        ("last month", D(2025, 1, 1), D(2025, 1, 31)),
        ("this month", D(2025, 2, 1), WED),
        ("year-to-date", D(2025, 1, 1), WED),
        ("last year", D(2024, 1, 1), D(2024, 12, 31)),
        ("the past 12 months", D(2024, 2, 12), WED),
        ("over the past three years", D(2022, 2, 12), WED),
        ("today", WED, WED),
    ],
)
def test_expressions_resolve_against_the_reference_day(
    text: str, first: dt.date, last: dt.date
) -> None:
    expr = one(text)
    assert (expr.first, expr.last) == (first, last)


def test_a_weekday_with_its_date_and_no_year_takes_the_year_that_fits() -> None:
    expr = one("Tuesday, January 28", D(2025, 2, 12))
    assert expr.first == D(2025, 1, 28)
    expr = one("Monday, January 29", D(2025, 2, 12))  # a Monday in 2024, not in 2025
    assert expr.first == D(2024, 1, 29)


def test_yesterday_is_the_previous_session_not_the_previous_day() -> None:
    expr = one("yesterday", D(2025, 2, 18))
    assert expr.kind == "previous_session"
    assert to_sessions(expr, D(2025, 2, 18), trading_calendar("XNYS")) == (D(2025, 2, 14),) * 2


def test_spans_point_into_the_text_with_a_base_offset() -> None:
    text = "Shares rose on Tuesday and fell last week."
    found = find_dates(text, WED, base=100)
    assert [text[e.start - 100 : e.end - 100] for e in found] == ["on Tuesday", "last week"]


def test_numbers_that_are_not_dates_are_left_alone() -> None:
    assert find_dates("rose 3.5% to $1,200 in 12 trading days", WED) == [] or all(
        e.kind == "range" for e in find_dates("rose 3.5% to $1,200 in 12 trading days", WED)
    )
    assert find_dates("a May 5% rise", WED) == []


@pytest.mark.parametrize(
    ("mic", "day", "before", "after"),
    [
        ("XNYS", D(2025, 1, 20), D(2025, 1, 17), D(2025, 1, 21)),  # MLK day
        ("XNYS", D(2025, 2, 15), D(2025, 2, 14), D(2025, 2, 18)),  # weekend + Presidents' Day
        ("XHKG", D(2025, 1, 30), D(2025, 1, 28), D(2025, 2, 3)),  # Lunar New Year
        ("XTKS", D(2025, 1, 2), D(2024, 12, 30), D(2025, 1, 6)),  # New Year closure
        ("XLON", D(2025, 4, 21), D(2025, 4, 17), D(2025, 4, 22)),  # Easter
        ("XSHG", D(2024, 10, 3), D(2024, 9, 30), D(2024, 10, 8)),  # Golden Week
    ],
)
def test_sessions_around_holidays(mic: str, day: dt.date, before: dt.date, after: dt.date) -> None:
    cal = trading_calendar(mic)
    assert not cal.is_session(day)
    assert cal.on_or_before(day) == before
    assert cal.on_or_after(day) == after


def test_calendars_are_built_once_per_process() -> None:
    assert trading_calendar("XNYS") is trading_calendar("XNYS")
    assert trading_calendar("XNAS").name == "XNYS"  # Nasdaq trades on NYSE's sessions


def test_an_unknown_exchange_falls_back_to_weekdays() -> None:
    cal = trading_calendar("NOPE")
    assert cal.is_session(D(2025, 1, 20)) and not cal.is_session(D(2025, 1, 18))
    assert cal.on_or_before(D(2025, 1, 19)) == D(2025, 1, 17)


def test_dates_outside_the_calendar_use_the_weekday_rule() -> None:
    cal = trading_calendar("XNYS")
    assert cal.on_or_before(D(1990, 1, 6)) == D(1990, 1, 5)


def test_a_period_is_snapped_to_its_first_and_last_sessions() -> None:
    cal = trading_calendar("XHKG")
    expr = one("last week", D(2025, 2, 3))  # 27 Jan - 2 Feb: HK traded only Mon and Tue
    assert to_sessions(expr, D(2025, 2, 3), cal) == (D(2025, 1, 27), D(2025, 1, 28))


@pytest.mark.parametrize(
    ("symbol", "kind", "exchange", "country", "expected"),
    [
        ("BABA", "adr", "XNYS", "CN", "XNYS"),
        ("JD", "adr", "XNAS", "CN", "XNYS"),
        ("9988.HK", "stock", "", "", "XHKG"),
        ("000858.SZ", "stock", "", "", "XSHG"),
        ("AZN.L", "stock", "XLON", "GB", "XLON"),
        ("hang_seng_tech", "index", "", "", "XHKG"),
        ("nikkei225", "index", "", "JP", "XTKS"),
        ("s&p500", "index", "", "US", "XNYS"),
    ],
)
def test_calendar_of_a_security(
    symbol: str, kind: str, exchange: str, country: str, expected: str
) -> None:
    assert calendar_name(symbol, kind, exchange, country) == expected


def test_mic_from_suffix() -> None:
    assert mic_for_symbol("2330.TW") == "XTAI"
    assert mic_for_symbol("SAP.DE") == "XETR"
    assert mic_for_symbol("NVDA") == "XNYS"


def test_local_date_reads_the_exchange_clock() -> None:
    stamp = dt.datetime(2025, 2, 12, 2, 30, tzinfo=dt.UTC)  # 10:30 in Hong Kong, 21:30 in NY
    assert local_date(stamp, "Asia/Hong_Kong") == D(2025, 2, 12)
    assert local_date(stamp, "America/New_York") == D(2025, 2, 11)


def test_a_bare_publication_date_is_not_shifted_by_time_zone() -> None:
    stamp = dt.datetime(2025, 2, 12, tzinfo=dt.UTC)
    assert local_date(stamp, "America/New_York") == D(2025, 2, 12)


def test_infer_reference_takes_the_latest_dated_fact() -> None:
    text = "The rules of October 7, 2022 were revised on 2023-10-17. Shares fell on Tuesday."
    assert infer_reference(text) == D(2023, 10, 17)
    assert infer_reference("Shares fell 3% on Tuesday.") is None
    assert infer_reference("A low in October 2022.") == D(2022, 10, 1)


_PIECES = st.sampled_from(
    "on Tuesday|last week|January 29|Jan. 3, 2024|in 2023|Q4|fourth quarter|this year|"
    "year-to-date|yesterday|the past 12 months|since October 2022|Monday's|31 February|"
    "2024-02-30|May|in May|12/31/2024|past three years|the prior session".split("|")
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(_PIECES, max_size=8), st.text(max_size=30), st.dates(D(2001, 1, 1), D(2030, 12, 31))
)
def test_find_dates_properties(pieces: list[str], noise: str, ref: dt.date) -> None:
    text = noise + " " + " , ".join(pieces)
    found = find_dates(text, ref)
    assert found == find_dates(text, ref)
    previous_end = 0
    for expr in found:
        assert previous_end <= expr.start < expr.end <= len(text)
        assert expr.first <= expr.last
        previous_end = expr.end
        if not expr.absolute and expr.kind == "day":
            assert expr.first <= ref + dt.timedelta(days=1)


def test_weekday_calendar_span_keeps_dates_without_sessions() -> None:
    cal = TradingCalendar("X", "UTC", ())
    assert cal.span(D(2025, 2, 15), D(2025, 2, 16)) == (D(2025, 2, 15), D(2025, 2, 16))


def test_a_weekday_with_a_full_date_is_one_absolute_expression() -> None:
    expr = one("On Tuesday, January 28, 2025, shares rebounded", D(2025, 2, 12))
    assert (expr.first, expr.absolute) == (D(2025, 1, 28), True)
