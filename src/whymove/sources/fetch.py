"""Fetching one URL politely and safely with an ``httpx.Client`` the caller owns.

Safety rules a crawler of untrusted feeds needs: http(s) only, on every redirect hop too; at
most five redirects; a byte cap checked against ``Content-Length`` and again while streaming;
a deadline for the whole response (httpx's timeouts are per read, so a server trickling one
byte a second would otherwise never time out). Conditional GET sends the ETag and
Last-Modified we stored, so an unchanged feed costs one 304.

Errors come back as :class:`~whymove.errors.InputError` naming the URL and the reason.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urljoin, urlsplit

import httpx

from whymove.errors import InputError
from whymove.sources.base import FetchState

MAX_REDIRECTS = 5
MAX_BYTES = 5_000_000
DEADLINE_SECONDS = 30.0
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
USER_AGENT = "whymove (+https://github.com/whymove/whymove) httpx"


@dataclass(frozen=True, slots=True)
class Fetched:
    """A response body (empty for 304) with what we keep of its headers."""

    url: str
    status: int
    content: bytes = b""
    content_type: str | None = None
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None


def make_client(timeout: float = 10.0) -> httpx.Client:
    """The client the CLI uses: bounded timeouts, no automatic redirects (we follow them)."""
    return httpx.Client(
        timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
        follow_redirects=False,
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
    )


def is_http_url(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def fetch(
    client: httpx.Client,
    url: str,
    *,
    state: FetchState | None = None,
    max_bytes: int = MAX_BYTES,
    max_redirects: int = MAX_REDIRECTS,
    deadline: float = DEADLINE_SECONDS,
) -> Fetched:
    """GET ``url`` (conditionally when ``state`` holds validators), following redirects."""
    headers: dict[str, str] = {}
    if state is not None and state.etag:
        headers["If-None-Match"] = state.etag
    if state is not None and state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    started = time.monotonic()
    current = url
    for _hop in range(max_redirects + 1):
        if not is_http_url(current):
            raise InputError(url, f"only http(s) URLs are fetched, not {current!r}")
        try:
            with client.stream("GET", current, headers=headers, follow_redirects=False) as resp:
                if resp.status_code in _REDIRECTS:
                    location = resp.headers.get("location")
                    if not location:
                        raise InputError(url, f"HTTP {resp.status_code} redirect without Location")
                    current = urljoin(current, location)
                    continue
                return _read(resp, url, current, max_bytes, started, deadline)
        except httpx.TimeoutException as exc:
            raise InputError(url, f"timed out ({type(exc).__name__})") from exc
        except httpx.HTTPError as exc:
            raise InputError(url, f"cannot fetch: {type(exc).__name__}: {exc}") from exc
    raise InputError(url, f"more than {max_redirects} redirects (last to {current})")


def _read(
    resp: httpx.Response, url: str, final: str, max_bytes: int, started: float, deadline: float
) -> Fetched:
    status = resp.status_code
    if status == 304:
        return Fetched(final, 304, etag=resp.headers.get("etag"),
                       last_modified=resp.headers.get("last-modified"))  # fmt: skip
    if status >= 400:
        raise InputError(url, f"HTTP {status} {resp.reason_phrase}".rstrip())
    if status != 200:
        raise InputError(url, f"HTTP {status} {resp.reason_phrase}: no content to read".rstrip())
    declared = resp.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise InputError(url, f"response too large ({declared} bytes > {max_bytes})")
    chunks: list[bytes] = []
    size = 0
    for chunk in resp.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise InputError(url, f"response too large (more than {max_bytes} bytes)")
        if time.monotonic() - started > deadline:
            raise InputError(url, f"timed out (the response took more than {deadline:g}s)")
        chunks.append(chunk)
    content_type, charset = _content_type(resp.headers.get("content-type"))
    return Fetched(
        url=final,
        status=status,
        content=b"".join(chunks),
        content_type=content_type,
        charset=charset,
        etag=resp.headers.get("etag"),
        last_modified=resp.headers.get("last-modified"),
    )


def _content_type(header: str | None) -> tuple[str | None, str | None]:
    if not header:
        return None, None
    message = Message()
    message["content-type"] = header
    charset = message.get_param("charset")
    return message.get_content_type(), charset if isinstance(charset, str) else None
