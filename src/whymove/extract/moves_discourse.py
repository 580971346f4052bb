"""What an article has said so far: the securities it named and the subjects of its moves.

References ("the stock", "its shares", "the index", "it", "all three stocks") resolve against
this record, one article at a time.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from whymove.link.master import SymbolMaster
from whymove.model import Mention

STOCK_KINDS = frozenset({"stock", "adr", "etf"})


@dataclass(frozen=True, slots=True)
class Subject:
    """Who moved: one or more tickers, where the subject phrase starts, and how it was found
    (name, reference, group or inherited)."""

    tickers: tuple[str, ...]
    start: int
    how: str
    end: int = -1
    """Where the subject phrase ends when it follows the move word ("a 3% drop in Alibaba")."""


@dataclass(slots=True)
class Discourse:
    """What one article has said so far: mentions, and the subjects of the moves found.

    Built per article by the extractor and discarded after it (never shared between
    articles), it answers "which security does *the stock* mean here?".
    """

    mentions: tuple[Mention, ...]
    sentences: tuple[tuple[int, int], ...]
    master: SymbolMaster
    subjects: list[tuple[int, tuple[str, ...]]] = field(default_factory=list)
    kinds: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for mention in self.mentions:
            self.kinds.setdefault(mention.ticker, mention.kind)

    def kind(self, ticker: str) -> str:
        if ticker in self.kinds:
            return self.kinds[ticker]
        record = self.master.get(ticker)
        return record.kind if record else "stock"

    def remember(self, sentence: int, tickers: tuple[str, ...]) -> None:
        self.subjects.append((sentence, tickers))

    def _fits(self, ticker: str, want: str) -> bool:
        kind = self.kind(ticker)
        if want == "any":
            return True
        if want == "stock":
            return kind in ("stock", "adr")
        return kind == want

    def _counts(self, before: int) -> Counter[str]:
        return Counter(m.ticker for m in self.mentions if m.start < before)

    def antecedent(
        self, want: str, pos: int, sentence: int, possessive: bool = False
    ) -> str | None:
        """The nearest fitting antecedent of a reference at ``pos`` in sentence ``sentence``.

        A possessive ("its shares") looks first at its own sentence; other references ("the
        stock", "it", "the index") first at the subject of the latest move nearby, then at the
        securities named in the sentences just before.
        """
        recent = self._recent_subject(want, sentence)
        own = self._in_sentence(want, pos, sentence)
        if possessive and own:
            return own
        if recent and recent[0] >= self._last_named(want, pos):
            return recent[1]
        if own:
            return own
        counts = self._counts(pos)
        for back in range(sentence - 1, max(-1, sentence - 4), -1):
            start, end = self.sentences[back]
            fitting = [
                m for m in self.mentions if start <= m.start < end and self._fits(m.ticker, want)
            ]
            if fitting:
                return max(fitting, key=lambda m: (counts[m.ticker], -m.start)).ticker
        fitting_all = [t for t in counts if self._fits(t, want)]
        if fitting_all and want != "any":
            return max(fitting_all, key=lambda t: counts[t])
        return None

    def _recent_subject(self, want: str, sentence: int) -> tuple[int, str] | None:
        for number, tickers in reversed(self.subjects):
            if number < sentence - 2:
                break
            if len(tickers) != 1:
                continue
            kind = self.kind(tickers[0])
            if want == "any" or kind == want or (want == "stock" and kind in STOCK_KINDS):
                return number, tickers[0]
        return None

    def _last_named(self, want: str, pos: int) -> int:
        """The sentence of the latest fitting security named before ``pos`` (-1 if none)."""
        for mention in reversed(self.mentions):
            if mention.start < pos and self._fits(mention.ticker, want):
                return next(
                    (i for i, (a, b) in enumerate(self.sentences) if a <= mention.start < b), -1
                )
        return -1

    def _in_sentence(self, want: str, pos: int, sentence: int) -> str | None:
        start = self.sentences[sentence][0] if sentence < len(self.sentences) else 0
        fitting = [
            m for m in self.mentions if start <= m.start < pos and self._fits(m.ticker, want)
        ]
        return fitting[0].ticker if fitting else None

    def group(self, count: int, pos: int, sentence: int) -> tuple[str, ...]:
        """The last ``count`` distinct stocks named before ``pos`` ("all three stocks")."""
        found: list[str] = []
        for mention in sorted(self.mentions, key=lambda m: -m.start):
            if mention.start >= pos or not self._fits(mention.ticker, "stock"):
                continue
            if self.sentences and mention.start < self.sentences[max(0, sentence - 3)][0]:
                break
            if mention.ticker not in found:
                found.append(mention.ticker)
            if len(found) == count:
                return tuple(reversed(found))
        return ()
