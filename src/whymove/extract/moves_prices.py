"""The price a move left a security at: "at $84.60", "to close at HK$21.45", "at 28.61".

Only the level the move reached counts, in the move's own clause: not a level it is compared
with ("its peak of around $310"), not where it came from ("from $9.50"), not a target or a
deal value ("a price target of $200", "a $5 billion buyback"). A bare number needs decimals,
thousands separators or a unit ("pence", "points") to be a price; its currency comes from the
listing's exchange when the text gives none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from whymove.extract.dates_calendar import CURRENCIES, calendar_name
from whymove.extract.moves_discourse import Discourse
from whymove.extract.moves_patterns import (
    CURRENCY_SYMBOLS,
    CURRENCY_UNITS,
    NOT_PRICE_BEFORE,
    PRICE_AFTER_LEAD,
    PRICE_EACH,
)
from whymove.link.master import SymbolMaster

_DOLLAR_CURRENCIES = frozenset({"HKD", "CAD", "AUD", "SGD", "TWD", "NZD"})


@dataclass(frozen=True, slots=True)
class Price:
    """A price level with its currency (None for an index level) and where it ends."""

    value: float
    currency: str | None
    end: int


def _listing_currency(ticker: str, master: SymbolMaster, disc: Discourse) -> str | None:
    kind = disc.kind(ticker)
    if kind == "index":
        return None
    record = master.get(ticker)
    name = calendar_name(
        ticker, kind, record.exchange if record else "", record.country if record else ""
    )
    return CURRENCIES.get(name)


def _price(match: re.Match[str], listing: str | None, kind: str) -> Price | None:
    symbol, amount, unit = match.group(1), match.group(2), match.group(3)
    if symbol is None and unit is None:
        if "." not in amount and "," not in amount:
            return None
        if re.fullmatch(r"(?:19|20)\d\d", amount):
            return None
    value = float(amount.replace(",", ""))
    currency: str | None
    if symbol is not None:
        currency = CURRENCY_SYMBOLS.get(symbol.strip().lower(), "USD")
        if currency == "USD" and symbol.strip() == "$" and listing in _DOLLAR_CURRENCIES:
            currency = listing
    elif unit is not None:
        currency = CURRENCY_UNITS.get(unit.lower(), listing) or None
        if unit.lower() == "cents":
            value /= 100
    else:
        currency = listing
    if kind == "index":
        currency = None
    if value <= 0:
        return None
    return Price(round(value, 6), currency, match.end())


def find_price(
    sentence: str, trig_end: int, hi: int, lo: int, ticker: str, master: SymbolMaster,
    disc: Discourse,
) -> Price | None:  # fmt: skip
    """The price after the move word within ``trig_end``..``hi``, else an "at $X" before it
    (``lo``..): offsets are into ``sentence``; ``end`` of the result too."""
    listing = _listing_currency(ticker, master, disc)
    kind = disc.kind(ticker)
    each = PRICE_EACH.search(sentence, lo, hi)
    for match in PRICE_AFTER_LEAD.finditer(sentence, trig_end, hi):
        if NOT_PRICE_BEFORE.search(sentence[max(lo, match.start() - 40) : match.start()]):
            continue
        price = _price(match, listing, kind)
        if price is not None:
            return price
    if each is not None:
        return _price_each(each, listing, kind)
    for match in PRICE_AFTER_LEAD.finditer(sentence, lo, max(lo, trig_end)):
        if match.group(0).lower().lstrip().startswith("at") and match.group(1):
            price = _price(match, listing, kind)
            if price is not None:
                return price
    return None


def _price_each(match: re.Match[str], listing: str | None, kind: str) -> Price | None:
    symbol, amount = match.group(1), match.group(2)
    currency = CURRENCY_SYMBOLS.get(symbol.strip().lower(), "USD")
    if currency == "USD" and symbol.strip() == "$" and listing in _DOLLAR_CURRENCIES:
        currency = listing
    return Price(float(amount.replace(",", "")), None if kind == "index" else currency, match.end())
