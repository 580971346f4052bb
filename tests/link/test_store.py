"""The user's store of loaded securities, and the linker built with it."""

from __future__ import annotations

from pathlib import Path

from whymove.link.master import SecurityRecord, builtin_master
from whymove.link.matcher import build_linker
from whymove.link.store import (
    clear_user_securities,
    read_user_securities,
    save_user_securities,
    user_data_dir,
    user_store_path,
)


def test_user_data_dir_precedence() -> None:
    assert user_data_dir({"WHYMOVE_HOME": "/a"}) == Path("/a")
    assert user_data_dir({"XDG_DATA_HOME": "/x"}) == Path("/x/whymove")
    assert user_data_dir({}).parts[-3:] == (".local", "share", "whymove")


def test_save_read_replace_clear(tmp_path) -> None:
    path = tmp_path / "s.csv"
    assert read_user_securities(path) == ()
    first = SecurityRecord(
        "ZQXW", "stock", "Zorblax Dynamics", ("Zorblax",), "XNYS", origin="loaded"
    )
    assert save_user_securities([first], path) == 1
    second = SecurityRecord("QQXZ", "etf", "Quux Fund", (), "ARCX", origin="loaded")
    assert save_user_securities([second], path) == 2
    assert [r.symbol for r in read_user_securities(path)] == ["ZQXW", "QQXZ"]
    assert read_user_securities(path)[0] == first
    assert save_user_securities([second], path, replace=True) == 1
    assert clear_user_securities(path) and not clear_user_securities(path)


def test_store_path_follows_environment(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("WHYMOVE_HOME", str(tmp_path))
    assert user_store_path() == tmp_path / "securities.csv"


def test_loaded_names_link_with_caution() -> None:
    loaded = [
        SecurityRecord("ZQXW", "stock", "Zorblax Dynamics Inc.", (), "XNYS", origin="loaded"),
        SecurityRecord("GLBX", "stock", "Global Industrial Company", (), "XNYS", origin="loaded"),
    ]
    linker = build_linker(builtin_master().merged(loaded))
    found = lambda text: {m.ticker for m in linker.find(text)}  # noqa: E731
    assert found("Zorblax Dynamics Inc. won a contract.") == {"ZQXW"}
    assert found("Shares of Zorblax Dynamics rose.") == {"ZQXW"}
    # A bare word cut from a bulk-file name needs company context.
    assert found("Zorblax is a word nobody uses.") == set()
    assert found("Zorblax shares jumped 5%.") == {"ZQXW"}
    # A loaded ticker is not linked bare, only in a ticker form.
    assert found("GLBX") == set()
    assert found("Traders bought $GLBX today.") == {"GLBX"}
