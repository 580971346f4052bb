"""``whymove securities load|search|show|clear``: the symbol master from the terminal."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from whymove.cli import app, fail
from whymove.errors import InputError, StoreError
from whymove.link.aliases import derive_aliases
from whymove.link.loaders import FORMATS, load_file
from whymove.link.master import SecurityRecord, full_master
from whymove.link.store import clear_user_securities, save_user_securities, user_store_path

securities = typer.Typer(
    name="securities",
    help="The symbol master: load listing files, search names, show one security.",
    no_args_is_help=True,
)
app.add_typer(securities)


@securities.command("load")
def load(
    paths: list[Path] = typer.Argument(..., help="SEC JSON, Nasdaq Trader .txt or CSV files."),
    fmt: str = typer.Option("auto", "--format", help=f"One of {', '.join(FORMATS)}."),
    replace: bool = typer.Option(False, "--replace", help="Forget what was loaded before."),
) -> None:
    """Add the securities of listing files to the master (kept in the user data folder).

    Example: whymove securities load nasdaqlisted.txt otherlisted.txt
    """
    if fmt not in FORMATS:
        raise fail(f"--format={fmt!r} is not one of {', '.join(FORMATS)}")
    records: list[SecurityRecord] = []
    for path in paths:
        try:
            found = load_file(path, fmt)
        except InputError as exc:
            raise fail(str(exc), 1) from exc
        typer.echo(f"{path}: {len(found)} securities")
        records.extend(found)
    try:
        total = save_user_securities(records, replace=replace)
    except StoreError as exc:
        raise fail(str(exc), 1) from exc
    typer.echo(f"{user_store_path()}: {total} loaded securities in all")


@securities.command("search")
def search(
    text: str = typer.Argument(..., help="A symbol, name or part of a name."),
    limit: int = typer.Option(10, "--limit", help="How many to list."),
) -> None:
    """Find securities by symbol or name, best match first.

    Example: whymove securities search alibaba
    """
    found = full_master().search(text, limit)
    if not found:
        raise fail(f"no security matches {text!r}", 1)
    table = Table("symbol", "kind", "name", "exchange", "country", "origin")
    for rec in found:
        table.add_row(rec.symbol, rec.kind, rec.name, rec.exchange, rec.country, rec.origin)
    Console().print(table)


@securities.command("show")
def show(
    symbol: str = typer.Argument(..., help="A symbol (BABA, 9988.HK) or index label."),
) -> None:
    """Everything the master knows about one security, and its other listings.

    Example: whymove securities show BABA
    """
    master = full_master()
    record = master.get(symbol) or master.get(symbol.upper())
    if record is None:
        raise fail(f"{symbol}: not in the symbol master; try `whymove securities search`", 1)
    console = Console()
    table = Table(show_header=False, title=record.symbol, title_justify="left")
    table.add_column("field", style="bold")
    table.add_column("value")
    canonical = master.canonical(record.symbol)
    rows = [
        ("name", record.name),
        ("kind", record.kind),
        ("exchange", record.exchange),
        ("country", record.country),
        ("sector", record.sector),
        ("aliases", "; ".join(record.aliases)),
        ("derived aliases", "; ".join(derive_aliases(record.name, record.kind))),
        ("listings", ", ".join(s for s in master.group(record.symbol) if s != record.symbol)),
        ("mentions link to", canonical),
        ("origin", record.origin),
    ]
    for field, value in rows:
        if value:
            table.add_row(field, value)
    console.print(table)


@securities.command("clear")
def clear() -> None:
    """Forget every loaded security (the built-in master stays).

    Example: whymove securities clear
    """
    removed = clear_user_securities()
    typer.echo(f"{user_store_path()}: {'removed' if removed else 'nothing was loaded'}")
