"""Sentence spans over the cleaned text.

Every line break ends a sentence (news text puts headlines, bullets and paragraphs on lines
of their own). Inside a line, a sentence ends at ``.``, ``!`` or ``?`` followed by a space and
an upper-case letter, a digit or a quote, unless the period closes an abbreviation (U.S.,
Inc., Corp., Jan., Mr.) or an initial.
"""

from __future__ import annotations

import dataclasses
import re

from whymove.component import Component
from whymove.model import Article

_ABBREVIATIONS = frozenset(
    "u.s u.k u.n e.u inc corp co ltd plc llc l.p mr mrs ms dr prof st sr jr vs etc e.g i.e "
    "no nos jan feb mar apr jun jul aug sep sept oct nov dec approx est dept gov sen rep "
    "a.m p.m n.v s.a ag se bhd mt fig al".split()
)
_BOUNDARY = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9$])")
_LAST_TOKEN = re.compile(r"(\S+)$")


def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of the sentences of ``text``, whitespace trimmed, in order."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        start = line_start
        for match in _BOUNDARY.finditer(line):
            end = line_start + match.start() + 1
            token = _LAST_TOKEN.search(text[start:end])
            word = token.group(1).rstrip(".!?").lower().lstrip('("“') if token else ""
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
            _add(spans, text, start, line_start + match.end())
            start = line_start + match.end()
        _add(spans, text, start, line_start + len(line))
    return tuple(spans)


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def sentence_split(article: Article) -> Article:
    return dataclasses.replace(article, sentences=split_sentences(article.text))


SENTENCES = Component(
    "whymove.sentences",
    1,
    sentence_split,
    requires=frozenset({"text"}),
    assigns=frozenset({"sentences"}),
)
