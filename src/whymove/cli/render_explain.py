"""Rich rendering of an explanation: a market brief whose every line names its evidence.

Sections: Price action (the numbers), Why (ranked causes with their sentences), Key points,
Risks and uncertainties, Related moves, then the numbered Sources the lines point at
(``[1]``) and ``[prices]`` for lines taken from the price data. Times are shown in the
exchange's time zone.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from pathlib import PurePath
from zoneinfo import ZoneInfo

from rich.console import Console
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from whymove.analysis.explain import RankedCause
from whymove.explaining import Answer, CheckedClaim, NewsRef, Point
from whymove.explaining.brief import label, pct, stated_text

_STYLE = {"positive": "green", "negative": "red", "neutral": "yellow"}
_VERDICT = {"agrees": "green", "contradicts": "bold red", "unverifiable": "yellow"}
_AGREEMENT = {
    "agrees": "with the move",
    "contradicts": "against the move",
    "unknown": "direction unclear",
}


class _Refs:
    """Numbers the stories of an answer and formats times in the exchange's zone."""

    def __init__(self, answer: Answer) -> None:
        self.zone = ZoneInfo(answer.timezone)
        self.number = {ref.article_id: i for i, ref in enumerate(answer.news, 1)}
        self.by_id = {ref.article_id: ref for ref in answer.news}

    def tag(self, article_id: str | None) -> str:
        if article_id is None:
            return "[prices]"
        return f"[{self.number[article_id]}]" if article_id in self.number else f"[{article_id}]"

    def when(self, stamp: dt.datetime | None) -> str:
        if stamp is None:
            return "time unknown"
        return stamp.astimezone(self.zone).strftime("%Y-%m-%d %H:%M %Z")

    def published(self, ref: NewsRef) -> str:
        if ref.published is None:
            return "no publication time"
        if ref.date_only:
            return f"{ref.published:%Y-%m-%d} (date only)"
        return self.when(ref.published)


def _line(text: str | Text, tag: str, indent: int = 2) -> Padding:
    """One line of the brief with its evidence tag, wrapped under its own indent."""
    out = Text()
    out.append(text)
    if tag:
        out.append(f"  {tag}", style="cyan")
    return Padding(out, (0, 0, 0, indent), expand=False)


def render_answer(console: Console, answer: Answer) -> None:
    """Print one answer as a brief."""
    refs = _Refs(answer)
    title = f"{answer.symbol}"
    if answer.name:
        title += f" · {answer.name}"
    title += f" · {answer.exchange} session {answer.session:%a %Y-%m-%d}"
    console.print(Rule(Text(title, style="bold")))
    _price_action(console, answer, refs)
    _why(console, answer.explanation.why, refs)
    _points(console, "Key points", answer.key_points, refs)
    _risks(console, answer, refs)
    _related(console, answer, refs)
    _sources(console, answer, refs)
    if answer.notes:
        console.print(Text("Notes", style="bold"))
        for note in answer.notes:
            console.print(Text(f"  · {note}", style="dim"))


