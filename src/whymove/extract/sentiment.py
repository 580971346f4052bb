"""Sentiment per security and per article from the finance lexicon and the stated moves."""

from __future__ import annotations

import dataclasses

from whymove.component import Component
from whymove.extract.lexicon import polarity_score
from whymove.model import Article, Sentiment


def article_sentiment(article: Article) -> tuple[Sentiment, ...]:
    """The article's tone toward its primary security, explained by its strongest sentences."""
    primary = next((s.ticker for s in article.securities if s.primary), None)
    scored = []
    for start, end in article.sentences:
        score = polarity_score(article.text[start:end])
        if score:
            scored.append((score, (start, end)))
    total = sum(score for score, _ in scored)
    for move in article.moves:
        if move.ticker == primary and move.horizon == "day":
            total += {"up": 2.0, "down": -2.0, "flat": 0.0}[move.direction]
    label = "positive" if total > 0.5 else "negative" if total < -0.5 else "neutral"
    norm = max(-1.0, min(1.0, total / 5))
    spans = tuple(span for _, span in sorted(scored, key=lambda s: -abs(s[0]))[:5])
    sentiments = [Sentiment(label, norm, None, spans)]  # type: ignore[arg-type]
    if primary:
        sentiments.append(Sentiment(label, norm, primary, spans))  # type: ignore[arg-type]
    return tuple(sentiments)


def sentiment_component(article: Article) -> Article:
    return dataclasses.replace(article, sentiments=article_sentiment(article))


SENTIMENT = Component(
    "whymove.sentiment",
    1,
    sentiment_component,
    requires=frozenset({"sentences", "securities", "moves"}),
    assigns=frozenset({"sentiments"}),
)
