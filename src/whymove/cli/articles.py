"""``whymove analyze`` and ``whymove eval``: article extraction and its scoring."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from whymove.cli import app, fail
from whymove.cli.render import analysis_panel, print_report
from whymove.errors import ConfigError, InputError
from whymove.evaluation import evaluate_dir
from whymove.model import Analysis, parse_timestamp
from whymove.pipeline import article_from_raw, default_pipeline
from whymove.sources import iter_documents, read_text_file


@app.command()
def analyze(
    paths: list[str] = typer.Argument(..., help="Article files or folders ('-' for stdin)."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per article per line."),
    published: str | None = typer.Option(
        None, "--published", help="Publication date for inputs that carry none (YYYY-MM-DD)."
    ),
) -> None:
    """Extract securities, price moves, catalysts and sentiment from articles.

    Example: whymove analyze examples/articles --json
    """
    try:
        default_published = parse_timestamp(published, "--published")
    except ConfigError as exc:
        raise fail(str(exc)) from exc
    console = Console()
    pipeline = default_pipeline("collect")
    rejected = 0
    for item in iter_documents(paths):
        if isinstance(item, InputError):
            rejected += 1
            typer.echo(f"whymove: rejected {item}", err=True)
            continue
        article = article_from_raw(item)
        if article.published is None and default_published is not None:
            article = dataclasses.replace(article, published=default_published)
        result = Analysis(pipeline(article)).to_dict()
        if as_json:
            typer.echo(json.dumps(result, ensure_ascii=False))
        else:
            console.print(analysis_panel(result))
    if rejected:
        raise typer.Exit(1)


@app.command("eval")
def evaluate(
    directory: Path = typer.Argument(..., help="Folder with ID.txt, ID.meta.json and gold.jsonl."),
    as_json: bool = typer.Option(False, "--json", help="End with one JSON line of the scores."),
    top: int = typer.Option(5, "--top", help="How many of the worst articles to list."),
) -> None:
    """Score extraction against the hand-written labels of a folder (labels.md rules).

    Example: whymove eval examples/articles --json
    """
    if not directory.is_dir():
        raise fail(f"{directory}: not a folder")
    pipeline = default_pipeline("collect")

    def predict(path: Path) -> dict[str, Any]:
        return Analysis(pipeline(article_from_raw(read_text_file(path)))).to_labels()

    report, predictions = evaluate_dir(directory, predict)
    print_report(Console(), report, predictions, top)
    if as_json:
        typer.echo(json.dumps(report.summary()))
