"""Encodings decode exactly or are rejected; publication times parse in every common style."""

from __future__ import annotations

import codecs
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from whymove.errors import DecodeError, EmptyInputError
from whymove.sources import decode_bytes, parse_published

UTC = dt.UTC
EST = dt.timezone(dt.timedelta(hours=-5))

SAMPLES = {
    "cp1252": "Café prices rose — the “naïve” forecast missed; shares fell 3% on Tuesday.",
    "latin_1": "Größe und Übernahme: die Aktie stieg am Dienstag um drei Prozent.",
    "gb18030": "阿里巴巴股价周二上涨百分之三，因为公司宣布将分拆芯片业务。分析师表示这在意料之中。",
    "big5": "阿里巴巴股價週二上揚，因為公司宣布分拆業務。分析師表示這在意料之中。",
    "shift_jis": "アリババの株価は火曜日に上昇した。同社は半導体事業の分社化を発表した。",
}


@pytest.mark.parametrize("encoding", sorted(SAMPLES))
def test_legacy_encodings_decode_to_the_original_text(encoding: str):
    text = SAMPLES[encoding] * 3
    assert decode_bytes(text.encode(encoding), "x.txt") == text


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (codecs.BOM_UTF8 + b"Acme rose 3%.", "Acme rose 3%."),
        (codecs.BOM_UTF16_LE + "Acme rose 3%.".encode("utf-16-le"), "Acme rose 3%."),
        (codecs.BOM_UTF16_BE + "Acme rose 3%.".encode("utf-16-be"), "Acme rose 3%."),
        ("Acme rose 3% today.".encode("utf-16-le"), "Acme rose 3% today."),
    ],
    ids=["utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le-no-bom"],
)
def test_byte_order_marks_and_utf16(data: bytes, expected: str):
    assert decode_bytes(data, "x.txt") == expected


def test_broken_utf8_is_rejected_not_reread_as_a_code_page():
    data = "Zürich-based Acme’s shares rose ".encode() + b"\xff\xfe" + b" on Tuesday."
    with pytest.raises(DecodeError, match="invalid UTF-8 at byte"):
        decode_bytes(data, "broken.txt")


@pytest.mark.parametrize(
    "data", [bytes(range(256)) * 8, b"\x00\x01\x02\x03" * 500, b"PK\x03\x04" + bytes(600)]
)
def test_binary_data_is_rejected(data: bytes):
    with pytest.raises(DecodeError, match="binary|no supported encoding"):
        decode_bytes(data, "blob.bin")


@pytest.mark.parametrize("data", [b"", b"  \n\t "])
def test_empty_input_is_rejected(data: bytes):
    with pytest.raises(EmptyInputError):
        decode_bytes(data, "empty.txt")


@given(st.text(min_size=1).filter(lambda s: s.strip()))
def test_any_utf8_text_round_trips_or_is_rejected_as_binary(text: str):
    try:
        decoded = decode_bytes(text.encode("utf-8"), "h.txt")
    except (DecodeError, EmptyInputError):
        return  # control characters or whitespace only: refused, never altered
    assert decoded == text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("January 25, 2024 — 03:33 am EST", dt.datetime(2024, 1, 25, 3, 33, tzinfo=EST)),
        ("2022-03-29 12:36:00+00:00", dt.datetime(2022, 3, 29, 12, 36, tzinfo=UTC)),
        ("2023-04-14T16:40:51-04:00", dt.datetime(2023, 4, 14, 20, 40, 51, tzinfo=UTC)),
        ("Tue, 15 Jul 2025 13:30:00 GMT", dt.datetime(2025, 7, 15, 13, 30, tzinfo=UTC)),
        ("Mon, 03 Feb 2020 10:00:00 +0100", dt.datetime(2020, 2, 3, 9, 0, tzinfo=UTC)),
        ("Mon 3 Feb 2020 10:00 CET", dt.datetime(2020, 2, 3, 9, 0, tzinfo=UTC)),
        ("July 15, 2025 at 9:30 a.m. ET", dt.datetime(2025, 7, 15, 13, 30, tzinfo=UTC)),
        ("Jan 5, 2024 4:10PM ET", dt.datetime(2024, 1, 5, 21, 10, tzinfo=UTC)),
        ("Updated: 2024-01-02", dt.datetime(2024, 1, 2, tzinfo=UTC)),
        ("25 January 2024", dt.datetime(2024, 1, 25, tzinfo=UTC)),
        ("1700000000", dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)),
        (1700000000000, dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)),
        (dt.date(2025, 7, 15), dt.datetime(2025, 7, 15, tzinfo=UTC)),
        ("Monday", None),
        ("2 hours ago", None),
        ("not a date", None),
        ("", None),
        (None, None),
    ],
)
def test_publication_times(value: object, expected: dt.datetime | None):
    assert parse_published(value) == expected