def _price_action(console: Console, answer: Answer, refs: _Refs) -> None:
    console.print(Text("Price action", style="bold"))
    action, event = answer.explanation.price_action, answer.event
    closes = refs.when(answer.closes_at)
    if action is not None and action.source == "prices" and action.raw_return is not None:
        line = Text(f"{answer.symbol} ")
        line.append(pct(action.raw_return), style=_sign_style(action.raw_return))
        if action.close is not None:
            line.append(f" to {action.close:,.2f}")
        line.append(f" at the close ({closes})")
        console.print(_line(line, "[prices]"))
    elif action is not None and action.raw_return is not None:
        move = answer.explanation.stated_moves[0] if answer.explanation.stated_moves else None
        line = Text("No price data: the news states ")
        line.append(pct(action.raw_return, 1), style=_sign_style(action.raw_return))
        console.print(_line(line, refs.tag(move.article_id if move else None)))
    else:
        console.print(Text("  No price data and no stated move for this session.", style="dim"))
    if event is not None:
        model = event.model
        sigma = f"{abs(event.sigma_move):.1f} sigma" if math.isfinite(event.sigma_move) else "-"
        line = Text(
            f"Against {event.benchmark} {pct(event.market_return)}: expected "
            f"{pct(event.expected_return)} (beta {model.beta:.2f}), abnormal "
        )
        line.append(pct(event.abnormal_return), style=_sign_style(event.abnormal_return))
        line.append(f", {sigma}, t {event.t_stat:.2f}")
        console.print(_line(line, "[prices]"))
        cars = " · ".join(f"{c.label} {pct(c.car)} (t {c.t_stat:.2f})" for c in event.cars)
        est = f"{model.start} to {model.end}" if model.start and model.end else ""
        console.print(_line(f"CAR {cars}; model fitted on {model.n} sessions {est}", "[prices]"))
    for check in answer.checks:
        move = check.move
        line = Text(f"Reported {move.ticker} {stated_text(move)}: ")
        line.append(check.verdict, style=_VERDICT[check.verdict])
        if check.actual_percent is not None:
            line.append(f" (data {check.actual_percent:+.2f}% {check.compared_with})")
        else:
            line.append(f" ({check.reason})")
        console.print(_line(line, refs.tag(move.article_id)))


def _sign_style(value: float) -> str:
    return "green" if value > 0 else "red" if value < 0 else ""


def _cause(console: Console, rank: int | None, cause: RankedCause, refs: _Refs) -> None:
    head = Text(f"  {rank}. " if rank else "  • ")
    head.append(label(cause.category), style="bold")
    if cause.actor:
        head.append(f" ({cause.actor})")
    head.append(" · ")
    head.append(cause.polarity, style=_STYLE.get(cause.polarity, ""))
    head.append(f" · {_AGREEMENT.get(cause.agreement, cause.agreement)}")
    if cause.background:
        head.append(" · background", style="italic")
    head.append(f" · score {cause.score:.2f}", style="dim")
    console.print(head)
    console.print(Padding(Text(f"“{cause.evidence}”", style="italic"), (0, 0, 0, 5), expand=False))
    for source in cause.sources:
        ref = refs.by_id.get(source.article_id)
        first = "first report" if source.novelty == 100 and not source.copy else "repeat"
        if source.copy:
            first = "syndicated copy"
        when = refs.published(ref) if ref else refs.when(source.known_at)
        console.print(
            _line(f"{_name(ref) if ref else source.article_id}, {when}, novelty "
                  f"{source.novelty} ({first})", refs.tag(source.article_id), 5)
        )  # fmt: skip


def _why(console: Console, why: Sequence[RankedCause], refs: _Refs) -> None:
    console.print(Text("Why", style="bold"))
    if not why:
        console.print(Text("  No stored story gives a cause that fits this move.", style="dim"))
    for rank, cause in enumerate(why, 1):
        _cause(console, rank, cause, refs)


def _points(console: Console, title: str, points: Sequence[Point], refs: _Refs) -> None:
    console.print(Text(title, style="bold"))
    for point in points:
        tag = (
            ""
            if point.article_id is None and point.evidence is None
            else refs.tag(point.article_id)
        )
        console.print(_line(f"• {point.text}", tag))


def _risks(console: Console, answer: Answer, refs: _Refs) -> None:
    risks = answer.explanation.risks
    _points(console, "Risks and uncertainties", (), refs)
    for cause in risks:
        _cause(console, None, cause, refs)
    for point in answer.uncertainties:
        console.print(_line(f"• {point.text}", refs.tag(point.article_id)))
    if not risks and not answer.uncertainties:
        console.print(Text("  None raised by the stored news.", style="dim"))


