"""Fixtures of the price tests: a Yahoo chart API on 127.0.0.1 serving recorded answers."""

from __future__ import annotations

import datetime as dt
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest


def stamp(year: int, month: int, day: int, hour: int, minute: int) -> int:
    return int(dt.datetime(year, month, day, hour, minute, tzinfo=dt.UTC).timestamp())


# The shape of Yahoo's /v8/finance/chart answer (meta, timestamp, events, indicators),
# abridged to two Hong Kong sessions; bars are stamped at the 09:30 HKT open = 01:30 UTC.
HK_ANSWER = {
    "chart": {
        "result": [
            {
                "meta": {
                    "currency": "HKD",
                    "symbol": "9988.HK",
                    "exchangeName": "HKG",
                    "instrumentType": "EQUITY",
                    "gmtoffset": 28800,
                    "timezone": "HKT",
                    "exchangeTimezoneName": "Asia/Hong_Kong",
                    "dataGranularity": "1d",
                },
                "timestamp": [stamp(2025, 6, 10, 1, 30), stamp(2025, 6, 11, 1, 30)],
                "events": {
                    "dividends": {
                        str(stamp(2025, 6, 11, 1, 30)): {
                            "amount": 1.03,
                            "date": stamp(2025, 6, 11, 1, 30),
                        }
                    }
                },
                "indicators": {
                    "quote": [
                        {
                            "open": [120.0, 118.6],
                            "high": [121.0, 119.0],
                            "low": [119.0, 117.9],
                            "close": [120.5, 118.4],
                            "volume": [1000, None],
                        }
                    ],
                    "adjclose": [{"adjclose": [119.47, 118.4]}],
                },
            }
        ],
        "error": None,
    }
}

# NVDA around its 10:1 split of 10 June 2024; Yahoo's closes are already split-adjusted.
US_ANSWER = {
    "chart": {
        "result": [
            {
                "meta": {"symbol": "NVDA", "exchangeTimezoneName": "America/New_York"},
                "timestamp": [stamp(2024, 6, 7, 13, 30), stamp(2024, 6, 10, 13, 30)],
                "events": {
                    "splits": {
                        str(stamp(2024, 6, 10, 13, 30)): {
                            "date": stamp(2024, 6, 10, 13, 30),
                            "numerator": 10.0,
                            "denominator": 1.0,
                            "splitRatio": "10:1",
                        }
                    }
                },
                "indicators": {
                    "quote": [
                        {
                            "open": [119.77, 120.37],
                            "high": [121.69, 123.1],
                            "low": [119.0, 117.01],
                            "close": [120.89, 121.79],
                            "volume": [412385000, 314162700],
                        }
                    ],
                    "adjclose": [{"adjclose": [120.86, 121.76]}],
                },
            }
        ],
        "error": None,
    }
}

NOT_FOUND = {
    "chart": {
        "result": None,
        "error": {"code": "Not Found", "description": "No data found, symbol may be delisted"},
    }
}


@pytest.fixture
def yahoo():
    """A chart API on 127.0.0.1 serving the recorded answers; yields (base_url, requests)."""
    requests: list[tuple[str, dict[str, list[str]]]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            url = urlparse(self.path)
            requests.append((url.path, parse_qs(url.query)))
            answers = {
                "/v8/finance/chart/9988.HK": (200, HK_ANSWER),
                "/v8/finance/chart/NVDA": (200, US_ANSWER),
            }
            code, body = answers.get(url.path, (404, NOT_FOUND))
            data = json.dumps(body).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requests
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
