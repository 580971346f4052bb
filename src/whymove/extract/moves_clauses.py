"""Clauses of a sentence around its move words, and what each clause says.

A sentence with several moves ("Nvidia jumped 5% to close at $140.11, while AMD fell 2%") is
cut between its triggers at the strongest boundary (a semicolon or dash, then "while"/"but",
then a cause such as "after", then "and" or a comma); a clause's tail stops at a cause, so
"rose 3% after revenue jumped 39%" keeps 39% out of the move. Within a clause: the size before
or after the trigger, its qualifier ("over", "nearly"), the session and the horizon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from whymove.extract.moves_lexicon import AFTER, AS
from whymove.extract.moves_merge import Bound
from whymove.extract.moves_patterns import (
    DAY_MARKERS,
    FRACTION,
    HORIZONS,
    LOWER_BOUND,
    NOT_MOVE_PERCENT,
    PAST_N,
    PERCENT,
    SESSIONS,
    SPAN_NOUN,
    SUPERLATIVE_CONTEXT,
    UPPER_BOUND,
    WORD_NUMBERS,
    WORD_PERCENT,
    past_n_horizon,
)
from whymove.extract.moves_phrases import masked_spans
from whymove.extract.moves_triggers import Trigger

_SEPARATORS = (
    re.compile(r";|\s[—–]\s|\s--\s|—|\s\*\*?\s|\s[•|]\s"),
    re.compile(r",?\s+(?:while|whereas|but|although|though)\s+", re.I),
    re.compile(
        rf"\s+(?:{AFTER}|{AS}|following|amid|ahead of|because|since the "
        r"news|on (?:news|reports|hopes|fears|concerns|expectations)|due to|thanks to|despite|"
        r"when|in line with|driven by|helped by|weighed down by)\s+",
        re.I,
    ),
    re.compile(r",?\s+and\s+", re.I),
    re.compile(r",\s+(?!or\b|at\b|to\b|\d|\$|up\b|down\b|a\s+\d|apiece|each|on\s+\w+day)"),
)
_CAUSE = re.compile(
    rf"\b(?:{AFTER}|{AS}|following|amid|ahead of|because|due to|thanks "
    r"to|despite|when|which|who|that|in line with|driven by|fuell?ed by|helped by|boosted by|"
    r"weighed (?:on|down) by|led by|reflecting|underscoring|even as|while|whereas|but|"
    r"according to|compared with|versus|vs\.?)\b",
    re.I,
)
APPOSITION = re.compile(
    r",\s+(?:its|the|a|an|marking|making|which|who|bringing|taking|extending|leaving|putting|"
    r"logging|posting|recording|notching|recovering|rebounding|snapping|ending|breaking|"
    r"reversing|"
    r"sending|adding|helping|pushing|giving|their)\b",
    re.I,
)
REFERENCE_POINT = re.compile(
    r"\b(?:from|since|than|versus|vs\.?|compared (?:with|to))\s+(?:(?:the|its|their)\s+)?"
    r"(?:(?:\w+day|previous|prior|last|Friday|yesterday)['’]?s?\s+)?"
    r"(?:close|closing (?:price|level)|open|opening (?:price|level)|session)\b",
    re.I,
)
"""A level a move is measured from ("up 4% from Monday's close"): not its date or session."""
_INTRADAY = re.compile(r"\b(?:session|intraday|day's|today's|morning|opening|early)\b", re.I)
_DASH = re.compile(r"\s*(?:[—–]|--|\s-\s)")
_HORIZON_REACH = 80
"""How far after a move word its time phrase may stand; beyond, a time phrase belongs to
something else said in the same clause."""
_SIZE_NEXT = re.compile(
    r"\s*(?:by\s+)?(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|some\s+|just\s+|"
    r"more than\s+|over\s+|~\s?)?[+\-−]?\s?\d[\d.,]*\s?(?:%|percent\b|per cent\b|pct\b)",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Clause:
    """One trigger with the phrase before it (``lo``..trigger) and after it (..``hi``)."""

    trigger: Trigger
    lo: int
    hi: int


def _split(sentence: str, a: int, b: int) -> tuple[int, int]:
    """Where the clause of the trigger ending at ``a`` stops and the next one (at ``b``) starts."""
    gap = sentence[a:b]
    for pattern in _SEPARATORS:
        found = pattern.search(gap)
        if found:
            return a + found.start(), a + found.end()
    return b, a


def split_clauses(sentence: str, triggers: list[Trigger]) -> list[Clause]:
    """Each trigger's clause. A trigger inside a dashed aside ("Alibaba — whose shares had
    been beaten down — has soared") leaves the main verb after it with the subject before it."""
    out = []
    lo = 0
    for index, trig in enumerate(triggers):
        if index + 1 < len(triggers):
            hi, next_lo = _split(sentence, trig.end, triggers[index + 1].start)
        else:
            hi, next_lo = len(sentence), len(sentence)
        cause = _CAUSE.search(sentence, trig.end, hi)
        out.append(Clause(trig, lo, cause.start() if cause else hi))
        closes_aside = _DASH.match(sentence, hi) or _DASH.match(sentence, hi - 1)
        lo = lo if closes_aside and _DASH.search(sentence, lo, trig.start) else next_lo
    return out


