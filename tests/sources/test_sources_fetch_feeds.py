"""Feeds and pages from a real HTTP server on 127.0.0.1: statuses, limits, conditional GET."""

from __future__ import annotations

import datetime as dt

import pytest

from whymove.errors import InputError
from whymove.model import RawDocument
from whymove.sources import FeedSource, FetchState, Unchanged, fetch

STORY = (
    "Acme Corp shares rose 4% on Tuesday after the company raised its full-year outlook and "
    "said demand for its industrial sensors had recovered in Europe."
)


class Cache:
    """The FetchCache protocol over a dict, filled from the FetchStates a source yields."""

    def __init__(self) -> None:
        self.states: dict[str, FetchState] = {}

    def fetch_state(self, url: str) -> FetchState | None:
        return self.states.get(url)

    def keep(self, items: list[object]) -> None:
        for item in items:
            if isinstance(item, FetchState):
                self.states[item.url] = item


def _kinds(items: list[object]) -> list[str]:
    return [type(i).__name__ for i in items]


def test_feed_entries_are_fetched_as_pages_with_entry_metadata(server, client, make_rss, make_page):
    server.add("/a", body=make_page("Acme raises outlook", STORY))
    server.add("/feed", body=make_rss([("Acme raises outlook (feed)", server.url("/a"))]),
               content_type="application/rss+xml")  # fmt: skip
    items = list(FeedSource(server.url("/feed"), client))
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert len(docs) == 1
    doc = docs[0]
    assert "raised its full-year outlook" in doc.text
    assert "Home" not in doc.text.split("\n")[0]
    assert doc.input == server.url("/a")
    # The page's own <title> wins; the feed supplies the time and the site name.
    assert doc.title == "Acme raises outlook"
    assert doc.published == dt.datetime(2025, 7, 10, 13, 30, tzinfo=dt.UTC)
    assert doc.source == "Test Markets"
    states = [i for i in items if isinstance(i, FetchState)]
    assert [s.url for s in states] == [server.url("/a"), server.url("/feed")]


def test_conditional_get_sends_stored_validators_and_yields_unchanged_on_304(
    server, client, make_rss, make_page
):
    server.add("/a", body=make_page("A", STORY), etag='"page-1"')
    feed = server.add("/feed", body=make_rss([("A", server.url("/a"))]), etag='"feed-1"',
                      last_modified="Tue, 15 Jul 2025 13:30:00 GMT")  # fmt: skip
    cache = Cache()
    first = list(FeedSource(server.url("/feed"), client, cache))
    cache.keep(first)
    assert cache.states[server.url("/feed")].etag == '"feed-1"'
    second = list(FeedSource(server.url("/feed"), client, cache))
    assert feed.hits[1]["if-none-match"] == '"feed-1"'
    assert feed.hits[1]["if-modified-since"] == "Tue, 15 Jul 2025 13:30:00 GMT"
    assert _kinds(second) == ["Unchanged", "FetchState"]
    assert second[0] == Unchanged(server.url("/feed"))
    # The validators survive a 304 so the next poll is conditional again.
    assert second[1].etag == '"feed-1"'


def test_an_entry_page_answering_304_is_unchanged_not_rejected(server, client, make_rss, make_page):
    server.add("/a", body=make_page("A", STORY), etag='"a1"')
    server.add("/feed", body=make_rss([("A", server.url("/a"))]))
    cache = Cache()
    cache.keep(list(FeedSource(server.url("/feed"), client, cache)))
    again = list(FeedSource(server.url("/feed"), client, cache))
    assert Unchanged(server.url("/a")) in again
    assert not [i for i in again if isinstance(i, InputError)]


@pytest.mark.parametrize(
    ("status", "reason"), [(404, "HTTP 404"), (500, "HTTP 500"), (403, "HTTP 403")]
)
def test_http_errors_reject_the_url_with_the_status(server, client, status, reason):
    if status != 404:
        server.add("/x", status=status, body=b"error page")
    with pytest.raises(InputError, match=reason):
        fetch(client, server.url("/x"))


