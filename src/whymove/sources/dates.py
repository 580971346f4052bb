"""Publication times as exports write them, to aware UTC datetimes.

Exports and pages write times in every style: ISO 8601, RFC 2822 (feeds), epoch seconds or
milliseconds, and prose such as ``January 25, 2024 — 03:33 am EST`` or ``Jan 5, 2024 4:10PM ET``.
Named US and common world zone abbreviations are understood; a time without a zone is taken
as UTC, as :func:`whymove.model.parse_timestamp` does.

Example:
    >>> parse_published("January 25, 2024 — 03:33 am EST").isoformat()
    '2024-01-25T08:33:00+00:00'
"""

from __future__ import annotations

import datetime as dt
import email.utils
import functools
import re
from typing import Any
from zoneinfo import ZoneInfo

_DASHES = re.compile(r"\s+[—–-]+\s+|\s*[—–]\s*")
_NOISE = re.compile(
    r"^\s*(?:published|updated|posted|last updated|date)\s*(?:on|at)?\s*:?\s*|\s+at\s+(?=\d)",
    re.IGNORECASE,
)
_DOTTED_MERIDIEM = re.compile(r"\b([ap])\.m\.", re.IGNORECASE)
_NUMBER = re.compile(r"^\d{9,13}(?:\.\d+)?$")
_YEAR = re.compile(r"(?<!\d)(?:1[89]|2[01])\d\d(?!\d)")
# Zone names RFC 2822 parsing knows; it reads any other name as UTC, so those go to dateutil.
_RFC2822_ZONES = frozenset("UT UTC GMT Z EST EDT CST CDT MST MDT PST PDT".split())
_EARLIEST = dt.datetime(1970, 1, 2, tzinfo=dt.UTC)


@functools.cache
def _tzinfos() -> dict[str, Any]:
    hours = {
        "UTC": 0, "GMT": 0, "Z": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7,
        "MDT": -6, "PST": -8, "PDT": -7, "BST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3,
        "IST": 5.5, "HKT": 8, "SGT": 8, "CST8": 8, "JST": 9, "KST": 9, "AEST": 10, "AEDT": 11,
    }  # fmt: skip
    zones: dict[str, Any] = {
        name: dt.timezone(dt.timedelta(hours=offset)) for name, offset in hours.items()
    }
    zones["ET"] = ZoneInfo("America/New_York")
    zones["CT"] = ZoneInfo("America/Chicago")
    zones["PT"] = ZoneInfo("America/Los_Angeles")
    return zones


def parse_published(value: object) -> dt.datetime | None:
    """An aware UTC datetime for ``value``, or None when it is empty or not a date.

    Accepts datetimes, dates, epoch numbers (seconds or milliseconds) and strings.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        return _utc(value)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    if _NUMBER.match(text):
        return _from_epoch(float(text))
    try:
        return _utc(dt.datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        pass
    rfc2822 = email.utils.parsedate_tz(text)
    zone = text.rsplit(None, 1)[-1].upper()
    if (
        rfc2822 is not None
        and rfc2822[9] is not None
        and (not zone.isalpha() or zone in _RFC2822_ZONES)
    ):
        return _from_epoch(float(email.utils.mktime_tz(rfc2822)))
    return _prose(text)


def _prose(text: str) -> dt.datetime | None:
    from dateutil import parser as date_parser

    cleaned = _NOISE.sub(" ", text)
    cleaned = _DASHES.sub(" ", cleaned)
    cleaned = _DOTTED_MERIDIEM.sub(r"\1m", cleaned).strip()
    if not _YEAR.search(cleaned):
        # Without a year dateutil fills in today ("Monday", "2 hours ago"): not a date.
        return None
    try:
        stamp = date_parser.parse(cleaned, tzinfos=_tzinfos())
    except (ValueError, OverflowError, TypeError):
        try:
            stamp, skipped = date_parser.parse(cleaned, tzinfos=_tzinfos(), fuzzy_with_tokens=True)
        except (ValueError, OverflowError, TypeError):
            return None
        if sum(len(s.strip()) for s in skipped) > len(cleaned) // 2:
            return None
    return _utc(stamp)


def _from_epoch(number: float) -> dt.datetime | None:
    seconds = number / 1000 if number > 1e11 else number
    try:
        stamp = dt.datetime.fromtimestamp(seconds, tz=dt.UTC)
    except (OverflowError, OSError, ValueError):
        return None
    return stamp if stamp >= _EARLIEST else None


def _utc(stamp: dt.datetime) -> dt.datetime:
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.UTC)
    return stamp.astimezone(dt.UTC)
