"""Aliases: the names a story uses for a security, how sure a match on each one is.

Legal names carry forms news text drops ("Alibaba Group Holding Limited" is "Alibaba"), so
:func:`derive_aliases` strips legal suffixes step by step. :func:`alias_table` turns a symbol
master into the list of :class:`Alias` entries the matcher's automaton is built from; each entry
says which letters must be capitals in the text and how much context it needs: a curated
distinctive name is certain, an everyday word ("Target") or a person's name ("Ma") is not.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from whymove.link import lexicon
from whymove.link.master import SymbolMaster
from whymove.model import SecurityKind, Ticker

# How much context a match on an alias needs before it counts as a mention.
STRONG = 0
"""Certain when written with the right capitals (Alibaba, Nvidia Corporation, S&P 500)."""
ORDINARY = 1
"""An everyday word: capitalised inside a prose sentence, or with company context."""
PROPER = 2
"""A person's name, place or derived bulk-file word: company context or a certain mention."""
CONTEXT_ONLY = 3
"""A media outlet or stock exchange: only with explicit company context (shares, a tag)."""
BLOCK = 4
"""A private company, unit, publisher or body: never a mention, and it hides what it covers."""

_LEGAL_TAIL = re.compile(
    r"(?:,?\s+(?:&\s+co\.?|inc\.?|incorporated|corp\.?|corporation|co\.?|company|ltd\.?|"
    r"limited|plc|llc|l\.?p\.?|holdings?|group|ag|se|s\.?a\.?|n\.?v\.?|s\.?p\.?a\.?|ab|asa|oyj|"
    r"adrs?|ads|sponsored|/[a-z]{2,3}/?|\\[a-z]{2,3}\\?|\(the\))\.?)\s*$",
    re.IGNORECASE,
)
_SHARE_CLASS = re.compile(
    r"\s*(?:[-–—,]\s*|\s)(?:class [a-z]\b|series [a-z]\b|common stock|common shares|ordinary "
    r"shares?|american depositary|depositary shares|sponsored adr|each representing|new york "
    r"registry|registered shares|units?\b|subordinate voting|voting shares).*$",
    re.IGNORECASE,
)
_DANGLING = re.compile(r"\s+(?:&|and)$", re.IGNORECASE)
"""What a stripped suffix leaves behind: ``Wells Fargo & Company`` -> ``Wells Fargo &``."""
_FUND_TAIL = re.compile(r"\s+(?:etf trust|etf|index fund|fund|trust|shares)\s*$", re.IGNORECASE)
_SPACES = re.compile(r"\s+")

# ASCII normalisation shared by the automaton keys and the text it scans: lower-case letters,
# digits and '&' stay, every other byte (and every non-ASCII character) becomes one space, so
# offsets are preserved and every key is padded with a space on each side.
_NAME_TABLE = bytes(
    (c + 32 if 65 <= c <= 90 else c)
    if (48 <= c <= 57 or 65 <= c <= 90 or 97 <= c <= 122 or c == 38)
    else 32
    for c in range(256)
)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_NOT_CJK_LEAD = bytes(range(0xE3)) + b"\xee" + bytes(range(0xF0, 0x100))
"""UTF-8 bytes that cannot open a Chinese, Japanese or Korean character (U+3040..U+FFEF,
fullwidth forms included, encode as three bytes led by E3..EF; EE leads only private use)."""


def may_have_cjk(text: str) -> bool:
    """False when ``text`` surely holds no CJK character: a C-speed test on its UTF-8 bytes,
    so English news (which curly quotes and dashes make non-ASCII) skips the CJK automaton.
    A character-class search over the text cost a third of linking an article."""
    return not text.isascii() and bool(
        text.encode("utf-8", "surrogatepass").translate(None, _NOT_CJK_LEAD)
    )


def fold(text: str) -> str:
    """``text`` normalised for the name automaton, same length: ``Alibaba's`` -> ``alibaba s``."""
    return text.encode("ascii", "replace").translate(_NAME_TABLE).decode("ascii")


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def ascii_variant(alias: str) -> str:
    """The alias with accents removed (Nestlé -> Nestle), for text typed without them."""
    decomposed = unicodedata.normalize("NFKD", alias)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def display_name(name: str) -> str:
    """A readable form of an all-capitals legal name (SEC files): ``NVIDIA CORP`` -> ``Nvidia
    Corp``; short vowel-less words (PDD, AT&T, BP) stay in capitals."""
    name = _SPACES.sub(" ", name).strip()
    if not name.isupper():
        return name
    words = []
    for word in name.split(" "):
        letters = re.sub(r"[^A-Z]", "", word)
        keep = len(letters) <= 2 or not re.search(r"[AEIOUY]", letters) or "&" in word
        words.append(word if keep else word[0] + word[1:].lower())
    return " ".join(words)


def clean_legal_name(name: str) -> str:
    """The company part of a listing name: share-class and depositary wording removed."""
    name = _SPACES.sub(" ", name).strip()
    name = _SHARE_CLASS.sub("", name).strip(" -–,")
    return name


