"""The written part of an answer: key points, uncertainties, and the JSON form.

Every point names what shows it: an article (id and the time it became known) or the price
data (the session's close). Nothing here invents a figure: each number is one the price data
or a stored story gives.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from whymove.analysis.claims import ClaimCheck
from whymove.analysis.eventstudy import EventResult
from whymove.analysis.explain import Explanation, RankedCause, StatedMove, jsonable
from whymove.explaining.market import MarketReturn
from whymove.explaining.news import NewsRef

if TYPE_CHECKING:
    from whymove.explaining.answer import Answer

PRICE_DATA = "price data"
QUIET_SIGMA = 2.0
"""An abnormal move smaller than this many sigmas is within a stock's usual daily noise."""
LOW_RELEVANCE = 50


@dataclass(frozen=True, slots=True)
class Point:
    """One line of the brief and what shows it: an article, or the price data."""

    text: str
    article_id: str | None = None
    known_at: dt.datetime | None = None
    evidence: str | None = None
    """The sentence the point rests on, or ``"price data"``."""


def label(category: str) -> str:
    """``supply_chain`` -> ``Supply chain``."""
    return category.replace("_", " ").capitalize()


def pct(value: float | None, digits: int = 2) -> str:
    """A signed percentage of a fraction: 0.0809 -> ``+8.09%``."""
    if value is None or not math.isfinite(value):
        return "n/a"
    return f"{value * 100:+.{digits}f}%"


def moved(value: float) -> str:
    """``rose 8.09%``, ``fell 2.10%`` or ``was unchanged``."""
    if value > 0:
        return f"rose {value * 100:.2f}%"
    if value < 0:
        return f"fell {-value * 100:.2f}%"
    return "was unchanged"


def stated_text(move: StatedMove) -> str:
    """A stated move as the story gives it: ``+8.1% (premarket)``, ``up``."""
    sign = {"up": "+", "down": "-", "flat": "±"}[move.direction]
    size = f"{sign}{move.percent:g}%" if move.percent is not None else move.direction
    when = f" ({move.session.replace('_', ' ')})" if move.session else ""
    horizon = "" if move.horizon == "day" else f" over the {move.horizon}"
    return size + horizon + when


def story_name(ref: NewsRef) -> str:
    """How a brief names a story: its title, else the file or URL it came from."""
    if ref.title:
        return f"“{ref.title}”"
    return ref.input.replace("\\", "/").rsplit("/", 1)[-1] or ref.article_id


def key_points(
    symbol: str,
    explanation: Explanation,
    event: EventResult | None,
    checks: Sequence[ClaimCheck],
    related: Sequence[MarketReturn],
    closes: dt.datetime,
) -> tuple[Point, ...]:
    """The brief in a few lines: the move, whether the news got it right, the main causes,
    and what the market around it did."""
    points: list[Point] = []
    action = explanation.price_action
    day = f"{explanation.session:%a %Y-%m-%d}"
    if action is not None and action.source == "prices" and action.raw_return is not None:
        text = f"{symbol} {moved(action.raw_return)} on {day}"
        text += f", closing at {action.close:,.2f}." if action.close else "."
        if event is not None:
            text += (
                f" Against {event.benchmark} ({pct(event.market_return)}) the abnormal return "
                f"was {pct(event.abnormal_return)}"
            )
            sigma = event.sigma_move
            text += f", a {abs(sigma):.1f}-sigma move." if math.isfinite(sigma) else "."
        points.append(Point(text, None, closes, PRICE_DATA))
    elif explanation.stated_moves:
        move = explanation.stated_moves[0]
        points.append(
            Point(
                f"No price data: the news says {move.ticker} moved {stated_text(move)} on {day}.",
                move.article_id, move.known_at, move.evidence,
            )
        )  # fmt: skip
    for check in checks:
        move = check.move
        if check.verdict == "unverifiable":
            continue
        verb = "agree with" if check.verdict == "agrees" else "CONTRADICT"
        text = (
            f"Reported {move.ticker} {stated_text(move)}: the prices {verb} it "
            f"({check.actual_percent:+.2f}% {check.compared_with})."
        )
        points.append(Point(text, move.article_id, move.known_at, move.evidence))
    points += _cause_points(explanation.why)
    if related:
        parts = [f"{r.symbol} {pct(r.change)} ({r.role})" for r in related[:5]]
        points.append(Point("Around it: " + ", ".join(parts) + ".", None, closes, PRICE_DATA))
    return tuple(points)


