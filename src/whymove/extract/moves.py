"""Price moves stated in the text: who moved, which way, by how much, when and over what span.

Each sentence is read as a row of *triggers*, each with the phrase before it (its subject) and
the phrase after it up to the next clause (its size, price, session, horizon and date). Two
moves in one sentence ("closed 1% higher on Wednesday and is 0.4% lower year-to-date") split
at the strongest clause boundary between them; a second verb with no subject of its own
inherits the first one's. The parts:

- :mod:`~whymove.extract.moves_triggers`, :mod:`~whymove.extract.moves_forms`: move words;
- :mod:`~whymove.extract.moves_clauses`: clauses, sizes, horizons;
  :mod:`~whymove.extract.moves_sizes`: further sizes and signed sizes after a name;
- :mod:`~whymove.extract.moves_attribution`, :mod:`~whymove.extract.moves_phrases`,
  :mod:`~whymove.extract.moves_verbless`, :mod:`~whymove.extract.moves_discourse`,
  :mod:`~whymove.extract.moves_listing`: whose move, and which listing;
- :mod:`~whymove.extract.moves_prices`: the price reached;
- :mod:`~whymove.extract.moves_dating`: dates on the mover's own trading calendar;
- :mod:`~whymove.extract.moves_merge`: restatements of one move become one.

Example:
    >>> from whymove.pipeline import analyze
    >>> [m["horizon"] for m in analyze("Nvidia rose 3% on Tuesday.", "2025-02-12")
    ...  .to_dict()["price_moves"]]
    ['day']
"""

from __future__ import annotations

import dataclasses
import re

from whymove.component import Component
from whymove.extract.dates import infer_reference
from whymove.extract.moves_attribution import find_subject, noun_object
from whymove.extract.moves_clauses import (
    APPOSITION,
    Clause,
    SentenceContext,
    blank_asides,
    closing_session,
    find_horizon,
    first_match,
    fronted_phrase,
    horizon_label,
    percent_after,
    percent_before,
    percent_value,
    size_bound,
    split_clauses,
)
from whymove.extract.moves_dating import Dater
from whymove.extract.moves_discourse import Discourse, Subject
from whymove.extract.moves_listing import listing_in, place_mics
from whymove.extract.moves_merge import Bound, merge_moves
from whymove.extract.moves_patterns import FORECAST, SESSIONS
from whymove.extract.moves_phrases import CODES
from whymove.extract.moves_prices import find_price
from whymove.extract.moves_sizes import gapped_sizes, signed_after_name
from whymove.extract.moves_triggers import find_triggers
from whymove.extract.moves_verbless import predicate_subject
from whymove.link import listing_for
from whymove.link.master import SymbolMaster, builtin_master
from whymove.model import Article, PriceMove

