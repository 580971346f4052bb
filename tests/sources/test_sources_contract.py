"""The Source contract, stated once; each implementation adds only a fixture.

A source never raises for a bad input (it yields an InputError naming it), yields only the
item types of ``SourceItem``, gives every document a name and some words, reads the same
items twice, and when ``estimate()`` answers it is the number of documents plus rejections.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from whymove.errors import InputError
from whymove.model import RawDocument
from whymove.sources import (
    FeedSource,
    FetchState,
    HtmlSource,
    RecordsSource,
    Skipped,
    Source,
    StdinSource,
    TextSource,
    Unchanged,
)

STORY = "Acme Corp shares rose 4% on Tuesday after the company raised its full-year outlook."


class SourceContract:
    """Invariants every Source keeps; subclasses provide ``source`` and ``expected``."""

    expected: tuple[int, int]
    """How many documents and how many rejections the fixture input holds."""

    def test_is_a_source(self, source: Source) -> None:
        assert isinstance(source, Source)
        assert source.name

    def test_yields_items_and_never_raises(self, source: Source) -> None:
        kinds = (RawDocument, InputError, Unchanged, Skipped, FetchState)
        items = list(source)
        assert all(isinstance(item, kinds) for item in items)
        docs = [i for i in items if isinstance(i, RawDocument)]
        errors = [i for i in items if isinstance(i, InputError)]
        assert (len(docs), len(errors)) == self.expected

    def test_documents_are_named_and_hold_words(self, source: Source) -> None:
        for item in source:
            if isinstance(item, RawDocument):
                assert item.input
                assert any(ch.isalpha() for ch in item.text)
            if isinstance(item, InputError):
                assert item.source and item.reason

    def test_reads_the_same_twice(self, source: Source) -> None:
        if isinstance(source, StdinSource):
            pytest.skip("a stream is read once")
        assert _comparable(source) == _comparable(source)

    def test_estimate_counts_documents_and_rejections(self, source: Source) -> None:
        estimate = source.estimate()
        if estimate is not None:
            items = [i for i in source if isinstance(i, RawDocument | InputError)]
            assert estimate == len(items)


def _comparable(source: Source) -> list[object]:
    return [
        (type(i).__name__, i.source, i.reason) if isinstance(i, InputError) else i for i in source
    ]


class TestTextSource(SourceContract):
    expected = (1, 0)

    @pytest.fixture
    def source(self, tmp_path: Path) -> Source:
        (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
        return TextSource(tmp_path / "a.txt")


class TestUnreadableTextSource(SourceContract):
    expected = (0, 1)

    @pytest.fixture
    def source(self, tmp_path: Path) -> Source:
        (tmp_path / "a.txt").write_bytes(b"\x00\x01binary\x02\x03" * 100)
        return TextSource(tmp_path / "a.txt")


class TestHtmlSource(SourceContract):
    expected = (1, 0)

    @pytest.fixture
    def source(self, tmp_path: Path) -> Source:
        path = tmp_path / "a.html"
        path.write_text(f"<html><body><article><p>{STORY}</p></article></body></html>", "utf-8")
        return HtmlSource(path)


class TestJsonLinesSource(SourceContract):
    expected = (2, 2)

    @pytest.fixture
    def source(self, tmp_path: Path) -> Source:
        path = tmp_path / "a.jsonl"
        lines = [json.dumps({"text": STORY}), "{broken", json.dumps({"text": STORY + " Again."}),
                 json.dumps({"title": "no body"})]  # fmt: skip
        path.write_text("\n".join(lines), encoding="utf-8")
        return RecordsSource(path)


class TestJsonSource(SourceContract):
    expected = (1, 1)

    @pytest.fixture
    def source(self, tmp_path: Path) -> Source:
        path = tmp_path / "a.json"
        path.write_text(json.dumps({"items": [{"content": STORY}, {"content": "-"}]}), "utf-8")
        return RecordsSource(path)


class TestCsvSource(SourceContract):
    expected = (2, 1)

    @pytest.fixture
    def source(self, tmp_path: Path) -> Source:
        path = tmp_path / "a.tsv"
        path.write_text(f"title\tbody\nA\t{STORY}\nB\tN/A\nC\t{STORY} Again.\n", "utf-8")
        return RecordsSource(path)


class TestFeedFileSource(SourceContract):
    expected = (1, 1)

    @pytest.fixture
    def source(self, tmp_path: Path) -> Source:
        path = tmp_path / "a.rss"
        path.write_text(
            "<?xml version='1.0'?><rss version='2.0'><channel><title>T</title>"
            f"<item><title>A</title><description>{STORY}</description></item>"
            "<item><title>B</title></item></channel></rss>",
            encoding="utf-8",
        )
        return FeedSource(str(path))


class TestStdinSource(SourceContract):
    expected = (1, 0)

    @pytest.fixture
    def source(self) -> Source:
        return StdinSource(io.BytesIO(STORY.encode("utf-8")))
