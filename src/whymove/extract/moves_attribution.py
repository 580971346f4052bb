"""Whose move is it: the subject of a move word, by name, by reference or by listing.

The subject of a move is the nearest noun phrase before its word that can move: a linked
security ("Shares of Alibaba Group rose"), a reference ("the stock", "its shares", "the index",
"it", "all three stocks") resolved to the nearest fitting antecedent, or nothing when the
nearest noun is something else that rises and falls ("exports rose 8.6%", "Alibaba's revenue
rose"). Relative clauses and appositions between subject and verb are skipped ("AMD, Nvidia's
rival, fell"). A place of listing ("shares in Hong Kong", "its dual listing on the New York
Stock Exchange") picks that listing of the company (9988.HK, BABA).
"""

from __future__ import annotations

import re

from whymove.extract.moves_discourse import Discourse, Subject
from whymove.extract.moves_listing import place_mics
from whymove.extract.moves_phrases import (
    ANOTHER_CLAUSE as _ANOTHER_CLAUSE,
)
from whymove.extract.moves_phrases import (
    BARE_REF as _BARE_REF,
)
from whymove.extract.moves_phrases import (
    CANDIDATE_PATTERNS as _CANDIDATE_PATTERNS,
)
from whymove.extract.moves_phrases import (
    CODES,
    masked_spans,
    names_another,
    only_name_parts,
)
from whymove.extract.moves_phrases import (
    COMPLEMENT as _COMPLEMENT,
)
from whymove.extract.moves_phrases import (
    COORDINATION as _COORDINATION,
)
from whymove.extract.moves_phrases import (
    DESCRIBED_REF as _DESCRIBED_REF,
)
from whymove.extract.moves_phrases import (
    GAP_WORD as _GAP_WORD,
)
from whymove.extract.moves_phrases import (
    NOUN_PP as _NOUN_PP,
)
from whymove.extract.moves_phrases import (
    NUMBERS as _NUMBERS,
)
from whymove.extract.moves_phrases import (
    OBJECT_OF as _OBJECT_OF,
)
from whymove.extract.moves_phrases import (
    OWNER_GAP as _OWNER_GAP,
)
from whymove.extract.moves_phrases import (
    POSSESSIVE_REF as _POSSESSIVE_REF,
)
from whymove.extract.moves_phrases import (
    PRONOUN as _PRONOUN,
)
from whymove.extract.moves_phrases import (
    RELATIVE_TAIL as _RELATIVE_TAIL,
)
from whymove.model import Mention


def _named(disc: Discourse, text: str, last: Mention, candidates: list[Mention]) -> Subject:
    """The subject named by ``last`` and the names coordinated with it."""
    tickers, start = _coordinated(disc, text, last, candidates)
    return Subject(tickers, start, "name")


_GROUP_NOUN = re.compile(
    r"\s+(?:components?|constituents?|members?|names|peers|heavyweights|sectors?|"
    r"sub-?sectors?)\b",
    re.I,
)
_INSIDE_PHRASE = re.compile(r"\b(?!(?:the|and|of|both|including)\b)[a-z][\w-]*\s+$")
"""A lowercase word right before a name: the name sits inside a phrase, not at a list's head."""
_FRONTED_PHRASE = re.compile(
    r"(?:^|[.;:!?]\s+)(?:[A-Z][a-z]+ing|Like|Unlike|Besides|Despite|Led by|Driven by|Helped by)"
    r"\s+(?:the\s+)?(?:[\w-]+\s+)?$"
)
"""A name in an opening phrase ("Supporting the Dow, Microsoft rose") is not coordinated."""


