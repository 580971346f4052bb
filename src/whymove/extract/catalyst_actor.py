"""Who did it: the actor of a catalyst, as the text names it.

News names the actor in a handful of grammatical shapes, tried in this order:
"according to analysis from Nomura", "analysts at Lombard Odier", "imposed by Washington",
"Nvidia's announcement", and the subject before the event word ("The Commerce Department is
spearheading ..."). "It" and "the company" stand for the article's subject.
"""

from __future__ import annotations

import functools
import re

_WORD = r"(?:[A-Z][\w&.'-]*[\w.]|[A-Z])"
_NAME = rf"{_WORD}(?:\s+(?:of\s+|and\s+|&\s+|de\s+|for\s+)?{_WORD})*"
# Lower-case nouns that complete a name of an authority: "Chinese policymakers".
_BODY = (
    r"(?:\s+(?:administration|government|regulators?|officials|policymakers|lawmakers|"
    r"authorities|analysts|investors|ministry|department|commission|officials))?"
)
_NAME_RE = re.compile(rf"(?<![\w'-])(?:{_NAME}(?:'s\s+{_NAME})?){_BODY}")
_ACCORDING = re.compile(
    rf"according to (?:an? )?(?:analysis|analysts?|research|a report|a note|data)?\s*"
    rf"(?:from|by|at)?\s*(?:the\s+)?(?P<name>{_NAME})"
)
_ANALYSTS_AT = re.compile(rf"analysts? (?:at|from|with) (?P<name>{_NAME})")
_NAME_ANALYSTS = re.compile(rf"(?P<name>{_NAME}) (?:analysts?|strategists?|economists?)\b")
_BY = re.compile(rf"^\W*(?:\w+\s+){{0,3}}?by (?:both )?(?:the )?(?P<name>{_NAME}{_BODY})")
_BY_AT = re.compile(rf"^\W*(?:\w+\s+){{0,3}}?(?:by|at) (?:both )?(?:the )?(?P<name>{_NAME})")
# The other party of a deal: "signed an agreement with Northwind", "a contract from Hyperion".
_COUNTERPARTY = re.compile(
    rf"\b(?:with|from|by|and)\s+(?:the\s+)?(?P<name>{_NAME}(?:'s\s+{_NAME})?)"
)
# A description that stands for the article's subject: "the company", "the Photoshop maker".
_DESCRIPTION = re.compile(
    r"\b(?:the|this) (?:[\w,-]+ ){0,3}?(?:company|company's|firm|firm's|group|giant|maker|"
    r"automaker|carmaker|retailer|chain|lender|bank|chipmaker|insurer|operator|producer|"
    r"developer|e-commerce giant|conglomerate|manufacturer|provider)\b(?:\s+\w+){0,3}\s*$",
    re.I,
)
_OWNED = re.compile(r"\b(?:its|the company's|the firm's|the group's)\s+$", re.I)
_IT = re.compile(r"\b(?:it|its)\b(?:\s+\w+){0,3}\s*$", re.I)
_PAREN = re.compile(r"\([^()]{0,40}\)")
_NOT_ACTORS = frozenset(
    """The This That These Those A An In On At For From With By As After Amid But While And Or
    It Its However Meanwhile Also Shares Stock Monday Tuesday Wednesday Thursday Friday Saturday
    Sunday January February March April May June July August September October November
    December Price Action Key Points Risks Over Since During Despite Furthermore Moreover
    Additionally According Looking Historically Within Adding Particular Market Data Read
    Investors Analysts US AI EV CEO Q1 Q2 Q3 Q4 Chinese American Japanese European Inc Inc.
    Corp Corp. Ltd Ltd. Limited Co Co. plc PLC LLC Holdings Group Adjusted Net Gross Operating
    Revenue Revenues Quarterly Annual Full-year Sales Profit Earnings Executives Officials
    Traders Customers Clients Some Many Several Both Neither Each Other Others Total Overall
    NEW YORK LONDON Reuters Bloomberg""".split()
)
_OFFER_FROM = re.compile(rf"\b(?:from|by)\s+(?:the\s+)?(?P<name>{_NAME})")
_RIVAL_NAME = re.compile(rf"\b(?:rival|peer|competitor|bellwether)s?\s+(?P<name>{_NAME})")
# A cue that is itself the name of an institution.
_INSTITUTION = re.compile(r"(?:[A-Z][\w'.&-]*\s?)+|[A-Z]{2,}")
_ABBREVIATION = re.compile(r"(?:\b[A-Z]\.)+$|\b(?:Inc|Corp|Co|Ltd)\.$")
_ORDINARY = frozenset(
    """export exports import imports regulators shares stocks investors analysts sales revenue
    activist insiders hedge prosecutors regulators lawmakers earlier later separately still now
    today yesterday tomorrow last next recently finally overall elsewhere instead meanwhile
    restrictions rules tariffs rising falling new chinese american european global strong
    weak higher lower recent major key several rival rivals peers competitors""".split()
)
_SELF_CATEGORIES = frozenset({"earnings", "product", "corporate_action"})


