"""How well the linker finds the companies of FinEntity: a recall/precision proxy on real news.

Usage:
    python benchmarks/link_finentity.py [--data FILE] [--symbols DIR] [--show N]

FinEntity (../shared/data/finentity/FinEntity.json, see ../shared/data/SOURCES.md) is 979
Reuters-style snippets whose financial entities are annotated with character spans. The
annotations are not tickers: they include indexes, central banks, private firms, crypto
exchanges, data vendors and banks quoted as sources, which labels.md says are not mentions.
So the numbers are a proxy, printed in three cuts:

- span recall: annotated entities that a mention overlaps, over all annotations;
- known recall: the same over annotations whose text is a name of a security in the master
  (the entities the linker could find), excluding sources, media and private names, which it
  is meant to skip;
- precision proxy: mentions of listed securities that overlap an annotation (an unannotated
  mention is either a linker error or an entity the annotators left out).

A measurement only: nothing here feeds the linker's rules or data.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

from whymove.link import lexicon
from whymove.link.aliases import derive_aliases, fold
from whymove.link.loaders import load_file
from whymove.link.master import builtin_master
from whymove.link.matcher import Linker, build_linker

_SKIPPED = lexicon.RESEARCH_NAMES | lexicon.MEDIA_NAMES | lexicon.PRIVATE_NAMES


def is_known(linker: Linker, value: str) -> bool:
    """True when the annotated text (or its name without a legal suffix) is an alias key."""
    forms = (value, *derive_aliases(value))
    return any(linker.names.exists(f" {fold(form).strip()} ") for form in forms if form.strip())


def measure(linker: Linker, records: list[dict], show: int) -> None:
    gold_total = gold_hit = known_total = known_hit = 0
    predicted = predicted_hit = 0
    missed: collections.Counter[str] = collections.Counter()
    unmatched: collections.Counter[str] = collections.Counter()
    for record in records:
        text = record["content"]
        mentions = [m for m in linker.find(text) if m.kind != "index"]
        spans = [(a["start"], a["end"], a["value"]) for a in record.get("annotations", [])]
        for start, end, value in spans:
            hit = any(m.start < end and start < m.end for m in mentions)
            gold_total += 1
            gold_hit += hit
            if value.lower() in _SKIPPED or not is_known(linker, value):
                continue
            known_total += 1
            known_hit += hit
            if not hit:
                missed[value] += 1
        for mention in mentions:
            predicted += 1
            if any(mention.start < end and start < mention.end for start, end, _ in spans):
                predicted_hit += 1
            else:
                unmatched[f"{mention.ticker} <- {text[mention.start : mention.end]}"] += 1
    print(f"texts: {len(records)}, annotated entities: {gold_total}, mentions: {predicted}")
    print(f"span recall (all annotations):        {gold_hit / max(gold_total, 1):.3f}")
    print(
        f"known recall ({known_total} in the master):   {known_hit / max(known_total, 1):.3f}"
    )
    print(f"precision proxy (annotated mentions): {predicted_hit / max(predicted, 1):.3f}")
    if show:
        print(f"most missed known entities: {missed.most_common(show)}")
        print(f"most frequent unannotated mentions: {unmatched.most_common(show)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    shared = Path(__file__).resolve().parents[2] / "shared" / "data"
    parser.add_argument("--data", type=Path, default=shared / "finentity" / "FinEntity.json")
    parser.add_argument("--symbols", type=Path, default=None, help="also load listing files")
    parser.add_argument("--show", type=int, default=15)
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"no FinEntity file at {args.data}: nothing to measure")
        return 0
    records = json.loads(args.data.read_text(encoding="utf-8"))
    master = builtin_master()
    if args.symbols is not None and args.symbols.is_dir():
        loaded = [
            record
            for path in sorted(args.symbols.iterdir())
            if path.suffix in (".txt", ".json", ".csv")
            for record in load_file(path)
        ]
        master = master.merged(loaded)
    measure(build_linker(master), records, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
