"""``whymove prices load|fetch|show|list`` and ``whymove study``: prices in, CAAR tables out."""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import typer
from rich.console import Console
from rich.table import Table

from whymove.analysis import (
    CaarRow,
    StudyEvent,
    StudyOutcome,
    caar_table,
    parse_rule,
    rules_with,
    run_study,
    window_label,
)
from whymove.cli import app, fail
from whymove.errors import ConfigError, PriceDataError
from whymove.model import parse_timestamp
from whymove.prices import (
    PriceBook,
    connect,
    list_symbols,
    load_file,
    resolve_db_url,
    upsert_series,
)
from whymove.prices.yahoo import YAHOO_BASE_URL, fetch_chart, fetch_yfinance

prices_app = typer.Typer(
    help="Load, download and inspect daily prices.", no_args_is_help=True, add_completion=False
)
app.add_typer(prices_app, name="prices")

DB_HELP = "Database URL or SQLite path (default: $WHYMOVE_DB, else the user data folder)."


def _pct(value: float | None, digits: int = 2) -> str:
    if value is None or not math.isfinite(value):
        return "-"
    return f"{value * 100:+.{digits}f}%"


@prices_app.command("load")
def load(
    files: list[Path] = typer.Argument(..., help="Price files: CSV layouts or Parquet."),
    symbol: str | None = typer.Option(None, "--symbol", "-s", help="Symbol of the file(s)."),
    basis: str = typer.Option(
        "auto", "--basis", help="auto | raw | adjusted: are the file's prices adjusted?"
    ),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Load daily price files into the database; a session already stored keeps the better row.

    Example: whymove prices load ../shared/data/prices/*.csv
    """
    if basis not in ("auto", "raw", "adjusted"):
        raise fail(f"--basis={basis!r} is not one of auto, raw, adjusted")
    engine = connect(resolve_db_url(db))
    table = Table("file", "symbol", "layout", "prices", "from", "to", "new", "overwritten", "kept")
    rejected = 0
    for path in files:
        try:
            loaded = load_file(path, symbol=symbol, basis=basis)  # type: ignore[arg-type]
        except PriceDataError as exc:
            rejected += 1
            typer.echo(f"whymove: rejected {exc}", err=True)
            continue
        for series in loaded:
            result = upsert_series(engine, series)
            table.add_row(
                path.name,
                series.symbol,
                series.layout,
                "adjusted" if series.adjusted else "raw+adj",
                str(result.first),
                str(result.last),
                str(result.inserted),
                str(result.replaced),
                str(result.kept),
            )
    Console().print(table)
    if rejected:
        raise typer.Exit(1)


@prices_app.command("fetch")
def fetch(
    symbol: str = typer.Argument(..., help="Yahoo symbol: BABA, 9988.HK, ^GSPC."),
    start: str = typer.Option(..., "--start", help="First date (YYYY-MM-DD)."),
    end: str | None = typer.Option(None, "--end", help="Last date (default: today)."),
    via: str = typer.Option("chart", "--via", help="chart (httpx, built in) | yfinance (extra)."),
    base_url: str = typer.Option(YAHOO_BASE_URL, "--base-url", help="Chart API base URL."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Download daily prices from Yahoo Finance and store them.

    Example: whymove prices fetch BABA --start 2024-06-01 --end 2025-07-31
    """
    first = _date(start, "--start")
    last = _date(end, "--end") if end else dt.date.today()
    if via == "chart":
        series = fetch_chart(symbol, first, last, base_url=base_url)
    elif via == "yfinance":
        series = fetch_yfinance(symbol, first, last)
    else:
        raise fail(f"--via={via!r} is not one of chart, yfinance")
    result = upsert_series(connect(resolve_db_url(db)), series)
    typer.echo(
        f"{series.symbol}: {len(series)} sessions {result.first}..{result.last} "
        f"({result.inserted} new, {result.replaced} overwritten, {result.kept} kept)"
    )


@prices_app.command("show")
def show(
    symbol: str = typer.Argument(..., help="A stored symbol."),
    start: str | None = typer.Option(None, "--start", help="First date (YYYY-MM-DD)."),
    end: str | None = typer.Option(None, "--end", help="Last date (YYYY-MM-DD)."),
    tail: int = typer.Option(10, "--tail", help="Sessions to show (the last ones)."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per session."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Show stored closes and daily returns of one symbol on its exchange's sessions.

    Example: whymove prices show BABA --end 2025-07-18 --tail 5
    """
    book = PriceBook.from_engine(connect(resolve_db_url(db)))
    frame = book.returns(symbol.upper() if symbol.upper() in book else symbol)
    if start:
        frame = frame[frame.index >= str(_date(start, "--start"))]
    if end:
        frame = frame[frame.index <= str(_date(end, "--end"))]
    frame = frame.tail(tail)
    if as_json:
        for day, row in frame.iterrows():
            record = {"date": day.date().isoformat()}
            record.update({k: _plain(v) for k, v in row.items()})
            typer.echo(json.dumps(record))
        return
    table = Table("date", "close", "adj close", "price ret", "total ret", "dividend", "source")
    for day, row in frame.iterrows():
        table.add_row(
            str(day.date()),
            "-" if math.isnan(row["close"]) else f"{row['close']:.2f}",
            "-" if math.isnan(row["adj_close"]) else f"{row['adj_close']:.4f}",
            _pct(row["price_return"]),
            _pct(row["total_return"]),
            f"{row['dividend']:g}" if row["dividend"] else "",
            str(row["source"]) + (" (adjusted only)" if _flag(row["adjusted"]) else ""),
        )
    Console().print(table)


@prices_app.command("list")
def list_(db: str | None = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """List stored symbols with their sessions, date range and source files."""
    table = Table("symbol", "sessions", "from", "to", "sources")
    for item in list_symbols(connect(resolve_db_url(db))):
        table.add_row(
            item.symbol, str(item.rows), str(item.first), str(item.last), "\n".join(item.sources)
        )
    Console().print(table)


@app.command()
def study(
    category: list[str] = typer.Option([], "--category", "-c", help="Keep these categories."),
    tickers: str | None = typer.Option(None, "--tickers", "-t", help="Comma-separated tickers."),
    polarity: str | None = typer.Option(None, "--polarity", help="positive | negative | neutral"),
    events_file: Path | None = typer.Option(
        None,
        "--events",
        help="JSONL of events {ticker, date|published, category, polarity}, or the output of "
        "`whymove analyze --json`.",
    ),
    by: str = typer.Option("category", "--by", help="Group by: category,polarity,security,..."),
    benchmark: str | None = typer.Option(None, "--benchmark", help="Use this benchmark for all."),
    rule: list[str] = typer.Option([], "--benchmark-rule", help="e.g. country=CN:KWEB,FXI"),
    sector_etfs: bool = typer.Option(False, "--sector-etfs", help="US stocks vs sector funds."),
    show_events: bool = typer.Option(False, "--show-events", help="Also list every event."),
    as_json: bool = typer.Option(False, "--json", help="Print rows and events as JSON."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Event study over stored or given events: CAAR with confidence intervals per group.

    Example: whymove study --category regulation --tickers BABA,JD,PDD,BIDU
    """
    url = resolve_db_url(db)
    engine = connect(url)
    if events_file is not None:
        events = list(read_events_jsonl(events_file))
    else:
        events = list(_store_events(url))
    wanted = {t.strip().upper() for t in (tickers or "").split(",") if t.strip()}
    cats = {c.strip() for item in category for c in item.split(",") if c.strip()}
    events = [
        e
        for e in events
        if (not wanted or e.ticker.upper() in wanted)
        and (not cats or e.category in cats)
        and (polarity is None or e.polarity == polarity)
    ]
    if not events:
        raise fail("no events match the filters", 1)
    rules = rules_with([parse_rule(r) for r in rule], sector_etfs=sector_etfs)
    book = PriceBook.from_engine(engine)
    outcomes = run_study(events, book, rules=rules, benchmark=benchmark)
    keys = [k.strip() for k in by.split(",") if k.strip()]
    rows = caar_table(outcomes, by=keys)
    if as_json:
        typer.echo(
            json.dumps(
                {
                    "by": keys,
                    "rows": [r.to_dict() for r in rows],
                    "events": [o.to_dict() for o in outcomes],
                }
            )
        )
        return
    console = Console()
    _print_caar(console, keys, rows)
    if show_events:
        _print_events(console, outcomes)
    failed = [o for o in outcomes if o.result is None]
    studied = len(outcomes) - len(failed)
    console.print(f"{studied} events studied, {len(failed)} without usable prices.")
    # one line per distinct failure: the categories of one article share their session
    reasons: dict[tuple[str, str], int] = {}
    for outcome in failed:
        key = (f"{outcome.event.ticker} {outcome.event.when}", str(outcome.error))
        reasons[key] = reasons.get(key, 0) + 1
    for (what, error), count in list(reasons.items())[:10]:
        console.print(f"  {what}: {error}" + (f" ({count} events)" if count > 1 else ""))


def _print_caar(console: Console, keys: list[str], rows: list[CaarRow]) -> None:
    title = "CAAR by " + (", ".join(keys) or "all events")
    table = Table(
        *(keys or ["group"]), "window", "N", "CAAR", "95% CI", "t", "p", "CAR>0", title=title
    )
    for row in rows:
        table.add_row(
            *row.group,
            window_label(row.window),
            str(row.n),
            _pct(row.caar),
            f"{_pct(row.ci_low)} .. {_pct(row.ci_high)}",
            f"{row.t_stat:.2f}",
            f"{row.p_value:.3f}",
            f"{row.positive}/{row.n}",
        )
    console.print(table)


def _print_events(console: Console, outcomes: list[StudyOutcome]) -> None:
    table = Table(
        "ticker",
        "session",
        "category",
        "polarity",
        "bench",
        "return",
        "AR",
        "sigmas",
        "CAR[-1,+1]",
        "CAR[0,+5]",
        title="Events",
    )
    for o in outcomes:
        r = o.result
        if r is None:
            continue
        cars = {c.label: _pct(c.car) for c in r.cars}
        table.add_row(
            r.ticker,
            str(r.session),
            o.event.category,
            o.event.polarity,
            r.benchmark,
            _pct(r.total_return),
            _pct(r.abnormal_return),
            f"{r.sigma_move:+.1f}",
            cars.get("[-1,+1]", "-"),
            cars.get("[0,+5]", "-"),
        )
    console.print(table)


def read_events_jsonl(path: Path) -> Iterator[StudyEvent]:
    """Events from JSONL: plain event lines, or ``whymove analyze --json`` article lines.

    A plain line is ``{"ticker", "date" | "published", "category", "polarity"}``. An analysis
    line gives one event per catalyst that is not background, on the catalyst's ticker (or the
    article's primary tickers), at the article's publication time.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"--events={path}: cannot read ({exc.strerror or exc})") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        ref = f"{path.name}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"--events={path}: line {number} is not JSON ({exc.msg})") from exc
        if "catalysts" in record:
            when = _when(record.get("published"), ref)
            if when is None:
                continue
            for cat in record["catalysts"]:
                if cat.get("background"):
                    continue
                for ticker in [cat["ticker"]] if cat.get("ticker") else record["primary_tickers"]:
                    yield StudyEvent(
                        ticker,
                        when,
                        cat.get("category", ""),
                        cat.get("polarity", ""),
                        ref=record.get("id") or ref,
                    )
            continue
        when = _when(record.get("date") or record.get("published") or record.get("time"), ref)
        if not record.get("ticker") or when is None:
            raise ConfigError(f"--events={path}: line {number} needs a ticker and a date")
        yield StudyEvent(
            str(record["ticker"]),
            when,
            str(record.get("category") or ""),
            str(record.get("polarity") or ""),
            str(record.get("sector") or ""),
            ref,
        )


def _when(value: Any, ref: str) -> dt.date | dt.datetime | None:
    """A bare date stays a date (the session on or after it); a time becomes aware UTC."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    if len(text) == 10:
        return _date(text, ref)
    return parse_timestamp(text, ref)


def _date(text: str, param: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError as exc:
        raise ConfigError(f"{param}={text!r} is not a date such as 2025-07-15") from exc


def _store_events(url: str) -> Iterator[StudyEvent]:
    """Events from the store: one per (article, security, catalyst) not given as background.

    Syndicated copies of a story are separate articles here; the study counts an event once
    per (ticker, session, category, polarity), so copies on the same session count once.
    """
    try:
        from whymove.store import open_store
    except ImportError as exc:  # the store is an optional layer for this command
        raise ConfigError("no store to read events from; pass --events FILE.jsonl") from exc
    with open_store(url) as store:
        stored = store.events()
    for event in stored:
        if event.background or event.published is None:
            continue
        when = parse_timestamp(event.published, "published")
        if when is not None:
            yield StudyEvent(
                event.ticker, when, event.category, event.polarity, ref=event.article_id
            )


def _flag(value: Any) -> bool:
    return value is not pd.NA and bool(value)


def _plain(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value.item() if hasattr(value, "item") else value
