"""Boilerplate removal: furniture goes by its shape, story lines stay, and it is idempotent."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from whymove.clean.boilerplate import is_boilerplate, line_key, strip_boilerplate

# Lines written for these tests; each is furniture of a kind news sites carry.
FURNITURE = [
    "Get the Morning Movers newsletter delivered to your inbox every weekday.",
    "Subscribe now and never miss a rate decision.",
    "World | Business | Markets | Tech | Opinion",
    "Share this article: Facebook | LinkedIn | Email",
    "Facebook Twitter LinkedIn Email Print",
    "Comments (14)",
    "Leave a comment below and join the discussion.",
    "4 min read",
    "Advertisement",
    "Also read: Five chip stocks to watch before earnings season",
    "Read the full story on Example Wire",
    "Related Articles",
    "Photo by Jane Roe for Example News",
    "Image credit: Example Images",
    "© 2025 Example Media Group. All rights reserved.",
    "Disclaimer: the author holds no position in the stocks mentioned.",
    "This content is for informational purposes only and is not investment advice.",
    "Privacy Policy",
    "Reporting by Jane Roe; Editing by John Doe",
    "press@example.org",
    "Popular Topics",
]

# Story lines that share words with furniture but have the shape of reporting.
STORY_LINES = [
    "Netflix said it added 9 million subscribers in the quarter, and the stock rose 6%.",
    "Customers can sign up for the new card starting next week, the bank said on Monday.",
    "Meta shares fell 2% after regulators questioned changes to its privacy policy.",
    "The company declined to comment on the report.",
    "Copyright lawsuits against AI developers have multiplied this year.",
    "Shares of Acme Corp (NYSE: ACME) jumped 12% to $45.10 in premarket trading.",
    "Acme Stock Soars On Upbeat Guidance",
    "Key Points:",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_is_boilerplate(line: str):
    assert is_boilerplate(line), line


@pytest.mark.parametrize("line", STORY_LINES)
def test_story_lines_are_kept(line: str):
    assert not is_boilerplate(line), line


def test_a_whole_page_keeps_exactly_the_story():
    text = "\n".join([
        "Acme Shares Jump After Surprise Profit",
        "Markets | Stocks | Earnings | Crypto",
        "Acme Corp shares jumped 9% on Thursday after the maker of farm robots reported a "
        "surprise quarterly profit.",
        "",
        "Revenue rose 31% from a year earlier to $412 million, ahead of analyst estimates.",
        "Share: Facebook | X | LinkedIn | Email",
        "Chief executive Maria Lopez said orders from Brazil had doubled.",
        "",
        "Forward-Looking Statements",
        "This release contains statements about future results that involve risks.",
        "Actual results may differ materially from those expressed.",
        "",
        "Most Popular",
        "Beta Motors Recalls 40,000 Trucks",
        "Gamma Bank Names New Finance Chief",
        "© 2025 Example Media. All rights reserved.",
    ])  # fmt: skip
    cleaned, removed = strip_boilerplate(text)
    assert cleaned == "\n".join([
        "Acme Shares Jump After Surprise Profit",
        "Acme Corp shares jumped 9% on Thursday after the maker of farm robots reported a "
        "surprise quarterly profit.",
        "",
        "Revenue rose 31% from a year earlier to $412 million, ahead of analyst estimates.",
        "Chief executive Maria Lopez said orders from Brazil had doubled.",
    ])  # fmt: skip
    assert "Beta Motors Recalls 40,000 Trucks" in removed
    assert "Forward-Looking Statements" in removed


def test_a_list_heading_high_in_the_article_is_a_subheading_not_a_tail():
    text = "\n".join([
        "Acme beat estimates on Thursday, and its shares rose 5% in early trading.",
        "Recent",
        "Analysts Raise Targets",
        "Three brokers raised their price targets after the report, citing margins.",
        "Demand for its sensors grew in every region, the company said in a statement.",
        "The company will report again in October, when it expects more orders.",
    ])  # fmt: skip
    cleaned, _ = strip_boilerplate(text)
    assert "Analysts Raise Targets" in cleaned


def test_known_lines_of_a_source_are_removed_wherever_they_are():
    footer = "Example Wire covers markets from twelve bureaus around the world."
    text = f"Acme rose 3% on Monday after an upgrade.\n{footer}\nVolume was twice the average."
    cleaned, removed = strip_boilerplate(text, known=frozenset({line_key(footer)}))
    assert footer not in cleaned and removed == (footer,)
    assert strip_boilerplate(text)[0] == text


def test_line_key_ignores_case_punctuation_and_unicode_form():
    assert line_key("Sign up — FREE!") == line_key("sign up free")
    assert line_key("Ｃａｆé") == line_key("café")


lines = st.one_of(
    st.sampled_from(FURNITURE + STORY_LINES + ["", "Related", "Recent", "Media Contact"]),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=60),
)


@settings(max_examples=300)
@given(st.lists(lines, max_size=25))
def test_stripping_twice_changes_nothing(parts: list[str]):
    text = "\n".join(parts)
    once, _ = strip_boilerplate(text)
    twice, removed_again = strip_boilerplate(once)
    assert twice == once
    assert removed_again == ()


@given(st.text())
def test_removed_and_kept_lines_account_for_every_non_blank_line(text: str):
    cleaned, removed = strip_boilerplate(text)
    source = [ln.strip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    kept = [ln.strip() for ln in cleaned.split("\n")]
    assert sorted(x for x in kept + list(removed) if x) == sorted(x for x in source if x)


def test_a_long_paragraph_is_kept_even_when_it_starts_like_furniture():
    paragraph = (
        "Image source: Getty Images. Acme Corp shares fell 15% in May, a move that took the "
        "stock back into negative territory for the year, as aluminium prices slid and the "
        "company warned that its rolling mills would run below capacity through the summer "
        "while customers in the truck and aerospace markets worked down their inventories."
    )
    assert strip_boilerplate(paragraph) == (paragraph, ())


def test_the_learner_marks_a_line_from_its_third_article_of_one_source():
    from whymove.clean.boilerplate import SourceLineLearner

    loads: list[str] = []
    learner = SourceLineLearner(lambda source: loads.append(source) or frozenset({"old"}))
    footer = frozenset({"footer"})
    old = frozenset({"old"})  # learnt in earlier runs: furniture from the start
    assert learner.known("a", footer) == old
    assert learner.known("b", footer) == old  # another source counts apart
    assert learner.known("a", footer) == old
    assert learner.known("a", footer) == old | footer
    assert loads == ["a", "b"]  # what earlier runs learnt is loaded once per source


def test_the_learner_forgets_lines_seen_once_long_ago():
    from whymove.clean.boilerplate import SourceLineLearner

    learner = SourceLineLearner(lambda source: frozenset(), horizon=3)
    learner.known("a", frozenset({"rare"}))
    for i in range(6):
        learner.known("a", frozenset({f"filler {i}"}))
    learner.known("a", frozenset({"rare"}))
    # "rare" was forgotten, so this is its first counted sighting again, not its third.
    assert learner.known("a", frozenset({"rare"})) == frozenset()


def test_furniture_candidates_are_the_first_and_last_lines():
    from whymove.clean.boilerplate import furniture_candidates

    text = "\n".join(f"line {i}" for i in range(40))
    keys = furniture_candidates(text)
    assert keys == {f"line {i}" for i in [*range(5), *range(30, 40)]}


@pytest.mark.parametrize(
    "paragraph",
    [
        "Want to know where Acme goes next? Free Stock Analysis Report: for the current fiscal "
        "year, Acme is expected to earn $3.10 a share on revenue of $4.2 billion.",
        "More From Example Wire: Five Cheap Stocks to Buy Now, Three Utilities to Watch, Acme "
        "Corp (ACME) Raises Guidance appeared first on Example Wire. Acme Corp had a strong "
        "afternoon after it raised its guidance and beat estimates in its latest quarter.",
    ],
)
def test_an_export_that_glued_furniture_to_the_story_keeps_the_story(paragraph: str):
    assert strip_boilerplate(paragraph) == (paragraph, ())
