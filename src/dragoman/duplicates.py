"""Near-duplicate documents: wire copies and light rewrites found on the cleaned body.

Method. The body is folded (lower case, apostrophes dropped, every other run of punctuation and space one
break) into words; its shingles are the runs of ``SHINGLE_WORDS`` words. A MinHash of ``NUM_PERM`` permutations
(fixed ``SEED``) estimates the Jaccard similarity of two shingle sets; LSH cuts it into ``LSH_BANDS`` bands of
``LSH_ROWS`` rows, the layout datasketch's ``MinHashLSH`` picks for ``LSH_THRESHOLD``, and each band is kept as
one 64-bit key. The MinHash is datasketch's "affine32" scheme, computed here bit for bit (a test holds the two
equal, so stored keys stay valid): importing datasketch brings scipy, 0.4 s of every start-up. Two documents
sharing a band key are candidates; a candidate is confirmed by the exact Jaccard of the two shingle sets, at
least ``MIN_JACCARD``. Shingle size and both thresholds were chosen on the development half of
``bench/eval_near_duplicates.py`` (README, "Near-duplicates and happenings").

In the store (migration 9): ``doc_bands`` maps band keys to the documents that are originals (not themselves
duplicates), so a new document probes only its own ``b`` buckets, whatever the store holds; a document found
to be a near-duplicate gets ``documents.duplicate_of`` (its original: the best confirmed candidate) and
``documents.similarity`` (the exact Jaccard, 1.0 only for the same words in the same order). Both are written
by ``store.write_coded`` in the document's own transaction. Only originals are indexed, so a copy always links
to an original (no chains) and a bucket holds one entry per story, not one per copy.

A copy whose body has the same words as its original's (similarity 1.0: other furniture, another headline) keeps
no events of its own: it is counted as one more report of its original's happenings (``query.happening_evidence``).
A near-duplicate with other words keeps its own events (they may differ: a corrected figure) and is linked.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

SHINGLE_WORDS = 5
NUM_PERM = 128
SEED = 1
LSH_THRESHOLD = 0.3
# datasketch's MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM) layout (its false positive and negative
# weights balanced): 37 bands of 3 rows, the last 17 permutations unused
LSH_BANDS = 37
LSH_ROWS = 3
MIN_JACCARD = 0.4
# Candidates checked exactly per document, those sharing the most band keys first: a copy shares most of them.
MAX_CANDIDATES = 8

_APOSTROPHES = re.compile(r"['\u2019\u2018`]")
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class Link:
    """A document's original and how alike their bodies are (exact Jaccard of the shingle sets)."""

    duplicate_of: str
    similarity: float

    @property
    def same_words(self) -> bool:
        return self.similarity == 1.0


def words(body: str) -> list[str]:
    """The body's words as compared: lower case, apostrophes dropped, punctuation and spaces as breaks."""
    return _WORD.findall(_APOSTROPHES.sub("", body.lower()))


