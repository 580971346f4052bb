"""Explain and check on the shipped examples with their own (synthetic) sample prices.

The examples' README says every closing move an article states is planted exactly as the
close-to-close return of its session, so the raw return explain reports must equal it; the
expected sessions and categories below were read off the articles and gold.jsonl by hand.
Two small articles are written here: one states a Snowflake move the prices contradict, one
reports JD's subsidy news a day before the example story (the start of its novelty chain).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from whymove.explaining import Market, check_claims, explain_session
from whymove.ingest import ingest
from whymove.prices import connect, load_file, resolve_db_url, upsert_series
from whymove.store import open_store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
UTC = dt.UTC

WRONG = (
    "Snowflake Shares Slide As Software Stocks Retreat\n"
    "Snowflake Inc (NYSE: SNOW) shares closed down 6.2% on Tuesday as investors sold cloud "
    "software stocks ahead of the earnings season.\n"
    "The data-warehouse company did not comment on the move.\n"
)
FIRST_JD = (
    "China Plans Bigger Trade-In Subsidies For Appliances\n"
    "China's commerce ministry said on Monday it would expand its consumer trade-in subsidy "
    "program to more home appliances and phones, a boost for online retailers such as JD.com "
    "Inc (NASDAQ: JD).\n"
    "Details of the funding will be published later this week.\n"
)


def _write(folder: Path, name: str, text: str, published: str) -> None:
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    meta = {"title": text.splitlines()[0], "url": f"https://example.com/tests/{name}",
            "source": "whymove tests", "published": published}  # fmt: skip
    (folder / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The examples and the two test articles ingested, all sample prices loaded."""
    root = tmp_path_factory.mktemp("explaining")
    extra = root / "extra"
    extra.mkdir()
    _write(extra, "snowflake_wrong", WRONG, "2024-10-15T21:30:00+00:00")
    _write(extra, "jd_subsidy_first", FIRST_JD, "2025-05-12T14:00:00+00:00")
    path = str(root / "whymove.db")
    with open_store(path) as store:
        summary = ingest([str(EXAMPLES / "articles"), str(extra)], store)
    assert summary.new == 21 and not summary.rejected
    engine = connect(resolve_db_url(path))
    for file in sorted((EXAMPLES / "prices").glob("*.csv")):
        for series in load_file(file):
            upsert_series(engine, series)
    return path


def _answer(db: str, symbol: str, day: dt.date, market: Market | None = None) -> Any:
    with open_store(db) as store:
        return explain_session(store, market or Market.from_engine(store.engine), symbol, day)


# (example, primary ticker, session, stated close-to-close move in %, gold first catalyst)
CLOSING = [
    ("03_nike_downgrade", "NKE", dt.date(2024, 4, 16), -2.8, "analyst"),
    ("04_micron_upgrade", "MU", dt.date(2023, 11, 6), 5.3, "analyst"),
    ("07_regeneron_fda_approval", "REGN", dt.date(2024, 9, 27), 3.4, "regulation"),
    ("08_broadcom_chip_sector_day", "AVGO", dt.date(2024, 10, 9), 4.1, "sector"),
    ("10_regional_banks_fed", "KRE", dt.date(2023, 9, 20), -2.6, "macro"),
    ("11_xiaomi_hong_kong", "1810.HK", dt.date(2024, 9, 26), 6.3, None),
    ("15_ford_ceo_departs", "F", dt.date(2025, 5, 15), -3.6, "management"),
    ("16_matador_diamondback_deal", "MTDR", dt.date(2025, 6, 2), 16.9, "corporate_action"),
    ("17_shopify_coatue_stake", "SHOP", dt.date(2025, 2, 19), 2.7, "ownership"),
    ("18_accenture_common_words", "ACN", dt.date(2025, 3, 20), -5.2, "earnings"),
]


@pytest.mark.parametrize(("example", "symbol", "session", "percent", "category"), CLOSING)
def test_explain_reports_the_stated_close_and_the_gold_cause(
    db: str, example: str, symbol: str, session: dt.date, percent: float, category: str | None
) -> None:
    answer = _answer(db, symbol, session)
    action = answer.explanation.price_action
    assert action.source == "prices"
    assert action.raw_return * 100 == pytest.approx(percent, abs=0.005)
    assert answer.event is not None and answer.event.benchmark in {"SPY", "KWEB", "FXI"}
    assert action.abnormal_return == answer.event.abnormal_return
    assert any(ref.input.endswith(f"{example}.txt") for ref in answer.news)
    assert [c.verdict for c in answer.checks if c.move.ticker == symbol][:1] == ["agrees"]
    if category is not None:
        assert answer.explanation.why[0].category == category
    assert answer.key_points and answer.key_points[0].evidence == "price data"


