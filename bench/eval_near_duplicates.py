"""Near-duplicate detection on the LGL and GeoWebNews texts with generated copies: precision, recall, F1 of pairs.

    python bench/eval_near_duplicates.py [--gold ../shared/gold] [--grid] [--every 3] [--half dev|heldout]

Corpus. Every LGL and GeoWebNews article (788 real news texts), cut into paragraphs of three sentences under its
first sentence as the headline. Every ``--every``-th article also gets five generated copies, as wire copies and
light rewrites look: (1) other furniture lines (share buttons, a copyright line, "Advertisement", a related-story
link), (2) its paragraphs reordered, (3) another headline, (4) one sentence lightly edited (a word replaced, one
dropped, a figure changed), (5) a truncated copy (the first 70 % of its paragraphs). The copies are mixed with all
the unrelated articles and handed over in a shuffled order (seed 13), so a copy may come before its original.

Scoring. An article and its copies are one gold group; every pair inside a group is a gold duplicate pair. The
predicted groups are the documents linked together (a copy and its original); every pair inside a predicted
group is a predicted pair. Articles are split in halves by position (even: development, odd: held out), each
half run as its own corpus. ``--grid`` sweeps shingle size, LSH threshold and the exact-Jaccard floor on the
development half (the choice in duplicates.py came from it); without it the shipped settings are run through a
real store (``store.write_coded`` with each body's band keys, one document at a time, as the pipeline's writer
does). Bodies go through the real cleaner first. Prints one JSON line per half. Without the gold folder it says
so and exits 0.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from dragoman import duplicates, store
from dragoman.clean import clean_text
from dragoman.model import CodedDoc, OffsetMap, content_hash

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold"
SETS = ("geo/LGL/lgl.xml", "geo/GeoWebNews/GWN.xml")
FURNITURE = ("Advertisement", "Share this article: Facebook Twitter Email", "Follow us on Twitter for the latest news",
             "Copyright 2024 The Daily Courier. All rights reserved.", "Sign up for our morning newsletter",
             "Photo: Associated Press")
SEED = 13


@dataclass(frozen=True, slots=True)
class Doc:
    key: str  # unique name
    group: str  # gold group: the original article's key
    text: str


def read_articles(gold: Path) -> list[str]:
    from dragoman.evaluate.geo import read_gold

    texts: list[str] = []
    for name in SETS:
        texts += [a.text for a in read_gold(gold / name) if a.text.strip()]
    return texts


_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"\u201d]))\s+(?=[A-Z\"\u201c])")


def layout(text: str) -> tuple[str, list[str]]:
    """A headline (the first sentence) and paragraphs of three sentences."""
    sentences = [s for s in _SENTENCE_END.split(" ".join(text.split())) if s]
    head, rest = sentences[0], sentences[1:] or [sentences[0]]
    return head, [" ".join(rest[i:i + 3]) for i in range(0, len(rest), 3)]


def compose(head: str, paragraphs: Sequence[str]) -> str:
    return "\n\n".join([head, *paragraphs]) + "\n"


def _edit_sentence(paragraph: str, rng: random.Random) -> str:
    words = paragraph.split()
    if len(words) < 8:
        return paragraph + " Officials confirmed it."
    i = rng.randrange(2, len(words) - 2)
    words[i] = rng.choice(("reportedly", "also", "later", "officially", "again"))
    del words[rng.randrange(2, len(words) - 2)]
    digits = [j for j, w in enumerate(words) if any(c.isdigit() for c in w)]
    if digits:
        j = rng.choice(digits)
        words[j] = re.sub(r"\d", lambda m: str((int(m.group()) + 1) % 10), words[j], count=1)
    return " ".join(words)


def variants(text: str, rng: random.Random, others: Sequence[str]) -> dict[str, str]:
    head, paragraphs = layout(text)
    furnished = [FURNITURE[0], *paragraphs[:1], rng.choice(FURNITURE[1:3]),
                 f"Related: {layout(rng.choice(others))[0]}", *paragraphs[1:], *FURNITURE[3:]]
    shuffled = paragraphs[:]
    while len(shuffled) > 1 and shuffled == paragraphs:
        rng.shuffle(shuffled)
    edited = paragraphs[:]
    k = rng.randrange(len(edited))
    edited[k] = _edit_sentence(edited[k], rng)
    keep = max(1, round(len(paragraphs) * 0.7))
    return {
        "original": compose(head, paragraphs),
        "furniture": compose(head, furnished),
        "reordered": compose(head, shuffled),
        "headline": compose(f"UPDATE: {' '.join(head.split()[:6])} - latest", paragraphs),
        "edited": compose(head, edited),
        "truncated": compose(head, paragraphs[:keep]),
    }


def copies_in_gold(texts: Sequence[str], *, floor: float = 0.8) -> dict[int, int]:
    """Articles the gold sets hold twice (LGL has a few, one with a dateline added): index -> its first copy's,
    by an exact Jaccard of at least ``floor``. They are one gold group, not false pairs."""
    sets = [duplicates.shingles(text) for text in texts]
    buckets: defaultdict[int, list[int]] = defaultdict(list)
    for i, text in enumerate(texts):  # pairs above 0.8 share a band key all but surely (1 - (1 - 0.8^5)^25)
        for band in duplicates.band_keys(text):
            buckets[band].append(i)
    first: dict[int, int] = {}
    for i, j in sorted({p for b in buckets.values() for p in itertools.combinations(b, 2)}):
        if j not in first and duplicates.jaccard(sets[i], sets[j]) >= floor:
            first[j] = first.get(i, i)
    return first


def corpus(texts: Sequence[str], *, every: int, seed: int = SEED) -> list[Doc]:
    rng = random.Random(seed)
    docs: list[Doc] = []
    same = copies_in_gold(texts)
    for i, text in enumerate(texts):
        key = f"a{i}"
        group = f"a{same.get(i, i)}"
        if i % every:
            head, paragraphs = layout(text)
            docs.append(Doc(key, group, compose(head, paragraphs)))
            continue
        for kind, body in variants(text, rng, texts).items():
            docs.append(Doc(f"{key}-{kind}", group, body))
    rng.shuffle(docs)
    return docs


def cleaned(doc: Doc) -> str:
    return clean_text(doc.text, title=None, extracted=False, source=doc.key).body


def pairs_of(groups: dict[str, str]) -> set[tuple[str, str]]:
    """Every pair of keys sharing a group (each pair sorted)."""
    members: defaultdict[str, list[str]] = defaultdict(list)
    for key, group in groups.items():
        members[group].append(key)
    return {tuple(sorted(p)) for m in members.values() for p in itertools.combinations(m, 2)}  # type: ignore[misc]


def score(gold: set[tuple[str, str]], found: set[tuple[str, str]]) -> dict[str, float | int]:
    right = len(gold & found)
    precision = right / len(found) if found else 1.0
    recall = right / len(gold) if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"gold_pairs": len(gold), "found_pairs": len(found), "right": right, "precision": round(precision, 4),
            "recall": round(recall, 4), "f1": round(f1, 4)}


def simulate(docs: Sequence[Doc], bodies: dict[str, str], *, k: int, lsh: float,
             min_jaccard: float) -> dict[str, str]:
    """duplicates.record's rule in memory (originals indexed, top candidates checked exactly): key -> group."""
    from datasketch import MinHashLSH  # a development dependency: the band layout it picks for each threshold

    layout = MinHashLSH(threshold=lsh, num_perm=duplicates.NUM_PERM)
    index: defaultdict[int, list[str]] = defaultdict(list)
    root: dict[str, str] = {}
    for doc in docs:
        body = bodies[doc.key]
        bands = duplicates.band_keys(body, k=k, bands=layout.b, rows=layout.r)
        shared = Counter(other for band in bands for other in index[band])
        top = [other for other, _n in shared.most_common(duplicates.MAX_CANDIDATES)]
        link = duplicates.best_original(body, [(o, bodies[o]) for o in top], k=k, min_jaccard=min_jaccard)
        if link is None:
            root[doc.key] = doc.key
            for band in bands:
                index[band].append(doc.key)
        else:
            root[doc.key] = link.duplicate_of
    return root


