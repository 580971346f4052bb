"""Date expressions in news text, resolved against the publication date.

News dates its facts relative to the day it is written: "on Tuesday", "Monday's session",
"January 29", "last week", "in the fourth quarter", "October 2022", "year-to-date". Each
expression found by :func:`find_dates` becomes a :class:`DateExpr` holding its span and the
calendar dates it covers, resolved against a reference day (the publication date at the
exchange, see :mod:`whymove.extract.dates_calendar`). Snapping those dates to trading sessions is
the job of :func:`to_sessions`, because the sessions depend on the security.

Without a publication date an article is bounded by its own dates: it was written on or after
the latest absolute date it gives (:func:`infer_reference`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from whymove.extract.dates_calendar import TradingCalendar
from whymove.extract.dates_rules import PATTERNS, PRIORITY, DateKind, resolve


@dataclass(frozen=True, slots=True)
class DateExpr:
    """A date expression at ``start``..``end`` of the searched text and the dates it covers.

    ``kind``: ``day`` (one calendar day), ``previous_session`` ("yesterday", "the prior
    session": one session before the reference day) or ``range`` (a week, month, quarter, year
    or trailing period, ``first``..``last``). ``absolute`` when the text gave the year.
    """

    start: int
    end: int
    kind: DateKind
    first: dt.date
    last: dt.date
    absolute: bool = False
    unit: str = "day"
    """day, week, month, quarter, year or period: what the expression names."""


def find_dates(text: str, ref: dt.date, base: int = 0) -> list[DateExpr]:
    """Every date expression of ``text`` resolved against ``ref``, in order, not overlapping.

    Offsets are shifted by ``base`` so that a sentence's expressions point into its article.

    Example: ``find_dates("shares rose on Tuesday", dt.date(2025, 7, 16))`` -> one ``day``
    expression for 2025-07-15.
    """
    found: list[tuple[int, int, int, DateExpr]] = []
    for name, pattern in PATTERNS:
        for match in pattern.finditer(text):
            resolved = resolve(name, match, ref)
            if resolved is None:
                continue
            kind, first, last, absolute, unit = resolved
            expr = DateExpr(base + match.start(), base + match.end(), kind, first, last,
                            absolute, unit)  # fmt: skip
            found.append((match.start(), -(match.end() - match.start()), PRIORITY[name], expr))
    found.sort(key=lambda item: (item[0], item[1], item[2]))
    kept: list[DateExpr] = []
    for _, _, _, expr in found:
        if kept and expr.start < kept[-1].end:
            continue
        kept.append(expr)
    return kept


def to_sessions(
    expr: DateExpr | None, ref: dt.date, cal: TradingCalendar
) -> tuple[dt.date, dt.date]:
    """The sessions an expression covers on ``cal``: one session for a day, the first and last
    sessions of a range; without an expression, the session of the reference day.

    A named day that is not a session (a holiday, a weekend) falls back to the session before
    it: the last trading the story can mean.
    """
    if expr is None:
        day = cal.on_or_before(ref)
        return day, day
    if expr.kind == "previous_session":
        day = cal.previous(ref)
        return day, day
    if expr.kind == "day":
        day = cal.on_or_before(expr.first)
        return day, day
    return cal.span(expr.first, min(expr.last, max(ref, expr.first)))


def infer_reference(text: str) -> dt.date | None:
    """A lower bound of the publication date from the article's own absolute dates.

    A story is written on or after every date it states with a year ("October 7, 2022",
    "2025-01-29"); month-year expressions count from the month's first day. Returns the latest
    such date, or None when the text gives no year at all.
    """
    far = dt.date(2100, 1, 1)
    best: dt.date | None = None
    for expr in find_dates(text, far):
        if not expr.absolute:
            continue
        if expr.unit == "year":
            continue
        day = expr.first
        if best is None or day > best:
            best = day
    return best
