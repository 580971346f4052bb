"""``whymove ingest | watch | search | export | reprocess``: the store from the terminal."""

from __future__ import annotations

import json
import re
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from whymove.batch import default_workers
from whymove.cli import app, fail
from whymove.errors import ConfigError, WhymoveError
from whymove.ingest import IngestSummary, ingest, reprocess
from whymove.pipeline import default_pipeline
from whymove.sources import FieldMap, Skipped, make_client, open_sources, parse_field_map
from whymove.store import FORMATS, Store, export, open_store

DB_HELP = "Database: a SQLite file path or postgresql:// URL (default: WHYMOVE_DB, else the "
DB_HELP += "user data folder)."
_SMALL_RUN = 50
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.IGNORECASE)


def parse_interval(value: str) -> float:
    """Seconds in ``"90"``, ``"30s"``, ``"5m"``, ``"1h"`` or ``"1d"``."""
    match = _INTERVAL.match(value)
    if not match or float(match.group(1)) <= 0:
        raise ConfigError(f"--every {value!r} is not an interval such as 30s, 5m or 1h")
    unit = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[match.group(2).lower()]
    return float(match.group(1)) * unit


def _open(db: str | None) -> Store:
    try:
        return open_store(db)
    except WhymoveError as exc:
        raise fail(str(exc)) from exc


