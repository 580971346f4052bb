"""Price-move extraction against hand-written expectations, plus properties that always hold.

``golden_moves.jsonl`` holds sentences written for these tests, each with a publication date
and the moves a careful reader takes from it (values reasoned out by hand from the labels.md
rules and the exchange calendars, never produced by running the extractor). The securities
come from a small master built here and are found by a plain alias scan, so these tests pin the
move extractor alone, whatever the linker does.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from whymove.clean.sentences import split_sentences
from whymove.extract.moves import MOVES, extract_moves, moves_component
from whymove.link.master import SecurityRecord, SymbolMaster
from whymove.model import Article, Mention, parse_timestamp

GOLDEN = Path(__file__).with_name("golden_moves.jsonl")

# symbol, kind, exchange, country, links, aliases (the symbol itself is an alias too)
_RECORDS: tuple[tuple[str, str, str, str, str, str], ...] = (
    ("BABA", "adr", "XNYS", "CN", "9988.HK", "Alibaba;Alibaba Group"),
    ("9988.HK", "stock", "XHKG", "CN", "BABA", ""),
    ("JD", "adr", "XNAS", "CN", "9618.HK", "JD.com"),
    ("9618.HK", "stock", "XHKG", "CN", "JD", ""),
    ("PDD", "adr", "XNAS", "CN", "", "PDD Holdings;Pinduoduo"),
    ("BIDU", "adr", "XNAS", "CN", "9888.HK", "Baidu"),
    ("9888.HK", "stock", "XHKG", "CN", "BIDU", ""),
    ("NVDA", "stock", "XNAS", "US", "", "Nvidia"),
    ("AMD", "stock", "XNAS", "US", "", "Advanced Micro Devices"),
    ("AAPL", "stock", "XNAS", "US", "", "Apple"),
    ("TSLA", "stock", "XNAS", "US", "", "Tesla"),
    ("MSFT", "stock", "XNAS", "US", "", "Microsoft"),
    ("AZN", "adr", "XNAS", "GB", "AZN.L", "AstraZeneca"),
    ("AZN.L", "stock", "XLON", "GB", "AZN", ""),
    ("TSM", "adr", "XNYS", "TW", "2330.TW", "TSMC;Taiwan Semiconductor"),
    ("2330.TW", "stock", "XTAI", "TW", "TSM", ""),
    ("SONY", "adr", "XNYS", "JP", "6758.T", "Sony"),
    ("6758.T", "stock", "XTKS", "JP", "SONY", ""),
    ("0700.HK", "stock", "XHKG", "CN", "", "Tencent"),
    ("1810.HK", "stock", "XHKG", "CN", "", "Xiaomi"),
    ("FXI", "etf", "ARCX", "US", "", "iShares China Large-Cap ETF"),
    ("KWEB", "etf", "ARCX", "US", "", "KraneShares CSI China Internet ETF"),
    ("hang_seng", "index", "", "HK", "", "Hang Seng Index;Hang Seng"),
    ("hang_seng_tech", "index", "", "HK", "", "Hang Seng Tech Index;Hang Seng Tech"),
    ("csi300", "index", "", "CN", "", "CSI 300;CSI300"),
    ("s&p500", "index", "", "US", "", "S&P 500"),
    ("nasdaq_composite", "index", "", "US", "", "Nasdaq Composite"),
    ("dow_jones", "index", "", "US", "", "Dow Jones Industrial Average;Dow"),
    ("nikkei225", "index", "", "JP", "", "Nikkei 225;Nikkei"),
    ("ftse100", "index", "", "GB", "", "FTSE 100"),
    ("msci_china", "index", "", "CN", "", "MSCI China Index;MSCI China"),
    ("russell_2000", "index", "", "US", "", "Russell 2000"),
    ("INTC", "stock", "XNAS", "US", "", "Intel"),
    ("META", "stock", "XNAS", "US", "", "Meta Platforms;Meta"),
    ("AMZN", "stock", "XNAS", "US", "", "Amazon.com;Amazon"),
    ("COIN", "stock", "XNAS", "US", "", "Coinbase"),
    ("MSTR", "stock", "XNAS", "US", "", "MicroStrategy"),
    ("AA", "stock", "XNYS", "US", "", "Alcoa"),
)
_NOT_TICKER_ALIASES = {"hang_seng", "hang_seng_tech", "csi300", "s&p500", "nasdaq_composite",
                       "dow_jones", "nikkei225", "ftse100", "msci_china",
                       "russell_2000"}  # fmt: skip


def _master() -> SymbolMaster:
    records = []
    for symbol, kind, exchange, country, links, aliases in _RECORDS:
        records.append(
            SecurityRecord(
                symbol=symbol,
                kind=kind,  # type: ignore[arg-type]
                name=symbol,
                aliases=tuple(a for a in aliases.split(";") if a),
                exchange=exchange,
                country=country,
                links=tuple(x for x in links.split(";") if x),
            )
        )
    return SymbolMaster(records)


MASTER = _master()
_ALIASES = sorted(
    [
        (alias, rec.symbol)
        for rec in MASTER
        for alias in (*rec.aliases, *(() if rec.symbol in _NOT_TICKER_ALIASES else (rec.symbol,)))
    ],
    key=lambda item: -len(item[0]),
)


def find_mentions(text: str) -> tuple[Mention, ...]:
    """Longest alias first, word-bounded, case-sensitive: a stand-in for the linker."""
    taken = [False] * len(text)
    found = []
    for alias, symbol in _ALIASES:
        for match in re.finditer(rf"(?<![\w.]){re.escape(alias)}(?![\w])", text):
            if any(taken[match.start() : match.end()]):
                continue
            for i in range(match.start(), match.end()):
                taken[i] = True
            kind = MASTER.get(symbol).kind  # type: ignore[union-attr]
            found.append(Mention(symbol, match.start(), match.end(), kind, "alias", 1.0))
    return tuple(sorted(found, key=lambda m: m.start))


def make_article(text: str, published: str | None) -> Article:
    return Article(
        id="test",
        input="<test>",
        text=text,
        published=parse_timestamp(published, "published"),
        sentences=split_sentences(text),
        mentions=find_mentions(text),
    )


def _cases() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines() if line]


CASES = _cases()


def _as_dict(move: Any) -> dict[str, Any]:
    out = move.to_label()
    out.update(
        currency=move.currency,
        date=move.date.isoformat() if move.date else None,
        date_end=move.date_end.isoformat() if move.date_end else None,
        date_inferred=move.date_inferred,
    )
    return out


def _matches(expected: dict[str, Any], got: dict[str, Any]) -> bool:
    for key, value in expected.items():
        if key in ("percent", "price"):
            if (value is None) != (got[key] is None):
                return False
            if value is not None and abs(float(value) - float(got[key])) > 1e-6:
                return False
        elif got.get(key) != value:
            return False
    return True


def test_golden_file_is_large_and_covers_every_family() -> None:
    assert len(CASES) >= 120
    families = {case["id"].split("-")[0] for case in CASES}
    assert {"verb", "flat", "adj", "noun", "price", "multi", "session", "listing", "horizon",
            "neg", "ref", "date", "comparative"} <= families  # fmt: skip
    assert sum(1 for case in CASES if not case["moves"]) >= 25


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_golden(case: dict[str, Any]) -> None:
    moves = [
        _as_dict(m) for m in extract_moves(make_article(case["text"], case["published"]), MASTER)
    ]
    expected = list(case["moves"])
    unmatched = list(moves)
    missing = []
    for want in expected:
        hit = next((g for g in unmatched if _matches(want, g)), None)
        if hit is None:
            missing.append(want)
        else:
            unmatched.remove(hit)
    assert not missing and not unmatched, f"missing={missing}\nunexpected={unmatched}"


def test_moves_carry_evidence_spans_inside_their_sentence() -> None:
    text = "Alibaba reported results. Shares of Tesla jumped 5% on Monday after the news."
    article = make_article(text, "2025-02-12")
    (move,) = extract_moves(article, MASTER)
    assert "jumped 5%" in move.evidence(text)
    start, end = article.sentence_at(move.start)
    assert start <= move.start < move.end <= end


def test_restatements_of_one_move_merge_into_the_most_exact() -> None:
    text = (
        "Alibaba stock soars on AI deal\n"
        "Alibaba shares jumped on Tuesday. Shares of Alibaba rose 8.1% on Tuesday to $120.50."
    )
    moves = extract_moves(make_article(text, "2025-02-12"), MASTER)
    assert [(m.ticker, m.percent, m.price) for m in moves] == [("BABA", 8.1, 120.5)]
    assert moves[0].date == dt.date(2025, 2, 11)


def test_rounded_headline_size_merges_with_the_exact_one() -> None:
    text = "Xiaomi jumps 6% in Hong Kong\nXiaomi shares rose 6.3% in Hong Kong on Wednesday."
    moves = extract_moves(make_article(text, "2025-02-12"), MASTER)
    assert [(m.ticker, m.percent) for m in moves] == [("1810.HK", 6.3)]


def test_different_days_are_not_merged() -> None:
    text = "Tesla rose on Monday. Tesla rose 3% on Tuesday."
    moves = extract_moves(make_article(text, "2025-02-12"), MASTER)
    assert sorted(str(m.date) for m in moves) == ["2025-02-10", "2025-02-11"]


def test_component_infers_publication_from_the_text() -> None:
    article = make_article("Nvidia unveiled the chip on January 28, 2025. Shares rose 4%.", None)
    result = moves_component(article)
    assert result.published_inferred is True
    assert result.published is not None and result.published.date() == dt.date(2025, 1, 28)
    assert MOVES.name == "whymove.moves" and MOVES.version >= 2


def test_component_keeps_a_given_publication() -> None:
    article = make_article("Nvidia rose 2% on Tuesday.", "2025-02-12")
    result = moves_component(article)
    assert result.published == article.published and not result.published_inferred


def test_confidence_is_higher_with_a_size_and_a_name() -> None:
    text = "Nvidia rose 3% on Tuesday. Apple reported results. Shares were higher."
    moves = {m.ticker: m for m in extract_moves(make_article(text, "2025-02-12"), MASTER)}
    assert moves["NVDA"].confidence > moves["AAPL"].confidence
    assert all(0.0 < m.confidence < 1.0 for m in moves.values())


_WORDS = st.sampled_from(
    "Alibaba Nvidia Tencent shares stock the index it rose fell jumped higher lower up down "
    "flat unchanged 3% 12.5% $84.60 HK$21 on Tuesday this year since October 2022 premarket "
    "after-hours closed at in Hong Kong , . ; — and while after a drop gains of double-digit "
    "revenue exports year-to-date last week past 12 months".split()
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, max_size=40), st.text(max_size=40))
def test_properties_hold_on_any_text(words: list[str], noise: str) -> None:
    text = " ".join(words) + noise
    article = make_article(text, "2025-02-12T10:00:00Z")
    first = extract_moves(article, MASTER)
    assert first == extract_moves(article, MASTER)  # deterministic
    for move in first:
        assert 0 <= move.start < move.end <= len(text)
        assert move.direction in ("up", "down", "flat")
        assert move.percent is None or move.percent >= 0
        assert move.date_end is None or move.date is None or move.date <= move.date_end
        assert 0.0 < move.confidence < 1.0


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_no_crash_on_arbitrary_unicode(text: str) -> None:
    article = dataclasses.replace(make_article(text, None), mentions=find_mentions(text))
    for move in extract_moves(article, MASTER):
        assert 0 <= move.start < move.end <= len(text)


_PLACE_WORDS = st.sampled_from(
    "shares in Hong Kong Hong Kong-listed on the New York Stock Exchange ADRs ADSs A-shares "
    "H-shares A shares listed in Shanghai Tokyo Taipei-listed Nasdaq US U.S. USD HKD American "
    "depositary receipts the stock rose 3% , . London-listed Frankfurt".split()
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PLACE_WORDS, max_size=40))
def test_place_scan_in_windows_finds_what_a_full_scan_finds(words: list[str]) -> None:
    """The listing scan runs its patterns only around place names (for speed); it must find
    exactly the phrases one pass over the whole text finds."""
    from whymove.extract.moves_listing import _ANY_PLACE, _place_matches

    text = " ".join(words)
    assert [m.span() for m in _place_matches(text)] == [m.span() for m in _ANY_PLACE.finditer(text)]
