"""Pipeline speed: CPU time per component and articles per second on one core.

Usage:
    python benchmarks/pipeline_bench.py [--copies N] [--real N] [--repeat R] [--profile]

Two corpora are timed, each component on its own (``time.process_time``, so other work on a
shared machine does not count):

- *samples*: the texts of ``examples/articles`` and ``../shared/devset``, read as N copies;
- *real*: the first articles of the exports in ``../shared/data/news_articles`` (crypto news
  full texts, Nasdaq articles, Seeking Alpha summaries), read with :mod:`whymove.sources`.

Tables and automata are built before timing (one warm-up article), as in a long-running
process. Per-text memo caches (``functools.lru_cache`` with a bound, as opposed to the
unbounded ``functools.cache`` of tables) are cleared before every copy, so replicated texts
are timed as if they were new. With ``--repeat R`` each corpus is timed R times and each
component's fastest run is shown, which steadies the figures on a busy machine. It prints
numbers; it asserts nothing.
"""

from __future__ import annotations

import argparse
import cProfile
import itertools
import pstats
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from whymove.model import Article, RawDocument
from whymove.pipeline import Pipeline, article_from_raw, default_pipeline
from whymove.sources import iter_documents

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
REAL_FILES = (
    ("crypto_news_fulltext_FinEntity_20230105.json", 0.5),
    ("fnspid_nasdaq_aapl_contents.csv", 0.3),
    ("seeking_alpha_summaries_2023.csv", 0.2),
)


def read_folder(folder: Path) -> list[RawDocument]:
    """The ``.txt`` articles of a folder (with their sidecar metadata)."""
    if not folder.is_dir():
        return []
    docs = iter_documents([folder], glob="*.txt")
    return [d for d in docs if isinstance(d, RawDocument)]


def read_real(total: int) -> list[RawDocument]:
    """Up to ``total`` real articles, shared between the exports by a fixed proportion."""
    folder = SHARED / "data" / "news_articles"
    out: list[RawDocument] = []
    for name, share in REAL_FILES:
        path = folder / name
        if not path.exists():
            continue
        docs = (d for d in iter_documents([path]) if isinstance(d, RawDocument))
        out.extend(itertools.islice(docs, round(total * share)))
    return out


def clear_memos() -> None:
    """Empty the bounded per-text caches of whymove, keeping the per-process tables."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("whymove") or module is None:
            continue
        for value in vars(module).values():
            params = getattr(value, "cache_parameters", None)
            if callable(params) and params().get("maxsize") is not None:
                value.cache_clear()


def time_components(
    pipe: Pipeline, docs: Iterable[RawDocument], copies: int
) -> tuple[dict[str, float], int, int]:
    """CPU seconds spent in each component, the article count and their total characters."""
    spent = dict.fromkeys((c.name for c in pipe.components), 0.0)
    count = chars = 0
    docs = list(docs)
    clock = time.process_time
    for _ in range(copies):
        clear_memos()
        for doc in docs:
            article: Article = article_from_raw(doc)
            for comp in pipe.components:
                start = clock()
                article = comp(article)
                spent[comp.name] += clock() - start
            count += 1
            chars += len(doc.text)
    return spent, count, chars


def print_table(title: str, spent: dict[str, float], count: int, chars: int) -> None:
    total = sum(spent.values())
    print(f"\n{title}: {count} articles, ~{chars / max(count, 1):,.0f} chars each")
    print(f"{'component':<22} {'CPU s':>8} {'ms/article':>11} {'articles/s':>11} {'share':>6}")
    for name, seconds in [*spent.items(), ("total", total)]:
        rate = count / seconds if seconds else float("inf")
        per = 1000 * seconds / max(count, 1)
        share = seconds / total if total else 0.0
        print(f"{name:<22} {seconds:8.2f} {per:11.2f} {rate:11,.0f} {share:6.0%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=10, help="passes over the samples")
    parser.add_argument("--real", type=int, default=300, help="real articles to read")
    parser.add_argument("--repeat", type=int, default=1, help="runs per corpus; fastest shown")
    parser.add_argument("--profile", action="store_true", help="print the top functions")
    args = parser.parse_args()
    samples = read_folder(ROOT / "examples" / "articles") + read_folder(SHARED / "devset")
    real = read_real(args.real)
    pipe = default_pipeline()
    start = time.process_time()
    if samples or real:
        pipe(article_from_raw((samples or real)[0]))
    print(f"tables and automata, built once per process: {time.process_time() - start:.2f} s")
    profiler = cProfile.Profile() if args.profile else None
    if profiler:
        profiler.enable()
    for title, docs, copies in (("samples", samples, args.copies), ("real", real, 1)):
        if not docs:
            continue
        runs = [time_components(pipe, docs, copies) for _ in range(max(1, args.repeat))]
        fastest = {name: min(run[0][name] for run in runs) for name in runs[0][0]}
        print_table(title, fastest, runs[0][1], runs[0][2])
    if profiler:
        profiler.disable()
        stats = pstats.Stats(profiler).sort_stats("tottime")
        stats.print_stats(30)


if __name__ == "__main__":
    main()
