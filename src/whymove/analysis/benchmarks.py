"""Which benchmark a security's abnormal return is measured against: ordered, editable rules.

A market model is only as good as its market: a Chinese internet ADR moves with other Chinese
internet stocks far more than with the S&P 500, so measuring BABA against SPY would call the
whole sector's day "abnormal". The default rules therefore send Hong Kong listings and Chinese
ADRs to KWEB (China internet), falling back to FXI (China large caps) when KWEB prices are not
loaded, mainland A-shares to ASHR then FXI, and everything else to SPY. Sector ETFs (XLK, XLE,
...) are an option for US stocks. The first rule that matches *and* has a loaded candidate wins.

Note: a US-listed benchmark for a Hong Kong listing trades hours after the Hong Kong close; the
event study compounds the benchmark over the same calendar interval, but the timing mismatch
remains, so a user with HK-listed ETF prices (2800.HK, 3033.HK) should put them first.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from whymove.errors import ConfigError
from whymove.link.master import SecurityRecord, SymbolMaster, builtin_master

SECTOR_ETFS: dict[str, str] = {
    "Information Technology": "XLK",
    "Communication Services": "XLC",
    "Consumer Discretionary": "XLY",
    "Consumer Staples": "XLP",
    "Energy": "XLE",
    "Financials": "XLF",
    "Health Care": "XLV",
    "Industrials": "XLI",
    "Materials": "XLB",
    "Real Estate": "XLRE",
    "Utilities": "XLU",
}
"""GICS sectors and the Select Sector SPDR fund tracking each."""


@dataclass(frozen=True, slots=True)
class BenchmarkRule:
    """``candidates`` for the securities this rule matches; empty conditions match everything.

    Conditions: listing ``suffix`` (".HK"), home ``country`` (ISO code from the symbol master),
    GICS ``sector``, or an explicit ``symbol``. All given conditions must hold.
    """

    candidates: tuple[str, ...]
    suffix: str | None = None
    country: str | None = None
    sector: str | None = None
    symbol: str | None = None

    def matches(self, symbol: str, record: SecurityRecord | None) -> bool:
        if self.symbol is not None and symbol.upper() != self.symbol.upper():
            return False
        if self.suffix is not None and not symbol.upper().endswith(self.suffix.upper()):
            return False
        if self.country is not None and (record is None or record.country != self.country):
            return False
        return self.sector is None or (record is not None and record.sector == self.sector)


DEFAULT_RULES: tuple[BenchmarkRule, ...] = (
    BenchmarkRule(("KWEB", "FXI"), suffix=".HK"),
    BenchmarkRule(("ASHR", "FXI"), suffix=".SS"),
    BenchmarkRule(("ASHR", "FXI"), suffix=".SZ"),
    BenchmarkRule(("KWEB", "FXI"), country="CN"),
    BenchmarkRule(("SPY",)),
)


def sector_rules() -> tuple[BenchmarkRule, ...]:
    """One rule per GICS sector: its SPDR sector fund, then SPY."""
    return tuple(BenchmarkRule((etf, "SPY"), sector=s) for s, etf in SECTOR_ETFS.items())


def rules_with(
    extra: Sequence[BenchmarkRule] = (), *, sector_etfs: bool = False
) -> tuple[BenchmarkRule, ...]:
    """User rules first, then the defaults, with sector funds just before the SPY catch-all."""
    defaults = list(DEFAULT_RULES)
    if sector_etfs:
        defaults[-1:-1] = sector_rules()
    return (*extra, *defaults)


def parse_rule(text: str) -> BenchmarkRule:
    """A rule from its command-line form ``CONDITION:CANDIDATE[,CANDIDATE...]``.

    Conditions: ``suffix=.HK``, ``country=CN``, ``sector=Energy``, ``symbol=BABA``, or ``*``.
    Several conditions join with ``&``.

    Example: ``parse_rule("suffix=.HK:3033.HK,KWEB")``.
    """
    condition, sep, candidates = text.rpartition(":")
    names = tuple(c.strip().upper() for c in candidates.split(",") if c.strip())
    if not sep or not names:
        raise ConfigError(
            f"--benchmark-rule={text!r}: use CONDITION:SYMBOL[,SYMBOL], e.g. country=CN:KWEB,FXI"
        )
    fields: dict[str, str] = {}
    for part in condition.split("&"):
        part = part.strip()
        if part in ("", "*"):
            continue
        key, eq, value = part.partition("=")
        key = key.strip().lower()
        if not eq or key not in {"suffix", "country", "sector", "symbol"}:
            raise ConfigError(
                f"--benchmark-rule={text!r}: condition {part!r} is not one of "
                "suffix=, country=, sector=, symbol="
            )
        fields[key] = value.strip()
    return BenchmarkRule(names, **fields)


def choose_benchmark(
    symbol: str,
    available: Collection[str] | None = None,
    rules: Sequence[BenchmarkRule] = DEFAULT_RULES,
    master: SymbolMaster | None = None,
) -> str | None:
    """The benchmark for ``symbol``: the first loaded candidate of the first matching rule.

    ``available`` is the set of symbols with prices (``None``: assume every candidate is).
    A security is never its own benchmark. Returns ``None`` when no candidate is loaded.

    Example: ``choose_benchmark("BABA", {"FXI", "SPY"})`` -> ``"FXI"`` (no KWEB loaded).
    """
    record = (master or builtin_master()).get(symbol)
    for rule in rules:
        if not rule.matches(symbol, record):
            continue
        for candidate in rule.candidates:
            if candidate != symbol.upper() and (available is None or candidate in available):
                return candidate
    return None
