"""Sentiment accuracy of whymove against VADER on public finance sets; prints one table.

    python benchmarks/sentiment.py [DATA_DIR]

DATA_DIR defaults to ../shared/data and must hold:

- ``phrasebank/Sentences_AllAgree.utf8.txt`` (UTF-8) and ``phrasebank/Sentences_50Agree.txt``
  (ISO-8859-1): Financial PhraseBank v1.0, one ``sentence@label`` per line; scored by
  :func:`whymove.extract.sentiment.sentence_sentiment`, 3-class accuracy and macro-F1;
- ``sentfin/SEntFiN.csv``: SEntFiN headlines, ``Title`` and ``Decisions`` (a Python-dict
  string ``{entity: label}``, a few of them with unbalanced quotes); scored per entity by
  :func:`whymove.extract.sentiment.entity_sentiment`.

VADER (``vaderSentiment``) is scored on the same items with its usual compound cut-offs
(>= 0.05 positive, <= -0.05 negative); it has no notion of an entity, so it labels the whole
headline. These sets measure; nothing in whymove is learned from them.
"""

from __future__ import annotations

import ast
import csv
import re
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from whymove.extract.sentiment import entity_sentiment, sentence_sentiment

LABELS = ("negative", "neutral", "positive")
TARGETS = {"PhraseBank AllAgree": 0.85, "PhraseBank 50Agree": 0.72, "SEntFiN (entity)": 0.75}
_DECISION = re.compile(r"""['"](.+?)['"]\s*:\s*['"](positive|negative|neutral)['"]""")


def read_lines(path: Path) -> list[str]:
    """The lines of a file in UTF-8, or ISO-8859-1 when it is not valid UTF-8."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("iso-8859-1")
    return text.splitlines()


def phrasebank(path: Path) -> list[tuple[str, str]]:
    """(sentence, label) pairs of a PhraseBank file."""
    rows = []
    for line in read_lines(path):
        sentence, _, label = line.strip().rpartition("@")
        if sentence and label in LABELS:
            rows.append((sentence, label))
    return rows


def sentfin(path: Path) -> list[tuple[str, str, str]]:
    """(headline, entity, label) triples of SEntFiN, with a tolerant parse of Decisions."""
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle):
            try:
                decisions = ast.literal_eval(record["Decisions"])
            except (ValueError, SyntaxError):
                decisions = dict(_DECISION.findall(record["Decisions"]))
            for entity, label in decisions.items():
                if label in LABELS:
                    rows.append((record["Title"], entity, label))
    return rows


def scores(gold: list[str], predicted: list[str]) -> tuple[float, float]:
    """Accuracy and macro-F1 over the three labels."""
    accuracy = sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold)
    f1s = []
    for label in LABELS:
        tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(p == label != g for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label != p for g, p in zip(gold, predicted, strict=True))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return accuracy, sum(f1s) / len(f1s)


def vader() -> Callable[[str], str]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()

    def classify(text: str) -> str:
        compound = analyzer.polarity_scores(text)["compound"]
        return "positive" if compound >= 0.05 else "negative" if compound <= -0.05 else "neutral"

    return classify


def timed(items: Iterable[str], func: Callable[[str], str]) -> tuple[list[str], float]:
    start = time.perf_counter()
    out = [func(item) for item in items]
    return out, time.perf_counter() - start


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/data")
    sets = {
        "PhraseBank AllAgree": root / "phrasebank" / "Sentences_AllAgree.utf8.txt",
        "PhraseBank 50Agree": root / "phrasebank" / "Sentences_50Agree.txt",
        "SEntFiN (entity)": root / "sentfin" / "SEntFiN.csv",
    }
    missing = [str(p) for p in sets.values() if not p.exists()]
    if missing:
        sys.exit(f"missing data files: {', '.join(missing)}")
    baseline = vader()
    header = (
        f"{'data set':<22}{'n':>7}  {'whymove acc':>11}{'macro-F1':>10}  "
        f"{'VADER acc':>9}{'macro-F1':>10}  {'target':>6}  {'whymove/s':>9}"
    )
    print(header)
    print("-" * len(header))
    for name, path in sets.items():
        if name.startswith("SEntFiN"):
            triples = sentfin(path)
            gold = [label for _, _, label in triples]
            ours, seconds = timed(
                (f"{text}\x00{entity}" for text, entity, _ in triples),
                lambda item: entity_sentiment(*item.split("\x00"))[0],
            )
            theirs = [baseline(text) for text, _, _ in triples]
        else:
            pairs = phrasebank(path)
            gold = [label for _, label in pairs]
            ours, seconds = timed((s for s, _ in pairs), lambda s: sentence_sentiment(s)[0])
            theirs = [baseline(s) for s, _ in pairs]
        acc, f1 = scores(gold, ours)
        vacc, vf1 = scores(gold, theirs)
        mark = "ok" if acc >= TARGETS[name] else "BELOW"
        print(
            f"{name:<22}{len(gold):>7}  {acc:>11.4f}{f1:>10.4f}  {vacc:>9.4f}{vf1:>10.4f}  "
            f"{TARGETS[name]:>6.2f}  {len(gold) / seconds:>9.0f}  {mark}"
        )


if __name__ == "__main__":
    main()
