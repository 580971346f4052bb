"""``whymove securities load|search|show|clear`` end to end, in a private data folder."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from whymove.cli import _register, app
from whymove.link.master import full_master

NASDAQ = (
    "Symbol|Security Name|Market Category|Test Issue|Financial Status|Round Lot Size|ETF|"
    "NextShares\n"
    "ZQXW|Zorblax Dynamics Inc. - Class A Common Stock|Q|N|N|100|N|N\n"
    "File Creation Time: 0721202521:31|||||||\n"
)


@pytest.fixture()
def runner(tmp_path, monkeypatch) -> CliRunner:
    monkeypatch.setenv("WHYMOVE_HOME", str(tmp_path / "home"))
    full_master.cache_clear()
    _register()
    yield CliRunner()
    full_master.cache_clear()


def test_load_then_search_and_show(runner: CliRunner, tmp_path) -> None:
    listing = tmp_path / "nasdaqlisted.txt"
    listing.write_text(NASDAQ, "utf-8")
    result = runner.invoke(app, ["securities", "load", str(listing)])
    assert result.exit_code == 0, result.output
    assert "1 securities" in result.output and "1 loaded securities in all" in result.output
    assert (tmp_path / "home" / "securities.csv").is_file()
    full_master.cache_clear()
    result = runner.invoke(app, ["securities", "search", "zorblax"])
    assert result.exit_code == 0 and "ZQXW" in result.output
    result = runner.invoke(app, ["securities", "show", "ZQXW"])
    assert result.exit_code == 0 and "Zorblax Dynamics Inc." in result.output
    assert "loaded" in result.output
    result = runner.invoke(app, ["securities", "clear"])
    assert result.exit_code == 0 and "removed" in result.output


def test_show_builtin_listing_links(runner: CliRunner) -> None:
    result = runner.invoke(app, ["securities", "show", "9988.HK"])
    assert result.exit_code == 0
    assert "BABA" in result.output and "XHKG" in result.output


def test_errors_exit_nonzero(runner: CliRunner, tmp_path) -> None:
    assert runner.invoke(app, ["securities", "show", "NOPE123"]).exit_code == 1
    junk = tmp_path / "junk.txt"
    junk.write_text("nothing useful\n", "utf-8")
    result = runner.invoke(app, ["securities", "load", str(junk)])
    assert result.exit_code == 1 and "not a known listing file" in result.output
    assert runner.invoke(app, ["securities", "load", str(junk), "--format", "xml"]).exit_code == 2
