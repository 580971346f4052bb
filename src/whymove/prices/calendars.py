"""Exchange calendars: which exchange a listing trades on, its sessions, and news timing.

A return belongs to a *session* of the listing's own exchange, so BABA's returns live on the
NYSE calendar and 9988.HK's on the HKEX calendar. News is mapped to the first session whose close
comes after the news was published: a story released after the close moves the next session,
one released before the open (premarket) moves that day's session, and a weekend story moves
Monday's. Calendars are built once per process (``functools.cache``); each costs a fraction of a
second, which is why nothing here builds one per article or per row.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import warnings

import exchange_calendars as xcals
import pandas as pd

from whymove.errors import ConfigError, PriceDataError

DEFAULT_EXCHANGE = "XNYS"
"""Symbols without an exchange suffix are taken to be US listings."""

CALENDAR_START = pd.Timestamp("1990-01-01")
"""Calendars cover sessions from here (or their own first session) to a year ahead."""

SUFFIX_EXCHANGES: dict[str, str] = {
    "HK": "XHKG",
    "SS": "XSHG",
    "SZ": "XSHE",
    "L": "XLON",
    "T": "XTKS",
    "TO": "XTSE",
    "V": "XTSX",
    "DE": "XETR",
    "F": "XFRA",
    "PA": "XPAR",
    "AS": "XAMS",
    "BR": "XBRU",
    "MI": "XMIL",
    "MC": "XMAD",
    "SW": "XSWX",
    "ST": "XSTO",
    "OL": "XOSL",
    "CO": "XCSE",
    "HE": "XHEL",
    "KS": "XKRX",
    "KQ": "XKRX",
    "TW": "XTAI",
    "AX": "XASX",
    "NZ": "XNZE",
    "SI": "XSES",
    "BO": "XBOM",
    "NS": "XBOM",
    "SA": "XBSP",
    "MX": "XMEX",
    "JO": "XJSE",
}
"""Yahoo-style listing suffixes and the MIC of the exchange each one denotes."""

MIC_CALENDARS: dict[str, str] = {
    "XNAS": "XNYS",
    "ARCX": "XNYS",
    "BATS": "XNYS",
    "XASE": "XNYS",
    "IEXG": "XNYS",
    "XSHE": "XSHG",
    "XBSP": "BVMF",
    "XNSE": "XBOM",
}
"""Exchanges that trade on another exchange's calendar (US venues share NYSE's sessions;
Shenzhen shares Shanghai's)."""

_SUFFIX = re.compile(r"\.([A-Z]{1,2})$")


def exchange_for(symbol: str, mic: str | None = None) -> str:
    """The calendar code for a listing: from its MIC when known, else from its Yahoo suffix.

    Example: ``exchange_for("9988.HK")`` -> ``"XHKG"``; ``exchange_for("BABA")`` -> ``"XNYS"``;
    ``exchange_for("JD", "XNAS")`` -> ``"XNYS"`` (Nasdaq trades on the NYSE calendar).
    """
    if mic:
        return MIC_CALENDARS.get(mic.upper(), mic.upper())
    match = _SUFFIX.search(symbol.upper())
    if match and match.group(1) in SUFFIX_EXCHANGES:
        found = SUFFIX_EXCHANGES[match.group(1)]
        return MIC_CALENDARS.get(found, found)
    return DEFAULT_EXCHANGE


def get_calendar(exchange: str) -> xcals.ExchangeCalendar:
    """The exchange's calendar from 1990 (or its first session) to a year ahead, built once."""
    return _calendar(MIC_CALENDARS.get(exchange.upper(), exchange.upper()))


@functools.cache
def _calendar(code: str) -> xcals.ExchangeCalendar:
    if not xcals.calendar_utils.global_calendar_dispatcher.has_calendar(code):
        raise ConfigError(
            f"exchange={code!r} has no trading calendar; use a MIC such as XNYS or XHKG"
        )
    # exchange_calendars 4.x still reads ``Series.values`` of zoned data, which pandas 3.1
    # deprecates; the warning is theirs and harmless, and our tests turn warnings into errors.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        warnings.simplefilter("ignore", DeprecationWarning)
        try:
            return xcals.get_calendar(code, start=CALENDAR_START)
        except ValueError:  # holidays not recorded that far back: use its default start
            return xcals.get_calendar(code)


def sessions(exchange: str) -> pd.DatetimeIndex:
    """All sessions of the calendar, as naive midnight timestamps."""
    return get_calendar(exchange).sessions


def session_for_news(published: dt.datetime, exchange: str) -> dt.date:
    """The session a story published at ``published`` can first move.

    That is the first session whose close is strictly after publication: premarket and intraday
    news (including a lunch break) belong to the same day's session; news at or after the close,
    on a holiday or at the weekend belongs to the next session. Early closes are respected. A
    naive ``published`` is taken as UTC, as everywhere in whymove.

    Example: a story at 2025-07-15 21:05 UTC (17:05 New York) -> session 2025-07-16 on XNYS.
    """
    stamp = pd.Timestamp(published)
    stamp = stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")
    cal = get_calendar(exchange)
    closes = cal.closes
    position = int(closes.searchsorted(stamp, side="right"))
    if position >= len(closes) or stamp < cal.first_session.tz_localize("UTC"):
        raise PriceDataError(
            f"{exchange}: {stamp.isoformat()} is outside the calendar "
            f"({cal.first_session.date()} to {cal.last_session.date()})"
        )
    return _date(closes.index[position])


def session_on_or_after(day: dt.date, exchange: str) -> dt.date:
    """``day`` itself when it is a session, else the next session (news dated a holiday)."""
    cal = get_calendar(exchange)
    index = cal.sessions
    position = int(index.searchsorted(pd.Timestamp(day), side="left"))
    if position >= len(index) or pd.Timestamp(day) < index[0]:
        raise PriceDataError(f"{exchange}: {day} is outside the calendar")
    return _date(index[position])


def session_window(session: dt.date, exchange: str) -> tuple[dt.datetime, dt.datetime]:
    """The UTC interval of news that can move ``session``: (previous close, this close].

    ``explain`` selects stories published in this interval; it is exactly the set of times that
    :func:`session_for_news` maps to ``session``.
    """
    cal = get_calendar(exchange)
    label = pd.Timestamp(session)
    if not cal.is_session(label):
        raise PriceDataError(f"{exchange}: {session} is not a trading session")
    close = cal.session_close(label)
    previous = cal.previous_session(label) if label > cal.first_session else None
    start = cal.session_close(previous) if previous is not None else cal.session_open(label)
    return start.to_pydatetime().astimezone(dt.UTC), close.to_pydatetime().astimezone(dt.UTC)


def previous_session(session: dt.date, exchange: str, count: int = 1) -> dt.date:
    """The session ``count`` sessions before ``session`` on the exchange's calendar."""
    cal = get_calendar(exchange)
    index = cal.sessions
    position = int(index.searchsorted(pd.Timestamp(session), side="left")) - count
    if position < 0:
        raise PriceDataError(f"{exchange}: no session {count} before {session}")
    return _date(index[position])


def _date(stamp: pd.Timestamp) -> dt.date:
    return dt.date(stamp.year, stamp.month, stamp.day)
