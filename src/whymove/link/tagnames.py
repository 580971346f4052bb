"""The name in front of a ticker tag: what a tag teaches about names, and when they disagree.

A tag settles the name written right before it. ``Baidu, Inc (NASDAQ:BIDU)`` makes later uses
of "Baidu" certain; ``Brookfield Asset Management (NYSE:BAM)`` makes a later bare "Brookfield"
mean BAM in this article, whatever the master's default; ``Cree, Inc. (NASDAQ: CREE)`` keeps
the company the name identifies when the tag is an old code the master no longer lists. And a
bracketed code that the name before it does not spell out is not that company's ticker:
``Axie Infinity (AXS)`` is a coin, not AXIS Capital; ``West Texas Intermediate (WTI)`` is oil.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from whymove.link import lexicon
from whymove.link.aliases import derive_aliases

if TYPE_CHECKING:
    from whymove.link.master import SymbolMaster

_NAME_WORD = re.compile(r"[A-Z0-9][\w&.'’-]*|&|of|and|de|la|the")
_STARTERS = frozenset(
    "the a an shares stock stocks meanwhile however but and also in on at for rival rivals peer "
    "peers while after as when both its their this that analysts investors".split()
)
_TAG_OPEN = re.compile(r"[ \t]*[(<\[]?[ \t]*(?:[A-Za-z][A-Za-z .]{0,16}:[ \t]*)?\$?$")
_NAME_TAG_GAP = re.compile(
    r"(?:['’]s)?(?:,?[ \t]*(?:Inc|Corp|Co|Ltd|plc|PLC|Holdings?|Group|Corporation|Company|"
    r"Limited|S\.?A|AG|N\.?V|SE|LLC|L\.?P)\.?)*[ \t,]*[(<\[]?[ \t]*"
    r"(?:[A-Za-z][A-Za-z .]{0,16}:[ \t]*)?\$?"
)
_LIST_AFTER = re.compile(r"(?:\.[A-Z]{1,2})?[ \t]*,")
_WORD = re.compile(r"[a-z0-9&]+")
_POSSESSIVE = ("'s", "’s")


def name_end(text: str, pos: int) -> int:
    """Where the name ends in front of the ticker at ``pos``: before its bracket and exchange
    code (``Baidu, Inc (NASDAQ:`` -> after ``Inc``)."""
    match = _TAG_OPEN.search(text, max(0, pos - 28), pos)
    return match.start() if match else pos


def follows_name(text: str, name_end_pos: int, pos: int) -> bool:
    """Only legal-form words, a bracket and an exchange code between a name and a ticker."""
    if pos - name_end_pos > 40:
        return False
    return _NAME_TAG_GAP.fullmatch(text, name_end_pos, pos) is not None


def in_list(text: str, end: int) -> bool:
    """``(FCX, ABC, BHP, RIO)``: a bracket of several tickers names no single company."""
    return _LIST_AFTER.match(text, end) is not None


def name_tokens(text: str, pos: int) -> list[str]:
    """The capitalised words of the name right before the ticker at ``pos``; an owner's name
    is cut off (``Alphabet's Google (GOOGL)`` -> ``Google``)."""
    end = name_end(text, pos)
    window = text[max(0, end - 80) : end].rstrip(" ,")
    tokens: list[str] = []
    for part in reversed(window.replace(",", " ").split()):
        if not _NAME_WORD.fullmatch(part):
            break
        if tokens and part.endswith(_POSSESSIVE):
            break  # the owner of the name after it
        if part.isupper() and part in lexicon.COMMON_WORD_TICKERS:
            break  # a shouted word glued before the name: "Trading UP Arena"
        tokens.insert(0, part)
    while tokens and (tokens[0].lower() in _STARTERS or not tokens[0][0].isupper()):
        tokens.pop(0)
    if tokens and tokens[-1].endswith(_POSSESSIVE):
        tokens[-1] = tokens[-1][:-2]
    return tokens if len(tokens) <= 6 else []


def learn_name(tokens: list[str]) -> list[str]:
    """Names worth remembering from the words before a tag: the name, its short forms and a
    distinctive first word (``Baidu, Inc`` -> ``Baidu, Inc``, ``Baidu``)."""
    if not tokens:
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


def first_word(name: str) -> str | None:
    """The distinctive first word of a several-word company name (``Brookfield Asset
    Management`` -> ``Brookfield``), or None."""
    words = name.split()
    if len(words) < 2:
        return None
    first = words[0]
    if len(first) < 4 or not first.isalpha() or first.lower() in lexicon.GENERIC_FIRST_WORDS:
        return None
    return first


def agrees(tokens: list[str], master: SymbolMaster, symbol: str) -> bool:
    """True when the name before a bracketed code can be the company of ``symbol``: a word in
    common with one of its names (prefix of four letters), its initials, or the code itself."""
    words = _words(" ".join(tokens))
    if not words:
        return True
    letters = "".join(ch for ch in symbol.split(".")[0] if ch.isalpha()).lower()
    initials = "".join(t[0] for t in tokens if t[0].isalpha()).lower()
    capitals = "".join(t[0] for t in tokens if t[0].isupper()).lower()
    if letters and (letters in words or letters in (initials, capitals)):
        return True
    known: set[str] = set()
    for member in master.group(symbol) or (symbol,):
        record = master.get(member)
        if record is not None:
            for name in (record.name, *record.aliases):
                known.update(_words(name))
    known -= _GENERIC
    for word in words - _GENERIC:
        stem = word[:4]
        if any(other.startswith(stem) or word.startswith(other[:4]) for other in known):
            return True
    return False


_GENERIC = (
    lexicon.COMPANY_SUFFIXES
    | lexicon.GENERIC_FIRST_WORDS
    | frozenset("of and the de la & co inc corp com".split())
)


def _words(name: str) -> set[str]:
    low = name.lower().replace("'s", "").replace("’s", "").replace("'", "").replace("’", "")
    return {w for w in _WORD.findall(low) if len(w) >= 2}
