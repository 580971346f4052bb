"""Finding the words that state a price move inside one sentence.

A *trigger* is a word of direction used the way market news uses it for a price: a verb with
its size ("rose 8.1%", "slipped", "more than doubled"), an adjective after a verb of trading
("closed 2.6% higher", "is up 9%", "were flat"), a noun with a size or a verb that owns it
("a 3% drop", "gains of 12%", "posting double-digit gains"), or a comparison with a quantity
("two-thirds lower than its peak"). Everything else that looks the same is left out: an
attributive adjective ("lower costs", "rising tensions"), a transitive verb with its object
("increased its stake", "lost the case", "rose to the top"), a forecast ("could fall"), a
comparison without a quantity ("far higher than a low").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from whymove.extract.moves_lexicon import (
    ADVERB_SKIP,
    CONTINUE_VERBS,
    DOWN_NOUNS,
    DOWN_VERBS,
    FOLLOW_OK,
    GOVERNING_VERBS,
    MODAL,
    MOTION,
    MULTIPLY_VERBS,
    NOT_ADVERBS,
    NOUN_BEFORE,
    PHRASAL,
    SUBJECT_NOUNS,
    TIME_WORDS,
    UP_NOUNS,
    UP_VERBS,
)
from whymove.extract.moves_patterns import FRACTION, PERCENT, QUANTITY_WORDS, WORD_PERCENT

_WORD = re.compile(r"[A-Za-z]+(?:[-'’][A-Za-z]+)*|\d+(?:[.,]\d+)*\s?%?|[$€£¥₹]|[^\sA-Za-z\d]")
_HINT = re.compile(
    r"\b(?:"
    + "|".join(
        sorted(UP_VERBS | DOWN_VERBS | UP_NOUNS | DOWN_NOUNS | set(MULTIPLY_VERBS), key=len)[::-1]
    )
    + r"|higher|lower|up|down|off|below|above|flat|unchanged|little[- ]changed|barely|steady|"
    r"red|green|positive|negative|lift\w*|boost\w*|propel\w*|drag\w*|knock\w*|pull\w*)\b",
    re.I,
)
_FORECAST_VERBS = frozenset("sees see expects expect forecasts predicts projects".split())
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
_TO_OK = re.compile(
    r"^\s*to\s+(?:[$€£¥₹]|[A-Z]{1,3}\$|\d|(?:close|end|finish|settle|trade|open)\b|"
    r"(?:an?|its|their|the)\s+(?:[\w-]+\s+){0,2}?(?:record|high|low|peak|close|level|"
    r"lowest|highest|all-time|fresh|new|\d+-\w+|[\w]+-(?:year|month|week))\b)",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word that states a move, with offsets into its sentence.

    ``form``: verb, adj, noun, flat, multiply (doubled, halved: the size is in the word) or
    comparative (a quantity then "lower than", "below", "off": a move since a reference level).
    """

    start: int
    end: int
    direction: str
    form: str
    fixed_percent: float | None = None


def _words(text: str) -> list[re.Match[str]]:
    return list(_WORD.finditer(text))


def _lower(match: re.Match[str]) -> str:
    return match.group(0).lower().replace("’", "'")


def _is_number(word: str) -> bool:
    return bool(word) and (word[0].isdigit() or word in "$€£¥₹")


def _prev_content(words: list[re.Match[str]], index: int, limit: int = 4) -> list[str]:
    """Up to ``limit`` words before ``index``, skipping adverbs, sizes and "by"."""
    out: list[str] = []
    j = index - 1
    while j >= 0 and len(out) < limit:
        word = _lower(words[j])
        if word in ",;:()—–" or word == "-":
            break
        if not (
            word in ADVERB_SKIP
            or _is_number(word)
            or word in ("%", "percent", "per", "cent", "or", "pence", "cents", "points", "a", "an")
        ):
            out.append(word)
        j -= 1
    return out


def _modal_before(words: list[re.Match[str]], index: int) -> bool:
    """A forecast, a condition or a negation governs the word ("could fall", "did not rise")."""
    before = [_lower(w) for w in words[max(0, index - 4) : index]]
    if any(w in MODAL or w.endswith("n't") for w in before):
        return True
    wider = [_lower(w) for w in words[max(0, index - 8) : index]]
    if any(w in _FORECAST_VERBS for w in wider):
        return True
    if before and before[-1] == "to":
        return not (len(before) > 1 and before[-2] in CONTINUE_VERBS)
    return False