@app.command("ingest")
def ingest_command(
    inputs: list[str] = typer.Argument(..., help="Files, folders, http(s) URLs, or '-' (stdin)."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    field_map: list[str] = typer.Option(
        [], "--map", help="Record fields to use, e.g. body=article_text,published=Date."
    ),
    glob: str | None = typer.Option(None, "--glob", help="Only files matching this in folders."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as one JSON line."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    workers: int = typer.Option(0, "--workers", help="Analysis processes (0: all cores)."),
) -> None:
    """Store articles: new ones analysed, duplicates grouped, bad inputs rejected with reasons.

    Exit code 1 when any input was rejected.

    Example: whymove ingest examples/ news.jsonl --map body=article_text,published=Date
    """
    try:
        mapping = parse_field_map(field_map)
    except ConfigError as exc:
        raise fail(str(exc)) from exc
    err = Console(stderr=True)
    with _open(db) as store, make_client() as client, _progress(err, quiet) as bar:
        task = bar.add_task("ingesting", total=None, rate="")
        started = time.monotonic()

        def report(summary: IngestSummary, total: int | None) -> None:
            done = summary.inputs
            rate = done / max(time.monotonic() - started, 1e-6)
            bar.update(task, completed=done, total=total, rate=f"{rate:,.1f} articles/s")

        total = _total(inputs, mapping, glob)
        if workers <= 0:
            # A pool costs a second to start: worth it only for more than a few articles.
            workers = default_workers() if total is None or total > _SMALL_RUN else 1
        summary = ingest(inputs, store, mapping=mapping, glob=glob, client=client,
                         workers=workers, progress=report, total=total)  # fmt: skip
    _print_summary(summary, as_json)
    if summary.rejected:
        raise typer.Exit(1)


def _total(inputs: list[str], mapping: FieldMap, glob: str | None) -> int | None:
    """The number of inputs when every source can say cheaply (files and records files)."""
    total = 0
    for source in open_sources(inputs, mapping=mapping, glob=glob):
        if isinstance(source, WhymoveError):
            total += 1
        elif not isinstance(source, Skipped):
            estimate = source.estimate()
            if estimate is None:
                return None
            total += estimate
    return total


@contextmanager
def _progress(console: Console, quiet: bool) -> Iterator[Progress]:
    progress = Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        disable=quiet or not console.is_terminal,
    )
    with progress:
        yield progress


def _print_summary(summary: IngestSummary, as_json: bool) -> None:
    for name, reason in summary.rejected:
        typer.echo(f"whymove: rejected {name}: {reason}", err=True)
    if as_json:
        typer.echo(json.dumps(summary.to_dict()))
        return
    table = Table(title="Ingest summary", title_justify="left", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("inputs", str(summary.inputs))
    table.add_row("new", str(summary.new))
    table.add_row("near-duplicates (joined a story)", str(summary.near_duplicates))
    table.add_row("duplicates (already stored)", str(summary.duplicates))
    if summary.unchanged:
        table.add_row("unchanged (HTTP 304)", str(summary.unchanged))
    table.add_row("rejected", str(len(summary.rejected)))
    for reason, count in summary.reasons().most_common():
        table.add_row(f"  {reason}", str(count))
    if summary.skipped:
        table.add_row("files skipped (not articles)", str(len(summary.skipped)))
    Console().print(table)


@app.command()
def watch(
    urls: list[str] = typer.Argument(..., help="Feed or page URLs (or feed files) to poll."),
    every: str = typer.Option("5m", "--every", help="Time between polls: 30s, 5m, 1h."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    rounds: int = typer.Option(0, "--rounds", help="Stop after this many polls (0: never)."),
) -> None:
    """Poll feeds until Ctrl-C or SIGTERM, storing new entries (conditional GET each time).

    Example: whymove watch https://example.com/markets.rss --every 5m
    """
    try:
        interval = parse_interval(every)
    except ConfigError as exc:
        raise fail(str(exc)) from exc
    stop = threading.Event()
    out = Console()

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    done = 0
    try:
        with _open(db) as store, make_client() as client:
            while not stop.is_set():
                summary = ingest(urls, store, client=client, should_stop=stop.is_set)
                done += 1
                stamp = time.strftime("%Y-%m-%d %H:%M:%S")
                out.print(f"{stamp} poll {done}: " + ", ".join(
                    f"{k}={v}" for k, v in summary.to_dict().items()
                    if k in ("new", "near_duplicates", "duplicates", "unchanged", "rejected")
                ), highlight=False)  # fmt: skip
                for name, reason in summary.rejected:
                    typer.echo(f"  rejected {name}: {reason}")
                if rounds and done >= rounds:
                    break
                stop.wait(interval)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    out.print(f"stopped after {done} poll(s)", highlight=False)


@app.command()
def search(
    query: str = typer.Argument(..., help='Words and "quoted phrases" that must all occur.'),
    ticker: str | None = typer.Option(None, "--ticker", help="Only articles naming this."),
    limit: int = typer.Option(20, "--limit", help="At most this many results."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per result per line."),
) -> None:
    """Full-text search over stored titles and texts.

    Example: whymove search "export controls" --ticker BABA
    """
    with _open(db) as store:
        hits = store.search(query, ticker=ticker, limit=limit)
    if as_json:
        for hit in hits:
            typer.echo(json.dumps({
                "id": hit.id, "story_id": hit.story_id, "title": hit.title, "url": hit.url,
                "source": hit.source,
                "published": hit.published.isoformat() if hit.published else None,
                "tickers": list(hit.tickers), "snippet": hit.snippet,
            }, ensure_ascii=False))  # fmt: skip
        return
    table = Table(title=f"{len(hits)} result(s) for {query!r}", title_justify="left")
    for column in ("published", "tickers", "title / snippet", "source"):
        table.add_column(column)
    for hit in hits:
        day = hit.published.date().isoformat() if hit.published else ""
        body = f"[bold]{hit.title or hit.id}[/bold]\n{hit.snippet}"
        table.add_row(day, ",".join(hit.tickers[:4]), body, hit.source or hit.url or "")
    Console().print(table)


@app.command("export")
def export_command(
    fmt: str = typer.Option("parquet", "--format", help="parquet, csv or jsonl."),
    out: Path = typer.Option(Path("whymove-export"), "--out", help="Folder to write into."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Write articles, moves and events tables for notebooks.

    Example: whymove export --format parquet --out data/ && python -c "import pandas as pd;
    print(pd.read_parquet('data/events.parquet'))"
    """
    if fmt not in FORMATS:
        raise fail(f"--format {fmt!r} is not one of {', '.join(FORMATS)}")
    with _open(db) as store:
        written = export(store, out, fmt)
    for name, path in written.items():
        typer.echo(f"{name}: {path}")


@app.command("reprocess")
def reprocess_command(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Re-run stored articles analysed by an older pipeline version.

    Example: whymove reprocess --db news.db
    """
    version = default_pipeline().version
    with _open(db) as store:
        summary = reprocess(store)
    typer.echo(
        f"re-processed {summary.updated} of {summary.stale} stale article(s) "
        f"({summary.failed} with component failures); pipeline {version}"
    )


__all__ = ["parse_interval"]
