"""Running one pipeline over many articles: in this process, a process pool, or on Dask.

The pipeline and everything its components hold pickle, so each worker receives the same
pipeline once (pool initializer, or a Dask scatter) and then only articles travel. Work is
sent in chunks to amortise the pickling, and at most ``2 * workers`` chunks are in flight, so
memory stays bounded however long the input stream is. Results come back in input order.
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from whymove.model import Article
from whymove.pipeline import Pipeline, default_pipeline

_WORKER_PIPELINE: Pipeline | None = None


def _init_worker(pipeline: Pipeline) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = pipeline


def _run_chunk(chunk: list[Article]) -> list[Article]:
    pipeline = _WORKER_PIPELINE or default_pipeline("collect")
    return [pipeline(article) for article in chunk]


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def default_workers() -> int:
    """All cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def run_parallel(
    articles: Iterable[Article],
    pipeline: Pipeline | None = None,
    *,
    workers: int | None = None,
    chunk_size: int = 64,
) -> Iterator[Article]:
    """Analyse ``articles`` on ``workers`` processes (all cores by default), in order.

    With one worker the pipeline runs in this process: no pickling, no pool start-up.
    """
    pipeline = pipeline or default_pipeline("collect")
    workers = workers or default_workers()
    if workers <= 1:
        yield from pipeline.pipe(articles)
        return
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(pipeline,)) as pool:
        pending: deque[Future[list[Article]]] = deque()
        for chunk in _chunks(articles, chunk_size):
            pending.append(pool.submit(_run_chunk, chunk))
            if len(pending) >= 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def run_dask(
    articles: Iterable[Article],
    client: Any,
    pipeline: Pipeline | None = None,
    *,
    chunk_size: int = 256,
    in_flight: int = 32,
) -> Iterator[Article]:
    """Analyse ``articles`` on a Dask cluster (``dask.distributed.Client``), in order.

    The pipeline is scattered to every worker once; chunks are submitted as the stream is
    read, at most ``in_flight`` at a time, so a backfill of millions of articles streams.
    """
    pipeline = pipeline or default_pipeline("collect")
    [remote_pipeline] = client.scatter([pipeline], broadcast=True)
    pending: deque[Any] = deque()
    for chunk in _chunks(articles, chunk_size):
        pending.append(client.submit(_run_chunk_with, remote_pipeline, chunk, pure=False))
        if len(pending) >= in_flight:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def _run_chunk_with(pipeline: Pipeline, chunk: list[Article]) -> list[Article]:
    return [pipeline(article) for article in chunk]
