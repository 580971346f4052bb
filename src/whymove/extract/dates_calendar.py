"""Trading calendars for dating moves: which exchange a security trades on, and its sessions.

A stated move belongs to a *session* of the security's own exchange: "on Tuesday" in a story
about 9988.HK is a Hong Kong session, read in Hong Kong time. Sessions come from
``exchange_calendars``; building one calendar costs a fraction of a second, so each is built once
per process (:func:`trading_calendar` is cached) and kept as a sorted tuple of day ordinals that
bisects in microseconds. Outside a calendar's range, or for an exchange it does not know, the
weekday rule (Monday to Friday) stands in, so dating never fails.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
import warnings
from dataclasses import dataclass
from zoneinfo import ZoneInfo

DEFAULT_CALENDAR = "XNYS"

MIC_CALENDARS: dict[str, str] = {
    "XNAS": "XNYS",
    "XNGS": "XNYS",
    "XNMS": "XNYS",
    "XNCM": "XNYS",
    "ARCX": "XNYS",
    "BATS": "XNYS",
    "XASE": "XNYS",
    "IEXG": "XNYS",
    "OTCM": "XNYS",
    "XOTC": "XNYS",
    "PINX": "XNYS",
    "XSHE": "XSHG",
    "XNSE": "XBOM",
    "XFRA": "XETR",
}
"""Venues that trade on another exchange's calendar (US venues on NYSE's, Shenzhen on
Shanghai's)."""

SUFFIX_MICS: dict[str, str] = {
    "HK": "XHKG", "SS": "XSHG", "SZ": "XSHE", "L": "XLON", "T": "XTKS", "TO": "XTSE",
    "DE": "XETR", "F": "XFRA", "PA": "XPAR", "AS": "XAMS", "BR": "XBRU", "MI": "XMIL",
    "MC": "XMAD", "SW": "XSWX", "ST": "XSTO", "OL": "XOSL", "CO": "XCSE", "HE": "XHEL",
    "KS": "XKRX", "KQ": "XKRX", "TW": "XTAI", "TWO": "XTAI", "AX": "XASX", "NZ": "XNZE",
    "SI": "XSES", "BO": "XBOM", "NS": "XNSE", "JO": "XJSE", "MX": "XMEX",
}  # fmt: skip
"""Yahoo-style listing suffixes and the MIC each denotes (no suffix: a US listing)."""

COUNTRY_CALENDARS: dict[str, str] = {
    "US": "XNYS", "HK": "XHKG", "CN": "XSHG", "GB": "XLON", "UK": "XLON", "JP": "XTKS",
    "DE": "XETR", "FR": "XPAR", "NL": "XAMS", "KR": "XKRX", "TW": "XTAI", "CA": "XTSE",
    "AU": "XASX", "CH": "XSWX", "IN": "XBOM", "SG": "XSES", "ES": "XMAD", "IT": "XMIL",
    "EU": "XETR", "SE": "XSTO", "BE": "XBRU", "BR": "BVMF", "ZA": "XJSE", "MX": "XMEX",
}  # fmt: skip
"""The calendar of an index, from the market it measures (an index has no exchange)."""

_INDEX_HINTS: tuple[tuple[str, str], ...] = (
    ("hang_seng", "XHKG"), ("hsi", "XHKG"), ("csi", "XSHG"), ("shanghai", "XSHG"),
    ("shenzhen", "XSHG"), ("chinext", "XSHG"), ("star50", "XSHG"), ("nikkei", "XTKS"),
    ("topix", "XTKS"), ("ftse", "XLON"), ("dax", "XETR"), ("cac", "XPAR"), ("aex", "XAMS"),
    ("kospi", "XKRX"), ("taiex", "XTAI"), ("tsx", "XTSE"), ("asx", "XASX"), ("sensex", "XBOM"),
    ("nifty", "XBOM"), ("smi", "XSWX"), ("stoxx", "XETR"), ("ibex", "XMAD"),
)  # fmt: skip

