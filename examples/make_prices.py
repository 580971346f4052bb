"""Generate the synthetic daily price files in ``examples/prices/``.

Every price in those files is invented. The series are seeded random walks with a beta to a
benchmark (SPY for U.S. stocks, KWEB or FXI for Chinese listings), shaped so that the moves
stated in the sample articles of ``examples/articles/`` appear in the data:

* a day move stated for the close or the regular session (or with no session) is the exact
  close-to-close return of that session;
* a premarket move is the opening gap of that session, and the close-to-close return of the
  session is within a few tenths of a point of it;
* an after-hours move is the opening gap of the next session, whose close-to-close return is
  close to it;
* a stated price (``$92.40``) is the close of that session, or for a premarket/after-hours move
  the previous/same close times the stated move;
* multi-day statements (week, month, year-to-date, trailing year, "since") are met by spreading
  a small drift over the other sessions of the window.

The calendar is the NYSE one (weekdays minus the exchange holidays hard-coded below) for every
file, the Hong Kong listings included: a simplification that keeps the samples small.

Run from anywhere, with the standard library only:

    python examples/make_prices.py

The output is deterministic: the same script always writes the same bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import math
import random
from dataclasses import dataclass
from pathlib import Path

OUT_DIR = Path(__file__).resolve().parent / "prices"

# NYSE full-day closures, 2022-2026 (New Year, MLK, Presidents, Good Friday, Memorial Day,
# Juneteenth, Independence Day, Labor Day, Thanksgiving, Christmas, plus the national day of
# mourning on 2025-01-09).
NYSE_HOLIDAYS = frozenset(
    dt.date.fromisoformat(d)
    for d in """
    2022-01-17 2022-02-21 2022-04-15 2022-05-30 2022-06-20 2022-07-04 2022-09-05 2022-11-24
    2022-12-26
    2023-01-02 2023-01-16 2023-02-20 2023-04-07 2023-05-29 2023-06-19 2023-07-04 2023-09-04
    2023-11-23 2023-12-25
    2024-01-01 2024-01-15 2024-02-19 2024-03-29 2024-05-27 2024-06-19 2024-07-04 2024-09-02
    2024-11-28 2024-12-25
    2025-01-01 2025-01-09 2025-01-20 2025-02-17 2025-04-18 2025-05-26 2025-06-19 2025-07-04
    2025-09-01 2025-11-27 2025-12-25
    2026-01-01 2026-01-19 2026-02-16 2026-04-03 2026-05-25 2026-06-19 2026-07-03 2026-09-07
    2026-11-26 2026-12-25
    """.split()
)

FIRST_SESSION = dt.date(2022, 1, 3)
LATEST_ARTICLE = dt.date(2025, 6, 2)
SESSIONS_AFTER_LATEST = 10


def nyse_sessions(start: dt.date, end: dt.date) -> list[dt.date]:
    """NYSE trading days from start to end, both included."""
    days = []
    day = start
    while day <= end:
        if day.weekday() < 5 and day not in NYSE_HOLIDAYS:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


@dataclass(frozen=True)
class Spec:
    """How one synthetic series behaves."""

    benchmark: str | None  # ticker whose returns it follows, None for the market itself
    beta: float
    vol: float  # daily idiosyncratic volatility
    anchor_date: str  # the close on this date is anchor_price
    anchor_price: float
    volume: int  # typical daily share volume


# Benchmarks first: a series may only follow one defined above it.
SPECS: dict[str, Spec] = {
    "SPY": Spec(None, 1.0, 0.0095, "2024-05-15", 529.78, 60_000_000),
    "QQQ": Spec("SPY", 1.2, 0.0045, "2024-05-15", 455.10, 40_000_000),
    "FXI": Spec("SPY", 0.5, 0.0150, "2025-05-13", 35.90, 35_000_000),
    "KWEB": Spec("FXI", 1.35, 0.0090, "2024-09-26", 31.20, 25_000_000),
    # U.S. listings (articles 01-19)
    "ADBE": Spec("SPY", 1.2, 0.016, "2024-06-13", 487.90 / 1.074, 3_000_000),
    "TGT": Spec("SPY", 0.9, 0.014, "2024-11-19", 141.80 / 0.904, 4_500_000),
    "NKE": Spec("SPY", 1.0, 0.014, "2024-04-16", 92.40, 9_000_000),
    "MU": Spec("SPY", 1.5, 0.022, "2023-11-06", 73.85, 18_000_000),
    "NVDA": Spec("SPY", 1.8, 0.024, "2024-10-28", 140.52, 250_000_000),
    "SNOW": Spec("SPY", 1.4, 0.025, "2024-10-15", 115.40, 6_000_000),
    "REGN": Spec("SPY", 0.6, 0.013, "2024-09-27", 1062.15, 600_000),
    "AVGO": Spec("SPY", 1.4, 0.020, "2024-10-09", 181.20, 25_000_000),
    "KRE": Spec("SPY", 1.1, 0.013, "2023-09-20", 43.90, 15_000_000),
    "PLTR": Spec("SPY", 1.6, 0.030, "2024-11-18", 64.40, 60_000_000),
    "RIVN": Spec("SPY", 1.7, 0.035, "2024-02-26", 11.24 / 1.0475, 40_000_000),
    "JNJ": Spec("SPY", 0.5, 0.009, "2024-10-15", 160.20, 7_000_000),
    "F": Spec("SPY", 1.2, 0.018, "2025-05-15", 10.42, 70_000_000),
    "MTDR": Spec("SPY", 1.3, 0.022, "2025-06-02", 49.10, 1_500_000),
    "SHOP": Spec("SPY", 1.6, 0.026, "2025-02-19", 125.30, 9_000_000),
    "ACN": Spec("SPY", 1.0, 0.012, "2025-03-20", 318.40, 3_000_000),
    "JD": Spec("KWEB", 1.1, 0.018, "2025-05-12", 35.20 / 1.031, 12_000_000),
    # Hong Kong listings (prices in HKD)
    "1810.HK": Spec("KWEB", 1.1, 0.022, "2024-09-26", 21.45, 120_000_000),
    "0700.HK": Spec("KWEB", 0.9, 0.012, "2024-09-26", 418.60, 20_000_000),
    "9618.HK": Spec("KWEB", 1.1, 0.018, "2025-05-13", 135.60, 15_000_000),
    "9988.HK": Spec("KWEB", 1.0, 0.015, "2025-05-13", 127.40, 60_000_000),
    "0981.HK": Spec("FXI", 1.3, 0.024, "2024-10-29", 27.85, 90_000_000),
}


@dataclass(frozen=True)
class DayMove:
    """A one-session move stated in an article.

    kind: "close" (a closing, regular-session or unqualified move: exact close-to-close return),
    "premarket" (opening gap of that session) or "after_hours" (opening gap of the next one).
    percent is signed; None means the article gives only a direction (sign from `down`).
    """

    ticker: str
    date: str
    kind: str
    percent: float | None
    down: bool = False
    article: str = ""


@dataclass(frozen=True)
class Window:
    """A multi-session move: close on `end` over close on `start`, in percent (signed)."""

    ticker: str
    start: str
    end: str
    percent: float
    article: str = ""


DAY_MOVES = [
    DayMove("ADBE", "2024-06-13", "after_hours", 7.4, article="01"),
    DayMove("TGT", "2024-11-20", "premarket", -9.6, article="02"),
    DayMove("NKE", "2024-04-16", "close", -2.8, article="03"),
    DayMove("MU", "2023-11-06", "close", 5.3, article="04"),
    DayMove("NVDA", "2024-10-29", "premarket", -2.9, article="05"),
    DayMove("0981.HK", "2024-10-29", "close", -4.2, article="05"),
    DayMove("REGN", "2024-09-27", "close", 3.4, article="07"),
    DayMove("AVGO", "2024-10-09", "close", 4.1, article="08"),
    DayMove("QQQ", "2024-10-09", "close", 1.5, article="08 (Nasdaq Composite, proxy)"),
    DayMove("SPY", "2024-05-15", "close", 1.1, article="09"),
    DayMove("QQQ", "2024-05-15", "close", 1.3, article="09"),
    DayMove("KRE", "2023-09-20", "close", -2.6, article="10"),
    DayMove("SPY", "2023-09-20", "close", -0.9, article="10 (S&P 500, proxy)"),
    DayMove("QQQ", "2023-09-20", "close", -1.5, article="10 (Nasdaq Composite, proxy)"),
    DayMove("1810.HK", "2024-09-26", "close", 6.3, article="11"),
    DayMove("0700.HK", "2024-09-26", "close", 2.4, article="11"),
    DayMove("KWEB", "2024-09-26", "premarket", 3.8, article="11"),
    DayMove("PLTR", "2024-11-18", "close", 3.2, article="12"),
    DayMove("RIVN", "2024-02-27", "premarket", 4.75, article="13"),
    DayMove("JNJ", "2024-10-15", "close", -1.7, article="14"),
    DayMove("JNJ", "2024-10-14", "close", None, down=True, article="14 (no percent given)"),
    DayMove("F", "2025-05-15", "close", -3.6, article="15"),
    DayMove("MTDR", "2025-06-02", "close", 16.9, article="16 (premarket +17.8% is the open)"),
    DayMove("SHOP", "2025-02-19", "close", 2.7, article="17"),
    DayMove("ACN", "2025-03-20", "close", -5.2, article="18"),
    DayMove("JD", "2025-05-13", "premarket", 3.1, article="19"),
    DayMove("9618.HK", "2025-05-13", "close", 4.5, article="19"),
    DayMove("9988.HK", "2025-05-13", "close", 3.4, article="19"),
    DayMove("KWEB", "2025-05-13", "premarket", 2.6, article="19"),
    DayMove("FXI", "2025-05-13", "premarket", 1.9, article="19"),
]

# Opening gaps stated separately from a closing move on the same session.
OPENING_GAPS = {("MTDR", "2025-06-02"): 17.8}

WINDOWS = [
    Window("ADBE", "2023-12-29", "2024-06-13", -21, "01 ytd"),
    Window("NKE", "2023-04-14", "2024-04-16", -27, "03 past 12 months"),
    Window("MU", "2023-10-03", "2023-11-03", 8, "04 past month"),
    Window("NVDA", "2023-12-29", "2024-10-29", 180, "05 ytd"),
    Window("REGN", "2024-08-26", "2024-09-26", -4, "07 past month"),
    Window("AVGO", "2023-12-29", "2024-10-09", 62, "08 ytd"),
    Window("SPY", "2024-05-10", "2024-05-15", 1.6, "09 week so far (S&P 500, proxy)"),
    Window("KRE", "2022-12-30", "2023-09-20", -27, "10 ytd"),
    Window("1810.HK", "2023-12-29", "2024-09-26", 37, "11 ytd"),
    Window("PLTR", "2024-11-11", "2024-11-18", 9, "12 past week"),
    Window("PLTR", "2024-10-18", "2024-11-18", 45, "12 past month"),
    Window("PLTR", "2023-12-29", "2024-11-18", 275, "12 ytd"),
    Window("PLTR", "2023-11-17", "2024-11-18", 220, "12 past 12 months"),
    Window("RIVN", "2023-12-29", "2024-02-26", -52, "13 ytd"),
    Window("F", "2025-04-15", "2025-05-15", -9, "15 past month"),
    Window("SHOP", "2024-11-11", "2025-02-19", 60, "17 since November earnings"),
    Window("ACN", "2024-12-31", "2025-03-20", -9, "18 ytd"),
]


def rng_for(ticker: str, salt: str = "") -> random.Random:
    """A generator seeded from the ticker name (stable across runs and Python versions)."""
    digest = hashlib.sha256(f"whymove-samples:{ticker}:{salt}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def build_returns(
    ticker: str, spec: Spec, sessions: list[dt.date], returns: dict[str, list[float]]
) -> tuple[list[float], list[float]]:
    """Close-to-close returns and opening gaps for one ticker, with the stated moves planted."""
    rng = rng_for(ticker)
    index = {d: i for i, d in enumerate(sessions)}
    n = len(sessions)
    bench = returns[spec.benchmark] if spec.benchmark else [0.0] * n
    drift = 0.0002 if spec.benchmark is None else 0.0
    r = [spec.beta * bench[i] + rng.gauss(drift, spec.vol) for i in range(n)]
    r[0] = 0.0
    gap = [0.35 * r[i] + rng.gauss(0.0, spec.vol / 4) for i in range(n)]
    locked = {0}

    def session(date: str) -> int:
        day = dt.date.fromisoformat(date)
        if day not in index:
            raise ValueError(f"{ticker}: {date} is not an NYSE session")
        return index[day]

    for move in (m for m in DAY_MOVES if m.ticker == ticker):
        i = session(move.date)
        if move.percent is None:
            pct = -abs(rng.uniform(0.3, 0.9)) if move.down else abs(rng.uniform(0.3, 0.9))
        else:
            pct = move.percent
        p = pct / 100
        if move.kind == "close":
            r[i] = p
            gap[i] = 0.5 * p
            locked.add(i)
        elif move.kind == "premarket":
            r[i] = p + rng.uniform(-0.003, 0.003)
            gap[i] = p
            locked.add(i)
        elif move.kind == "after_hours":
            r[i + 1] = p + rng.uniform(-0.003, 0.003)
            gap[i + 1] = p
            locked.update({i, i + 1})
        else:
            raise ValueError(f"{ticker}: unknown move kind {move.kind!r}")
    for (gticker, date), pct in OPENING_GAPS.items():
        if gticker == ticker:
            gap[session(date)] = pct / 100

    # Shortest windows first; each fills only the sessions that no shorter one has fixed.
    for window in sorted(
        (w for w in WINDOWS if w.ticker == ticker),
        key=lambda w: session(w.end) - session(w.start),
    ):
        lo, hi = session(window.start), session(window.end)
        span = range(lo + 1, hi + 1)
        free = [i for i in span if i not in locked]
        if not free:
            raise ValueError(f"{ticker}: window {window} has no free session")
        target = math.log1p(window.percent / 100)
        current = sum(math.log1p(r[i]) for i in span)
        delta = (target - current) / len(free)
        for i in free:
            r[i] = math.expm1(math.log1p(r[i]) + delta)
        locked.update(span)
    return r, gap


def write_csv(
    ticker: str, spec: Spec, sessions: list[dt.date], r: list[float], gap: list[float]
) -> Path:
    rng = rng_for(ticker, "ohlcv")
    closes = [1.0]
    for ret in r[1:]:
        closes.append(closes[-1] * (1 + ret))
    anchor = sessions.index(dt.date.fromisoformat(spec.anchor_date))
    scale = spec.anchor_price / closes[anchor]
    closes = [c * scale for c in closes]

    path = OUT_DIR / f"{ticker}.csv"
    with path.open("w", newline="") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(["Date", "Open", "High", "Low", "Close", "Adj Close", "Volume"])
        for i, day in enumerate(sessions):
            close = closes[i]
            prev = closes[i - 1] if i else close / (1 + gap[i])
            open_ = prev * (1 + gap[i])
            wick = spec.vol / 2.5
            high = max(open_, close) * (1 + abs(rng.gauss(0.0, wick)))
            low = min(open_, close) * (1 - abs(rng.gauss(0.0, wick)))
            surprise = abs(r[i]) / max(spec.vol, 1e-9)
            volume = int(spec.volume * math.exp(rng.gauss(0.0, 0.25)) * (1 + 0.4 * surprise**2 / 4))
            out.writerow(
                [
                    day.isoformat(),
                    f"{open_:.6f}",
                    f"{high:.6f}",
                    f"{low:.6f}",
                    f"{close:.6f}",
                    f"{close:.6f}",
                    volume,
                ]
            )
    return path


def main() -> None:
    after = nyse_sessions(
        LATEST_ARTICLE + dt.timedelta(days=1), LATEST_ARTICLE + dt.timedelta(days=40)
    )
    sessions = nyse_sessions(FIRST_SESSION, after[SESSIONS_AFTER_LATEST - 1])
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    returns: dict[str, list[float]] = {}
    for ticker, spec in SPECS.items():
        r, gap = build_returns(ticker, spec, sessions, returns)
        returns[ticker] = r
        path = write_csv(ticker, spec, sessions, r, gap)
        print(f"wrote {path.name}: {len(sessions)} sessions {sessions[0]} .. {sessions[-1]}")


if __name__ == "__main__":
    main()