_NOUN_PHRASE = re.compile(
    r"(?:\b(?:a|an|the|its|their|his|her|this|that)\s+)?(?:(?:[+\-]?\d[\d.,]*\s?(?:%|percent|"
    r"per cent)?|nearly|about|around|roughly|almost|more|than|over|some|just|as|much|whopping|"
    r"staggering|double-digit|triple-digit|single-digit|year-to-date|one-day|two-day|intraday|"
    r"premarket|weekly|monthly|daily|session|[a-z]+ly|sharp|steep|big|biggest|modest|slight|"
    r"small|strong|solid|healthy|hefty|huge|massive|dramatic|significant|brief|sudden|early|"
    r"late|initial|recent|further|another|additional|monster|blistering|torrid|meteoric|"
    r"stellar|stunning|remarkable|spectacular|eye-popping|jaw-dropping|impressive|robust|"
    r"blowout|post-earnings|post-IPO|[\w]+-(?:day|session|week|month|year)|"
    r"\d+ (?:day|session|week|month|year))\s*)*$",
    re.I,
)
_GOVERNED = re.compile(
    r"\b(?:post(?:s|ed|ing)?|notch(?:es|ed|ing)?|record(?:s|ed|ing)?|log(?:s|ged|ging)?|"
    r"book(?:s|ed|ing)?|s[ae]es?|saw|seeing|seen|suffer(?:s|ed|ing)?|extend(?:s|ed|ing)?|"
    r"register(?:s|ed|ing)?|add(?:s|ed|ing)? to|buil(?:d|ds|t|ding) on|clock(?:s|ed|ing)?|"
    r"show(?:s|ed|ing)?|deliver(?:s|ed|ing)?|with)\s*$",
    re.I,
)
_CARRYING = re.compile(
    r"\b(?:bringing|taking|pushing|lifting|extending|leaving|putting|paring|trimming|cutting|"
    r"adding to|building on)\s+(?:its|their|the)?\s*$",
    re.I,
)
_TIME_OWNER = re.compile(
    r"^\s*(?:(?:last|the previous|the prior|this|the)\s+)?(?:\w+day|yesterday|today|week|"
    r"month|year|session|quarter)['’]s\s*$",
    re.I,
)
_FORECAST_STOP = re.compile(r"[:?;]\s|,\s|\s(?:and|but|while|although|though)\s")
"""Where a move word's own phrase ends for the forecast test ("rose 32% over the year and
there could be more upside": the upside is another clause's)."""
_AFTER_CAUSE = re.compile(r"\b(?:after|following|on top of|despite|amid)\s*$", re.I)
_TIME_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december".split()
)
_DASH_MARK = re.compile(r"\s[—–-]{1,2}\s|—")


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
        context = SentenceContext(
            number,
            fronted_phrase(sentence, clauses),
            last_horizon,
            closing_session(sentence, clauses),
        )
        previous: Subject | None = None
        for clause in clauses:
            subject, rejected = _subject(text, s_start, sentence, clause, disc, number, previous)
            if rejected or subject is None:
                previous = None if rejected else previous
                continue
            previous = subject
            moves = _build(sentence, s_start, clause, subject, context, master, disc, dater)
            moves = [m for m in moves if not _echo(m[0], found, s_start)]
            if moves:
                disc.remember(number, tuple(dict.fromkeys(m.ticker for m, _ in moves)))
                last_horizon = (number, moves[-1][0].horizon)
                context = dataclasses.replace(context, last_horizon=last_horizon)
            found.extend(moves)
        same = last_horizon[1] if last_horizon and last_horizon[0] == number else "day"
        found.extend(signed_after_name(sentence, s_start, disc, dater, same))
    return tuple(merge_moves(found))


def _subject(
    text: str, base: int, sentence: str, clause: Clause, disc: Discourse, number: int,
    previous: Subject | None,
) -> tuple[Subject | None, bool]:  # fmt: skip
    """Whose move a clause states, and whether the clause was found to be about something else.

    A noun of movement takes the security after it ("a 3% drop in Alibaba"), else the owner
    before it ("Alibaba's 5% gain"), the subject of the verb that owns it ("shares posted
    gains"), or the previous clause's subject ("rose 3%, bringing its gain to 40%").
    """
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
        elif _TIME_OWNER.search(before) and previous is not None:
            # "recovered 2.9% after Wednesday's 38% slump": the same subject's earlier move
            return Subject(previous.tickers, base + clause.lo, "inherited"), False
        elif re.search(r"['’]s\s*$", CODES.sub("", before).rstrip() + " "):
            end = clause.lo + len(before)  # "the S&P 500's .SPX 2% increase"
        elif re.search(r"(?:,|—|–|\bor)\s*$", before) and previous is not None:
            return Subject(previous.tickers, base + clause.lo, "inherited"), False
        elif (
            not before.strip()
            and previous is not None
            and _AFTER_CAUSE.search(sentence, 0, clause.lo)
        ):
            # "sank 3% after a 425% rally since its IPO": the same subject's earlier move
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
    participle = trig.form == "verb" and sentence[trig.start : trig.end].lower().endswith("ing")
    if subject is None and (trig.form in ("adj", "signed") or participle):
        verbless = predicate_subject(text, base, sentence, trig.start, disc, clause.lo)
        if verbless is not None:
            return verbless, False
    if rejected:
        return None, True
    if subject is None and previous is not None and _bare(sentence[clause.lo : end]):
        return Subject(previous.tickers, base + clause.lo, "inherited"), False
    return subject, False


