"""One exception tree for the whole library.

Every message names the input, the offending value and what to do about it. The library
raises; only the CLI and the API turn errors into exit codes or JSON bodies.

    WhymoveError
    ├── InputError            an input cannot be read or understood (file, URL, field)
    │   ├── DecodeError       bytes that no supported encoding decodes
    │   └── EmptyInputError   nothing left to analyse once boilerplate is gone
    ├── ConfigError           a bad option, setting or parameter value
    ├── PipelineError         components in an impossible order, or a component failed
    │   └── ComponentError    one component raised on one article (kept by the collect policy)
    ├── StoreError            the database refused or is in an unexpected state
    └── PriceDataError        price files missing, malformed or not covering a date
"""

from __future__ import annotations


class WhymoveError(Exception):
    """Root of every error whymove raises on purpose."""


class InputError(WhymoveError):
    """An input cannot be read or understood.

    ``source`` names the file, URL or record so the message can point at it.
    """

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class DecodeError(InputError):
    """Bytes that no supported encoding decodes without loss."""


class EmptyInputError(InputError):
    """An input that holds no article text."""


class ConfigError(WhymoveError):
    """A bad option or parameter value; the message names the parameter and the value."""


class PipelineError(WhymoveError):
    """Components that cannot run in the given order, or a failed component."""


class ComponentError(PipelineError):
    """One component raised on one article."""

    def __init__(self, component: str, article_id: str, error: BaseException) -> None:
        self.component = component
        self.article_id = article_id
        self.error = error
        super().__init__(
            f"component {component!r} failed on article {article_id}: "
            f"{type(error).__name__}: {error}"
        )


class StoreError(WhymoveError):
    """The database refused an operation or is not in the expected state."""


class PriceDataError(WhymoveError):
    """Price data that is missing, malformed or does not cover what was asked."""
