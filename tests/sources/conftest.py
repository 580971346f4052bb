"""A real HTTP server on 127.0.0.1 serving routes the tests define, started and stopped here."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest


@dataclass
class Route:
    """What one path answers: status, body, headers; ETag/Last-Modified enable 304s."""

    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    location: str | None = None
    delay: float = 0.0
    chunked: bool = False
    hits: list[dict[str, str]] = field(default_factory=list)


class FeedServer:
    """Routes by path; ``url(path)`` gives the absolute URL; ``hits`` records request headers."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                return

            def do_GET(self) -> None:
                route = server.routes.get(self.path.split("?")[0])
                if route is None:
                    self._send(404, b"not found", "text/plain", {})
                    return
                route.hits.append({k.lower(): v for k, v in self.headers.items()})
                if route.delay:
                    time.sleep(route.delay)
                headers: dict[str, str] = {}
                if route.etag:
                    headers["ETag"] = route.etag
                if route.last_modified:
                    headers["Last-Modified"] = route.last_modified
                if route.location:
                    headers["Location"] = route.location
                unchanged = (route.etag and self.headers.get("If-None-Match") == route.etag) or (
                    route.last_modified
                    and self.headers.get("If-Modified-Since") == route.last_modified
                )
                if unchanged and route.status == 200:
                    self._send(304, b"", None, headers)
                    return
                self._send(route.status, route.body, route.content_type, headers, route.chunked)

            def _send(
                self,
                status: int,
                body: bytes,
                content_type: str | None,
                headers: dict[str, str],
                chunked: bool = False,
            ) -> None:
                self.send_response(status)
                if content_type:
                    self.send_header("Content-Type", content_type)
                for key, value in headers.items():
                    self.send_header(key, value)
                if chunked:
                    self.send_header("Transfer-Encoding", "chunked")
                    self.end_headers()
                    for start in range(0, len(body), 65536):
                        piece = body[start : start + 65536]
                        self.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                    self.wfile.write(b"0\r\n\r\n")
                    return
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if status != 304:
                    self.wfile.write(body)

        class Server(ThreadingHTTPServer):
            def handle_error(self, request: object, client_address: object) -> None:
                return  # clients that time out or refuse big bodies hang up mid-response

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def url(self, path: str) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}{path}"

    def add(self, path: str, **kwargs: object) -> Route:
        route = Route(**kwargs)  # type: ignore[arg-type]
        self.routes[path] = route
        return route


@pytest.fixture
def server() -> Iterator[FeedServer]:
    feed_server = FeedServer()
    feed_server.thread.start()
    try:
        yield feed_server
    finally:
        feed_server.httpd.shutdown()
        feed_server.httpd.server_close()


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=httpx.Timeout(0.5), follow_redirects=False) as http:
        yield http


def rss(items: list[tuple[str, str]], title: str = "Test Markets") -> bytes:
    """An RSS 2.0 feed whose items are ``(title, link)`` pairs, published on fixed days."""
    entries = "".join(
        f"<item><title>{t}</title><link>{link}</link>"
        f"<pubDate>Tue, 1{i} Jul 2025 13:30:00 GMT</pubDate></item>"
        for i, (t, link) in enumerate(items)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>http://example.com/</link><description>d</description>{entries}</channel></rss>"
    ).encode()


def page(title: str, *paragraphs: str, head: str = "") -> bytes:
    """An article page with navigation and a footer around the story paragraphs."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head><title>{title}</title>{head}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/m'>Markets</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>© 2025 Example Media. All rights reserved.</footer></body></html>"
    ).encode()


PageMaker = Callable[..., bytes]


@pytest.fixture
def make_rss() -> Callable[..., bytes]:
    return rss


@pytest.fixture
def make_page() -> PageMaker:
    return page