def _follow_ok(sentence: str, words: list[re.Match[str]], index: int) -> bool:
    """What follows a verb leaves it intransitive: a size, an adverb, a time, a preposition."""
    j = index + 1
    while j < len(words) and _lower(words[j]) in ADVERB_SKIP - {"by", "over", "about"}:
        j += 1
    if j >= len(words):
        return True
    word = _lower(words[j])
    if _is_number(word) or word in ",.;:!?—–-)(\"'”“":
        return True
    if word.endswith("ly") and len(word) > 4 and word not in NOT_ADVERBS:
        return True
    if word == "to":
        return bool(_TO_OK.match(sentence[words[j].start() :]))
    if word in ("a", "an"):
        nxt = _lower(words[j + 1]) if j + 1 < len(words) else ""
        return _is_number(nxt) or nxt in ("further", "whopping", "staggering", "combined", "record")
    if word == "the":
        nxt = _lower(words[j + 1]) if j + 1 < len(words) else ""
        return nxt in ("most", "least", "day", "session", "week", "month", "year")
    return word in FOLLOW_OK or word in TIME_WORDS or word in ("at",)


def _quantity_before(sentence: str, start: int) -> bool:
    head = sentence[max(0, start - 40) : start].rstrip()
    if re.search(r"(?:%|percent|per cent|pct)\s*$", head, re.I):
        return True
    return bool(FRACTION.search(head[-16:])) and bool(
        re.search(FRACTION.pattern + r"\s*$", head, re.I)
    )


def _noun_sized(sentence: str, words: list[re.Match[str]], index: int) -> bool:
    """A noun of direction counts with a size, a quantity word or a verb that owns it."""
    match = words[index]
    head = sentence[max(0, match.start() - 45) : match.start()]
    if re.search(r"(?:%|percent|per cent|pct)(?:\s+[\w-]+){0,3}\s*$", head, re.I):
        return True
    if QUANTITY_WORDS.search(head[-25:]):
        return True
    tail = sentence[match.end() : match.end() + 40]
    if re.match(
        r"^\s*(?:[\w-]+\s+){0,3}?(?:of|to|by)\s+(?:about |around |roughly |nearly |almost |"
        r"more than |over |as much as |some |just )?[+\-]?\d",
        tail,
        re.I,
    ):
        return True
    for word in _prev_content(words, index, 3):
        if word in GOVERNING_VERBS:
            return True
        if word not in NOUN_BEFORE:
            break
    return False


def _is_noun(words: list[re.Match[str]], index: int, word: str, sentence: str) -> bool:
    is_verb = word in UP_VERBS or word in DOWN_VERBS
    is_noun = word in UP_NOUNS or word in DOWN_NOUNS
    if not is_noun:
        return False
    if not is_verb:
        return True
    nxt = _lower(words[index + 1]) if index + 1 < len(words) else ""
    if nxt == "of":
        return True
    if index == 0:
        return False
    prev = _lower(words[index - 1])
    if prev in NOUN_BEFORE or prev in GOVERNING_VERBS or prev.endswith(("'s", "’s")):
        return True
    if prev not in SUBJECT_NOUNS and not words[index - 1].group(0)[:1].isupper():
        for j in range(index - 2, max(-1, index - 4), -1):
            word = _lower(words[j])
            if word in ("a", "an", "the", "its", "their", "this", "that"):
                return True
            if not word[:1].isalpha():
                break
    head = sentence[max(0, words[index].start() - 12) : words[index].start()]
    return bool(re.search(r"(?:%|percent|digit)\s*$", head, re.I))


def _adjective(sentence: str, words: list[re.Match[str]], index: int, word: str) -> Trigger | None:
    match = words[index]
    direction = "up" if word in ("higher", "up") else "down"
    nxt = _lower(words[index + 1]) if index + 1 < len(words) else ""
    prev = _lower(words[index - 1]) if index else ""
    before = _prev_content(words, index, 3)
    motion = any(w in MOTION or w in ("it's", "that's", "they're") for w in before)
    if _after_determiner(words, index):
        return None
    if word in ("higher", "lower"):
        if nxt == "than":
            if _quantity_before(sentence, match.start()):
                return Trigger(match.start(), match.end(), direction, "comparative")
            return None
        tail = sentence[match.end() : match.end() + 20]
        by_size = bool(_BY_SIZE.match(tail))
        if not (motion or by_size):
            return None
        capital = index + 1 < len(words) and words[index + 1].group(0)[0].isupper()
        if nxt and nxt[0].isalpha() and not _free_word(nxt) and not capital:
            return None
        return Trigger(match.start(), match.end(), direction, "adj")
    # up / down
    if prev in PHRASAL:
        return None
    if nxt == "to" and not motion:
        return None
    sized = False
    j = index + 1
    while j < len(words) and _lower(words[j]) in (
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
    ):
        j += 1
    if j < len(words):
        sized = _is_number(_lower(words[j]))
    if nxt and nxt[0].isalpha() and not _free_word(nxt):
        return None
    if motion and prev not in ("and",):
        return Trigger(match.start(), match.end(), direction, "adj")
    if sized:
        return Trigger(match.start(), match.end(), direction, "adj")
    return None


