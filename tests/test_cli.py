"""The command line, run as a real subprocess: output shapes, errors and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ARTICLE = (
    "Apple Inc. (NASDAQ:AAPL) shares rose 3.5% to $201.10 on Tuesday after record iPhone sales.\n"
    "Sign up for our newsletter\n"
)


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "whymove", *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=120,
    )


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("whymove ")


def test_analyze_json_lines_carry_labels_and_input(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    (tmp_path / "a.meta.json").write_text(json.dumps({"published": "2025-07-17"}))
    result = run("analyze", str(path), "--json")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["input"] == str(path)
    assert len(record["id"]) == 16
    for key in ("primary_tickers", "mentioned_tickers", "price_moves", "catalysts", "sentiment"):
        assert key in record
    assert record["primary_tickers"] == ["AAPL"]
    assert record["price_moves"][0]["date"] == "2025-07-15"


def test_analyze_published_option_applies_to_inputs_without_a_date(tmp_path: Path):
    path = tmp_path / "b.txt"
    path.write_text(ARTICLE)
    result = run("analyze", str(path), "--json", "--published", "2025-07-17")
    assert json.loads(result.stdout)["published"].startswith("2025-07-17")


def test_analyze_table_output_is_readable(tmp_path: Path):
    path = tmp_path / "c.txt"
    path.write_text(ARTICLE)
    result = run("analyze", str(path))
    assert result.returncode == 0
    for heading in ("Securities", "Price moves", "Catalysts", "Sentiment"):
        assert heading in result.stdout
    assert "AAPL" in result.stdout


def test_missing_input_is_rejected_with_exit_1_and_one_line(tmp_path: Path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)
    missing = tmp_path / "nope.txt"
    result = run("analyze", str(good), str(missing), "--json")
    assert result.returncode == 1
    assert len(result.stdout.strip().splitlines()) == 1  # the good one still analysed
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1
    assert str(missing) in errors[0]


def test_bad_published_date_is_a_usage_error():
    result = run("analyze", "x.txt", "--published", "someday")
    assert result.returncode == 2
    assert "--published='someday'" in result.stderr


def test_unknown_command_is_a_usage_error():
    assert run("frobnicate").returncode == 2


def test_eval_json_last_line(tmp_path: Path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    gold = {
        "id": "a",
        "primary_tickers": ["AAPL"],
        "mentioned_tickers": ["AAPL"],
        "price_moves": [
            {
                "ticker": "AAPL",
                "direction": "up",
                "percent": 3.5,
                "price": 201.1,
                "session": None,
                "horizon": "day",
            }
        ],
        "catalysts": [],
        "sentiment": "positive",
    }
    (tmp_path / "gold.jsonl").write_text(json.dumps(gold) + "\n")
    result = run("eval", str(tmp_path), "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    for key in (
        "n_articles",
        "tickers_f1",
        "primary_accuracy",
        "moves_f1",
        "catalysts_f1",
        "sentiment_accuracy",
    ):
        assert key in summary
    assert summary["n_articles"] == 1
    assert summary["tickers_f1"] == 1.0
    assert summary["moves_f1"] == 1.0


def test_eval_on_a_folder_without_gold_fails_clearly(tmp_path: Path):
    result = run("eval", str(tmp_path))
    assert result.returncode == 2
    assert "gold.jsonl" in result.stderr
