"""End-to-end coding speed and memory against a bare spaCy parse of the same texts.

    python bench/bench_coding.py [--docs 300] [--workers N]   (default: the default command, no --workers)

Baseline: ``nlp.pipe(texts, n_process=2)`` with the same model, timed after the model is
loaded. Ours: ``dragoman code`` as a fresh subprocess over the same texts written as files,
process start-up and model loading included. Peak memory is the largest summed RSS of our
process tree, sampled every 50 ms. CPU seconds of both sides are reported too (the baseline's
from its timed loop, ours for the whole process tree, start-up included): on a shared machine
their ratio moves less than the wall-time ratio. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold"


def load_texts(n: int) -> list[str]:
    lgl = GOLD / "geo" / "LGL" / "lgl.xml"
    if not lgl.exists():
        sys.exit(f"benchmark needs {lgl} (the LGL gold articles); it is absent")
    texts = [el.text or "" for el in ET.parse(lgl).getroot().iter("text")]
    return [t for t in texts if t.strip()][:n]


def _tree_rss(pid: int) -> int:
    """Summed resident memory (bytes) of pid and its descendants."""
    total = 0
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                parts = fh.read().rsplit(")", 1)[1].split()
            children.setdefault(int(parts[1]), []).append(int(entry))
        except OSError:
            continue
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/statm") as fh:
                total += int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except OSError:
            pass
        stack.extend(children.get(current, []))
    return total


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def run_ours(texts: list[str], workers: int | None) -> tuple[float, float, int, str]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for i, text in enumerate(texts):
            (folder / f"{i:04d}.txt").write_text(text, encoding="utf-8")
        db = Path(tmp) / "bench.db"
        command = [sys.executable, "-m", "dragoman", "code", str(folder), "--db", str(db), "--published", "2009-03-20"]
        if workers is not None:
            command += ["--workers", str(workers)]
        peak = 0
        cpu_before = _cpu(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

        def sample() -> None:
            nonlocal peak
            while process.poll() is None:
                peak = max(peak, _tree_rss(process.pid))
                time.sleep(0.05)

        sampler = threading.Thread(target=sample)
        sampler.start()
        out, err = process.communicate()
        elapsed = time.perf_counter() - started
        cpu = _cpu(resource.RUSAGE_CHILDREN) - cpu_before
        sampler.join()
        if process.returncode != 0:
            sys.exit(f"dragoman code failed: {err}")
        return elapsed, cpu, peak, out.strip()


def run_baseline(texts: list[str]) -> tuple[float, float]:
    import spacy

    from dragoman.nlp import MODEL_NAME

    nlp = spacy.load(MODEL_NAME)
    cpu_before = _cpu(resource.RUSAGE_SELF) + _cpu(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    for _doc in nlp.pipe(texts, n_process=2, batch_size=32):
        pass
    elapsed = time.perf_counter() - started
    return elapsed, _cpu(resource.RUSAGE_SELF) + _cpu(resource.RUSAGE_CHILDREN) - cpu_before


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--workers", type=int, default=None, help="default: none given, as a user runs it")
    args = parser.parse_args()
    texts = load_texts(args.docs)
    baseline, baseline_cpu = run_baseline(texts)
    ours, ours_cpu, peak, summary = run_ours(texts, args.workers)
    print(json.dumps({
        "docs": len(texts),
        "chars": sum(map(len, texts)),
        "baseline_spacy_pipe_n2_s": round(baseline, 2),
        "dragoman_code_s": round(ours, 2),
        "speed_ratio": round(baseline / ours, 3),
        # CPU seconds (user + system, all processes): steadier than wall time on a shared machine.
        "baseline_cpu_s": round(baseline_cpu, 2),
        "dragoman_cpu_s": round(ours_cpu, 2),
        "cpu_ratio": round(baseline_cpu / ours_cpu, 3),
        "dragoman_docs_per_s": round(len(texts) / ours, 1),
        "peak_rss_mb": round(peak / 2**20),
        "summary": summary,
    }))


if __name__ == "__main__":
    main()
