"""Price moves stated in the text: who moved, which way, by how much, when and over what span.

Each sentence is read as a row of *triggers* (:mod:`whymove.extract.moves_triggers`), each with
the phrase before it (its subject: :mod:`whymove.extract.moves_attribution`) and the phrase
after it up to the next clause (its size, price, session, horizon and date). Two moves in one
sentence ("closed 1% higher on Wednesday and is 0.4% lower year-to-date") split at the
strongest clause boundary between them; a second verb with no subject of its own inherits the
first one's. Moves are dated on the trading calendar of the security that moved
(:mod:`whymove.extract.moves_dating`), and restatements of one move are merged
(:mod:`whymove.extract.moves_merge`).
"""

from __future__ import annotations

import dataclasses
import re

from whymove.component import Component
from whymove.extract.dates import infer_reference
from whymove.extract.moves_attribution import find_subject, listing_in, noun_object, place_mics
from whymove.extract.moves_clauses import (
    Clause,
    blank_asides,
    find_horizon,
    first_match,
    horizon_matches,
    percent_after,
    percent_before,
    percent_value,
    size_bound,
    split_clauses,
)
from whymove.extract.moves_dating import Dater
from whymove.extract.moves_discourse import Discourse, Subject
from whymove.extract.moves_merge import Bound, merge_moves
from whymove.extract.moves_patterns import DAY_MARKERS, FORECAST, SESSIONS
from whymove.extract.moves_prices import find_price
from whymove.extract.moves_triggers import find_triggers
from whymove.link.master import SymbolMaster, builtin_master
from whymove.model import Article, PriceMove

_STATIVE = re.compile(r"\b(?:is|are|'s|’s|has|have|had)\s+(?:\w+\s+){0,2}$", re.I)
_NOUN_PHRASE = re.compile(
    r"(?:\b(?:a|an|the|its|their|his|her|this|that)\s+)?(?:(?:[+\-]?\d[\d.,]*\s?(?:%|percent|"
    r"per cent)?|nearly|about|around|roughly|almost|more|than|over|some|just|as|much|whopping|"
    r"staggering|double-digit|triple-digit|single-digit|year-to-date|one-day|two-day|intraday|"
    r"premarket|weekly|monthly|daily|session|[a-z]+ly|sharp|steep|big|biggest|modest|slight|"
    r"small|strong|solid|healthy|hefty|huge|massive|dramatic|significant|brief|sudden|early|"
    r"late|initial|recent|further|another|additional)\s*)*$",
    re.I,
)
_GOVERNED = re.compile(
    r"\b(?:post(?:s|ed|ing)?|notch(?:es|ed|ing)?|record(?:s|ed|ing)?|log(?:s|ged|ging)?|"
    r"book(?:s|ed|ing)?|s[ae]es?|saw|seeing|suffer(?:s|ed|ing)?|extend(?:s|ed|ing)?|"
    r"register(?:s|ed|ing)?|add(?:s|ed|ing)? to|buil(?:d|ds|t|ding) on|clock(?:s|ed|ing)?|"
    r"show(?:s|ed|ing)?|deliver(?:s|ed|ing)?)\s*$",
    re.I,
)
_CARRYING = re.compile(
    r"\b(?:bringing|taking|pushing|lifting|extending|leaving|putting|paring|trimming|cutting|"
    r"adding to|building on)\s+(?:its|their|the)?\s*$",
    re.I,
)
_TIME_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december".split()
)
_DASH_MARK = re.compile(r"\s[—–-]{1,2}\s|—")
_SIGNED = re.compile(r"(?<![\w.])([+\-−])\s?(\d+(?:\.\d+)?)\s?%")


def extract_moves(article: Article, master: SymbolMaster | None = None) -> tuple[PriceMove, ...]:
    """Every stated move of a security or index in ``article``, dated, restatements merged."""
    master = master if master is not None else builtin_master()
    text = article.text
    mentions = tuple(sorted(article.mentions, key=lambda m: m.start))
    disc = Discourse(mentions, article.sentences, master)
    reference = None if article.published else infer_reference(text)
    dater = Dater(text, article.published, reference, master, disc)
    found: list[tuple[PriceMove, Bound]] = []
    last_horizon: tuple[int, str] | None = None
    for number, (s_start, s_end) in enumerate(article.sentences):
        sentence = text[s_start:s_end]
        triggers = find_triggers(sentence)
        clauses = split_clauses(sentence, triggers)
        fronted = _fronted(sentence, clauses)
        previous: Subject | None = None
        for clause in clauses:
            subject, rejected = _subject(text, s_start, sentence, clause, disc, number, previous)
            if rejected or subject is None:
                previous = None if rejected else previous
                continue
            previous = subject
            moves = _build(sentence, s_start, clause, subject, fronted, last_horizon, number,
                           master, disc, dater)  # fmt: skip
            if moves:
                disc.remember(number, tuple(dict.fromkeys(m.ticker for m, _ in moves)))
                last_horizon = (number, moves[-1][0].horizon)
            found.extend(moves)
        found.extend(_signed(sentence, s_start, disc, dater, number))
    return tuple(merge_moves(found))