def test_hong_kong_listing_is_measured_against_kweb_on_its_own_calendar(db: str) -> None:
    answer = _answer(db, "1810.HK", dt.date(2024, 9, 26))
    assert answer.exchange == "XHKG" and answer.timezone == "Asia/Hong_Kong"
    assert answer.event.benchmark == "KWEB"
    # the session closes at 16:00 Hong Kong time, 08:00 UTC
    assert answer.closes_at == dt.datetime(2024, 9, 26, 8, 0, tzinfo=UTC)


def test_after_hours_move_explains_the_next_session(db: str) -> None:
    # Adobe rose 7.4% after the bell on Thursday 13 June: that is Friday's session.
    answer = _answer(db, "ADBE", dt.date(2024, 6, 14))
    stated = answer.explanation.stated_moves
    assert [(m.date, m.affects, m.session) for m in stated] == [
        (dt.date(2024, 6, 13), dt.date(2024, 6, 14), "after_hours")
    ]
    assert answer.checks[0].verdict == "agrees"
    assert answer.checks[0].compared_with == "next open vs close"
    assert answer.explanation.why[0].category == "earnings"
    # published 17:05 New York time, inside Friday's window (Thursday close, Friday close]
    assert answer.news[0].selected_by == "window"
    assert answer.news[0].known_at == dt.datetime(2024, 6, 13, 21, 5, tzinfo=UTC)


def test_a_story_written_the_next_day_explains_the_day_it_names(db: str) -> None:
    # The J&J story is dated 16 October and says the shares fell 1.7% "on Tuesday" (15th).
    answer = _answer(db, "JNJ", dt.date(2024, 10, 15))
    assert answer.explanation.price_action.raw_return * 100 == pytest.approx(-1.7, abs=0.005)
    (ref,) = answer.news
    assert ref.selected_by == "stated move" and ref.date_only
    # a date-only story counts as known at the end of its day, after the move
    assert ref.known_at == dt.datetime(2024, 10, 17, 0, 0, tzinfo=UTC)
    assert any("after the close" in p.text for p in answer.uncertainties)
    assert "legal" in [c.category for c in answer.explanation.why]


def test_other_listings_count_as_the_company_and_related_moves_come_from_prices(db: str) -> None:
    answer = _answer(db, "JD", dt.date(2025, 5, 13))
    assert {m.ticker for m in answer.explanation.stated_moves} == {"JD", "9618.HK"}
    roles = {r.symbol: r.role for r in answer.related}
    assert roles["KWEB"] == "benchmark" and roles["9618.HK"] == "other listing"
    assert roles["SPY"] == "market"
    premarket = next(c for c in answer.checks if c.move.ticker == "JD")
    assert (premarket.verdict, premarket.compared_with) == ("agrees", "opening gap")
    assert {m.ticker for m in answer.explanation.related_moves} >= {"KWEB", "FXI", "9988.HK"}


def test_novelty_chain_starts_with_the_earlier_story(db: str) -> None:
    answer = _answer(db, "JD", dt.date(2025, 5, 13))
    top = answer.explanation.why[0]
    assert top.category == "regulation"
    (source,) = top.sources
    # the test story of 12 May told of the subsidies first: the example is a repeat
    assert source.novelty == 50 and not source.copy
    with open_store(db) as store:
        first = store.search("Bigger Trade-In Subsidies")[0].id
    assert source.chain_id == first


def test_without_prices_the_stated_moves_serve_and_the_answer_says_so(db: str) -> None:
    answer = _answer(db, "NKE", dt.date(2024, 4, 16), Market.from_frames({}))
    action = answer.explanation.price_action
    assert action.source == "stated"
    assert action.raw_return == pytest.approx(-0.028)
    assert answer.event is None and answer.checks == () and answer.related == ()
    assert any("stated moves serve" in note for note in answer.notes)
    assert answer.explanation.why[0].category == "analyst"


def _known_everywhere(data: dict[str, Any]) -> list[str]:
    """Paths of events in the JSON answer that lack ``known_at``."""
    events = [("price_action", data["price_action"])]
    events += [(f"stated_moves[{i}]", m) for i, m in enumerate(data["stated_moves"])]
    for part in ("why", "risks"):
        for i, cause in enumerate(data[part]):
            events.append((f"{part}[{i}]", cause))
            events += [(f"{part}[{i}].sources[{j}]", s) for j, s in enumerate(cause["sources"])]
    events += [(f"related.prices[{i}]", r) for i, r in enumerate(data["related_moves"]["prices"])]
    events += [(f"related.stated[{i}]", r) for i, r in enumerate(data["related_moves"]["stated"])]
    events += [(f"news[{i}]", n) for i, n in enumerate(data["news"])]
    events += [(f"checks[{i}]", c) for i, c in enumerate(data["checks"])]
    return [path for path, event in events if not event.get("known_at")]


