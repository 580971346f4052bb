"""Ticker forms: when an upper-case token in the text is meant as a ticker.

Explicit forms (``$BABA``, ``(BABA)``, ``9988.HK``, ``(AAPL.O)``, ``<JNJ.N>``, and a ticker
right after its company's name) always count; ``BABA stock`` and ``shares of BABA`` are good
context; a bare token counts only for a distinctive curated symbol outside shouted text,
datelines, quote codes (``EUR=EBS``) and abbreviations being defined (``Artificial
Intelligence Platform (AIP)``). Tickers that are English words or acronyms (AI, IT, ON) need
an explicit form.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from whymove.link import citations, context, lexicon

if TYPE_CHECKING:
    from whymove.link.matcher import Candidate, Linker

COMMON = lexicon.COMMON_WORD_TICKERS | lexicon.ACRONYMS
"""Tokens that are English words or acronyms before they are tickers."""
_TICKER_AFTER = re.compile(
    r"(?:['’]s)?[ \t]+(?:stock|stocks|shares|share price|options|calls|puts|ADRs?|ADSs?)\b"
)
_TICKER_BEFORE = re.compile(r"\b(?:shares|stock|stake|ADRs|ADSs) (?:of|in)[ \t]+$")
RIC = re.compile(r"\.(?:O|OQ|N|K|A|P|OB|PK)\b(?!\.\w)")
_ABBREVIATION_BEFORE = re.compile(
    r"\b(?:known as|called|dubbed|named|nicknamed|short for|stands for|abbreviated(?: as)?|"
    r"codenamed|branded)[ \t]+(?:the[ \t]+)?$"
)
_ABBREVIATION_ENDS = frozenset(
    "as called dubbed named nicknamed for abbreviated codenamed branded".split()
)
_CAPITAL_WORD_AFTER = re.compile(r"[ \t/-]([A-Z]{2,})\b(?![a-z])")
_CAPITAL_WORD_BEFORE = re.compile(r"\b([A-Z]{2,})[ \t/-]$")
_CODE_MARKS = frozenset("=^/+#")
_QUOTES = frozenset("\"“”‘’'")
_NAME_WORD_AFTER = re.compile(
    r"[ \t]+(?:Capital|Investors|Investments?|Markets|Securities|Research|Management|Advisors|"
    r"Advisers|Asset|Partners|Group|Holdings|Financial|Bank|Transportation|Energy|Resources|"
    r"Industries|International|Global|Technologies|Systems|Services|Foundation|Fund|Trust)\b"
)
_SPEAKS_AFTER = re.compile(
    r"(?:['’]s)?[ \t]+(?:said|says|thinks|believes|wrote|writes|noted|notes|argues|expects|"
    r"estimates|reckons|analysts?|strategists?|economists?|chief)\b"
)
_MARKS = frozenset("$(<")
_FUNCTION_WORDS = frozenset("of and the for in on to a an &".split())


def adjacent(text: str, end: int, start: int) -> bool:
    """Only spaces, a comma or an opening bracket between two spans."""
    gap = text[end:start]
    return len(gap) <= 3 and gap.strip(" \t(,") == ""


def explicit_ticker(text: str, cand: Candidate) -> bool:
    """``$BABA``, ``(BABA)``, ``9988.HK``, ``(AAPL.O)``, ``<JNJ.N>``."""
    start, end = cand.start, cand.end
    before = text[start - 1] if start else " "
    after = text[end : end + 1]
    symbol = cand.symbol
    if before not in _MARKS and after != "." and "." not in symbol and not symbol[:1].isdigit():
        return False  # a bare token: the common case, settled first
    if before == "$":
        return start < 2 or not text[start - 2].isalnum()
    if "." in symbol or symbol[:1].isdigit():
        return "." in text[start:end]
    if before in "(<":
        if after in (")", ">", ",", ";"):
            token = text[start:end]
            return token not in COMMON and not _defines_abbreviation(text, start - 1, token)
        return bool(RIC.match(text, end))
    # Reuters writes the code bare after the name: "Apple AAPL.O", "Nvidia NVDA.OQ".
    return after == "." and bool(RIC.match(text, end)) and text[start:end] not in COMMON


def _defines_abbreviation(text: str, paren: int, token: str) -> bool:
    """``Artificial Intelligence Platform (AIP)``: the words before spell the token."""
    letters = [ch for ch in token if ch.isalpha()]
    # Cheap test first: the word before the bracket must start with the token's last letter
    # or a function word must sit there ("... and Security (BIS)").
    tail = text[paren - 30 if paren > 30 else 0 : paren].split()
    if letters and len(tail) > 1 and tail[-1][:1].upper() != letters[-1]:
        return False  # the word before is whole in this short window, and does not fit
    words = text[paren - 80 if paren > 80 else 0 : paren].split()
    if len(words) < len(letters) or not letters:
        return False
    if words[-1][:1].upper() != letters[-1]:
        return False
    words = [w.strip("\"“”'’,.;:()") for w in words]
    words = [w for w in words if w[:1].isalpha()]
    if len(words) < len(letters):
        return False
    tail = words[-len(letters) :]
    initials = "".join(w[0] for w in tail).upper()
    if initials == "".join(letters):
        return True
    # Function words are often skipped: "Bureau of Industry and Security (BIS)".
    content = [w for w in words[-(len(letters) + 3) :] if w.lower() not in _FUNCTION_WORDS]
    return "".join(w[0] for w in content[-len(letters) :]).upper() == "".join(letters)


def bare_ticker(linker: Linker, text: str, cand: Candidate, prev: Candidate | None) -> str:
    """``explicit`` (Benzinga form, or ``(AI)`` after its company's name), ``context``
    (``BABA shares``), ``bare`` (a distinctive curated symbol), or ``""`` (not on its own)."""
    symbol = cand.symbol
    after_name = prev is not None and prev.source == "name" and prev.symbol == symbol
    if after_name and adjacent(text, prev.end, cand.start):  # type: ignore[union-attr]
        return "explicit"
    if text[cand.start : cand.end] in COMMON:
        return ""
    if _TICKER_AFTER.match(text, cand.end) or (
        context.word_before(text, cand.start) in ("of", "in")
        and context.ends_with(_TICKER_BEFORE, text, cand.start, 20)
    ):
        if symbol in linker.research and citations.research_source(text, cand.start, cand.end):
            return ""
        return "context"
    record = linker.master.get(symbol)
    token = text[cand.start : cand.end]
    if record is None or record.origin != "builtin" or len(token) < 3 or not token[:3].isalpha():
        return ""
    mark_before, mark_after = text[cand.start - 1 : cand.start], text[cand.end : cand.end + 1]
    if mark_before in _CODE_MARKS or mark_after in _CODE_MARKS:
        return ""  # EUR=EBS, ^GSPC, USD/JPY: a quote code, not a ticker
    if mark_before == "(":
        return ""  # in brackets but not explicit: an abbreviation being defined
    if mark_before in _QUOTES and mark_after in _QUOTES:
        return ""  # a term being coined: the “FANG” stocks
    if context.is_upper_line(text, cand.start) or _in_capitals_run(text, cand.start, cand.end):
        return ""
    if context.word_before(text, cand.start) in _ABBREVIATION_ENDS and context.ends_with(
        _ABBREVIATION_BEFORE, text, cand.start, 24
    ):
        return ""
    if _SPEAKS_AFTER.match(text, cand.end) or citations.source_firm(text, cand.start):
        return ""  # a ticker does not speak: "LPL says", "research firm ETR"
    title_word = _NAME_WORD_AFTER.match(text, cand.end)
    if (title_word or context.preceded_by_capital_word(text, cand.start)) and not (
        context.is_title_line(text, cand.start)
    ):
        return ""  # part of a longer name: "AMP Capital", "PAM Transportation", "Fondazione CRC"
    if symbol in linker.research and citations.research_source(text, cand.start, cand.end):
        return ""  # "global head of markets at ING"
    return "bare"


def _in_capitals_run(text: str, start: int, end: int) -> bool:
    """``SAN FRANCISCO``, ``WASHINGTON/SAN``: a capitalised word next to the token makes it
    part of a shouted phrase (a dateline, a headline), not a ticker."""
    after = _CAPITAL_WORD_AFTER.match(text, end)
    if after and after.group(1) not in COMMON:
        return True
    before = _CAPITAL_WORD_BEFORE.search(text, max(0, start - 20), start)
    return bool(before and before.group(1) not in COMMON)
