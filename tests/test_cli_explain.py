"""``whymove explain``, ``whymove check`` and ``whymove study`` end to end, in process, on a
database built with the CLI itself from a few shipped examples and their sample prices."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from whymove.cli import _register, app

_register()
RUNNER = CliRunner()
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ARTICLES = ("03_nike_downgrade", "19_jd_trade_in_subsidies")
PRICES = ("NKE", "SPY", "JD", "KWEB", "FXI", "9618.HK", "9988.HK", "SNOW")
WRONG = (
    "Snowflake Shares Slide As Software Stocks Retreat\n"
    "Snowflake Inc (NYSE: SNOW) shares closed down 6.2% on Tuesday as investors sold cloud "
    "software stocks ahead of the earnings season.\n"
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = tmp_path_factory.mktemp("cli_explain")
    news = root / "news"
    news.mkdir()
    for name in ARTICLES:
        for suffix in (".txt", ".meta.json"):
            shutil.copy(EXAMPLES / "articles" / f"{name}{suffix}", news)
    (news / "wrong.txt").write_text(WRONG, encoding="utf-8")
    meta = {"source": "whymove tests", "published": "2024-10-15T21:30:00+00:00"}
    (news / "wrong.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    path = str(root / "w.db")
    ingested = RUNNER.invoke(app, ["ingest", str(news), "--db", path, "--quiet", "--workers", "1"])
    assert ingested.exit_code == 0, ingested.output
    files = [str(EXAMPLES / "prices" / f"{symbol}.csv") for symbol in PRICES]
    loaded = RUNNER.invoke(app, ["prices", "load", *files, "--db", path])
    assert loaded.exit_code == 0, loaded.output
    return path


def test_explain_prints_a_brief_with_every_section(db: str) -> None:
    result = RUNNER.invoke(app, ["explain", "NKE", "--date", "2024-04-16", "--db", db])
    assert result.exit_code == 0, result.output
    out = result.stdout
    positions = [
        out.index(s)
        for s in (
            "Price action",
            "Why",
            "Key points",
            "Risks and uncertainties",
            "Related moves",
            "Sources",
        )
    ]
    assert positions == sorted(positions)  # fmt: skip
    assert "NKE -2.80% to 92.40" in out
    assert "Against SPY" in out
    assert "1. Analyst (Barclays)" in out
    assert "[prices]" in out and "[1]" in out
    assert "Reported NKE -2.8% (regular): agrees" in out


def test_explain_json_carries_known_at(db: str) -> None:
    result = RUNNER.invoke(app, ["explain", "jd", "--date", "2025-05-13", "--json", "--db", db])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["symbol"], data["session"]) == ("JD", "2025-05-13")
    assert data["price_action"]["source"] == "prices"
    assert data["why"][0]["category"] == "regulation"
    assert data["why"][0]["known_at"] == "2025-05-13T11:50:00+00:00"
    assert all(r["known_at"] for r in data["related_moves"]["prices"])


def test_explain_without_a_date_takes_the_biggest_recent_move(db: str) -> None:
    result = RUNNER.invoke(app, ["explain", "NKE", "--json", "--db", db])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    # NKE's sample prices end on 2025-06-16; the last 20 sessions start on 2025-05-16
    assert "2025-05-16" <= data["session"] <= "2025-06-16"


def test_explain_top_lists_the_largest_abnormal_moves(db: str) -> None:
    args = ["explain", "NKE", "--top", "3", "--start", "2024-04-01", "--end", "2024-04-30"]
    result = RUNNER.invoke(app, [*args, "--json", "--db", db])
    assert result.exit_code == 0, result.output
    answers = json.loads(result.stdout)["top"]
    sigmas = [abs(a["event_study"]["sigma_move"]) for a in answers]
    assert len(answers) == 3 and sigmas == sorted(sigmas, reverse=True)
    assert all("2024-04-01" <= a["session"] <= "2024-04-30" for a in answers)
    text = RUNNER.invoke(app, [*args, "--db", db])
    assert text.exit_code == 0 and "Largest moves" in text.stdout


def test_check_flags_the_contradiction_and_exits_zero(db: str) -> None:
    result = RUNNER.invoke(app, ["check", "--json", "--db", db])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["summary"]["contradicts"] == 1
    (wrong,) = [c for c in data["checks"] if c["verdict"] == "contradicts"]
    assert wrong["move"]["ticker"] == "SNOW" and wrong["known_at"]
    nike = [c for c in data["checks"] if c["move"]["ticker"] == "NKE"]
    assert {c["verdict"] for c in nike} == {"agrees"}
    text = RUNNER.invoke(app, ["check", "--ticker", "SNOW", "--db", db])
    assert text.exit_code == 0
    assert "0 agree, 1 contradict, 0 cannot be checked." in text.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["explain", "NKE", "--date", "2024-04-16", "--top", "2"],
        ["explain", "NKE", "--date", "16/04/2024"],
        ["explain", "NKE", "--start", "2024-04-01"],
        ["explain", "NKE", "--top", "0"],
    ],
)
def test_usage_errors_exit_2(db: str, args: list[str]) -> None:
    result = RUNNER.invoke(app, [*args, "--db", db])
    assert result.exit_code == 2
    assert result.stderr.startswith("whymove: ")


def test_a_weekend_date_is_explained_as_the_next_session(db: str) -> None:
    saturday = dt.date(2024, 4, 13)
    result = RUNNER.invoke(app, ["explain", "NKE", "--date", str(saturday), "--json", "--db", db])
    data = json.loads(result.stdout)
    assert data["session"] == "2024-04-15"
    assert any("not a XNYS session" in note for note in data["notes"])


def test_study_prints_caar_per_category_from_the_same_database(db: str) -> None:
    result = RUNNER.invoke(app, ["study", "--db", db])
    assert result.exit_code == 0, result.output
    assert "CAAR by category" in result.stdout
    assert "analyst" in result.stdout and "regulation" in result.stdout
