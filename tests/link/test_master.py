"""The symbol master: data shipped with the package, overrides, listings of one company."""

from __future__ import annotations

import csv
import io

from whymove.link.aliases import alias_table
from whymove.link.listings import listing_for
from whymove.link.master import SecurityRecord, SymbolMaster, builtin_master, read_master_csv


def _master() -> SymbolMaster:
    return SymbolMaster(
        [
            SecurityRecord(
                "9988.HK", "stock", "Alibaba Group", ("Alibaba",), "XHKG", "CN", "", ("BABA",)
            ),
            SecurityRecord("BABA", "adr", "Alibaba Group", ("Alibaba",), "XNYS", "CN", ""),
            SecurityRecord("0700.HK", "stock", "Tencent", (), "XHKG", "CN", "", ("TCEHY",)),
            SecurityRecord("TCEHY", "adr", "Tencent ADR", (), "OTCM", "CN", ""),
            SecurityRecord("1211.HK", "stock", "BYD", (), "XHKG", "CN", "", ("002594.SZ",)),
            SecurityRecord("002594.SZ", "stock", "BYD", (), "XSHE", "CN", ""),
            SecurityRecord("hang_seng", "index", "Hang Seng Index"),
        ]
    )


def test_builtin_master_is_large_and_covers_the_issue_lists() -> None:
    master = builtin_master()
    assert len(master) >= 3000
    for symbol in (
        "BABA",
        "JD",
        "PDD",
        "BIDU",
        "NTES",
        "TCOM",
        "BILI",
        "NIO",
        "XPEV",
        "LI",
        "TME",
        "BEKE",
        "ZTO",
        "YUMC",
        "SPY",
        "QQQ",
        "FXI",
        "KWEB",
        "MCHI",
        "SMH",
        "SOXX",
        "XLK",
        "XLE",
        "KRE",
        "9988.HK",
        "0700.HK",
        "688256.SS",
        "2330.TW",
        "ASML.AS",
        "AZN.L",
        "6981.T",
        "hang_seng",
        "csi300",
        "s&p500",
    ):
        assert symbol in master, symbol
    assert sum(1 for r in master if r.kind == "etf") >= 200
    assert master.get("hang_seng").kind == "index"


def test_links_are_symmetric_groups() -> None:
    master = _master()
    assert set(master.group("BABA")) == {"BABA", "9988.HK"}
    assert set(master.group("9988.HK")) == {"BABA", "9988.HK"}
    assert master.group("hang_seng") == ("hang_seng",)
    assert master.group("NOPE") == ()


def test_canonical_prefers_us_exchange_then_home_then_otc() -> None:
    master = _master()
    assert master.canonical("9988.HK") == "BABA"
    assert master.canonical("TCEHY") == "0700.HK"  # an OTC ADR is not a US listing
    assert master.canonical("002594.SZ") == "1211.HK"  # no US listing: first home listing
    assert master.canonical("UNKNOWN") == "UNKNOWN"


def test_extend_keeps_record_and_adds_aliases() -> None:
    master = _master()
    master.extend([SecurityRecord("BABA", "stock", "Other name", ("Ali",), "XNAS")])
    record = master.get("BABA")
    assert record.name == "Alibaba Group" and record.kind == "adr" and record.exchange == "XNYS"
    assert record.aliases == ("Alibaba", "Ali")


def test_merged_returns_a_new_master() -> None:
    master = _master()
    bigger = master.merged([SecurityRecord("NEW", "stock", "New Co")])
    assert "NEW" in bigger and "NEW" not in master


def test_override_replaces_fields_and_removes_aliases() -> None:
    master = _master()
    rows = csv.DictReader(
        io.StringIO("symbol,kind,name,aliases,exchange\nBABA,,,-Alibaba;Ali Baba Group,\n")
    )
    master.override(rows)
    record = master.get("BABA")
    assert record.aliases == ("Ali Baba Group",)
    assert record.name == "Alibaba Group" and record.exchange == "XNYS"


def test_override_removal_also_drops_derived_short_names() -> None:
    master = SymbolMaster([SecurityRecord("HSM", "stock", "Hessel Midstream LP", exchange="XNYS")])
    before = {a.text for a in alias_table(master) if a.symbol == "HSM"}
    assert "Hessel" in before  # a short name cut from the legal name
    master.override(csv.DictReader(io.StringIO("symbol,aliases\nHSM,-Hessel\n")))
    after = {a.text for a in alias_table(master) if a.symbol == "HSM"}
    assert "Hessel" not in after and "Hessel Midstream" in after
    assert master.merged([]).removed("HSM") == frozenset({"hessel"})


def test_read_master_csv_parses_lists_and_defaults() -> None:
    text = (
        "symbol,kind,name,aliases,exchange,country,sector,links\n"
        "X,,X Corp,A; B,xnys,us,,Y\n"
        ",stock,skip,,,,,\n"
    )
    (record,) = read_master_csv(io.StringIO(text))
    assert record == SecurityRecord("X", "stock", "X Corp", ("A", "B"), "XNYS", "US", "", ("Y",))


def test_search_finds_symbol_name_and_fuzzy_name() -> None:
    master = builtin_master()
    assert master.search("BABA")[0].symbol == "BABA"
    assert "0700.HK" in [r.symbol for r in master.search("tencent", 5)]
    assert "NVDA" in [r.symbol for r in master.search("nvidai", 5)]
    assert master.search("   ") == []


def test_listing_for_maps_a_place_to_the_linked_listing() -> None:
    master = _master()
    assert listing_for("BABA", "Alibaba shares in Hong Kong", master) == "9988.HK"
    assert listing_for("9988.HK", "its New York-listed shares", master) == "BABA"
    assert listing_for("1211.HK", "in Shenzhen", master) == "002594.SZ"
    assert listing_for("BABA", "in Tokyo", master) is None
    assert listing_for("BABA", "yesterday", master) is None
    assert listing_for("NOPE", "Hong Kong", master) is None


def test_listing_for_on_the_builtin_master() -> None:
    assert listing_for("TSM", "Its Taipei-listed stock") == "2330.TW"
    assert listing_for("AZN", "in London") == "AZN.L"
