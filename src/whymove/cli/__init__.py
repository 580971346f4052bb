"""The ``whymove`` command line: each command parses, makes one library call, formats.

Exit codes: 0 success, 1 some inputs rejected (each reported on its own line), 2 usage error.
Commands live in modules by subject (``cli/articles.py``, ...) and register on ``app`` here.
"""

from __future__ import annotations

import sys

import typer

from whymove.__about__ import __version__
from whymove.errors import WhymoveError

app = typer.Typer(
    name="whymove",
    help="Explain why stocks move: news in, ranked evidence-backed causes out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"whymove {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Explain why stocks move: news in, ranked evidence-backed causes out."""


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print one error line to stderr and return the Exit to raise."""
    typer.echo(f"whymove: {message}", err=True)
    return typer.Exit(code)


def _register() -> None:
    """Import every command module of this package; each registers its commands on ``app``."""
    import importlib
    import pkgutil

    for module in pkgutil.iter_modules(__path__):
        if not module.name.startswith("_") and not module.name.startswith("render"):
            importlib.import_module(f"{__name__}.{module.name}")


def main(argv: list[str] | None = None) -> None:
    """Entry point of the console script and ``python -m whymove``."""
    _register()
    try:
        app(args=argv, prog_name="whymove")
    except WhymoveError as exc:
        typer.echo(f"whymove: {exc}", err=True)
        sys.exit(2)
