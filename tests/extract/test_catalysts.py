"""Catalyst detection: the hard cases one by one, the component, and properties."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from whymove.extract.catalyst_text import catalysts_in_text
from whymove.extract.catalysts import CATALYSTS, find_catalysts
from whymove.model import CATEGORIES, Article, Mention, Security
from whymove.pipeline import analyze


def _pairs(text: str, subject: str, others: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    return [(c.category, c.polarity) for c in catalysts_in_text(text, subject, others)]


# --- polarity is the effect on the security, not the tone of the words ------------------------


def test_eased_restrictions_are_good_news():
    text = "Export restrictions on advanced chips were eased, letting Apex Micro resume sales."
    assert _pairs(text, "Apex Micro")[0] == ("regulation", "positive")


def test_tightened_restrictions_are_bad_news():
    text = "Apex Micro fell after Washington tightened restrictions on chip exports to China."
    assert _pairs(text, "Apex Micro")[0] == ("regulation", "negative")


def test_a_rivals_cheaper_product_is_bad_news_for_the_incumbent():
    text = "A rival unveiled a cheaper sedan aimed squarely at Volta Cars' best seller."
    assert _pairs(text, "Volta Cars")[0] == ("sector", "negative")


def test_a_rivals_failure_is_good_news():
    text = "Medica Labs rose after a competitor's rival therapy failed in a late-stage trial."
    assert _pairs(text, "Medica Labs")[0] == ("sector", "positive")


def test_tariffs_that_protect_the_company_are_good_news():
    text = "Washington imposed new tariffs on imported aluminum, a boost for Northern Alloys."
    assert _pairs(text, "Northern Alloys")[0] == ("regulation", "positive")


def test_negation_reverses_the_event():
    text = "Brightline Foods did not raise its full-year forecast, disappointing investors."
    assert _pairs(text, "Brightline Foods")[0] == ("earnings", "negative")


def test_a_narrower_loss_is_good_news():
    text = "Brightline Foods' quarterly net loss narrowed to $3 million from $19 million."
    assert _pairs(text, "Brightline Foods")[0] == ("earnings", "positive")


def test_a_miss_outweighs_growth():
    text = "Revenue at Brightline Foods grew 6%, but it came in below analysts' estimates."
    assert _pairs(text, "Brightline Foods")[0] == ("earnings", "negative")


def test_a_stated_move_gives_its_cause_the_same_direction():
    text = "Corvex shares slid 7% after the Federal Reserve signaled higher rates for longer."
    found = catalysts_in_text(text, "Corvex")
    assert (found[0].category, found[0].polarity) == ("macro", "negative")
    assert not found[0].background


# --- hedging, concession and risk lists are background -----------------------------------------


def test_a_hedged_cause_is_background():
    text = (
        "Corvex reported strong quarterly results and raised its outlook.\n"
        "Analysts said new tariffs could weigh on Corvex's margins next year."
    )
    found = catalysts_in_text(text, "Corvex")
    assert found[0].category == "earnings"
    tariffs = [c for c in found if c.category == "regulation"]
    assert tariffs and tariffs[0].background and tariffs[0].polarity == "negative"
    assert found.index(tariffs[0]) > 0


def test_a_conceded_cause_is_background_and_keeps_its_own_polarity():
    text = "Despite a downgrade from Citi, Corvex shares rose 3% after it won a Navy contract."
    found = catalysts_in_text(text, "Corvex")
    assert (found[0].category, found[0].polarity) == ("partnership", "positive")
    analyst = [c for c in found if c.category == "analyst"]
    assert not analyst or (analyst[0].polarity == "negative" and analyst[0].background)


def test_items_of_a_risks_list_are_marked_background():
    text = (
        "Corvex shares rose 5% after the company raised its annual guidance.\n"
        "Risks:\n"
        "- Export controls on chips could restrict Corvex's sales to China."
    )
    found = catalysts_in_text(text, "Corvex")
    risk = [c for c in found if c.category == "regulation"]
    assert risk and risk[0].background and risk[0].polarity == "negative"


def test_an_upcoming_report_is_not_a_cause():
    text = "Investors will be watching Corvex's quarterly results, due next week."
    assert catalysts_in_text(text, "Corvex") == ()


def test_a_word_of_a_category_alone_is_not_a_catalyst():
    text = "Corvex, founded in 1998, sells industrial software in the United States."
    assert catalysts_in_text(text, "Corvex") == ()


def test_a_peers_own_news_is_a_sector_cause():
    text = "Corvex climbed 4% after peer Stellan reported quarterly revenue that beat estimates."
    found = catalysts_in_text(text, "Corvex", ("Stellan",))
    assert (found[0].category, found[0].polarity) == ("sector", "positive")
    assert found[0].actor == "Stellan"


# --- the component and what the pipeline shows -----------------------------------------------


ARTICLE = (
    "Corvex Systems Inc. (NASDAQ: CRVX) shares jumped 11% on Tuesday after the software maker "
    "reported quarterly revenue above estimates and raised its full-year forecast.\n"
    "Separately, Morgan Stanley upgraded the stock to overweight.\n"
    "The company did not respond to a request for comment."
)


def test_the_component_ranks_distinct_causes_with_evidence():
    article = analyze(ARTICLE, "2025-03-05").article
    found = article.catalysts
    keys = [(c.category, c.polarity) for c in found]
    assert keys[0] == ("earnings", "positive")
    assert ("analyst", "positive") in keys
    assert len(keys) == len(set(keys))
    # Causes first, background last; by weight within each.
    order = [(c.background, -c.weight) for c in found]
    assert order == sorted(order)
    for cat in found:
        assert 0 <= cat.start < cat.end <= len(article.text)
        assert cat.cue and cat.cue in article.text[cat.start : cat.end]
    assert f"{CATALYSTS.name}.v{CATALYSTS.version}" in article.versions


def test_catalysts_need_no_primary_security():
    article = Article("x", "<t>", "Shares rose after the company raised its outlook.")
    article = dataclasses.replace(article, sentences=((0, len(article.text)),))
    found = find_catalysts(article)
    assert found and found[0].ticker is None


# --- properties ----------------------------------------------------------------------------


_WORDS = st.sampled_from(
    "Corvex shares rose fell after the company raised cut its guidance outlook tariffs on "
    "chips were eased rival launched cheaper model despite downgrade Citi analysts said may "
    "could profit loss narrowed revenue beat estimates , . ; CEO resigned stake sold".split()
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=40).map(" ".join))
def test_catalysts_are_distinct_valid_and_inside_the_text(text: str):
    found = catalysts_in_text(text, "Corvex")
    keys = [(c.category, c.polarity) for c in found]
    assert len(keys) == len(set(keys))
    for cat in found:
        assert cat.category in CATEGORIES
        assert cat.polarity in ("positive", "negative", "neutral")
        assert 0 <= cat.start < cat.end <= len(text)
        assert 0.0 <= cat.confidence <= 1.0


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode_never_raises(text: str):
    mention = Mention("CRVX", 0, min(3, len(text))) if text else None
    article = Article(
        "x",
        "<t>",
        text,
        sentences=((0, len(text)),) if text else (),
        mentions=(mention,) if mention else (),
        securities=(Security("CRVX", "stock", 100, 1, True, "Corvex"),),
    )
    for cat in find_catalysts(article):
        assert 0 <= cat.start <= cat.end <= len(text)