def test_json_answer_has_every_section_and_known_at_on_every_event(db: str) -> None:
    data = json.loads(json.dumps(_answer(db, "JD", dt.date(2025, 5, 13)).to_dict()))
    for key in ("price_action", "event_study", "why", "key_points", "risks", "uncertainties",
                "related_moves", "news", "checks", "notes"):  # fmt: skip
        assert key in data
    assert data["related_moves"]["prices"] and data["related_moves"]["stated"]
    assert _known_everywhere(data) == []
    # a price is known at its session's close; news at publication (11:50 UTC here)
    assert data["price_action"]["known_at"] == "2025-05-13T20:00:00+00:00"
    assert data["news"][-1]["known_at"] == "2025-05-13T11:50:00+00:00"
    assert data["event_study"]["benchmark"] == "KWEB"


def test_check_agrees_with_the_examples_and_flags_the_wrong_story(db: str) -> None:
    with open_store(db) as store:
        claims = check_claims(store, Market.from_engine(store.engine))
    contradictions = [c for c in claims if c.check.verdict == "contradicts"]
    assert [(c.check.move.ticker, c.source) for c in contradictions] == [("SNOW", "whymove tests")]
    wrong = contradictions[0].check
    assert wrong.move.date == dt.date(2024, 10, 15)
    assert wrong.actual_percent == pytest.approx(-1.206, abs=0.001)
    agreed = {
        (c.check.move.ticker, c.check.move.date) for c in claims if c.check.verdict == "agrees"
    }
    assert {(symbol, session) for _, symbol, session, _, _ in CLOSING} <= agreed
    # a move without loaded prices is unverifiable, never contradicted
    crm = next(c for c in claims if c.check.move.ticker == "CRM")
    assert crm.check.verdict == "unverifiable"


def test_check_for_one_ticker_includes_its_other_listings(db: str) -> None:
    with open_store(db) as store:
        claims = check_claims(store, Market.from_engine(store.engine), "jd")
    assert {c.check.move.ticker for c in claims} == {"JD", "9618.HK"}
    assert all(c.check.verdict == "agrees" for c in claims)


def _ytd_bars() -> Any:
    import pandas as pd

    # NYSE sessions 31 Dec 2024, 10-12 Feb 2025; price returns hand-made: the 11 Feb close is
    # 1.2 x the year-end close (+20%), the 12 Feb close 1.3 x (a further +8.33%).
    days = [dt.date(2024, 12, 31), dt.date(2025, 2, 10), dt.date(2025, 2, 11), dt.date(2025, 2, 12)]
    return pd.DataFrame(
        {"open": [100.0, 115.0, 118.0, 125.0], "close": [100.0, 116.0, 120.0, 130.0],
         "return": [float("nan"), 0.0, 1.2 - 1.0, 1.3 / 1.2 - 1.0]},
        index=days,
    )  # fmt: skip


def test_a_year_to_date_claim_in_a_date_only_story_may_be_as_of_the_previous_close() -> None:
    from whymove.explaining.checks import _check
    from whymove.explaining.news import stated_move
    from whymove.store.read import StoredMove

    day = dt.date(2025, 2, 12)
    stored = StoredMove("ABC", "up", 20.0, None, None, None, "ytd", dt.date(2025, 1, 2), day,
                        False, 0.8, "up 20% this year")  # fmt: skip
    move = stated_move(stored)
    # ytd base: the last close of 2024; +20% to 11 Feb (1.0 x 1.2), +30% to 12 Feb (x 1.3/1.2)
    date_only = dt.datetime(2025, 2, 12, tzinfo=UTC)
    check = _check(move, _ytd_bars(), date_only, "XNYS")
    assert (check.verdict, check.actual_percent) == ("agrees", 20.0)
    assert check.compared_with == "ytd from 2024-12-31 to 2025-02-11"
    # published after the 12 Feb close, the claim is as of that close: +30% is not +20%
    after_close = dt.datetime(2025, 2, 12, 22, 0, tzinfo=UTC)
    assert _check(move, _ytd_bars(), after_close, "XNYS").verdict == "contradicts"


def test_a_claim_past_the_loaded_prices_is_unverifiable_not_contradicted() -> None:
    from whymove.explaining.checks import _check
    from whymove.explaining.news import stated_move
    from whymove.store.read import StoredMove

    stored = StoredMove("ABC", "down", 30.0, None, None, None, "ytd", dt.date(2026, 1, 2),
                        dt.date(2026, 3, 2), False, 0.8, "down 30% this year")  # fmt: skip
    check = _check(stated_move(stored), _ytd_bars(), None, "XNYS")
    assert check.verdict == "unverifiable"
    assert "2026-03-02" in check.reason


def test_an_index_label_finds_the_stories_that_state_its_move(db: str) -> None:
    # Index labels are stored as labels.md writes them (hang_seng), not upper-cased.
    answer = _answer(db, "hang_seng", dt.date(2024, 9, 26))
    assert any(ref.input.endswith("11_xiaomi_hong_kong.txt") for ref in answer.news)
    action = answer.explanation.price_action
    assert action.source == "stated"
    assert action.raw_return == pytest.approx(0.029)
