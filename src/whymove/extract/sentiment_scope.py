"""Which part of a sentence speaks about which entity, for entity-level sentiment.

Headlines and news sentences often judge two subjects at once ("Gold shines on demand; silver
dull", "Infosys rises while Wipro slips"). A sentence is cut into clauses at semicolons, colons,
dashes, commas and contrast words; a cue counts fully in the clause that names the entity, a
little in a clause that names another subject, and partly in a clause about no one (which
usually gives the reason: "... as demand weakened").
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Sequence

_BOUNDARY = re.compile(
    r"[;:|]|\s[-–—]\s|,\s(?=(?-i:[a-z]))|(?<!such)\s(?=as\s)|\s(?=(?:but|while|whereas|after|"
    r"amid|even as|though|although|despite|even though|unlike|versus|vs\.?)\s)",
    re.I,
)
_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z&.'-]*[A-Za-z]\b|\b[A-Z]{2,}\b")
# Capitalised words that do not name a subject of their own.
_NOT_SUBJECTS = frozenset(
    """Q1 Q2 Q3 Q4 FY H1 H2 Rs RS Cr EUR USD US$ Inc Ltd Corp The A An It Its This That These
    Those In On At For From With To Of By As After Amid But While And Or Buy Sell Hold Why How
    What Will Can May Should Could Would Is Are Was Were Has Have Had Here There Experts Expert
    Analysts Analyst Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February
    March April June July August September October November December IPO CEO CFO Rs. Mn Bn
    GDP EPS NII NPA NPAs QIP FII FIIs DII DIIs PAT EBITDA YoY QoQ""".split()
)
# The entity does something to someone else: analysts, regulators, courts, buyers.
_ACTOR_AFTER = re.compile(
    r"(?:'s?\s+)?\s*(?:analysts?\s+)?(?:upgrades?|upgraded|downgrades?|downgraded|rates|rated|"
    r"initiates?|reiterates?|raises target|cuts target|(?:says|said|sees|expects|predicts|"
    r"approves|approved|fines|fined|probes|bans|banned|sues|sued|penalises|penalizes|"
    r"slaps|orders|asks|directs|tells|warns|allows|clears|(?:to\s+|may\s+|will\s+)?(?:buys?|sells?|"
    r"bought|sold|acquires?|acquired|offloads?|divests?|invests?|picks? up|(?:raises?|ups|hikes?|"
    r"cuts?|reduces?|trims?|increases?|lowers?|pares?) (?:its )?(?:stake|holding)))\b)",
    re.I,
)
_SPEAKER = re.compile(r"\b(?:says|said|according to|told)\s+(?:[A-Z][\w.&'-]*\s*)*$")
# The entity is what an analyst acts on: "Nordex downgrades Acme Steel to sell".
_OBJECT_OF_RATING = re.compile(
    r"\b(?:upgrades?|upgraded|downgrades?|downgraded|rates|rated|initiates|reiterates|on)\s+$",
    re.I,
)
_SUBJECT_REFERENCE = re.compile(
    r"\b(?:the|its|this|that)\s+(?:company|company's|firm|firm's|group|group's|stock|stock's|"
    r"shares|business|giant|retailer|lender|bank|carrier|automaker|carmaker|chipmaker|insurer|"
    r"miner|maker|manufacturer|operator|conglomerate|developer|producer|provider|platform|"
    r"e-commerce giant|tech giant|listing)\b|^\s*(?:it|its|shares|the stock)\b|\bits\b",
    re.I,
)


def find_entity(text: str, entity: str) -> list[tuple[int, int]]:
    """Spans of ``entity`` in ``text``, case-insensitive on word boundaries.

    Falls back to the entity's first word when the full name is not written out (a headline
    says "Tata" for "Tata Motors"), provided that word is long enough to be a name.
    """
    name = entity.strip()
    if not name:
        return []
    spans = _word_spans(text, name)
    if not spans:
        first = name.split()[0]
        if len(first) >= 4 and first != name:
            spans = _word_spans(text, first)
    return spans


def _word_spans(text: str, name: str) -> list[tuple[int, int]]:
    pattern = re.compile(rf"(?<![\w]){re.escape(name)}(?![\w])", re.I)
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def clauses(text: str) -> list[tuple[int, int]]:
    """The clause spans of ``text``, in order, covering it."""
    cuts = [0]
    for match in _BOUNDARY.finditer(text):
        cuts.append(match.end())
    cuts.append(len(text))
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


def clause_weights(text: str, spans: Sequence[tuple[int, int]]) -> Callable[[int], float]:
    """A function from a character offset to the weight of a cue there for the entity at ``spans``.

    1.0 in a clause naming the entity; 0.25 in a clause naming another subject; 0.6 elsewhere.
    A clause holding only the entity's name (a list: "Sensex, Nifty end higher") lends its
    weight to the next clause.
    """
    parts = clauses(text)
    starts = [a for a, _ in parts]
    weights = []
    for a, b in parts:
        if any(a <= s < b for s, _ in spans):
            weights.append(1.0)
        elif _names_other_subject(text[a:b], a, spans):
            weights.append(0.25)
        else:
            weights.append(0.6)
    for i, (a, b) in enumerate(parts[:-1]):
        if weights[i] == 1.0 and _only_names(text[a:b], a, spans):
            weights[i + 1] = 1.0

    def weight(offset: int) -> float:
        index = max(0, bisect.bisect_right(starts, offset) - 1)
        return weights[index]

    return weight


def _names_other_subject(clause: str, offset: int, spans: Sequence[tuple[int, int]]) -> bool:
    for match in _CAPITALISED.finditer(clause):
        start = offset + match.start()
        if _SPEAKER.search(clause[: match.start()]):
            continue  # "..., says Anand Tandon": the speaker, not a subject
        if match.group(0) in _NOT_SUBJECTS or any(a <= start < b for a, b in spans):
            continue
        return True
    return False


def _only_names(clause: str, offset: int, spans: Sequence[tuple[int, int]]) -> bool:
    rest = clause
    for a, b in spans:
        if offset <= a < offset + len(clause):
            rest = rest.replace(clause[a - offset : b - offset], " ")
    return not [w for w in re.findall(r"[A-Za-z]+", rest) if w.lower() != "and"]


def role_factor(text: str, spans: Sequence[tuple[int, int]]) -> float:
    """How much of a clause's news is the entity's own, by the role the entity plays in it.

    An entity that acts on another ("Citi downgrades X", "Sebi approves norms") is not what
    the news is about: 0.2. Otherwise 1.0.
    """
    for start, end in spans:
        after = text[end : end + 40]
        if _ACTOR_AFTER.match(after) and not _OBJECT_OF_RATING.search(
            text[max(0, start - 30) : start]
        ):
            return 0.2
    return 1.0


@functools.lru_cache(maxsize=2048)
def refers_to_subject(sentence: str) -> bool:
    """Whether a sentence speaks of the article's subject without naming it ("the company").

    Memoised: catalysts and the sentiment of each linked security ask it of the same sentences.
    """
    return bool(_SUBJECT_REFERENCE.search(sentence))
