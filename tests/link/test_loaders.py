"""Loaders of public listing files, and aliases derived from legal names."""

from __future__ import annotations

import json

import pytest

from whymove.errors import InputError
from whymove.link.aliases import clean_legal_name, derive_aliases, display_name
from whymove.link.loaders import detect_format, load_file, parse_listing


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Alibaba Group Holding Limited", ("Alibaba Group Holding", "Alibaba Group", "Alibaba")),
        ("JPMorgan Chase & Co.", ("JPMorgan Chase",)),
        ("The Walt Disney Company", ("Walt Disney Company", "Walt Disney")),
        ("Apple Inc.", ("Apple",)),
        ("Amazon.com, Inc.", ("Amazon.com", "Amazon")),
        ("Shell plc", ("Shell",)),
        ("Meta Platforms, Inc. - Class A Common Stock", ("Meta Platforms, Inc.", "Meta Platforms")),
        ("Toyota Motor Corp ADR", ("Toyota Motor Corp", "Toyota Motor")),
    ],
)
def test_derive_aliases_drops_legal_forms_step_by_step(name: str, expected: tuple) -> None:
    assert derive_aliases(name) == expected


def test_derive_aliases_for_funds_and_indexes() -> None:
    assert derive_aliases("iShares China Large-Cap ETF", "etf") == ("iShares China Large-Cap",)
    assert derive_aliases("Hang Seng Index", "index") == ()


def test_display_name_and_clean_legal_name() -> None:
    assert display_name("NVIDIA CORP") == "Nvidia Corp"
    assert display_name("PDD HOLDINGS INC.") == "PDD Holdings Inc."
    assert display_name("Already Mixed Inc") == "Already Mixed Inc"
    assert clean_legal_name("Apple Inc. - Common Stock") == "Apple Inc."
    adr_name = (
        "Alibaba Group Holding Limited American Depositary Shares each representing eight "
        "Ordinary share"
    )
    assert clean_legal_name(adr_name) == "Alibaba Group Holding Limited"


NASDAQ = (
    (
        "Symbol|Security Name|Market Category|Test Issue|Financial Status|Round Lot Size|ETF|"
        "NextShares\n"
    )
    + """AAPL|Apple Inc. - Common Stock|Q|N|N|100|N|N
AACBW|Artius II Acquisition Inc. - Warrants|G|N|N|100|N|N
ZXZZT|NASDAQ TEST STOCK|G|Y|N|100|N|N
QQQ|Invesco QQQ Trust, Series 1|G|N|N|100|Y|N
File Creation Time: 0721202521:31|||||||
"""
)
OTHER = """ACT Symbol|Security Name|Exchange|CQS Symbol|ETF|Round Lot Size|Test Issue|NASDAQ Symbol
BABA|Alibaba Group Holding Limited American Depositary Shares|N|BABA|N|100|N|BABA
BRK.B|Berkshire Hathaway Inc. Class B|N|BRK.B|N|100|N|BRK=B
FXI|iShares China Large-Cap ETF|P|FXI|Y|100|N|FXI
ABR$D|Arbor Realty Trust Preferred Series D|N|ABRpD|N|100|N|ABR-D
File Creation Time: 0721202521:31||||||
"""


def test_nasdaq_listed_file() -> None:
    records = parse_listing(NASDAQ)
    assert [(r.symbol, r.kind, r.exchange, r.origin) for r in records] == [
        ("AAPL", "stock", "XNAS", "loaded"),
        ("QQQ", "etf", "XNAS", "loaded"),
    ]
    assert records[0].name == "Apple Inc."


def test_other_listed_file() -> None:
    records = {r.symbol: r for r in parse_listing(OTHER)}
    assert set(records) == {"BABA", "BRK-B", "FXI"}
    assert records["BABA"].kind == "adr" and records["BABA"].exchange == "XNYS"
    assert records["BABA"].name == "Alibaba Group Holding Limited"
    assert records["BRK-B"].name == "Berkshire Hathaway Inc."
    assert records["FXI"].kind == "etf" and records["FXI"].exchange == "ARCX"


def test_sec_company_tickers_exchange_links_share_classes() -> None:
    data = {
        "fields": ["cik", "name", "ticker", "exchange"],
        "data": [
            [1652044, "Alphabet Inc.", "GOOGL", "Nasdaq"],
            [1652044, "Alphabet Inc.", "GOOG", "Nasdaq"],
            [99, "SOME SPAC CORP", "SPAC", "NYSE"],
            [99, "SOME SPAC CORP", "SPACW", "NYSE"],
            [5, "Tiny Co", "TINY", None],
        ],
    }
    records = {r.symbol: r for r in parse_listing(json.dumps(data))}
    assert set(records) == {"GOOGL", "GOOG", "SPAC", "TINY"}
    assert records["GOOGL"].links == ("GOOG",)
    assert records["SPAC"].links == () and records["SPAC"].name == "Some Spac Corp"
    assert records["TINY"].exchange == ""


def test_sec_company_tickers() -> None:
    data = {"0": {"cik_str": 320193, "ticker": "AAPL", "title": "Apple Inc."}}
    (record,) = parse_listing(json.dumps(data))
    assert (record.symbol, record.name, record.exchange) == ("AAPL", "Apple Inc.", "")


def test_plain_csv_keeps_given_aliases(tmp_path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text(
        "symbol,name,exchange,aliases\nzqxw,Zorblax Dynamics Inc.,NYSE,Zorblax;ZD\n", "utf-8"
    )
    (record,) = load_file(path)
    assert record.symbol == "ZQXW" and record.exchange == "XNYS"
    assert record.aliases == ("Zorblax", "ZD") and record.origin == "loaded"


def test_csv_row_without_name_is_an_input_error() -> None:
    with pytest.raises(InputError, match=r"<text>:2: symbol X has no name"):
        parse_listing("symbol,name\nX,\n", "csv")


def test_unknown_format_names_the_file(tmp_path) -> None:
    path = tmp_path / "junk.txt"
    path.write_text("hello world\n", "utf-8")
    with pytest.raises(InputError, match="junk.txt: not a known listing file"):
        load_file(path)
    with pytest.raises(InputError, match="unknown format"):
        load_file(path, "xml")
    assert detect_format("ACT Symbol|Security Name\n") == "other"


def test_missing_file_is_an_input_error(tmp_path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        load_file(tmp_path / "absent.json")
