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

import itertools
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
    phrasal_downs,
    prev_content,
    signed_moves,
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
from whymove.extract.moves_patterns import (
    PERCENT,
    QUANTITY_WORDS,
    SUPERLATIVE_CONTEXT,
    WORD_PERCENT,
)

_HINT_WORDS = frozenset(
    {w for word in UP_VERBS | DOWN_VERBS | UP_NOUNS | DOWN_NOUNS for w in word.split("-")}
    | set(MULTIPLY_VERBS)
    | set(
        """higher lower up down off below above flat unchanged changed barely steady red green
        positive negative lifted lifting lifts boosted boosting boosts propelled propelling
        propels dragged dragging drags knocked knocking knocks pulled pulling hammered pummeled
        pummelled battered clobbered slammed punished crushed walloped whacked routed savaged
        trounced drubbed decimated gave give gives giving""".split()
    )
)
"""A sentence without any of these words states no move: skip it before tokenising."""
_FORECAST_VERBS = frozenset(
    """sees see expects expect forecasts predicts projects chance chances probability odds
    likelihood bet bets betting wager""".split()
)
"""A forecast or a wager governs a move word up to eight words after it ("a 70% chance that
the stock rises")."""
_APPROX = frozenset("around about roughly approximately nearly almost".split())
_NOUN_USE = frozenset(
    """beat beats topped tops top missed misses miss above below than the its their analyst
    analysts consensus of with against exceeded exceeds""".split()
)
"""Words before "forecasts", "bets", "odds" that make them nouns of a result, not a forecast
("beat forecasts", "topped estimates")."""
_SKIPPED = ADVERB_SKIP - {"by", "over", "about", "a", "an"}
_AS_QUANTITY = frozenset("much many high low far little a an".split())
_SIGNS = frozenset("+ − ~".split())
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
    "fifty".split()
)
_COUNT_AFTER = re.compile(
    r"[$€£¥₹]?\s?\d[\d.,]*\s*(?:million|billion|trillion|thousand|bn|mn|mln|[mbk]\b|new\b|"
    r"jobs|users|subscribers|customers|units|vehicles|employees|workers|people|stores|shares\b)",
    re.I,
)
_SIZE_AFTER_ARTICLE = re.compile(
    r"an?\s+(?:(?:further|whopping|staggering|combined|record|massive|hefty|solid|modest|"
    r"healthy|sharp|steep|big|huge|small|slight|mere|respectable|impressive|stunning|"
    r"remarkable|dramatic|[a-z]+ly|[a-z]+-(?:day|week|month|year))\s+){0,2}[+\-~]?\s?\d",
    re.I,
)
_DAILY_LIMIT = re.compile(r"the\s+(?:\d[\d.]*\s?%\s+)?(?:daily\s+|maximum\s+)?limit\b", re.I)
"""Asian markets cap a day's move: "surged the 20% daily limit"."""
_BENEFIT = re.compile(r"\s*from\s+(?![$€£¥₹]|\d|[A-Z]{1,3}\$)", re.I)
"""A gain *from* something that is not a level is a benefit ("gains from strong demand")."""
_SIGNED_HINT = re.compile(r"[+\-−]\s?\d[\d.]*\s?%|\breturn(?:ed|ing)\b")
_MAGNITUDE = frozenset(
    """sharp sharper steep steeper big bigger huge massive dramatic sudden significant hefty
    heavy broad strong solid modest slight small""".split()
)
_TARGETS = frozenset("expectations estimates forecasts consensus views targets".split())
_PREPOSITIONS = frozenset("of for about without into".split())
_TO_OK = re.compile(
    r"^\s*to\s+(?:[$€£¥₹]|[A-Z]{1,3}\$|\d|(?:close|end|finish|settle|trade|open)\b|"
    r"(?:record|all-time|fresh|new|multi-?year|\d+-\w+|\w+-(?:year|month|week))\b|"
    r"(?:an?|its|their|the)\s+(?:[\w-]+\s+){0,2}?(?:record|high|low|peak|close|level|"
    r"lowest|highest|all-time|fresh|new|\d+-\w+|[\w]+-(?:year|month|week))\b)",
    re.I,
)


def _modal_before(words: list[re.Match[str]], index: int) -> bool:
    """A forecast, a condition or a negation governs the word ("could fall", "did not rise")."""
    before = [lower(w) for w in words[max(0, index - 4) : index]]
    if any(w in MODAL or w.endswith("n't") for w in before):
        return True
    wider = [lower(w) for w in words[max(0, index - 9) : index]]
    if any(w in _FORECAST_VERBS and p not in _NOUN_USE for p, w in itertools.pairwise(wider)):
        return True
    if before and before[-1] == "to":
        return not (len(before) > 1 and before[-2] in CONTINUE_VERBS)
    return False


