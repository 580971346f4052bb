"""Speed of price loading and of the event study; prints numbers, asserts nothing.

    python benchmarks/eventstudy_bench.py [PRICES_DIR]

PRICES_DIR defaults to ../shared/data/prices. Measures: parsing every file, writing them to a
fresh SQLite database, reading and aligning returns, and studying every 5th BABA/JD/BIDU session
of 2023-2025 against the default benchmarks (an event study per event).
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from whymove.analysis import StudyEvent, caar_table, run_study
from whymove.prices import PriceBook, connect, load_file, upsert_series


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/data/prices")
    files = sorted(folder.rglob("*.csv")) + sorted(folder.rglob("*.parquet"))
    if not files:
        sys.exit(f"no price files under {folder}")

    start = time.perf_counter()
    loaded = [s for path in files for s in load_file(path)]
    parse = time.perf_counter() - start
    rows = sum(len(s) for s in loaded)
    print(f"parse   {len(files)} files, {rows} rows: {parse:.2f} s ({rows / parse:,.0f} rows/s)")

    with tempfile.TemporaryDirectory() as tmp:
        engine = connect(f"sqlite:///{Path(tmp) / 'bench.db'}")
        start = time.perf_counter()
        for series in loaded:
            upsert_series(engine, series)
        write = time.perf_counter() - start
        print(f"store   {rows} rows: {write:.2f} s ({rows / write:,.0f} rows/s)")

        book = PriceBook.from_engine(engine)
        start = time.perf_counter()
        for symbol in sorted(book.symbols):
            book.returns(symbol)
        print(f"returns {len(book.symbols)} symbols: {time.perf_counter() - start:.2f} s")

        tickers = [t for t in ("BABA", "JD", "BIDU") if t in book]
        events = [
            StudyEvent(ticker, day.date(), "bench", "positive")
            for ticker in tickers
            for day in book.returns(ticker).index[::5]
            if dt.date(2023, 1, 1) <= day.date() <= dt.date(2025, 12, 1)
        ]
        start = time.perf_counter()
        outcomes = run_study(events, book)
        study = time.perf_counter() - start
        done = sum(o.result is not None for o in outcomes)
        print(
            f"study   {len(events)} events ({done} with results): {study:.2f} s "
            f"({1000 * study / max(len(events), 1):.2f} ms/event)"
        )
        start = time.perf_counter()
        rows_out = caar_table(outcomes, by=("security",))
        print(f"caar    {len(rows_out)} rows: {1000 * (time.perf_counter() - start):.1f} ms")


if __name__ == "__main__":
    main()