def _coordinated(
    disc: Discourse, text: str, last: Mention, candidates: list[Mention]
) -> tuple[tuple[str, ...], int]:
    """``last`` and the mentions joined to it by "and", commas, "as well as" before it, and
    where the first of them starts."""
    tickers = [last.ticker]
    current = last
    for mention in reversed(candidates):
        if mention.end > current.start:
            continue
        gap = CODES.sub(" ", re.sub(r"^\.[A-Z]{1,3}\b", " ", text[mention.end : current.start]))
        if mention.ticker == current.ticker and (
            re.fullmatch(r"\s*\(?[\w\s]*:?\s*", gap) or only_name_parts(gap)
        ):
            current = mention
            continue
        if not _COORDINATION.match(gap):
            break
        head = text[max(0, mention.start - 40) : mention.start]
        if re.fullmatch(r"[\s).]*,\s*", gap) and (
            _INSIDE_PHRASE.search(head) or _FRONTED_PHRASE.search(head)
        ):
            break  # "Supporting the blue-chip Dow, Boeing rose": the Dow is not a subject
        tickers.insert(0, mention.ticker)
        current = mention
    return tuple(dict.fromkeys(tickers)), current.start


def _subject_position(text: str, start: int, end: int, mention: Mention) -> bool:
    """A name after a preposition is not a subject ("the same for Alphabet were up"), except in
    the absolute "with the Russell 2000 up 1.7%"."""
    if _GROUP_NOUN.match(text, mention.end):
        return False  # "the Dow components": the name only qualifies the group
    head = text[max(start, mention.start - 30) : mention.start]
    before = _OBJECT_OF.search(head)
    if before is None:
        return True
    if before.group(0).lower().startswith(("in", "of")):
        return bool(
            re.search(r"\b(?:shares|stock|stocks|ADRs?|ADSs?|stake)\s+(?:in|of)\s+\S*$", head, re.I)
        )
    return (
        before.group(0).lower().startswith("with")
        and len(_GAP_WORD.findall(text[mention.end : end])) <= 2
    )


def find_subject(
    text: str, start: int, end: int, disc: Discourse, sentence: int
) -> tuple[Subject | None, bool]:
    """The subject of a move word at ``end`` within the phrase ``text[start:end]``.

    Returns ``(subject, rejected)``: ``rejected`` when the nearest noun is something that is
    not a price (revenue, exports) or a generic group ("Chinese stocks"), so the caller must
    not fall back to an earlier subject; ``(None, False)`` when the phrase names nothing.
    """
    region = text[start:end]
    relative = _RELATIVE_TAIL.search(region)
    if relative:
        head = start + relative.start()
        named = [m for m in disc.mentions if start <= m.start and head - 16 <= m.end <= head]
        if named and re.fullmatch(
            r"[\s)]*(?:index|stock|shares|ETF|fund)?[\s)]*", text[named[-1].end : head], re.I
        ):
            return Subject((named[-1].ticker,), named[-1].start, "name"), False
    masks = [
        (x, y) for x, y in masked_spans(region, start)
        if not _list_item(text, x, y, disc.mentions)
    ]  # fmt: skip
    _, place_spans = place_mics(region, start, [])
    blocked = masks

    def free(a: int, b: int) -> bool:
        return not any(x <= a and b <= y for x, y in blocked)

    mentions = [
        m for m in disc.mentions
        if start <= m.start and m.end <= end and free(m.start, m.end)
        and not any(x <= m.start and m.end <= y for x, y in place_spans)
    ]  # fmt: skip
    subjects = [m for m in mentions if _subject_position(text, start, end, m)]
    spans = [(m.start, m.end) for m in mentions]

    def clear(a: int, b: int) -> bool:
        return free(a, b) and not any(x < b and a < y for x, y in spans)

    candidates: list[tuple[int, int, str, object]] = [
        (m.end, m.start, "mention", m) for m in subjects
    ]
    for kind, pattern in _CANDIDATE_PATTERNS:
        for match in pattern.finditer(region):
            a, b = start + match.start(), start + match.end()
            if not clear(a, b):
                continue
            if kind in ("index", "etf", "company") and _OBJECT_OF.search(
                text[max(start, a - 12) : a]
            ):
                continue
            if kind == "stock" and _COMPLEMENT.search(text[max(start, a - 40) : a]):
                continue  # "the CSI 300 Index of Shanghai and Shenzhen shares": not the subject
            if (
                kind == "block"
                and match.group(0)[0].isupper()
                and any(a - 2 <= m.end <= a and not text[m.end : a].strip() for m in mentions)
            ):
                continue  # "Marathon Digital Holdings": the end of a name
            candidates.append((b, a, kind, match))
    pronoun = _PRONOUN.search(region)
    if pronoun and clear(start + pronoun.start(), start + pronoun.end()):
        candidates.append((start + pronoun.end(), start + pronoun.start(), "pronoun", pronoun))
    if not candidates:
        return None, False
    candidates.sort(key=lambda c: (c[0], c[2] == "mention"))
    b, a, kind, payload = candidates[-1]
    gap = list(text[b:end])
    for x, y in masks + place_spans + spans:
        for i in range(max(x, b), min(y, end)):
            gap[i - b] = " "
    gap_text = "".join(gap)
    if _ANOTHER_CLAUSE.search(gap_text) or len(_GAP_WORD.findall(gap_text)) > 8:
        return None, True
    if names_another(gap_text):
        return None, True  # an unknown name stands between: it is the subject
    if kind == "mention":
        assert isinstance(payload, Mention)
        return _named(disc, text, payload, mentions), False
    if kind == "stock":
        return _stock_subject(text, a, b, start, disc, sentence, mentions)
    if kind in ("index", "etf", "company", "pronoun"):
        want = {"index": "index", "etf": "etf", "company": "stock", "pronoun": "any"}[kind]
        found = disc.antecedent(want, a, sentence)
        return (Subject((found,), a, "reference"), False) if found else (None, True)
    if kind == "group":
        assert isinstance(payload, re.Match)
        named = [m for m in mentions if m.end <= a and not text[m.end : a].strip(" )")]
        if named and payload.group(0).lower() == "both":
            return _named(disc, text, named[-1], mentions), False  # "A and B both ended higher"
        word = (payload.group(1) or "two").lower()
        count = int(word) if word.isdigit() else _NUMBERS.get(word, 2)
        tickers = disc.group(count, a, sentence)
        return (Subject(tickers, a, "group"), False) if tickers else (None, True)
    return None, True


