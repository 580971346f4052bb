"""The subject of an article for catalyst detection: its ticker, where it is named, its moves.

Catalysts are causes *for the subject* (the primary security): whether a clause names it,
whether an actor is the subject or a peer, and which way the subject's price went in a
sentence all decide how a cue is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from whymove.extract.lexicon_prefilter import gated
from whymove.model import Article, Ticker

_SUFFIX = re.compile(
    r"\s+(?:Group|Holding|Holdings|Limited|Ltd\.?|Inc\.?|Corp\.?|Corporation|plc|PLC|"
    r"Co\.?|Company|N\.V\.|S\.A\.|AG|SE)\b.*$"
)
_STOCK_NOUN = gated(r"\b(?:shares?|stocks?|adrs?|stock price|share price|etfs?|the index)\b", re.I)
# Words that make "shares"/"the stock" the subject's own: "its shares", "the company's stock".
_OWN_STOCK = re.compile(
    r"\b(?:its|the company's|the firm's|the group's|the stock|the shares)\b", re.I
)
# "up"/"down"/"higher"/"lower" count only as a stated move: "up 5%", "traded lower".
_LEVEL = (
    r"(?:traded|trading|trades|closed|closing|ended|finished|opened|moved|edged|is|was|were|"
    r"went|go|sent)"
)
UP_WORDS = gated(
    r"\b(?:rose|rise[sn]?|rising|gain(?:ed|s)?|jump(?:ed|s)?|surg(?:ed|es|e)|soar(?:ed|s)?|"
    r"climb(?:ed|s)?|rall(?:ied|ies|y)|advanc(?:ed|es)|rebound(?:ed|s)?|spik(?:ed|es)|"
    r"popp(?:ed|s)|boost(?:ed)?|buoy(?:ed)?|lift(?:ed)?|leapt|rocketed|doubled)\b|"
    rf"\b(?:up|higher) (?:\d|by|about|nearly|more)|\b{_LEVEL} (?:up|higher)\b",
    re.I,
)
DOWN_WORDS = gated(
    r"\b(?:fell|fall(?:s|ing)?|drop(?:ped|s)?|declin(?:ed|es)|slid(?:es)?|sank|sink(?:s)?|"
    r"tumbl(?:ed|es)|plung(?:ed|es)|slump(?:ed|s)?|lost|shed|slip(?:s|ped|ping)?|slide|"
    r"weigh(?:ed|s)? on|hurt|dragg(?:ed)?|took a beating|hammered|battered|lagged|retreated|"
    r"sagged|skidded|sold off|halved)\b|"
    rf"\b(?:down|lower) (?:\d|by|about|nearly|more)|\b{_LEVEL} (?:down|lower)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Subject:
    """What the article is about: the primary ticker, its spans and its short name."""

    ticker: Ticker | None
    spans: tuple[tuple[int, int], ...]
    name: str | None
    others: frozenset[str]
    """Lower-case names of the other securities the article links (its peers, partners)."""
    aliases: frozenset[str] = frozenset()
    """Lower-case texts naming the subject (its names, tickers, product aliases)."""

    def named_in(self, start: int, end: int) -> bool:
        return any(start <= a < end for a, _ in self.spans)

    def is_actor(self, actor: str | None) -> bool:
        """Whether an actor's name is the subject's own."""
        if not actor:
            return False
        name = actor.lower()
        if any(alias and (alias in name or name in alias) for alias in self.aliases):
            return True
        return bool(self.name) and (self.name.lower() in name or name in self.name.lower())

    def is_other(self, actor: str | None) -> bool:
        """Whether the actor is another linked security (a peer), not the subject."""
        if not actor or self.is_actor(actor):
            return False
        name = actor.lower()
        return any(other.startswith(name) or name.startswith(other) for other in self.others)


def subject_of(article: Article) -> Subject:
    """The primary security of ``article`` and the name the text uses for it."""
    primary = next((s.ticker for s in article.securities if s.primary), None)
    spans = tuple((m.start, m.end) for m in article.mentions if m.ticker == primary)
    names = [
        article.text[a:b].strip()
        for a, b in spans
        if article.text[a:b].strip()
        and not article.text[a:b].isupper()
        and not article.text[a:b].startswith(("$", "("))
    ]
    record = next((s for s in article.securities if s.ticker == primary), None)
    official = short_name(record.name) if record and record.name else None
    # The name the text itself uses for the company ("Alibaba"), not a product alias ("Qwen").
    matching = [n for n in names if official and n.split()[0].lower() in official.lower()]
    name = min(matching, key=len) if matching else official or primary
    others = frozenset(
        article.text[m.start : m.end].lower() for m in article.mentions if m.ticker != primary
    )
    aliases = frozenset(article.text[a:b].lower() for a, b in spans)
    return Subject(primary, spans, name, others, aliases)


def short_name(name: str) -> str:
    """ "Alibaba Group Holding Limited" -> "Alibaba"."""
    return _SUFFIX.sub("", name).strip(" ,")


def move_sign(article: Article, subject: Subject, start: int, end: int) -> int:
    """+1/-1 when the sentence ``text[start:end]`` says the subject's price rose/fell, else 0.

    A stated move of the subject's ticker decides; otherwise a direction word right after the
    subject's name or after "its shares"/"the stock" does. Another company's shares do not.
    """
    for move in article.moves:
        if move.ticker == subject.ticker and start <= move.start < end:
            return {"up": 1, "down": -1}.get(move.direction, 0)
    sentence = article.text[start:end]
    others_named = any(
        start <= m.start < end and m.ticker != subject.ticker for m in article.mentions
    )
    anchors = [b - start for a, b in subject.spans if start <= a < end]
    for match in _STOCK_NOUN.finditer(sentence):
        before = sentence[max(0, match.start() - 25) : match.start()]
        if not others_named or _OWN_STOCK.search(before + match.group(0)) or anchors:
            anchors.append(match.end())
    up = down = 0
    for anchor in anchors:
        window = sentence[anchor : anchor + 50]
        up += len(UP_WORDS.findall(window))
        down += len(DOWN_WORDS.findall(window))
    return 1 if up > down else -1 if down > up else 0