def _echo(move: PriceMove, found: list[tuple[PriceMove, Bound]], sentence_start: int) -> bool:
    """ "is up 9% this year, driven higher by results": a move word with no size, price or
    date of its own after a move of the same security and direction in the same sentence
    restates that move."""
    if move.percent is not None or move.price is not None or not move.date_inferred:
        return False
    return any(
        m.start >= sentence_start and m.ticker == move.ticker and m.direction == move.direction
        for m, _ in found
    )


def _bare(region: str) -> bool:
    """A clause that names nothing itself ("and is 0.4%", "before closing") continues the
    subject of the clause before it; one that names something unknown does not."""
    words = re.findall(r"[A-Za-z][\w.'’-]*", region)
    if len(words) > 7:
        return False
    return not any(w[0].isupper() and w.lower() not in _TIME_NAMES for w in words)


def _build(
    sentence: str, base: int, clause: Clause, subject: Subject, context: SentenceContext,
    master: SymbolMaster, disc: Discourse, dater: Dater,
) -> list[tuple[PriceMove, Bound]]:  # fmt: skip
    """The move(s) of one clause: one per subject, or one per size with its own horizon."""
    trig = clause.trigger
    stop = _FORECAST_STOP.search(sentence, trig.end, clause.hi)
    if FORECAST.search(sentence, trig.end, stop.start() if stop else clause.hi):
        return []
    pre, fraction = (None, False)
    if trig.form in ("adj", "noun", "comparative", "flat"):
        pre, fraction = percent_before(sentence, clause.lo, trig)
    after = (
        []
        if pre is not None or fraction or trig.form in ("causative", "signed")
        else percent_after(sentence, trig, clause.hi)
    )
    sizes: list[re.Match[str]] = [pre] if pre is not None else after[:1]
    horizon = find_horizon(sentence, clause, context.fronted)
    label = horizon_label(sentence, clause, horizon, context, dater.year())
    if label is None:
        return []
    lo, hi = base + clause.lo, base + clause.hi
    view = blank_asides(sentence, clause.lo, clause.hi, trig.start)[clause.lo :]
    place, place_spans = place_mics(view, lo, [])
    place_text = view[place_spans[0][0] - lo : place_spans[0][1] - lo] if place_spans else ""
    session = (first_match(SESSIONS, view) or context.session) if label == "day" else None
    tickers = tuple(
        _listing(master, t, place, place_text) if disc.kind(t) != "index" else t
        for t in subject.tickers
    )
    price = None
    if trig.form != "comparative" and label != "since":
        stop = APPOSITION.search(sentence, trig.end, clause.hi)
        price_hi = stop.start() if stop else clause.hi
        price = find_price(sentence, trig.end, price_hi, clause.lo, tickers[0], master, disc)
    respectively = len(tickers) > 1 and len(after) == len(tickers) and "respectively" in sentence
    out: list[tuple[PriceMove, Bound]] = []
    for index, ticker in enumerate(tickers):
        size = after[index] if respectively else (sizes[0] if sizes else None)
        percent = percent_value(size) if size is not None else trig.fixed_percent
        bound = size_bound(sentence, size) if size is not None else "exact"
        span_end = max(trig.end, size.end() if size is not None else 0,
                       horizon[2] if horizon else 0, price.end if price else 0)  # fmt: skip
        start = min(subject.start, base + trig.start) if subject.start >= lo else lo
        if size is not None:
            start = min(start, base + size.start())
        span_end = max(span_end, subject.end - base)
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
            placed=bool(place),
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
    out.extend(gapped_sizes(sentence, base, clause, after, out, dater))
    return out


def _listing(master: SymbolMaster, ticker: str, mics: frozenset[str], place_text: str) -> str:
    """The listing the clause's place names: the linker's mapping of the place phrase, else
    the exchange of each listing in the company's group."""
    if not mics:
        return ticker
    found = listing_for(ticker, place_text, master) if place_text else None
    return found or listing_in(master, ticker, mics)


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
    3,
    moves_component,
    requires=frozenset({"sentences", "mentions"}),
    assigns=frozenset({"moves", "published", "published_inferred"}),
)