def _free_word(word: str) -> bool:
    """A word that may follow an adverbial "up"/"down"/"higher": a time, a preposition, an
    adverb; not the object of a phrasal verb ("put up mixed numbers")."""
    return (
        word in FOLLOW_OK
        or word in TIME_WORDS
        or word == "at"
        or (word.endswith("ly") and word not in NOT_ADVERBS)
    )


def _after_determiner(words: list[re.Match[str]], index: int) -> bool:
    """ "a much higher P/E", "the lower end": an adjective inside a noun phrase."""
    j = index - 1
    while j >= 0 and _lower(words[j]) in (
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
    return j >= 0 and _lower(words[j]) in ("a", "an", "the", "its", "their", "this", "that")


def _off(sentence: str, words: list[re.Match[str]], index: int) -> Trigger | None:
    """ "are off 49% from highs", "trading off about 4.1%": "off" with a size after a verb."""
    match = words[index]
    if not any(w in MOTION for w in _prev_content(words, index, 2)):
        return None
    if _SIZE_AFTER.match(sentence[match.end() : match.end() + 30]):
        return Trigger(match.start(), match.end(), "down", "adj")
    return None


def _causatives(sentence: str) -> list[Trigger]:
    """ "a rally that has lifted the stock 25%": the object moved by the size after it."""
    out = []
    for match in _CAUSATIVE.finditer(sentence):
        direction = "up" if match.group(1) else "down"
        start, end = match.span(3)
        out.append(Trigger(start, end, direction, "causative", float(match.group(3))))
    return out


def _flat(sentence: str) -> list[Trigger]:
    out = []
    for match in re.finditer(
        r"\b(?:flat|unchanged|little[- ]changed|barely changed|steady|in (?:the )?(red|green)|"
        r"in (positive|negative) territory)\b",
        sentence,
        re.I,
    ):
        words = _words(sentence[: match.start()])
        before = _prev_content(words, len(words), 3)
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


def _comparatives(sentence: str) -> list[Trigger]:
    out = []
    for match in _COMPARATIVE.finditer(sentence):
        word = match.group(1).lower()
        out.append(
            Trigger(
                match.start(1), match.end(1), "up" if word == "above" else "down", "comparative"
            )
        )
    return out


def find_triggers(sentence: str) -> list[Trigger]:
    """Every trigger of ``sentence``, in order, offsets relative to the sentence.

    Example: ``find_triggers("Shares rose 3% but Baidu fell.")`` -> triggers at "rose" (up,
    verb) and "fell" (down, verb).
    """
    if not _HINT.search(sentence):
        return []
    words = _words(sentence)
    found: list[Trigger] = []
    for index, match in enumerate(words):
        word = _lower(match)
        if word in MULTIPLY_VERBS:
            nxt = _lower(words[index + 1]) if index + 1 < len(words) else ""
            if nxt in ("down", "up", "its", "their", "the"):
                continue
            if not _modal_before(words, index) and _follow_ok(sentence, words, index):
                direction, size = MULTIPLY_VERBS[word]
                found.append(Trigger(match.start(), match.end(), direction, "multiply", size))
            continue
        if word == "off":
            trig = _off(sentence, words, index)
            if trig:
                found.append(trig)
            continue
        if word in ("higher", "lower", "up", "down"):
            trig = _adjective(sentence, words, index, word)
            if trig and not _modal_before(words, index):
                found.append(trig)
            continue
        if not (word in UP_VERBS or word in DOWN_VERBS or word in UP_NOUNS or word in DOWN_NOUNS):
            continue
        direction = "up" if word in UP_VERBS or word in UP_NOUNS else "down"
        if _is_noun(words, index, word, sentence):
            if _noun_sized(sentence, words, index):
                found.append(Trigger(match.start(), match.end(), direction, "noun"))
            continue
        if _modal_before(words, index) or not _follow_ok(sentence, words, index):
            continue
        if index and _lower(words[index - 1]) in (
            "a",
            "an",
            "the",
            "its",
            "their",
            "this",
            "most",
            "more",
            "less",
            "least",
        ):
            continue
        found.append(Trigger(match.start(), match.end(), direction, "verb"))
    found.extend(_causatives(sentence))
    found.extend(_flat(sentence))
    found.extend(_comparatives(sentence))
    found.sort(key=lambda t: t.start)
    return _drop_echoes(sentence, found)


def _drop_echoes(sentence: str, triggers: list[Trigger]) -> list[Trigger]:
    """ "rose higher", "climbed up": an adjective right after a verb of the same direction
    repeats it."""
    kept: list[Trigger] = []
    for trig in triggers:
        if kept and trig.form in ("adj", "flat") and kept[-1].form in ("verb", "multiply"):
            gap = sentence[kept[-1].end : trig.start]
            if len(gap.split()) <= 2 and not re.search(r"[,;]|\d", gap):
                continue
        if kept and trig.start < kept[-1].end:
            continue
        kept.append(trig)
    return kept


__all__ = ["PERCENT", "WORD_PERCENT", "Trigger", "find_triggers"]
