"""Duplicate articles: the same text twice, or the same story with trivial differences.

Texts are compared as sets of word shingles (every run of `SHINGLE` words, case-folded, with
typographic quotes, punctuation and spacing ignored). Identical word sequences are exact
duplicates; otherwise two texts are near-duplicates when the Jaccard similarity of their shingle
sets is at least `THRESHOLD`. Candidates are found with MinHash signatures and locality-sensitive
hashing (bands of the signature as bucket keys), so a batch costs time linear in its size; each
candidate is then confirmed with its exact similarity, which is what the report shows.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
import zlib
from dataclasses import dataclass

import numpy as np

from .text import straighten

SHINGLE = 3
THRESHOLD = 0.8
MIN_SHINGLES = 25  # shorter texts are only ever exact duplicates: a few words say too little
PERMUTATIONS = 64
BANDS = 16  # of 4 rows: a pair at similarity 0.8 shares a band with probability above 0.999
_PRIME = (1 << 61) - 1
_WORD = re.compile(r"\w+")
_rng = np.random.default_rng(20240304)  # fixed: the same texts always give the same signatures
_A = _rng.integers(1, 1 << 31, size=PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, 1 << 31, size=PERMUTATIONS, dtype=np.uint64)


def words(text: str) -> list[str]:
    return _WORD.findall(straighten(unicodedata.normalize("NFKC", text)).casefold())


def shingles(tokens: list[str]) -> np.ndarray:
    """The sorted, distinct 32-bit hashes of every run of `SHINGLE` words (of all words, when fewer)."""
    if not tokens:
        return np.zeros(0, dtype=np.uint64)
    ids = np.fromiter((zlib.crc32(t.encode()) for t in tokens), dtype=np.uint64, count=len(tokens))
    width = min(SHINGLE, len(ids))
    combined = np.zeros(len(ids) - width + 1, dtype=np.uint64)
    for offset in range(width):  # a polynomial hash of the run; uint64 arithmetic wraps, as intended
        combined = combined * np.uint64(1_000_003) + ids[offset : len(ids) - width + 1 + offset]
    return np.unique(combined & np.uint64(0xFFFFFFFF))


def signature(hashes: np.ndarray) -> np.ndarray:
    """The MinHash signature: per permutation (a*x + b) mod p, the minimum over the shingles."""
    return ((np.outer(_A, hashes) + _B[:, None]) % _PRIME).min(axis=1)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """|a ∩ b| / |a ∪ b| of two sorted arrays of distinct hashes."""
    if not a.size and not b.size:
        return 1.0
    common = np.intersect1d(a, b, assume_unique=True).size
    return common / (a.size + b.size - common)


def fingerprint(text: str) -> tuple[bytes, np.ndarray]:
    """(key of the exact word sequence, shingle hashes) of a text."""
    return _fingerprint(text)


@functools.lru_cache(maxsize=4)
def _fingerprint(text: str) -> tuple[bytes, np.ndarray]:
    """(key of the exact word sequence, shingle hashes): `find` then `add` of one text computes them once."""
    tokens = words(text)
    return hashlib.blake2b(" ".join(tokens).encode(), digest_size=16).digest(), shingles(tokens)


@dataclass(frozen=True)
class Duplicate:
    """What a text duplicates: `of` names the kept article or briefing."""

    of: str
    similarity: float

    @property
    def exact(self) -> bool:
        return self.similarity >= 1.0

    def describe(self) -> str:
        if self.exact:
            return f"duplicate of {self.of} (the same text)"
        return f"near-duplicate of {self.of} (similarity {self.similarity:.2f})"


@dataclass
class _Entry:
    label: str  # how the report names it
    source: str | None  # the article it came from, so an article is never its own duplicate
    shingles: np.ndarray


class Deduper:
    """Texts seen so far; `find` tells whether a new text duplicates one of them."""

    def __init__(self, *, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._entries: list[_Entry] = []
        self._exact: dict[bytes, list[int]] = {}
        self._buckets: dict[tuple[int, bytes], list[int]] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def find(self, text: str, *, source: str | None = None) -> Duplicate | None:
        """The best duplicate of `text` among the texts added, ignoring those from `source`."""
        key, own = _fingerprint(text)
        for index in self._exact.get(key, []):
            if self._entries[index].source != source or source is None:
                return Duplicate(self._entries[index].label, 1.0)
        if len(own) < MIN_SHINGLES:
            return None
        best: Duplicate | None = None
        for index in self._candidates(signature(own)):
            entry = self._entries[index]
            if source is not None and entry.source == source:
                continue
            similarity = jaccard(own, entry.shingles)
            if similarity >= self.threshold and (best is None or similarity > best.similarity):
                best = Duplicate(entry.label, min(similarity, 0.99))  # not the same words: never "1.00"
        return best

    def add(self, text: str, *, label: str, source: str | None = None) -> None:
        key, own = _fingerprint(text)
        self.add_fingerprint(key, own, label=label, source=source)

    def add_fingerprint(self, key: bytes, own: np.ndarray, *, label: str, source: str | None = None) -> None:
        """`add` for a text whose `fingerprint` was kept (the ingest cache keeps briefings' fingerprints)."""
        index = len(self._entries)
        self._entries.append(_Entry(label, source, own))
        self._exact.setdefault(key, []).append(index)
        if len(own) >= MIN_SHINGLES:
            for band in _bands(signature(own)):
                self._buckets.setdefault(band, []).append(index)

    def _candidates(self, sig: np.ndarray) -> list[int]:
        found: dict[int, None] = {}
        for band in _bands(sig):
            for index in self._buckets.get(band, []):
                found[index] = None
        return list(found)


def _bands(sig: np.ndarray) -> list[tuple[int, bytes]]:
    rows = PERMUTATIONS // BANDS
    return [(band, sig[band * rows : (band + 1) * rows].tobytes()) for band in range(BANDS)]
