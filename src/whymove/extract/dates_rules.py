"""The rules of date expressions: the patterns news uses to date a fact and how each resolves.

:func:`resolve` turns one match into calendar dates relative to a reference day; the order of
:data:`PATTERNS` is the tie-break when two patterns match the same words.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Literal

DateKind = Literal["day", "previous_session", "range"]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
NUMBER_WORDS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "several": 3, "few": 3, "couple of": 2,
}  # fmt: skip
_NUM = r"(?:\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sep(?:t(?:ember)?)?\.?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_DAYNAME = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:19|20)\d{2}"
_ORD = r"(?:st|nd|rd|th)?"
_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
             "4th": 4}  # fmt: skip

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")),
    ("us_numeric", re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")),
    (
        "weekday_mdy",
        re.compile(
            rf"\b(?:[Oo]n\s+)?({_DAYNAME}),?\s+({_MONTH})\s+(\d{{1,2}}){_ORD}\b(?:,?\s+({_YEAR})\b)?"
        ),
    ),
    (
        "mdy",
        re.compile(
            rf"\b({_MONTH})\s+(\d{{1,2}}){_ORD}\b(?!\s*(?:%|percent|,\d))(?:,?\s+({_YEAR})\b)?"
        ),
    ),
    ("dmy", re.compile(rf"\b(\d{{1,2}}){_ORD}\s+(?:of\s+)?({_MONTH})(?:,?\s+({_YEAR})\b)?")),
    ("month_year", re.compile(rf"\b({_MONTH}),?\s+(?:of\s+)?({_YEAR})\b")),
    (
        "month",
        re.compile(
            rf"\b(?:(?:in|since|during|through|until|by|from|early|late|mid-?|end of|start of|"
            rf"beginning of|last|this|so far in)\s+)(?:(early|late|mid-?)\s*)?({_MONTH})(?!\w)"
            rf"(?!,?\s+(?:of\s+)?{_YEAR})(?!\s+\d)"
        ),
    ),
    (
        "month_low",
        re.compile(
            rf"\b(?:its|their|the|a)\s+()({_MONTH})\s+(?:lows?|highs?|peak|bottom|trough)\b"
        ),
    ),
    (
        "quarter",
        re.compile(
            r"\b(?:(first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter|Q([1-4]))"
            rf"(?:\s+(?:of\s+)?(?:fiscal\s+)?('?\d{{2}}(?!\d)|{_YEAR}))?\b"
        ),
    ),
    ("year_quarter", re.compile(rf"\b({_YEAR})\s*Q([1-4])\b")),
    (
        "this_half",
        re.compile(r"\b(?:in|over|during) the first half(?: of (?:the|this) year)?\b", re.I),
    ),
    ("half", re.compile(rf"\b(?:(first|second)[- ]half\s+(?:of\s+)?|H([12])\s+)({_YEAR})\b")),
    (
        "year",
        re.compile(
            r"\b(?:in|since|during|for|through|of|early|late|mid-?|end of|start of|until|from)"
            rf"\s+(?:the\s+)?(?:(early|late|mid-?)\s*)?({_YEAR})\b(?![-\d])"
        ),
    ),
    (
        "weekday",
        re.compile(
            rf"\b(?:[Oo]n\s+)?(?:(last|this|past|previous|next)\s+)?({_DAYNAME})(?:'s|’s)?\b"
        ),
    ),
    (
        "today",
        re.compile(
            r"\b(?:today|tonight|this (?:morning|afternoon|evening)|earlier (?:today|in the "
            r"(?:day|session))|on the day|in today's session)\b",
            re.I,
        ),
    ),
    (
        "yesterday",
        re.compile(
            r"\b(?:yesterday|(?:the )?(?:previous|prior|preceding) (?:session|trading (?:day|"
            r"session)|day)|last session|the session before)\b",
            re.I,
        ),
    ),
    (
        "named_period",
        re.compile(
            r"\b(this|last|past|previous|prior|the) (week|month|quarter|year)\b|"
            r"\b(week|month|quarter|year)[- ]to[- ]date\b|\bYTD\b|\bso far this year\b|"
            r"\bsince the (?:start|beginning) of (?:the|this) year\b|"
            r"\b(?:for|on) the (week|month)\b",
            re.I,
        ),
    ),
    (
        "periodic",
        re.compile(
            r"\b(weekly|monthly|quarterly)\s+(?:gains?|loss(?:es)?|declines?|rises?|advances?|"
            r"drops?|rally|slide|performance|returns?)\b",
            re.I,
        ),
    ),
    (
        "past_n",
        re.compile(
            rf"\b(?:past|last|previous|preceding|trailing|prior|next|in|over|within)\s+({_NUM})\s+"
            r"(?:trading\s+)?(days|sessions|weeks|months|quarters|years)\b|"
            r"\b(?:past|last|previous|preceding)\s+(decade)\b",
            re.I,
        ),
    ),
)
PRIORITY = {name: index for index, (name, _) in enumerate(PATTERNS)}


def month_number(token: str) -> int:
    """``"Sept."`` -> 9."""
    return _MONTHS[token.strip(". ").lower()[:3]]


def _year2(token: str | None, ref_year: int) -> int | None:
    if not token:
        return None
    token = token.lstrip("'")
    if len(token) == 2:
        return 2000 + int(token) if 2000 + int(token) <= ref_year + 1 else 1900 + int(token)
    return int(token)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _recent_day(month: int, day: int, ref: dt.date) -> dt.date | None:
    """The latest ``month``/``day`` not more than a day after ``ref`` (a story may be dated in
    another time zone than the event)."""
    for year in (ref.year, ref.year - 1):
        found = _safe_date(year, month, day)
        if found and found <= ref + dt.timedelta(days=1):
            return found
    return None


def _recent_month(month: int, ref: dt.date) -> tuple[dt.date, dt.date]:
    year = ref.year if month <= ref.month else ref.year - 1
    return _month_range(year, month)


def _weekday(name: str, modifier: str | None, ref: dt.date) -> dt.date:
    target = WEEKDAYS.index(name.lower())
    back = (ref.weekday() - target) % 7
    if modifier and modifier.lower() == "next":
        return ref + dt.timedelta(days=(target - ref.weekday()) % 7 or 7)
    if modifier and modifier.lower() in ("last", "past", "previous") and back == 0:
        back = 7
    return ref - dt.timedelta(days=back)


def _shift_years(day: dt.date, years: int) -> dt.date:
    return _safe_date(day.year - years, day.month, day.day) or dt.date(day.year - years, 2, 28)


def _shift_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def _named_period(match: re.Match[str], ref: dt.date) -> tuple[dt.date, dt.date, str] | None:
    text = match.group(0).lower()
    which = (match.group(1) or "this").lower()
    unit = (match.group(2) or match.group(3) or match.group(4) or "year").lower()
    if "ytd" in text or "so far this year" in text or "start" in text or "beginning" in text:
        which, unit = "this", "year"
    elif "to-date" in text or "to date" in text or text.startswith(("for the", "on the")):
        which = "this"
    monday = ref - dt.timedelta(days=ref.weekday())
    quarter_start = dt.date(ref.year, 3 * ((ref.month - 1) // 3) + 1, 1)
    if unit == "week":
        if which == "past":
            return ref - dt.timedelta(days=7), ref, "week"
        if which in ("last", "previous", "prior"):
            return monday - dt.timedelta(days=7), monday - dt.timedelta(days=1), "week"
        return monday, ref, "week"
    if unit == "month":
        if which == "past":
            return _shift_months(ref, 1), ref, "month"
        if which in ("last", "previous", "prior"):
            first = _shift_months(dt.date(ref.year, ref.month, 1), 1)
            return (*_month_range(first.year, first.month), "month")
        return dt.date(ref.year, ref.month, 1), ref, "month"
    if unit == "quarter":
        if which in ("last", "previous", "prior", "past"):
            first = _shift_months(quarter_start, 3)
            return first, quarter_start - dt.timedelta(days=1), "quarter"
        return quarter_start, ref, "quarter"
    if which == "past":
        return _shift_years(ref, 1), ref, "year"
    if which in ("last", "previous", "prior"):
        return dt.date(ref.year - 1, 1, 1), dt.date(ref.year - 1, 12, 31), "year"
    return dt.date(ref.year, 1, 1), ref, "year"


def _past_n(match: re.Match[str], ref: dt.date) -> tuple[dt.date, dt.date, str]:
    if match.group(3):
        return _shift_years(ref, 10), ref, "period"
    token = match.group(1).lower()
    count = int(token) if token.isdigit() else NUMBER_WORDS.get(token, 1)
    unit = match.group(2).lower()
    if unit in ("days", "sessions"):
        # trading days: about seven calendar days for five sessions
        first = ref - dt.timedelta(days=count * 7 // 5 if unit == "sessions" else count)
    elif unit == "weeks":
        first = ref - dt.timedelta(weeks=count)
    elif unit == "months":
        first = _shift_months(ref, count)
    elif unit == "quarters":
        first = _shift_months(ref, 3 * count)
    else:
        first = _shift_years(ref, count)
    if match.group(0).lower().startswith("next"):
        return ref, ref + (ref - first), "period"
    return first, ref, "period"


def _edge(text: str, first: dt.date, last: dt.date) -> tuple[dt.date, dt.date]:
    """ "the end of 2009" is its last days, "the start of 2024" its first."""
    lowered = text.lower()
    if "end of" in lowered:
        return max(first, last - dt.timedelta(days=6)), last
    if "start of" in lowered or "beginning of" in lowered:
        return first, min(last, first + dt.timedelta(days=6))
    return first, last


def _part_of(modifier: str | None, first: dt.date, last: dt.date) -> tuple[dt.date, dt.date]:
    """``late 2024`` is its last third, ``early`` its first, ``mid`` its middle."""
    if not modifier:
        return first, last
    third = (last - first) / 3
    key = modifier.lower().rstrip("-")
    if key == "early":
        return first, first + third
    if key == "late":
        return last - third, last
    return first + third, last - third


def resolve(
    name: str, m: re.Match[str], ref: dt.date
) -> tuple[DateKind, dt.date, dt.date, bool, str] | None:
    """The dates of one match: (kind, first, last, absolute, unit), or None if impossible."""
    if name == "iso":
        day = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return ("day", day, day, True, "day") if day else None
    if name == "us_numeric":
        day = _safe_date(int(m.group(3)), int(m.group(1)), int(m.group(2)))
        return ("day", day, day, True, "day") if day else None
    if name in ("weekday_mdy", "mdy", "dmy"):
        if name == "weekday_mdy":
            month, number, year_token = month_number(m.group(2)), int(m.group(3)), m.group(4)
        elif name == "mdy":
            month, number, year_token = month_number(m.group(1)), int(m.group(2)), m.group(3)
        else:
            month, number, year_token = month_number(m.group(2)), int(m.group(1)), m.group(3)
        if year_token:
            day = _safe_date(int(year_token), month, number)
        elif name == "weekday_mdy":
            day = _weekday_match(month, number, WEEKDAYS.index(m.group(1).lower()), ref)
        else:
            day = _recent_day(month, number, ref)
        return ("day", day, day, bool(year_token), "day") if day else None
    if name == "month_year":
        first, last = _month_range(int(m.group(2)), month_number(m.group(1)))
        return "range", first, last, True, "month"
    if name in ("month", "month_low"):
        first, last = _recent_month(month_number(m.group(2)), ref)
        first, last = _part_of(m.group(1), first, last)
        first, last = _edge(m.group(0), first, last)
        return "range", first, last, False, "month"
    if name in ("quarter", "year_quarter"):
        if name == "quarter":
            number = _QUARTERS.get((m.group(1) or "").lower()) or int(m.group(2))
            year = _year2(m.group(3), ref.year)
        else:
            number, year = int(m.group(2)), int(m.group(1))
        absolute = year is not None
        if year is None:
            year = ref.year if dt.date(ref.year, 3 * number - 2, 1) <= ref else ref.year - 1
        first = dt.date(year, 3 * number - 2, 1)
        last = _month_range(year, 3 * number)[1]
        return "range", first, last, absolute, "quarter"
    if name == "this_half":
        return "range", dt.date(ref.year, 1, 1), min(ref, dt.date(ref.year, 6, 30)), False, "half"
    if name == "half":
        number = 1 if (m.group(1) or "").lower() == "first" or m.group(2) == "1" else 2
        year = int(m.group(3))
        first = dt.date(year, 1 if number == 1 else 7, 1)
        return (
            "range",
            first,
            dt.date(year, 6, 30) if number == 1 else dt.date(year, 12, 31),
            True,
            "half",
        )
    if name == "year":
        year = int(m.group(2))
        first, last = _part_of(m.group(1), dt.date(year, 1, 1), dt.date(year, 12, 31))
        first, last = _edge(m.group(0), first, last)
        return "range", first, last, True, "year"
    if name == "weekday":
        day = _weekday(m.group(2), m.group(1), ref)
        return "day", day, day, False, "day"
    if name == "today":
        return "day", ref, ref, False, "day"
    if name == "yesterday":
        return "previous_session", ref, ref, False, "day"
    if name == "named_period":
        found = _named_period(m, ref)
        return ("range", found[0], found[1], False, found[2]) if found else None
    if name == "periodic":
        unit = {"weekly": "week", "monthly": "month", "quarterly": "quarter"}[m.group(1).lower()]
        first = {
            "week": ref - dt.timedelta(days=ref.weekday()),
            "month": dt.date(ref.year, ref.month, 1),
            "quarter": dt.date(ref.year, 3 * ((ref.month - 1) // 3) + 1, 1),
        }[unit]
        return "range", first, ref, False, unit
    if name == "past_n":
        first, last, unit = _past_n(m, ref)
        return "range", first, last, False, unit
    return None


def _weekday_match(month: int, day: int, weekday: int, ref: dt.date) -> dt.date | None:
    """``Tuesday, January 28`` without a year: the latest such date on that weekday."""
    for year in range(ref.year, ref.year - 12, -1):
        found = _safe_date(year, month, day)
        if found and found <= ref + dt.timedelta(days=1) and found.weekday() == weekday:
            return found
    return _recent_day(month, day, ref)
