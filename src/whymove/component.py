"""A pipeline component: a named, versioned ``Article -> Article`` function.

Kept apart from :mod:`whymove.pipeline` so that every stage can declare components while
importing only the core modules (``errors``, ``model``, ``component``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from whymove.model import Article


@dataclass(frozen=True, slots=True)
class Component:
    """A named, versioned step.

    ``func`` must pickle: a module-level function (pickled by reference) or an object whose
    tables are built once per process by a ``make_<name>()`` factory. Declare it as
    ``NAME = Component("whymove.name", 1, name_function, requires=..., assigns=...)``.
    """

    name: str
    version: int
    func: Callable[[Article], Article]
    requires: frozenset[str] = frozenset()
    assigns: frozenset[str] = frozenset()

    @property
    def tag(self) -> str:
        """``name.vN``, stored with every article so a re-run knows what is stale."""
        return f"{self.name}.v{self.version}"

    def __call__(self, article: Article) -> Article:
        return self.func(article)
