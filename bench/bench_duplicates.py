"""What near-duplicate detection costs: per document against coding time, and the store probe as the store grows.

    python bench/bench_duplicates.py [--docs 300] [--sizes 10000,100000]

1. Added cost. ``--docs`` LGL and GeoWebNews articles (and a furniture copy of every fifth, so the probe also
   links) are coded in this process (``pipeline.code_articles``, chunks of 16, model loaded and warmed first).
   Detection's cost is the MinHash band keys made in the worker (``duplicates.band_keys`` on each cleaned body,
   timed alone on the same bodies) plus the writer's part, timed inside ``store.write_coded`` as it stores the
   coded documents into a fresh store (the probe, the exact Jaccard of the candidates, the link or the band keys),
   plus ``code_files``' check of every input before the workers (``pipeline._stored_copy``: clean, band keys, a
   read-only probe; here against the store holding them all, so every copy is found and prepared).
   Reported as a share of the coding
   time (coding without detection), measured in the same run.
2. Probe as the store grows. Stores holding 10k and 100k synthetic original documents (bodies of 150 words drawn
   from a 20,000-word vocabulary by Zipf's law) with their band keys, written in bulk; then 200 new documents (half of
   them light rewrites of stored ones) go through ``store.write_coded`` one by one, as the pipeline's writer does.
   Reported: milliseconds per probe (``duplicates.probe`` alone) and per whole write, and the 100k/10k ratio (1.0:
   flat; 10.0: linear in the store). Prints JSON lines.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sqlite3
import sys
import tempfile
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

from dragoman import duplicates, store
from dragoman.ingest import article_from_text
from dragoman.model import CleanDoc, CodedDoc, OffsetMap, content_hash
from dragoman.pipeline import CHUNK_SIZE, _stored_copy, code_articles

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold"


def load_texts(n: int) -> list[str]:
    from dragoman.evaluate.geo import read_gold

    texts: list[str] = []
    for name in ("geo/LGL/lgl.xml", "geo/GeoWebNews/GWN.xml"):
        if (GOLD / name).exists():
            texts += [a.text for a in read_gold(GOLD / name) if a.text.strip()]
    if not texts:
        sys.exit(f"benchmark needs the LGL or GeoWebNews gold texts under {GOLD}; they are absent")
    base = texts[:n]
    return base + [f"Advertisement\n\n{text}\n\nShare this article" for text in base[::5]]


def added_cost(n: int) -> dict[str, object]:
    texts = load_texts(n)
    articles = [article_from_text(t, source_id=f"bench/{i}.txt", published="2024-01-01") for i, t in enumerate(texts)]
    code_articles(articles[:2])  # model, lexicons and place index loaded before the clock starts
    started = time.perf_counter()
    coded: list[CodedDoc] = []
    for i in range(0, len(articles), CHUNK_SIZE):
        coded += code_articles(articles[i:i + CHUNK_SIZE])
    coding = time.perf_counter() - started
    bodies = [c.clean.body for c in coded if c.clean is not None and c.status == "ok"]
    started = time.perf_counter()
    for body in bodies:
        duplicates.band_keys(body)
    signing = time.perf_counter() - started
    # The writer's part, timed where it runs: store._near_duplicate (probe, exact Jaccard, link or band keys),
    # inside write_coded's transaction. (Comparing whole writes with and without band keys measures mostly the
    # events the same-words copies no longer store, and the noise of a shared machine.)
    spent = [0.0]
    near_duplicate = store._near_duplicate

    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return near_duplicate(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - started

    with tempfile.TemporaryDirectory() as folder:
        conn = store.connect(Path(folder) / "with.db")
        store._near_duplicate = timed
        started = time.perf_counter()
        try:
            for doc in coded:
                store.write_coded(conn, doc)
        finally:
            store._near_duplicate = near_duplicate
        writing = time.perf_counter() - started
        linked = conn.execute("SELECT COUNT(*) FROM documents WHERE duplicate_of IS NOT NULL").fetchone()[0]
        same = conn.execute("SELECT COUNT(*) FROM documents WHERE similarity = 1.0").fetchone()[0]
        conn.close()
        # code_files' check before the workers (clean, band keys, probe of the store read-only), here against the
        # store now holding every document: each input is checked, the copies are found and prepared.
        reader = store.connect(Path(folder) / "with.db", read_only=True)
        started = time.perf_counter()
        found = sum(_stored_copy(reader, article) is not None for article in articles)
        checking = time.perf_counter() - started
        reader.close()
    writer = spent[0]
    base = coding - signing  # coding already makes the band keys in the worker
    return {"bench": "added_cost", "documents": len(coded), "linked": linked, "same_words": same,
            "coding_s": round(base, 2), "coding_ms_per_doc": round(1000 * base / len(coded), 1),
            "band_keys_ms_per_doc": round(1000 * signing / len(coded), 3),
            "write_ms_per_doc": round(1000 * writing / len(coded), 3),
            "writer_extra_ms_per_doc": round(1000 * writer / len(coded), 3),
            "precheck_ms_per_doc": round(1000 * checking / len(articles), 3), "precheck_found": found,
            "added_share": round((signing + writer + checking) / base, 4)}


def _vocabulary(rng: random.Random, size: int = 20_000) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(3, 9))) for _ in range(size)]


def _body(rng: random.Random, vocabulary: list[str], words: int = 150) -> str:
    # Zipf's law (weight 1/rank, the commonest word ~9 % of the text, as "the" is in English news): shared
    # function words make unrelated bodies share some shingles, as real ones do.
    return " ".join(rng.choices(vocabulary, cum_weights=_cumulative(len(vocabulary)), k=words)) + "."


@lru_cache(maxsize=2)
def _cumulative(size: int) -> list[float]:
    return list(itertools.accumulate(1 / rank for rank in range(1, size + 1)))


def _fill(conn: sqlite3.Connection, size: int, rng: random.Random, vocabulary: list[str]) -> list[str]:
    bodies = []
    conn.execute("BEGIN")
    for i in range(size):
        body = _body(rng, vocabulary)
        doc_id = content_hash("synthetic", str(i))
        conn.execute("INSERT INTO documents (doc_id, source_id, status, original, text, created_at) "
                     "VALUES (?, ?, 'ok', ?, ?, '2024-01-01')", (doc_id, f"s{i}", body, body))
        conn.executemany("INSERT OR IGNORE INTO doc_bands VALUES (?, ?)",
                         [(band, doc_id) for band in duplicates.band_keys(body)])
        bodies.append(body)
    conn.execute("COMMIT")
    return bodies


def _rewrite(body: str, rng: random.Random) -> str:
    words = body.split()
    for _ in range(6):
        words[rng.randrange(len(words))] = "changed"
    return " ".join(words)


def probe_growth(sizes: list[int], *, new: int = 200) -> list[dict[str, object]]:
    rng = random.Random(7)
    vocabulary = _vocabulary(rng)
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            conn = store.connect(Path(folder) / f"grow{size}.db")
            stored = _fill(conn, size, rng, vocabulary)
            bodies = [_rewrite(rng.choice(stored), rng) if i % 2 else _body(rng, vocabulary) for i in range(new)]
            keys = [duplicates.band_keys(b) for b in bodies]
            started = time.perf_counter()
            for i, (body, bands) in enumerate(zip(bodies, keys)):
                duplicates.probe(conn, f"probe{i}", body, bands)
            probing = time.perf_counter() - started
            started = time.perf_counter()
            for i, (body, bands) in enumerate(zip(bodies, keys)):
                clean = CleanDoc(body=body, offsets=OffsetMap.identity(len(body)), language="en")
                store.write_coded(conn, CodedDoc(content_hash("new", str(size), str(i)), f"n{i}", "ok", None, body,
                                                 "text", clean=clean, bands=bands))
            writing = time.perf_counter() - started
            linked = conn.execute("SELECT COUNT(*) FROM documents WHERE duplicate_of IS NOT NULL").fetchone()[0]
            conn.close()
            rows.append({"bench": "probe", "stored": size, "new": new, "linked": linked,
                         "probe_ms": round(1000 * probing / new, 3), "write_ms": round(1000 * writing / new, 3)})
    if len(rows) > 1:
        rows.append({"bench": "probe_ratio", "stored": [r["stored"] for r in rows],
                     "probe_ratio": round(float(rows[-1]["probe_ms"]) / float(rows[0]["probe_ms"]), 2),  # type: ignore[arg-type]
                     "write_ratio": round(float(rows[-1]["write_ms"]) / float(rows[0]["write_ms"]), 2)})  # type: ignore[arg-type]
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--skip-coding", action="store_true", help="only the probe as the store grows")
    args = parser.parse_args()
    if not args.skip_coding:
        print(json.dumps(added_cost(args.docs)), flush=True)
    for row in probe_growth([int(s) for s in args.sizes.split(",") if s.strip()]):  # --sizes "": none
        print(json.dumps(row), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