def through_store(docs: Sequence[Doc], bodies: dict[str, str]) -> tuple[dict[str, str], float]:
    """The shipped settings through a real store, one write_coded per document: key -> group, seconds."""
    with tempfile.TemporaryDirectory() as folder:
        conn = store.connect(Path(folder) / "dup.db")
        ids: dict[str, str] = {}  # doc_id -> the first key stored under it
        keys: dict[str, str] = {}  # key -> doc_id: the same text twice is one document (content hash)
        started = time.perf_counter()
        for doc in docs:
            body = bodies[doc.key]
            doc_id = content_hash(doc.text)
            ids.setdefault(doc_id, doc.key)
            keys[doc.key] = doc_id
            coded = CodedDoc(doc_id, doc.key, "ok", None, doc.text, "text",
                             clean=_clean_doc(body), bands=duplicates.band_keys(body))
            store.write_coded(conn, coded)
        seconds = time.perf_counter() - started
        rows = conn.execute("SELECT doc_id, coalesce(duplicate_of, doc_id) FROM documents").fetchall()
        conn.close()
    root = {ids[a]: ids[b] for a, b in rows}
    return {key: root[ids[doc_id]] for key, doc_id in keys.items()}, seconds


def _clean_doc(body: str) -> object:
    from dragoman.model import CleanDoc

    return CleanDoc(body=body, offsets=OffsetMap.identity(len(body)), language="en")


