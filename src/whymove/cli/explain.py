"""``whymove explain`` and ``whymove check``: why a stock moved, and whether the news got the
move right. Both read the one database that holds articles and prices (``--db``)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console

from whymove.analysis import parse_rule, rules_with
from whymove.cli import app, fail
from whymove.cli.render_explain import render_answer, render_checks, render_top
from whymove.errors import WhymoveError
from whymove.explaining import (
    Market,
    check_claims,
    claims_dict,
    explain_session,
    explain_top,
    latest_session,
    normalise,
)
from whymove.prices.db import ensure_schema
from whymove.store import Store, open_store

DB_HELP = "Database: a SQLite file path or postgresql:// URL (default: WHYMOVE_DB, else the "
DB_HELP += "user data folder)."


@contextmanager
def _opened(db: str | None) -> Iterator[tuple[Store, Market]]:
    """The store and the prices of one database (the prices table is created if missing)."""
    try:
        store = open_store(db)
    except WhymoveError as exc:
        raise fail(str(exc)) from exc
    with store:
        ensure_schema(store.engine)
        yield store, Market.from_engine(store.engine)


def _date(text: str | None, param: str) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError as exc:
        raise fail(f"{param}={text!r} is not a date such as 2025-07-15") from exc


@app.command("explain")
def explain_command(
    symbol: str = typer.Argument(..., help="Ticker: BABA, 9988.HK, JD."),
    date: str | None = typer.Option(None, "--date", "-d", help="Session to explain."),
    top: int | None = typer.Option(None, "--top", help="Explain the N largest moves instead."),
    start: str | None = typer.Option(None, "--start", help="With --top: first date."),
    end: str | None = typer.Option(None, "--end", help="With --top: last date."),
    benchmark: str | None = typer.Option(None, "--benchmark", help="Force this benchmark."),
    rule: list[str] = typer.Option([], "--benchmark-rule", help="e.g. country=CN:KWEB,FXI"),
    as_json: bool = typer.Option(False, "--json", help="Print the answer as one JSON object."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Why did SYMBOL move? The session's return against its benchmark and the stored news
    that explains it, ranked, each line with its source and time.

    Without --date, the biggest move of the latest 20 sessions (or, without prices, the latest
    stated move). --top N lists the N largest abnormal moves of --start..--end (default: the
    90 days to the last loaded price).

    Example: whymove explain BABA --date 2025-07-15
    """
    if date is not None and top is not None:
        raise fail("use --date or --top, not both")
    day = _date(date, "--date")
    first, last = _date(start, "--start"), _date(end, "--end")
    if (first or last) and top is None:
        raise fail("--start and --end go with --top")
    try:
        rules = rules_with([parse_rule(r) for r in rule])
        with _opened(db) as (store, market):
            if top is not None:
                last = last or _last_price(market, symbol) or dt.date.today()
                first = first or last - dt.timedelta(days=90)
                answers = explain_top(
                    store, market, symbol, top, first, last, benchmark=benchmark, rules=rules
                )
                if as_json:
                    typer.echo(json.dumps({"top": [a.to_dict() for a in answers]}))
                else:
                    render_top(Console(), answers)
                return
            day = day or latest_session(store, market, symbol, rules)
            answer = explain_session(store, market, symbol, day, benchmark=benchmark, rules=rules)
    except WhymoveError as exc:
        raise fail(str(exc)) from exc
    if as_json:
        typer.echo(json.dumps(answer.to_dict(), ensure_ascii=False))
    else:
        render_answer(Console(), answer)


def _last_price(market: Market, symbol: str) -> dt.date | None:
    symbol = normalise(symbol)
    if symbol not in market:
        return None
    frame = market.book.returns(symbol).dropna(subset=["close"])
    return frame.index[-1].date() if len(frame) else None


@app.command("check")
def check_command(
    ticker: str | None = typer.Option(None, "--ticker", "-t", help="Only this security."),
    as_json: bool = typer.Option(False, "--json", help="Print the checks as one JSON object."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Compare every stored stated move with the loaded prices: agreements, contradictions,
    and moves that cannot be checked. Exit code 0 whatever the verdicts.

    Example: whymove check --ticker BABA
    """
    try:
        with _opened(db) as (store, market):
            claims = check_claims(store, market, ticker)
    except WhymoveError as exc:
        raise fail(str(exc)) from exc
    if as_json:
        typer.echo(json.dumps(claims_dict(claims), ensure_ascii=False))
    else:
        render_checks(Console(), claims)
