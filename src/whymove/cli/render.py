"""Rich rendering of analyses and evaluation reports for the terminal."""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from whymove.evaluation import Report

_POLARITY_STYLE = {"positive": "green", "negative": "red", "neutral": "yellow"}
_ARROW = {"up": "▲", "down": "▼", "flat": "■"}


def _clip(text: str, width: int = 110) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def analysis_panel(result: dict[str, Any]) -> Panel:
    """One article at a glance: securities, moves, catalysts and sentiment."""
    securities = Table(title="Securities", title_justify="left", expand=False)
    for col in ("ticker", "name", "kind", "relevance", "mentions", "primary"):
        securities.add_column(col, justify="right" if col in ("relevance", "mentions") else "left")
    for sec in result["securities"]:
        securities.add_row(
            Text(sec["ticker"], style="bold" if sec["primary"] else ""),
            _clip(sec.get("name") or "", 40),
            sec["kind"],
            str(sec["relevance"]),
            str(sec["mentions"]),
            "★" if sec["primary"] else "",
        )
    moves = Table(title="Price moves", title_justify="left")
    for col in ("ticker", "move", "price", "session", "horizon", "date", "evidence"):
        moves.add_column(col)
    for move in result["price_moves"]:
        pct = f"{move['percent']:g}%" if move["percent"] is not None else "n/a"
        style = (
            "green" if move["direction"] == "up" else "red" if move["direction"] == "down" else ""
        )
        date = move.get("date") or ""
        if date and move.get("date_inferred"):
            date += " (inferred)"
        price = f"{move['price']:g} {move.get('currency') or ''}".strip() if move["price"] else ""
        moves.add_row(
            move["ticker"],
            Text(f"{_ARROW[move['direction']]} {pct}", style=style),
            price,
            move["session"] or "",
            move["horizon"],
            date,
            _clip(move.get("evidence", ""), 80),
        )
    catalysts = Table(title="Catalysts (ranked)", title_justify="left")
    for col in ("#", "category", "polarity", "actor", "evidence"):
        catalysts.add_column(col)
    for rank, cat in enumerate(result["catalysts"], 1):
        polarity = Text(cat["polarity"], style=_POLARITY_STYLE[cat["polarity"]])
        marker = " (risk/background)" if cat.get("background") else ""
        catalysts.add_row(
            str(rank),
            cat["category"] + marker,
            polarity,
            cat.get("actor") or "",
            _clip(cat.get("evidence", ""), 90),
        )
    sentiment = Text("Sentiment: ")
    sentiment.append(result["sentiment"], style=_POLARITY_STYLE[result["sentiment"]])
    for item in result.get("sentiments", []):
        if item["ticker"] is None and item["evidence"]:
            sentiment.append(f"  (score {item['score']:+.2f}; driven by: ")
            sentiment.append(_clip(item["evidence"][0], 80), style="italic")
            sentiment.append(")")
    parts: list[Any] = [securities, moves, catalysts, sentiment]
    if result.get("failures"):
        parts.append(Text(f"{len(result['failures'])} component failure(s)", style="red"))
    title = result.get("title") or result["input"]
    subtitle = f"id {result['id']}"
    if result.get("published"):
        subtitle += f" · published {result['published'][:10]}"
    return Panel(Group(*parts), title=_clip(title, 100), subtitle=subtitle, title_align="left")


def print_report(console: Console, report: Report, predictions: dict[str, Any], top: int) -> None:
    """Per-field precision, recall and F1, then the articles with the largest misses."""
    summary = report.summary()
    table = Table(title=f"Evaluation over {summary['n_articles']} articles", title_justify="left")
    for col in ("field", "precision", "recall", "F1 / accuracy"):
        table.add_column(col, justify="left" if col == "field" else "right")
    for name in ("tickers", "moves", "catalysts"):
        table.add_row(
            name,
            f"{summary[name + '_precision']:.3f}",
            f"{summary[name + '_recall']:.3f}",
            f"{summary[name + '_f1']:.3f}",
        )
    table.add_row("primary", "", "", f"{summary['primary_accuracy']:.3f}")
    table.add_row("sentiment", "", "", f"{summary['sentiment_accuracy']:.3f}")
    console.print(table)
    worst = report.worst(top)
    if not worst:
        return
    misses = Table(title="Largest misses", title_justify="left")
    for col in (
        "article",
        "misses",
        "tickers fp/fn",
        "moves fp/fn",
        "catalysts fp/fn",
        "primary",
        "sentiment",
    ):
        misses.add_column(col)
    for art in worst:
        misses.add_row(
            art.id,
            str(art.misses),
            f"{art.tickers.fp}/{art.tickers.fn}",
            f"{art.moves.fp}/{art.moves.fn}",
            f"{art.catalysts.fp}/{art.catalysts.fn}",
            "ok" if art.primary_correct else "wrong",
            "ok" if art.sentiment_correct else "wrong",
        )
    console.print(misses)
    if report.missing:
        console.print(f"[red]gold ids with no article file:[/] {', '.join(report.missing)}")
