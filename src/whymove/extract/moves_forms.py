"""The forms a move takes besides a verb: adjectives after a verb of trading ("closed 2.6%
higher", "is up 9%", "were flat"), comparisons with a quantity ("40% below its high"),
causatives ("lifted the stock 25%"), and the tokens and helpers every trigger shares.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from whymove.extract.moves_lexicon import (
    ADVERB_SKIP,
    FOLLOW_OK,
    MOTION,
    NOT_ADVERBS,
    PHRASAL,
    TIME_WORDS,
)
from whymove.extract.moves_patterns import FRACTION

_WORD = re.compile(r"[A-Za-z]+(?:[-'’][A-Za-z]+)*|\d+(?:[.,]\d+)*\s?%?|[$€£¥₹]|[^\sA-Za-z\d]")
_CAUSATIVE = re.compile(
    r"\b(?:(lifted|lifting|lifts|boosted|boosting|boosts|propelled|propelling|propels)|"
    r"(dragged|dragging|drags|knocked|knocking|knocks|pulled|pulling))\s+"
    r"(?:(?:the|its|their)\s+)?(?:[\w.&'’-]+\s+){0,4}?(?:stock|shares|it|them|[A-Z][\w.&-]*)\s+"
    r"(?:by\s+)?(?:about |around |nearly |almost |roughly |more than |over |some )?"
    r"(\d+(?:\.\d+)?)\s?(?:%|percent\b|per cent\b)(?!\s*(?:higher|lower|up|down)\b)"
)
_BY_SIZE = re.compile(r"\s*by\s+(?:about |around |nearly |almost |more than )?\d")
_SIZE_AFTER = re.compile(
    r"\s+(?:by\s+)?(?:about |around |roughly |nearly |almost |more than |over |some )?\d"
)
_COMPARATIVE = re.compile(
    r"(?:%|percent|per cent|thirds?|half|quarters?)\s+(below|above|off)\s+(?:its|their|the|a|an)\b",
    re.I,
)


_SIGNED_MOVE = re.compile(
    r"\b(?:an?|its|the)\s+(?:(?:daily|one-day|session|day's)\s+)?(?P<s1>[+\-−])\s?"
    r"(?P<n1>\d+(?:\.\d+)?)\s?%\s+(?:move|change|swing)\b|"
    r"\b(?:moving|moved|changing|changed)\s+(?:by\s+)?(?P<s2>[+\-−])\s?(?P<n2>\d+(?:\.\d+)?)\s?%|"
    r"\b(?:is|are|was|were|ended|closed|finished|settled|stood|trading|traded)\s+(?:the\s+"
    r"(?:trading\s+)?(?:day|session|week)\s+|at\s+)?(?P<s4>[+\-−])\s?(?P<n4>\d+(?:\.\d+)?)\s?%|"
    r"\b(?:returned|returning)\s+(?:about\s+|roughly\s+|nearly\s+|some\s+)?(?P<s3>[+\-−]?)\s?"
    r"(?P<n3>\d+(?:\.\d+)?)\s?%",
    re.I,
)
"""A size whose sign gives the direction: "marking a -1.45% move", "moving +1.46% from the
previous session" (wording of daily price recaps), "shares have returned 10%" (up unless
signed)."""
_LEAD = re.compile(
    r"\b(?:lead|leads|led|leading)\s+(?:(?:the|other|broader|wider|global|tech|chip|U\.S\.)\s+)*"
    r"(?:stocks|shares|markets?|indexes|indices|Wall Street)\s+(higher|lower)\b"
)
"""The subject of "leads stocks higher" moved that way itself ("S&P 500, Nasdaq lead stocks
higher")."""
_PHRASAL_DOWN = re.compile(
    r"\b(?:sell|sells|sold|selling)[- ]off\b(?!\s+(?:its|their|the|a|an|some|part|assets?|"
    r"stakes?|units?|divisions?|businesses|holdings?|shares\s+(?:of|in)|[\w-]+\s+stakes?)\b)|"
    r"\b(?:gave|gives|give|giving|given)\s+up\b(?=\s+(?:about\s+|nearly\s+|roughly\s+|some\s+|"
    r"more than\s+|over\s+|all\s+(?:of\s+)?(?:its|their)\s+|its\s+|their\s+|[+\-−]?\d))|"
    r"\b(?:gets?|got|getting|was|were|is|are|been|being)\s+(?:[a-z]+ly\s+)?(?:pummell?ed|"
    r"hammered|battered|clobbered|slammed|punished|crushed|walloped|whacked|routed|savaged|"
    r"trounced|drubbed|decimated)\b",
    re.I,
)
"""Down-moves said with a phrase ("Pinterest sells off", "The Trade Desk gets pummeled")."""


_COME = frozenset("come comes came coming".split())
_SIZE_SOON = re.compile(r"\s+(?:about\s+|nearly\s+|roughly\s+|some\s+|by\s+)?[+\-−]?\d")


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word that states a move, with offsets into its sentence.

    ``form``: verb, adj, noun, flat, multiply (doubled, halved: the size is in the word),
    comparative (a quantity then "lower than", "below", "off": a move since a reference level)
    or signed (the sign of the size gives the direction: "a -1.45% move").
    """

    start: int
    end: int
    direction: str
    form: str
    fixed_percent: float | None = None


def words_of(text: str) -> list[re.Match[str]]:
    return list(_WORD.finditer(text))


def lower(match: re.Match[str]) -> str:
    return match.group(0).lower().replace("’", "'")


def is_number(word: str) -> bool:
    return bool(word) and (word[0].isdigit() or word in "$€£¥₹")


def prev_content(words: list[re.Match[str]], index: int, limit: int = 4) -> list[str]:
    """Up to ``limit`` words before ``index``, skipping adverbs, sizes and "by"."""
    out: list[str] = []
    j = index - 1
    while j >= 0 and len(out) < limit:
        word = lower(words[j])
        if word in ",;:()—–" or word == "-":
            break
        if not (
            word in ADVERB_SKIP
            or is_number(word)
            or word in ("%", "percent", "per", "cent", "or", "pence", "cents", "points", "a", "an")
        ):
            out.append(word)
        j -= 1
    return out


def adjective(sentence: str, words: list[re.Match[str]], index: int, word: str) -> Trigger | None:
    match = words[index]
    direction = "up" if word in ("higher", "up") else "down"
    nxt = lower(words[index + 1]) if index + 1 < len(words) else ""
    prev = lower(words[index - 1]) if index else ""
    before = prev_content(words, index, 3)
    motion = any(w in MOTION or w in ("it's", "that's", "they're") for w in before)
    motion = motion or _verbless_subject(words, index)
    if after_determiner(words, index):
        return None
    if word in ("higher", "lower"):
        if nxt == "than":
            if quantity_before(sentence, match.start()):
                return Trigger(match.start(), match.end(), direction, "comparative")
            return None
        tail = sentence[match.end() : match.end() + 20]
        by_size = bool(_BY_SIZE.match(tail))
        if not (motion or by_size):
            return None
        capital = index + 1 < len(words) and words[index + 1].group(0)[0].isupper()
        if nxt and nxt[0].isalpha() and not free_word(nxt) and not capital:
            return None
        return Trigger(match.start(), match.end(), direction, "adj")
    # up / down
    if prev in PHRASAL and not (prev in _COME and _SIZE_SOON.match(sentence, match.end())):
        return None  # "came up with", but "came down 0.8%"
    if nxt == "to" and not motion:
        return None
    sized = False
    j = index + 1
    while j < len(words) and (
        lower(words[j]).endswith("ly")
        or lower(words[j])
        in (
            "about",
            "around",
            "nearly",
            "almost",
            "more",
            "than",
            "over",
            "roughly",
            "some",
            "just",
            "a",
            "further",
            "another",
            "as",
            "much",
            "by",
            "whopping",
            "staggering",
            "record",
            "massive",
            "hefty",
            "solid",
            "approximately",
            "+",
            "−",
            "~",
        )
    ):
        j += 1
    if j < len(words):
        sized = is_number(lower(words[j]))
    if nxt and nxt[0].isalpha() and not free_word(nxt) and not sized:
        return None
    if motion and prev not in ("and",):
        return Trigger(match.start(), match.end(), direction, "adj")
    if sized:
        return Trigger(match.start(), match.end(), direction, "adj")
    return None


def _verbless_subject(words: list[re.Match[str]], index: int) -> bool:
    """ "AbbVie Stock Up on Raised Outlook", "Novartis Shares Down": a headline's subject noun
    right before "up"/"down" stands for the verb it drops (not "stock up on supplies")."""
    if index < 2 or lower(words[index - 1]) not in ("stock", "shares", "stocks"):
        return False
    noun, owner = words[index - 1].group(0), words[index - 2].group(0)
    return noun[0].isupper() or owner[0].isupper() or owner in (")", "'s", "’s")


def free_word(word: str) -> bool:
    """A word that may follow an adverbial "up"/"down"/"higher": a time, a preposition, an
    adverb; not the object of a phrasal verb ("put up mixed numbers")."""
    return (
        word in FOLLOW_OK
        or word in TIME_WORDS
        or word == "at"
        or (word.endswith("ly") and word not in NOT_ADVERBS)
    )


def after_determiner(words: list[re.Match[str]], index: int) -> bool:
    """ "a much higher P/E", "the lower end": an adjective inside a noun phrase."""
    j = index - 1
    while j >= 0 and lower(words[j]) in (
        "much",
        "far",
        "slightly",
        "significantly",
        "even",
        "still",
        "considerably",
        "somewhat",
        "notably",
    ):
        j -= 1
    return j >= 0 and lower(words[j]) in ("a", "an", "the", "its", "their", "this", "that")


def off_trigger(sentence: str, words: list[re.Match[str]], index: int) -> Trigger | None:
    """ "are off 49% from highs", "trading off about 4.1%": "off" with a size after a verb."""
    match = words[index]
    if not any(w in MOTION for w in prev_content(words, index, 2)):
        return None
    if _SIZE_AFTER.match(sentence[match.end() : match.end() + 30]):
        return Trigger(match.start(), match.end(), "down", "adj")
    return None


def causatives(sentence: str) -> list[Trigger]:
    """ "a rally that has lifted the stock 25%": the object moved by the size after it."""
    out = []
    for match in _CAUSATIVE.finditer(sentence):
        direction = "up" if match.group(1) else "down"
        start, end = match.span(3)
        out.append(Trigger(start, end, direction, "causative", float(match.group(3))))
    return out


def flat_triggers(sentence: str) -> list[Trigger]:
    out = []
    for match in re.finditer(
        r"\b(?:flat|unchanged|little[- ]changed|barely changed|steady|in (?:the )?(red|green)|"
        r"in (positive|negative) territory)\b",
        sentence,
        re.I,
    ):
        words = words_of(sentence[: match.start()])
        before = prev_content(words, len(words), 3)
        word = match.group(0).lower()
        if word == "steady":
            ok = any(
                w
                in (
                    "held",
                    "hold",
                    "holds",
                    "holding",
                    "remained",
                    "remain",
                    "stayed",
                    "were",
                    "was",
                    "is",
                    "are",
                    "traded",
                    "trading",
                )
                for w in before
            )
        else:
            ok = any(w in MOTION for w in before)
        tail = sentence[match.end() : match.end() + 15]
        if (
            word in ("flat",)
            and re.match(r"^[ -]+[a-z]", tail)
            and not re.match(
                r"^\s+(?:at|on|in|after|as|for|since|from|to|ahead|before|with|while|and|but|or|year|this|last|over)\b",
                tail,
            )
        ):
            ok = False
        if not ok:
            continue
        color = (match.group(1) or match.group(2) or "").lower()
        direction = (
            "up"
            if color in ("green", "positive")
            else "down"
            if color in ("red", "negative")
            else "flat"
        )
        out.append(Trigger(match.start(), match.end(), direction, "flat"))
    return out


def comparatives(sentence: str) -> list[Trigger]:
    out = []
    for match in _COMPARATIVE.finditer(sentence):
        word = match.group(1).lower()
        out.append(
            Trigger(
                match.start(1), match.end(1), "up" if word == "above" else "down", "comparative"
            )
        )
    return out


def quantity_before(sentence: str, start: int) -> bool:
    head = sentence[max(0, start - 40) : start].rstrip()
    if re.search(r"(?:%|percent|per cent|pct)\s*$", head, re.I):
        return True
    return bool(FRACTION.search(head[-16:])) and bool(
        re.search(FRACTION.pattern + r"\s*$", head, re.I)
    )


def signed_moves(sentence: str) -> list[Trigger]:
    """ "closed at $45.50, marking a -1.45% move": direction and size from a signed size."""
    out = []
    for match in _SIGNED_MOVE.finditer(sentence):
        sign = match.group("s1") or match.group("s2") or match.group("s3") or match.group("s4")
        size = float(
            match.group("n1") or match.group("n2") or match.group("n3") or match.group("n4")
        )
        sign = sign or "+"
        start = match.start("s1") if match.group("s1") else match.start()
        direction = "up" if sign == "+" else "down"
        out.append(Trigger(start, match.end(), direction, "signed", size))
    return out


def phrasal_downs(sentence: str) -> list[Trigger]:
    """ "Pinterest sells off", "gets pummeled", "leads stocks lower": a move said with a
    phrase."""
    out = [Trigger(m.start(), m.end(), "down", "verb") for m in _PHRASAL_DOWN.finditer(sentence)]
    for match in _LEAD.finditer(sentence):
        direction = "up" if match.group(1) == "higher" else "down"
        out.append(Trigger(match.start(), match.end(), direction, "verb"))
    return out