def _related(console: Console, answer: Answer, refs: _Refs) -> None:
    console.print(Text(f"Related moves ({answer.session})", style="bold"))
    if answer.related:
        table = Table("symbol", "name", "role", "return", "close", "known at", box=None,
                      padding=(0, 1), pad_edge=True)  # fmt: skip
        for item in answer.related:
            table.add_row(
                item.symbol, (item.name or "")[:34], item.role,
                Text(pct(item.change), style=_sign_style(item.change)),
                f"{item.close:,.2f}", refs.when(item.known_at),
            )  # fmt: skip
        console.print(table)
    for move in answer.explanation.related_moves:
        console.print(
            _line(f"• {move.ticker} {stated_text(move)}: “{move.evidence}”",
                  refs.tag(move.article_id))
        )  # fmt: skip
    if not answer.related and not answer.explanation.related_moves:
        console.print(Text("  No related prices loaded and none stated.", style="dim"))


def _name(ref: NewsRef) -> str:
    if ref.title:
        return ref.title if len(ref.title) <= 70 else ref.title[:69] + "…"
    return PurePath(ref.input).name or ref.article_id


def _sources(console: Console, answer: Answer, refs: _Refs) -> None:
    console.print(Text("Sources", style="bold"))
    if not answer.news:
        console.print(Text("  No stored story about this session.", style="dim"))
    for i, ref in enumerate(answer.news, 1):
        line = Text(f"[{i}] ", style="cyan")
        line.append(_name(ref), style="bold")
        line.append(f" — {ref.source or 'source unknown'} — {ref.url or ref.input}")
        console.print(Padding(line, (0, 0, 0, 2), expand=False))
        detail = Text(
            f"id {ref.article_id} · published {refs.published(ref)} · known at "
            f"{refs.when(ref.known_at)} · {ref.selected_by} · relevance {ref.relevance}",
            style="dim",
        )
        console.print(Padding(detail, (0, 0, 0, 6), expand=False))


def render_top(console: Console, answers: Sequence[Answer]) -> None:
    """A table of the largest moves, then each one's brief."""
    table = Table("session", "return", "abnormal", "sigma", "benchmark", "top cause",
                  title="Largest moves", title_justify="left")  # fmt: skip
    for answer in answers:
        action, event = answer.explanation.price_action, answer.event
        why = answer.explanation.why
        sigma = event.sigma_move if event else math.nan
        table.add_row(
            str(answer.session),
            pct(action.raw_return if action else None),
            pct(event.abnormal_return if event else None),
            f"{sigma:+.1f}" if math.isfinite(sigma) else "-",
            event.benchmark if event else "-",
            label(why[0].category) if why else "-",
        )
    console.print(table)
    for answer in answers:
        console.print()
        render_answer(console, answer)


def render_checks(console: Console, claims: Sequence[CheckedClaim]) -> None:
    """Every checked claim, contradictions first, then the counts."""
    order = {"contradicts": 0, "agrees": 1, "unverifiable": 2}
    table = Table("verdict", "ticker", "date", "horizon", "stated", "data", "compared with",
                  "story", "evidence", title="Stated moves against prices",
                  title_justify="left")  # fmt: skip
    for claim in sorted(claims, key=lambda c: order[c.check.verdict]):
        check, move = claim.check, claim.check.move
        data = f"{check.actual_percent:+.2f}%" if check.actual_percent is not None else "-"
        table.add_row(
            Text(check.verdict, style=_VERDICT[check.verdict]),
            move.ticker if move.ticker == claim.priced_as else f"{move.ticker} ({claim.priced_as})",
            str(move.date or "-"),
            (move.session or "").replace("_", " ") + (" " if move.session else "") + move.horizon,
            stated_text(move).split(" (")[0],
            data,
            check.compared_with or check.reason,
            f"{claim.title or claim.article_id}\n{_day(claim.published)}",
            move.evidence,
        )
    console.print(table)
    counts = {v: sum(1 for c in claims if c.check.verdict == v) for v in order}
    console.print(
        f"{counts['agrees']} agree, {counts['contradicts']} contradict, "
        f"{counts['unverifiable']} cannot be checked."
    )


def _day(stamp: dt.datetime | None) -> str:
    return stamp.date().isoformat() if stamp else "undated"