def find_actor(
    text: str,
    start: int,
    end: int,
    cue: tuple[int, int],
    category: str,
    subject_name: str | None,
    sentence_start: int | None = None,
) -> str | None:
    """The actor of the event whose cue spans ``cue`` in the clause ``text[start:end]``.

    ``subject_name`` is the short name of the article's primary security; it stands for
    "it"/"the company", and is the actor of the company's own results, products and actions
    when no one else is named. For a deal the actor is the other party ("Quill signed a deal
    with Northwind": Northwind; "a takeover offer from Maersk": Maersk). A clause that names
    no one ("... after buying more shares") takes the actor its sentence opens with.
    """
    actor = _find_actor(text, start, end, cue, category, subject_name)
    if category in ("partnership", "corporate_action") and (actor is None or actor == subject_name):
        clause = _blank(text[start:end])
        pattern = _COUNTERPARTY if category == "partnership" else _OFFER_FROM
        for match in pattern.finditer(clause):
            name = match.group("name")
            if _valid(name) and not _is_subject(name, subject_name):
                return _clean(name)
    later_clause = sentence_start is not None and sentence_start < start
    if actor is None and later_clause and category not in ("macro", "geopolitics", "sector"):
        head = _blank(text[sentence_start:start])
        for match in _NAME_RE.finditer(head):
            if _valid(match.group(0)) and not _is_subject(match.group(0), subject_name):
                return _clean(match.group(0))
    return actor


def _find_actor(
    text: str, start: int, end: int, cue: tuple[int, int], category: str, subject: str | None
) -> str | None:
    if _title_case(text[start:end]):
        # A headline in title case: capitals do not mark names.
        return subject if category in _SELF_CATEGORIES else None
    clause = _blank(text[start:end])
    at = cue[0] - start
    for pattern in (_ACCORDING, _ANALYSTS_AT, _NAME_ANALYSTS):
        match = pattern.search(clause)
        if match and _valid(match.group("name")):
            return _clean(match.group("name"))
    match = (_BY_AT if category == "analyst" else _BY).search(clause[at:])
    if match and _valid(match.group("name")):
        return _clean(match.group("name"))
    named = text[cue[0] : cue[1]]
    if category in ("macro", "regulation", "legal") and _INSTITUTION.fullmatch(named):
        return named  # the cue names the actor: "the Federal Reserve", "the FDA"
    rival = _RIVAL_NAME.search(clause)
    if rival and _valid(rival.group("name")) and category in ("sector", "product"):
        return _clean(rival.group("name"))
    before = clause[:at]
    names = [m for m in _NAME_RE.finditer(before) if _valid(m.group(0))]
    described = _DESCRIPTION.search(before[-80:])
    if described and subject:
        where = len(before) - len(before[-80:]) + described.start()
        if not names or names[-1].start() >= where or names[-1].end() <= where:
            return subject
    if names:
        last = names[-1]
        if subject and _OWNED.search(before[max(0, last.start() - 20) : last.start()]):
            return subject  # "its Qwen models": the subject's own product
        # "The Commerce Department added Acme's customer to the list": the doer, not Acme.
        others = [m for m in names if not _is_subject(m.group(0), subject)]
        chosen = others[-1] if others and _is_subject(last.group(0), subject) else last
        return _clean(chosen.group(0))
    if subject and _IT.search(before[-40:]):
        return subject
    after = [m for m in _NAME_RE.finditer(clause[at:]) if _valid(m.group(0))]
    if category in _SELF_CATEGORIES:
        return subject
    if after and category not in ("macro", "geopolitics", "sector"):
        return _clean(after[0].group(0))
    return None


def _blank(clause: str) -> str:
    """Same-length rewrite: curly apostrophes straightened, "(NASDAQ:BIDU)" tags blanked."""
    return _PAREN.sub(lambda m: " " * len(m.group(0)), clause.replace("’", "'"))


def _is_subject(name: str, subject: str | None) -> bool:
    return bool(subject) and (subject in name or _clean(name) in subject)  # type: ignore[operator]


def _title_case(clause: str) -> bool:
    words = [w for w in clause.split() if w[:1].isalpha()]
    return len(words) >= 5 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _valid(name: str) -> bool:
    words = [w for w in name.replace("'s", " ").split() if not w.endswith("-based")]
    if len(words) == 1 and _common_word(words[0].strip(".,")):
        return False  # a capitalised ordinary word opening a sentence: "Export restrictions"
    return bool(words) and not all(w.strip(".,") in _NOT_ACTORS for w in words)


@functools.cache
def _common_words() -> frozenset[str]:
    """Lower-case single words of the finance lexicon: ordinary words, not names."""
    from whymove.extract.lexicon_words import build_table

    return frozenset(key[0] for key in build_table() if len(key) == 1)


def _common_word(word: str) -> bool:
    lower = word.lower()
    return (
        word[:1].isupper()
        and not word.isupper()
        and (lower in _common_words() or lower in _ORDINARY)
    )


def _clean(name: str) -> str:
    words = name.split()
    while words and words[0] in _NOT_ACTORS:
        words.pop(0)
    result = " ".join(words).strip(" ,")
    if result.endswith(".") and not _ABBREVIATION.search(result):
        result = result[:-1]
    return result[:-2] if result.endswith("'s") else result
