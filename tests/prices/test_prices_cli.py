"""``whymove prices load|list|show|fetch`` and ``whymove study`` end to end, in process."""

from __future__ import annotations

import json

import numpy as np
import pytest
from typer.testing import CliRunner

from whymove.cli import _register, app
from whymove.prices.calendars import get_calendar

_register()
RUNNER = CliRunner()
EVENT_AT = 100


def write_prices(tmp_path):
    """SPY and ABC on 110 NYSE sessions from 2 Jan 2025; ABC = 0.001 + 1.2 x + noise, +5% on
    session 100. The noise (+0.002, +0.002, -0.002, -0.002, ...) is orthogonal to the
    alternating benchmark, so the fitted model stays close to alpha 0.001, beta 1.2."""
    sessions = get_calendar("XNYS").sessions
    days = sessions[sessions >= "2025-01-02"][:110]
    x = np.where(np.arange(110) % 2 == 0, 0.01, -0.01)
    noise = 0.002 * np.array([1, 1, -1, -1] * 28)[:110]
    y = 0.001 + 1.2 * x + noise
    y[EVENT_AT] += 0.05
    for symbol, returns in (("SPY", x), ("ABC", y)):
        closes = 100 * np.cumprod(1 + returns)
        lines = ["Date,Open,High,Low,Close,Adj Close,Volume"]
        lines += [
            f"{d.date()},1,1,1,{float(c)!r},{float(c)!r},100"
            for d, c in zip(days, closes, strict=True)
        ]
        (tmp_path / f"{symbol}.csv").write_text("\n".join(lines) + "\n")
    return days


def test_load_list_show_and_study(tmp_path):
    days = write_prices(tmp_path)
    (tmp_path / "bad.csv").write_text("nothing,here\n1,2\n")
    db = f"sqlite:///{tmp_path / 'w.db'}"
    files = [str(tmp_path / n) for n in ("SPY.csv", "ABC.csv", "bad.csv")]
    result = RUNNER.invoke(app, ["prices", "load", *files, "--db", db])
    assert result.exit_code == 1  # one file rejected
    assert "bad.csv" in result.stderr
    assert "no header" in result.stderr

    listing = RUNNER.invoke(app, ["prices", "list", "--db", db])
    assert listing.exit_code == 0
    assert "ABC" in listing.stdout and "SPY" in listing.stdout

    shown = RUNNER.invoke(app, ["prices", "show", "ABC", "--tail", "2", "--json", "--db", db])
    assert shown.exit_code == 0, shown.output
    rows = [json.loads(line) for line in shown.stdout.splitlines()]
    assert [r["date"] for r in rows] == [str(days[108].date()), str(days[109].date())]
    # session 109 is odd: x = -0.01, noise position 109 % 4 = 1 -> +0.002
    assert rows[1]["total_return"] == pytest.approx(0.001 - 0.012 + 0.002)

    events = tmp_path / "events.jsonl"
    event_day = days[EVENT_AT].date()
    events.write_text(
        json.dumps(
            {
                "ticker": "ABC",
                "date": str(event_day),
                "category": "earnings",
                "polarity": "positive",
            }
        )
        + "\n"
        + json.dumps({"ticker": "XYZ", "date": str(event_day), "category": "earnings"})
        + "\n"
    )
    studied = RUNNER.invoke(app, ["study", "--events", str(events), "--json", "--db", db])
    assert studied.exit_code == 0, studied.output
    answer = json.loads(studied.stdout)
    ok = [e for e in answer["events"] if e["error"] is None]
    assert [e["ticker"] for e in ok] == ["ABC"]
    assert ok[0]["benchmark"] == "SPY"
    # Estimation: positions 1..70 ([-250, -30] cut at the data's start; position 0 has no
    # return). There x has mean 0 and the noise sums to 0, so alpha = 0.001; x.e = -2 x 2e-5
    # (positions 69 and 70 end a partial cycle), so beta = 1.2 - 4e-5 / (70 x 1e-4) = 1.1942857.
    # Session 100: y = 0.001 + 0.012 + 0.002 + 0.05 = 0.065, AR = 0.065 - 0.001 - 0.011942857.
    assert ok[0]["estimation_sessions"] == 70
    assert ok[0]["beta"] == pytest.approx(1.1942857, abs=1e-7)
    assert ok[0]["abnormal_return"] == pytest.approx(0.0520571, abs=1e-7)
    rows = {(r["group"][0], r["window"]): r for r in answer["rows"]}
    assert rows[("earnings", "[0]")]["n"] == 1

    table = RUNNER.invoke(
        app,
        [
            "study",
            "--events",
            str(events),
            "--category",
            "earnings",
            "--tickers",
            "ABC",
            "--db",
            db,
        ],
    )
    assert table.exit_code == 0, table.output
    assert "CAAR by category" in table.stdout
    assert "earnings" in table.stdout


def test_study_without_matching_events_exits_1(tmp_path):
    events = tmp_path / "e.jsonl"
    events.write_text(json.dumps({"ticker": "ABC", "date": "2025-07-15", "category": "legal"}))
    result = RUNNER.invoke(
        app,
        [
            "study",
            "--events",
            str(events),
            "--category",
            "earnings",
            "--db",
            f"sqlite:///{tmp_path / 'w.db'}",
        ],
    )
    assert result.exit_code == 1
    assert "no events match" in result.stderr


def test_study_reads_analyze_json_lines(tmp_path):
    from whymove.cli.prices import read_events_jsonl

    path = tmp_path / "a.jsonl"
    record = {
        "id": "abc123",
        "published": "2025-07-15T21:05:00+00:00",
        "primary_tickers": ["BABA"],
        "catalysts": [
            {"category": "regulation", "polarity": "positive", "ticker": None},
            {"category": "macro", "polarity": "negative", "ticker": "JD", "background": False},
            {"category": "geopolitics", "polarity": "negative", "ticker": None, "background": True},
        ],
    }
    path.write_text(json.dumps(record) + "\n")
    events = list(read_events_jsonl(path))
    assert [(e.ticker, e.category, e.polarity) for e in events] == [
        ("BABA", "regulation", "positive"),
        ("JD", "macro", "negative"),
    ]
    assert events[0].when.hour == 21 and events[0].ref == "abc123"


def test_fetch_stores_prices(tmp_path, yahoo):
    base, _ = yahoo
    db = f"sqlite:///{tmp_path / 'w.db'}"
    result = RUNNER.invoke(
        app,
        [
            "prices",
            "fetch",
            "9988.HK",
            "--start",
            "2025-06-10",
            "--end",
            "2025-06-11",
            "--base-url",
            base,
            "--db",
            db,
        ],
    )
    assert result.exit_code == 0, result.output
    assert "9988.HK: 2 sessions 2025-06-10..2025-06-11 (2 new" in result.stdout