def grid(docs: Sequence[Doc], bodies: dict[str, str], gold: set[tuple[str, str]]) -> list[dict[str, object]]:
    rows = []
    for k, lsh in itertools.product((3, 4, 5, 7), (0.2, 0.3, 0.4, 0.5)):
        for min_j in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7):
            if min_j < lsh - 0.1:
                continue
            found = pairs_of(simulate(docs, bodies, k=k, lsh=lsh, min_jaccard=min_j))
            rows.append({"k": k, "lsh": lsh, "min_jaccard": min_j, **score(gold, found)})
    return sorted(rows, key=lambda r: -float(r["f1"]))  # type: ignore[arg-type]


def run(gold_dir: Path, *, every: int = 3, search: bool = False,
        halves: Sequence[str] = ("dev", "heldout")) -> list[dict[str, object]]:
    texts = read_articles(gold_dir)
    out = []
    for half, name in ((0, "dev"), (1, "heldout")):
        if name not in halves:
            continue
        docs = corpus(texts[half::2], every=every)
        bodies = {doc.key: cleaned(doc) for doc in docs}
        gold = pairs_of({doc.key: doc.group for doc in docs})
        if search:
            if name == "dev":  # the held-out half is never looked at while choosing
                out.append({"half": name, "grid": grid(docs, bodies, gold)[:12]})
            continue
        root, seconds = through_store(docs, bodies)
        by_kind = {kind: score({p for p in gold if any(key.endswith(f"-{kind}") for key in p)},
                               {p for p in pairs_of(root) if any(key.endswith(f"-{kind}") for key in p)})["recall"]
                   for kind in ("furniture", "reordered", "headline", "edited", "truncated")}
        out.append({"half": name, "documents": len(docs), "groups": len({d.group for d in docs}),
                    **score(gold, pairs_of(root)), "recall_by_copy": by_kind,
                    "store_ms_per_doc": round(1000 * seconds / len(docs), 2),
                    "settings": {"k": duplicates.SHINGLE_WORDS, "num_perm": duplicates.NUM_PERM,
                                 "lsh": duplicates.LSH_THRESHOLD, "min_jaccard": duplicates.MIN_JACCARD}})
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--every", type=int, default=3, help="every N-th article gets generated copies")
    parser.add_argument("--grid", action="store_true", help="sweep the settings (development half chooses)")
    parser.add_argument("--half", choices=("dev", "heldout"), help="run one half only (default: both)")
    args = parser.parse_args()
    if not all((args.gold / name).exists() for name in SETS):
        print(f"gold data not found under {args.gold} (needs {', '.join(SETS)}): nothing to evaluate")
        return 0
    halves = (args.half,) if args.half else ("dev", "heldout")
    for row in run(args.gold, every=args.every, search=args.grid, halves=halves):
        print(json.dumps(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
