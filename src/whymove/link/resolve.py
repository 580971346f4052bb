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
  (NASDAQ:BIDU)") makes later uses of that name certain.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from whymove.link import context, lexicon
from whymove.link.aliases import CONTEXT_ONLY, ORDINARY, PROPER, STRONG, derive_aliases
from whymove.link.tickers import COMMON, adjacent, bare_ticker, explicit_ticker
from whymove.model import Mention

if TYPE_CHECKING:
    from whymove.link.matcher import Candidate, Linker

_PRIORITY = {"tag": 0, "explicit": 1, "block": 2, "name": 3, "ticker": 4}
_NAME_WORD = re.compile(r"[A-Z0-9][\w&.'’-]*|&|of|and|de|la|the")
_STARTERS = frozenset(
    "the a an shares stock stocks meanwhile however but and also in on at for rival rivals peer "
    "peers while after as when both its their this that analysts investors chinese american "
    "japanese korean european u.s. us china hong".split()
)
_TAG_GROUP = re.compile(r"[ \t]*\([^()\n]{1,48}\)")
_SEPARATOR = re.compile(
    r"^(?:[ \t]*,[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+|[ \t]*/[ \t]*)$"
)
_SUBJECT_VERB_AFTER = re.compile(
    r"[ \t]+(?:is|was|has|had|will|would|could|can|may|might|plans?|expects?|said|says|"
    r"announced|agreed|reported|wants|aims|hopes)\b"
)
_PLACE_AFTER = re.compile(r"[-–](?:based|headquartered|born|area|region)\b")
_CAPITAL_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")


