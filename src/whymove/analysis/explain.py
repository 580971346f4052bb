"""Explain one security's move on one session: the numbers, then the ranked causes.

Pure functions over plain records: the CLI and the API read the store and the price tables,
build :class:`NewsItem` and :class:`PriceAction` values, and call :func:`explain`. Nothing here
knows about SQL or the terminal.

A cause ranks high when the article is about the security (relevance), reports the event
first (novelty), points the same way as the move (agreement), was extracted with confidence,
and is stated as the cause rather than offered as background. The same cause reported by
several stories is one cause with several sources; syndicated copies count once.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from whymove.analysis.novelty import Report, novelty_scores

WEIGHTS = {
    "relevance": 0.30,
    "novelty": 0.20,
    "agreement": 0.25,
    "confidence": 0.15,
    "stated": 0.10,
}


@dataclass(frozen=True, slots=True)
class StatedMove:
    """A move an article states, with the date it refers to."""

    ticker: str
    direction: str
    percent: float | None
    price: float | None
    session: str | None
    horizon: str
    date: dt.date | None
    evidence: str
    article_id: str | None = None
    """The article that states it: every line of an answer leads back to its evidence."""
    known_at: dt.datetime | None = None
    """When the statement became known (its article's ``known_at``)."""
    affects: dt.date | None = None
    """The session the move belongs to when that is not ``date``: an after-hours move on
    ``date`` shows in the next session's return."""

    @property
    def target(self) -> dt.date | None:
        """The session whose return this move is part of."""
        return self.affects or self.date


@dataclass(frozen=True, slots=True)
class CatalystEvidence:
    """One extracted catalyst with the sentence that shows it."""

    category: str
    polarity: str
    evidence: str
    actor: str | None = None
    confidence: float = 0.5
    weight: float = 0.0
    background: bool = False
    ticker: str | None = None


@dataclass(frozen=True, slots=True)
class NewsItem:
    """A stored article as explain needs it. ``known_at`` is when whymove could first have
    known it (publication time, else ingestion time): a backtest must never use it earlier."""

    article_id: str
    story_id: str
    known_at: dt.datetime
    relevance: int
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: dt.datetime | None = None
    catalysts: tuple[CatalystEvidence, ...] = ()
    moves: tuple[StatedMove, ...] = ()


@dataclass(frozen=True, slots=True)
class PriceAction:
    """The session's move from price data (``source="prices"``) or, when no prices are
    loaded, from the moves the news states (``source="stated"``)."""

    symbol: str
    session: dt.date
    source: str
    raw_return: float | None = None
    abnormal_return: float | None = None
    sigma: float | None = None
    benchmark: str | None = None
    benchmark_return: float | None = None
    close: float | None = None
    car: dict[str, float] = field(default_factory=dict)
    t_stat: float | None = None


@dataclass(frozen=True, slots=True)
class Source:
    article_id: str
    title: str | None
    source: str | None
    url: str | None
    known_at: dt.datetime
    novelty: int
    copy: bool
    chain_id: str | None = None
    """The first report of the chain of stories this one belongs to."""


@dataclass(frozen=True, slots=True)
class RankedCause:
    """One distinct cause (category and polarity) with its best evidence and every source."""

    category: str
    polarity: str
    score: float
    evidence: str
    actor: str | None
    background: bool
    agreement: str
    sources: tuple[Source, ...]
    parts: dict[str, float]
    article_id: str | None = None
    """The article the evidence sentence comes from."""
    known_at: dt.datetime | None = None
    """When the cause first became known: its earliest source."""


@dataclass(frozen=True, slots=True)
class Explanation:
    symbol: str
    session: dt.date
    price_action: PriceAction | None
    stated_moves: tuple[StatedMove, ...]
    why: tuple[RankedCause, ...]
    risks: tuple[RankedCause, ...]
    key_points: tuple[str, ...]
    related_moves: tuple[StatedMove, ...]
    notes: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data, dates as ISO strings."""
        return jsonable(asdict(self))


def jsonable(value: Any) -> Any:
    """Dates and times as ISO strings, tuples as lists, non-finite floats as None."""
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _move_sign(price: PriceAction | None, stated: list[StatedMove]) -> int:
    value = None
    if price is not None:
        value = price.abnormal_return if price.abnormal_return is not None else price.raw_return
    if value is not None:
        return 1 if value > 0 else -1 if value < 0 else 0
    for move in stated:
        if move.horizon == "day":
            return {"up": 1, "down": -1}.get(move.direction, 0)
    return 0


def _agreement(polarity: str, sign: int) -> tuple[str, float]:
    pol = {"positive": 1, "negative": -1}.get(polarity, 0)
    if sign == 0 or pol == 0:
        return "unknown", 0.5
    return ("agrees", 1.0) if pol == sign else ("contradicts", 0.0)


def explain(
    symbol: str,
    session: dt.date,
    news: list[NewsItem],
    price_action: PriceAction | None = None,
    *,
    aliases: tuple[str, ...] = (),
    prior: Iterable[Report] = (),
) -> Explanation:
    """Rank the causes of ``symbol``'s move on ``session`` from the news that could explain it.

    ``aliases`` are other symbols of the same company (BABA and 9988.HK): their stated moves
    and catalysts count as the security's own. ``prior`` are earlier reports about
    ``symbol`` (from before the news window): a story repeating an event they already told is
    not the first of its chain, so it scores lower on novelty.
    """
    own = {symbol, *aliases}
    stated = [m for item in news for m in item.moves if m.ticker in own and m.target == session]
    related = [
        m for item in news for m in item.moves if m.ticker not in own and m.target == session
    ]
    sign = _move_sign(price_action, stated)
    reports = [
        Report(item.article_id, item.story_id, symbol, cat.category, item.known_at)
        for item in news
        for cat in item.catalysts
    ]
    in_news = {item.article_id for item in news}
    reports += [r for r in prior if r.article_id not in in_news and r.ticker == symbol]
    novelty = novelty_scores(reports)
    merged: dict[tuple[str, str], list[tuple[float, dict[str, float], CatalystEvidence, NewsItem]]]
    merged = {}
    for item in news:
        for cat in item.catalysts:
            if cat.ticker is not None and cat.ticker not in own:
                continue
            nov = novelty[(item.article_id, symbol, cat.category)]
            _, agree = _agreement(cat.polarity, sign)
            parts = {
                "relevance": item.relevance / 100,
                "novelty": nov.score / 100,
                "agreement": agree,
                "confidence": cat.confidence,
                "stated": 0.0 if cat.background else 1.0,
            }
            score = sum(WEIGHTS[k] * v for k, v in parts.items())
            merged.setdefault((cat.category, cat.polarity), []).append((score, parts, cat, item))
    causes = []
    for (category, polarity), entries in merged.items():
        entries.sort(key=lambda e: -e[0])
        best_score, parts, cat, best_item = entries[0]
        seen_stories: dict[str, Source] = {}
        for _, _, _, item in entries:
            nov = novelty[(item.article_id, symbol, category)]
            if item.story_id not in seen_stories:
                seen_stories[item.story_id] = Source(
                    item.article_id,
                    item.title,
                    item.source,
                    item.url,
                    item.known_at,
                    nov.score,
                    nov.copy,
                    nov.chain_id,
                )
        # Corroboration by independent stories adds a little, never more than 0.1.
        score = best_score + min(0.1, 0.03 * (len(seen_stories) - 1))
        agreement, _ = _agreement(polarity, sign)
        sources = tuple(sorted(seen_stories.values(), key=lambda s: s.known_at))
        causes.append(
            RankedCause(
                category,
                polarity,
                round(score, 4),
                cat.evidence,
                cat.actor,
                cat.background,
                agreement,
                sources,
                parts,
                article_id=best_item.article_id,
                known_at=sources[0].known_at,
            )
        )
    causes.sort(key=lambda c: (-c.score, c.category))
    why = tuple(c for c in causes if not c.background and c.agreement != "contradicts")
    risks = tuple(c for c in causes if c.background or c.agreement == "contradicts")
    notes = []
    if price_action is None or price_action.source == "stated":
        notes.append("no price data loaded for this session: the stated moves serve instead")
    if not news:
        notes.append("no stored news could explain this session")
    return Explanation(
        symbol=symbol,
        session=session,
        price_action=price_action,
        stated_moves=tuple(stated),
        why=why,
        risks=risks,
        key_points=_key_points(stated, why),
        related_moves=tuple(_dedupe_moves(related)),
        notes=tuple(notes),
    )


def _key_points(stated: list[StatedMove], why: tuple[RankedCause, ...]) -> tuple[str, ...]:
    points = []
    for move in _dedupe_moves(stated)[:3]:
        points.append(move.evidence)
    for cause in why[:3]:
        if cause.evidence not in points:
            points.append(cause.evidence)
    return tuple(points)


def _dedupe_moves(moves: list[StatedMove]) -> list[StatedMove]:
    seen = set()
    out = []
    for move in moves:
        key = (move.ticker, move.direction, move.percent, move.horizon, move.session)
        if key not in seen:
            seen.add(key)
            out.append(move)
    return out


def stated_price_action(symbol: str, session: dt.date, stated: list[StatedMove]) -> PriceAction:
    """A price action built from the news when no prices are loaded: the first day move."""
    for move in stated:
        if move.horizon == "day" and move.percent is not None:
            signed = move.percent / 100 * (-1 if move.direction == "down" else 1)
            return PriceAction(symbol, session, "stated", raw_return=signed, close=move.price)
    return PriceAction(symbol, session, "stated")
