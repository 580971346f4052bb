"""The dates of a move, on the trading calendar of the security that moved.

"On Tuesday" in a story about 9988.HK is a Hong Kong session, read in Hong Kong time; the same
word in a story about BABA is a New York session. A day's move is dated by the day its clause
(or failing that its sentence) names, else by the publication day's session, and then says the
date was inferred. A longer move (week, month, year-to-date, since an event) gets the first and
last sessions of its period. Without a publication date, the article's own latest date stands
in and every date says it was inferred.
"""

from __future__ import annotations

import datetime as dt
import re

from whymove.extract.dates import DateExpr, find_dates, to_sessions
from whymove.extract.dates_calendar import (
    MIC_CALENDARS,
    TradingCalendar,
    calendar_name,
    local_date,
    local_time,
    opening_time,
    trading_calendar,
)
from whymove.extract.moves_discourse import Discourse
from whymove.extract.moves_listing import family, place_mics
from whymove.link.master import SymbolMaster

_YEARS = re.compile(r"(\d+|two|three|four|five|six|seven|eight|nine|ten|decade)", re.I)
_YEAR_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
               "nine": 9, "ten": 10, "decade": 10}  # fmt: skip

_RELATIVE = re.compile(
    r"(?:on |last |this |past |previous )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday)|today|yesterday|tonight|this |earlier|the (?:previous|prior|preceding)|previous|"
    r"prior|last session|in today",
    re.I,
)
_MEASURED_FROM = re.compile(r"\b(?:from|than|versus|vs\.?|compared (?:with|to))\s+$", re.I)
DateResult = tuple[dt.date | None, dt.date | None, bool]


