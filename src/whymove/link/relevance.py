"""Relevance 0-100 of each linked security, and the primary security of an article.

A security the headline or lead names, that carries an explicit ticker tag, is named often and
is the subject of a stated move is what the article is about; a name in passing is not. The raw
score is a sum of those signals; relevance saturates it to 0-100 so that it means the same in
a short and a long article. Indexes get a relevance but are never primary. A listing that only a
move names (9988.HK for "Alibaba shares in Hong Kong") is a security of the article too.
"""

from __future__ import annotations

import math
from collections import defaultdict

from whymove.link.master import SymbolMaster
from whymove.model import Article, Mention, Security, Ticker

TITLE = 25.0
HEADLINE = 20.0
SUBJECT = 10.0
TRACKER = 5.0
LEAD = 10.0
EXPLICIT = 8.0
GIVEN = 30.0
MOVE_DAY = 12.0
MOVE_OTHER = 5.0


def _headline_end(article: Article) -> int:
    """End of a first line that reads as a headline (short, no sentence end), else 0."""
    text = article.text
    newline = text.find("\n", 0, 400)
    if newline < 0:
        return 0  # no short first line: the text starts with prose
    first = text[:newline]
    words = first.split()
    if 0 < len(words) <= 16 and not first.rstrip().endswith((".", "!", "?", "”", '"')):
        return len(first)
    return 0


def raw_scores(article: Article, title_tickers: tuple[Ticker, ...] = ()) -> dict[Ticker, float]:
    """The unsaturated score of every security and index of the article."""
    sentences = article.sentences
    lead_end = sentences[1][1] if len(sentences) > 1 else len(article.text)
    lead_end = max(lead_end, min(300, len(article.text)))
    headline_end = _headline_end(article)
    scores: dict[Ticker, float] = defaultdict(float)
    counts: dict[Ticker, int] = defaultdict(int)
    placed: set[tuple[Ticker, str]] = set()

    def once(ticker: Ticker, what: str, points: float) -> None:
        if (ticker, what) not in placed:
            placed.add((ticker, what))
            scores[ticker] += points

    subject_placed = False
    # With no headline line and no separate title, the first company the opening sentence
    # names is the article's subject ("Shares in AMD are up 130% ..."), as a headline's is.
    subject_end = headline_end
    if not headline_end and not title_tickers and sentences:
        subject_end = sentences[0][1]
    for mention in article.mentions:
        ticker = mention.ticker
        counts[ticker] += 1
        scores[ticker] += (6.0 if counts[ticker] <= 6 else 1.0) * mention.confidence
        if mention.start < headline_end:
            once(ticker, "position", HEADLINE)
        elif mention.start < lead_end:
            once(ticker, "position", LEAD)
        if mention.start < subject_end and not subject_placed and mention.kind != "index":
            # The first company a headline names is usually its grammatical subject.
            subject_placed = True
            once(ticker, "subject", SUBJECT)
        if mention.method == "explicit":
            once(ticker, "explicit", EXPLICIT)
    for position, ticker in enumerate(title_tickers):
        once(ticker, "title", TITLE + (SUBJECT if position == 0 else 0.0))
    for ticker in article.given_tickers:
        once(ticker, "given", GIVEN)
    for move in article.moves:
        scores[move.ticker] += MOVE_DAY if move.horizon == "day" else MOVE_OTHER
    return dict(scores)


def score_securities(
    article: Article,
    master: SymbolMaster,
    title_mentions: tuple[Mention, ...] = (),
) -> tuple[Security, ...]:
    """Securities of the article, most relevant first, with ``primary`` set.

    ``title_mentions`` are the mentions found in ``article.title`` when the title is not part
    of the text.
    """
    title_tickers = tuple(dict.fromkeys(m.ticker for m in title_mentions if m.kind != "index"))
    scores = raw_scores(article, title_tickers)
    if not scores:
        return ()
    _credit_trackers(scores, master)
    kinds: dict[Ticker, str] = {m.ticker: m.kind for m in (*article.mentions, *title_mentions)}
    counts: dict[Ticker, int] = defaultdict(int)
    for mention in article.mentions:
        counts[mention.ticker] += 1
    for ticker in scores:
        if ticker not in kinds:
            record = master.get(ticker)
            kinds[ticker] = (
                record.kind if record else ("index" if _index_label(ticker) else "stock")
            )
    first: dict[Ticker, int] = {}
    for mention in article.mentions:
        first.setdefault(mention.ticker, mention.start)
    ordered = sorted(scores, key=lambda t: (-scores[t], first.get(t, len(article.text)), t))
    primary = _primary(ordered, kinds, master)
    return tuple(
        Security(
            ticker=ticker,
            kind=kinds[ticker],  # type: ignore[arg-type]
            relevance=relevance(scores[ticker]),
            mentions=counts[ticker],
            primary=ticker == primary,
            name=_name(master, ticker),
        )
        for ticker in ordered
    )


def _credit_trackers(scores: dict[Ticker, float], master: SymbolMaster) -> None:
    """An ETF whose name carries an index the article discusses (SPDR S&P 500 ETF and the
    S&P 500) is the tradable form of that market story: it gains a little."""
    indexes = [master.get(t) for t in scores if (r := master.get(t)) and r.kind == "index"]
    names = {a.lower() for rec in indexes if rec for a in (rec.name, *rec.aliases) if len(a) >= 4}
    if not names:
        return
    for ticker in list(scores):
        record = master.get(ticker)
        if record and record.kind == "etf" and any(n in record.name.lower() for n in names):
            scores[ticker] += TRACKER


def relevance(score: float) -> int:
    """0-100: a passing mention scores about 15, a headline subject with a move 80 or more."""
    return max(0, min(100, round(100 * (1 - math.exp(-score / 40)))))


def _primary(
    ordered: list[Ticker], kinds: dict[Ticker, str], master: SymbolMaster
) -> Ticker | None:
    present = set(ordered)
    for ticker in ordered:
        if kinds[ticker] == "index":
            continue
        canonical = master.canonical(ticker) if ticker in master else ticker
        # A listing named only by a move defers to its company when the company is named.
        return canonical if canonical in present else ticker
    return None


def _index_label(ticker: Ticker) -> bool:
    return ticker.islower() or "_" in ticker


def _name(master: SymbolMaster, ticker: Ticker) -> str | None:
    record = master.get(ticker)
    return record.name if record else None