def _fronted(sentence: str, clauses: list[Clause]) -> tuple[int, int] | None:
    """A time phrase opening the sentence before a comma ("So far this year, ...") applies to
    every move of the sentence."""
    if not clauses:
        return None
    comma = sentence.find(",", 0, clauses[0].trigger.start)
    return (0, comma) if 0 < comma < 60 else None


def _subject(
    text: str, base: int, sentence: str, clause: Clause, disc: Discourse, number: int,
    previous: Subject | None,
) -> tuple[Subject | None, bool]:  # fmt: skip
    trig = clause.trigger
    end = trig.start
    if trig.form == "noun":
        owner, rejected = noun_object(text, base + trig.end, disc)
        if owner or rejected:
            return owner, rejected
        head = sentence[clause.lo : trig.start]
        np = _NOUN_PHRASE.search(head)
        before = head[: np.start()] if np else head
        governing = _GOVERNED.search(before)
        carrying = _CARRYING.search(before)
        if carrying and previous is not None:
            return Subject(previous.tickers, base + clause.lo, "inherited"), False
        if governing:
            end = clause.lo + governing.start()
        elif re.search(r"['’]s\s*$", before):
            end = clause.lo + len(before)
        elif re.search(r"(?:,|—|–|\bor)\s*$", before) and previous is not None:
            return Subject(previous.tickers, base + clause.lo, "inherited"), False
        elif not re.search(r"(?:,|—|–)\s*$", before):
            return None, True
    lo = clause.lo
    semicolon = sentence.rfind(";", lo, end)
    if semicolon >= 0:
        lo = semicolon + 1
    dashes = list(_DASH_MARK.finditer(sentence, lo, end))
    if len(dashes) % 2:
        lo = dashes[-1].end()
    subject, rejected = find_subject(text, base + lo, base + end, disc, number)
    if rejected:
        return None, True
    if subject is None and previous is not None and _bare(sentence[clause.lo : end]):
        return Subject(previous.tickers, base + clause.lo, "inherited"), False
    return subject, False


def _bare(region: str) -> bool:
    """A clause that names nothing itself ("and is 0.4%", "before closing") continues the
    subject of the clause before it; one that names something unknown does not."""
    words = re.findall(r"[A-Za-z][\w.'’-]*", region)
    if len(words) > 7:
        return False
    return not any(w[0].isupper() and w.lower() not in _TIME_NAMES for w in words)


def _build(
    sentence: str, base: int, clause: Clause, subject: Subject,
    fronted: tuple[int, int] | None, last_horizon: tuple[int, str] | None, number: int,
    master: SymbolMaster, disc: Discourse, dater: Dater,
) -> list[tuple[PriceMove, Bound]]:  # fmt: skip
    """The move(s) of one clause: one per subject, or one per size with its own horizon."""
    trig = clause.trigger
    if FORECAST.search(sentence, trig.end, clause.hi):
        return []
    pre, fraction = (None, False)
    if trig.form in ("adj", "noun", "comparative", "flat"):
        pre, fraction = percent_before(sentence, clause.lo, trig)
    after = (
        []
        if pre is not None or fraction or trig.form == "causative"
        else percent_after(sentence, trig, clause.hi)
    )
    sizes: list[re.Match[str]] = [pre] if pre is not None else after[:1]
    horizon = find_horizon(sentence, clause, fronted)
    label = horizon[0] if horizon else None
    if trig.form == "comparative":
        label = label if label in ("since", "year", "ytd") else None
        if label is None:
            return []
    if label is None:
        label = _inheritedfind_horizon(sentence, clause, last_horizon, number) or "day"
    if label == "year" and horizon is not None:
        year = re.search(r"(?:19|20)\d\d", sentence[horizon[1] : horizon[2]])
        if year and int(year.group(0)) == dater.year():
            label = "ytd"  # "in 2025" written in 2025 is the year so far
    lo, hi = base + clause.lo, base + clause.hi
    view = blank_asides(sentence, clause.lo, clause.hi, trig.start)[clause.lo :]
    place, _ = place_mics(view, lo, [])
    session = first_match(SESSIONS, view) if label == "day" else None
    tickers = tuple(
        listing_in(master, t, place) if disc.kind(t) != "index" else t for t in subject.tickers
    )
    price = None
    if trig.form != "comparative" and label != "since":
        price = find_price(sentence, trig.end, clause.hi, clause.lo, tickers[0], master, disc)
    respectively = len(tickers) > 1 and len(after) == len(tickers) and "respectively" in sentence
    out: list[tuple[PriceMove, Bound]] = []
    for index, ticker in enumerate(tickers):
        size = after[index] if respectively else (sizes[0] if sizes else None)
        percent = percent_value(size) if size is not None else trig.fixed_percent
        if trig.direction == "flat":
            percent = percent if percent is not None else None
        bound = size_bound(sentence, size) if size is not None else "exact"
        span_end = max(trig.end, size.end() if size is not None else 0,
                       horizon[2] if horizon else 0, price.end if price else 0)  # fmt: skip
        start = min(subject.start, base + trig.start) if subject.start >= lo else lo
        date, date_end, inferred = dater.date(
            ticker,
            label,
            session,
            horizon,
            clause.lo,
            clause.hi,
            (trig.start, trig.end),
            base,
            sentence,
        )
        confidence = 0.45 + 0.25 * (percent is not None) + 0.1 * (price is not None)
        confidence += 0.1 if subject.how == "name" else -0.05
        confidence -= 0.1 if trig.form == "noun" else 0.0
        move = PriceMove(
            ticker=ticker,
            direction=trig.direction,  # type: ignore[arg-type]
            start=max(start, lo),
            end=min(base + span_end, hi) if base + span_end > start else base + trig.end,
            percent=percent,
            price=price.value if price else None,
            currency=price.currency if price else None,
            session=session,  # type: ignore[arg-type]
            horizon=label,  # type: ignore[arg-type]
            date=date,
            date_end=date_end,
            date_inferred=inferred,
            confidence=round(max(0.05, min(0.99, confidence)), 3),
        )
        out.append((move, bound))
    out.extend(_gapped(sentence, base, clause, after, out, dater))
    return out


