"""Feeds into the store over a real local server: feed state, 304s, failures retried, watch."""

from __future__ import annotations

import json
import threading
from pathlib import Path

from typer.testing import CliRunner

from whymove.clean import CLEAN
from whymove.clean.sentences import SENTENCES
from whymove.cli import _register, app
from whymove.ingest import ingest
from whymove.pipeline import Pipeline
from whymove.store import open_store

LIGHT = Pipeline([CLEAN, SENTENCES], "collect")
ONE = "Acme Corp shares rose 4% on Tuesday after the company raised its full-year outlook."
TWO = "Beta Motors shares fell 3% on Wednesday after it recalled trucks over a braking fault."


def test_polling_a_feed_stores_new_entries_once(server, client, make_rss, make_page, tmp_path):
    server.add("/one", body=make_page("One", ONE), etag='"one"')
    server.add("/two", status=500)
    feed = server.add("/feed", body=make_rss([("One", server.url("/one")),
                                              ("Two", server.url("/two"))]),
                      etag='"f1"', content_type="application/rss+xml")  # fmt: skip
    with open_store(str(tmp_path / "w.db")) as store:
        first = ingest([server.url("/feed")], store, client=client, pipeline=LIGHT)
        assert (first.new, len(first.rejected)) == (1, 1)
        assert first.rejected[0] == (server.url("/two"), "HTTP 500 Internal Server Error")
        state = store.fetch_state(server.url("/feed"))
        assert state is not None and state.etag is None and state.error
        assert store.fetch_state(server.url("/one")).etag == '"one"'

        # The failed entry recovers: the feed is read whole again, the known page answers 304.
        server.add("/two", body=make_page("Two", TWO))
        second = ingest([server.url("/feed")], store, client=client, pipeline=LIGHT)
        assert (second.new, second.unchanged, len(second.rejected)) == (1, 1, 0)
        assert "if-none-match" not in feed.hits[1]
        assert store.fetch_state(server.url("/feed")).etag == '"f1"'

        # Nothing new: one conditional request, answered 304, and no table changes.
        counts = store.table_counts()
        third = ingest([server.url("/feed")], store, client=client, pipeline=LIGHT)
        assert (third.unchanged, third.inputs) == (1, 1)
        assert feed.hits[2]["if-none-match"] == '"f1"'
        assert store.table_counts() == counts


def test_a_feed_url_that_fails_is_rejected_and_recorded(server, client, tmp_path):
    with open_store(str(tmp_path / "w.db")) as store:
        summary = ingest([server.url("/missing.rss")], store, client=client, pipeline=LIGHT)
        assert summary.rejected == [(server.url("/missing.rss"), "HTTP 404 Not Found")]
        state = store.fetch_state(server.url("/missing.rss"))
        assert state is not None and state.error == "HTTP 404 Not Found"


def test_watch_polls_and_stops_cleanly(server, make_rss, make_page, tmp_path: Path):
    _register()
    server.add("/one", body=make_page("One", ONE))
    server.add("/feed", body=make_rss([("One", server.url("/one"))]), etag='"f"')
    db = str(tmp_path / "w.db")
    result = CliRunner().invoke(
        app, ["watch", server.url("/feed"), "--every", "0.1s", "--rounds", "2", "--db", db]
    )
    assert result.exit_code == 0, result.output
    assert "poll 1: new=1" in result.stdout
    assert "poll 2: new=0, near_duplicates=0, duplicates=0, unchanged=1" in result.stdout
    assert "stopped after 2 poll(s)" in result.stdout


def test_watch_stops_on_a_signal_between_polls(server, make_rss, make_page, tmp_path: Path):
    """SIGTERM sets the stop event: the running poll finishes and the loop ends."""
    import os
    import signal
    import time

    _register()
    server.add("/one", body=make_page("One", ONE))
    server.add("/feed", body=make_rss([("One", server.url("/one"))]))
    db = str(tmp_path / "w.db")
    timer = threading.Timer(1.0, lambda: os.kill(os.getpid(), signal.SIGTERM))
    started = time.monotonic()
    timer.start()
    try:
        result = CliRunner().invoke(app, ["watch", server.url("/feed"), "--every", "1h",
                                          "--db", db])  # fmt: skip
    finally:
        timer.cancel()
    assert result.exit_code == 0, result.output
    assert time.monotonic() - started < 30
    assert "stopped after 1 poll(s)" in result.stdout
    with open_store(db) as store:
        assert store.table_counts()["articles"] == 1


def test_ingest_json_summary_counts_unchanged(server, make_rss, make_page, tmp_path: Path):
    _register()
    server.add("/one", body=make_page("One", ONE), etag='"1"')
    server.add("/feed", body=make_rss([("One", server.url("/one"))]), etag='"f"')
    db = str(tmp_path / "w.db")
    runner = CliRunner()
    runner.invoke(app, ["ingest", server.url("/feed"), "--db", db, "--json"])
    again = runner.invoke(app, ["ingest", server.url("/feed"), "--db", db, "--json"])
    assert again.exit_code == 0
    assert json.loads(again.stdout.strip().splitlines()[-1])["unchanged"] == 1


def test_analyze_reads_urls_and_record_files(server, make_page, tmp_path: Path):
    """``whymove analyze`` gets every input kind from iter_documents, URLs included."""
    from whymove.sources import iter_documents

    server.add("/story", body=make_page("One", ONE))
    records = tmp_path / "two.jsonl"
    records.write_text(json.dumps({"text": TWO}) + "\n", encoding="utf-8")
    docs = list(iter_documents([server.url("/story"), str(records)]))
    assert [d.input for d in docs] == [server.url("/story"), f"{records}:1"]
    assert "full-year outlook" in docs[0].text and docs[1].text == TWO
