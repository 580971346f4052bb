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
- precision proxy: securities linked in a text of which some mention overlaps an annotation
  (a ticker code after an annotated name counts with its name; a security with no annotated
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
from whymove.link.master import SymbolMaster, builtin_master
from whymove.link.matcher import Linker, build_linker

_SKIPPED = lexicon.RESEARCH_NAMES | lexicon.MEDIA_NAMES | lexicon.PRIVATE_NAMES


def known_names(master: SymbolMaster) -> frozenset[str]:
    """Folded names of every listed security (not an index) in the master: its name, its
    aliases and their short forms. Built from the master, not the automaton, so the cut is
    the same whatever the linker's internals."""
    names: set[str] = set()
    for record in master:
        if record.kind == "index":
            continue
        for name in (record.name, *record.aliases):
            for form in (name, *derive_aliases(name, record.kind)):
                names.add(" ".join(fold(form).split()))
    return frozenset(names)


def is_known(known: frozenset[str], value: str) -> bool:
    """True when the annotated text, or its name without a legal suffix, names a security."""
    return any(" ".join(fold(f).split()) in known for f in (value, *derive_aliases(value)))


def measure(linker: Linker, records: list[dict], show: int) -> None:
    known = known_names(linker.master)
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
            if value.lower() in _SKIPPED or not is_known(known, value):
                continue
            known_total += 1
            known_hit += hit
            if not hit:
                missed[value] += 1
        found: dict[str, list[str]] = {}
        annotated: set[str] = set()
        for mention in mentions:
            found.setdefault(mention.ticker, []).append(text[mention.start : mention.end])
            if any(mention.start < end and start < mention.end for start, end, _ in spans):
                annotated.add(mention.ticker)
        for ticker, surfaces in found.items():
            predicted += 1
            if ticker in annotated:
                predicted_hit += 1
            else:
                unmatched[f"{ticker} <- {surfaces[0]}"] += 1
    print(
        f"texts: {len(records)}, annotated entities: {gold_total}, linked securities: {predicted}"
    )
    print(f"span recall (all annotations):        {gold_hit / max(gold_total, 1):.3f}")
    print(f"known recall ({known_total} in the master):   {known_hit / max(known_total, 1):.3f}")
    print(f"precision proxy (annotated securities): {predicted_hit / max(predicted, 1):.3f}")
    if show:
        print(f"most missed known entities: {missed.most_common(show)}")
        print(f"most frequent unannotated securities: {unmatched.most_common(show)}")


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
