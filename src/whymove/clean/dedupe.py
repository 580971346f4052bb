"""Near-duplicate detection: MinHash signatures over word shingles, grouped by LSH.

Syndicated copies of one report (the same wire story on three sites, each with its own
headline and furniture) differ in a few lines, so their cleaned texts hash differently but
share most five-word shingles. A MinHash signature (128 permutations) estimates that overlap;
datasketch's LSH finds the candidates whose estimated Jaccard similarity can exceed the
threshold, and we keep the best candidate that really does. Its story id becomes the new
article's story id, so the copies count once.

Signatures are stored as bytes (:func:`signature_bytes`) so the index can be rebuilt from the
store when a new process starts (:meth:`NearDuplicateIndex.load`).

Example:
    >>> index = NearDuplicateIndex()
    >>> index.add("a1", "a1", signature("shares of the company rose five percent on tuesday"))
    >>> index.match(signature("Shares of the company rose five percent on Tuesday."))
    Match(article_id='a1', story_id='a1', similarity=1.0)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from whymove.clean.identity import normalise

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"
SHINGLE_WORDS = 5
THRESHOLD = 0.7
"""Estimated Jaccard similarity of shingle sets above which two articles are one story."""
_TOKEN = re.compile(r"\w+")

Signature = np.ndarray


@dataclass(frozen=True, slots=True)
class Match:
    """The stored article a new one nearly duplicates, and how similar they are."""

    article_id: str
    story_id: str
    similarity: float


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """Word ``size``-grams of the normalised text (the whole text when it is shorter)."""
    tokens = _TOKEN.findall(normalise(text))
    if len(tokens) <= size:
        return {" ".join(tokens).encode("utf-8")}
    return {" ".join(tokens[i : i + size]).encode("utf-8") for i in range(len(tokens) - size + 1)}


def signature(text: str) -> Signature:
    """The MinHash signature (``NUM_PERM`` unsigned 32-bit values) of ``text``."""
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED)
    minhash.update_batch(list(shingles(text)))
    return np.asarray(minhash.hashvalues, dtype=np.uint32)


def signature_bytes(sig: Signature) -> bytes:
    """Little-endian bytes of a signature, for the store."""
    return np.asarray(sig, dtype="<u4").tobytes()


def signature_from_bytes(data: bytes) -> Signature:
    """Inverse of :func:`signature_bytes`; raises ValueError on a wrong length."""
    if len(data) != NUM_PERM * 4:
        raise ValueError(f"a signature is {NUM_PERM * 4} bytes, not {len(data)}")
    return np.frombuffer(data, dtype="<u4").astype(np.uint32)


def similarity(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    return float(np.count_nonzero(np.asarray(a) == np.asarray(b))) / NUM_PERM


class NearDuplicateIndex:
    """An in-memory LSH index over stored signatures, mapping articles to their stories."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._entries: dict[str, tuple[str, Signature]] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._entries

    def load(self, rows: Iterable[tuple[str, str, bytes]]) -> NearDuplicateIndex:
        """Add stored ``(article_id, story_id, signature bytes)`` rows; returns self."""
        for article_id, story_id, data in rows:
            self.add(article_id, story_id, signature_from_bytes(data))
        return self

    def add(self, article_id: str, story_id: str, sig: Signature) -> None:
        if article_id in self._entries:
            return
        self._entries[article_id] = (story_id, sig)
        self._lsh.insert(article_id, _lean(sig))

    def match(self, sig: Signature) -> Match | None:
        """The most similar indexed article at or above the threshold, or None."""
        best: Match | None = None
        for article_id in self._lsh.query(_lean(sig)):
            story_id, other = self._entries[article_id]
            score = similarity(sig, other)
            if score >= self.threshold and (best is None or score > best.similarity):
                best = Match(article_id, story_id, score)
        return best


def _lean(sig: Signature) -> LeanMinHash:
    return LeanMinHash(seed=SEED, hashvalues=sig, scheme=SCHEME)
