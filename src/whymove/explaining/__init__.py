"""Why did it move? The store's news and the loaded prices joined into one answer.

The analysis functions are pure (:mod:`whymove.analysis.explain`, ``.caar``, ``.claims``,
``.novelty``); this package reads what they need and nothing more, like :mod:`whymove.ingest`
composes sources, pipeline and store:

- the session: the one asked for (a holiday moves to the next session), on the listing's own
  exchange calendar (:mod:`.answer`);
- the price action: raw return from the price book; abnormal return, sigma and CARs from the
  market model against the benchmark the rules choose (KWEB/FXI for Chinese ADRs and Hong Kong
  listings, SPY otherwise); the moves of the benchmark, the market and the securities the news
  names (:mod:`.market`);
- the news: stories about the security or its other listings (BABA and 9988.HK) published from
  the previous session's close to this one's, plus stories that state this session's move
  whenever they came out; novelty computed at read time from the stored story ids, and the
  time each story became known (:mod:`.news`);
- the brief: key points and uncertainties, every line traced to an article or to the prices,
  and the JSON form in which every event carries ``known_at`` (:mod:`.brief`);
- the claim check of every stored stated move (:mod:`.checks`).

Example:
    >>> from whymove.explaining import Market, explain_session     # doctest: +SKIP
    >>> with open_store("news.db") as store:                         # doctest: +SKIP
    ...     answer = explain_session(store, Market.from_engine(store.engine), "BABA",
    ...                              dt.date(2025, 7, 15))
"""

from whymove.explaining.answer import Answer, explain_session, explain_top, latest_session
from whymove.explaining.brief import Point
from whymove.explaining.checks import CheckedClaim, check_claims, claims_dict, summary
from whymove.explaining.market import INDEX_SYMBOLS, Market, MarketReturn
from whymove.explaining.news import NewsRef, known_at, own_symbols, stated_move
from whymove.link.master import normalise_symbol as normalise

__all__ = [
    "INDEX_SYMBOLS",
    "Answer",
    "CheckedClaim",
    "Market",
    "MarketReturn",
    "NewsRef",
    "Point",
    "check_claims",
    "claims_dict",
    "explain_session",
    "explain_top",
    "known_at",
    "latest_session",
    "normalise",
    "own_symbols",
    "stated_move",
    "summary",
]
