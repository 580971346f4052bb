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


def _date_cell(move: dict[str, Any]) -> Text:
    """The session a move fell on, or the first and last sessions of its period; a date the
    text did not state (taken from the publication day) is marked as inferred."""
    first, last = move.get("date"), move.get("date_end")
    if not first and not last:
        return Text("unknown", style="dim")
    cell = Text(first or "…")
    if last and last != first:
        cell.append(f"\n→ {last}")
    if move.get("date_inferred"):
        cell.append("\n(inferred)", style="dim")
    return cell


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
        moves.add_column(col, no_wrap=col == "date")
    for move in result["price_moves"]:
        pct = f"{move['percent']:g}%" if move["percent"] is not None else "n/a"
        style = (
            "green" if move["direction"] == "up" else "red" if move["direction"] == "down" else ""
        )
        date = _date_cell(move)
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
    catalysts = _catalyst_table(result["catalysts"])
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


def _catalyst_table(items: list[dict[str, Any]]) -> Table:
    """Ranked causes with their evidence sentences, the cue in bold; background ones dimmed."""
    table = Table(title="Catalysts (ranked, most important first)", title_justify="left")
    table.add_column("#", justify="right")
    table.add_column("category", min_width=16)
    table.add_column("polarity")
    table.add_column("conf", justify="right")
    table.add_column("actor", max_width=24, overflow="fold")
    table.add_column("evidence", overflow="fold", ratio=1)
    for rank, cat in enumerate(items, 1):
        background = bool(cat.get("background"))
        category = Text(cat["category"])
        if background:
            category.append("\nbackground/risk", style="dim italic")
        table.add_row(
            str(rank),
            category,
            Text(cat["polarity"], style=_POLARITY_STYLE[cat["polarity"]]),
            f"{cat.get('confidence', 0):.2f}",
            cat.get("actor") or "",
            _highlight(_clip(cat.get("evidence", ""), 300), cat.get("cue"), background),
        )
    return table


def _highlight(sentence: str, cue: str | None, dim: bool) -> Text:
    """The evidence sentence with its cue words in bold."""
    text = Text(sentence, style="dim" if dim else "")
    phrase = " ".join(cue.split()) if cue else ""
    at = sentence.find(phrase) if phrase else -1
    if at >= 0:
        text.stylize("bold", at, at + len(phrase))
    return text


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