def blank_asides(sentence: str, lo: int, hi: int, keep: int = -1) -> str:
    """The clause with its asides blanked out (same offsets), for sessions, horizons, places;
    an aside holding the move word itself (offset ``keep``) stays, and so does a reference
    point such as "from Monday's close", which is blanked too."""
    chars = list(sentence[:hi])
    for a, b in masked_spans(sentence[lo:hi], lo):
        if not a <= keep < b:
            chars[a:b] = " " * (b - a)
    for match in REFERENCE_POINT.finditer(sentence, lo, hi):
        chars[match.start() : match.end()] = " " * (match.end() - match.start())
    return "".join(chars)


def percent_before(sentence: str, lo: int, trig: Trigger) -> tuple[re.Match[str] | None, bool]:
    """A size written before an adjective or noun ("closed 2.6% higher", "a 3% drop"); none
    when the adjective has its own size right after it ("CROX: down 5.6%" in a list)."""
    if trig.form == "adj" and _SIZE_NEXT.match(sentence, trig.end):
        return None, False
    found = list(PERCENT.finditer(sentence, lo, trig.start))
    if found and trig.start - found[-1].end() <= 30:
        between = sentence[found[-1].end() : trig.start]
        if not (trig.form == "noun" and re.search(r"[,;:]", between)):
            return found[-1], False
    fraction = list(FRACTION.finditer(sentence, lo, trig.start))
    return None, bool(fraction and trig.start - fraction[-1].end() <= 3)


def percent_after(sentence: str, trig: Trigger, hi: int) -> list[re.Match[str]]:
    """Sizes after the trigger, the first within reach of it."""
    out: list[re.Match[str]] = []
    for match in PERCENT.finditer(sentence, trig.end, hi):
        if not out and match.start() - trig.end > 45:
            break
        if NOT_MOVE_PERCENT.match(sentence[match.end() :]):
            continue
        out.append(match)
    if not out:
        word = WORD_PERCENT.search(sentence, trig.end, min(hi, trig.end + 30))
        if word:
            out.append(word)
    return out


def percent_value(match: re.Match[str]) -> float:
    if match.re is WORD_PERCENT:
        return float(WORD_NUMBERS[match.group(1).lower()])
    return float(match.group(2).replace(",", ""))


def size_bound(sentence: str, match: re.Match[str]) -> Bound:
    head = sentence[max(0, match.start() - 20) : match.start()]
    if LOWER_BOUND.search(head):
        return "lower"
    if UPPER_BOUND.search(head):
        return "upper"
    if re.search(r"(?:about|around|roughly|approximately|some)\s*$", head, re.I):
        return "approx"
    return "exact"


def first_match(table: tuple[tuple[re.Pattern[str], str], ...], text: str) -> str | None:
    for pattern, value in table:
        if pattern.search(text):
            return value
    return None


def find_horizon(
    sentence: str, clause: Clause, fronted: tuple[int, int] | None
) -> tuple[str, int, int] | None:
    """The horizon phrase nearest the trigger: after it, before it, or fronted in the sentence."""
    trig = clause.trigger
    sentence = blank_asides(sentence, clause.lo, clause.hi, trig.start) + sentence[clause.hi :]
    stop = APPOSITION.search(sentence, trig.end, clause.hi)
    end = stop.start() if stop else clause.hi
    # "one of the worst performers this year, down 11%": the size follows the whole phrase
    verbless = bool(re.search(r",\s*$", sentence[clause.lo : trig.start]))
    found = [
        f for f in horizon_matches(sentence, clause.lo, end)
        if not (_record_phrase(sentence[max(0, f[0] - 40) : f[0]])
                and not (verbless and f[1] <= trig.start))
        and not (f[2] == "since" and _INTRADAY.search(sentence[f[0] : f[1]]))
        and not _OWNED_TIME.search(sentence, max(0, f[0] - 30), f[0])
    ]  # fmt: skip
    post = [f for f in found if f[1] > trig.start and f[0] - trig.end <= _HORIZON_REACH]
    if post:
        start, stop_at, label = min(post)
        return label, start, stop_at
    pre = [f for f in found if f[1] <= trig.start]
    if pre:
        start, stop_at, label = max(pre, key=lambda f: f[1])
        return label, start, stop_at
    if fronted:
        early = horizon_matches(sentence, fronted[0], fronted[1])
        if early:
            start, stop_at, label = early[0]
            return label, start, stop_at
    return None


_OWNED_TIME = re.compile(
    r"\b(?:guidance|outlook|forecasts?|estimates?|targets?|expectations|views?|revenue|sales|"
    r"earnings|profits?|EPS|growth|results|dividends?|plans?|budget)\s+(?:[\w-]+\s+)?$",
    re.I,
)
"""A time phrase that belongs to a noun before it ("guidance for 2023"), not to the move."""
_RECORD_NOUN = re.compile(
    r"\b(?:day|week|month|session|quarter|year|gain|drop|decline|loss|rally|fall|rise|jump|"
    r"slide|performance|showing|run|streak|level|close|high|low)s?\b",
    re.I,
)


