"""Batch runners give the same results as the plain pipeline, in input order."""

from __future__ import annotations

from whymove.batch import run_dask, run_parallel
from whymove.model import RawDocument
from whymove.pipeline import article_from_raw, default_pipeline

TEXTS = [
    f"Apple Inc. (NASDAQ:AAPL) shares rose {i}.5% on Tuesday after record sales. Item {i}."
    for i in range(1, 41)
]


def _articles():
    return [article_from_raw(RawDocument(input=f"mem://{i}", text=t)) for i, t in enumerate(TEXTS)]


def _labels(articles):
    return [(a.input, a.id, a.mentions, a.moves, a.catalysts) for a in articles]


def test_process_pool_matches_in_process_run_and_keeps_order():
    expected = _labels(default_pipeline("collect").pipe(_articles()))
    got = _labels(run_parallel(_articles(), workers=2, chunk_size=7))
    assert got == expected
    assert [a[0] for a in got] == [f"mem://{i}" for i in range(40)]


def test_one_worker_runs_in_process():
    got = list(run_parallel(_articles()[:3], workers=1))
    assert [a.input for a in got] == ["mem://0", "mem://1", "mem://2"]
    assert all(a.versions for a in got)


def test_dask_runner_matches_in_process_run():
    import distributed

    expected = _labels(default_pipeline("collect").pipe(_articles()))
    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        got = _labels(run_dask(_articles(), client, chunk_size=9, in_flight=2))
    assert got == expected
