"""Scoring extraction against hand-written labels, exactly as labels.md says.

- tickers: set precision/recall/F1 of ``mentioned_tickers``, counts summed over articles;
- primary accuracy: the predicted set of ``primary_tickers`` equals the gold set;
- price moves: a predicted move matches a gold move when ticker, direction and horizon agree
  and percent and price agree within 0.01 wherever both sides give them; matching is
  one-to-one (a maximum bipartite matching, so one prediction never pays for two gold moves);
- catalysts: set precision/recall/F1 over distinct (category, polarity) pairs;
- sentiment: accuracy.

The functions here are pure: a gold dict and a predicted dict (both in the labels.md shape) in,
counts out. :func:`evaluate_dir` runs the pipeline over a folder and scores it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whymove.errors import InputError

TOLERANCE = 0.01


@dataclass(frozen=True, slots=True)
class Counts:
    """True positives, false positives and false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def set_counts(gold: Iterable[Any], predicted: Iterable[Any]) -> Counts:
    """Counts of two sets (duplicates ignored)."""
    g, p = set(gold), set(predicted)
    return Counts(len(g & p), len(p - g), len(g - p))


def _close(a: float | None, b: float | None) -> bool:
    return a is None or b is None or abs(float(a) - float(b)) <= TOLERANCE + 1e-9


def moves_match(gold: Mapping[str, Any], predicted: Mapping[str, Any]) -> bool:
    """Whether one predicted move matches one gold move under the labels.md rule."""
    return (
        gold.get("ticker") == predicted.get("ticker")
        and gold.get("direction") == predicted.get("direction")
        and gold.get("horizon") == predicted.get("horizon")
        and _close(gold.get("percent"), predicted.get("percent"))
        and _close(gold.get("price"), predicted.get("price"))
    )


def move_counts(
    gold: Sequence[Mapping[str, Any]], predicted: Sequence[Mapping[str, Any]]
) -> Counts:
    """One-to-one matching of moves by augmenting paths (Kuhn's algorithm)."""
    edges = [[j for j, p in enumerate(predicted) if moves_match(g, p)] for g in gold]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    matched = sum(augment(i, set()) for i in range(len(gold)))
    return Counts(matched, len(predicted) - matched, len(gold) - matched)


def catalyst_keys(catalysts: Iterable[Mapping[str, Any]]) -> set[tuple[str, str]]:
    return {(c.get("category", ""), c.get("polarity", "")) for c in catalysts}


@dataclass(frozen=True, slots=True)
class ArticleScore:
    """Scores of one article."""

    id: str
    tickers: Counts
    primary_correct: bool
    moves: Counts
    catalysts: Counts
    sentiment_correct: bool

    @property
    def misses(self) -> int:
        """Errors of every kind together, used to list the worst articles first."""
        total = 0
        for counts in (self.tickers, self.moves, self.catalysts):
            total += counts.fp + counts.fn
        return total + (not self.primary_correct) + (not self.sentiment_correct)


def score_article(gold: Mapping[str, Any], predicted: Mapping[str, Any]) -> ArticleScore:
    """Score one prediction against its gold labels."""
    return ArticleScore(
        id=str(gold.get("id", "")),
        tickers=set_counts(
            gold.get("mentioned_tickers", []), predicted.get("mentioned_tickers", [])
        ),
        primary_correct=set(gold.get("primary_tickers", []))
        == set(predicted.get("primary_tickers", [])),
        moves=move_counts(gold.get("price_moves", []), predicted.get("price_moves", [])),
        catalysts=set_counts(
            catalyst_keys(gold.get("catalysts", [])), catalyst_keys(predicted.get("catalysts", []))
        ),
        sentiment_correct=gold.get("sentiment") == predicted.get("sentiment"),
    )


@dataclass(frozen=True, slots=True)
class Report:
    """Scores of a whole evaluation set."""

    articles: tuple[ArticleScore, ...]
    missing: tuple[str, ...] = field(default=())
    """Gold ids with no article file (scored as empty predictions)."""

    def total(self, name: str) -> Counts:
        result = Counts()
        for art in self.articles:
            result = result + getattr(art, name)
        return result

    def accuracy(self, name: str) -> float:
        if not self.articles:
            return 0.0
        return sum(getattr(a, name) for a in self.articles) / len(self.articles)

    def summary(self) -> dict[str, Any]:
        """The JSON object ``whymove eval --json`` prints last."""
        out: dict[str, Any] = {"n_articles": len(self.articles)}
        for name in ("tickers", "moves", "catalysts"):
            counts = self.total(name)
            out[f"{name}_precision"] = round(counts.precision, 4)
            out[f"{name}_recall"] = round(counts.recall, 4)
            out[f"{name}_f1"] = round(counts.f1, 4)
        out["primary_accuracy"] = round(self.accuracy("primary_correct"), 4)
        out["sentiment_accuracy"] = round(self.accuracy("sentiment_correct"), 4)
        out["missing_articles"] = list(self.missing)
        return out

    def worst(self, n: int = 5) -> list[ArticleScore]:
        """The articles with the largest misses."""
        ranked = sorted(self.articles, key=lambda a: (-a.misses, a.id))
        return [a for a in ranked[:n] if a.misses]


def load_gold(directory: Path) -> list[dict[str, Any]]:
    """The labels of ``directory/gold.jsonl``, one dict per article."""
    path = directory / "gold.jsonl"
    if not path.exists():
        raise InputError(str(directory), "no gold.jsonl in this folder")
    gold = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}", f"not JSON: {exc.msg}") from exc
        if not isinstance(record, dict) or "id" not in record:
            raise InputError(f"{path}:{number}", "each line must be an object with an 'id'")
        gold.append(record)
    return gold


def evaluate_dir(
    directory: Path, predict: Callable[[Path], Mapping[str, Any]]
) -> tuple[Report, dict[str, dict[str, Any]]]:
    """Score ``predict(ID.txt)`` against ``gold.jsonl`` for every labelled article.

    Returns the report and the predictions by id (for showing misses).
    """
    scores = []
    predictions: dict[str, dict[str, Any]] = {}
    missing = []
    for gold in load_gold(directory):
        article_id = str(gold["id"])
        path = directory / f"{article_id}.txt"
        if path.exists():
            predicted = dict(predict(path))
        else:
            missing.append(article_id)
            predicted = {}
        predictions[article_id] = predicted
        scores.append(score_article(gold, predicted))
    return Report(tuple(scores), tuple(missing)), predictions
