"""Which listing of a company a place names: "Alibaba shares in Hong Kong" -> 9988.HK.

Labels.md: a move stated for a named non-US listing carries that listing's symbol. The move
extractor finds the company and the place; :func:`listing_for` maps the pair through the
master's links between listings.
"""

from __future__ import annotations

import re

from whymove.link.master import US_EXCHANGES, SymbolMaster, full_master
from whymove.model import Ticker

_PLACES: tuple[tuple[re.Pattern[str], frozenset[str], tuple[str, ...]], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), frozenset(mics), suffixes)
    for pattern, mics, suffixes in (
        (r"hong\s*kong|\bhk\b|hkex|\bsehk\b", ("XHKG",), (".HK",)),
        (r"shanghai|star market|\bsse\b", ("XSHG",), (".SS",)),
        (r"shenzhen|chinext|\bszse\b", ("XSHE",), (".SZ",)),
        (r"\bmainland\b|a-shares?", ("XSHG", "XSHE"), (".SS", ".SZ")),
        (r"london|\blse\b|\bu\.?k\.?\b|britain", ("XLON",), (".L",)),
        (r"tokyo|japan", ("XTKS",), (".T",)),
        (r"seoul|korea|kospi|kosdaq", ("XKRX", "XKOS"), (".KS", ".KQ")),
        (r"taipei|taiwan", ("XTAI", "ROCO"), (".TW", ".TWO")),
        (r"frankfurt|xetra|germany|german", ("XETR", "XFRA"), (".DE", ".F")),
        (r"paris|france|french", ("XPAR",), (".PA",)),
        (r"amsterdam|netherlands|dutch", ("XAMS",), (".AS",)),
        (r"zurich|swiss|switzerland", ("XSWX",), (".SW",)),
        (r"toronto|canada|canadian|\btsx\b", ("XTSE",), (".TO",)),
        (r"mumbai|india|\bnse\b|\bbse\b", ("XNSE", "XBOM"), (".NS", ".BO")),
        (r"sydney|australia|\basx\b", ("XASX",), (".AX",)),
        (r"singapore", ("XSES",), (".SI",)),
        (r"milan|italy", ("XMIL",), (".MI",)),
        (r"madrid|spain", ("XMAD",), (".MC",)),
        (r"stockholm|sweden", ("XSTO",), (".ST",)),
        (r"copenhagen|denmark", ("XCSE",), (".CO",)),
        (r"oslo|norway", ("XOSL",), (".OL",)),
        (
            r"new\s*york|\bnyse\b|nasdaq|wall\s*street|\bu\.?s\.?\b|united states|america|"
            r"us-listed|adrs?\b|ads\b",
            tuple(US_EXCHANGES),
            (),
        ),
    )
)


def listing_for(
    symbol: Ticker, place_text: str, master: SymbolMaster | None = None
) -> Ticker | None:
    """The listing of ``symbol``'s company on the market ``place_text`` names, or None.

    Example: ``listing_for("BABA", "in Hong Kong")`` -> ``"9988.HK"``;
    ``listing_for("9988.HK", "on the NYSE")`` -> ``"BABA"``; ``listing_for("AAPL", "Tokyo")``
    -> None (no listing there).
    """
    master = master or full_master()
    group = master.group(symbol)
    if not group:
        return None
    for pattern, mics, suffixes in _PLACES:
        if not pattern.search(place_text):
            continue
        for member in group:
            record = master.get(member)
            if record is None or record.kind == "index":
                continue
            if record.exchange in mics or (suffixes and member.endswith(suffixes)):
                return member
        return None
    return None