CURRENCIES: dict[str, str] = {
    "XNYS": "USD", "XHKG": "HKD", "XSHG": "CNY", "XLON": "GBP", "XTKS": "JPY", "XETR": "EUR",
    "XPAR": "EUR", "XAMS": "EUR", "XBRU": "EUR", "XMIL": "EUR", "XMAD": "EUR", "XHEL": "EUR",
    "XKRX": "KRW", "XTAI": "TWD", "XSWX": "CHF", "XTSE": "CAD", "XASX": "AUD", "XBOM": "INR",
    "XSES": "SGD", "XSTO": "SEK", "XOSL": "NOK", "XCSE": "DKK", "XNZE": "NZD", "XJSE": "ZAR",
    "XMEX": "MXN", "BVMF": "BRL",
}  # fmt: skip
"""The trading currency of each calendar's exchange."""

_TIMEZONES: dict[str, str] = {"XNYS": "America/New_York", "XHKG": "Asia/Hong_Kong"}
_SUFFIX = re.compile(r"\.([A-Z]{1,3})$")
_CALENDAR_START = "2000-01-01"


def mic_for_symbol(symbol: str, exchange: str = "") -> str:
    """The MIC a listing trades on: its master ``exchange`` when known, else from its suffix.

    Example: ``mic_for_symbol("9988.HK")`` -> ``"XHKG"``; ``mic_for_symbol("BABA")`` -> ``"XNYS"``.
    """
    if exchange:
        return exchange.upper()
    match = _SUFFIX.search(symbol.upper())
    if match and match.group(1) in SUFFIX_MICS:
        return SUFFIX_MICS[match.group(1)]
    return "XNYS"


def calendar_name(symbol: str, kind: str = "stock", exchange: str = "", country: str = "") -> str:
    """The ``exchange_calendars`` name whose sessions a security's moves fall on.

    An index has no exchange: its calendar is that of the market it measures, from its country
    or, failing that, from its label (``hang_seng_tech`` -> XHKG).
    """
    if kind == "index":
        if country.upper() in COUNTRY_CALENDARS:
            return COUNTRY_CALENDARS[country.upper()]
        lowered = symbol.lower()
        for hint, name in _INDEX_HINTS:
            if hint in lowered:
                return name
        return DEFAULT_CALENDAR
    mic = mic_for_symbol(symbol, exchange)
    return MIC_CALENDARS.get(mic, mic)


@dataclass(frozen=True, slots=True)
class TradingCalendar:
    """The sessions of one exchange, as sorted day ordinals, and its time zone.

    ``sessions`` covers ``first``..``last``; outside that range (or when ``sessions`` is empty)
    every Monday to Friday counts as a session.
    """

    name: str
    tz: str
    sessions: tuple[int, ...]

    @property
    def first(self) -> int:
        return self.sessions[0] if self.sessions else 0

    @property
    def last(self) -> int:
        return self.sessions[-1] if self.sessions else 0

    def _covers(self, ordinal: int) -> bool:
        return bool(self.sessions) and self.first <= ordinal <= self.last

    def is_session(self, day: dt.date) -> bool:
        """Whether the exchange traded on ``day``."""
        ordinal = day.toordinal()
        if self._covers(ordinal):
            index = bisect.bisect_left(self.sessions, ordinal)
            return self.sessions[index] == ordinal
        return day.weekday() < 5

    def on_or_before(self, day: dt.date) -> dt.date:
        """The last session on or before ``day``."""
        ordinal = day.toordinal()
        if self._covers(ordinal):
            index = bisect.bisect_right(self.sessions, ordinal) - 1
            return dt.date.fromordinal(self.sessions[max(index, 0)])
        while day.weekday() >= 5:
            day -= dt.timedelta(days=1)
        return day

    def on_or_after(self, day: dt.date) -> dt.date:
        """The first session on or after ``day``."""
        ordinal = day.toordinal()
        if self._covers(ordinal):
            index = bisect.bisect_left(self.sessions, ordinal)
            return dt.date.fromordinal(self.sessions[min(index, len(self.sessions) - 1)])
        while day.weekday() >= 5:
            day += dt.timedelta(days=1)
        return day

    def previous(self, day: dt.date) -> dt.date:
        """The last session strictly before ``day``."""
        return self.on_or_before(day - dt.timedelta(days=1))

    def span(self, first: dt.date, last: dt.date) -> tuple[dt.date, dt.date]:
        """The first and last sessions of the calendar period ``first``..``last``.

        A period with no session (a holiday week) keeps the calendar dates it was given.
        """
        start, end = self.on_or_after(first), self.on_or_before(last)
        return (start, end) if start <= end else (first, last)


