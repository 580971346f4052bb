"""The news side of an answer: which stored stories can explain a session, and when each
became known.

Two ways in: a story about the security (or another listing of its company) published from
the previous session's close to this session's close; or a story, published whenever, that
states a move of this session ("rose 8.1% on Tuesday" written on Wednesday). Novelty is
computed at read time from the stored story ids, with the reports of the days before the
window included so a chain's first story is found even when it came earlier.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from whymove.analysis.explain import CatalystEvidence, NewsItem, StatedMove
from whymove.analysis.novelty import Report
from whymove.explaining.market import INDEX_SYMBOLS, exchange_of, next_session
from whymove.link.master import builtin_master
from whymove.prices.calendars import previous_session
from whymove.store import Store
from whymove.store import read as store_read
from whymove.store.read import ArticleMove, ArticleRef, StoredMove, TickerArticle

CHAIN_LOOKBACK = dt.timedelta(days=3)
"""How far before the news window earlier reports of the same event are looked for (the
novelty chain window)."""
DATE_ONLY_DELAY = dt.timedelta(days=1)
"""A story dated only to the day is known by the end of that day."""
_AT_CLOSE = dt.timedelta(microseconds=1)


@dataclass(frozen=True, slots=True)
class NewsRef:
    """One stored story an answer uses: where it came from, when it became known, and why it
    was selected (``window``: published in the session's news window; ``stated move``: it
    states this session's move)."""

    article_id: str
    story_id: str
    title: str | None
    source: str | None
    url: str | None
    input: str
    published: dt.datetime | None
    known_at: dt.datetime
    date_only: bool
    selected_by: str
    relevance: int
    tickers: tuple[str, ...]
    """Every security the story names, most relevant first."""


def own_symbols(symbol: str) -> tuple[str, ...]:
    """``symbol`` first, then the other listings of its company in the symbol master; an
    index's price symbol and its label in the news go together (``^GSPC`` and ``s&p500``)."""
    group = list(builtin_master().group(symbol))
    group += [label for label, priced in INDEX_SYMBOLS.items() if symbol in (label, priced)]
    group += [INDEX_SYMBOLS[symbol]] if symbol in INDEX_SYMBOLS else []
    return tuple(dict.fromkeys([symbol, *group]))


def known_at(published: dt.datetime | None, fallback: dt.datetime) -> tuple[dt.datetime, bool]:
    """When a story became known, and whether its time is known only to the day.

    A date without a time is stored as midnight UTC; the story may have come out any time
    that day, so it counts as known at the day's end. No date at all: ``fallback`` (the time
    whymove ingested it).

    Example: a story dated 2025-07-15 -> (2025-07-16 00:00 UTC, True).
    """
    if published is None:
        return fallback, False
    if (published.hour, published.minute, published.second, published.microsecond) == (0,) * 4:
        return published + DATE_ONLY_DELAY, True
    return published, False


def stated_move(
    move: StoredMove, article_id: str | None = None, known: dt.datetime | None = None
) -> StatedMove:
    """A stored move as the analysis needs it. A longer horizon is dated by its last day
    ("up 33% this year" is a claim as of then); an after-hours move affects the next session.
    """
    date = move.date if move.horizon == "day" else (move.date_end or move.date)
    affects = None
    if move.horizon == "day" and move.session == "after_hours" and move.date is not None:
        affects = next_session(move.date, exchange_of(move.ticker))
    return StatedMove(
        move.ticker, move.direction, move.percent, move.price, move.session, move.horizon,
        date, move.evidence, article_id=article_id, known_at=known, affects=affects,
    )  # fmt: skip


def gather_news(
    store: Store,
    own: Sequence[str],
    session: dt.date,
    window: tuple[dt.datetime, dt.datetime],
) -> tuple[list[NewsItem], list[NewsRef]]:
    """Stories that can explain the session, as NewsItems and as references, oldest first."""
    start, end = window
    earliest = previous_session(session, exchange_of(own[0]))
    found: dict[str, list[TickerArticle]] = {}
    selected: dict[str, str] = {}
    with store.engine.connect() as conn:
        for ticker in own:
            # the window is (previous close, close]: a story stamped at the close is in
            for art in store_read.articles_for(conn, ticker, start, end + _AT_CLOSE):
                if art.published is not None and art.published > start:
                    found.setdefault(art.article_id, []).append(art)
                    selected[art.article_id] = "window"
        pointing = store_read.article_moves(conn, tickers=own, first=earliest, last=session)
        extra = sorted(
            {
                m.article_id
                for m in pointing
                if m.move.horizon == "day" and stated_move(m.move).target == session
            }
            - set(found)
        )
        for ticker in own:
            for art in store_read.articles_for(conn, ticker, None, None, ids=extra):
                found.setdefault(art.article_id, []).append(art)
                selected.setdefault(art.article_id, "stated move")
        ids = list(found)
        moves = store_read.article_moves(conn, ids=ids)
        refs = store_read.article_refs(conn, ids)
    return _news_items(found, selected, moves, refs)


def _catalyst(c: store_read.StoredCatalyst) -> CatalystEvidence:
    return CatalystEvidence(
        c.category, c.polarity, c.evidence, c.actor, c.confidence, c.weight, c.background,
        c.ticker,
    )  # fmt: skip


def _news_items(
    found: dict[str, list[TickerArticle]],
    selected: dict[str, str],
    moves: list[ArticleMove],
    refs: dict[str, ArticleRef],
) -> tuple[list[NewsItem], list[NewsRef]]:
    day_moves: dict[str, list[StoredMove]] = {}
    for m in moves:
        if m.move.horizon == "day":
            day_moves.setdefault(m.article_id, []).append(m.move)
    items: list[NewsItem] = []
    out: list[NewsRef] = []
    for article_id, arts in found.items():
        first, ref = arts[0], refs[article_id]
        when, date_only = known_at(first.published, ref.ingested_at)
        cats: dict[tuple[str, str, str], CatalystEvidence] = {}
        for art in arts:
            for c in art.catalysts:
                cats.setdefault((c.category, c.polarity, c.evidence), _catalyst(c))
        relevance = max(a.relevance for a in arts)
        stated = tuple(stated_move(m, article_id, when) for m in day_moves.get(article_id, ()))
        items.append(
            NewsItem(
                article_id, first.story_id, when, relevance, first.title, first.source,
                first.url, first.published, tuple(cats.values()), stated,
            )
        )  # fmt: skip
        out.append(
            NewsRef(
                article_id, first.story_id, first.title, first.source, first.url, ref.input,
                first.published, when, date_only, selected[article_id], relevance, ref.tickers,
            )
        )  # fmt: skip
    order = sorted(range(len(items)), key=lambda i: (items[i].known_at, items[i].article_id))
    return [items[i] for i in order], [out[i] for i in order]


def prior_reports(
    store: Store, symbol: str, own: Sequence[str], start: dt.datetime
) -> list[Report]:
    """Reports from the days before the window, so novelty sees the start of each chain."""
    reports = []
    for ticker in own:
        for event in store.events(ticker, start - CHAIN_LOOKBACK, start):
            when, _ = known_at(event.published, start)
            reports.append(Report(event.article_id, event.story_id, symbol, event.category, when))
    return reports


def stated_sessions(
    store: Store, symbol: str, start: dt.date | None, end: dt.date | None, top: int
) -> list[dt.date]:
    """Sessions of the largest stated day moves of ``symbol`` and its other listings."""
    with store.engine.connect() as conn:
        moves = store_read.article_moves(conn, tickers=own_symbols(symbol), first=start, last=end)
    best: dict[dt.date, float] = {}
    for m in moves:
        target = stated_move(m.move).target
        if m.move.horizon == "day" and target is not None:
            best[target] = max(best.get(target, 0.0), m.move.percent or 0.0)
    return sorted(best, key=lambda d: (-best[d], d))[:top]
