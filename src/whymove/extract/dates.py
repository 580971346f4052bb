"""Resolving the dates that moves refer to, against the publication date.

A weekday named in a story ("on Tuesday") is the latest such day on or before publication.
"""

from __future__ import annotations

import datetime as dt
import re

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")(?:'s)?\b", re.IGNORECASE)


def resolve_weekday(name: str, published: dt.date) -> dt.date:
    """The latest date on or before ``published`` that falls on weekday ``name``."""
    target = WEEKDAYS.index(name.lower())
    return published - dt.timedelta(days=(published.weekday() - target) % 7)


def find_day(text: str, published: dt.date | None) -> tuple[dt.date | None, bool]:
    """The day a clause refers to and whether it was inferred (no weekday named)."""
    if published is None:
        return None, True
    match = _WEEKDAY.search(text)
    if match:
        return resolve_weekday(match.group(1), published), False
    return published, True
