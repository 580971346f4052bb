"""Ingestion speed: sources alone, full ingest into SQLite, re-ingest, MinHash and LSH rebuild.

Run: ``python benchmarks/ingest_bench.py [FILE_OR_FOLDER ...] [--map body=...] [--limit N]``.
Without inputs it uses the real exports in ``../shared/data/news_articles`` when present, else
a synthetic corpus. It prints numbers; it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from whymove.clean.dedupe import NearDuplicateIndex, signature, signature_bytes
from whymove.ingest import ingest
from whymove.pipeline import default_pipeline
from whymove.sources import iter_items, parse_field_map
from whymove.store import open_store

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "news_articles"
WORDS = (
    "shares rose fell percent after company said quarter revenue profit analysts expected "
    "market investors chip sales china export controls guidance outlook deal regulators "
    "billion million trading session stock index higher lower week year demand supply"
).split()


def synthetic(folder: Path, n: int) -> list[str]:
    rng = random.Random(7)
    path = folder / "synthetic.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            body = " ".join(rng.choice(WORDS) for _ in range(400))
            handle.write(json.dumps({"title": f"Story {i}", "text": body}) + "\n")
    return [str(path)]


def timed(label: str, count: int, seconds: float) -> None:
    rate = count / seconds if seconds else float("inf")
    print(f"{label:<44} {count:>7} in {seconds:7.2f}s  = {rate:9.1f}/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("inputs", nargs="*")
    parser.add_argument("--map", action="append", default=[])
    parser.add_argument("--synthetic", type=int, default=2000)
    args = parser.parse_args()
    mapping = parse_field_map(args.map)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        inputs = args.inputs
        if not inputs and SHARED.exists():
            inputs = [str(SHARED / "crypto_news_fulltext_FinEntity_20230105.json"),
                      str(SHARED / "fnspid_nasdaq_aapl_contents.csv")]  # fmt: skip
        if not inputs:
            inputs = synthetic(folder, args.synthetic)
        print("inputs:", ", ".join(Path(i).name for i in inputs))

        start = time.perf_counter()
        items = list(iter_items(inputs, mapping=mapping))
        timed("sources only (read, decode, parse)", len(items), time.perf_counter() - start)

        texts = [i.text for i in items if hasattr(i, "text")]
        start = time.perf_counter()
        sigs = [signature(t) for t in texts]
        timed("MinHash signatures", len(sigs), time.perf_counter() - start)

        pipeline = default_pipeline("collect")
        start = time.perf_counter()
        for text in texts[:200]:
            from whymove.model import RawDocument
            from whymove.pipeline import article_from_raw

            pipeline(article_from_raw(RawDocument(input="bench", text=text)))
        timed("pipeline only (first 200 documents)", min(200, len(texts)),
              time.perf_counter() - start)  # fmt: skip

        with open_store(str(folder / "bench.db")) as store:
            start = time.perf_counter()
            first = ingest(inputs, store, mapping=mapping, pipeline=pipeline)
            timed("full ingest into SQLite (inputs)", first.inputs, time.perf_counter() - start)
            print("  summary:", json.dumps(first.to_dict()))
            start = time.perf_counter()
            again = ingest(inputs, store, mapping=mapping, pipeline=pipeline)
            timed("re-ingest (all duplicates or rejects)", again.inputs,
                  time.perf_counter() - start)  # fmt: skip
            size = (folder / "bench.db").stat().st_size
            print(f"  database size: {size / 1e6:.1f} MB for {first.stored} articles")

        rows = [(str(i), str(i), signature_bytes(s)) for i, s in enumerate(sigs)]
        rows = (rows * (20000 // max(len(rows), 1) + 1))[:20000]
        rows = [(f"{n}", f"{n}", data) for n, (_, _, data) in enumerate(rows)]
        start = time.perf_counter()
        NearDuplicateIndex().load(rows)
        timed("LSH rebuild from stored signatures", len(rows), time.perf_counter() - start)


if __name__ == "__main__":
    main()