def shingles(body: str, *, k: int = SHINGLE_WORDS) -> set[str]:
    """The runs of ``k`` words of the body (the whole body as one shingle when it is shorter)."""
    found = words(body)
    if len(found) <= k:
        return {" ".join(found)} if found else set()
    return {" ".join(found[i:i + k]) for i in range(len(found) - k + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


@lru_cache(maxsize=8)
def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The affine maps h -> a * h + b (mod 2**32) of the MinHash: ``a`` odd, so each is a bijection."""
    draw = np.random.RandomState(seed)
    a = draw.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = draw.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def _premixed(hashes: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer, a fixed bijection that spreads similar inputs apart (wrapping uint32)."""
    hashes = hashes ^ (hashes >> np.uint32(16))
    hashes = hashes * np.uint32(0x85EBCA6B)
    hashes = hashes ^ (hashes >> np.uint32(13))
    hashes = hashes * np.uint32(0xC2B2AE35)
    return hashes ^ (hashes >> np.uint32(16))


def minhash(items: Sequence[bytes], *, num_perm: int = NUM_PERM, seed: int = SEED) -> np.ndarray:
    """The MinHash values (uint32, one per permutation) of a non-empty set: each item's SHA-1 read as a
    little-endian 32-bit number, premixed, under each affine map; the least per map."""
    hashes = np.fromiter((int.from_bytes(hashlib.sha1(item).digest()[:4], "little") for item in items),
                         dtype=np.uint32, count=len(items))
    a, b = _permutations(num_perm, seed)
    with np.errstate(over="ignore"):
        mixed = _premixed(hashes).reshape(-1, 1)
        return (mixed * a + b).min(axis=0)


def band_keys(body: str, *, k: int = SHINGLE_WORDS, bands: int = LSH_BANDS, rows: int = LSH_ROWS,
              num_perm: int = NUM_PERM) -> tuple[int, ...]:
    """One signed 64-bit key per LSH band of the body's MinHash; () for a body with no words."""
    found = shingles(body, k=k)
    if not found:
        return ()
    values = minhash([s.encode("utf-8", "surrogatepass") for s in found], num_perm=num_perm)
    keys = []
    for band in range(bands):
        chunk = values[band * rows:(band + 1) * rows].tobytes()
        digest = hashlib.blake2b(band.to_bytes(2, "little") + chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return tuple(keys)


def best_original(body: str, candidates: Sequence[tuple[str, str]], *, k: int = SHINGLE_WORDS,
                  min_jaccard: float = MIN_JACCARD) -> Link | None:
    """The candidate ``(doc_id, body)`` most like ``body`` by exact Jaccard, if at least ``min_jaccard``."""
    if not candidates:
        return None
    mine, my_words = shingles(body, k=k), words(body)
    best: Link | None = None
    for doc_id, other in candidates:
        similarity = jaccard(mine, shingles(other, k=k))
        if similarity < min_jaccard:
            continue
        # 1.0 is kept for the same words in the same order: shingle sets can match on a repeated paragraph.
        similarity = 1.0 if words(other) == my_words else min(round(similarity, 4), 0.9999)
        if best is None or similarity > best.similarity:
            best = Link(doc_id, similarity)
    return best


def probe(conn: sqlite3.Connection, doc_id: str, body: str, bands: Sequence[int]) -> Link | None:
    """The stored original ``body`` is a near-duplicate of, looking only in its own band buckets."""
    if not bands:
        return None
    marks = ", ".join("?" * len(bands))
    rows = conn.execute(
        f"""SELECT b.doc_id, d.text FROM doc_bands b JOIN documents d ON d.doc_id = b.doc_id
            WHERE b.band IN ({marks}) AND b.doc_id != ? AND d.text IS NOT NULL
            GROUP BY b.doc_id ORDER BY COUNT(*) DESC, d.rowid LIMIT ?""",
        (*bands, doc_id, MAX_CANDIDATES)).fetchall()
    return best_original(body, [(row[0], row[1]) for row in rows])


def record(conn: sqlite3.Connection, doc_id: str, body: str, bands: Sequence[int], *,
           recode: bool = False) -> Link | None:
    """Inside the caller's transaction: link ``doc_id`` to its original, or index it as an original.

    A recoded document keeps what it was when first stored: a copy its link, an original its place as one (its band
    keys written again, e.g. for a store coded before migration 9). Probing again could make an original the copy
    of a later document and leave its own copies linked to a copy; a rerun never moves or doubles a link.
    """
    link = None
    if recode:
        row = conn.execute("SELECT duplicate_of, similarity FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is not None and row[0] is not None:
            return Link(row[0], float(row[1]))
        conn.execute("DELETE FROM doc_bands WHERE doc_id = ?", (doc_id,))
    else:
        link = probe(conn, doc_id, body, bands)
    if link is not None:
        conn.execute("UPDATE documents SET duplicate_of = ?, similarity = ? WHERE doc_id = ?",
                     (link.duplicate_of, link.similarity, doc_id))
        return link
    conn.executemany("INSERT OR IGNORE INTO doc_bands (band, doc_id) VALUES (?, ?)",
                     [(band, doc_id) for band in bands])
    return None