def _list_item(text: str, x: int, y: int, mentions: tuple[Mention, ...]) -> bool:
    """Whether the aside ``text[x:y]`` is only a name between commas (an item of a list)."""
    inner = [m for m in mentions if x <= m.start and m.end <= y]
    if not inner:
        return False
    chars = list(text[x:y])
    for m in inner:
        chars[m.start - x : m.end - x] = " " * (m.end - m.start)
    return only_name_parts("".join(chars))


def _stock_subject(
    text: str, a: int, b: int, start: int, disc: Discourse, sentence: int, mentions: list[Mention]
) -> tuple[Subject | None, bool]:
    """The owner of "shares", "stock", "ADRs" at ``a``..``b``: an adjacent name, a possessive
    reference, or the antecedent of a bare "the stock" / "Shares"; a modified plural with no
    owner ("Chinese tech stocks") is generic."""
    before = [m for m in mentions if m.end <= a]
    if before:
        owner = before[-1]
        if _OWNER_GAP.match(text[owner.end : a]) or _OTHERS.match(text[owner.end : a]):
            return _named(disc, text, owner, mentions), False
    head = text[start:a]
    if re.search(r"\(\s*$", head) and before:
        # "T-Mobile's performance (shares up 134% in five years)": the owner before the aside
        return Subject((before[-1].ticker,), before[-1].start, "name"), False
    if re.search(r"\btheir\s+$", head) and sentence < len(disc.sentences):
        group = _sentence_group(text, disc, sentence, a)
        if group is not None:
            return group, False
    clause_head = re.split(r"[,;:—–]", head)[-1].lstrip()
    if re.search(r"\bwhose\s+$", head) and before:
        owner = before[-1]
        return Subject((owner.ticker,), owner.start, "name"), False
    if _POSSESSIVE_REF.search(head):
        if _unknown_subject(text, disc, sentence, a):
            return None, True
        found = disc.antecedent("stock", a, sentence, possessive=True)
        return (Subject((found,), a, "reference"), False) if found else (None, True)
    described = _DESCRIBED_REF.search(clause_head) and text[a:b].lower() == "stock"
    if (_BARE_REF.search(clause_head) or described) and not text[a:b].lower().endswith("stocks"):
        found = disc.antecedent("stock", a, sentence)
        return (Subject((found,), a, "reference"), False) if found else (None, True)
    return None, True


