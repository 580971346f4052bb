"""Where the securities a user loaded are kept between runs.

One CSV in the master layout (plus an ``origin`` column) in the user data folder:
``$WHYMOVE_HOME/securities.csv``, else ``$XDG_DATA_HOME/whymove/securities.csv``, else
``~/.local/share/whymove/securities.csv``. It is read when the linker is built (once per
process). Everything goes through the three functions here, so the store can move into the
database later without touching the linker.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from whymove.errors import InputError, StoreError
from whymove.link.master import SecurityRecord, read_master_csv

COLUMNS = ("symbol", "kind", "name", "aliases", "exchange", "country", "sector", "links", "origin")
STORE_NAME = "securities.csv"


def user_data_dir(env: Mapping[str, str] | None = None) -> Path:
    """The user's whymove data folder (not created here)."""
    env = os.environ if env is None else env
    if env.get("WHYMOVE_HOME"):
        return Path(env["WHYMOVE_HOME"]).expanduser()
    base = env.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base).expanduser() / "whymove"


def user_store_path(env: Mapping[str, str] | None = None) -> Path:
    return user_data_dir(env) / STORE_NAME


def read_user_securities(path: Path | None = None) -> tuple[SecurityRecord, ...]:
    """The loaded securities, or ``()`` when nothing was loaded."""
    path = path or user_store_path()
    if not path.is_file():
        return ()
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return tuple(read_master_csv(handle, origin="loaded"))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(
            str(path), f"unreadable securities store: {exc}; delete it and load again"
        ) from exc


def save_user_securities(
    records: Iterable[SecurityRecord], path: Path | None = None, replace: bool = False
) -> int:
    """Add ``records`` to the store (a symbol loaded again takes the new record); with
    ``replace``, the store holds exactly ``records``. Returns how many the store holds."""
    path = path or user_store_path()
    merged: dict[str, SecurityRecord] = {}
    if not replace:
        merged.update((r.symbol, r) for r in read_user_securities(path))
    merged.update((r.symbol, r) for r in records)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with tmp.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(COLUMNS)
            for rec in merged.values():
                writer.writerow(
                    (
                        rec.symbol,
                        rec.kind,
                        rec.name,
                        ";".join(rec.aliases),
                        rec.exchange,
                        rec.country,
                        rec.sector,
                        ";".join(rec.links),
                        "loaded",
                    )
                )
        tmp.replace(path)
    except OSError as exc:
        raise StoreError(
            f"{path}: cannot write the securities store: {exc.strerror or exc}"
        ) from exc
    return len(merged)


def clear_user_securities(path: Path | None = None) -> bool:
    """Forget every loaded security; True when there was a store to remove."""
    path = path or user_store_path()
    if path.is_file():
        path.unlink()
        return True
    return False