class Dater:
    """Dates moves of one article (calendars are shared, built once per process)."""

    def __init__(
        self, text: str, published: dt.datetime | None, reference: dt.date | None,
        master: SymbolMaster, disc: Discourse,
    ) -> None:  # fmt: skip
        self.text = text
        self.published = published
        self.reference = reference
        self.master = master
        self.disc = disc
        self._exprs: dict[tuple[int, dt.date], list[DateExpr]] = {}
        self.story = story_market(text, disc, master)

    def year(self) -> int | None:
        """The year of the publication (or of the date standing in for it)."""
        if self.published is not None:
            return self.published.year
        return self.reference.year if self.reference else None

    def calendar(self, ticker: str, placed: bool = False) -> TradingCalendar:
        """The calendar a move of ``ticker`` falls on. In a story about another market ("Hong
        Kong stocks bounced back...") a company listed there is dated on that market's
        sessions, unless the sentence placed the move on a listing itself."""
        name = self._calendar_name(ticker)
        if self.story and not placed and name == "XNYS" and self.story != name:
            members = family(self.master, ticker)
            if any(self._calendar_name(m) == self.story for m in members):
                name = self.story
        return trading_calendar(name)

    def _calendar_name(self, ticker: str) -> str:
        record = self.master.get(ticker)
        return calendar_name(
            ticker, self.disc.kind(ticker), record.exchange if record else "",
            record.country if record else "",
        )  # fmt: skip

    def _ref(self, cal: TradingCalendar) -> tuple[dt.date | None, bool]:
        if self.published is not None:
            return local_date(self.published, cal.tz), False
        return self.reference, True

    def _find(self, sentence: str, base: int, ref: dt.date) -> list[DateExpr]:
        key = (base, ref)
        if key not in self._exprs:
            self._exprs[key] = find_dates(sentence, ref, base)
        return self._exprs[key]

    def date(
        self, ticker: str, horizon: str, session: str | None,
        phrase: tuple[str, int, int] | None, lo: int, hi: int, trig: tuple[int, int],
        base: int, sentence: str, placed: bool = False,
    ) -> DateResult:  # fmt: skip
        """``(date, date_end, inferred)`` of a move; offsets ``lo``, ``hi``, ``trig`` and the
        horizon ``phrase`` are into ``sentence``, which starts at ``base`` in the article;
        ``placed`` when the sentence named the listing ("in Hong Kong")."""
        cal = self.calendar(ticker, placed)
        ref, inferred = self._ref(cal)
        if ref is None:
            return None, None, True
        exprs = self._find(sentence, base, ref)
        if horizon == "day":
            return self._day(cal, ref, inferred, exprs, session, lo + base, hi + base, trig, base)
        return self._range(cal, ref, inferred, exprs, horizon, phrase, base, hi + base)

    def _day(
        self, cal: TradingCalendar, ref: dt.date, inferred: bool, exprs: list[DateExpr],
        session: str | None, lo: int, hi: int, trig: tuple[int, int], base: int,
    ) -> DateResult:  # fmt: skip
        text = self.text
        days = [
            e for e in exprs
            if e.kind != "range"
            and not (lo <= e.start < hi and _MEASURED_FROM.search(text[: e.start][-20:]))
        ]  # fmt: skip
        start, end = base + trig[0], base + trig[1]
        after = [e for e in days if end <= e.start < hi]
        before = [e for e in days if lo <= e.start and e.end <= start]
        chosen = after[0] if after else before[-1] if before else None
        relative = [e for e in days if e.start < hi and _RELATIVE.match(text[e.start : e.end])]
        if chosen is None and relative:
            chosen = min(relative, key=lambda e: min(abs(e.start - end), abs(e.end - start)))
        if chosen is not None:
            day, _ = to_sessions(chosen, ref, cal)
            if inferred and chosen.kind == "day" and not chosen.absolute and chosen.first < ref:
                # the reference is only a lower bound: the named weekday follows it
                day = cal.on_or_before(chosen.first + dt.timedelta(days=7))
            return day, None, inferred and not chosen.absolute
        if session == "premarket":
            return cal.on_or_after(ref), None, True
        clock = local_time(self.published, cal.tz) if self.published is not None else None
        if clock is not None and clock < opening_time(cal.name):
            return cal.previous(ref), None, True  # written before the open: the last session
        return cal.on_or_before(ref), None, True

    def _range(
        self, cal: TradingCalendar, ref: dt.date, inferred: bool, exprs: list[DateExpr],
        horizon: str, phrase: tuple[str, int, int] | None, base: int, hi: int,
    ) -> DateResult:  # fmt: skip
        last = cal.on_or_before(ref)
        if phrase is None:
            return self._fallback(cal, ref, horizon, ""), last, True
        p_start, p_end = base + phrase[1], base + phrase[2]
        if horizon == "since":
            inside = [e for e in exprs if p_start <= e.start <= max(p_end, hi)]
            if not inside:
                return None, last, True
            return cal.on_or_after(inside[0].first), last, inferred
        overlapping = [e for e in exprs if e.start < p_end and p_start < e.end]
        if overlapping:
            first, stop = to_sessions(overlapping[0], ref, cal)
            return first, stop, inferred
        return self._fallback(cal, ref, horizon, self.text[p_start:p_end]), last, inferred

    @staticmethod
    def _fallback(cal: TradingCalendar, ref: dt.date, horizon: str, phrase: str) -> dt.date | None:
        if horizon == "ytd":
            return cal.on_or_after(dt.date(ref.year, 1, 1))
        if horizon == "week":
            return cal.on_or_after(ref - dt.timedelta(days=7))
        if horizon == "month":
            return cal.on_or_after(ref - dt.timedelta(days=30))
        years = 1
        if horizon == "multi_year":
            match = _YEARS.search(phrase)
            token = match.group(1).lower() if match else "three"
            years = int(token) if token.isdigit() else _YEAR_WORDS.get(token, 3)
        if horizon in ("year", "multi_year"):
            try:
                return cal.on_or_after(ref.replace(year=ref.year - years))
            except ValueError:  # 29 February
                return cal.on_or_after(ref.replace(year=ref.year - years, day=28))
        return None


def story_market(text: str, disc: Discourse, master: SymbolMaster) -> str | None:
    """The market a story is about when it is not New York: the calendar most named by places
    of listing ("in Hong Kong", "Tokyo-listed") and by the indexes and home listings it
    mentions, if it outweighs New York."""
    votes: dict[str, int] = {}
    _, spans = place_mics(text, 0, [])
    for start, end in spans:
        mics, _ = place_mics(text[start:end], 0, [])
        for name in {MIC_CALENDARS.get(m, m) for m in mics}:
            votes[name] = votes.get(name, 0) + 2
    for mention in disc.mentions:
        record = master.get(mention.ticker)
        name = calendar_name(
            mention.ticker, mention.kind, record.exchange if record else "",
            record.country if record else "",
        )  # fmt: skip
        if name != "XNYS" or mention.kind == "index":
            votes[name] = votes.get(name, 0) + 1
    if not votes:
        return None
    best = max(sorted(votes), key=lambda n: votes[n])
    return best if best != "XNYS" and votes[best] > votes.get("XNYS", 0) else None
