"""What one batch writes, and how articles and their facts become table rows."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

from whymove.model import Article, RawDocument, evidence
from whymove.sources.base import FetchState


@dataclass(frozen=True, slots=True)
class ArticleWrite:
    """A processed article and what identifies it: its raw text's hash, story and signature."""

    article: Article
    raw: RawDocument
    raw_hash: str
    story_id: str
    signature: bytes
    pipeline_version: str


@dataclass(frozen=True, slots=True)
class RejectWrite:
    """One rejected input; ``hash`` identifies it, so a rejection is recorded once."""

    input: str
    reason: str
    error: str
    hash: str

    @classmethod
    def of(cls, input_name: str, reason: str, error: str, content: str = "") -> RejectWrite:
        digest = hashlib.sha256(f"{input_name}\0{reason}\0{content}".encode()).hexdigest()
        return cls(input_name, reason, error, digest[:32])


@dataclass(slots=True)
class Batch:
    """Everything one transaction writes."""

    articles: list[ArticleWrite] = field(default_factory=list)
    rejects: list[RejectWrite] = field(default_factory=list)
    fetch_states: list[FetchState] = field(default_factory=list)
    lines: list[tuple[str, str]] = field(default_factory=list)
    """``(source, line_key)`` once per article a line appears in."""

    def __len__(self) -> int:
        return len(self.articles) + len(self.rejects) + len(self.fetch_states)


def article_row(write: ArticleWrite, now: dt.datetime) -> dict[str, Any]:
    art, raw = write.article, write.raw
    return {
        "id": art.id,
        "story_id": write.story_id,
        "raw_hash": write.raw_hash,
        "input": art.input,
        "url": art.url,
        "source": art.source,
        "author": raw.author,
        "title": art.title,
        "published": art.published,
        "published_inferred": art.published_inferred,
        "text": art.text,
        "raw_text": art.raw_text or raw.text,
        "html": raw.html,
        "given_tickers": list(art.given_tickers),
        "boilerplate": list(art.boilerplate),
        "sentences": [list(span) for span in art.sentences],
        "pipeline_version": write.pipeline_version,
        "failures": [dataclasses.asdict(f) for f in art.failures],
        "minhash": write.signature,
        "ingested_at": now,
        "processed_at": now,
    }


def fact_rows(art: Article) -> dict[str, list[dict[str, Any]]]:
    """Rows of the fact tables for one article, evidence text included."""
    text = art.text
    return {
        "securities": [
            {"article_id": art.id, "ticker": s.ticker, "kind": s.kind, "name": s.name,
             "relevance": s.relevance, "mentions": s.mentions, "is_primary": s.primary}
            for s in _unique_securities(art)
        ],
        "mentions": [
            {"article_id": art.id, "seq": i, "ticker": m.ticker, "span_start": m.start,
             "span_end": m.end, "kind": m.kind, "method": m.method, "confidence": m.confidence}
            for i, m in enumerate(art.mentions)
        ],
        "moves": [
            {"article_id": art.id, "seq": i, "ticker": m.ticker, "direction": m.direction,
             "percent": m.percent, "price": m.price, "currency": m.currency,
             "session": m.session, "horizon": m.horizon, "date": m.date,
             "date_end": m.date_end, "date_inferred": m.date_inferred,
             "confidence": m.confidence, "span_start": m.start, "span_end": m.end,
             "evidence": m.evidence(text)}
            for i, m in enumerate(art.moves)
        ],
        "catalysts": [
            {"article_id": art.id, "seq": i, "ticker": c.ticker, "category": c.category,
             "polarity": c.polarity, "actor": c.actor, "confidence": c.confidence,
             "weight": c.weight, "background": c.background, "cue": c.cue,
             "span_start": c.start, "span_end": c.end,
             "evidence": evidence(text, *art.sentence_at(c.start))}
            for i, c in enumerate(art.catalysts)
        ],
        "sentiment": [
            {"article_id": art.id, "seq": i, "ticker": s.ticker, "label": s.label,
             "score": s.score, "spans": [list(span) for span in s.spans],
             "evidence": [evidence(text, a, b) for a, b in s.spans[:3]]}
            for i, s in enumerate(art.sentiments)
        ],
    }  # fmt: skip


def _unique_securities(art: Article) -> list[Any]:
    seen: set[str] = set()
    out = []
    for sec in art.securities:
        if sec.ticker not in seen:
            seen.add(sec.ticker)
            out.append(sec)
    return out
