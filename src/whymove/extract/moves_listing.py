"""Places of listing: "shares in Hong Kong", "its dual listing on the New York Stock
Exchange", "Taipei-listed", "ADRs" name the listing of a company that moved (9988.HK, BABA).
"""

from __future__ import annotations

import re

from whymove.extract.dates_calendar import mic_for_symbol
from whymove.extract.moves_patterns import PLACE_HINT, PLACE_PATTERNS
from whymove.link.master import SymbolMaster

_ANY_PLACE = re.compile(
    "|".join(f"(?P<p{i}>{pattern.pattern})" for i, (pattern, _) in enumerate(PLACE_PATTERNS))
)
"""Every place pattern in one pass; the group that matched says which."""


def place_mics(
    text: str, base: int, skip: list[tuple[int, int]]
) -> tuple[frozenset[str], list[tuple[int, int]]]:
    """The listing place named in ``text`` (the MICs it allows) and the spans it covers."""
    found: frozenset[str] = frozenset()
    spans: list[tuple[int, int]] = []
    for match in _place_matches(text):
        start, end = base + match.start(), base + match.end()
        if any(a <= start < b for a, b in skip):
            continue
        spans.append((start, end))
        if not found:
            found = PLACE_PATTERNS[int((match.lastgroup or "p0")[1:])][1]
    return found, spans


def _place_matches(text: str) -> list[re.Match[str]]:
    """The place phrases of ``text``, left to right, not overlapping, as one pass of
    ``_ANY_PLACE`` over the whole text finds them; but the patterns are tried only at the
    positions where a phrase can start, from a few characters before each place name a cheap
    scan found to that name's end."""
    starts: set[int] = set()
    for hint in PLACE_HINT.finditer(text):
        starts.update(range(max(0, hint.start() - _BEFORE), hint.end()))
    kept: list[re.Match[str]] = []
    end = 0
    for pos in sorted(starts):
        if pos < end:
            continue
        match = _ANY_PLACE.match(text, pos)
        if match is not None and match.end() > match.start():
            kept.append(match)
            end = match.end()
    return kept


_BEFORE = 12
"""How far before its place name a place phrase can start ("on the ")."""


def listing_in(master: SymbolMaster, symbol: str, mics: frozenset[str]) -> str:
    """The listing of ``symbol``'s company that trades on one of ``mics``, else ``symbol``.

    Example: ``listing_in(master, "BABA", {"XHKG"})`` -> ``"9988.HK"``.
    """
    if not mics:
        return symbol
    record = master.get(symbol)
    if record is not None and record.kind == "index":
        return symbol
    if mic_for_symbol(symbol, record.exchange if record else "") in mics:
        return symbol
    for member in family(master, symbol):
        rec = master.get(member)
        if mic_for_symbol(member, rec.exchange if rec else "") in mics:
            return member
    return symbol


def family(master: SymbolMaster, symbol: str) -> tuple[str, ...]:
    """Every listing of the company of ``symbol`` (the master's groups, else its links)."""
    group = getattr(master, "group", None)
    if callable(group):
        members = tuple(group(symbol))
        if members:
            return members
    record = master.get(symbol)
    linked = list(record.links) if record else []
    linked += [r.symbol for r in master if symbol in r.links]
    return tuple(dict.fromkeys(linked))
