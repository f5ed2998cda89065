"""Export speed over a 100k-event store (not part of the test run): Parquet against the CSV export of the same run.

The store is synthetic and built once (then reused) through the real write path: ``store.write_coded`` of
documents whose events are model dataclasses (``Event``, ``Actor``, ``Place`` ...), 20 per document, with the
read-side triggers of every migration. Types, modes, countries and sectors are drawn at random; dates spread over
two years (24 month partitions, 5 % undated); places are 3,000 real GeoNames places of the gazetteer, so every
admin-1 lookup is a real one. Timed, in this process:

* ``export_files.export_to_path`` to Parquet (target: <= 10 s for 100k events) and to CSV (the baseline, the
  same flattened rows through the existing writer), both with the CLI's default filter (asserted) and with all;
* the ACLED-, GDELT-style and JSONL exports of the asserted events;
* DuckDB reading the Parquet folder back: a count, and a group-by month and type;
* the peak memory of a ``dragoman export --format parquet`` process (bounded: batches, not one list).

    .venv/bin/python bench/bench_export.py [--events 100000] [--db /tmp/dragoman-bench-export.db]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dragoman import gazetteer, query, store
from dragoman.codes import CAMEO_ROOT, PLOVER_QUAD, PLOVER_TYPES
from dragoman.export_files import export_to_path
from dragoman.ingest import article_from_text
from dragoman.model import (
    Actor,
    CleanDoc,
    CodedDoc,
    Counts,
    Event,
    Evidence,
    OffsetMap,
    Place,
    When,
    event_id_for,
)

EVENTS_PER_DOC = 20
COUNTRIES = ("COD", "RWA", "SDN", "ETH", "SOM", "UKR", "RUS", "ISR", "PSE", "MMR", "USA", "NGA", "MLI", "UNO")
SECTORS = ("GOV", "MIL", "REB", "COP", "CVL", "JRN", None)
MODES = {"ASSAULT": ("heavy-weapons", "firearms", "aerial", "explosives", None), "PROTEST": ("demo", "riot", None),
         "COERCE": ("arrest", "seize", None)}
MODALITIES = ("asserted",) * 7 + ("future", "hypothetical", "negated", "historical")


def _places(n: int) -> list[tuple[int, str, float, float, str]]:
    conn = sqlite3.connect(f"file:{gazetteer.build_index()}?mode=ro", uri=True)
    try:
        return [tuple(row) for row in conn.execute(  # type: ignore[misc]
            "SELECT geonameid, name, lat, lon, country FROM places WHERE fcode LIKE 'PPL%' AND country != '' "
            "ORDER BY population DESC LIMIT ?", (n,))]
    finally:
        conn.close()


def _doc(rng: random.Random, d: int, places: list[tuple[int, str, float, float, str]]) -> CodedDoc:
    sentences = [f"Sentence {i} of synthetic report {d}: forces acted near a town." for i in range(EVENTS_PER_DOC)]
    text = f"Synthetic report {d}\n\n" + " ".join(sentences)
    article = article_from_text(text, source_id=f"bench/report-{d}.txt", published="2024-06-30")
    events = []
    for sentence in sentences:
        start = text.index(sentence)
        type_ = rng.choice(PLOVER_TYPES)
        a, r = rng.choice(COUNTRIES), rng.choice(COUNTRIES)
        gid, name, lat, lon, country = rng.choice(places)
        day = None if rng.random() < 0.05 else f"{rng.choice((2023, 2024))}-{rng.randrange(1, 13):02d}-" \
                                                f"{rng.randrange(1, 29):02d}"
        events.append(Event(
            event_id=event_id_for(article.doc_id, type_, start + 30, a, r), doc_id=article.doc_id,
            source_id=article.source_id, type=type_, mode=rng.choice(MODES.get(type_, (None,))),
            cameo=CAMEO_ROOT[type_], quad=PLOVER_QUAD[type_], modality=rng.choice(MODALITIES),
            actor=Actor(text=f"{a} forces", name=f"{a} forces", country=a, sector=rng.choice(SECTORS)),
            recipient=Actor(text=f"{r} people", name=f"{r} people", country=r, sector=rng.choice(SECTORS)),
            evidence=Evidence(sentence=sentence, start=start, end=start + len(sentence), trigger="acted",
                              trigger_start=start + 30, trigger_end=start + 35),
            when=When(date=day, precision="day" if day else None),
            location=Place(name=name, geonameid=gid, lat=lat, lon=lon, country=country, precision="city"),
            counts=Counts(dead=rng.choice((None, None, None, 1, 4, 12))),
        ))
    clean = CleanDoc(body=text, offsets=OffsetMap.identity(len(text)), title=f"Synthetic report {d}", language="en")
    return CodedDoc(doc_id=article.doc_id, source_id=article.source_id, status="ok", error=None, original=text,
                    format="text", article=article, clean=clean, events=tuple(events))


def build(path: Path, n_events: int) -> float:
    """The store at ``path`` with ``n_events`` events (reused when it has them); seconds spent building."""
    if path.exists():
        conn = store.connect(path, read_only=True)
        have = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        conn.close()
        if have == n_events:
            return 0.0
        path.unlink()
    started = time.perf_counter()
    rng = random.Random(14)
    places = _places(3000)
    conn = store.connect(path)
    try:
        for d in range(n_events // EVENTS_PER_DOC):
            store.write_coded(conn, _doc(rng, d, places))
    finally:
        conn.close()
    return time.perf_counter() - started


def _timed_export(db: Path, fmt: str, out: Path, event_filter: query.EventFilter) -> tuple[float, int]:
    conn = store.connect(db, read_only=True)
    try:
        started = time.perf_counter()
        summary = export_to_path(conn, event_filter, fmt, out, force=True)
        return time.perf_counter() - started, summary.rows
    finally:
        conn.close()


def _duckdb(folder: Path) -> tuple[float, float, int]:
    import duckdb

    con = duckdb.connect()
    source = f"read_parquet('{folder}/*/*.parquet', hive_partitioning = true)"
    started = time.perf_counter()
    count = con.execute(f"SELECT count(*) FROM {source}").fetchone()[0]  # type: ignore[index]
    counted = time.perf_counter() - started
    started = time.perf_counter()
    con.execute(f"SELECT month, type, count(*), sum(dead) FROM {source} GROUP BY ALL ORDER BY ALL").fetchall()
    return counted, time.perf_counter() - started, int(count)


def _process_peak(db: Path, out: Path, *filters: str) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of a process running `dragoman export --format parquet` with ``filters``."""
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec, so a child would report this process's peak.
    code = ("import sys\nfrom dragoman.cli import main\n"
            "try:\n    main(sys.argv[1:])\nexcept SystemExit as exit:\n    assert not exit.code, exit.code\n"
            "print([line.split()[1] for line in open('/proc/self/status') if line.startswith('VmHWM')][0])")
    started = time.perf_counter()
    run = subprocess.run([sys.executable, "-c", code, "export", "--db", str(db), "--format", "parquet", "--out",
                          str(out), "--force", *filters], check=True, capture_output=True, text=True)
    return time.perf_counter() - started, int(run.stdout.split()[-1]) / 1024