def _cause_points(why: Sequence[RankedCause]) -> list[Point]:
    if not why:
        return [Point("No stored story gives a cause that fits the move.")]
    top = why[0]
    who = f" ({top.actor})" if top.actor else ""
    stories = len(top.sources)
    text = (
        f"Main cause: {label(top.category).lower()}{who}, {top.polarity}, "
        f"given by {stories} stor{'y' if stories == 1 else 'ies'}."
    )
    points = [Point(text, top.article_id, top.known_at, top.evidence)]
    if len(why) > 1:
        others = ", ".join(
            label(c.category).lower() + (f" ({c.actor})" if c.actor else "") for c in why[1:4]
        )
        points.append(Point(f"Also cited: {others}.", why[1].article_id, why[1].known_at,
                            why[1].evidence))  # fmt: skip
    return points


def uncertainties(
    symbol: str,
    explanation: Explanation,
    event: EventResult | None,
    checks: Sequence[ClaimCheck],
    news: Sequence[NewsRef],
    closes_at: dt.datetime,
) -> tuple[Point, ...]:
    """What a careful reader should weigh: unverifiable claims, a single source, stories
    written after the move, a move within normal noise, a cause from a story about others."""
    points: list[Point] = []
    for check in checks:
        if check.verdict == "unverifiable":
            move = check.move
            points.append(Point(f"Reported {move.ticker} {stated_text(move)} cannot be checked: "
                                f"{check.reason}.", move.article_id, move.known_at,
                                move.evidence))  # fmt: skip
    if len({ref.story_id for ref in news}) == 1:
        points.append(Point("All of this rests on one story; nothing independent confirms it.",
                            news[0].article_id, news[0].known_at))  # fmt: skip
    for ref in news:
        if ref.known_at <= closes_at:
            continue
        if ref.selected_by == "stated move" and not ref.date_only:
            text = "was published after the close and reports the move afterwards"
        else:
            text = "carries only a date, so it may have come out after the close"
        points.append(Point(f"{story_name(ref)} {text}: its causes are the reporter's "
                            "reading of the move, not necessarily news traded on before it.",
                            ref.article_id, ref.known_at))  # fmt: skip
    if event is not None and abs(event.sigma_move) < QUIET_SIGMA:
        points.append(Point(
            f"The abnormal move was {abs(event.sigma_move):.1f} sigma, within {symbol}'s "
            "usual daily noise: the news may not be what moved it.", None, closes_at,
            PRICE_DATA))  # fmt: skip
    relevance = {ref.article_id: ref.relevance for ref in news}
    if explanation.why and relevance.get(explanation.why[0].article_id or "", 100) < LOW_RELEVANCE:
        top = explanation.why[0]
        points.append(Point(f"The main cause comes from a story mostly about other securities "
                            f"(relevance {relevance[top.article_id or '']}).", top.article_id,
                            top.known_at, top.evidence))  # fmt: skip
    return tuple(points)


def check_dict(check: ClaimCheck) -> dict[str, Any]:
    """A claim check as data, with the move's ``known_at``."""
    out: dict[str, Any] = jsonable(asdict(check))
    out["known_at"] = out["move"]["known_at"]
    return out


def answer_dict(answer: Answer) -> dict[str, Any]:
    """The answer as JSON-ready data. Every event has ``known_at``: news by publication (a
    date-only story at the end of its day), price data by the session's close."""
    data: dict[str, Any] = jsonable(answer.explanation.to_dict())
    closes_at = answer.closes_at.isoformat()
    action = data.get("price_action")
    if action is not None:
        stated = [m["known_at"] for m in data["stated_moves"] if m["known_at"]]
        action["known_at"] = (
            closes_at if action["source"] == "prices" else min(stated, default=None)
        )
    data.update(
        name=answer.name,
        exchange=answer.exchange,
        timezone=answer.timezone,
        known_at=closes_at,
        window={"start": answer.window[0].isoformat(), "end": closes_at},
        event_study=({**answer.event.to_dict(), "known_at": closes_at} if answer.event else None),
        checks=[check_dict(c) for c in answer.checks],
        key_points=[jsonable(asdict(p)) for p in answer.key_points],
        uncertainties=[jsonable(asdict(p)) for p in answer.uncertainties],
        related_moves={
            "prices": [jsonable(asdict(r)) for r in answer.related],
            "stated": data["related_moves"],
        },
        news=[jsonable(asdict(n)) for n in answer.news],
        notes=list(answer.notes),
    )
    return data
