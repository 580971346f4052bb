"""Sentiment per sentence, per entity, per security and per article, with the sentences behind it.

All levels rest on the finance lexicon (:func:`whymove.extract.lexicon.score_text`), which
scores the effect on shareholders rather than tone. An entity's sentiment reads the clause that
names it ("Gold shines; silver dull"). A security's sentiment in an article weighs the sentences
about it (by name, ticker or "the company"/"its shares"), its stated price moves (a stated fall
is negative news for the holder, whatever the words around it) and the polarity of the
catalysts found for it; the article's sentiment is its tone toward the primary security.

Example:
    >>> sentence_sentiment("Net sales rose 12% and the operating loss narrowed.")[0]
    'positive'
    >>> entity_sentiment("Gold shines on seasonal demand; silver dull", "silver")[0]
    'negative'
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools

from whymove.component import Component
from whymove.extract.lexicon import Score, label, score_text
from whymove.extract.sentiment_scope import (
    clause_weights,
    find_entity,
    refers_to_subject,
    role_factor,
)
from whymove.model import Article, Mention, Polarity, Sentiment, Ticker

SENTENCE_THRESHOLD = 0.5
"""|score| below this is neutral: most financial sentences report without judging."""
ARTICLE_THRESHOLD = 0.8
# Weight of one stated move of the security itself, by horizon: today's move is the news.
_MOVE_WEIGHT = {"day": 2.5, "week": 1.2, "month": 1.0, "since": 0.8, "ytd": 0.6, "year": 0.5}
_MOVE_SIGN = {"up": 1.0, "down": -1.0, "flat": 0.0}


def sentence_sentiment(text: str) -> tuple[Polarity, float]:
    """The label and signed score of one sentence, from the investor's point of view."""
    value = score_text(text).value
    return _label(value, SENTENCE_THRESHOLD), value


def entity_sentiment(text: str, entity: str) -> tuple[Polarity, float]:
    """The label and score of ``text`` toward ``entity`` (a name as written in the text).

    Cues in the clause that names the entity count fully; cues in a clause about another
    subject count little. When the entity is not found, the whole text is scored.
    """
    spans = find_entity(text, entity)
    score = score_text(text, subjects=spans)
    if not spans:
        return _label(score.value, SENTENCE_THRESHOLD), score.value
    weights = clause_weights(text, spans)
    value = sum(cue.value * weights(cue.start) for cue in score.cues) * role_factor(text, spans)
    return _label(value, SENTENCE_THRESHOLD), value


def security_sentiment(
    article: Article,
    ticker: Ticker,
    primary: bool,
    scores: dict[tuple[int, int], Score] | None = None,
) -> Sentiment:
    """The tone of ``article`` toward one security, with the sentences that drove it.

    ``scores`` are the lexicon scores of the article's sentences, computed once for all
    securities by :func:`article_sentiment`.
    """
    if scores is None:
        scores = _sentence_scores(article)
    contributions: dict[tuple[int, int], float] = {}
    for index, ((start, end), present) in enumerate(
        zip(article.sentences, _mentions_by_sentence(article), strict=True)
    ):
        mine = [(m.start - start, m.end - start) for m in present if m.ticker == ticker]
        score = scores[(start, end)]
        if mine:
            weights = clause_weights(article.text[start:end], mine)
            value = sum(cue.value * weights(cue.start - start) for cue in score.cues)
        elif primary and refers_to_subject(article.text[start:end]):
            value = score.value
        elif primary and not any(m.ticker != ticker for m in present):
            value = score.value * 0.5
        else:
            value = score.value * 0.2
        if index == 0:
            value *= 1.5
        if value:
            contributions[(start, end)] = value
    for move in article.moves:
        if move.ticker == ticker:
            span = article.sentence_at(move.start)
            weight = _MOVE_WEIGHT.get(move.horizon, 0.5) * _MOVE_SIGN[move.direction]
            contributions[span] = contributions.get(span, 0.0) + weight
    for catalyst in article.catalysts:
        if catalyst.ticker == ticker and catalyst.polarity != "neutral":
            sign = 1.0 if catalyst.polarity == "positive" else -1.0
            weight = 0.3 if catalyst.background else 0.8
            span = article.sentence_at(catalyst.start)
            contributions[span] = contributions.get(span, 0.0) + sign * weight
    total = sum(contributions.values())
    polarity = _label(total, ARTICLE_THRESHOLD)
    ranked = sorted(contributions.items(), key=lambda item: -_agreement(item[1], polarity))
    driving = tuple(span for span, value in ranked if value)[:5]
    return Sentiment(polarity, max(-1.0, min(1.0, total / 6.0)), ticker, driving)


def _mentions_by_sentence(article: Article) -> list[list[Mention]]:
    """The mentions starting in each sentence, in article order.

    Sentences from :func:`~whymove.clean.sentences.split_sentences` are sorted and disjoint,
    so each mention finds its sentence by bisection instead of a scan of all mentions per
    sentence and security.
    """
    spans = article.sentences
    found: list[list[Mention]] = [[] for _ in spans]
    ordered = all(a[1] <= b[0] and a[0] <= a[1] for a, b in itertools.pairwise(spans))
    starts = [a for a, _ in spans]
    for mention in article.mentions:
        if not ordered:
            for index, (start, end) in enumerate(spans):
                if start <= mention.start < end:
                    found[index].append(mention)
            continue
        index = bisect.bisect_right(starts, mention.start) - 1
        if index >= 0 and mention.start < spans[index][1]:
            found[index].append(mention)
    return found


def _agreement(value: float, polarity: str) -> float:
    """Sort key: sentences agreeing with the label first, strongest first."""
    sign = {"positive": 1.0, "negative": -1.0}.get(polarity, 0.0)
    return value * sign if sign else abs(value)


def article_sentiment(article: Article) -> tuple[Sentiment, ...]:
    """Sentiment toward every linked security, and the article's (toward its primary)."""
    primary = next((s.ticker for s in article.securities if s.primary), None)
    scores = _sentence_scores(article)
    per_security = [
        security_sentiment(article, sec.ticker, sec.ticker == primary, scores)
        for sec in article.securities
        if sec.kind != "index"
    ]
    main = next((s for s in per_security if s.ticker == primary), None)
    if main is None:
        main = _whole_article(article)
    overall = dataclasses.replace(main, ticker=None)
    return (overall, *per_security)


def _whole_article(article: Article) -> Sentiment:
    """The tone of an article with no primary security: all its sentences alike."""
    values = {span: score.value for span, score in _sentence_scores(article).items()}
    total = sum(values.values())
    polarity = _label(total, ARTICLE_THRESHOLD)
    ranked = sorted(values.items(), key=lambda item: -_agreement(item[1], polarity))
    spans = tuple(span for span, value in ranked if value)[:5]
    return Sentiment(polarity, max(-1.0, min(1.0, total / 6.0)), None, spans)


def _sentence_scores(article: Article) -> dict[tuple[int, int], Score]:
    """The lexicon score of every sentence, cue spans in article offsets."""
    return {(a, b): score_text(article.text, a, b) for a, b in article.sentences}


def _label(value: float, threshold: float) -> Polarity:
    return label(value, threshold)  # type: ignore[return-value]


def sentiment_component(article: Article) -> Article:
    return dataclasses.replace(article, sentiments=article_sentiment(article))


SENTIMENT = Component(
    "whymove.sentiment",
    2,
    sentiment_component,
    requires=frozenset({"sentences", "mentions", "securities", "moves", "catalysts"}),
    assigns=frozenset({"sentiments"}),
)