def derive_aliases(name: str, kind: SecurityKind = "stock") -> tuple[str, ...]:
    """Short forms of a legal name, longest first, the name itself excluded.

    Example: ``derive_aliases("Alibaba Group Holding Limited")`` ->
    ``("Alibaba Group Holding", "Alibaba Group", "Alibaba")``.
    """
    if kind == "index":
        return ()
    full = _SPACES.sub(" ", name).strip()
    current = clean_legal_name(full)
    out: list[str] = []
    if current != full:
        out.append(current)
    if current.lower().startswith("the "):
        current = current[4:]
        out.append(current)
    if kind == "etf":
        shorter = _FUND_TAIL.sub("", current).strip(" ,")
        if shorter != current and len(shorter.split()) >= 2:
            out.append(shorter)
        return tuple(dict.fromkeys(a for a in out if a and a != full))
    while True:
        shorter = _DANGLING.sub("", _LEGAL_TAIL.sub("", current)).strip(" ,")
        if shorter == current or not shorter:
            break
        current = shorter
        out.append(current)
    if current.lower().endswith(".com") and len(current) > 8:
        out.append(current[:-4])
    return tuple(dict.fromkeys(a for a in out if len(a) >= 2 and a != full))


def short_name(name: str) -> str | None:
    """The distinctive first word of a name whose other words only say the trade:
    ``Matador Resources`` -> ``Matador``, ``Diamondback Energy`` -> ``Diamondback``;
    None when the first word is generic (``American Express``) or the rest is not a trade."""
    words = name.split()
    if len(words) < 2 or len(words) > 3:
        return None
    first = words[0]
    if (
        len(first) < 4
        or not first[0].isupper()
        or not first.isalpha()
        or first.lower() in lexicon.GENERIC_FIRST_WORDS
        or first.lower() in _TRADE_WORDS
        or first.lower() in lexicon.SECTOR_WORDS
        or any(w.lower().strip(",.") not in _TRADE_WORDS for w in words[1:])
    ):
        return None
    return first


_VENUE_WORDS = ("nasdaq", "nyse", "exchange", "hkex", "market", "chinext", "euronext", "bourse")
_TRADE_WORDS = frozenset(
    """resources energy technologies technology pharmaceuticals pharmaceutical therapeutics
    systems software semiconductor semiconductors motors motor airlines air brands foods
    industries entertainment communications networks financial petroleum oil gas minerals
    mining materials labs laboratories biosciences bioscience biotherapeutics health healthcare
    medical solutions services capital properties realty pharma interactive digital media games
    automotive electric power utilities partners midstream exploration production chemicals
    chemical steel metals gold silver copper lithium uranium solar wind robotics biotech
    biosystems genomics diagnostics devices instruments electronics micro networks platforms
    holdings group inc corp corporation company co ltd limited plc international global dynamics
    aerospace logistics enterprises resorts hotels beverages apparel retail restaurants""".split()
)


@dataclass(frozen=True, slots=True)
class Alias:
    """One name of one security, as the matcher uses it."""

    text: str
    """The alias as written: its capitals are the case rule."""
    symbol: Ticker
    """The canonical symbol a mention through this alias carries (BABA for 9988.HK's names)."""
    kind: SecurityKind
    strength: int
    upper: tuple[int, ...]
    """Offsets in the matched text that must be capital letters."""
    research: bool = False
    """The name of a bank, broker or data firm, often quoted as the source of a view."""
    venue: bool = False
    """A name a stock exchange or market also goes by ("listed on the Nasdaq")."""
    weak: bool = False
    """A one-word everyday or person's name: the article may use it for a person."""
    plain: bool = False
    """A certain name with no venue or source reading: the common case, checked first."""


def upper_positions(alias: str, acronym: bool) -> tuple[int, ...]:
    """Offsets that must be capitals: every letter of an acronym, else each capitalised
    word start (so ``Apple`` does not match ``apple``, ``iShares`` still matches)."""
    if acronym:
        return tuple(i for i, ch in enumerate(alias) if ch.isalpha())
    return tuple(
        i for i, ch in enumerate(alias) if ch.isupper() and (i == 0 or not alias[i - 1].isalnum())
    )


def is_acronym(alias: str, builtin: bool) -> bool:
    """``AMD``, ``BYD``, ``3M``: one token without lower case (bulk-file names such as
    ``NVIDIA CORP`` are shouted, not acronyms, unless very short)."""
    letters = [ch for ch in alias if ch.isalpha()]
    if not letters or " " in alias or any(ch.islower() for ch in letters):
        return False
    return builtin or len(letters) <= 4