def _follow_ok(sentence: str, words: list[re.Match[str]], index: int) -> bool:
    """What follows a verb leaves it intransitive: a size, an adverb, a time, a preposition."""
    j = index + 1
    skipped = []
    while j < len(words) and lower(words[j]) in _SKIPPED:
        if lower(words[j]) == "as" and (
            j + 1 >= len(words) or lower(words[j + 1]) not in _AS_QUANTITY
        ):
            return True  # the conjunction: "jumps as traders bet", not "as much as"
        skipped.append(lower(words[j]))
        j += 1
    if j >= len(words):
        return True
    word = lower(words[j])
    if word in _SIGNS and j + 1 < len(words) and is_number(lower(words[j + 1])):
        j, word = j + 1, lower(words[j + 1])  # "rose more than +4%"
    if any(w in _APPROX for w in skipped) and not is_number(word):
        return False  # "bouncing around in late trading": no direction
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
    if skipped[-2:] in (["more", "than"], ["less", "than"]):
        return True  # "fell more than the broader market": a comparison of moves
    if word == "past" and j + 1 < len(words) and lower(words[j + 1]) in _TARGETS:
        return False  # "soared past expectations": a result, not a price
    if word in ("a", "an"):
        # "rose a massive 30%", "added a further 2%": a size after a determiner
        return bool(_SIZE_AFTER_ARTICLE.match(sentence, words[j].start()))
    if word == "the":
        nxt = lower(words[j + 1]) if j + 1 < len(words) else ""
        if _DAILY_LIMIT.match(sentence, words[j].start()):
            return True
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
    if (
        re.match(r"\s+in\s+(?:the\s+)?[A-Z]", tail)
        and index
        and lower(words[index - 1]) in _MAGNITUDE
    ):
        return True  # "a sharp pullback in the S&P 500": its object is named
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
    if prev.endswith(("'s", "’s")) and _title_verb(words, index):
        return False  # "As McDonald's Jumps": a name ending in 's, then a headline's verb
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


def _title_verb(words: list[re.Match[str]], index: int) -> bool:
    """A capitalised move word after a capitalised name, then the end, a preposition or a
    conjunction: a headline's verb."""
    word, owner = words[index].group(0), words[index - 1].group(0)
    if not (word[0].isupper() and owner[0].isupper()):
        return False
    nxt = lower(words[index + 1]) if index + 1 < len(words) else ""
    return not nxt or not nxt[0].isalpha() or nxt in FOLLOW_OK


def find_triggers(sentence: str) -> list[Trigger]:
    """Every trigger of ``sentence``, in order, offsets relative to the sentence.

    Example: ``find_triggers("Shares rose 3% but Baidu fell.")`` -> triggers at "rose" (up,
    verb) and "fell" (down, verb).
    """
    if _HINT_WORDS.isdisjoint(re.findall(r"[a-z]+", sentence.lower())):
        return signed_moves(sentence) if _SIGNED_HINT.search(sentence) else []
    words = words_of(sentence)
    found: list[Trigger] = []
    for index, match in enumerate(words):
        word = lower(match)
        if word in MULTIPLY_VERBS:
            nxt = lower(words[index + 1]) if index + 1 < len(words) else ""
            if nxt in ("down", "up", "its", "their", "the", "this", "that", "these", "those", "a"):
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
        if word in UP_NOUNS or word in DOWN_NOUNS:
            head = sentence[max(0, match.start() - 40) : match.start()]
            if SUPERLATIVE_CONTEXT.search(head) and not re.search(r"\d", head):
                continue  # "its biggest one-day drop since September": a record, not a move
        if _is_noun(words, index, word, sentence):
            if _noun_sized(sentence, words, index):
                found.append(Trigger(match.start(), match.end(), direction, "noun"))
            continue
        if _modal_before(words, index) or not _follow_ok(sentence, words, index):
            continue
        if word.startswith("gain") and _BENEFIT.match(sentence, match.end()):
            continue
        if word.endswith("ing") and index and lower(words[index - 1]) in _PREPOSITIONS:
            continue  # "wary of jumping in", "known for rallying": not a stated move
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
            "of",
        ):
            continue  # "the drop", "months of declines": nouns
        found.append(Trigger(match.start(), match.end(), direction, "verb"))
    starts = {w.start(): i for i, w in enumerate(words)}
    found.extend(causatives(sentence))
    found.extend(signed_moves(sentence))
    found.extend(
        t for t in phrasal_downs(sentence) if not _modal_before(words, starts.get(t.start, 0))
    )
    found.extend(
        t for t in flat_triggers(sentence) if not _modal_before(words, starts.get(t.start, 0))
    )
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
