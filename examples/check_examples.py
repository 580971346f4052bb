"""Check the sample data in ``examples/``: articles, sidecar metadata, gold labels and prices.

Run from anywhere, with the standard library only:

    python examples/check_examples.py

It prints one line per problem and exits 1 if there is any, 0 otherwise. It checks that every
``NAME.txt`` has a ``NAME.meta.json`` and one gold line, that the gold labels use only the values
allowed by the label contract, and that the synthetic prices written by ``make_prices.py`` carry
the day moves and prices the articles state.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import json
import re
import sys
from pathlib import Path

from whymove import model

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
PRICES = HERE / "prices"

DIRECTIONS = set(model.DIRECTIONS)
SESSIONS = {*model.SESSIONS, None}
HORIZONS = set(model.HORIZONS)
CATEGORIES = set(model.CATEGORIES)
POLARITIES = set(model.POLARITIES)
SENTIMENTS = {"positive", "negative", "neutral"}
INDEX_RE = re.compile(r"^[a-z0-9&_]+$")  # s&p500, nasdaq_composite, hang_seng, csi300 ...
TICKER_RE = re.compile(r"^[A-Z0-9][A-Z0-9.\-]*$")
GOLD_KEYS = {"id", "primary_tickers", "mentioned_tickers", "price_moves", "catalysts", "sentiment"}
MOVE_KEYS = {"ticker", "direction", "percent", "price", "session", "horizon"}
BENCHMARKS = ("SPY", "QQQ", "KWEB", "FXI")

problems: list[str] = []


def problem(where: str, message: str) -> None:
    problems.append(f"{where}: {message}")


def load_make_prices():
    spec = importlib.util.spec_from_file_location("make_prices", HERE / "make_prices.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules["make_prices"] = module
    spec.loader.exec_module(module)
    return module


def parse_published(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return dt.date.fromisoformat(value)
    try:
        stamp = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return stamp.date() if stamp.tzinfo is not None else None


def check_articles(mp) -> tuple[list[dict], dict[str, dt.date]]:
    texts = sorted(ARTICLES.glob("*.txt"))
    gold_path = ARTICLES / "gold.jsonl"
    gold: list[dict] = []
    for n, line in enumerate(gold_path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            gold.append(json.loads(line))
        except json.JSONDecodeError as err:
            problem(f"gold.jsonl:{n}", f"not JSON: {err}")
    ids = [g.get("id") for g in gold]
    if len(ids) != len(set(ids)):
        problem("gold.jsonl", "duplicate ids")
    names = {p.stem for p in texts}
    for missing in names - set(ids):
        problem(missing, "no gold line")
    for extra in set(ids) - names:
        problem(f"gold.jsonl id {extra}", "no matching .txt")
    if len(texts) < 16:
        problem("articles", f"only {len(texts)} articles, want at least 16")

    published: dict[str, dt.date] = {}
    for path in texts:
        name = path.stem
        text = path.read_text(encoding="utf-8")
        words = len(text.split())
        if not 150 <= words <= 600:
            problem(name, f"{words} words, want 150-600")
        headline = text.splitlines()[0].strip() if text.strip() else ""
        if not headline or len(headline) > 160:
            problem(name, f"first line is not a headline: {headline!r}")
        meta_path = path.with_suffix(".meta.json")
        if not meta_path.exists():
            problem(name, "no .meta.json")
            continue
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if set(meta) != {"title", "url", "source", "published"}:
            problem(name, f"meta keys {sorted(meta)}")
        if meta.get("title") != headline:
            problem(name, "meta title differs from the headline")
        if not str(meta.get("url", "")).startswith("https://example.com/"):
            problem(name, "meta url is not under https://example.com/")
        if meta.get("source") != "whymove samples":
            problem(name, "meta source is not 'whymove samples'")
        day = parse_published(meta.get("published"))
        if day is None:
            problem(name, f"published {meta.get('published')!r} is not a date or offset datetime")
            continue
        if not 2023 <= day.year <= 2025:
            problem(name, f"published {day} outside 2023-2025")
        if day.weekday() >= 5 or day in mp.NYSE_HOLIDAYS:
            problem(name, f"published {day} is not an NYSE trading day")
        published[name] = day

    for g in gold:
        check_gold(g)
    return gold, published


def check_gold(g: dict) -> None:
    where = str(g.get("id"))
    if set(g) != GOLD_KEYS:
        problem(where, f"gold keys {sorted(g)}")
        return
    mentioned = g["mentioned_tickers"]
    for t in mentioned:
        if not TICKER_RE.match(t):
            problem(where, f"mentioned ticker {t!r} is not a symbol")
    if len(mentioned) != len(set(mentioned)):
        problem(where, "duplicate mentioned tickers")
    if not g["primary_tickers"] or not set(g["primary_tickers"]) <= set(mentioned):
        problem(where, "primary_tickers empty or not a subset of mentioned_tickers")
    for m in g["price_moves"]:
        if set(m) != MOVE_KEYS:
            problem(where, f"move keys {sorted(m)}")
            continue
        t = m["ticker"]
        is_index = bool(INDEX_RE.match(t))
        if not is_index and t not in mentioned:
            problem(where, f"move ticker {t} not in mentioned_tickers")
        if not is_index and not TICKER_RE.match(t):
            problem(where, f"move ticker {t!r} is neither a symbol nor an index name")
        if m["direction"] not in DIRECTIONS:
            problem(where, f"direction {m['direction']!r}")
        if m["session"] not in SESSIONS:
            problem(where, f"session {m['session']!r}")
        if m["horizon"] not in HORIZONS:
            problem(where, f"horizon {m['horizon']!r}")
        for key in ("percent", "price"):
            value = m[key]
            if value is not None and (not isinstance(value, (int, float)) or value < 0):
                problem(where, f"{key} {value!r} must be null or a non-negative number")
    for c in g["catalysts"]:
        if c.get("category") not in CATEGORIES:
            problem(where, f"category {c.get('category')!r}")
        if c.get("polarity") not in POLARITIES:
            problem(where, f"polarity {c.get('polarity')!r}")
        if not c.get("summary"):
            problem(where, "catalyst without summary")
        if set(c) - {"category", "polarity", "actor", "summary"}:
            problem(where, f"catalyst keys {sorted(c)}")
    if g["sentiment"] not in SENTIMENTS:
        problem(where, f"sentiment {g['sentiment']!r}")


def read_prices(path: Path) -> dict[dt.date, dict[str, float]]:
    with path.open(newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        if header != ["Date", "Open", "High", "Low", "Close", "Adj Close", "Volume"]:
            problem(path.name, f"header {header}")
        rows = {}
        for row in reader:
            o, h, lo, c, _adj, v = (float(x) for x in row[1:])
            rows[dt.date.fromisoformat(row[0])] = {
                "open": o,
                "high": h,
                "low": lo,
                "close": c,
                "volume": v,
            }
            if not (h >= max(o, c) and lo <= min(o, c) and lo > 0 and v >= 0):
                problem(path.name, f"{row[0]}: inconsistent OHLCV")
    return rows


def check_prices(mp, gold: list[dict], published: dict[str, dt.date]) -> None:
    latest = max(published.values())
    wanted = set(BENCHMARKS)
    for g in gold:
        wanted.update(g["primary_tickers"])
        wanted.update(t for t in g["mentioned_tickers"] if t.endswith(".HK"))
    files = {p.stem: p for p in PRICES.glob("*.csv")}
    for t in sorted(wanted - set(files)):
        problem("prices", f"no file for {t}")
    data = {t: read_prices(p) for t, p in files.items()}
    for t, rows in data.items():
        days = sorted(rows)
        expected = mp.nyse_sessions(days[0], days[-1])
        if days != expected:
            problem(f"{t}.csv", "dates are not exactly the NYSE sessions of its range")
        before = sum(1 for d in days if d < latest)
        after = sum(1 for d in days if d > latest)
        if before < 300 or after < 10:
            problem(f"{t}.csv", f"{before} sessions before {latest} and {after} after")

    def ret(t: str, day: dt.date) -> tuple[float, dt.date]:
        days = sorted(data[t])
        i = days.index(day)
        return data[t][day]["close"] / data[t][days[i - 1]]["close"] - 1, days[i - 1]

    planted: dict[tuple[str, float], object] = {}
    for move in mp.DAY_MOVES:
        if move.ticker not in data:
            problem("make_prices", f"day move for {move.ticker} without a file")
            continue
        day = dt.date.fromisoformat(move.date)
        days = sorted(data[move.ticker])
        target = day if move.kind != "after_hours" else days[days.index(day) + 1]
        r, _ = ret(move.ticker, target)
        if move.percent is None:
            if (r < 0) != move.down:
                problem(f"{move.ticker}.csv", f"{target}: direction differs from the article")
            continue
        tolerance = 0.00005 if move.kind == "close" else 0.005
        if abs(r - move.percent / 100) > tolerance:
            problem(f"{move.ticker}.csv", f"{target}: return {r:.4%}, article says {move.percent}%")
        planted[(move.ticker, move.percent)] = move
    for window in mp.WINDOWS:
        rows = data[window.ticker]
        start, end = dt.date.fromisoformat(window.start), dt.date.fromisoformat(window.end)
        r = rows[end]["close"] / rows[start]["close"] - 1
        if abs(r - window.percent / 100) > 0.00005:
            problem(
                f"{window.ticker}.csv",
                f"{window.start}..{window.end}: {r:.4%} vs {window.percent}%",
            )
    gaps = {(t, pct) for (t, _), pct in mp.OPENING_GAPS.items()}
    windows = {(w.ticker, w.percent) for w in mp.WINDOWS}

    for g in gold:
        for m in g["price_moves"]:
            t, pct = m["ticker"], m["percent"]
            if t not in data or pct is None:
                continue
            signed = -pct if m["direction"] == "down" else pct
            if m["horizon"] != "day":
                if m["horizon"] not in ("since", "multi_year") and (t, signed) not in windows:
                    problem(
                        g["id"], f"{t} {m['horizon']} {signed}% not planted in make_prices.WINDOWS"
                    )
                continue
            move = planted.get((t, signed))
            if move is None:
                if (t, pct) not in gaps:
                    problem(g["id"], f"{t} day {signed}% not planted in make_prices.DAY_MOVES")
                continue
            if m["price"] is None:
                continue
            day = dt.date.fromisoformat(move.date)
            close = data[t][day]["close"]
            if move.kind == "premarket":
                _, prev = ret(t, day)
                implied = data[t][prev]["close"] * (1 + signed / 100)
            elif move.kind == "after_hours":
                implied = close * (1 + signed / 100)
            else:
                implied = close
            if abs(implied - m["price"]) > 0.006:
                problem(g["id"], f"{t} stated price {m['price']} but prices give {implied:.4f}")


def main() -> int:
    mp = load_make_prices()
    gold, published = check_articles(mp)
    if published:
        check_prices(mp, gold, published)
    for line in problems:
        print(line)
    n_moves = sum(len(g["price_moves"]) for g in gold)
    n_cats = sum(len(g["catalysts"]) for g in gold)
    print(
        f"{len(gold)} articles, {n_moves} price moves, {n_cats} catalysts, "
        f"{len(list(PRICES.glob('*.csv')))} price files: "
        + ("OK" if not problems else f"{len(problems)} problem(s)")
    )
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
