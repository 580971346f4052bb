"""Catalysts of a free text about a named company, without the symbol master.

The pipeline finds the subject through the linker; a notebook user, a test or a caller with
its own entity linking often already knows whom a text is about. :func:`catalysts_in_text`
takes the subject (and any peers) by name, marks where the text names them and runs the same
detector.

Example:
    >>> [(c.category, c.polarity) for c in catalysts_in_text(
    ...     "Acme shares fell 6% after Bernstein downgraded the stock to underperform.", "Acme")]
    [('analyst', 'negative')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from whymove.clean.sentences import split_sentences
from whymove.extract.catalysts import find_catalysts
from whymove.model import Article, Catalyst, Mention, Security

SUBJECT_TICKER = "SUBJECT"


def catalysts_in_text(
    text: str, subject: str | None = None, others: Sequence[str] = ()
) -> tuple[Catalyst, ...]:
    """Distinct causes ``text`` gives for ``subject`` (a company name as written), ranked.

    ``others`` are names of other listed companies the text mentions (peers, partners):
    knowing them lets a peer's own news read as a sector cause.
    """
    mentions: list[Mention] = []
    securities: list[Security] = []
    names = [(subject, SUBJECT_TICKER, True)] if subject else []
    names += [(name, f"OTHER{i}", False) for i, name in enumerate(others) if name]
    for name, ticker, primary in names:
        assert name is not None
        spans = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)]
        mentions += [Mention(ticker, a, b) for a, b in spans]
        securities.append(
            Security(ticker, "stock", 100 if primary else 50, len(spans), primary, name)
        )
    article = Article(
        id="text",
        input="<text>",
        text=text,
        sentences=split_sentences(text),
        mentions=tuple(sorted(mentions, key=lambda m: m.start)),
        securities=tuple(securities),
    )
    return find_catalysts(article)
