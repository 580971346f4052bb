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

from whymove.extract.moves_forms import (
    Trigger,
    adjective,
    causatives,
    comparatives,
    flat_triggers,
    is_number,
    lower,
    off_trigger,
    prev_content,
    words_of,
)
from whymove.extract.moves_lexicon import (
    ADVERB_SKIP,
    CONTINUE_VERBS,
    DOWN_NOUNS,
    DOWN_VERBS,
    FOLLOW_OK,
    GOVERNING_VERBS,
    MODAL,
    MULTIPLY_VERBS,
    NOT_ADVERBS,
    NOUN_BEFORE,
    SUBJECT_NOUNS,
    TIME_WORDS,
    UP_NOUNS,
    UP_VERBS,
)
from whymove.extract.moves_patterns import PERCENT, QUANTITY_WORDS, WORD_PERCENT

_HINT_WORDS = frozenset(
    {w for word in UP_VERBS | DOWN_VERBS | UP_NOUNS | DOWN_NOUNS for w in word.split("-")}
    | set(MULTIPLY_VERBS)
    | set(
        """higher lower up down off below above flat unchanged changed barely steady red green
        positive negative lifted lifting lifts boosted boosting boosts propelled propelling
        propels dragged dragging drags knocked knocking knocks pulled pulling""".split()
    )
)
"""A sentence without any of these words states no move: skip it before tokenising."""
_FORECAST_VERBS = frozenset("sees see expects expect forecasts predicts projects".split())
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
    "fifty".split()
)
_COUNT_AFTER = re.compile(
    r"[$€£¥₹]?\s?\d[\d.,]*\s*(?:million|billion|trillion|thousand|bn|mn|mln|[mbk]\b|new\b|"
    r"jobs|users|subscribers|customers|units|vehicles|employees|workers|people|stores|shares\b)",
    re.I,
)
_TO_OK = re.compile(
    r"^\s*to\s+(?:[$€£¥₹]|[A-Z]{1,3}\$|\d|(?:close|end|finish|settle|trade|open)\b|"
    r"(?:an?|its|their|the)\s+(?:[\w-]+\s+){0,2}?(?:record|high|low|peak|close|level|"
    r"lowest|highest|all-time|fresh|new|\d+-\w+|[\w]+-(?:year|month|week))\b)",
    re.I,
)


def _modal_before(words: list[re.Match[str]], index: int) -> bool:
    """A forecast, a condition or a negation governs the word ("could fall", "did not rise")."""
    before = [lower(w) for w in words[max(0, index - 4) : index]]
    if any(w in MODAL or w.endswith("n't") for w in before):
        return True
    wider = [lower(w) for w in words[max(0, index - 8) : index]]
    if any(w in _FORECAST_VERBS for w in wider):
        return True
    if before and before[-1] == "to":
        return not (len(before) > 1 and before[-2] in CONTINUE_VERBS)
    return False


def _follow_ok(sentence: str, words: list[re.Match[str]], index: int) -> bool:
    """What follows a verb leaves it intransitive: a size, an adverb, a time, a preposition."""
    j = index + 1
    while j < len(words) and lower(words[j]) in ADVERB_SKIP - {"by", "over", "about"}:
        j += 1
    if j >= len(words):
        return True
    word = lower(words[j])
    if is_number(word):
        # "added 13 million subscribers", "lost $2 billion": a count or an amount, not a size
        return not _COUNT_AFTER.match(sentence, words[j].start())
    if word in ",.;:!?—–-)(\"'”“":
        return True
    if word in _NUMBER_WORDS:  # "rose five percent", not "added two objectives"
        return bool(
            re.match(
                r"[a-z]+[\s-]+(?:percent|per cent|points?|fold)\b",
                sentence[words[j].start() :],
                re.I,
            )
        )
    if word.endswith("ly") and len(word) > 4 and word not in NOT_ADVERBS:
        return True
    if word == "to":
        return bool(_TO_OK.match(sentence[words[j].start() :]))
    if word in ("a", "an"):
        nxt = lower(words[j + 1]) if j + 1 < len(words) else ""
        return is_number(nxt) or nxt in ("further", "whopping", "staggering", "combined", "record")
    if word == "the":
        nxt = lower(words[j + 1]) if j + 1 < len(words) else ""
        return nxt in ("most", "least", "day", "session", "week", "month", "year")
    return word in FOLLOW_OK or word in TIME_WORDS or word in ("at",)


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
    for word in prev_content(words, index, 3):
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
    nxt = lower(words[index + 1]) if index + 1 < len(words) else ""
    if nxt == "of":
        return True
    if index == 0:
        return False
    prev = lower(words[index - 1])
    if prev in NOUN_BEFORE or prev in GOVERNING_VERBS or prev.endswith(("'s", "’s")):
        return True
    if prev not in SUBJECT_NOUNS and not words[index - 1].group(0)[:1].isupper():
        for j in range(index - 2, max(-1, index - 4), -1):
            word = lower(words[j])
            if word in ("a", "an", "the", "its", "their", "this", "that"):
                return True
            if not word[:1].isalpha():
                break
    head = sentence[max(0, words[index].start() - 12) : words[index].start()]
    return bool(re.search(r"(?:%|percent|digit)\s*$", head, re.I))


def find_triggers(sentence: str) -> list[Trigger]:
    """Every trigger of ``sentence``, in order, offsets relative to the sentence.

    Example: ``find_triggers("Shares rose 3% but Baidu fell.")`` -> triggers at "rose" (up,
    verb) and "fell" (down, verb).
    """
    if _HINT_WORDS.isdisjoint(re.findall(r"[a-z]+", sentence.lower())):
        return []
    words = words_of(sentence)
    found: list[Trigger] = []
    for index, match in enumerate(words):
        word = lower(match)
        if word in MULTIPLY_VERBS:
            nxt = lower(words[index + 1]) if index + 1 < len(words) else ""
            if nxt in ("down", "up", "its", "their", "the"):
                continue
            if not _modal_before(words, index) and _follow_ok(sentence, words, index):
                direction, size = MULTIPLY_VERBS[word]
                found.append(Trigger(match.start(), match.end(), direction, "multiply", size))
            continue
        if word == "off":
            trig = off_trigger(sentence, words, index)
            if trig:
                found.append(trig)
            continue
        if word in ("higher", "lower", "up", "down"):
            trig = adjective(sentence, words, index, word)
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
        if index and lower(words[index - 1]) in (
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
    found.extend(causatives(sentence))
    found.extend(flat_triggers(sentence))
    found.extend(comparatives(sentence))
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
