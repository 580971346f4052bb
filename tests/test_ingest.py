"""Ingestion end to end: every input stored or rejected, re-ingest a no-op, stories, learning."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from whymove.clean import CLEAN
from whymove.clean.boilerplate import line_key
from whymove.clean.sentences import SENTENCES
from whymove.cli import _register, app
from whymove.ingest import ingest, reprocess
from whymove.pipeline import Pipeline, default_pipeline
from whymove.store import Store, open_store

LIGHT = Pipeline([CLEAN, SENTENCES], "collect")
"""Cleaning only: these tests are about ingestion, not extraction, and must be fast."""

REPORT = (
    "Acme Corp shares jumped 9% on Thursday after the maker of farm robots reported a "
    "surprise quarterly profit and raised its forecast for the year. Revenue rose 31% from a "
    "year earlier to $412 million, ahead of the $380 million analysts had expected, helped by "
    "strong orders in Brazil and Argentina. Chief executive Maria Lopez said the company would "
    "open a second factory in Texas next spring and hire 600 workers."
)
OTHER = (
    "Beta Motors shares fell 4% on Thursday after the truck maker recalled 40,000 vehicles "
    "over a braking fault and cut its delivery target for the quarter."
)
GBK_TEXT = "阿里巴巴股价周二上涨百分之三，因为公司宣布将分拆芯片业务。分析师表示这在意料之中。" * 2


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with open_store(str(tmp_path / "db" / "w.db")) as opened:
        yield opened


def bad_corpus(folder: Path) -> int:
    """The bad-input corpus of the issue plus good files; returns how many inputs it holds."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (folder / "empty.txt").write_bytes(b"")
    with (folder / "huge.txt").open("w", encoding="utf-8") as handle:
        line = "Acme shares rose again today in heavy trading across every venue. " * 16 + "\n"
        for _ in range(30 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    (folder / "bad-utf8.txt").write_bytes("Zürich: Acme’s shares ".encode() + b"\xc3\x28 rose.")
    (folder / "chinese-gbk.txt").write_bytes(GBK_TEXT.encode("gbk"))
    (folder / "nobody.html").write_text("<html><head><title>Head only</title></head></html>")
    (folder / "broken.xml").write_text("<?xml version='1.0'?><rss><channel><item><title>x</ti")
    lines = [json.dumps({"title": "one", "body": REPORT}), json.dumps({"title": "two", "body":
             OTHER}), '{"title": "three", "body": "cut off in the mid']  # fmt: skip
    (folder / "truncated.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (folder / "good.txt").write_text(REPORT.replace("Thursday", "Friday"), encoding="utf-8")
    return 11  # 8 files of one input each, and the JSONL's 3 lines in place of its file


def test_every_input_is_stored_or_rejected(store: Store, tmp_path: Path):
    inputs = bad_corpus(tmp_path / "corpus")
    summary = ingest([tmp_path / "corpus"], store, pipeline=LIGHT)
    assert summary.inputs == inputs
    assert summary.new + summary.near_duplicates + len(summary.rejected) == inputs
    rejected = {Path(name).name: reason for name, reason in summary.rejected}
    assert set(rejected) == {"binary.txt", "empty.txt", "huge.txt", "bad-utf8.txt",
                             "nobody.html", "broken.xml#1", "truncated.jsonl:3"}  # fmt: skip
    assert "too large" in rejected["huge.txt"]
    assert "invalid UTF-8" in rejected["bad-utf8.txt"]
    counts = store.table_counts()
    assert counts["articles"] == summary.stored == 4
    assert counts["rejects"] == len(summary.rejected)
    assert [h.title for h in store.search("braking fault")] == ["two"]
    with store.engine.connect() as conn:
        from sqlalchemy import text

        stored = conn.execute(text("SELECT text FROM articles WHERE input LIKE '%gbk%'")).scalar()
    assert stored == GBK_TEXT


def test_reingest_leaves_every_table_unchanged(store: Store, tmp_path: Path):
    bad_corpus(tmp_path / "corpus")
    first = ingest([tmp_path / "corpus"], store, pipeline=LIGHT)
    counts, dump = store.table_counts(), store.dump()
    second = ingest([tmp_path / "corpus"], store, pipeline=LIGHT)
    assert second.new == second.near_duplicates == 0
    assert second.duplicates == first.stored
    assert len(second.rejected) == len(first.rejected)
    assert store.table_counts() == counts
    assert store.dump() == dump


files = st.lists(
    st.sampled_from(["report", "other", "report-copy", "zero", "binary", "jsonl", "html"]),
    min_size=1,
    max_size=8,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(kinds=files)
def test_inputs_always_equal_stored_plus_duplicates_plus_rejected(tmp_path_factory, kinds):
    folder = tmp_path_factory.mktemp("corpus")
    expected = 0
    for i, kind in enumerate(kinds):
        path = folder / f"{i:02d}-{kind}"
        if kind == "jsonl":
            rows = [json.dumps({"text": OTHER}), "{oops", json.dumps({"text": REPORT})]
            path.with_suffix(".jsonl").write_text("\n".join(rows), encoding="utf-8")
            expected += 3
            continue
        expected += 1
        if kind == "html":
            path.with_suffix(".html").write_text(f"<html><body><p>{OTHER}</p></body></html>")
        elif kind == "binary":
            path.with_suffix(".txt").write_bytes(b"\x00\xff" * 300)
        elif kind == "zero":
            path.with_suffix(".txt").write_text("0")
        else:
            copy = "Wire headline\n" + REPORT + "\nEnd of wire."
            text_ = {"report": REPORT, "other": OTHER, "report-copy": copy}[kind]
            path.with_suffix(".txt").write_text(text_, encoding="utf-8")
    with open_store(str(folder / "w.db")) as db:
        summary = ingest([folder], db, pipeline=LIGHT)
        assert summary.inputs == expected
        assert db.table_counts()["articles"] == summary.stored
        assert db.table_counts()["rejects"] == len({(n, r) for n, r in summary.rejected})
        again = ingest([folder], db, pipeline=LIGHT)
        assert again.stored == 0 and again.inputs == expected


def test_syndicated_copies_join_one_story(store: Store, tmp_path: Path):
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Farm robots: Acme surges\n" + REPORT + "\nWire staff.", "utf-8"
    )
    (tmp_path / "c.txt").write_text(OTHER, encoding="utf-8")
    summary = ingest([tmp_path], store, pipeline=LIGHT)
    assert (summary.new, summary.near_duplicates) == (2, 1)
    counts = store.table_counts()
    assert (counts["articles"], counts["stories"]) == (3, 2)
    # The LSH index is rebuilt from the store: a later run groups a further copy too.
    (tmp_path / "d.txt").write_text(REPORT + "\nDistributed by Example Syndicate.", "utf-8")
    later = ingest([tmp_path / "d.txt"], store, pipeline=LIGHT)
    assert later.near_duplicates == 1 and store.table_counts()["stories"] == 2


def test_the_same_cleaned_text_with_other_furniture_is_a_duplicate(store: Store, tmp_path: Path):
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(REPORT + "\n© 2025 Example Media. All rights reserved.")
    summary = ingest([tmp_path], store, pipeline=LIGHT)
    assert (summary.new, summary.duplicates) == (1, 1)


def test_lines_repeated_across_a_source_are_learnt_and_removed(store: Store, tmp_path: Path):
    footer = "Example Wire covers markets from twelve bureaus around the world."
    stories = [REPORT, OTHER, "Gamma Bank said on Monday it would cut 300 jobs in Europe.",
               "Delta Air shares rose 2% after the carrier lifted its summer outlook."]  # fmt: skip
    rows = [json.dumps({"source": "Example Wire", "text": f"{s}\n{footer}"}) for s in stories]
    (tmp_path / "wire.jsonl").write_text("\n".join(rows), encoding="utf-8")
    ingest([tmp_path / "wire.jsonl"], store, pipeline=LIGHT)
    with store.engine.connect() as conn:
        from sqlalchemy import text

        texts = [r[0] for r in conn.execute(text("SELECT text FROM articles ORDER BY num"))]
    # The first two articles could not know yet; from the third on the footer is furniture.
    assert [footer in t for t in texts] == [True, True, False, False]
    assert line_key(footer) in store.learned_lines("example wire")


def test_reprocess_reruns_stale_articles_and_keeps_their_ids(store: Store, tmp_path: Path):
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "c.txt").write_text(OTHER, encoding="utf-8")
    ingest([tmp_path], store, pipeline=LIGHT)
    ids = store.known_ids([])  # nothing asked, nothing known
    assert ids == set()
    full = default_pipeline("collect")
    assert store.count_stale(full.version) == 2
    summary = reprocess(store, pipeline=full)
    assert (summary.stale, summary.updated) == (2, 2)
    assert store.count_stale(full.version) == 0
    assert store.table_counts()["articles"] == 2
    assert reprocess(store, pipeline=full).updated == 0


def test_cli_ingest_search_export_and_exit_codes(tmp_path: Path):
    _register()
    runner = CliRunner()
    db = str(tmp_path / "cli.db")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(REPORT, encoding="utf-8")
    ok = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", db, "--json"])
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.stdout.strip().splitlines()[-1])["new"] == 1
    (tmp_path / "in" / "bad.txt").write_bytes(b"\x00\x01" * 50)
    bad = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", db, "--json"])
    assert bad.exit_code == 1
    summary = json.loads(bad.stdout.strip().splitlines()[-1])
    assert (summary["duplicates"], summary["rejected"]) == (1, 1)
    assert "rejected" in bad.stderr and "bad.txt" in bad.stderr
    found = runner.invoke(app, ["search", "farm robots", "--db", db, "--json"])
    assert found.exit_code == 0 and json.loads(found.stdout)["snippet"]
    out = tmp_path / "export"
    exported = runner.invoke(app, ["export", "--format", "csv", "--out", str(out), "--db", db])
    assert exported.exit_code == 0 and (out / "articles.csv").exists()
    wrong = runner.invoke(app, ["export", "--format", "xls", "--db", db])
    assert wrong.exit_code == 2
    again = runner.invoke(app, ["reprocess", "--db", db])
    assert again.exit_code == 0 and "re-processed 0 of 0" in again.stdout


