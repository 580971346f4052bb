"""Line-level removal of site boilerplate, judged by the shape of a line.

A story line is prose: several words, mostly lower case, ending like a sentence. Boilerplate
lines are prompts and widgets (sign-up calls, share and comment buttons), navigation labels
(short title-cased lines with no verb), legal lines (copyright, disclaimers, "not investment
advice"), credits ("Photo via ...") and link-outs ("Also Read: ..."). We score shapes rather than
list the lines we have seen, so new sites are handled too.
"""

from __future__ import annotations

import re

_LEGAL = re.compile(
    r"(©|\(c\)\s*\d{4}|\ball rights reserved\b|\bdoes not provide investment advice\b"
    r"|^\s*disclaimer\s*:|\bnot (?:intended as )?investment advice\b|^\s*copyright\b"
    r"|\bterms of (?:use|service)\b|\bprivacy policy\b)",
    re.IGNORECASE,
)
_PROMPT = re.compile(
    r"(\bsign[ -]?up\b|\bsubscribe\b|\bnewsletter\b|\bregister now\b|\blog ?in\b"
    r"|\bdownload (?:the|our) app\b|\bfollow us\b|\bshare (?:this|on)\b|\bclick here\b"
    r"|\btrade confidently\b|\bfree (?:trial|reports?)\b|\bjoin (?:now|today|us)\b)",
    re.IGNORECASE,
)
_LINK_OUT = re.compile(
    r"^\s*(also read|read more|read next|read the original article|see also|related"
    r"(?: articles?| stories| posts)?|recommended|more from|trending|watch)\b\s*:?",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"^\s*((photo|image|picture|video)s?\b.{0,40}\b(via|by|credit|courtesy|source)\b"
    r"|(photo|image) credit|getty images|ap images|reuters/|card image cap)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)]\s*$")
# Small function words whose presence marks prose rather than a navigation label.
_FUNCTION_WORDS = frozenset(
    "the a an of to in on for and or but is are was were has have had as at by with from that "
    "this its it their after amid while said says will would could may".split()
)


def is_boilerplate(line: str) -> bool:
    """True when a line has the shape of site furniture rather than story prose."""
    stripped = line.strip().strip("•·-–—*").strip()
    if not stripped:
        return False
    words = _WORD.findall(stripped)
    if _LEGAL.search(stripped) or _CREDIT.search(stripped):
        return True
    if _LINK_OUT.match(stripped) and len(words) <= 25:
        return True
    if _PROMPT.search(stripped) and len(words) <= 30 and not _has_stated_move(stripped):
        return True
    if len(words) <= 4 and not _SENTENCE_END.search(stripped) and not any(
        ch.isdigit() for ch in stripped
    ):
        # Short, verbless labels: "Comments", "Popular Categories", "Search the website".
        lowered = {w.lower() for w in words}
        return len(lowered & _FUNCTION_WORDS) <= 1 and not _looks_like_headline(words)
    return False


def _has_stated_move(line: str) -> bool:
    return bool(re.search(r"\d+(?:\.\d+)?\s*%", line))


def _looks_like_headline(words: list[str]) -> bool:
    # A short headline names a company and a verb ("Alibaba Stock Soars"); navigation labels
    # are one or two generic words. Three or more capitalised words with a verb-like ending
    # such as -s/-ed/-ing read as a headline.
    return len(words) >= 3 and any(w.lower().endswith(("s", "ed", "ing")) for w in words[1:])


def strip_boilerplate(text: str) -> tuple[str, tuple[str, ...]]:
    """Return the text without boilerplate lines, and the removed lines.

    Blank-line runs collapse to one blank line, and lines are right-stripped, so
    ``strip_boilerplate`` applied twice gives the same text.
    """
    kept: list[str] = []
    removed: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if is_boilerplate(line):
            removed.append(line.strip())
            continue
        line = line.rstrip()
        if not line.strip():
            if kept and kept[-1] != "":
                kept.append("")
            continue
        kept.append(line)
    while kept and kept[-1] == "":
        kept.pop()
    return "\n".join(kept), tuple(removed)
