"""Export of articles, moves and events to Parquet, CSV or JSON Lines, for notebooks."""

from __future__ import annotations

from pathlib import Path

from whymove.errors import ConfigError
from whymove.store.store import Store

FORMATS = ("parquet", "csv", "jsonl")


def export(store: Store, out_dir: Path, fmt: str = "parquet") -> dict[str, Path]:
    """Write ``articles``, ``moves`` and ``events`` tables to ``out_dir``; return the paths.

    Example: ``export(store, Path("out"), "parquet")`` writes ``out/events.parquet`` and two
    more files, readable with ``pandas.read_parquet``.
    """
    if fmt not in FORMATS:
        raise ConfigError(f"--format {fmt!r} is not one of {', '.join(FORMATS)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for name, frame in store.frames().items():
        path = out_dir / f"{name}.{fmt}"
        if fmt == "parquet":
            frame.to_parquet(path, index=False)
        elif fmt == "csv":
            frame.to_csv(path, index=False)
        else:
            frame.to_json(path, orient="records", lines=True, date_format="iso", force_ascii=False)
        written[name] = path
    return written