def test_cli_map_option_and_db_from_the_environment(tmp_path: Path, monkeypatch):
    _register()
    monkeypatch.setenv("WHYMOVE_DB", str(tmp_path / "env.db"))
    path = tmp_path / "export.csv"
    path.write_text(f'Date,New_text\n"January 25, 2024 — 03:33 am EST","{REPORT}"\n', "utf-8")
    result = CliRunner().invoke(app, ["ingest", str(path), "--map", "body=New_text", "--json"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "env.db").exists()
    bad = CliRunner().invoke(app, ["ingest", str(path), "--map", "colour=red"])
    assert bad.exit_code == 2


def test_a_process_pool_stores_exactly_what_one_process_stores(tmp_path: Path):
    import datetime as dt

    bad_corpus(tmp_path / "corpus")
    (tmp_path / "corpus" / "huge.txt").unlink()
    rows = [json.dumps({"source": "wire", "text": f"{i} {OTHER}\nWire footer line."})
            for i in range(12)]  # fmt: skip
    (tmp_path / "corpus" / "wire.jsonl").write_text("\n".join(rows), encoding="utf-8")
    frozen = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    dumps = []
    for workers in (1, 2):
        with open_store(str(tmp_path / f"w{workers}.db"), clock=lambda: frozen) as db:
            summary = ingest([tmp_path / "corpus"], db, pipeline=LIGHT, workers=workers,
                             batch_size=5)  # fmt: skip
            dumps.append((summary.to_dict(), db.dump()))
    assert dumps[0] == dumps[1]


def test_furniture_learnt_in_one_run_is_removed_in_the_next(store: Store, tmp_path: Path):
    footer = "Example Wire covers markets from twelve bureaus around the world."
    stories = [REPORT, OTHER, "Gamma Bank said on Monday it would cut 300 jobs in Europe."]
    rows = [json.dumps({"source": "Example Wire", "text": f"{s}\n{footer}"}) for s in stories]
    (tmp_path / "day1.jsonl").write_text("\n".join(rows), encoding="utf-8")
    ingest([tmp_path / "day1.jsonl"], store, pipeline=LIGHT)
    later = json.dumps({"source": "example wire", "text": f"Delta Air rose 2%.\n{footer}"})
    (tmp_path / "day2.jsonl").write_text(later, encoding="utf-8")
    assert ingest([tmp_path / "day2.jsonl"], store, pipeline=LIGHT).new == 1
    [hit] = store.search("Delta")
    with store.engine.connect() as conn:
        from sqlalchemy import text

        stored = conn.execute(text("SELECT text FROM articles WHERE id = :i"), {"i": hit.id})
        assert stored.scalar() == "Delta Air rose 2%."
