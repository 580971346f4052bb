"""The Store contract, stated once and run on SQLite always and on PostgreSQL when reachable.

Set ``WHYMOVE_TEST_POSTGRES_URL`` (e.g. ``postgresql://postgres@127.0.0.1:5432/whymove_test``)
to run it on PostgreSQL too; that database is emptied before every test.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import create_engine, text

from whymove.clean.dedupe import signature, signature_bytes
from whymove.clean.identity import content_id
from whymove.errors import StoreError
from whymove.model import (
    Article,
    Catalyst,
    Mention,
    PriceMove,
    RawDocument,
    Security,
    Sentiment,
)
from whymove.sources import FetchState
from whymove.store import ArticleWrite, Batch, RejectWrite, Store, export, open_store

UTC = dt.UTC
T0 = dt.datetime(2025, 7, 15, 13, 30, tzinfo=UTC)
V1 = "test.v1"

TEXT_A = (
    "Alibaba shares rose 8% on Tuesday after Nvidia said it would resume chip sales to China.\n"
    "Export controls had weighed on Chinese technology stocks for months."
)
TEXT_C = "JD.com shares fell 3% on Friday as a price war in food delivery hurt margins."


def _spans(text_: str) -> tuple[tuple[int, int], ...]:
    out, pos = [], 0
    for line in text_.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return tuple(out)


def _article(text_: str, **kw: object) -> Article:
    base = {"id": content_id(text_), "input": "mem", "text": text_, "raw_text": text_,
            "sentences": _spans(text_)}  # fmt: skip
    base.update(kw)
    return Article(**base)  # type: ignore[arg-type]


def article_a(published: dt.datetime = T0, source: str = "Wire A") -> Article:
    t = TEXT_A
    return _article(
        t, title="Alibaba rises", url="https://a.example/1", source=source, published=published,
        mentions=(Mention("BABA", 0, 7), Mention("NVDA", t.index("Nvidia"), t.index("Nvidia") + 6)),
        securities=(Security("BABA", "adr", 90, 1, True, "Alibaba"),
                    Security("NVDA", "stock", 30, 1, False, "Nvidia"),
                    Security("hang_seng", "index", 5, 1, False)),
        moves=(PriceMove("BABA", "up", 0, t.index("Tuesday") + 7, percent=8.0,
                         date=dt.date(2025, 7, 15)),),
        catalysts=(Catalyst("supply_chain", "positive", t.index("Nvidia"), t.index("China")),
                   Catalyst("regulation", "negative", t.index("Export"), t.index("months"),
                            ticker="NVDA", background=True)),
        sentiments=(Sentiment("positive", 0.6), Sentiment("positive", 0.7, "BABA", ((0, 10),))),
    )  # fmt: skip


def article_a_copy() -> Article:
    """The same report as another site runs it, three hours later."""
    t = "Reuters-style dateline - " + TEXT_A
    return _article(t, source="Wire B", published=T0 + dt.timedelta(hours=3),
                    securities=(Security("BABA", "adr", 80, 1, True),))  # fmt: skip


def article_c() -> Article:
    return _article(
        TEXT_C, title="JD falls", source="Wire A", published=T0 + dt.timedelta(days=3),
        securities=(Security("JD", "adr", 95, 1, True),),
        moves=(PriceMove("JD", "down", 0, 22, percent=3.0),),
    )  # fmt: skip


def write(article: Article, story: str | None = None, version: str = V1) -> ArticleWrite:
    raw = RawDocument(input=article.input, text=article.raw_text, author="A. Writer")
    sig = signature_bytes(signature(article.text))
    return ArticleWrite(article, raw, content_id(article.raw_text), story or article.id, sig,
                        version)  # fmt: skip


def full_batch() -> Batch:
    a = article_a()
    return Batch(
        articles=[write(a), write(article_a_copy(), story=a.id), write(article_c())],
        rejects=[RejectWrite.of("bad.txt", "binary data", "DecodeError", "x")],
        fetch_states=[FetchState("https://feed.example/rss", etag='"1"', status=200,
                                 checked_at=T0)],
        lines=[("wire a", "sign up today"), ("wire a", "sign up today")],
    )  # fmt: skip


class StoreContract:
    """Invariants of every Store; subclasses provide the ``store`` fixture."""

    def test_migrations_are_recorded_once_in_order(self, store: Store) -> None:
        assert store.migrate() == []
        with store.engine.connect() as conn:
            names = [r[0] for r in conn.execute(text("SELECT name FROM schema_migrations"))]
        assert sorted(names) == ["0001_initial", "0002_full_text_search", "0003_source_lines"]

    def test_writing_a_batch_twice_changes_nothing(self, store: Store) -> None:
        store.write(full_batch())
        counts, dump = store.table_counts(), store.dump()
        assert (counts["articles"], counts["stories"], counts["rejects"]) == (3, 2, 1)
        store.write(full_batch())
        assert store.table_counts() == counts
        assert {k: v for k, v in store.dump().items() if k != "source_lines"} == {
            k: v for k, v in dump.items() if k != "source_lines"
        }

    def test_identity_lookups(self, store: Store) -> None:
        store.write(full_batch())
        a = article_a()
        assert store.known_ids([a.id, "nope"]) == {a.id}
        assert store.known_raw_hashes([content_id(TEXT_A), "nope"]) == {content_id(TEXT_A)}
        rows = {row[0]: row for row in store.signatures()}
        assert rows[a.id][1] == a.id and len(rows[a.id][2]) == 512

    def test_stories_count_their_copies_and_sources(self, store: Store) -> None:
        store.write(full_batch())
        a = article_a()
        with store.engine.connect() as conn:
            row = conn.execute(
                text("SELECT n_articles, n_sources FROM stories WHERE id = :i"), {"i": a.id}
            ).one()
        assert tuple(row) == (2, 2)

    def test_fetch_state_is_upserted(self, store: Store) -> None:
        url = "https://feed.example/rss"
        assert store.fetch_state(url) is None
        store.write(Batch(fetch_states=[FetchState(url, etag='"1"', status=200, checked_at=T0)]))
        later = T0 + dt.timedelta(minutes=5)
        store.write(Batch(fetch_states=[FetchState(url, etag='"2"', status=304, checked_at=later)]))
        assert store.fetch_state(url) == FetchState(url, '"2"', None, 304, later, None)

    def test_line_counts_add_up_and_learned_lines_need_three_articles(self, store: Store) -> None:
        store.write(Batch(lines=[("s", "footer line"), ("s", "footer line"), ("t", "footer line")]))
        assert store.line_counts("s", ["footer line", "other"]) == {"footer line": 2}
        assert store.learned_lines("s") == frozenset()
        store.write(Batch(lines=[("s", "footer line")]))
        assert store.learned_lines("s") == frozenset({"footer line"})
        assert store.learned_lines("t") == frozenset()

    def test_search_words_phrases_and_ticker(self, store: Store) -> None:
        store.write(full_batch())
        a = article_a()
        found = store.search("export controls")
        assert {h.id for h in found} == {a.id, article_a_copy().id}
        assert "BABA" in next(h for h in found if h.id == a.id).tickers
        assert [h.id for h in store.search('"price war"')] == [article_c().id]
        assert [h.id for h in store.search("delivery", ticker="jd")] == [article_c().id]
        assert store.search("delivery", ticker="BABA") == []
        assert store.search("tariff") == []
        for odd in ("AND OR NOT", '"unbalanced', "* - ( ) :", "NEAR(a b)"):
            store.search(odd)  # user syntax never reaches the engine raw

    def test_articles_for_a_ticker_in_a_window(self, store: Store) -> None:
        store.write(full_batch())
        found = store.articles_for("baba", T0, T0 + dt.timedelta(days=1))
        assert [f.article_id for f in found] == [article_a().id, article_a_copy().id]
        first, copy = found
        assert (first.primary, first.relevance, first.author) == (True, 90, "A. Writer")
        assert first.published == T0 and first.published.tzinfo is not None
        assert [(m.direction, m.percent, m.evidence) for m in first.moves] == [
            ("up", 8.0, "Alibaba shares rose 8% on Tuesday")
        ]
        # The untargeted catalyst belongs to the primary security; the NVDA one does not.
        assert [(c.category, c.evidence) for c in first.catalysts] == [
            ("supply_chain", TEXT_A.split("\n")[0])
        ]
        assert (first.sentiment, first.sentiment_score) == ("positive", 0.7)
        assert (first.story_size, first.story_sources) == (2, 2)
        assert first.first_in_story and not copy.first_in_story
        assert copy.story_first_published == T0
        assert store.articles_for("BABA", T0 + dt.timedelta(hours=1), None)[0].article_id == (
            article_a_copy().id
        )
        assert store.articles_for("BABA", None, T0) == []

    def test_events_attribute_catalysts_to_securities(self, store: Store) -> None:
        store.write(full_batch())
        events = store.events()
        assert [(e.ticker, e.category, e.background) for e in events] == [
            ("BABA", "supply_chain", False),
            ("NVDA", "regulation", True),
        ]
        assert events[0].evidence == TEXT_A.split("\n")[0]
        assert events[0].first_in_story and events[0].story_size == 2
        assert store.events("NVDA", None, T0) == []
        assert [e.ticker for e in store.events("nvda")] == ["NVDA"]

    def test_replacing_an_analysis_rewrites_facts_and_version(self, store: Store) -> None:
        store.write(full_batch())
        assert store.count_stale(V1) == 0 and store.count_stale("v2") == 3
        stale = store.stale_articles("v2", limit=1)
        assert [d.id for d in stale] == [article_a().id]
        assert stale[0].raw.text == TEXT_A and stale[0].raw.author == "A. Writer"
        renewed = article_a().__class__(**{
            **{f: getattr(article_a(), f) for f in Article.__dataclass_fields__},
            "moves": (), "catalysts": (),
        })  # fmt: skip
        store.replace_analyses([write(renewed, version="v2")])
        assert store.count_stale("v2") == 2
        assert store.articles_for("BABA", T0, T0 + dt.timedelta(minutes=1))[0].moves == ()
        assert [d.id for d in store.stale_articles("v2", after=stale[0].num)] == [
            article_a_copy().id, article_c().id
        ]  # fmt: skip

    def test_a_failing_batch_stores_nothing(self, store: Store) -> None:
        naive = article_c().__class__(**{
            **{f: getattr(article_c(), f) for f in Article.__dataclass_fields__},
            "published": dt.datetime(2025, 1, 1),
        })  # fmt: skip
        batch = Batch(articles=[write(article_a()), write(naive)],
                      rejects=[RejectWrite.of("x", "y", "InputError")])  # fmt: skip
        before = store.table_counts()
        with pytest.raises(StoreError, match="not stored"):
            store.write(batch)
        assert store.table_counts() == before

    def test_times_are_returned_in_utc(self, store: Store) -> None:
        eastern = dt.timezone(dt.timedelta(hours=-4))
        local = dt.datetime(2025, 7, 15, 9, 30, tzinfo=eastern)
        store.write(Batch(articles=[write(article_a(published=local))]))
        [found] = store.articles_for("BABA")
        assert found.published == T0 and found.published.utcoffset() == dt.timedelta(0)

    @pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
    def test_export_writes_articles_moves_and_events(
        self, store: Store, tmp_path: Path, fmt: str
    ) -> None:
        store.write(full_batch())
        paths = export(store, tmp_path, fmt)
        read = {"parquet": pd.read_parquet, "csv": pd.read_csv,
                "jsonl": lambda p: pd.read_json(p, lines=True)}[fmt]  # fmt: skip
        articles, moves, events = (read(paths[n]) for n in ("articles", "moves", "events"))
        assert len(articles) == 3 and len(moves) == 2 and len(events) == 2
        row = articles.set_index("id").loc[article_a().id]
        assert row["primary_tickers"] == "BABA" and row["sentiment"] == "positive"
        assert set(events["ticker"]) == {"BABA", "NVDA"}


class TestSQLiteStore(StoreContract):
    @pytest.fixture
    def store(self, tmp_path: Path) -> Iterator[Store]:
        with open_store(str(tmp_path / "test.db")) as opened:
            yield opened

    def test_sqlite_uses_wal_and_foreign_keys(self, store: Store) -> None:
        with store.engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


POSTGRES_URL = os.environ.get("WHYMOVE_TEST_POSTGRES_URL")


@pytest.mark.skipif(not POSTGRES_URL, reason="WHYMOVE_TEST_POSTGRES_URL is not set")
class TestPostgresStore(StoreContract):
    @pytest.fixture
    def store(self) -> Iterator[Store]:
        assert POSTGRES_URL
        url = POSTGRES_URL.replace("postgresql://", "postgresql+psycopg://", 1)
        engine = create_engine(url)
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        engine.dispose()
        with open_store(POSTGRES_URL) as opened:
            yield opened