def _inheritedfind_horizon(
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


def _gapped(
    sentence: str, base: int, clause: Clause, after: list[re.Match[str]],
    built: list[tuple[PriceMove, Bound]], dater: Dater,
) -> list[tuple[PriceMove, Bound]]:  # fmt: skip
    """ "up 9% over the past week and 45% over the past month": each further size with a
    horizon of its own is a further move of the same subject and direction."""
    if len(after) < 2 or len(built) != 1:
        return []
    first = built[0][0]
    out = []
    for size, nxt in zip(after[1:], [*after[2:], None], strict=False):
        limit = min(nxt.start() if nxt else clause.hi, size.end() + 45)
        matches = horizon_matches(sentence, size.end(), limit)
        found = (matches[0][2], matches[0][0], matches[0][1]) if matches else None
        if found is None or found[0] == first.horizon:
            continue
        date, date_end, inferred = dater.date(
            first.ticker, found[0], None, found, clause.lo, clause.hi, (size.start(), size.end()),
            base, sentence,
        )  # fmt: skip
        move = dataclasses.replace(
            first, percent=percent_value(size), horizon=found[0], price=None, currency=None,
            session=None, start=base + size.start(), end=base + found[2], date=date,
            date_end=date_end, date_inferred=inferred,
        )  # fmt: skip
        out.append((move, size_bound(sentence, size)))
    return out


def _signed(
    sentence: str, base: int, disc: Discourse, dater: Dater, number: int
) -> list[tuple[PriceMove, Bound]]:
    """ "Alibaba (BABA) +3.2%": a signed size right after a name is a day's move."""
    out = []
    for match in _SIGNED.finditer(sentence):
        owner = next(
            (m for m in disc.mentions if base <= m.end <= base + match.start()
             and re.fullmatch(r"[\s:()A-Z.]*", sentence[m.end - base : match.start()])),
            None,
        )  # fmt: skip
        if owner is None:
            continue
        date, date_end, inferred = dater.date(
            owner.ticker,
            "day",
            None,
            None,
            0,
            len(sentence),
            (match.start(), match.end()),
            base,
            sentence,
        )
        move = PriceMove(
            ticker=owner.ticker, direction="up" if match.group(1) == "+" else "down",
            start=owner.start, end=base + match.end(), percent=float(match.group(2)),
            session=first_match(SESSIONS, sentence[match.end() : match.end() + 40]),  # type: ignore[arg-type]
            date=date, date_end=date_end, date_inferred=inferred, confidence=0.6,
        )  # fmt: skip
        out.append((move, "exact"))
    return out


def moves_component(article: Article) -> Article:
    """The MOVES component: stated moves, and an inferred publication date when none was given
    (the article's own latest absolute date bounds it)."""
    moves = extract_moves(article)
    if article.published is None:
        reference = infer_reference(article.text)
        if reference is not None:
            from datetime import UTC, datetime

            stamp = datetime(reference.year, reference.month, reference.day, tzinfo=UTC)
            return dataclasses.replace(
                article, moves=moves, published=stamp, published_inferred=True
            )
    return dataclasses.replace(article, moves=moves)


MOVES = Component(
    "whymove.moves",
    2,
    moves_component,
    requires=frozenset({"sentences", "mentions"}),
    assigns=frozenset({"moves", "published", "published_inferred"}),
)
