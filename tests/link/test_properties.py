"""Properties of the linker on any text: no crash, spans inside the text, same answer twice."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from whymove.link.master import builtin_master
from whymove.link.matcher import Linker

_PIECES = [
    "Alibaba",
    "BABA",
    "$BABA",
    "(NYSE: BABA)",
    "NYSE:",
    "(HKEX: 9988)",
    "Apple",
    "apple",
    "AI",
    "IT",
    "ON",
    "Jack Ma",
    "Target",
    "a JPMorgan analyst said",
    "according to FactSet",
    "shares of",
    "stock",
    "Hang Seng Index",
    "S&P 500",
    "OpenAI",
    "Also Read:",
    "阿里巴巴",
    "腾讯",
    "(",
    ")",
    ":",
    "$",
    ".",
    ",",
    "\n",
    " ",
    "Inc.",
    "Nestlé",
    "İstanbul",
    "SAN FRANCISCO",
    "EUR=EBS",
]
_texts = st.one_of(
    st.text(),
    st.lists(st.sampled_from(_PIECES), max_size=40).map(" ".join),
    st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=5)), max_size=30).map("".join),
)


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_spans_lie_inside_the_text_and_name_a_known_kind(linker: Linker, text: str) -> None:
    for mention in linker.find(text):
        assert 0 <= mention.start < mention.end <= len(text)
        assert mention.kind in ("stock", "adr", "etf", "index")
        assert text[mention.start : mention.end].strip() == text[mention.start : mention.end]


@settings(max_examples=200, deadline=None)
@given(_texts)
def test_same_result_twice(linker: Linker, text: str) -> None:
    assert linker.find(text) == linker.find(text)


@settings(max_examples=200, deadline=None)
@given(_texts)
def test_mentions_are_sorted_and_do_not_overlap(linker: Linker, text: str) -> None:
    mentions = linker.find(text)
    for first, second in itertools.pairwise(mentions):
        assert first.end <= second.start


@settings(max_examples=100, deadline=None)
@given(st.sampled_from([r for r in builtin_master() if r.kind != "index" and r.exchange == "XNAS"]))
def test_every_nasdaq_symbol_in_an_exchange_tag_links(linker: Linker, record) -> None:
    text = f"The company (NASDAQ: {record.symbol}) reported results."
    tickers = {m.ticker for m in linker.find(text)}
    assert builtin_master().canonical(record.symbol) in tickers
