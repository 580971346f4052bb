"""Price moves stated in the text: direction, size, price, session, horizon and date.

A move is a percent or a direction verb tied to a security (by name or ticker in the same
clause, or by "the stock"/"shares" to the nearest earlier security).
"""

from __future__ import annotations

import dataclasses
import re

from whymove.component import Component
from whymove.extract.dates import find_day
from whymove.model import Article, Mention, PriceMove

_UP = r"rose|rises|rising|gained|gains|jumped|jumps|soared|soars|surged|surges|climbed|climbs|rallied|rallies|advanced|advances|added|adds|higher|up|increased|rebounded|spiked|popped"
_DOWN = r"fell|falls|falling|dropped|drops|sank|sinks|tumbled|tumbles|plunged|plunges|slid|slides|declined|declines|lost|loses|shed|sheds|lower|down|decreased|slipped|slumped|retreated"
_DIRECTION = re.compile(rf"\b(?:(?P<up>{_UP})|(?P<down>{_DOWN})|(?P<flat>flat|unchanged))\b", re.I)
_PERCENT = re.compile(r"(?<![\w.])(\d{1,4}(?:\.\d+)?)\s?(?:%|percent\b|per cent\b)")
_PRICE = re.compile(r"(?:\bat|\bto|\breach)\s+(?:about\s+|around\s+)?(\$|HK\$|€|£|¥)\s?(\d[\d,]*(?:\.\d+)?)")
_NOT_PRICE_SUBJECT = re.compile(
    r"\b(exports?|imports?|revenue|sales|profit|earnings|income|surplus|growth|margin|"
    r"inflation|gdp|unemployment|rates?|yield|stake|ownership)\b",
    re.I,
)
_HORIZONS = (
    (re.compile(r"\byear[- ]to[- ]date\b|\bthis year\b|\bso far (?:this|in) (?:the )?year\b|\bytd\b", re.I), "ytd"),
    (re.compile(r"\b(?:past|last|preceding|trailing) (?:twelve|12) months\b|\bpast year\b|\bover the (?:past|last) year\b", re.I), "year"),
    (re.compile(r"\bsince\b", re.I), "since"),
    (re.compile(r"\b(?:this|last|past) week\b|\bweekly\b", re.I), "week"),
    (re.compile(r"\b(?:this|last|past) month\b|\bmonthly\b", re.I), "month"),
    (re.compile(r"\b(?:past|last) (?:two|three|four|five|\d+) years\b", re.I), "multi_year"),
)
_SESSIONS = (
    (re.compile(r"\bpre-?market\b|\bbefore the (?:opening )?bell\b", re.I), "premarket"),
    (re.compile(r"\bafter[- ]hours\b|\bextended trading\b|\bafter the (?:closing )?bell\b|\bpost-?market\b", re.I), "after_hours"),
    (re.compile(r"\bclos(?:ed|ing)\b|\bsettled\b|\bended\b", re.I), "regular"),
)
_STOCK_REF = re.compile(r"\b(?:the stock|shares|stock|the company'?s? (?:stock|shares)|the index)\b", re.I)


def extract_moves(article: Article) -> tuple[PriceMove, ...]:
    """Every stated move, attributed to a security or index."""
    published = article.published.date() if article.published else None
    moves: list[PriceMove] = []
    mentions = sorted(article.mentions, key=lambda m: m.start)
    last_subject: Mention | None = None
    for start, end in article.sentences:
        sentence = article.text[start:end]
        in_sentence = [m for m in mentions if start <= m.start < end]
        for match in _DIRECTION.finditer(sentence):
            direction = "up" if match.group("up") else "down" if match.group("down") else "flat"
            clause_end = _clause_end(sentence, match.end())
            clause = sentence[match.start():clause_end]
            before = sentence[: match.start()]
            subject = _subject(in_sentence, start + match.start(), last_subject, before)
            if subject is None or _NOT_PRICE_SUBJECT.search(before[-40:]):
                continue
            pct = _PERCENT.search(clause)
            if pct is None and not _STOCK_REF.search(before) and not in_sentence:
                continue
            price = _PRICE.search(clause)
            day, inferred = find_day(sentence, published)
            moves.append(
                PriceMove(
                    ticker=subject.ticker,
                    direction=direction,  # type: ignore[arg-type]
                    start=start,
                    end=end,
                    percent=float(pct.group(1)) if pct else None,
                    price=float(price.group(2).replace(",", "")) if price else None,
                    currency=_currency(price.group(1)) if price else None,
                    session=_first(_SESSIONS, sentence),  # type: ignore[arg-type]
                    horizon=_first(_HORIZONS, sentence) or "day",  # type: ignore[arg-type]
                    date=day,
                    date_inferred=inferred,
                    confidence=0.8 if pct else 0.5,
                )
            )
            break
        if in_sentence:
            last_subject = in_sentence[0]
    return tuple(_dedupe(moves))


def _clause_end(sentence: str, pos: int) -> int:
    stop = re.compile(r"[;]|,\s+(?:while|but|and|as|after)\b")
    match = stop.search(sentence, pos)
    return match.start() if match else len(sentence)


def _subject(
    in_sentence: list[Mention], offset: int, last: Mention | None, before: str
) -> Mention | None:
    preceding = [m for m in in_sentence if m.start < offset]
    if preceding:
        return preceding[-1]
    if _STOCK_REF.search(before) and last is not None:
        return last
    return None


def _first(table: tuple[tuple[re.Pattern[str], str], ...], text: str) -> str | None:
    for pattern, value in table:
        if pattern.search(text):
            return value
    return None


def _currency(symbol: str) -> str:
    return {"$": "USD", "HK$": "HKD", "€": "EUR", "£": "GBP", "¥": "JPY"}.get(symbol, "USD")


def _dedupe(moves: list[PriceMove]) -> list[PriceMove]:
    seen: set[tuple[object, ...]] = set()
    out = []
    for move in moves:
        key = (move.ticker, move.direction, move.horizon, move.percent, move.price)
        if key not in seen:
            seen.add(key)
            out.append(move)
    return out


def moves_component(article: Article) -> Article:
    return dataclasses.replace(article, moves=extract_moves(article))


MOVES = Component(
    "whymove.moves",
    1,
    moves_component,
    requires=frozenset({"sentences", "mentions"}),
    assigns=frozenset({"moves"}),
)