_OTHERS = re.compile(
    r"^\s*(?:\([^)]{0,30}\))?\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)(?:other|several|some|more|"
    r"fellow)\s+(?:[\w-]+\s+){0,3}$",
    re.I,
)
"""The names listed before "and other chip stocks" are the subject ("Coinbase, other crypto
stocks rise")."""


def _sentence_group(text: str, disc: Discourse, sentence: int, pos: int) -> Subject | None:
    """ "Meta and Amazon impressed, with their shares up 15% and 7%": "their" is the names
    coordinated last in the sentence, when there are several."""
    first = disc.sentences[sentence][0]
    named = [m for m in disc.mentions if first <= m.start and m.end <= pos]
    if not named:
        return None
    tickers, start = _coordinated(disc, text, named[-1], named)
    return Subject(tickers, start, "reference") if len(tickers) > 1 else None


_STARTERS = frozenset(
    """The A An It Its This That These Those Shares Stock Stocks In On At After Before While As
    But And Meanwhile However Also Since For With Investors Analysts Traders Some Other Despite
    Even Still Over During Last Year So Yet Their His Her We They He She I Why What How Here
    There Is Are Was Should Could Will Price Market Markets Earlier Later Today Separately
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December By From To Of Among Amid Against
    According Although Because Given Following Like Unlike Compared Along Across Within Through
    Under Until When Where Whether Both Each Every All Many Most Several Few Only Just Not
    No""".split()
)


def _unknown_subject(text: str, disc: Discourse, sentence: int, pos: int) -> bool:
    """The sentence opens with a capitalised name the master does not know ("Target, which
    reports on Wednesday, saw its stock slip"): its "its" is that company, not ours."""
    if sentence >= len(disc.sentences):
        return False
    start = disc.sentences[sentence][0]
    first = re.match(r"\W*([A-Z][\w&.'’-]*)", text[start:pos])
    if first is None or first.group(1) in _STARTERS:
        return False
    word_start = start + first.start(1)
    return not any(m.start <= word_start < m.end for m in disc.mentions)


_TIME_AFTER = re.compile(
    r"\s*(?:the\s+)?(?:last|past|previous|prior|latest|recent|same|first|second|third|fourth|"
    r"early|late|morning|afternoon|session|day|week|month|year|trading|premarket|pre-market|"
    r"after-hours|extended|January|February|March|April|May|June|July|August|September|"
    r"October|November|December|\w+day)\b",
    re.I,
)
_OWNED_THING = re.compile(
    r"['’]s?\s+(?!(?:[A-Z][A-Za-z0-9]{0,6}\.[A-Z]{1,3}\s+)?(?:stock|shares|share price|"
    r"stock price|ADRs?|ADSs?|Hong Kong|U\.S\.|"
    r"New York|[\w.-]+-listed)\b)[\w-]",
    re.I,
)


def noun_object(text: str, end: int, disc: Discourse) -> tuple[Subject | None, bool]:
    """The security after a noun of movement ("a 3% drop in Alibaba shares"), or a rejection
    when the noun is about something else ("a surprise drop in imports")."""
    match = _NOUN_PP.match(text, end)
    if not match:
        return None, False
    after = match.end()
    for mention in disc.mentions:
        if after <= mention.start <= after + 25 and not re.search(
            r"[,;.]", text[after : mention.start]
        ):
            if _OWNED_THING.match(text, mention.end):
                return None, True  # "a 5% drop in Apple's iPhone sales"
            return Subject((mention.ticker,), mention.start, "name", mention.end), False
    if re.match(
        r"\s*(?:the\s+|its\s+|their\s+)?(?:shares|stock|share price|stock price|price|value|"
        r"market value)\b",
        text[after:],
        re.I,
    ):
        return None, False  # "a 3% drop in the stock", "an 11% increase in value"
    if re.match(r"\s*[\d$]", text[after:]) or _TIME_AFTER.match(text, after):
        return None, False  # "a 45% jump in the last six months": a time, not an object
    return None, True