def resolve(linker: Linker, text: str, candidates: list[Candidate]) -> list[Mention]:
    """The mentions among ``candidates`` (see the module docstring for the rules)."""
    master = linker.master
    canonical = master.canonical
    for cand in candidates:
        source = cand.source
        if source == "ticker":
            if explicit_ticker(text, cand):
                cand.source = "explicit"
            cand.symbol = canonical(cand.symbol)
        elif source == "tag":
            cand.symbol = canonical(cand.symbol)
    ordered = _leftmost_longest(candidates)
    furniture: dict[int, bool] = {}
    accepted: list[tuple[Candidate, str, float]] = []
    pending: list[Candidate] = []
    learned: dict[str, str] = {}
    confirmed: set[str] = set()
    named: set[str] = set()
    source_until = -1
    prev: Candidate | None = None

    # Disclosures and promotions close an article: only its second half is searched for them.
    phrases = context.has_boilerplate_phrase(text, text.rfind("\n", 0, len(text) // 2) + 1)
    persons = _person_names(text, ordered)

    def in_furniture(pos: int) -> bool:
        line_start = text.rfind("\n", 0, pos) + 1
        if line_start not in furniture:
            furniture[line_start] = context.boilerplate_line(text, pos, phrases)
        return furniture[line_start]

    for cand in ordered:
        if cand.source == "block" or in_furniture(cand.start):
            continue
        if cand.source in ("tag", "explicit"):
            if cand.start < source_until:
                continue
            if cand.symbol in linker.research and _research_after(text, cand):
                continue
            follows_name = (
                prev is not None
                and prev.symbol == cand.symbol
                and adjacent(text, prev.end, cand.start)
            )
            if prev is not None and follows_name and prev.pending:
                _promote(prev, pending, accepted)
            if not follows_name and cand.symbol not in named and _is_tag_like(text, cand):
                for name in _learn_name(text, cand.start):
                    learned.setdefault(name, cand.symbol)
            confirmed.add(cand.symbol)
            accepted.append((cand, "explicit", 1.0))
        elif cand.source == "ticker":
            form = bare_ticker(linker, text, cand, prev)
            if form == "explicit" and prev is not None and prev.pending:
                _promote(prev, pending, accepted)
            if form:
                confirmed.add(cand.symbol)
            if form == "explicit":
                accepted.append((cand, "explicit", 1.0))
            elif form:
                accepted.append((cand, "ticker", 0.95 if form == "context" else 0.8))
            elif text[cand.start : cand.end] not in COMMON:
                cand.pending = True
                pending.append(cand)
        else:
            alias = cand.alias
            assert alias is not None
            if (alias.venue and context.venue_context(text, cand.start, cand.end)) or (
                context.source_firm(text, cand.start)
            ):
                continue
            if alias.research:
                after = _skip_tag(text, cand.end)
                if context.research_source(text, cand.start, after):
                    source_until = after
                    continue
            if persons and text[cand.start : cand.end] in persons:
                # Used as a person's name elsewhere in this article (Judge ... Rogers).
                verdict = True if context.company_context(text, cand.start, cand.end) else None
            elif alias.strength == ORDINARY and cand.symbol in confirmed:
                accepted.append((cand, "learned", 0.85))
                prev = cand
                continue
            else:
                verdict = _name_verdict(text, cand, alias.strength)
            if verdict is None:
                continue
            if verdict:
                confirmed.add(cand.symbol)
                named.add(cand.symbol)
                accepted.append((cand, "alias", 0.9 if alias.strength == STRONG else 0.75))
            else:
                cand.pending = True
                pending.append(cand)
        prev = cand

    if learned:
        accepted.extend(_learned_mentions(text, learned, ordered, linker))
        confirmed.update(learned.values())
    for cand in pending:
        alias = cand.alias
        if cand.symbol in confirmed:
            if alias is not None and alias.strength == PROPER and _is_person(text, cand):
                continue
            accepted.append((cand, "learned", 0.85))
        elif alias is not None and _listed_with(text, cand, accepted):
            accepted.append((cand, "alias", 0.7))
    if learned or pending:
        accepted.sort(key=_start)
    return [
        Mention(cand.symbol, cand.start, cand.end, cand.kind, method, confidence)  # type: ignore[arg-type]
        for cand, method, confidence in accepted
    ]


def _person_names(text: str, ordered: list[Candidate]) -> frozenset[str]:
    """Single-word names this article uses for a person: written after a given name, a title
    or another capitalised word (``Jerome Powell``, ``Judge Yvonne Gonzalez Rogers``)."""
    found = set()
    for cand in ordered:
        alias = cand.alias
        if alias is None or cand.source != "name" or alias.strength not in (ORDINARY, PROPER):
            continue
        if " " in alias.text:
            continue
        start = cand.start
        cand.person = context.person_context(text, start, cand.end)
        if cand.person or (
            context.preceded_by_capital_word(text, start)
            and not context.company_context(text, start, cand.end)
        ):
            found.add(text[start : cand.end])
    return frozenset(found)


def _is_person(text: str, cand: Candidate) -> bool:
    """``person_context`` of a candidate, computed once per candidate."""
    if cand.person is None:
        cand.person = context.person_context(text, cand.start, cand.end)
    return cand.person


def _promote(
    cand: Candidate, pending: list[Candidate], accepted: list[tuple[Candidate, str, float]]
) -> None:
    """A pending name made certain by the ticker right after it (Benzinga form)."""
    cand.pending = False
    pending.remove(cand)
    accepted.append((cand, "alias", 0.9))


def _start(item: tuple[Candidate, str, float]) -> int:
    return item[0].start


def _order(cand: Candidate) -> int:
    # Leftmost first, then longest, then by source priority, as one integer.
    return (cand.start << 20) - ((cand.end - cand.start) << 4) + _PRIORITY[cand.source]


def _leftmost_longest(candidates: list[Candidate]) -> list[Candidate]:
    candidates.sort(key=_order)
    kept: list[Candidate] = []
    last_end = -1
    for cand in candidates:
        if cand.start >= last_end:
            kept.append(cand)
            last_end = cand.end
        elif cand.source in ("tag", "explicit") and kept and kept[-1].source == "block":
            # An exchange code's block ends where its symbol starts: never shadow the symbol.
            kept.append(cand)
            last_end = cand.end
    return kept


def _is_tag_like(text: str, cand: Candidate) -> bool:
    return cand.source == "tag" or text[cand.start - 1 : cand.start] == "("


def _skip_tag(text: str, end: int) -> int:
    match = _TAG_GROUP.match(text, end)
    return match.end() if match else end


def _research_after(text: str, cand: Candidate) -> bool:
    close = text.find(")", cand.end, cand.end + 12)
    after = close + 1 if close >= 0 else cand.end
    return context.research_source(text, cand.start, after) and not context.company_context(
        text, cand.start, after
    )


def _name_verdict(text: str, cand: Candidate, strength: int) -> bool | None:
    """True: a mention; False: only if the company is certain elsewhere; None: never."""
    start, end = cand.start, cand.end
    if strength == STRONG:
        return True
    if strength == CONTEXT_ONLY:
        return True if context.company_context(text, start, end, strict=True) else None
    if _PLACE_AFTER.match(text, end):
        return None
    if strength == ORDINARY:
        if _is_person(text, cand):
            return None
        if context.preceded_by_capital_word(text, start):
            return False  # part of a longer name: "Evans Bancorp", "Big Apple"
        if context.company_context(text, start, end, possessive=True):
            return True
        if _CAPITAL_AFTER.match(text, end):
            return False
        if _SUBJECT_VERB_AFTER.match(text, end):
            return True  # "Apple is in talks": a bare capitalised noun as subject is a name
        return not (
            context.is_sentence_start(text, start)
            or context.is_title_line(text, start)
            or context.is_title_window(text, start, end)
        )
    if _is_person(text, cand):
        return None
    return bool(context.company_context(text, start, end))


def _learn_name(text: str, pos: int) -> list[str]:
    """Names in front of an explicit ticker (``Baidu, Inc (NASDAQ:BIDU)`` -> ``Baidu``)."""
    end = pos
    while end > 0 and (text[end - 1] in " \t(:$" or text[end - 1].isupper()):
        end -= 1
    window = text[max(0, end - 80) : end].rstrip(" ,")
    if window.endswith(("'s", "’s")):
        window = window[:-2]
    tokens: list[str] = []
    for part in reversed(window.replace(",", " ").split()):
        if not _NAME_WORD.fullmatch(part):
            break
        tokens.insert(0, part)
    while tokens and (tokens[0].lower() in _STARTERS or not tokens[0][0].isupper()):
        tokens.pop(0)
    if not tokens or len(tokens) > 6:
        return []
    name = " ".join(tokens)
    forms = [name, *derive_aliases(name)]
    short = forms[-1].split()
    if (
        len(short) > 1
        and len(short[0]) >= 4
        and short[0].lower() not in lexicon.GENERIC_FIRST_WORDS
    ):
        forms.append(short[0])
    return [
        form
        for form in dict.fromkeys(forms)
        if len(form) >= 3
        and form.lower() not in lexicon.PRIVATE_NAMES
        and form.lower() not in lexicon.COMPANY_SUFFIXES
    ]


def _learned_mentions(
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


def _listed_with(text: str, cand: Candidate, accepted: list[tuple[Candidate, str, float]]) -> bool:
    """An ambiguous name in a list with certain company names (``Apple, Microsoft and
    Amazon``). A lone comma is not a list: ``Firefly, Adobe's model`` is an apposition."""
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