def _weekday_calendar(name: str, tz: str) -> TradingCalendar:
    return TradingCalendar(name, tz, ())


@functools.cache
def trading_calendar(name: str) -> TradingCalendar:
    """The calendar ``name`` (a MIC such as XNYS or XHKG), built once per process.

    An unknown name gives a Monday-to-Friday calendar in New York time rather than an error:
    a move is still dated, by the weekday rule.
    """
    import exchange_calendars as xcals  # type: ignore[import-untyped]

    code = MIC_CALENDARS.get(name.upper(), name.upper())
    dispatcher = xcals.calendar_utils.global_calendar_dispatcher
    if not dispatcher.has_calendar(code):
        return _weekday_calendar(code, _TIMEZONES.get(code, "America/New_York"))
    with warnings.catch_warnings():
        # exchange_calendars trips pandas deprecation warnings while it builds; not ours to fix
        warnings.simplefilter("ignore")
        try:
            calendar = xcals.get_calendar(code, start=_CALENDAR_START)
        except ValueError:  # holidays not recorded that far back: use the calendar's own start
            calendar = xcals.get_calendar(code)
        ordinals = tuple(stamp.toordinal() for stamp in calendar.sessions.date)
    return TradingCalendar(code, str(calendar.tz), ordinals)


_OPENING: dict[str, tuple[int, int]] = {
    "XNYS": (9, 30), "XHKG": (9, 30), "XSHG": (9, 30), "XTKS": (9, 0), "XLON": (8, 0),
    "XETR": (9, 0), "XPAR": (9, 0), "XAMS": (9, 0), "XKRX": (9, 0), "XTAI": (9, 0),
    "XTSE": (9, 30), "XASX": (10, 0), "XSWX": (9, 0), "XBOM": (9, 15), "XSES": (9, 0),
}  # fmt: skip


def opening_time(name: str) -> dt.time:
    """When the exchange's regular session opens, local time (9:30 where not listed)."""
    hour, minute = _OPENING.get(name, (9, 30))
    return dt.time(hour, minute)


def local_date(published: dt.datetime, tz: str) -> dt.date:
    """The calendar date at the exchange when the article was published.

    A publication given as a bare date arrives as midnight UTC: that is a date, not an instant,
    and it is kept as is rather than shifted into the previous evening in New York.
    """
    if published.tzinfo is None:
        published = published.replace(tzinfo=dt.UTC)
    utc = published.astimezone(dt.UTC)
    if utc.hour == 0 and utc.minute == 0 and utc.second == 0 and utc.microsecond == 0:
        return utc.date()
    return utc.astimezone(ZoneInfo(tz)).date()


def local_time(published: dt.datetime, tz: str) -> dt.time | None:
    """The wall-clock time at the exchange, or None for a bare-date publication."""
    if published.tzinfo is None:
        published = published.replace(tzinfo=dt.UTC)
    utc = published.astimezone(dt.UTC)
    if utc.time() == dt.time(0, 0):
        return None
    return utc.astimezone(ZoneInfo(tz)).time()
