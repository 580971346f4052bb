"""Analysis over stored news and prices: event study, CAAR tables, novelty, explain, claims.

Pure functions of return series, events and plain records; the CLI and API read the store
and the price book and pass the values in.
"""

from whymove.analysis.benchmarks import (
    DEFAULT_RULES,
    SECTOR_ETFS,
    BenchmarkRule,
    choose_benchmark,
    parse_rule,
    rules_with,
)
from whymove.analysis.caar import (
    CaarRow,
    StudyEvent,
    StudyOutcome,
    analyze_event,
    caar_table,
    event_session,
    largest_moves,
    run_study,
)
from whymove.analysis.eventstudy import (
    CarResult,
    EventResult,
    MarketModel,
    align_benchmark,
    event_study,
    fit_market_model,
    window_label,
)

__all__ = [
    "DEFAULT_RULES",
    "SECTOR_ETFS",
    "BenchmarkRule",
    "CaarRow",
    "CarResult",
    "EventResult",
    "MarketModel",
    "StudyEvent",
    "StudyOutcome",
    "align_benchmark",
    "analyze_event",
    "caar_table",
    "choose_benchmark",
    "event_session",
    "event_study",
    "fit_market_model",
    "largest_moves",
    "parse_rule",
    "rules_with",
    "run_study",
    "window_label",
]
