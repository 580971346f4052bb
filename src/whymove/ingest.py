"""Ingestion: sources -> pipeline -> store, with every input accounted for.

Each input item ends in exactly one bucket of the :class:`IngestSummary`: ``new`` (a new
story), ``near_duplicates`` (stored, grouped into an existing story), ``duplicates`` (its
text is stored already: nothing is written), ``unchanged`` (the server answered 304) or
``rejected`` (stored in ``rejects`` with the reason). So ``inputs`` is always their sum, and a
second run over the same inputs writes nothing.

Identity is checked twice: first the hash of the raw text (an exact re-ingest costs no
pipeline run), then the article id, the hash of the cleaned text (the same story with other
furniture). Lines that recur across one source's articles are learnt in the store and
removed before the pipeline runs, on top of the pipeline's own boilerplate rules.

The CLI and the API call :func:`ingest`; it prints nothing and takes its clock, client and
stop signal as parameters.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO
from urllib.parse import urlsplit

import httpx

from whymove.clean.boilerplate import SourceLineLearner, furniture_candidates, line_key
from whymove.clean.dedupe import NearDuplicateIndex, signature, signature_bytes
from whymove.clean.identity import content_id
from whymove.errors import InputError
from whymove.model import Article, RawDocument
from whymove.pipeline import Pipeline, article_from_raw, default_pipeline
from whymove.sources import FieldMap, Skipped, Unchanged, iter_items
from whymove.sources.base import FetchState, SourceItem
from whymove.sources.meta import require_words
from whymove.store import ArticleWrite, Batch, RejectWrite, Store

BATCH_SIZE = 200


@dataclass(slots=True)
class IngestSummary:
    """What one run did, input by input."""

    new: int = 0
    near_duplicates: int = 0
    duplicates: int = 0
    unchanged: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    interrupted: bool = False

    @property
    def inputs(self) -> int:
        return (
            self.new + self.near_duplicates + self.duplicates + self.unchanged + len(self.rejected)
        )

    @property
    def stored(self) -> int:
        return self.new + self.near_duplicates

    def reasons(self) -> Counter[str]:
        """Rejections counted by reason (details in parentheses dropped)."""
        return Counter(reason.split(" (")[0] for _, reason in self.rejected)

    def to_dict(self) -> dict[str, object]:
        return {
            "inputs": self.inputs,
            "new": self.new,
            "near_duplicates": self.near_duplicates,
            "duplicates": self.duplicates,
            "unchanged": self.unchanged,
            "rejected": len(self.rejected),
            "rejected_by_reason": dict(self.reasons().most_common()),
            "skipped_files": len(self.skipped),
            "interrupted": self.interrupted,
        }


Progress = Callable[[IngestSummary, int | None], None]
"""Called after every input with the summary so far and the total when known."""


@dataclass(frozen=True, slots=True)
class _Duplicate:
    """A document whose raw text is stored already (or queued earlier in this run)."""

    input: str


@dataclass(frozen=True, slots=True)
class _Queued:
    """A document waiting for its analysis, with what the first stage learnt about it."""

    raw: RawDocument
    raw_hash: str
    site: str | None
    keys: frozenset[str]
    removed: tuple[str, ...]


def ingest(
    inputs: Iterable[str],
    store: Store,
    *,
    mapping: FieldMap | None = None,
    glob: str | None = None,
    client: httpx.Client | None = None,
    stdin: BinaryIO | None = None,
    pipeline: Pipeline | None = None,
    workers: int = 1,
    batch_size: int = BATCH_SIZE,
    progress: Progress | None = None,
    total: int | None = None,
    should_stop: Callable[[], bool] = lambda: False,
) -> IngestSummary:
    """Read ``inputs`` (paths, folders, URLs, ``-``), analyse new articles, store them.

    ``workers`` > 1 analyses on a process pool (:func:`whymove.batch.run_parallel`); inputs
    are still handled, counted and stored in their order.

    Example:
        >>> summary = ingest(["examples/articles"], open_store("news.db"))  # doctest: +SKIP
        >>> summary.new, summary.duplicates, len(summary.rejected)  # doctest: +SKIP
        (19, 0, 0)
    """
    from whymove.batch import run_parallel

    pipe = pipeline or default_pipeline("collect")
    run = _Run(store, pipe, batch_size)
    items = iter_items(
        list(inputs), mapping=mapping, glob=glob, client=client, cache=store, stdin=stdin
    )
    # The first stage reads inputs in order and queues each (documents with the article to
    # analyse); the second takes analysed articles in the same order and handles the queue up
    # to each, so FetchStates are still written after the documents they follow.
    queue: deque[SourceItem | _Queued | _Duplicate] = deque()
    articles = run_parallel(run.first_stage(items, queue), pipe, workers=workers)
    try:
        for article in articles:
            while queue:
                entry = queue.popleft()
                if isinstance(entry, _Queued):
                    run.document(entry, article)
                    break
                run.item(entry)
                if run.after_item(progress, total, should_stop):
                    return run.summary
            if run.after_item(progress, total, should_stop):
                return run.summary
        while queue:
            entry = queue.popleft()
            if not isinstance(entry, _Queued):
                run.item(entry)
                if run.after_item(progress, total, should_stop):
                    return run.summary
    finally:
        articles.close()
        run.flush()
    return run.summary


class _Run:
    """The state of one ingest run: the open batch, the LSH index, ids seen so far."""

    def __init__(self, store: Store, pipeline: Pipeline, batch_size: int) -> None:
        self.store = store
        self.pipeline = pipeline
        self.version = pipeline.version
        self.batch_size = batch_size
        self.batch = Batch()
        self.summary = IngestSummary()
        self.index: NearDuplicateIndex | None = None
        self.queued_raw: set[str] = set()
        self.pending_ids: set[str] = set()
        self.learner = SourceLineLearner(store.learned_lines)

    def first_stage(
        self, items: Iterable[SourceItem], queue: deque[SourceItem | _Queued | _Duplicate]
    ) -> Iterator[Article]:
        """Queue every item; yield the article of each document that needs analysing."""
        for item in items:
            if not isinstance(item, RawDocument):
                queue.append(item)
                continue
            raw_hash = content_id(item.text)
            if raw_hash in self.queued_raw or self.store.known_raw_hashes([raw_hash]):
                queue.append(_Duplicate(item.input))
                continue
            self.queued_raw.add(raw_hash)
            site = learning_key(item)
            keys = furniture_candidates(item.text)
            known = self.learner.known(site, keys) if site else frozenset()
            stripped, removed = strip_known(item.text, known)
            queue.append(_Queued(item, raw_hash, site, keys, removed))
            yield article_from_raw(dataclasses.replace(item, text=stripped))

    def item(self, item: SourceItem | _Duplicate) -> None:
        if isinstance(item, FetchState):
            self.batch.fetch_states.append(item)
        elif isinstance(item, Skipped):
            self.summary.skipped.append((item.input, item.reason))
        elif isinstance(item, _Duplicate):
            self.summary.duplicates += 1
        elif isinstance(item, Unchanged):
            self.summary.unchanged += 1
        elif isinstance(item, InputError):
            self.reject(item)

    def after_item(
        self, progress: Progress | None, total: int | None, should_stop: Callable[[], bool]
    ) -> bool:
        """Flush a full batch, report progress; True when the run must stop now."""
        if len(self.batch) >= self.batch_size:
            self.flush()
        if progress is not None:
            progress(self.summary, total)
        if should_stop():
            self.summary.interrupted = True
            return True
        return False

    def flush(self) -> None:
        if len(self.batch) or self.batch.lines:
            self.store.write(self.batch)
        self.batch = Batch()
        self.pending_ids.clear()

    def reject(self, error: InputError, content: str = "") -> None:
        self.summary.rejected.append((error.source, error.reason))
        self.batch.rejects.append(
            RejectWrite.of(error.source, error.reason, type(error).__name__, content)
        )

    def document(self, queued: _Queued, analysed: Article) -> None:
        raw = queued.raw
        article = dataclasses.replace(
            analysed, raw_text=raw.text, boilerplate=(*queued.removed, *analysed.boilerplate)
        )
        try:
            require_words(article.text, raw.input, "the text left after removing boilerplate")
        except InputError as exc:
            self.reject(exc, queued.raw_hash)
            return
        if article.id in self.pending_ids or self.store.known_ids([article.id]):
            self.summary.duplicates += 1
            return
        sig = signature(article.text)
        index = self._index()
        match = index.match(sig)
        story_id = match.story_id if match else article.id
        index.add(article.id, story_id, sig)
        self.pending_ids.add(article.id)
        if match:
            self.summary.near_duplicates += 1
        else:
            self.summary.new += 1
        self.batch.articles.append(
            ArticleWrite(article, raw, queued.raw_hash, story_id, signature_bytes(sig),
                         self.version)
        )  # fmt: skip
        if queued.site:
            # Counted only for stored articles, so that re-ingesting changes no count.
            for key in queued.keys:
                self.batch.lines.append((queued.site, key))

    def _index(self) -> NearDuplicateIndex:
        if self.index is None:
            self.index = NearDuplicateIndex().load(self.store.signatures())
        return self.index


def learning_key(raw: RawDocument) -> str | None:
    """The source whose furniture is learnt: its name, else the host of its URL."""
    if raw.source:
        return raw.source.strip().lower()
    if raw.url:
        host = urlsplit(raw.url).hostname
        return host.lower() if host else None
    return None


def strip_known(text: str, known: frozenset[str]) -> tuple[str, tuple[str, ...]]:
    """``text`` without the lines whose :func:`line_key` is in ``known``, and those lines."""
    if not known:
        return text, ()
    kept: list[str] = []
    removed: list[str] = []
    for line in text.splitlines():
        if line.strip() and line_key(line) in known:
            removed.append(line.strip())
        else:
            kept.append(line)
    return "\n".join(kept), tuple(removed)


def process(raw: RawDocument, pipeline: Pipeline, known: frozenset[str]) -> Article:
    """Run the pipeline on ``raw`` after removing the lines its source is known to repeat.

    The article keeps the raw text as it arrived (for re-processing) and lists the removed
    lines first among its boilerplate.
    """
    text, removed = strip_known(raw.text, known)
    article = pipeline(article_from_raw(dataclasses.replace(raw, text=text)))
    return dataclasses.replace(
        article, raw_text=raw.text, boilerplate=(*removed, *article.boilerplate)
    )


@dataclass(slots=True)
class ReprocessSummary:
    stale: int = 0
    updated: int = 0
    failed: int = 0


def reprocess(
    store: Store,
    *,
    pipeline: Pipeline | None = None,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[ReprocessSummary, int], None] | None = None,
) -> ReprocessSummary:
    """Re-run stored articles whose pipeline version differs from ``pipeline``'s.

    Articles keep their ids and stories (identity is fixed at first ingest); text, facts and
    the pipeline version are replaced.
    """
    pipe = pipeline or default_pipeline("collect")
    version = pipe.version
    summary = ReprocessSummary(stale=store.count_stale(version))
    after = 0
    learned: dict[str, frozenset[str]] = {}
    while True:
        docs = store.stale_articles(version, after=after, limit=batch_size)
        if not docs:
            break
        writes = []
        for doc in docs:
            after = doc.num
            site = learning_key(doc.raw)
            if site and site not in learned:
                learned[site] = store.learned_lines(site)
            known = learned[site] if site else frozenset()
            article = dataclasses.replace(process(doc.raw, pipe, known), id=doc.id)
            if article.failures:
                summary.failed += 1
            sig = signature_bytes(signature(article.text))
            writes.append(ArticleWrite(article, doc.raw, doc.raw_hash, doc.story_id, sig, version))
        store.replace_analyses(writes)
        summary.updated += len(writes)
        if progress is not None:
            progress(summary, summary.stale)
    return summary
