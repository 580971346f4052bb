"""Text, HTML, JSON Lines, JSON, CSV and stdin inputs; sidecars; folder walks."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from whymove.errors import ConfigError, InputError
from whymove.model import RawDocument
from whymove.sources import (
    Skipped,
    StdinSource,
    iter_documents,
    iter_items,
    parse_field_map,
    parse_html,
)

UTC = dt.UTC
STORY = "Acme Corp shares rose 4% on Tuesday after the company raised its full-year outlook."


def _docs(items: list[object]) -> list[RawDocument]:
    return [i for i in items if isinstance(i, RawDocument)]


def _errors(items: list[object]) -> list[InputError]:
    return [i for i in items if isinstance(i, InputError)]


# -- text and sidecars ----------------------------------------------------------------------


def test_sidecar_wins_over_what_the_file_says(tmp_path: Path):
    (tmp_path / "a.html").write_text(
        "<html><head><title>Page title</title>"
        '<meta property="article:published_time" content="2024-01-02T10:00:00Z"></head>'
        f"<body><article><p>{STORY}</p></article></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "a.meta.json").write_text(
        json.dumps({"title": "Sidecar title", "published": "2025-07-15", "tickers": ["acme"]}),
        encoding="utf-8",
    )
    [doc] = list(iter_documents([tmp_path / "a.html"]))
    assert isinstance(doc, RawDocument)
    assert doc.title == "Sidecar title"
    assert doc.published == dt.datetime(2025, 7, 15, tzinfo=UTC)
    assert doc.tickers == ("ACME",)


def test_a_bad_sidecar_date_rejects_the_article_with_the_reason(tmp_path: Path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"published": "someday"}', encoding="utf-8")
    [item] = list(iter_documents([tmp_path / "a.txt"]))
    assert isinstance(item, InputError) and "'someday' is not a date" in item.reason


def test_a_missing_path_is_rejected(tmp_path: Path):
    [item] = list(iter_documents([tmp_path / "nope.txt"]))
    assert isinstance(item, InputError) and item.reason == "no such file or folder"


def test_placeholder_text_is_not_an_article(tmp_path: Path):
    (tmp_path / "zero.txt").write_text("0\n", encoding="utf-8")
    [item] = list(iter_documents([tmp_path / "zero.txt"]))
    assert isinstance(item, InputError) and "holds no words" in item.reason


# -- HTML -----------------------------------------------------------------------------------


def test_html_metadata_from_json_ld_and_meta_tags():
    page = f"""<html><head>
      <title>Acme shares rise | Example News</title>
      <meta property="og:site_name" content="Example News">
      <meta name="author" content="Meta Author">
      <link rel="canonical" href="https://news.example.com/acme-rises">
      <script type="application/ld+json">{{"@context": "https://schema.org", "@graph": [
        {{"@type": "WebSite", "name": "Example"}},
        {{"@type": "NewsArticle", "headline": "Acme shares rise on outlook",
          "datePublished": "2025-07-15T09:30:00-04:00",
          "author": [{{"@type": "Person", "name": "Jane Roe"}}]}}]}}</script>
    </head><body><nav>Home Markets</nav><article><p>{STORY}</p>
    <p>Analysts said the raise was larger than expected and lifted peers.</p></article></body>
    </html>"""
    doc = parse_html(page.encode("utf-8"), "page.html")
    assert doc.title == "Acme shares rise on outlook"
    assert doc.author == "Jane Roe"
    assert doc.published == dt.datetime(2025, 7, 15, 13, 30, tzinfo=UTC)
    assert doc.url == "https://news.example.com/acme-rises"
    assert doc.source == "Example News"
    assert doc.html and "raised its full-year outlook" in doc.text


def test_html_meta_tags_without_json_ld():
    page = (
        "<html><head><meta property='og:title' content='OG title'>"
        "<meta property='article:published_time' content='2024-03-01T12:00:00+00:00'>"
        "<meta property='og:url' content='https://x.example/a'></head>"
        f"<body><p>{STORY}</p></body></html>"
    )
    doc = parse_html(page, "p.html")
    assert (doc.title, doc.url, doc.source) == ("OG title", "https://x.example/a", "x.example")
    assert doc.published == dt.datetime(2024, 3, 1, 12, tzinfo=UTC)


def test_html_without_a_body_is_rejected():
    with pytest.raises(InputError, match="no article text"):
        parse_html(b"<html><head><title>Only a head</title></head></html>", "empty.html")


def test_html_declared_charset_is_honoured():
    text = f"Café société: {STORY}"
    page = f"<html><head><meta charset='windows-1252'></head><body><p>{text}</p></body></html>"
    doc = parse_html(page.encode("cp1252"), "p.html")
    assert "Café société" in doc.text


# -- records --------------------------------------------------------------------------------


def test_jsonl_guesses_fields_and_rejects_a_bad_line_alone(tmp_path: Path):
    lines = [
        json.dumps({"Headline": "One", "Content": STORY, "Link": "https://a.example/1",
                    "date_publish": "2023-01-05 10:00:00", "Symbols": "ACME, BETA"}),
        '{"title": "Two", "body": "truncated',
        json.dumps(["not", "an", "object"]),
        "",
        json.dumps({"title": "Four", "text": "Beta Inc shares fell 2% after a downgrade."}),
    ]  # fmt: skip
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_items([path]))
    docs, errors = _docs(items), _errors(items)
    assert [d.title for d in docs] == ["One", "Four"]
    assert docs[0].url == "https://a.example/1"
    assert docs[0].published == dt.datetime(2023, 1, 5, 10, tzinfo=UTC)
    assert docs[0].tickers == ("ACME", "BETA")
    assert [e.source for e in errors] == [f"{path}:2", f"{path}:3"]
    assert "invalid JSON" in errors[0].reason and "not an object" in errors[1].reason


def test_field_map_names_the_columns(tmp_path: Path):
    path = tmp_path / "export.jsonl"
    record = {"article_text": STORY, "Date": "2024-02-03", "text": "ignored: the map wins"}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    mapping = parse_field_map(["body=article_text,published=Date"])
    [doc] = _docs(list(iter_items([path], mapping=mapping)))
    assert doc.text == STORY and doc.published == dt.datetime(2024, 2, 3, tzinfo=UTC)


def test_field_map_rejects_unknown_fields():
    with pytest.raises(ConfigError, match="FIELD=COLUMN"):
        parse_field_map("colour=red")
    with pytest.raises(ConfigError):
        parse_field_map("body")


def test_json_array_and_wrapped_lists(tmp_path: Path):
    (tmp_path / "a.json").write_text(
        json.dumps([{"title": "A", "content": STORY}, {"title": "B", "content": ""}, 7]),
        encoding="utf-8",
    )
    (tmp_path / "b.json").write_text(
        json.dumps({"status": "ok", "articles": [{"title": "C", "body": STORY + " More."}]}),
        encoding="utf-8",
    )
    items = list(iter_items([tmp_path / "a.json", tmp_path / "b.json"]))
    assert [d.title for d in _docs(items)] == ["A", "C"]
    reasons = {e.source: e.reason for e in _errors(items)}
    assert reasons == {
        f"{tmp_path / 'a.json'}#2": "the text field 'content' is empty",
        f"{tmp_path / 'a.json'}#3": "a JSON int, not an object",
    }


def test_csv_with_bom_semicolons_multiline_cells_and_prose_dates(tmp_path: Path):
    body = 'First paragraph about Acme.\nSecond paragraph, with a "quote" and a comma.'
    quoted = body.replace('"', '""')
    csv_text = (
        "Date;Url;Text\n"
        f'"January 25, 2024 — 03:33 am EST";https://n.example/a;"{quoted}"\n'
        '"Feb 1, 2024 4:10PM ET";https://n.example/b;0\n'
    )
    path = tmp_path / "export.csv"
    path.write_bytes(b"\xef\xbb\xbf" + csv_text.encode("utf-8"))
    items = list(iter_items([path]))
    [doc] = _docs(items)
    assert doc.text == body
    assert doc.url == "https://n.example/a"
    assert doc.published == dt.datetime(2024, 1, 25, 8, 33, tzinfo=UTC)
    [error] = _errors(items)
    # The record starts on line 4: the quoted cell of the first record spans lines 2-3.
    assert error.source == f"{path}:4" and "no words" in error.reason


def test_csv_in_cp1252_is_decoded(tmp_path: Path):
    path = tmp_path / "legacy.csv"
    path.write_bytes("title,body\nCafé,Les prix du café ont augmenté mardi.\n".encode("cp1252"))
    [doc] = _docs(list(iter_items([path])))
    assert doc.title == "Café" and "café" in doc.text


# -- folders and stdin ----------------------------------------------------------------------


def test_folder_walk_skips_what_is_not_an_article(tmp_path: Path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "sub" / "a.meta.json").write_text("{}", encoding="utf-8")
    (tmp_path / "README.md").write_text("# Read me\nNot a story at all.", encoding="utf-8")
    (tmp_path / "prices.csv").write_text("Date,Close\n2024-01-02,10\n", encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text('{"id": "a", "sentiment": "neutral"}\n', "utf-8")
    (tmp_path / ".hidden.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "notes.py").write_text("print('hi')", encoding="utf-8")
    items = list(iter_items([tmp_path]))
    assert [d.input for d in _docs(items)] == [str(tmp_path / "sub" / "a.txt")]
    skipped = sorted(Path(i.input).name for i in items if isinstance(i, Skipped))
    assert skipped == ["README.md", "gold.jsonl", "prices.csv"]
    assert not _errors(items)


def test_a_price_table_named_explicitly_is_read_and_every_row_rejected(tmp_path: Path):
    path = tmp_path / "prices.csv"
    path.write_text("Date,Close\n2024-01-02,10\n2024-01-03,11\n", encoding="utf-8")
    errors = _errors(list(iter_items([path])))
    assert [e.source for e in errors] == [f"{path}:2", f"{path}:3"]


def test_glob_selects_files_in_folders(tmp_path: Path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.md").write_text(STORY + " Also.", encoding="utf-8")
    docs = _docs(list(iter_items([tmp_path], glob="*.md")))
    assert [Path(d.input).name for d in docs] == ["b.md"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (STORY.encode(), "text"),
        (f"<!doctype html><html><body><p>{STORY}</p></body></html>".encode(), "html"),
        ((json.dumps({"body": STORY}) + "\n" + json.dumps({"body": STORY + "!"})).encode(), 2),
        (json.dumps([{"text": STORY}]).encode(), 1),
    ],
    ids=["text", "html", "jsonl", "json"],
)
def test_stdin_is_read_by_its_content(data: bytes, expected: object):
    docs = _docs(list(StdinSource(io.BytesIO(data))))
    if isinstance(expected, int):
        assert len(docs) == expected
    else:
        assert len(docs) == 1 and docs[0].html == (expected == "html")
        assert "raised its full-year outlook" in docs[0].text
