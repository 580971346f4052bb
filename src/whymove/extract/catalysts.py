"""Catalysts: the causes an article gives for a move, by category, with polarity and evidence.

Each sentence is tested against cue patterns of the 13 categories of labels.md; the polarity
comes from the finance lexicon over the sentence; distinct (category, polarity) causes are kept
once, the strongest evidence first.
"""

from __future__ import annotations

import dataclasses
import re

from whymove.component import Component
from whymove.extract.lexicon import polarity_score
from whymove.model import Article, Catalyst

_CUES: dict[str, str] = {
    "earnings": r"earnings|quarterly results|revenue|profit|eps|guidance|outlook|forecast|sales rose|sales fell|net income|beat estimates|missed estimates",
    "analyst": r"analysts?\b.*\b(?:upgrade|downgrade|price target|rating|overweight|underweight|outperform|note)|upgraded|downgraded|price target|initiated coverage|according to analysis from",
    "product": r"launch(?:ed|es)?|unveil(?:ed|s)?|released?|new (?:model|product|version|chip)|rolled out|ranking|leaderboard|benchmark",
    "partnership": r"partnership|partnered|partner with|working with|collaborat\w+|deal with|agreement with|adoption of|adopted|contract",
    "corporate_action": r"spin[- ]?off|ipo\b|initial public offering|acquisition|acquire[sd]?|merger|buyback|repurchase|dividend|share offering|listing of|to list",
    "regulation": r"export (?:controls?|restrictions?|rules)|sanctions?|tariffs?|regulat\w+|crackdown|antitrust|licen[cs]es?|government (?:policies|support)|policymakers|approval from|fda",
    "legal": r"lawsuit|sued|investigation|probe|settle(?:d|ment)|fined?\b|court|indict\w*",
    "macro": r"trade surplus|exports|imports|inflation|cpi\b|interest rates?|federal reserve|\bfed\b|central bank|gdp|stimulus|economic (?:data|downturn)|deflation|jobs report",
    "sector": r"sector|industry|peers?|chinese (?:tech|stocks|technology)|investor (?:confidence|enthusiasm)|across the",
    "supply_chain": r"shipments?|shipping|supply|shortage|suppliers?|deliveries",
    "ownership": r"stakes?\b|holdings?|hedge fund|bought shares|sold shares|insider|13f|regulatory filing",
    "management": r"\bceo\b|chief executive|founder|co-?founder|resign\w*|appointed|stepped down|executive",
    "geopolitics": r"geopolitic\w*|diplomatic|tensions between|relations|conflict|war\b",
}
_PATTERNS = {cat: re.compile(rf"\b(?:{cue})", re.I) for cat, cue in _CUES.items()}
_CAUSE_LINK = re.compile(
    r"\b(after|as|following|amid|on news|driven by|thanks to|boosted by|weighed on|due to|because)\b",
    re.I,
)
_HEDGE = re.compile(r"\b(could|may|might|risks?|uncertaint\w+|challenges?)\b", re.I)


def find_catalysts(article: Article) -> tuple[Catalyst, ...]:
    """Distinct causes, most important first."""
    primary = next((s.ticker for s in article.securities if s.primary), None)
    n = max(len(article.sentences), 1)
    best: dict[tuple[str, str], Catalyst] = {}
    for index, (start, end) in enumerate(article.sentences):
        sentence = article.text[start:end]
        score = polarity_score(sentence)
        polarity = "positive" if score > 0.1 else "negative" if score < -0.1 else "neutral"
        hedged = bool(_HEDGE.search(sentence))
        for category, pattern in _PATTERNS.items():
            match = pattern.search(sentence)
            if not match:
                continue
            weight = 1.0 - index / n
            if _CAUSE_LINK.search(sentence):
                weight += 0.5
            if hedged:
                weight -= 0.3
            key = (category, polarity)
            if key not in best or best[key].weight < weight:
                best[key] = Catalyst(
                    category=category,
                    polarity=polarity,  # type: ignore[arg-type]
                    start=start,
                    end=end,
                    ticker=primary,
                    confidence=0.4,
                    weight=weight,
                    background=hedged,
                    cue=match.group(0),
                )
    return tuple(sorted(best.values(), key=lambda c: -c.weight))


def catalysts_component(article: Article) -> Article:
    return dataclasses.replace(article, catalysts=find_catalysts(article))


CATALYSTS = Component(
    "whymove.catalysts",
    1,
    catalysts_component,
    requires=frozenset({"sentences", "securities"}),
    assigns=frozenset({"catalysts"}),
)
