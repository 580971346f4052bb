"""Relevance 0-100 of each linked security, and the primary security of an article.

A security the headline or lead names, that carries an explicit ticker tag, is named often and
is the subject of a stated move is what the article is about; a name in passing is not.
"""

from __future__ import annotations

from collections import defaultdict

from whymove.link.master import SymbolMaster
from whymove.model import Article, Security


def score_securities(article: Article, master: SymbolMaster) -> tuple[Security, ...]:
    """Securities of the article, most relevant first, with ``primary`` set."""
    lead_end = article.sentences[1][1] if len(article.sentences) > 1 else len(article.text)
    scores: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    kinds: dict[str, str] = {}
    for mention in article.mentions:
        counts[mention.ticker] += 1
        kinds[mention.ticker] = mention.kind
        scores[mention.ticker] += 6.0 if counts[mention.ticker] <= 6 else 1.0
        if mention.start < lead_end:
            scores[mention.ticker] += 18.0 if mention.start < 200 else 8.0
        if mention.method == "explicit":
            scores[mention.ticker] += 6.0
    for move in article.moves:
        if move.ticker in scores:
            scores[move.ticker] += 10.0 if move.horizon == "day" else 4.0
    if article.title:
        title = article.title.lower()
        for ticker in scores:
            record = master.get(ticker)
            names = (ticker.lower(), *(a.lower() for a in record.aliases)) if record else ()
            if any(name and name in title for name in names):
                scores[ticker] += 20.0
    if not scores:
        return ()
    top = max(scores.values())
    ordered = sorted(scores, key=lambda t: (-scores[t], t))
    primary_ticker = next((t for t in ordered if kinds[t] != "index"), None)
    result = []
    for ticker in ordered:
        record = master.get(ticker)
        result.append(
            Security(
                ticker=ticker,
                kind=kinds[ticker],  # type: ignore[arg-type]
                relevance=round(100 * scores[ticker] / top) if top else 0,
                mentions=counts[ticker],
                primary=ticker == primary_ticker,
                name=record.name if record else None,
            )
        )
    return tuple(result)
