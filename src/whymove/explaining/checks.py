"""``whymove check``: every stored stated move against the loaded prices.

Each move is compared over its own session and horizon by
:func:`whymove.analysis.claims.check_move` (tolerances for premarket and intraday quotes
live there). Index moves are compared with the index's own series when it is loaded
(``s&p500`` with ``^GSPC``); a move without prices is listed as unverifiable, never as a
contradiction.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import pandas as pd

from whymove.analysis.claims import ClaimCheck, check_move
from whymove.analysis.explain import StatedMove
from whymove.errors import PriceDataError
from whymove.explaining.brief import check_dict
from whymove.explaining.market import INDEX_SYMBOLS, Market, session_close
from whymove.explaining.news import known_at, own_symbols, stated_move
from whymove.link.master import normalise_symbol
from whymove.prices.calendars import get_calendar, previous_session
from whymove.store import Store
from whymove.store import read as store_read

VERDICTS = ("agrees", "contradicts", "unverifiable")


@dataclass(frozen=True, slots=True)
class CheckedClaim:
    """One stated move, the verdict on it, and the story that states it."""

    check: ClaimCheck
    priced_as: str
    """The symbol whose prices it was compared with."""
    article_id: str
    story_id: str
    title: str | None
    source: str | None
    url: str | None
    published: dt.datetime | None
    known_at: dt.datetime

    def to_dict(self) -> dict[str, Any]:
        out = check_dict(self.check)
        out.update(
            priced_as=self.priced_as,
            article_id=self.article_id,
            story_id=self.story_id,
            title=self.title,
            source=self.source,
            url=self.url,
            published=self.published.isoformat() if self.published else None,
            known_at=self.known_at.isoformat(),
        )
        return out


def session_on_or_before(day: dt.date, exchange: str) -> dt.date:
    """``day`` itself when it is a session, else the session before it."""
    stamp = get_calendar(exchange).date_to_session(pd.Timestamp(day), direction="previous")
    return dt.date(stamp.year, stamp.month, stamp.day)


def _check(
    move: StatedMove, bars: pd.DataFrame, published: dt.datetime | None, exchange: str
) -> ClaimCheck:
    """``check_move``, with the end of a longer-horizon claim made honest: "up 33% this year"
    in a story that came out before a session's close (or carries only a date) is as of the
    previous close or an intraday quote, so either end may be the one meant; the claim is
    judged against the end it fits better."""
    if move.horizon == "day" or move.date is None:
        return check_move(move, bars)
    try:
        end = session_on_or_before(move.date, exchange)
        ends = [end]
        if published is None:
            may_be_earlier = True
        else:
            date_only = known_at(published, published)[1]
            may_be_earlier = date_only or published < session_close(end, exchange)
        if may_be_earlier:
            ends.append(previous_session(end, exchange))
    except (PriceDataError, ValueError) as exc:  # a date outside the exchange's calendar
        return ClaimCheck(move, "unverifiable", None, "", None, str(exc))
    checks = [check_move(replace(move, date=e), bars) for e in ends]
    checks = [
        replace(c, compared_with=f"{c.compared_with} to {c.move.date}") if c.compared_with else c
        for c in checks
    ]
    judged = [c for c in checks if c.actual_percent is not None]
    if not judged:
        return replace(checks[0], move=move)
    stated = (move.percent or 0.0) * (-1 if move.direction == "down" else 1)
    best = min(judged, key=lambda c: (c.verdict != "agrees", abs((c.actual_percent or 0) - stated)))
    return replace(best, move=move)


def check_claims(store: Store, market: Market, ticker: str | None = None) -> list[CheckedClaim]:
    """Every stated move (of ``ticker`` and its other listings, or of all securities) checked
    against the prices, oldest story first.

    A longer-horizon claim ("up 33% this year") dated to a day without a session (the story
    came out at the weekend) is checked as of the last session before it.
    """
    tickers = own_symbols(normalise_symbol(ticker)) if ticker else None
    with store.engine.connect() as conn:
        stated = store_read.article_moves(conn, tickers=tickers)
        undated = sorted({m.article_id for m in stated if m.published is None})
        refs = store_read.article_refs(conn, undated)
    out = []
    for item in stated:
        ingested = refs[item.article_id].ingested_at if item.article_id in refs else None
        when, _ = known_at(item.published, ingested or dt.datetime.min.replace(tzinfo=dt.UTC))
        move = stated_move(item.move, item.article_id, when)
        symbol = INDEX_SYMBOLS.get(move.ticker, move.ticker)
        if symbol not in market:
            check = ClaimCheck(move, "unverifiable", None, "", None, f"no prices for {symbol}")
        else:
            check = _check(move, market.bars(symbol), item.published, market.book.exchange(symbol))
        out.append(
            CheckedClaim(
                check, symbol, item.article_id, item.story_id, item.title, item.source,
                item.url, item.published, when,
            )
        )  # fmt: skip
    return out


def summary(claims: Sequence[CheckedClaim]) -> dict[str, int]:
    """How many claims agree, contradict, or cannot be checked."""
    counts = Counter(c.check.verdict for c in claims)
    return {v: counts.get(v, 0) for v in VERDICTS}


def claims_dict(claims: Sequence[CheckedClaim]) -> dict[str, Any]:
    """``{"summary": {...}, "checks": [...]}``: what ``whymove check --json`` prints."""
    return {"summary": summary(claims), "checks": [c.to_dict() for c in claims]}
