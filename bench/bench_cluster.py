"""Coding on a Dask LocalCluster of 1 and 2 workers against the local pool and a bare spaCy parse, same run.

    python bench/bench_cluster.py [--docs 3000] [--chunk N]

Documents: the LGL gold articles (588), repeated until there are ``--docs``, each copy with its own numbered
closing sentence (identical content would be stored once). They are written as files and coded with
``code_files`` into a fresh store each time:

* baseline: ``nlp.pipe(texts, n_process=2, batch_size=32)`` with the same model, loaded before the clock starts;
* local: ``code_files(workers="auto")`` (the forked pool, 2 processes here), worker start-up included;
* cluster N: a ``LocalCluster`` of N single-threaded worker processes started and warmed up first (its start-up
  is reported apart), then ``code_files(cluster=address)``; the client (this process, with the scheduler in it)
  reads and writes SQLite while the workers code.

Scaling efficiency = (docs/s with 2 workers / docs/s with 1) / 2. CPU seconds are given for the workers and the
client. The paper estimate of the cores needed for 1M articles a day uses the measured worker CPU-seconds per
document (the cost of coding one document on one core). Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from bench_coding import load_texts

PER_DAY = 1_000_000
SECONDS_PER_DAY = 86_400


def build_texts(n: int) -> list[str]:
    """``n`` texts, all different: the LGL articles again and again, each copy with a numbered sentence."""
    base = load_texts(10_000)
    return [f"{base[i % len(base)].rstrip()}\n\nThis is report {i + 1} of the archive, filed on {i % 28 + 1} March."
            for i in range(n)]


def write_inputs(texts: list[str], folder: Path) -> None:
    folder.mkdir()
    for i, text in enumerate(texts):
        (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")


def _cpu_self() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _cpu_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_baseline(texts: list[str]) -> dict[str, float]:
    import spacy

    from dragoman.nlp import MODEL_NAME

    nlp = spacy.load(MODEL_NAME)
    cpu = _cpu_self() + _cpu_children()
    started = time.perf_counter()
    for _doc in nlp.pipe(texts, n_process=2, batch_size=32):
        pass
    seconds = time.perf_counter() - started
    return {"s": round(seconds, 1), "docs_per_s": round(len(texts) / seconds, 1),
            "cpu_s": round(_cpu_self() + _cpu_children() - cpu, 1), "load": os.getloadavg()[0]}


def run_local(folder: Path, db: Path, docs: int) -> dict[str, object]:
    from dragoman.pipeline import code_files

    cpu = _cpu_self() + _cpu_children()
    started = time.perf_counter()
    summary = code_files([folder], db=db, published="2009-03-20", workers="auto")
    seconds = time.perf_counter() - started
    assert summary.coded + summary.skipped + summary.failed == docs, summary
    return {"s": round(seconds, 1), "docs_per_s": round(docs / seconds, 1),
            "cpu_s": round(_cpu_self() + _cpu_children() - cpu, 1), "events": summary.events,
            "load": os.getloadavg()[0], "failed": summary.failed}


def _worker_cpu(client: object) -> float:
    def used() -> float:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime

    return sum(client.run(used).values())  # type: ignore[attr-defined]


def run_cluster(workers: int, folder: Path, db: Path, docs: int, warm: Path) -> dict[str, object]:
    from distributed import Client, LocalCluster

    from dragoman.pipeline import code_files

    started = time.perf_counter()
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                           silence_logs=40)
    try:
        address = cluster.scheduler_address
        code_files([warm], db=db.with_suffix(".warm.db"), published="2009-03-20", cluster=address)
        start_up = time.perf_counter() - started
        with Client(address) as client:
            worker_cpu = _worker_cpu(client)
            client_cpu = _cpu_self()
            started = time.perf_counter()
            summary = code_files([folder], db=db, published="2009-03-20", cluster=address)
            seconds = time.perf_counter() - started
            client_cpu = _cpu_self() - client_cpu
            worker_cpu = _worker_cpu(client) - worker_cpu
    finally:
        cluster.close()
    assert summary.coded + summary.skipped + summary.failed == docs, summary
    return {"workers": workers, "start_up_s": round(start_up, 1), "s": round(seconds, 1), "load": os.getloadavg()[0],
            "docs_per_s": round(docs / seconds, 1), "worker_cpu_s": round(worker_cpu, 1),
            "client_cpu_s": round(client_cpu, 1), "events": summary.events, "failed": summary.failed}


def _same_events(one: Path, other: Path) -> bool:
    import sqlite3

    def ids(db: Path) -> list[str]:
        conn = sqlite3.connect(db)
        try:
            return [row[0] for row in conn.execute("SELECT event_id FROM events ORDER BY rowid")]
        finally:
            conn.close()

    return ids(one) == ids(other)


def estimate(per_doc_cpu: float, client_per_doc: float, efficiency: float) -> dict[str, float]:
    """Cores for ``PER_DAY`` documents a day, from the measured cost of one document on one core."""
    rate = PER_DAY / SECONDS_PER_DAY
    cores = rate * per_doc_cpu
    return {"docs_per_s_needed": round(rate, 2), "worker_cpu_s_per_doc": round(per_doc_cpu, 4),
            "cores_at_full_use": round(cores, 1),
            "cores_at_measured_efficiency": round(cores / efficiency, 1) if efficiency else float("nan"),
            # The one writer: what share of one core the client needs at that rate.
            "client_core_share": round(rate * client_per_doc, 2)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--chunk", type=int, default=None, help="documents per task (default pipeline.CHUNK_SIZE)")
    args = parser.parse_args()
    if args.chunk:
        from dragoman import pipeline

        pipeline.CHUNK_SIZE = args.chunk
    texts = build_texts(args.docs)
    assert len(set(texts)) == len(texts)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_inputs(texts, root / "in")
        warm = root / "warm.txt"
        warm.write_text("Kenyan police arrested 30 protesters in Nairobi on Tuesday.", encoding="utf-8")
        baseline = run_baseline(texts)
        print("baseline", baseline, file=sys.stderr, flush=True)
        local = run_local(root / "in", root / "local.db", len(texts))
        print("local", local, file=sys.stderr, flush=True)
        clusters = []
        for workers in (1, 2):
            clusters.append(run_cluster(workers, root / "in", root / f"dask{workers}.db", len(texts), warm))
            print("cluster", clusters[-1], file=sys.stderr, flush=True)
        same = all(_same_events(root / "local.db", root / f"dask{n}.db") for n in (1, 2))
    one, two = clusters
    speed_up = float(two["docs_per_s"]) / float(one["docs_per_s"])  # type: ignore[arg-type]
    efficiency = speed_up / 2
    # CPU-seconds (workers + client) per document with 1 worker over those with 2: the cost of spreading the work,
    # apart from how busy the machine was (the wall-time efficiency moves with other jobs on the same cores).
    cpu_one = float(one["worker_cpu_s"]) + float(one["client_cpu_s"])  # type: ignore[arg-type]
    cpu_two = float(two["worker_cpu_s"]) + float(two["client_cpu_s"])  # type: ignore[arg-type]
    per_doc = float(two["worker_cpu_s"]) / len(texts)  # type: ignore[arg-type]
    client_per_doc = float(two["client_cpu_s"]) / len(texts)  # type: ignore[arg-type]
    print(json.dumps({
        "docs": len(texts), "chars": sum(map(len, texts)), "cores": os.cpu_count(),
        "baseline_spacy_pipe_n2": baseline, "local_workers_auto": local, "cluster_1": one, "cluster_2": two,
        "speed_up_1_to_2": round(speed_up, 3), "scaling_efficiency": round(efficiency, 3),
        "cpu_efficiency_1_to_2": round(cpu_one / cpu_two, 3),
        "cluster_2_vs_baseline": round(float(two["docs_per_s"]) / baseline["docs_per_s"], 3),  # type: ignore[arg-type]
        "cluster_2_vs_local": round(float(two["docs_per_s"]) / float(local["docs_per_s"]), 3),  # type: ignore[arg-type]
        "same_event_ids_as_local": same,
        "one_million_a_day": estimate(per_doc, client_per_doc, efficiency),
        "load_average": os.getloadavg(),
    }))


if __name__ == "__main__":
    main()
