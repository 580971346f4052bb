"""Move extraction speed: articles per second on one core for the MOVES component alone.

Usage:
    python benchmarks/moves_bench.py [--articles N] [--sentences K]

Writes ``N`` synthetic articles of ``K`` sentences from templates here (moves of names drawn
from the built-in master, references, dates, horizons, and prose without moves), links them
once with the default linker, then times :func:`whymove.extract.moves.extract_moves` over
them. Prints the one-off cost of building the trading calendars and the extraction rate.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import time

from whymove.clean.sentences import split_sentences
from whymove.extract.dates_calendar import calendar_name, trading_calendar
from whymove.extract.moves import extract_moves
from whymove.link import builtin_master, default_linker
from whymove.model import Article, parse_timestamp

_MOVES = (
    "{name} shares rose {pct}% to ${price} on {day}.",
    "Shares of {name} fell {pct}% in premarket trading.",
    "{name} closed {pct}% lower at ${price}, while {other} gained {pct2}%.",
    "The stock has gained {pct2}% this year and is up {pct}% over the past 12 months.",
    "{name} is {pct}% below its record high.",
    "{name} and {other} rose {pct}% and {pct2}%, respectively.",
    "The Hang Seng Index ended {pct}% higher on {day}.",
    "Its Hong Kong-listed shares slipped {pct2}% last week.",
)
_PROSE = (
    "The company said demand for its products stayed firm through the quarter.",
    "Revenue rose {pct}% to $3.2 billion, while operating margin fell to 12%.",
    "Analysts at a large bank raised their price target to ${price}.",
    "Exports grew {pct}% in {day}'s data release, the statistics bureau said.",
    "The chief executive said the group would keep investing in artificial intelligence.",
)
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def _articles(count: int, sentences: int, seed: int = 7) -> list[Article]:
    rng = random.Random(seed)
    names = [r.aliases[0] for r in builtin_master() if r.kind in ("stock", "adr") and r.aliases]
    linker = default_linker()
    published = parse_timestamp("2025-02-12T21:00:00Z", "published")
    out = []
    for number in range(count):
        parts = []
        for _ in range(sentences):
            template = rng.choice(_MOVES if rng.random() < 0.4 else _PROSE)
            parts.append(
                template.format(
                    name=rng.choice(names),
                    other=rng.choice(names),
                    pct=round(rng.uniform(0.1, 12), 1),
                    pct2=round(rng.uniform(0.1, 40), 1),
                    price=round(rng.uniform(5, 500), 2),
                    day=rng.choice(_DAYS),
                )
            )
        text = " ".join(parts)
        article = Article(id=str(number), input="<bench>", text=text, published=published)
        article = dataclasses.replace(
            article, sentences=split_sentences(text), mentions=tuple(linker.find(text))
        )
        out.append(article)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--sentences", type=int, default=20)
    args = parser.parse_args()
    articles = _articles(args.articles, args.sentences)
    master = builtin_master()
    names = {
        calendar_name(r.symbol, r.kind, r.exchange, r.country)
        for r in master
        if any(m.ticker == r.symbol for a in articles for m in a.mentions)
    }
    start = time.perf_counter()
    for name in sorted(names):
        trading_calendar(name)
    print(f"calendars built once per process: {time.perf_counter() - start:.2f} s ({len(names)})")
    size = sum(len(a.text) for a in articles) / len(articles)
    extract_moves(articles[0], master)  # warm up compiled patterns
    start, cpu = time.perf_counter(), time.process_time()
    moves = sum(len(extract_moves(article, master)) for article in articles)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"{len(articles)} articles of ~{size:.0f} chars, {moves} moves found")
    print(f"extract_moves: {len(articles) / elapsed:,.0f} articles/s on one core")
    print(f"CPU time: {cpu:.2f} s ({1000 * cpu / len(articles):.2f} ms per article)")


if __name__ == "__main__":
    main()