def _record_phrase(head: str) -> bool:
    """ "its biggest one-day drop since March", "its best week this year": the time phrase
    measures a record, not the move; "one of the best performers this year" ranks the stock
    over the year and the time phrase is the move's."""
    found = SUPERLATIVE_CONTEXT.search(head)
    return bool(found and _RECORD_NOUN.search(found.group(0)))


def horizon_matches(sentence: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Horizon phrases in ``sentence[lo:hi]`` as ``(start, end, horizon)``, longest kept where
    they overlap."""
    found: list[tuple[int, int, str]] = []
    for pattern, label in HORIZONS:
        found.extend((m.start(), m.end(), label) for m in pattern.finditer(sentence, lo, hi))
    found.extend((m.start(), m.end(), past_n_horizon(m)) for m in PAST_N.finditer(sentence, lo, hi))
    found.extend(
        (m.start(), m.end(), past_n_horizon(m)) for m in SPAN_NOUN.finditer(sentence, lo, hi)
    )
    kept: list[tuple[int, int, str]] = []
    for item in sorted(found, key=lambda f: (f[0], f[0] - f[1])):
        if any(k[0] <= item[0] and item[1] <= k[1] for k in kept):
            continue
        kept = [k for k in kept if not (item[0] <= k[0] and k[1] <= item[1])]
        kept.append(item)
    return kept


_STATIVE = re.compile(r"\b(?:is|are|'s|’s|has|have|had)\s+(?:\w+\s+){0,2}$", re.I)


@dataclass(frozen=True, slots=True)
class SentenceContext:
    """What a sentence says for all its clauses: its number, a fronted time phrase, a closing
    session phrase, and the horizon of the move found last."""

    number: int
    fronted: tuple[int, int] | None
    last_horizon: tuple[int, str] | None
    session: str | None


def closing_session(sentence: str, clauses: list[Clause]) -> str | None:
    """ "A slipped 1.8%, and B was down 1.3% before the bell": a session phrase closing the
    sentence covers each coordinated move that names none."""
    if len(clauses) < 2:
        return None
    last = clauses[-1]
    session = first_match(SESSIONS, sentence[last.trigger.end : last.hi])
    return session if session in ("premarket", "after_hours") else None


def fronted_phrase(sentence: str, clauses: list[Clause]) -> tuple[int, int] | None:
    """A time phrase opening the sentence before a comma ("So far this year, ...") applies to
    every move of the sentence."""
    if not clauses:
        return None
    comma = sentence.find(",", 0, clauses[0].trigger.start)
    return (0, comma) if 0 < comma < 60 else None


def horizon_label(
    sentence: str, clause: Clause, horizon: tuple[str, int, int] | None, context: SentenceContext,
    year: int | None,
) -> str | None:  # fmt: skip
    """The horizon of a clause's move: its own phrase, else one it shares (a stative sentence
    after a longer move, a comparison with the move just stated), else a day. A comparison
    with a level ("40% below its high") must have a reference: None when it has not."""
    trig = clause.trigger
    label = horizon[0] if horizon else None
    if trig.form == "comparative" and label not in ("since", "year", "ytd"):
        return None
    last, number = context.last_horizon, context.number
    if label is None:
        label = _inherited_horizon(sentence, clause, last, number) or "day"
    compared = _COMPARED.search(sentence[max(0, clause.lo - 12) : trig.start])
    if label == "day" and horizon is None and compared:
        label = _same_sentence_horizon(last, number) or "day"
    if label == "year" and horizon is not None:
        stated = re.search(r"(?:19|20)\d\d", sentence[horizon[1] : horizon[2]])
        if stated and int(stated.group(0)) == year:
            label = "ytd"  # "in 2025" written in 2025 is the year so far
    return label


_COMPARED = re.compile(
    r"\b(?:outpacing|outperforming|beating|trailing|lagging|compared with|versus|vs\.?|while|"
    r"whereas|by comparison|than)\b",
    re.I,
)


def _same_sentence_horizon(last: tuple[int, str] | None, number: int) -> str | None:
    """The horizon of the move just found in this sentence, when it is a longer one."""
    if last is not None and last[0] == number and last[1] != "day":
        return last[1]
    return None


def _inherited_horizon(
    sentence: str, clause: Clause, last: tuple[int, str] | None, number: int
) -> str | None:
    """ "The stock's dual listing is up 33%" right after "has soared 38% this year" shares its
    horizon: a stative statement with no time of its own continues the previous one."""
    if last is None or last[1] == "day" or last[0] < number - 1:
        return None
    if DAY_MARKERS.search(sentence[clause.lo : clause.hi]):
        return None
    if _STATIVE.search(sentence[clause.lo : clause.trigger.start]):
        return last[1]
    return None
