"""Cue lexicons of the 13 catalyst categories of labels.md, written by hand.

Each cue is a regular expression with a strength (how surely it marks an event of the category:
1.0 an event phrase such as "raised its guidance", 0.5 a word that often goes with one, such as
"revenue") and a prior polarity (+1, -1 or 0) used when the sentence's own words say nothing
about the effect ("Nomura downgraded the stock" is negative whatever else is said).

Cues describe kinds of events, never particular stories: they must hold for any company.
This module holds the company's own events (results, products, deals, corporate actions,
managers); :mod:`catalyst_cues_world` the parties and forces around it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from whymove.extract.lexicon_prefilter import Prefilter, blank_safe, required_literals
from whymove.model import CATEGORIES

STRONG = 1.0
MEDIUM = 0.6
WEAK = 0.35


@dataclass(frozen=True, slots=True)
class Cue:
    """One compiled cue of a category."""

    category: str
    pattern: re.Pattern[str]
    strength: float
    prior: int


_V = r"(?:\w+[- ]){0,3}"  # up to three words between a verb and its object

CueTable = dict[str, tuple[tuple[str, float, int], ...]]

_CUES: CueTable = {
    "earnings": (
        (r"earnings (?:report|results|beat|miss|release|call|season|growth)", STRONG, 0),
        (
            r"(?:quarterly|annual|half-year|full-year|interim|(?:first|second|third|fourth)"
            r"[- ]quarter|q[1-4]|fy\d*) (?:results|earnings|profit|revenue|sales|numbers|loss)",
            STRONG,
            0,
        ),
        (
            rf"(?:beat|beats|beating|topped|exceeded|surpassed) {_V}(?:estimates|expectations|"
            r"forecasts|consensus|views)",
            STRONG,
            1,
        ),
        (
            rf"(?:missed|misses|fell short of) {_V}(?:estimates|expectations|forecasts|consensus)",
            STRONG,
            -1,
        ),
        (
            r"\b(?:rais|lift|boost|hik|cut|lower|slash|reaffirm|reiterat|maintain|kept|keep|withdr|"
            r"suspend|pull|scrap|issu|gave|give|provid|narrow|trim|upgrad|downgrad)\w* "
            r"(?:its |the |their )?(?:[\w-]+ ){0,4}(?:guidance|outlook|forecasts?)",
            STRONG,
            0,
        ),
        (r"profit warning", STRONG, -1),
        (r"(?:net|operating|pre-tax|pretax|gross) (?:profit|income|loss|margin)s?", STRONG, 0),
        (r"earnings per share|\beps\b", STRONG, 0),
        (
            r"\b(?:loan|credit|trading|quarterly|annual|wider|narrower|surprise|unexpected) "
            r"loss(?:es)?\b|\bloss(?:es)? (?:widened|narrowed)\b|\bnet interest (?:income|margin)",
            STRONG,
            0,
        ),
        (
            r"(?:revenue|sales|profit|earnings|income|bookings)s? (?:rose|fell|grew|jumped|surged|"
            r"declined|dropped|increased|decreased|climbed|slumped|plunged|doubled|tripled|"
            r"more than doubled|beat|missed|topped|came in)",
            STRONG,
            0,
        ),
        (
            r"(?:growth|increase|decline|drop|rise|jump|surge|fall) in (?:\w+[- ]){0,3}"
            r"(?:revenue|sales|profit|earnings|income|bookings)",
            STRONG,
            0,
        ),
        (
            r"(?:(?:single|double|triple)-digit|\d+(?:\.\d+)?%|record|strong|robust|solid) "
            r"(?:\w+[- ]){0,2}(?:growth|increase|rise|jump)",
            MEDIUM,
            1,
        ),
        (r"same-store sales|comparable sales|like-for-like sales", STRONG, 0),
        (
            r"(?:squeez\w+|compress\w+|pressur\w+|expand\w+|improv\w+|widen\w+|narrow\w+|"
            r"erod\w+|hurt\w*) (?:its |their |the )?(?:gross |operating |profit )?margins?\b|"
            r"\bmargins? (?:narrowed|expanded|widened|shrank|improved|contracted|compressed|fell"
            r"|rose)",
            STRONG,
            0,
        ),
        (
            r"(?:record|strong|weak|robust|disappointing|solid|upbeat|mixed|better-than-expected|"
            r"worse-than-expected) (?:quarterly |annual )?(?:results|earnings|revenue|sales"
            r"|profits?)",
            STRONG,
            0,
        ),
        (
            rf"report(?:ed|s)? (?:a |an |its |their )?{_V}(?:revenue|profit|loss|earnings|results)",
            STRONG,
            0,
        ),
        (r"\brevenues?\b|\bprofits?\b|\bearnings\b|\bguidance\b", MEDIUM, 0),
        (r"\bmargins?\b|\bresults\b|\bsales\b", WEAK, 0),
    ),
    "product": (
        (
            r"(?<!missile )(?<!rocket )\b(?:launch(?:ed|es|ing)?|unveil(?:ed|s"
            r"|ing)?)\b(?! (?:\S+ ){0,4}?"
            r"(?:stimulus|package|plan|policy|probe|investigation|rules|tariffs|sanctions|measures|"
            r"program|programme|budget|bill|law|campaign|rights issue|offering|bonds?|buyback|ipo|"
            r"review|bid|tender|share sale|strike|restructuring)\b)",
            STRONG,
            1,
        ),
        (
            r"\b(?:began|begin|begins|started|starts) (?:selling|sales of)\b|\b(?:went|goes|go) "
            r"on sale\b|\bhits? (?:store )?shelves\b",
            STRONG,
            1,
        ),
        (
            r"\b(?:delay\w*|postpon\w*|push\w* back|scrap\w*|cancel\w*|halt\w*|pull\w*|shelv\w*) "
            r"(?:the |its |a )?(?:[\w-]+ ){0,3}(?:launch|release|rollout|debut|product|model)s?\b",
            STRONG,
            -2,
        ),
        (r"\bintroduc(?:ed|es|ing) (?:a |an |its |the )?(?:new|latest)\b", STRONG, 1),
        (r"\broll(?:ed|s|ing)? out\b", STRONG, 1),
        (
            r"\breleas(?:ed|es|ing) (?:a |an |its |the )?(?:new|latest|updated|upgraded|next)\b",
            STRONG,
            1,
        ),
        (
            r"\bnew (?:version|model|models|product|products|chip|device|phone|service|feature|"
            r"app|platform|drug|vehicle|car|lineup)\b",
            STRONG,
            1,
        ),
        (r"(?<!market )(?<!trading )(?<!stock )(?<!public )\bdebut(?:ed|s)?\b", STRONG, 1),
        (
            r"\b(?:upgraded|new|latest|next-generation|next-gen|redesigned|refreshed|first|"
            r"first-ever) (?:[\w-]+ )?"
            r"(?:version|model|sedan|suv|car|truck|phone|smartphone|edition|variant|chip|lineup|"
            r"device|console|drug|therapy|vaccine|app|tier|plan|feature|subscription|service|"
            r"offering|tool|product|connector|platform)s?\b",
            STRONG,
            1,
        ),
        (r"\bgenerally available\b|\bgeneral availability\b|\bnow available\b", STRONG, 1),
        (r"\b(?:pre-?)?orders for (?:its |the |an? )?", STRONG, 1),
        (
            r"\bleaderboard\b|\brank(?:ed|s|ing)? (?:first|second|third|\w+th|no\. ?\d|top|among|"
            r"just behind|alongside|above)|\btop(?:ped|s)? (?:the )?(?:\w+ )?(?:rankings?|"
            r"leaderboard|charts?)|\b(?:first|second|third|top) (?:spot|place)\b|"
            r"\bbenchmark(?:s|ing)? (?:results|tests?|scores?|platform)",
            STRONG,
            1,
        ),
        (
            r"\b(?:outperform(?:ed|s)|surpass(?:ed|es)|beat(?:s)?|outpaced?) (?:\w+ ){0,4}"
            r"(?:models?|rivals?|competitors?|chips?|products?)\b",
            STRONG,
            1,
        ),
        (r"\brecall(?:s|ed)?\b", STRONG, -1),
        (r"\b(?:deploy(?:ed|ment|s)|integrat(?:e|es|ed|ing) \w+ (?:\w+ )?into)\b", MEDIUM, 1),
    ),
    "partnership": (
        (
            r"\bpartnerships?\b|\bpartnered\b|\bpartners? with\b|\bteam(?:ed|s|ing)? up\b|"
            r"\btie[- ]?up\b|\bjoint venture\b|\balliance\b|\bcollaborat(?:e|es|ed|ing|ion) with\b",
            STRONG,
            1,
        ),
        (
            r"\b(?:sign(?:ed|s)?|ink(?:ed|s)?|str(?:uck|ikes?)|reach(?:ed|es)?|secur(?:ed|es)|"
            r"w[io]ns?|award(?:ed)?|land(?:ed|s)?|clinch(?:ed|es)?|bag(?:ged|s)?) (?:an? |the "
            r"|its )?"
            r"(?:\w+[- ]){0,3}(?<!court )(?<!gag )(?<!restraining )(?<!smart )"
            r"(?:deal|agreement|contract|pact|order|mou)s?\b",
            STRONG,
            1,
        ),
        (
            r"\b(?:supply|licensing|distribution|cloud|strategic) (?:deal|agreement|contract)",
            STRONG,
            1,
        ),
        (r"\bworking with\b|\bwork together\b", STRONG, 1),
        (
            r"\b(?:terminat\w*|end(?:ed|s|ing)?|cancel\w*|scrap\w*|exit\w*|pull\w* out of|"
            r"walk\w* away from|not renew\w*) (?:the |its |their |a )?(?:[\w-]+ ){0,3}"
            r"(?:partnership|contract|deal|agreement|alliance|joint venture)s?\b|"
            r"\b(?:partnership|contract|deal|agreement|alliance)s? (?:[\w-]+ ){0,5}?(?:was|were"
            r"|has "
            r"been|had been|is being) (?:terminated|ended|cancell?ed|scrapped)\b",
            STRONG,
            -2,
        ),
        (
            r"\bstop(?:s|ped)? using\b|\bswitch(?:es|ed)? (?:away )?from\b|\b(?:lost|loses|losing) "
            r"(?:a |the |its |their )?(?:[\w-]+ ){0,3}(?:contract|customer|client|order|deal"
            r"|account)s?\b",
            STRONG,
            -2,
        ),
        (
            r"\b(?:extend(?:ed|s)?|renew(?:ed|s)?|expand(?:ed|s)?) (?:an? |its "
            r"|the )?(?:[\w-]+ ){0,3}"
            r"(?:contract|partnership|deal|agreement|alliance)s?\b|\bcontracts? (?:worth|valued)",
            STRONG,
            1,
        ),
        (
            r"\w+'s (?:\([^)]*\) )?adoption of\b|\badopt(?:ed|s|ing) (?:its|the company's)\b",
            STRONG,
            1,
        ),
        (r"\b(?:selected|chosen|tapped|picked) by\b", STRONG, 1),
        (r"\b(?:selected|chosen|tapped) as\b", MEDIUM, 1),
        (r"\badoption\b", WEAK, 1),
    ),
    "corporate_action": (
        (r"\bspin[- ]?off\b|\bspun off\b|\bspin(?:s|ning)? off\b|\bspinoff\b", STRONG, 1),
        (r"\b(?:ipo|initial public offering)s?\b|\bgo(?:ing)? public\b", STRONG, 0),
        (
            r"\b(?:ipo|initial public offering|listing|spin-?off|flotation) of (?:its|the) "
            r"(?:[\w-]+ ){0,3}(?:unit|arm|"
            r"subsidiary|division|business)\b|\bto be (?:acquired|bought|taken private)\b|"
            r"\b(?:takeover|buyout|acquisition) (?:offer|bid|approach)\b",
            STRONG,
            1,
        ),
        (
            rf"\blist(?:ed|ing)? (?:its |the |a )?{_V}(?:unit|arm|subsidiary|division|business)",
            STRONG,
            0,
        ),
        (r"\bseparate (?:ipos?|listings?)\b|\blisting of\b", STRONG, 0),
        (r"\bacquisitions?\b|\btakeover\b|\bbuyout\b|\btender offer", STRONG, 0),
        (r"\bacqui(?:re|res|red|ring)\b", MEDIUM, 0),
        (
            r"\b(?:agree[sd]? to|deal to|offer(?:ed|s)? to|plans? to|will) (?:buy|acquire"
            r"|merge with|"
            r"take over)\b|\bbid for\b|\ball-(?:cash|stock) deal\b|\bcash-and-stock\b",
            STRONG,
            1,
        ),
        (
            r"\b(?:transfer|switch|move)(?:s|red|ed|ing)? (?:its |the )?(?:stock "
            r"|share )?listing\b|"
            r"\b(?:inclusion in|added to|join(?:s|ed)?) the (?:s&p 500|nasdaq-100|nasdaq 100|"
            r"dow|ftse 100|msci \w+|hang seng|index)\b|\bindex inclusion\b",
            STRONG,
            1,
        ),
        (r"\b(?:market|trading|stock market|public) debut\b", MEDIUM, 0),
        (r"\bmerg(?:er|e|es|ed|ing)\b", STRONG, 0),
        (
            r"\b(?:authori[sz]\w*|announc\w*|approv\w*|launch\w*|new|expand\w*|add(?:s|ed)?|"
            r"\$[\d.,]+ (?:billion|million|bn|mn|m)|additional) (?:[\w$.,-]+ ){0,3}?(?:share "
            r"|stock )?"
            r"(?:buyback|repurchase)s?\b",
            STRONG,
            1,
        ),
        (r"\b(?:share |stock )?(?:buyback|repurchase)s?\b", MEDIUM, 1),
        (
            r"\b(?:declar\w*|rais\w*|hik\w*|cut\w*|slash\w*|initiat\w*|announc\w*|boost\w*|"
            r"increas\w*|suspend\w*|scrap\w*|resum\w*|reinstat\w*|special|first|first-ever) "
            r"(?:[\w$.,-]+ ){0,3}?dividends?\b|\bdividends? (?:hike|increase|cut|suspension)",
            STRONG,
            1,
        ),
        (r"\bdividends?\b", WEAK, 1),
        (
            r"\b(?:share|stock|secondary|equity|follow-on) (?:offering|sale)\b|\brights issue\b",
            STRONG,
            -1,
        ),
        (r"\bconvertible (?:notes|bonds|debt)\b|\bstock split\b", STRONG, 0),
        (r"\brestructur(?:e|es|ed|ing)\b|\bdivest(?:s|ed|ing|iture|ment)\b|\bdelist", STRONG, 0),
        (rf"\bsell(?:s|ing)? (?:its |the )?{_V}(?:unit|business|division|arm)\b", STRONG, 0),
        (
            r"\bprivati[sz]ation\b|\btake (?:it )?private\b|\bunlock (?:shareholder )?value\b",
            STRONG,
            1,
        ),
    ),
    "management": (
        (
            r"\b(?:appoint(?:s|ed|ment)|nam(?:ed|es) (?:\w+ ){0,6}(?:as )?(?:its |the )?(?:new )?"
            r"(?:ceo|chief|chairman|president|cfo|head))\b",
            STRONG,
            1,
        ),
        (
            r"\b(?:return\w*|reinstat\w*|promot\w*|elevat\w*|tapped|hir(?:ed|es"
            r"|ing)) (?:[\w-]+ ){0,4}"
            r"(?:as|to) (?:its |the )?(?:new )?(?:ceo|chief|chairman|president|cfo|head)\b|"
            r"\breturn (?:of )?(?:the )?(?:founder|co-?founder|ceo)\b|\bto the helm\b",
            STRONG,
            1,
        ),
        (
            r"\b(?:resign(?:s|ed|ation)?|step(?:s|ped)? down|ousted|fired|sacked|"
            r"retir(?:e|es|ed|ing|ement)|succession|successor)\b",
            STRONG,
            -1,
        ),
        (r"\bdisappear(?:ed|ance|s)? from public\b|\bdetained\b|\barrested\b", STRONG, -1),
        (
            r"\b(?:executive|management|leadership|boardroom) (?:shake-?up|changes?|reshuffle|"
            r"turmoil)\b",
            STRONG,
            -1,
        ),
        (
            r"\b(?:ceo|chief executive|cfo|chief financial officer|chairman|chairwoman|"
            r"co-?founder|founder|managing director)\b",
            WEAK,
            0,
        ),
    ),
}


@functools.cache
def cues() -> tuple[Cue, ...]:
    """Every cue of every category, compiled once per process."""
    from whymove.extract.catalyst_cues_extra import EXTRA_CUES
    from whymove.extract.catalyst_cues_world import WORLD_CUES

    # Other publishers' phrasings come after the first tables: older cues win ties.
    tables = {c: (_CUES | WORLD_CUES)[c] + EXTRA_CUES.get(c, ()) for c in CATEGORIES}
    out = []
    # In the order of labels.md, which also breaks ties between equal cues at one place.
    for category in CATEGORIES:
        for pattern, strength, prior in tables[category]:
            # Patterns are lower case and matched against lower-cased text (see lower()):
            # several times faster than case-insensitive matching.
            out.append(Cue(category, re.compile(pattern), strength, prior))
    return tuple(out)


@functools.cache
def cue_filter() -> Prefilter:
    """Which cues of :func:`cues` can match a lower-cased clause, by their literal words."""
    return Prefilter.from_literals(_literals())


@functools.cache
def _literals() -> tuple[frozenset[str] | None, ...]:
    return tuple(required_literals(cue.pattern) for cue in cues())


@functools.cache
def sentence_filter() -> Prefilter:
    """Whether any clause of a sentence can hold a cue, asked before the sentence is cut.

    Clauses are matched with their bracketed asides blanked out, which can make a literal
    with an edge space appear ("approval by(...)"): the filter uses literals without them.
    """
    return Prefilter.from_literals(blank_safe(literals) for literals in _literals())


def lower(text: str) -> str:
    """``text`` in lower case with the same length, so match offsets stay valid."""
    folded = text.lower()
    if len(folded) == len(text):
        return folded
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def categories() -> tuple[str, ...]:
    """The categories that have cues (all 13 of labels.md)."""
    return tuple(dict.fromkeys(c.category for c in cues()))
