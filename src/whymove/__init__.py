"""whymove: explains why stocks move.

The library API a notebook calls; the CLI, REST API and dashboard are thin layers over it.

Example:
    >>> import whymove
    >>> result = whymove.analyze("Apple Inc. (NASDAQ:AAPL) rose 3% on Tuesday.", "2025-07-16")
    >>> result.primary_tickers
    ('AAPL',)
"""

from whymove.__about__ import __version__
from whymove.errors import (
    ComponentError,
    ConfigError,
    DecodeError,
    EmptyInputError,
    InputError,
    PipelineError,
    PriceDataError,
    StoreError,
    WhymoveError,
)
from whymove.model import (
    Analysis,
    Article,
    Catalyst,
    Mention,
    PriceMove,
    RawDocument,
    Security,
    Sentiment,
)
from whymove.pipeline import Pipeline, analyze, default_pipeline

__all__ = [
    "Analysis",
    "Article",
    "Catalyst",
    "ComponentError",
    "ConfigError",
    "DecodeError",
    "EmptyInputError",
    "InputError",
    "Mention",
    "Pipeline",
    "PipelineError",
    "PriceDataError",
    "PriceMove",
    "RawDocument",
    "Security",
    "Sentiment",
    "StoreError",
    "WhymoveError",
    "__version__",
    "analyze",
    "default_pipeline",
]
