"""Relevance 0-100 and the primary security, from mentions and moves built by hand."""

from __future__ import annotations

from whymove.link.master import SecurityRecord, SymbolMaster
from whymove.link.relevance import relevance, score_securities
from whymove.model import Article, Mention, PriceMove

MASTER = SymbolMaster(
    [
        SecurityRecord("BABA", "adr", "Alibaba", (), "XNYS", links=("9988.HK",)),
        SecurityRecord("9988.HK", "stock", "Alibaba HK", (), "XHKG"),
        SecurityRecord("AAPL", "stock", "Apple", (), "XNAS"),
        SecurityRecord("SPY", "etf", "SPDR S&P 500 ETF Trust", (), "ARCX"),
        SecurityRecord("QQQ", "etf", "Invesco QQQ Trust", (), "XNAS"),
        SecurityRecord("s&p500", "index", "S&P 500 Index", ("S&P 500",)),
    ]
)


def _article(
    text: str, mentions: list[Mention], moves: tuple[PriceMove, ...] = (), **kw
) -> Article:
    return Article(id="a", input="t", text=text, mentions=tuple(mentions), moves=moves, **kw)


def test_headline_subject_with_move_is_primary() -> None:
    text = "Alibaba leads as Apple lags\nApple said something. Apple again. Alibaba rose 5%."
    mentions = [
        Mention("BABA", 0, 7),
        Mention("AAPL", 17, 22),
        Mention("AAPL", 28, 33),
        Mention("AAPL", 50, 55),
        Mention("BABA", 63, 70),
    ]
    move = PriceMove("BABA", "up", 63, 80, percent=5.0)
    securities = score_securities(_article(text, mentions, (move,)), MASTER)
    assert [s.ticker for s in securities] == ["BABA", "AAPL"]
    assert securities[0].primary and not securities[1].primary
    assert securities[0].mentions == 2 and securities[1].mentions == 3
    assert 0 < securities[1].relevance < securities[0].relevance <= 100


def test_index_is_never_primary() -> None:
    text = "The S&P 500 rose. The S&P 500 closed at a record. Apple was flat."
    mentions = [
        Mention("s&p500", 4, 11, kind="index"),
        Mention("s&p500", 22, 29, kind="index"),
        Mention("AAPL", 51, 56),
    ]
    securities = score_securities(_article(text, mentions), MASTER)
    assert securities[0].ticker == "s&p500" and not securities[0].primary
    assert [s.ticker for s in securities if s.primary] == ["AAPL"]


def test_listing_named_only_by_a_move_is_a_security_but_not_primary() -> None:
    text = "Alibaba shares in Hong Kong climbed 8%."
    move = PriceMove("9988.HK", "up", 0, 39, percent=8.0)
    securities = score_securities(_article(text, [Mention("BABA", 0, 7)], (move,)), MASTER)
    by_ticker = {s.ticker: s for s in securities}
    assert set(by_ticker) == {"BABA", "9988.HK"}
    assert by_ticker["BABA"].primary and not by_ticker["9988.HK"].primary
    assert by_ticker["9988.HK"].mentions == 0 and by_ticker["9988.HK"].kind == "stock"


def test_tie_goes_to_the_first_named_and_the_index_tracker() -> None:
    text = "Markets rallied and the S&P 500 hit a record; QQQ and SPY both gained about 1%."
    mentions = [
        Mention("s&p500", 24, 31, kind="index"),
        Mention("QQQ", 46, 49, kind="etf"),
        Mention("SPY", 54, 57, kind="etf"),
    ]
    securities = score_securities(_article(text, mentions), MASTER)
    assert [s.ticker for s in securities if s.primary] == ["SPY"]


def test_title_mentions_weigh() -> None:
    text = "Shares of Apple and Alibaba moved."
    mentions = [Mention("AAPL", 10, 15), Mention("BABA", 20, 27)]
    article = _article(text, mentions, title="Alibaba surges")
    securities = score_securities(article, MASTER, (Mention("BABA", 0, 7),))
    assert [s.ticker for s in securities if s.primary] == ["BABA"]


def test_relevance_saturates() -> None:
    assert relevance(0) == 0
    assert relevance(10) < relevance(40) < relevance(200) <= 100
    assert score_securities(_article("Nothing here.", []), MASTER) == ()
