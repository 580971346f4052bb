"""The grammar of a cause: where a sentence states an effect, its cause, and what it concedes.

"Alibaba shares rose 8% after Nvidia said it would resume shipments, coupled with a new model
release, despite lingering tariff worries" has an effect ("shares rose 8%"), two causes (after
..., coupled with ...) and a concession (despite ...). Catalysts in a cause clause of the
subject's move are stated causes and rank first; a concession is background.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from whymove.extract.lexicon_prefilter import gated

Role = Literal["main", "cause", "concede", "comove"]

# Links that introduce the cause of what precedes them.
_CAUSE_LINKS = (
    r"after|following|amid|amidst|on news(?: that| of)?|on reports?(?: that| of)?|"
    r"on (?:the )?(?:hopes?|optimism|concerns?|fears?|worries|speculation|expectations|signs|"
    r"strong|weak|better|upbeat|disappointing|robust|solid|record)\b|driven by|thanks to|"
    r"boosted by|buoyed by|lifted by|helped by|fu?ell?ed by|spurred by|supported by|"
    r"weighed (?:down )?by|hit by|hurt by|dragged (?:down )?by|pressured by|due to|because of|"
    r"because|in response to|on the back of|in the wake of|sparked by|triggered by|"
    r"influenced by|stems? from|attributed to|as a result of|led by|underpinned by"
)
# "as" links a cause only when a clause follows: not "such as", "as well as", "as a leader".
# The look-behinds follow "as" (not precede it) so that they run only where "as" is.
_AS = (
    r"\bas\b(?<!such as)(?<!known as)(?<!well as)(?<!same as)(?<!so as)(?<!just as)"
    r"(?! (?:a|an|part|"
    r"well|of|much|many|long|soon|reported|expected|per|such|if|though|compared|usual|"
    r"planned|early|late|recently|one|to|for|\d)\b)(?! the (?:\w+ )?(?:leader|leading|"
    r"largest|biggest|first|only|world's|new|sole|main|top|chief|head|ceo|chairman|"
    r"company's|result)\b)(?! (?:its |the |a |an |their )?(?:new |interim |acting |sole |"
    r"primary |main |preferred |exclusive |lead |permanent )?(?:ceo|chief|chairman|chairwoman|"
    r"president|cfo|coo|head|director|partner|supplier|provider|advis[eo]r|bank|banker|lender|"
    r"auditor|member)\b)"
)
_CONCEDE = r"despite|in spite of|although|though|even as|even though|notwithstanding"
# Moving with something is not being moved by it: "lower in line with the broader indexes".
_COMOVE = r"in line with|in tandem with|tracking|mirroring|alongside"
_BACKDROP = r"against (?:the|a) backdrop of|in the context of"
_COORD_WORDS = (
    r"coupled with|along with|as well as|in addition to|together with|combined with|but|"
    r"however|while|whereas"
)


def _by_first_letter(alternation: str) -> str:
    """The same alternation with its alternatives grouped by first letter.

    ``"after|amid|but"`` becomes ``"(?:a(?:fter|mid)|b(?:ut))"``. Python's regex engine tries
    every case-insensitive alternative in turn at each word start; grouped, only those of the
    right letter are tried. Alternatives with different first letters never match at the same
    place, and within a letter their order is kept, so the same alternative matches first.
    """
    parts: list[str] = []
    depth = 0
    current = ""
    for piece in re.findall(r"\\.|\[(?:\\.|[^\]])*\]|.", alternation):
        depth += piece == "("
        depth -= piece == ")"
        if piece == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += piece
    parts.append(current)
    groups: dict[str, list[str]] = {}
    for part in parts:
        if not (part[:1].isascii() and part[:1].islower()):
            return f"(?:{alternation})"  # not a plain word: leave the alternation as it is
        groups.setdefault(part[0], []).append(part[1:])
    return "(?:" + "|".join(f"{c}(?:{'|'.join(rest)})" for c, rest in groups.items()) + ")"


# Every link starts with a letter (or is ";"): the look-ahead skips other places at once,
# before the long alternation is tried there.
_BOUNDARY = re.compile(
    rf"(?=[a-z;])(?:(?P<cause>\b{_by_first_letter(_CAUSE_LINKS)}\b|{_AS})|"
    rf"(?P<concede>\b{_by_first_letter(_CONCEDE + '|' + _BACKDROP)}\b)|"
    rf"(?P<comove>\b{_by_first_letter(_COMOVE)}\b)|"
    rf"(?P<coord>\b(?:{_by_first_letter(_COORD_WORDS)}|;)\b|;))",
    re.I,
)
_CAUSE_RE = re.compile(rf"(?=[a-z])(?:\b{_by_first_letter(_CAUSE_LINKS)}\b|{_AS})", re.I)
_CAUSAL_VERBS = gated(
    r"\b(?:contribut\w+|driv(?:e|es|en|ing)|drove|boost(?:ed|s|ing)?|lift(?:ed|s|ing)?|"
    r"buoy(?:ed|s)?|fuel(?:l?ed|s)?|spurr?(?:ed|s)?|weigh(?:ed|s|ing)? on|hurt|dragg?(?:ed|s)?|"
    r"sent (?:the )?(?:stock|shares)|behind (?:the|its|this)|influenced|stems? from|reason|"
    r"factor|catalyst|sparked|triggered|underpin\w*|bode(?:s)? well|pushed|propelled|"
    r"explain\w*|because|thanks to|in response to|reflecting|on the back of)\b",
    re.I,
)
# What a cause acts on: the price, or investors' mood about the stock.
_EFFECT = gated(
    r"\b(?:shares?|stocks?|adrs?|stock price|share price|valuation|rall(?:y|ied|ies)|"
    r"sell-?off|investor (?:confidence|sentiment|enthusiasm|appetite|interest)|etfs?|index)\b",
    re.I,
)
_MOOD = gated(
    r"\binvestor (?:confidence|sentiment|enthusiasm|appetite|interest)\b|\brall(?:y|ied|ies)\b|"
    r"\bsell-?off\b",
    re.I,
)
_MOVE = gated(
    r"\b(?:shares?|stocks?|adrs?|stock price|share price|valuation|stock performance|"
    r"market reception|etfs?|the index)\b",
    re.I,
)
_BACKGROUND = gated(
    r"\b(?:could|may|might|risks?|uncertain\w*|challenges?|headwinds?|threats?|"
    r"against the backdrop|backdrop|historically|had been|previously|in the past|long been|"
    r"years ago|over the years|remains? to be seen|potential(?:ly)?|if\b|whether|"
    r"continues? to (?:be|face|present|weigh)|ongoing|lingering|prolonged|looking (?:forward|"
    r"ahead)|going forward|expected to|predates|since (?:its |the )?(?:\w+ ){0,3}(?:19|20)\d\d|"
    r"in (?:early|late|mid-?) ?(?:19|20)\d\d|back in|during the pandemic|decades?|since (?:its|"
    r"the) (?:ipo|listing|debut|founding|inception|launch)|would later|at the time)\b",
    re.I,
)
_SKIP = re.compile(
    r"^\W*(?:price action|also read|read (?:more|the original|next)|disclaimer|photo|image|"
    r"source|see also|related|recommended|trade confidently|sign up|subscribe|click|©|"
    r"copyright|all rights reserved|follow us|comments?$|popular|search|newsletter|"
    r"advertisement|market data from|benzinga|this (?:article|content|story) (?:was|is))",
    re.I,
)
_RISK_HEADER = gated(
    r"\b(?:risks?|uncertaint\w+|headwinds|what could go wrong|bear case|challenges)\b.{0,30}:?$",
    re.I,
)
_SUMMARY_HEADER = gated(
    r"\b(?:key points|highlights|takeaways|summary|key takeaways|at a glance|in brief|"
    r"what happened|why it matters)\b.{0,20}:?$",
    re.I,
)
_BULLET = re.compile(r"^\s*(?:[-•*–·▪●]|\d+[.)])\s")


@dataclass(frozen=True, slots=True)
class Segment:
    """A clause of a sentence and its role in the cause grammar."""

    start: int
    end: int
    role: Role
    linked: bool = False
    """Opened by a link word of its own (not a continuation of the clause before)."""


def segments(text: str, start: int, end: int) -> list[Segment]:
    """The clauses of the sentence ``text[start:end]`` with their roles.

    A clause after a cause link is a cause; after a concession word, a concession; after a
    coordinator ("coupled with"), it keeps the role of the clause before it.
    """
    sentence = text[start:end]
    cuts: list[tuple[int, Role | None]] = [(0, "main")]
    for match in _BOUNDARY.finditer(sentence):
        role = _role(match)
        if match.start() == 0:
            cuts[0] = (0, role or "main")
            continue
        cuts.append((match.start(), role))
    out: list[Segment] = []
    previous: Role = "main"
    for index, (cut, role) in enumerate(cuts):
        stop = cuts[index + 1][0] if index + 1 < len(cuts) else len(sentence)
        actual: Role = role or previous
        # A leading "After X, Y rose" / "Despite X, Y fell" clause ends at the first comma.
        if index == 0 and role in ("cause", "concede") and "," in sentence[cut:stop]:
            comma = sentence.index(",", cut)
            out.append(Segment(start + cut, start + comma, role, True))
            out.append(Segment(start + comma + 1, start + stop, "main"))
            previous = "main"
            continue
        if stop > cut:
            out.append(Segment(start + cut, start + stop, actual, role is not None and index > 0))
        previous = actual
    return out


def _role(match: re.Match[str]) -> Role | None:
    for name in ("cause", "concede", "comove"):
        if match.group(name):
            return name  # type: ignore[return-value]
    return None


def states_cause(sentence: str) -> bool:
    """Whether a sentence says what caused something (a link word or a causal verb)."""
    return bool(_CAUSAL_VERBS.search(sentence) or _CAUSE_RE.search(sentence))


def is_effect(sentence: str) -> bool:
    """Whether a clause only reports an effect on the stock (its price or investors' mood).

    It names the stock and says which way it went ("Regional bank stocks slide"), or speaks
    of investors' mood ("battled weakened investor confidence"). A clause that names the
    effect with a causal verb ("contributing to the rally was X") holds the cause too.
    """
    from whymove.extract.catalyst_subject import DOWN_WORDS, UP_WORDS

    if not _EFFECT.search(sentence) or _CAUSAL_VERBS.search(sentence):
        return False
    moved = UP_WORDS.search(sentence) or DOWN_WORDS.search(sentence)
    return bool(moved or _MOOD.search(sentence))


def mentions_move(sentence: str) -> bool:
    """Whether a sentence speaks of a stock's move or performance."""
    return bool(_MOVE.search(sentence))


# Events still to come are not causes: "investors will be watching its results, due next week".
_UPCOMING = gated(
    r"\b(?:will be (?:watching|looking|focused)|(?:is|are) (?:due|scheduled|set|expected) to "
    r"(?:report|release|announce|publish|hold|host)|due (?:later|next|on)|scheduled to (?:report|"
    r"hold|host)|will (?:report|host|hold|release|publish)|ahead of (?:its|the|their) (?:\w+ )?"
    r"(?:results|earnings|report)|investors will|to watch)\b",
    re.I,
)


def is_upcoming(sentence: str) -> bool:
    """Whether a clause announces an event still to come (a results date, a meeting)."""
    return bool(_UPCOMING.search(sentence))


_RISK = gated(
    r"\b(?:could|may|might|risks?|uncertain\w*|challenges?|headwinds?|threats?|pressure|"
    r"vulnerab\w+|exposed to|weigh(?:s|ing)? on)\b",
    re.I,
)


def is_risk(sentence: str) -> bool:
    """Whether a clause speaks of a risk to the outlook (kept even when weaker)."""
    return bool(_RISK.search(sentence))


_OPENING = re.compile(
    r"^\W*(?:looking (?:forward|ahead)|going forward|historically|in the past|previously|"
    r"over the years|longer[- ]term|in the long run)\b",
    re.I,
)


def opens_background(sentence: str) -> bool:
    """A sentence that opens by setting itself apart from today's news ("Looking forward, ...")."""
    return bool(_OPENING.search(sentence))


def is_background(sentence: str) -> bool:
    """Hedged, risk or history sentences: offered as background rather than as the cause."""
    return bool(_BACKGROUND.search(sentence))


def is_skipped(sentence: str) -> bool:
    """Site furniture and price-action boilerplate that never states a catalyst."""
    return bool(_SKIP.search(sentence)) or len(sentence.split()) < 4


def section_kind(sentence: str) -> str | None:
    """``risk`` or ``summary`` for a header line that opens such a list, else None."""
    if len(sentence.split()) > 8:
        return None
    if _RISK_HEADER.search(sentence):
        return "risk"
    if _SUMMARY_HEADER.search(sentence):
        return "summary"
    return None


def is_bullet(sentence: str) -> bool:
    return bool(_BULLET.match(sentence))
