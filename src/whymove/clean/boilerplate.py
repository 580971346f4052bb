"""Removal of site boilerplate, judged by the shape of a line and of its neighbours.

A story line is prose: several words, mostly lower case, ending like a sentence. Boilerplate
has other shapes, and we score shapes rather than list the lines we have seen, so new sites
are handled too:

- prompts that address the reader (sign-up calls, "Trade confidently with ... you care about");
- widgets: share bars and navigation written as separated lists ("Markets | Earnings | ..."),
  comment counters and invitations, reading-time and advertisement markers;
- legal lines (copyright, disclaimers, "not investment advice") and whole legal or contact
  sections of press releases ("Forward-Looking Statements", "Media Contact");
- credits ("Photo via ...") and link-outs ("Also Read: ...", "Read the original article");
- short labels without sentence structure ("Popular Categories", "Search the website");
- after a list heading near the end ("Recent", "Related Articles", "More from ..."), the
  headlines of other stories that follow it;
- lines a caller knows recur across one source's articles (``known``; see
  :func:`line_key`), which catches furniture no rule describes.

The pass runs to a fixed point, so ``strip_boilerplate`` applied twice gives the same text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

_LEGAL = re.compile(
    r"(©|\(c\)\s*\d{4}|\ball rights reserved\b|\bdoes not (?:provide|constitute|offer) "
    r"(?:personalized |personal )?investment advice\b|^\s*disclaimer\s*:|\bnot (?:intended as )?"
    r"(?:financial |investment )advice\b|^\s*copyright\s*(?:©|\(c\)|\d{4})"
    r"|\bfor (?:informational|information) purposes only\b)",
    re.IGNORECASE,
)
_LEGAL_LABEL = re.compile(
    r"\b(terms of (?:use|service)|privacy (?:policy|notice)|cookie (?:policy|settings)"
    r"|do not sell my|accessibility statement|contact us|about us|advertise with us)\b",
    re.IGNORECASE,
)
_PROMPT = re.compile(
    r"(\bsign[ -]?(?:up|in)\b|\bsubscribe\b|\bnewsletters?\b|\bregister (?:now|today|for free)\b"
    r"|\blog ?in\b|\bdownload (?:the|our) app\b|\bfollow us\b|\bshare (?:this|on|via)\b"
    r"|\bclick here\b|\bfree (?:trial|reports?)\b|\bjoin (?:now|today|us)\b|\binbox\b"
    r"|\bdon'?t miss\b|\bunlock\b|\bpremium (?:members?|subscribers?|access)\b"
    r"|\btrade confidently\b"
    r"|\bget (?:the|our|full|unlimited) (?:access|app|alerts?|latest)\b)",
    re.IGNORECASE,
)
_READER = re.compile(
    r"(\byou\b|\byour\b|\bour\b|^\s*(?:sign|subscribe|join|get|download|follow|click|register"
    r"|log|don'?t|want|like|read|try|start|unlock|stay|never)\b)",
    re.IGNORECASE,
)
_LINK_OUT = re.compile(
    r"^\s*(also read|read more|read next|read also|more reading|read the (?:original|full) "
    r"(?:article|story)|see also|related(?: articles?| stories| posts| content| coverage)?"
    r"|recommended(?: for you| reading)?|more from|you may also like|trending(?: now)?"
    r"|most (?:read|popular)|watch(?: now)?|listen(?: now)?|don'?t miss|further reading)"
    r"\b\s*[:\-–—]?",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"^\s*((?:photo|image|picture|video|illustration)s?\b.{0,40}\b(?:via|by|credit|courtesy|source)"
    r"\b|(?:photo|image|featured image) (?:credit|source)|getty images|ap images|reuters/"
    r"|card image cap|\(?(?:photo|image):)",
    re.IGNORECASE,
)
_WIDGET = re.compile(
    r"^\s*(be the first to (?:comment|review)|leave a (?:comment|reply)|(?:post|add|view|show|load"
    r"|hide|see) (?:a |all |more |the )?comments?\b|join the (?:conversation|discussion)"
    r"|comments? (?:are|is) closed|please keep (?:the|your) (?:conversation|comments?)"
    r"|comments?\s*[(\[]?\d*[)\]]?\s*$|\d+\s+comments?\s*$|\d+\s*min(?:ute)?s?\s+read\s*$"
    r"|advertisement\s*$|sponsored(?: content)?\s*$|story continues below|continue reading"
    r"|skip to (?:main )?content|scroll to continue|loading\.*\s*$|print\s*$|email\s*$"
    r"|(?:reporting|writing|editing|additional reporting) by\b)",
    re.IGNORECASE,
)
_SOCIAL = frozenset(
    {"facebook", "twitter", "x", "linkedin", "whatsapp", "email", "e-mail", "print", "reddit",
     "pinterest", "telegram", "share", "tweet", "copy", "link", "flipboard", "messenger", "mail"}
)  # fmt: skip
_SECTION = re.compile(
    r"^\s*(forward[- ]looking statements?|safe harbou?r(?: statement)?"
    r"|cautionary (?:note|statement)s?"
    r"|media contacts?|press contacts?|investor (?:relations )?contacts?|contacts?"
    r"|(?:media|investor) inquiries)\s*:?\s*$",
    re.IGNORECASE,
)
_LIST_HEADING = re.compile(
    r"^\s*(recent(?: posts| articles| stories| news)?|related(?: articles| stories| posts| news)?"
    r"|more (?:from|on|stories|news)\b.*|popular(?: categories| posts| stories)?|trending(?: now)?"
    r"|latest(?: news| stories)?|most (?:read|popular)|recommended(?: for you)?|read next"
    r"|you may also like|top stories|editor'?s picks)\s*:?\s*$",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"\s*[|•·»›]\s*|\s+/\s+")
_SEPARATOR_MARKS = "|•·»›/"
_EMAIL_OR_URL = re.compile(r"^\s*(?:\S+@\S+\.\w+|https?://\S+|www\.\S+)\s*$", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_ALNUM = re.compile(r"[^\W_]+")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)]\s*$")
_MOVE = re.compile(r"\d+(?:\.\d+)?\s*%")
_MONEY = re.compile(r"[$€£¥]\s?\d|\d(?:\.\d+)?\s*(?:million|billion|trillion)\b", re.IGNORECASE)
# Small function words whose presence marks prose rather than a navigation label.
_FUNCTION_WORDS = frozenset(
    {"the", "a", "an", "of", "to", "in", "on", "for", "and", "or", "but", "is", "are", "was",
     "were", "has", "have", "had", "as", "at", "by", "with", "from", "that", "this", "its", "it",
     "their", "after", "amid", "while", "said", "says", "will", "would", "could", "may"}
)  # fmt: skip
_MAX_FURNITURE_WORDS = 45
_TAIL_SHARE = 0.5
"""List headings count only in the second half of a text: above that they are subheadings."""


def line_key(line: str) -> str:
    """The form in which lines are compared across articles: NFKC, case-folded, words only.

    Callers that count lines per source use it (a line in at least a few of one site's
    articles is furniture) and pass the keys they learnt as ``known``.
    """
    text = unicodedata.normalize("NFKC", line).casefold()
    return " ".join(_ALNUM.findall(text))


def is_boilerplate(line: str) -> bool:
    """True when a line, on its own, has the shape of site furniture rather than story prose."""
    stripped = line.strip().strip("•·-–—*#>").strip()
    if not stripped:
        return False
    words = _WORD.findall(stripped)
    if len(words) > _MAX_FURNITURE_WORDS:
        # A paragraph this long is story text, even when an export glued a credit or a
        # link list to its start; dropping it would lose the article.
        return False
    # Cheap tests first: word counts, then whether a pattern's words occur at all (see
    # _GATES), and only then the patterns themselves.
    folded = _fold(stripped)
    if _may_match(folded, _LEGAL) and _LEGAL.search(stripped):
        return True
    if _CREDIT.search(stripped) or _WIDGET.search(stripped):
        return True
    if _EMAIL_OR_URL.match(stripped):
        return True
    if len(words) <= 25 and _LINK_OUT.match(stripped):
        return True
    has_move = "%" in stripped and bool(_MOVE.search(stripped))
    if (
        len(words) <= 30
        and _may_match(folded, _PROMPT)
        and _PROMPT.search(stripped)
        and _READER.search(stripped)
        and not (has_move or _MONEY.search(stripped))
    ):
        return True
    if len(words) <= 8 and _may_match(folded, _LEGAL_LABEL) and _LEGAL_LABEL.search(stripped):
        return True
    if _is_separated_list(stripped) or _is_social_bar(words):
        return True
    if len(words) <= 4 and not _SENTENCE_END.search(stripped) and not has_move:
        if any(ch.isdigit() for ch in stripped):
            return False
        # Short, verbless labels: "Comments", "Popular Categories", "Search the website".
        lowered = {w.lower() for w in words}
        return len(lowered & _FUNCTION_WORDS) <= 1 and not _looks_like_headline(words)
    return False


# Words one of which every match of a costly pattern contains (lower case; a test checks
# them against the patterns). A line without any of them is answered without the regex
# engine, which for these long case-insensitive alternations is most of the cost of cleaning.
_GATES: dict[re.Pattern[str], tuple[str, ...]] = {
    _LEGAL: ("©", "(c)", "rights reserved", "advice", "disclaimer", "copyright", "purposes only"),
    _PROMPT: (
        "sign", "subscribe", "newsletter", "register", "log", "download", "follow us", "share",
        "click here", "free", "join", "inbox", "miss", "unlock", "premium", "trade confidently",
        "get ",
    ),
    _LEGAL_LABEL: (
        "terms of", "privacy", "cookie", "do not sell", "accessibility", "contact us",
        "about us", "advertise",
    ),
}  # fmt: skip
# Characters that case-insensitive matching equates with an ASCII letter besides A-Z; str.lower
# alone would miss "ſ" (s) and turn "İ" into two characters.
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "K": "k"})


def _fold(text: str) -> str:
    if text.isascii() or not any(c in text for c in "İıſK"):
        return text.lower()
    return text.translate(_FOLD).lower()


def _may_match(folded: str, pattern: re.Pattern[str]) -> bool:
    return any(word in folded for word in _GATES[pattern])


def _is_separated_list(line: str) -> bool:
    """``Markets | Earnings | Options``: three or more short items between separators."""
    if not any(mark in line for mark in _SEPARATOR_MARKS):
        return False  # no separator, so one item
    items = [item for item in _SEPARATORS.split(line) if item.strip()]
    if len(items) < 3:
        return False
    short = [item for item in items if len(item.split()) <= 4 and not _MOVE.search(item)]
    return len(short) >= 0.8 * len(items) and not _SENTENCE_END.search(items[-1].rstrip(")"))


def _is_social_bar(words: list[str]) -> bool:
    lowered = [w.lower().strip(".:") for w in words]
    return len(lowered) >= 2 and sum(w in _SOCIAL for w in lowered) >= 0.75 * len(lowered)


def _looks_like_headline(words: list[str]) -> bool:
    # A short headline names a company and a verb ("Alibaba Stock Soars"); navigation labels
    # are one or two generic words. Three or more capitalised words with a verb-like ending
    # such as -s/-ed/-ing read as a headline.
    return len(words) >= 3 and any(w.lower().endswith(("s", "ed", "ing")) for w in words[1:])


def _is_title_line(line: str) -> bool:
    """A headline-shaped line: mostly capitalised words and no sentence end."""
    stripped = line.strip()
    if not stripped or stripped.rstrip("\"”’'")[-1:] in (".", "!", "?"):
        return False
    words = [w for w in _WORD.findall(stripped) if len(w) > 3]
    if len(words) < 2:
        return len(stripped.split()) <= 12
    capitalised = sum(w[0].isupper() for w in words)
    return capitalised >= 0.6 * len(words) and len(stripped.split()) <= 25


def _prose(line: str) -> bool:
    words = _WORD.findall(line)
    return len(words) >= 8 and bool(_SENTENCE_END.search(line.strip()))


def _one_pass(lines: list[str], known: frozenset[str], seen: dict[str, bool]) -> list[bool]:
    """For each line, whether it is boilerplate, looking at its neighbours too.

    ``seen`` holds the verdicts of :func:`is_boilerplate` from earlier passes over the same
    text: a line's own shape does not change between passes, only its neighbours.
    """
    drop = []
    for line in lines:
        if line not in seen:
            seen[line] = bool(line.strip()) and is_boilerplate(line)
        drop.append(seen[line])
    if known:
        for i, line in enumerate(lines):
            if line.strip() and line_key(line) in known:
                drop[i] = True
    content = [i for i, line in enumerate(lines) if line.strip()]
    tail_start = content[int(len(content) * _TAIL_SHARE)] if content else 0
    i = 0
    while i < len(lines):
        line = lines[i]
        if _SECTION.match(line):
            # A legal or contact section: everything up to the next heading-like line.
            drop[i] = True
            j = i + 1
            while j < len(lines) and not (_is_heading(lines[j]) and not _SECTION.match(lines[j])):
                drop[j] = drop[j] or bool(lines[j].strip())
                j += 1
            i = j
            continue
        if i >= tail_start and _LIST_HEADING.match(line) and len(line.split()) <= 6:
            # "Recent", "Related Articles": the headlines of other stories follow.
            drop[i] = True
            j = i + 1
            while j < len(lines) and (not lines[j].strip() or drop[j] or _is_title_line(lines[j])):
                drop[j] = drop[j] or bool(lines[j].strip())
                j += 1
            i = j
            continue
        i += 1
    return drop


def _is_heading(line: str) -> bool:
    stripped = line.strip()
    words = _WORD.findall(stripped)
    return (
        0 < len(words) <= 6
        and not _SENTENCE_END.search(stripped.rstrip(":"))
        and (stripped[0].isupper())
    )


def _normalise(text: str) -> list[str]:
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        if not line.strip():
            if out and out[-1] != "":
                out.append("")
            continue
        out.append(line)
    while out and out[-1] == "":
        out.pop()
    return out


def strip_boilerplate(
    text: str, known: frozenset[str] = frozenset()
) -> tuple[str, tuple[str, ...]]:
    """Return the text without boilerplate lines, and the removed lines.

    Lines are right-stripped and blank-line runs collapse to one blank line; the passes run
    until nothing more is removed, so ``strip_boilerplate`` applied twice gives the same
    text. ``known`` holds :func:`line_key` keys of lines to remove wherever they appear.
    """
    lines = _normalise(text)
    removed: list[str] = []
    seen: dict[str, bool] = {}
    while True:
        drop = _one_pass(lines, known, seen)
        if not any(drop):
            break
        removed.extend(line.strip() for line, gone in zip(lines, drop, strict=True) if gone)
        lines = _normalise("\n".join(line for line, gone in zip(lines, drop, strict=True)
                                     if not gone))  # fmt: skip
    return "\n".join(lines), tuple(removed)


HEAD_LINES = 5
TAIL_LINES = 10
MAX_LEARN_WORDS = 40
LEARN_MIN_ARTICLES = 3
"""A line in this many of one source's articles is that source's furniture."""


def furniture_candidates(text: str) -> frozenset[str]:
    """Keys of the lines that may be a site's furniture: the first and last lines of a text.

    Sites put their furniture above and below the story, so only those lines are counted;
    this also bounds what is stored per article.
    """
    lines = [line for line in text.splitlines() if line.strip()]
    picked = lines[:HEAD_LINES] + lines[max(HEAD_LINES, len(lines) - TAIL_LINES) :]
    keys = (line_key(line) for line in picked)
    return frozenset(k for k in keys if k and len(k.split()) <= MAX_LEARN_WORDS)


class SourceLineLearner:
    """Which lines recur across one source's articles, learnt while a stream is read.

    ``load(source)`` returns the furniture learnt in earlier runs (called once per source).
    Within a run a line becomes furniture from its ``LEARN_MIN_ARTICLES``-th article on; the
    decision depends only on the order of the input, so one process and a pool of them clean
    the same way. Lines seen once and not again for ``horizon`` articles are forgotten, which
    bounds memory on long streams (furniture recurs far more often than that).
    """

    def __init__(self, load: Callable[[str], frozenset[str]], horizon: int = 5000) -> None:
        self._load = load
        self._horizon = horizon
        self._learnt: dict[str, frozenset[str]] = {}
        self._seen: dict[tuple[str, str], tuple[int, int]] = {}
        self._count = 0

    def known(self, source: str, keys: frozenset[str]) -> frozenset[str]:
        """Furniture keys for an article of ``source`` (learnt ones, and those among ``keys``
        seen often enough in this run); then count ``keys``."""
        if source not in self._learnt:
            self._learnt[source] = self._load(source)
        learnt = self._learnt[source]
        self._count += 1
        found = set()
        for key in keys:
            times, _ = self._seen.get((source, key), (0, 0))
            if key in learnt or times >= LEARN_MIN_ARTICLES - 1:
                found.add(key)
            self._seen[(source, key)] = (times + 1, self._count)
        if self._count % self._horizon == 0:
            cutoff = self._count - self._horizon
            self._seen = {k: v for k, v in self._seen.items() if v[0] > 1 or v[1] > cutoff}
        return learnt | found