def _first_doc(db: Path) -> str:
    conn = store.connect(db, read_only=True)
    try:
        return str(conn.execute("SELECT doc_id FROM documents ORDER BY rowid LIMIT 1").fetchone()[0])
    finally:
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/dragoman-bench-export.db"))
    args = parser.parse_args()
    built = build(args.db, args.events)
    print(f"store: {args.events} events in {args.db} ({args.db.stat().st_size / 1e6:.0f} MB)"
          + (f", built in {built:.0f}s" if built else ", reused"))
    work = Path(tempfile.mkdtemp(prefix="dragoman-bench-export-"))
    try:
        everything, asserted = query.EventFilter(), query.EventFilter(modality="asserted")
        for label, flt in (("all modalities", everything), ("asserted (the CLI default)", asserted)):
            pq_s, rows = _timed_export(args.db, "parquet", work / "events.parquet", flt)
            csv_s, csv_rows = _timed_export(args.db, "csv", work / "events.csv", flt)
            assert rows == csv_rows
            print(f"{label}: {rows} events  parquet {pq_s:.2f}s ({rows / pq_s:,.0f} events/s)  csv {csv_s:.2f}s  "
                  f"parquet/csv {pq_s / csv_s:.2f}x")
        for fmt in ("acled", "gdelt", "jsonl"):
            seconds, rows = _timed_export(args.db, fmt, work / f"events.{fmt}", asserted)
            print(f"{fmt} (asserted): {rows} events in {seconds:.2f}s ({rows / seconds:,.0f} events/s)")
        counted, grouped, count = _duckdb(work / "events.parquet")  # the asserted export, written last
        print(f"duckdb read back: count {count} in {counted * 1000:.0f} ms, group by month and type "
              f"{grouped * 1000:.0f} ms")
        size = sum(f.stat().st_size for f in (work / "events.parquet").rglob("*.parquet")) / 1e6
        months = len(list((work / "events.parquet").iterdir()))
        csv_mb = (work / "events.csv").stat().st_size / 1e6
        print(f"parquet folder: {months} month partitions, {size:.1f} MB; csv {csv_mb:.1f} MB")
        seconds, peak = _process_peak(args.db, work / "all.parquet", "--modality", "all")
        one_doc = _first_doc(args.db)
        _, baseline = _process_peak(args.db, work / "one.parquet", "--doc-id", one_doc, "--modality", "all")
        print(f"dragoman export process (all modalities): {seconds:.1f}s wall, peak RSS {peak:.0f} MB against "
              f"{baseline:.0f} MB exporting one document's {EVENTS_PER_DOC} events (imports, gazetteer)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