def classify(alias: str, *, builtin: bool, derived: bool, kind: SecurityKind) -> int | None:
    """The :data:`STRONG` .. :data:`CONTEXT_ONLY` level of one alias, or None to drop it."""
    low = _SPACES.sub(" ", alias.lower()).strip()
    if low in lexicon.PRIVATE_NAMES:
        return None
    if (alias.isupper() and alias in lexicon.ACRONYMS) or alias in lexicon.COMMON_WORD_TICKERS:
        return None
    if low in lexicon.SECTOR_WORDS:
        return None
    letters = sum(ch.isalnum() for ch in alias)
    if letters < 2 or (letters == 2 and not is_acronym(alias, builtin)):
        return None
    if low in lexicon.MEDIA_NAMES or low in lexicon.VENUE_NAMES:
        return CONTEXT_ONLY
    if low in lexicon.PROPER_NAMES or low in lexicon.GIVEN_NAMES:
        return PROPER
    if low in lexicon.ORDINARY_NAMES:
        return ORDINARY
    if kind == "index":
        return STRONG
    if builtin:
        # A single word cut from a curated legal name ("Rogers" from "Rogers Corporation") is
        # often a surname or a word; the curated aliases themselves are trusted.
        return ORDINARY if derived and " " not in low and not is_acronym(alias, True) else STRONG
    # A bulk listing file: its full legal names are certain, a bare word cut from one is not.
    if derived:
        return PROPER if " " not in low else ORDINARY
    return STRONG


def alias_table(master: SymbolMaster) -> list[Alias]:
    """Every alias of every security in ``master``, plus the blocking names of the lexicon.

    Aliases of one company's listings carry the canonical symbol; for one text the first
    entry wins, so curated (built-in) records come before loaded ones. A short name cut from
    a full name (``Matador``) is kept only when no other company would claim it.
    """
    records = sorted(master, key=lambda r: r.origin != "builtin")
    plans: list[tuple[str, SecurityKind, bool, bool, list[tuple[str, int]]]] = []
    claimed: dict[str, set[str]] = {}
    shorts: dict[str, set[str]] = {}
    for rec in records:
        symbol = rec.symbol if rec.kind == "index" else master.canonical(rec.symbol)
        target = master.get(symbol)
        kind: SecurityKind = target.kind if target else rec.kind
        # (text, 0 given | 1 derived | 2 short name)
        builtin = rec.origin == "builtin"
        # Bulk files shout their names (NVIDIA CORP); curated names keep their capitals (TIM).
        name = rec.name if builtin else display_name(rec.name)
        texts = [(name, 0), *((a, 0) for a in rec.aliases)]
        derived = derive_aliases(name, rec.kind)
        texts.extend((a, 1) for a in derived)
        short = short_name(derived[-1] if derived else texts[0][0]) if rec.kind != "index" else None
        if short:
            texts.append((short, 2))
            shorts.setdefault(short.lower(), set()).add(symbol)
        removed = master.removed(rec.symbol)
        if removed:
            texts = [(t, how) for t, how in texts if _trim(t).lower() not in removed]
        for text, how in texts:
            if how < 2:
                claimed.setdefault(_trim(text).lower(), set()).add(symbol)
        plans.append(
            (symbol, kind, builtin, _is_research(rec.name, rec.aliases, rec.symbol), texts)
        )
    entries: list[Alias] = []
    seen: set[tuple[str, str]] = set()
    for symbol, kind, builtin, research, texts in plans:
        for raw, how in texts:
            text = _trim(raw)
            if how == 2 and (
                len(shorts[text.lower()]) > 1 or claimed.get(text.lower(), {symbol}) != {symbol}
            ):
                continue
            for variant in dict.fromkeys((text, ascii_variant(text))):
                if (variant, symbol) in seen:
                    continue
                seen.add((variant, symbol))
                strength = classify(variant, builtin=builtin, derived=how > 0, kind=kind)
                if strength is None:
                    continue
                if how == 2:
                    strength = max(strength, PROPER)
                acronym = is_acronym(variant, builtin)
                venue = kind == "index" or any(w in variant.lower() for w in _VENUE_WORDS)
                entries.append(
                    Alias(
                        variant,
                        symbol,
                        kind,
                        strength,
                        upper_positions(variant, acronym),
                        research,
                        venue,
                        strength in (ORDINARY, PROPER) and " " not in variant,
                        strength == STRONG and not research and not venue,
                    )
                )
    for name in sorted(lexicon.PRIVATE_NAMES):
        entries.append(Alias(name, "", "stock", BLOCK, ()))
    return entries


def _trim(alias: str) -> str:
    """Drop punctuation at the ends (``Baidu, Inc.`` -> ``Baidu, Inc``): the text's own
    period or bracket must not become part of a mention's span."""
    return _SPACES.sub(" ", alias).strip(" .,;:()[]\"'’“”-")


def _is_research(name: str, aliases: tuple[str, ...], symbol: str = "") -> bool:
    names = {name.lower(), symbol.lower(), *(a.lower() for a in aliases)}
    names |= {d.lower() for d in derive_aliases(name)}
    return bool(names & lexicon.RESEARCH_NAMES)