def test_a_failed_entry_page_is_rejected_and_keeps_the_feed_unvalidated(
    server, client, make_rss, make_page
):
    server.add("/good", body=make_page("Good", STORY))
    server.add("/bad", status=500)
    server.add("/feed", body=make_rss([("Good", server.url("/good")), ("Bad", server.url("/bad"))]),
               etag='"f"')  # fmt: skip
    items = list(FeedSource(server.url("/feed"), client, Cache()))
    errors = [i for i in items if isinstance(i, InputError)]
    assert [(e.source, e.reason) for e in errors] == [
        (server.url("/bad"), "HTTP 500 Internal Server Error")
    ]
    feed_state = [i for i in items if isinstance(i, FetchState) and i.url == server.url("/feed")]
    # No ETag kept: the next poll must read the whole feed again and retry the failed entry.
    assert feed_state[0].etag is None and feed_state[0].error


def test_a_slow_server_hits_the_timeout(server, client):
    server.add("/slow", body=b"late", delay=1.5)
    with pytest.raises(InputError, match="timed out"):
        fetch(client, server.url("/slow"))


def test_a_redirect_loop_stops_after_five_hops(server, client):
    route = server.add("/loop", status=302, location="/loop")
    with pytest.raises(InputError, match="more than 5 redirects"):
        fetch(client, server.url("/loop"))
    assert len(route.hits) == 6


def test_redirects_are_followed_up_to_the_limit(server, client):
    server.add("/r1", status=301, location="/r2")
    server.add("/r2", status=302, location="/final")
    server.add("/final", body=b"<html><body><p>ok</p></body></html>")
    got = fetch(client, server.url("/r1"))
    assert got.status == 200 and got.url == server.url("/final")


def test_a_redirect_to_another_scheme_is_refused(server, client):
    server.add("/ftp", status=302, location="ftp://127.0.0.1/file")
    with pytest.raises(InputError, match=r"only http\(s\)"):
        fetch(client, server.url("/ftp"))


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "streamed"])
def test_an_oversize_body_is_refused(server, client, chunked):
    server.add("/big", body=b"x" * 300_000, chunked=chunked)
    with pytest.raises(InputError, match="too large"):
        fetch(client, server.url("/big"), max_bytes=100_000)


def test_a_url_serving_a_page_is_read_as_one_article(server, client, make_page):
    server.add("/story", body=make_page("Acme raises outlook", STORY))
    docs = [i for i in FeedSource(server.url("/story"), client) if isinstance(i, RawDocument)]
    assert len(docs) == 1 and docs[0].html and "industrial sensors" in docs[0].text


def test_a_broken_feed_is_rejected_with_the_reason(server, client):
    server.add("/feed", body=b"<?xml version='1.0'?><rss><channel><item><title>x</ti",
               content_type="application/rss+xml")  # fmt: skip
    items = list(FeedSource(server.url("/feed"), client))
    errors = [i for i in items if isinstance(i, InputError)]
    assert errors, items
    assert not [i for i in items if isinstance(i, RawDocument)]


def test_a_feed_file_without_a_client_uses_the_entry_content(tmp_path):
    feed = tmp_path / "news.xml"
    feed.write_text(
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>'
        "<entry><title>Acme</title><link href='https://example.com/acme'/>"
        "<updated>2025-07-15T13:30:00Z</updated>"
        f"<content type='html'>&lt;p&gt;{STORY}&lt;/p&gt;</content></entry></feed>",
        encoding="utf-8",
    )
    docs = [i for i in FeedSource(str(feed)) if isinstance(i, RawDocument)]
    assert len(docs) == 1
    assert docs[0].input == "https://example.com/acme"
    assert docs[0].published == dt.datetime(2025, 7, 15, 13, 30, tzinfo=dt.UTC)
    assert "industrial sensors" in docs[0].text
