"""Verdicts on single candidates: is this name a company here, a person, a source, a part of a
longer name? Used by :func:`whymove.link.resolve.resolve`; each function looks at a few words
around one candidate, so the cost per candidate is small and fixed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from whymove.link import citations, context
from whymove.link.aliases import CONTEXT_ONLY, ORDINARY, STRONG
from whymove.link.tickers import RIC

if TYPE_CHECKING:
    from whymove.link.master import SymbolMaster
    from whymove.link.matcher import Candidate, Linker

_TAG_GROUP = re.compile(r"[ \t]*\([^()\n]{1,48}\)")
_SEPARATOR = re.compile(
    r"^(?:[ \t]*,[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+|[ \t]*/[ \t]*)$"
)
_LIST_AFTER = re.compile(r"[ \t]*(?:,|/|(?:and|or|&)[ \t])")
_LIST_BEFORE = re.compile(r"(?:,|/|[ \t](?:and|or|&))[ \t]*$")
_SUBJECT_VERB_AFTER = re.compile(
    r"[ \t]+(?:is|was|has|had|will|would|could|can|may|might|plans?|expects?|said|says|"
    r"announced|agreed|reported|wants|aims|hopes|forecasts?|posted|beat|missed|topped|raised|"
    r"lowered|issued|warned|confirmed)\b"
)
_PLACE_AFTER = re.compile(r"[-–](?:based|headquartered|born|area|region)\b")
CAPITAL_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")


def person_names(text: str, weak: list[Candidate]) -> frozenset[str]:
    """Single-word names this article uses for a person: written after a given name, a title
    or another capitalised word (``Jerome Powell``, ``Judge Yvonne Gonzalez Rogers``)."""
    found = set()
    for cand in weak:
        start = cand.start
        cand.person = context.person_context(text, start, cand.end)
        if cand.person or (
            context.preceded_by_capital_word(text, start, sentence_start=False)
            and not context.company_context(text, start, cand.end)
        ):
            found.add(text[start : cand.end])
    return frozenset(found)


def is_person(text: str, cand: Candidate) -> bool:
    """``person_context`` of a candidate, computed once per candidate."""
    if cand.person is None:
        cand.person = context.person_context(text, cand.start, cand.end)
    return cand.person


def skip_tag(text: str, end: int) -> int:
    match = _TAG_GROUP.match(text, end)
    return match.end() if match else end


def research_after(text: str, cand: Candidate) -> bool:
    close = text.find(")", cand.end, cand.end + 12)
    after = close + 1 if close >= 0 else cand.end
    return citations.research_source(text, cand.start, after) and not context.company_context(
        text, cand.start, after
    )


def name_verdict(text: str, cand: Candidate, strength: int) -> bool | None:
    """True: a mention; False: only if the company is certain elsewhere; None: never."""
    start, end = cand.start, cand.end
    if strength == STRONG:
        return True
    if strength == CONTEXT_ONLY:
        return True if context.company_context(text, start, end, strict=True) else None
    if _PLACE_AFTER.match(text, end):
        return None
    title = context.is_title_line(text, start)
    if strength == ORDINARY:
        if is_person(text, cand):
            return None
        if context.preceded_by_capital_word(text, start, title):
            return False  # part of a longer name: "Evans Bancorp", "Big Apple", "First Republic"
        if context.company_after(text, end, roles=True):
            return True  # "Target Corp", "Apple shares", "Apple Chief Executive Tim Cook"
        if not title and CAPITAL_AFTER.match(text, end):
            return False  # "Target Hospitality", "Apple Vision Pro"
        if context.company_context(text, start, end, possessive=True):
            return True
        if len(text[start:end]) > 3 and text[start:end].isupper():
            return False  # a shouted word in mixed-case text proves nothing ("NEWS")
        if _SUBJECT_VERB_AFTER.match(text, end):
            return True  # "Apple is in talks": a bare capitalised noun as subject is a name
        return not (
            context.is_sentence_start(text, start)
            or title
            or context.is_title_window(text, start, end)
        )
    if is_person(text, cand):
        return None
    if context.preceded_by_capital_word(text, start, title):
        return False  # "British Columbia", "Philip's Edison Company"
    if context.company_after(text, end):
        return True
    if CAPITAL_AFTER.match(text, end):
        return False  # "Liberty SiriusXM", "Rogers Communications"
    return bool(context.company_context(text, start, end))


def settle(text: str, name: Candidate, tag: Candidate, master: SymbolMaster) -> None:
    """A name right before a tag of another symbol: a tag the master does not list is an old
    code of the named company (``Cree (NASDAQ: CREE)``), unless the name is the tail of a
    longer one (``Liberty SiriusXM``); otherwise the tag names the company."""
    if tag.symbol not in master:
        if not context.preceded_by_capital_word(text, name.start):
            tag.symbol, tag.kind = name.symbol, name.kind
    else:
        name.symbol, name.kind = tag.symbol, tag.kind


def inside_code_or_phrase(text: str, cand: Candidate) -> bool:
    """A name inside a ticker code (``<REV.N>``, ``(REV.N)``), glued into a compound word
    (``Rock-Solid``) or opening a fund, index or event name (``Invesco Global Fund``)."""
    start, end = cand.start, cand.end
    before = text[start - 1 : start]
    if before == "<" or (before == "(" and RIC.match(text, end)):
        return True
    if cand.kind in ("index", "etf"):
        return False
    if before == "-" and start > 1 and text[start - 2].isupper():
        return True
    return context.in_proper_phrase(text, end)


def overrule(
    text: str,
    names: dict[str, str],
    accepted: list[tuple[Candidate, str, float]],
    pending: list[Candidate],
    master: SymbolMaster,
    tied: set[int],
) -> None:
    """Names tied to a tag in this article mean that company here, whatever the master's
    default reading (``Brookfield`` after ``Brookfield Asset Management (NYSE:BAM)``)."""
    for cand in (*(c for c, _, _ in accepted), *pending):
        if cand.source != "name" or cand.kind == "index" or cand.start in tied:
            continue
        symbol = names.get(text[cand.start : cand.end])
        if symbol and symbol != cand.symbol:
            record = master.get(symbol)
            cand.symbol = symbol
            cand.kind = record.kind if record else cand.kind


def learned_mentions(
    text: str, learned: dict[str, str], taken: list[Candidate], linker: Linker
) -> list[tuple[Candidate, str, float]]:
    from whymove.link.matcher import Candidate

    spans = [(c.start, c.end) for c in taken if c.source != "block"]
    out: list[tuple[Candidate, str, float]] = []
    for alias, symbol in learned.items():
        pos = text.find(alias)
        while pos >= 0:
            end = pos + len(alias)
            bounded = (pos == 0 or not text[pos - 1].isalnum()) and (
                end >= len(text) or not text[end].isalnum()
            )
            if bounded and not any(s < end and pos < e for s, e in spans):
                record = linker.master.get(symbol)
                cand = Candidate(pos, end, symbol, record.kind if record else "stock", "name")
                out.append((cand, "learned", 0.9))
                spans.append((pos, end))
            pos = text.find(alias, end)
    return out


def listed_with(text: str, cand: Candidate, accepted: list[tuple[Candidate, str, float]]) -> bool:
    """An ambiguous name in a list with certain company names (``Apple, Microsoft and
    Amazon``). A lone comma is not a list: ``Firefly, Adobe's model`` is an apposition."""
    if not (
        _LIST_AFTER.match(text, cand.end)
        or _LIST_BEFORE.search(text, max(0, cand.start - 6), cand.start)
    ):
        return False  # no separator next to it: not in a list
    companies = sorted((c for c, _, _ in accepted if c.kind != "index"), key=lambda c: c.start)
    items = [cand, *companies]
    items.sort(key=lambda c: c.start)
    index = items.index(cand)
    run = [cand]
    conjunction = False
    for step in (-1, 1):
        i = index
        while 0 <= i + step < len(items):
            left, right = (items[i + step], items[i]) if step < 0 else (items[i], items[i + step])
            gap = text[left.end : right.start]
            if not _SEPARATOR.match(gap):
                break
            conjunction = conjunction or gap.strip(" \t,") in ("and", "or", "&")
            run.append(items[i + step])
            i += step
    return len(run) >= 3 or (len(run) == 2 and conjunction)


def company_reading(text: str, start: int, end: int) -> bool | None:
    """A name this article also uses for a person (Judge ... Rogers) is the company only with
    company words right around it; a capitalised word after it makes it a longer name."""
    if context.preceded_by_capital_word(text, start, sentence_start=False):
        return None  # the tail of a longer name: "Philip's Edison Company"
    if context.company_after(text, end, roles=True):
        return True
    if not CAPITAL_AFTER.match(text, end) and context.company_context(text, start, end):
        return True
    return None
