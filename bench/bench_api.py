"""API latency over a 1-million-event store (not part of the test run).

Builds (once, then reuses) a synthetic SQLite store through the real schema — ``store.connect`` runs the
migrations — with bulk ``executemany`` inserts, then times filtered pages and other API calls in-process
through the real FastAPI app (TestClient: routing, validation, SQL, JSON), median of several runs.

    .venv/bin/python bench/bench_api.py [--events 1000000] [--db /tmp/dragoman-bench-1m.db] [--runs 7] [--only stats]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
import warnings
from pathlib import Path

from dragoman import query, store
from dragoman.codes import CAMEO_ROOT, PLOVER_QUAD, PLOVER_TYPES

COUNTRIES = ("COD", "RWA", "SDN", "ETH", "SOM", "UKR", "RUS", "ISR", "PSE", "MMR", "USA", "CHN", "IND", "PAK",
             "AFG", "IRQ", "SYR", "YEM", "NGA", "MLI", "LBY", "VEN", "COL", "MEX", "HTI", "UNO", "EUR", "NGO")
SECTORS = ("GOV", "MIL", "REB", "COP", "CVL", "JRN", "OPP", "IGO")
MODALITIES = ("asserted",) * 7 + ("future", "hypothetical", "negated", "historical")
EVENTS_PER_DOC = 20


def _record(rng: random.Random, i: int, doc_id: str) -> tuple:
    type_ = rng.choice(PLOVER_TYPES)
    a, r = rng.choice(COUNTRIES), rng.choice(COUNTRIES)
    day = 19000 + rng.randrange(1500)  # days since 1970: 2022-01-08 .. 2026-02-15
    date = time.strftime("%Y-%m-%d", time.gmtime(day * 86400))
    lat, lon = round(rng.uniform(-40, 60), 4), round(rng.uniform(-100, 140), 4)
    sentence = f"Synthetic sentence {i}: {a} forces acted against {r} targets near place {i % 5000}."
    start = (i % EVENTS_PER_DOC) * 120
    event_id = f"{i:016x}"
    record = {
        "event_id": event_id, "doc_id": doc_id, "source_id": f"bench/{doc_id}.txt", "type": type_, "mode": None,
        "cameo": CAMEO_ROOT[type_], "quad": PLOVER_QUAD[type_], "modality": rng.choice(MODALITIES),
        "actor": {"text": f"{a} forces", "name": f"{a} forces", "country": a, "sector": rng.choice(SECTORS),
                  "start": start + 25, "end": start + 35, "backer": None},
        "recipient": {"text": f"{r} targets", "name": f"{r} targets", "country": r, "sector": rng.choice(SECTORS),
                      "start": start + 50, "end": start + 61, "backer": None},
        "date": date, "date_precision": "day", "date_text": "on Monday",
        "location": {"name": f"place {i % 5000}", "geonameid": 100000 + i % 5000, "lat": lat, "lon": lon,
                     "country": r, "precision": "city", "start": None, "end": None},
        "counts": {"dead": rng.choice((None, None, None, 1, 5, 12)), "injured": None, "arrested": None,
                   "displaced": None, "bounds": None},
        "attribution": None,
        "evidence": {"sentence": sentence, "start": start, "end": start + len(sentence), "trigger": "acted",
                     "trigger_start": start + 32, "trigger_end": start + 37},
    }
    rec = record
    return (event_id, doc_id, type_, None, rec["cameo"], rec["quad"], rec["modality"], rec["actor"]["name"], a,
            rec["actor"]["sector"], rec["recipient"]["name"], r, rec["recipient"]["sector"], date, "day",
            rec["location"]["name"], r, rec["location"]["geonameid"], lat, lon, rec["counts"]["dead"], None, None,
            None, sentence, start, start + 32, json.dumps(record))


def build(db: Path, n_events: int, *, seed: int = 7) -> None:
    """Bulk-insert ``n_events`` synthetic events (and their documents) through the real schema."""
    rng = random.Random(seed)
    conn = store.connect(db)
    started = time.perf_counter()
    n_docs = (n_events + EVENTS_PER_DOC - 1) // EVENTS_PER_DOC
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO documents (doc_id, source_id, format, status, title, published, original, text, offsets, "
        "created_at) VALUES (?, ?, 'text', 'ok', ?, '2024-01-01', ?, ?, ?, '2024-01-01T00:00:00+00:00')",
        ((f"d{d:015x}", f"bench/d{d:015x}.txt", f"Bench document {d}", "x" * 2400, "x" * 2400, "[[0, 0, 2400]]")
         for d in range(n_docs)),
    )
    batch: list[tuple] = []
    for i in range(n_events):
        batch.append(_record(rng, i, f"d{i // EVENTS_PER_DOC:015x}"))
        if len(batch) == 50_000:
            conn.executemany(f"INSERT INTO events VALUES ({', '.join('?' * 28)})", batch)
            batch.clear()
            print(f"  {i + 1} events", file=sys.stderr)
    if batch:
        conn.executemany(f"INSERT INTO events VALUES ({', '.join('?' * 28)})", batch)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    print(f"built {n_events} events in {n_docs} documents in {time.perf_counter() - started:.1f}s -> {db}")


QUERIES: tuple[tuple[str, str, dict], ...] = (
    ("page, no filter, newest first", "/api/events", {"limit": 50}),
    ("type", "/api/events", {"type": "ASSAULT", "limit": 50}),
    ("country (actor or recipient)", "/api/events", {"country": "COD", "limit": 50}),
    ("country + month", "/api/events", {"country": "COD", "date_from": "2024-03-01", "date_to": "2024-03-31"}),
    ("type + country + year", "/api/events",
     {"type": "PROTEST", "country": "MMR", "date_from": "2024-01-01", "date_to": "2024-12-31"}),
    ("quad + modality", "/api/events", {"quad": "material_conflict", "modality": "future", "limit": 50}),
    ("actor code", "/api/events", {"actor": "RWA", "limit": 50}),
    ("recipient code + type", "/api/events", {"recipient": "SDN", "type": "AID", "limit": 50}),
    ("date range", "/api/events", {"date_from": "2024-06-01", "date_to": "2024-06-07", "limit": 50}),
    ("bbox (Great Lakes)", "/api/events", {"bbox": "28,-4,31,0", "limit": 50}),
    ("doc_id", "/api/events", {"doc_id": "d000000000001f40"}),
    ("page 5 of a type, sorted by date", "/api/events",
     {"type": "ACCUSE", "sort": "date", "offset": 200, "limit": 50}),
    ("max page (1000) of a country", "/api/events", {"country": "UKR", "limit": 1000}),
    ("text search q (substring scan)", "/api/events", {"q": "place 4242.", "limit": 50}),
    ("text search q, total skipped", "/api/events", {"q": "place 4242.", "limit": 50, "total": "false"}),
    ("one event", "/api/events/00000000000f4000", {}),
    ("one document with its events", "/api/docs/d000000000001f40", {}),
    ("text search q, common word", "/api/events", {"q": "targets near", "limit": 50}),
    ("actor name substring", "/api/events", {"actor": "forces", "limit": 50}),
    ("stats, no filter", "/api/stats", {}),
    ("stats, date range", "/api/stats", {"date_from": "2024-01-01", "date_to": "2024-06-30"}),
    ("stats, country", "/api/stats", {"country": "COD"}),
    ("stats, type", "/api/stats", {"type": "ASSAULT"}),
    ("stats, quad + modality", "/api/stats", {"quad": "material_conflict", "modality": "future"}),
    ("stats, type + date range", "/api/stats", {"type": "PROTEST", "date_from": "2024-01-01", "date_to": "2024-06-30"}),
    ("clusters, world zoom", "/api/clusters", {"zoom": 2}),
    ("clusters, type, world zoom", "/api/clusters", {"zoom": 2, "type": "ASSAULT"}),
    # One row per happening (migration 4): each row walked is probed for an earlier report of its happening.
    ("distinct: page, no filter", "/api/events", {"distinct": "true", "limit": 50}),
    ("distinct: country", "/api/events", {"distinct": "true", "country": "COD", "limit": 50}),
    ("distinct: type", "/api/events", {"distinct": "true", "type": "ASSAULT", "limit": 50}),
    ("distinct: type + country + year", "/api/events",
     {"distinct": "true", "type": "PROTEST", "country": "MMR", "date_from": "2024-01-01", "date_to": "2024-12-31"}),
    ("distinct: text search, common word", "/api/events", {"distinct": "true", "q": "targets near", "limit": 50}),
)


def write_cost(n_events: int) -> None:
    """Insert time of ``n_events`` into an empty store: migration 1 only (no triggers), migrations 1-3 (before the
    happening key) and every migration."""
    import tempfile

    for label, migrations in (("migration 1 only", store.MIGRATIONS[:1]), ("migrations 1-3", store.MIGRATIONS[:3]),
                              ("all migrations", store.MIGRATIONS)):
        saved = store.MIGRATIONS
        store.MIGRATIONS = migrations
        try:
            with tempfile.TemporaryDirectory() as tmp:
                started = time.perf_counter()
                build(Path(tmp) / "w.db", n_events)
                print(f"{label}: {n_events} events in {time.perf_counter() - started:.2f}s")
        finally:
            store.MIGRATIONS = saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/dragoman-bench-1m.db"))
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--write-cost", type=int, metavar="N", help="only time inserting N events, then stop")
    parser.add_argument("--only", metavar="TEXT", help="time only the queries whose name contains TEXT")
    args = parser.parse_args()
    if args.write_cost:
        write_cost(args.write_cost)
        return

    if args.rebuild:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.db}{suffix}").unlink(missing_ok=True)
    if args.db.exists():
        conn = store.connect(args.db, read_only=True)
        have = query.count_events(conn)
        conn.close()  # left open, it would keep the migration below from checkpointing its WAL
        if have != args.events:
            sys.exit(f"{args.db} holds {have} events, not {args.events}: pass --rebuild or another --db")
    else:
        build(args.db, args.events)
    # Any migration added since the store was built (e.g. new indexes) is applied here, as `dragoman code` would;
    # its WAL is folded into the file, else every request's fresh connection reads it first (+30 ms each).
    conn = store.connect(args.db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

        from dragoman.api import create_app

    client = TestClient(create_app(args.db))
    print(f"{'query':44} {'median ms':>9} {'max ms':>8} {'rows':>6} {'total':>8}")
    for name, path, params in QUERIES:
        if args.only and args.only not in name:
            continue
        times, body = [], {}
        for _ in range(args.runs):
            t0 = time.perf_counter()
            response = client.get(path, params=params)
            times.append((time.perf_counter() - t0) * 1000)
            if response.status_code != 200:
                sys.exit(f"{name}: HTTP {response.status_code}: {response.text[:300]}")
            body = response.json()
        rows = len(body.get("events", body.get("clusters", [])))
        total = body.get("total", "")
        print(f"{name:44} {statistics.median(times):9.1f} {max(times):8.1f} {rows:6} {total!s:>8}")


if __name__ == "__main__":
    main()
