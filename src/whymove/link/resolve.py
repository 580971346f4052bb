"""Deciding which candidate matches are mentions: the disambiguation rules, in one pass.

- Overlaps go to the leftmost-longest candidate; an exchange tag or an explicit ticker form
  beats a name on the same span.
- Tickers: ``$BABA``, ``NYSE: BABA``, ``(BABA)`` after the company's name and the Benzinga form
  ("Alibaba Group Holding Limited BABA") are explicit; ``BABA stock`` and ``shares of BABA``
  are good context; a bare upper-case token counts only for a distinctive curated symbol. A
  ticker that is an English word or an acronym (AI, IT, ON, ARE) needs an explicit form.
- Names: a distinctive name is certain; an everyday word ("Target") must be capitalised inside
  a prose sentence or have company context; a person's name or place ("Ma", "Lincoln") needs
  company context or a certain mention of the same company elsewhere in the article.
- A bank, broker or data firm named only as the source of a view, a media outlet cited as a
  source, a stock exchange named as a venue, and anything in site furniture is not mentioned.
- Aliases learned in the article: the name in front of an exchange tag ("Baidu, Inc
  (NASDAQ:BIDU)") makes later uses of that name certain, and a tag overrules the master's
  reading of the name before it (:mod:`whymove.link.tagnames`).
- A name inside a longer proper noun (a fund, an index, an event: "Invesco Global Fund"),
  inside a ticker code (``<REV.N>``) or glued into a compound ("Rock-Solid") is not the company.
- In crypto news, bare upper-case tokens are coin symbols, not tickers.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from operator import attrgetter
from typing import TYPE_CHECKING

from whymove.link import citations, furniture, lexicon, tagnames, verdicts
from whymove.link.aliases import ORDINARY, PROPER, STRONG
from whymove.link.tickers import COMMON, adjacent, bare_ticker
from whymove.model import Mention

if TYPE_CHECKING:
    from whymove.link.matcher import Candidate, Linker

_PRIORITY = {"tag": 0, "explicit": 1, "block": 2, "name": 3, "ticker": 4}
_START = attrgetter("start")
_FIRM_NOUNS = citations.FIRM_NOUNS
_MARKS = frozenset("<(-")
_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_capital = _CAPITALS.__contains__
"""A capital letter or digit (a cheap gate before looking for a longer proper noun)."""


def resolve(
    linker: Linker, text: str, candidates: list[Candidate], phrases_at: list[int] | None = None
) -> list[Mention]:
    """The mentions among ``candidates`` (see the module docstring for the rules).
    ``phrases_at``: where phrases of site furniture start, when the scan found them."""
    master = linker.master
    research = linker.research
    ordered = _leftmost_longest(candidates)
    weak = [cand for cand in ordered if cand.alias is not None and cand.alias.weak]
    accepted: list[tuple[Candidate, str, float]] = []
    append = accepted.append
    pending: list[Candidate] = []
    learned: dict[str, str] = {}
    overrule: dict[str, str] = {}
    tied: set[int] = set()
    doubtful: list[Candidate] = []
    confirmed: set[str] = set()
    named: set[str] = set()
    source_until = -1
    prev: Candidate | None = None
    rejected: Candidate | None = None
    persons = verdicts.person_names(text, weak) if weak else frozenset()
    crypto_news: list[bool] = []

    def crypto() -> bool:
        if not crypto_news:
            low = text.lower()
            crypto_news.append(sum(low.count(word) for word in lexicon.CRYPTO_WORDS) >= 3)
        return crypto_news[0]

    # Site furniture is judged once per line. Disclosures and promotions close an article:
    # only its second half is searched for their phrases.
    half = text.rfind("\n", 0, len(text) // 2) + 1
    if phrases_at is None:
        phrases = furniture.has_boilerplate_phrase(text, half)
        with_phrase = None
    else:
        phrases = any(at >= half for at in phrases_at) or text.find("©", half) >= 0
        with_phrase = furniture.phrase_lines(text, phrases_at) if phrases else set()
    lines = "\n" in text
    furnished: dict[int, bool] = {}
    if not lines and furniture.boilerplate_line(text, 0, phrases):
        return []  # one line, and it is furniture

    for cand in ordered:
        source = cand.source
        if source == "block":
            continue
        start = cand.start
        if lines:
            line = text.rfind("\n", 0, start) + 1
            bad = furnished.get(line)
            if bad is None:
                line_end = text.find("\n", start)
                line_end = len(text) if line_end < 0 else line_end
                if with_phrase is None:
                    phrase = phrases and furniture.has_boilerplate_phrase(text[line:line_end])
                else:
                    phrase = line in with_phrase
                bad = furnished[line] = furniture.furniture_line(text, line, line_end, phrase)
            if bad:
                continue
        if source == "name":
            alias = cand.alias
            assert alias is not None
            end = cand.end
            if (text.endswith(_FIRM_NOUNS, 0, start) and citations.source_firm(text, start)) or (
                (text[start - 1 : start] in _MARKS or _capital(text[end + 1 : end + 2]))
                and verdicts.inside_code_or_phrase(text, cand)
            ):
                continue
            if alias.plain and not persons:
                confirmed.add(cand.symbol)
                named.add(cand.symbol)
                append((cand, "alias", 0.9))
                prev = cand
                continue
            if alias.venue and citations.venue_context(text, start, end):
                continue
            if alias.research:
                after = verdicts.skip_tag(text, end)
                if citations.research_source(text, start, after):
                    source_until = after
                    continue
            strength = alias.strength
            if strength == STRONG and not persons:
                confirmed.add(cand.symbol)
                named.add(cand.symbol)
                append((cand, "alias", 0.9))
                prev = cand
                continue
            if persons and text[start:end] in persons:
                verdict = verdicts.company_reading(text, start, end)
            elif strength == ORDINARY and cand.symbol in confirmed:
                append((cand, "learned", 0.85))
                prev = cand
                continue
            else:
                verdict = verdicts.name_verdict(text, cand, strength)
            if verdict is None:
                rejected = cand  # its own ticker right after may still prove it ("Apple AAPL")
                continue
            if verdict:
                confirmed.add(cand.symbol)
                named.add(cand.symbol)
                append((cand, "alias", 0.9 if strength == STRONG else 0.75))
            else:
                cand.pending = True
                pending.append(cand)
        elif source == "ticker":
            if (
                rejected is not None
                and rejected.symbol == cand.symbol
                and adjacent(text, rejected.end, start)
            ):
                append((rejected, "alias", 0.9))  # the Benzinga form settles the name
                prev, rejected = rejected, None
            form = bare_ticker(linker, text, cand, prev)
            if form == "explicit" and prev is not None and prev.pending:
                _promote(prev, pending, accepted)
            if form == "bare" and cand.kind != "etf" and crypto():
                form = ""  # a coin symbol in crypto news: ENS, AXS
            if form:
                confirmed.add(cand.symbol)
                if form == "explicit":
                    append((cand, "explicit", 1.0))
                else:
                    append((cand, "ticker", 0.95 if form == "context" else 0.8))
            elif text[start : cand.end] not in COMMON:
                cand.pending = True
                pending.append(cand)
        else:  # an exchange tag or an explicit ticker form
            if start < source_until:
                continue
            symbol = cand.symbol
            if symbol in research and verdicts.research_after(text, cand):
                continue
            near = (
                prev is not None
                and prev.source == "name"
                and tagnames.follows_name(text, prev.end, start)
            )
            if near and prev.symbol != symbol:  # type: ignore[union-attr]
                verdicts.settle(text, prev, cand, master)  # type: ignore[arg-type]
                symbol = cand.symbol
            if near or (
                prev is not None and prev.symbol == symbol and adjacent(text, prev.end, start)
            ):
                assert prev is not None
                if prev.pending:
                    _promote(prev, pending, accepted)
                tied.add(prev.start)
                word = linker.rival_first.get(prev.alias.text) if prev.alias else None
                if word is not None and overrule.setdefault(word, symbol) != symbol:
                    overrule[word] = ""  # two companies share the word: no reading
            elif (source == "tag" or text[start - 1] == "(") and not tagnames.in_list(
                text, cand.end
            ):
                tokens = tagnames.name_tokens(text, start)
                if (
                    source == "explicit"
                    and text[start - 1] in "(<"
                    and not tagnames.agrees(tokens, master, symbol)
                ):
                    # "Axie Infinity (AXS)": the name is not this company's, unless the article
                    # names the company elsewhere (a headline's closing "(AAP)").
                    doubtful.append(cand)
                    continue
                if symbol not in named:
                    for name in tagnames.learn_name(tokens):
                        learned.setdefault(name, symbol)
            confirmed.add(symbol)
            append((cand, "explicit", 1.0))
        prev = cand

    if learned:
        overrule = {**learned, **overrule}
        accepted.extend(verdicts.learned_mentions(text, learned, ordered, linker))
        confirmed.update(learned.values())
    if overrule:
        verdicts.overrule(text, overrule, accepted, pending, master, tied)
    if doubtful:
        accepted.extend((cand, "explicit", 1.0) for cand in doubtful if cand.symbol in named)
    for cand in pending:
        alias = cand.alias
        if cand.symbol in confirmed:
            if alias is not None and alias.strength == PROPER and verdicts.is_person(text, cand):
                continue
            append((cand, "learned", 0.85))
        elif alias is not None and verdicts.listed_with(text, cand, accepted):
            append((cand, "alias", 0.7))
    if learned or pending or doubtful:
        accepted.sort(key=_start)
    return _mentions(accepted)


def _mentions_factory() -> Callable[[list[tuple[Candidate, str, float]]], list[Mention]]:
    """A builder of the :class:`Mention` list that fills each object's slots directly. A
    frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``, which
    costs twice as much, and linking makes one object per mention of every article. Falls
    back to the class when the model grows a field or a ``__post_init__`` this does not know."""
    names = ("ticker", "start", "end", "kind", "method", "confidence")
    fields = tuple(f.name for f in dataclasses.fields(Mention))
    if fields != names or hasattr(Mention, "__post_init__") or "__slots__" not in vars(Mention):
        return lambda accepted: [
            Mention(cand.symbol, cand.start, cand.end, cand.kind, method, confidence)
            for cand, method, confidence in accepted
        ]
    setters = tuple(vars(Mention)[name].__set__ for name in names)
    set_ticker, set_start, set_end, set_kind, set_method, set_confidence = setters
    new = object.__new__

    def make_all(accepted: list[tuple[Candidate, str, float]]) -> list[Mention]:
        out = []
        append = out.append
        for cand, method, confidence in accepted:
            mention = new(Mention)
            set_ticker(mention, cand.symbol)
            set_start(mention, cand.start)
            set_end(mention, cand.end)
            set_kind(mention, cand.kind)
            set_method(mention, method)
            set_confidence(mention, confidence)
            append(mention)
        return out

    return make_all


_mentions = _mentions_factory()


def _promote(
    cand: Candidate, pending: list[Candidate], accepted: list[tuple[Candidate, str, float]]
) -> None:
    """A pending name made certain by the ticker right after it (Benzinga form)."""
    cand.pending = False
    pending.remove(cand)
    accepted.append((cand, "alias", 0.9))


def _start(item: tuple[Candidate, str, float]) -> int:
    return item[0].start


def _leftmost_longest(candidates: list[Candidate]) -> list[Candidate]:
    """Candidates that do not overlap: the leftmost, then the longest, then by source
    (tag, explicit, block, name, ticker). One sort by start, in C; ties are settled in the
    pass, since candidates with one start lie next to each other."""
    candidates.sort(key=_START)
    priority = _PRIORITY
    kept: list[Candidate] = []
    last: Candidate | None = None
    last_end = -1
    for cand in candidates:
        start = cand.start
        if last is not None and start == last.start:
            end = cand.end
            if end > last.end or (
                end == last.end and priority[cand.source] < priority[last.source]
            ):
                kept[-1] = last = cand
                last_end = end
        elif start >= last_end or (
            # An exchange code's block ends where its symbol starts: never shadow the symbol.
            cand.source in ("tag", "explicit") and last is not None and last.source == "block"
        ):
            kept.append(cand)
            last = cand
            last_end = cand.end
    return kept
