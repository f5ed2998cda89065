"""Ingest + clean speed in documents/s over a few thousand documents (not a timed test).

Documents are generated from the bundled examples (text dumps, the HTML page, JSONL records),
each varied so no two are identical, plus the LGL news texts from ../shared/gold when present.
Prints one JSON line: {"docs", "seconds", "docs_per_s", "by_format": {...}}.

    python bench/bench_ingest.py [--docs 3000]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

from dragoman.clean import clean_article
from dragoman.ingest import iter_inputs
from dragoman.model import Article

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
LGL = ROOT.parent / "shared" / "gold" / "geo" / "LGL" / "lgl.xml"


def _vary(text: str, i: int) -> str:
    # Change the figures and add a line so every document has its own content hash.
    varied = re.sub(r"\b\d+\b", lambda m: str(int(m.group()) + i % 7), text)
    return varied.replace("\n\n", f"\n\nThe ministry said {i} people were affected. \n\n", 1)


def build_corpus(folder: Path, n_docs: int) -> int:
    texts = sorted(EXAMPLES.glob("*.txt"))
    pages = sorted(EXAMPLES.glob("*.html"))
    feeds = sorted(EXAMPLES.glob("*.jsonl"))
    written = 0
    if LGL.is_file():
        for article in ET.parse(LGL).getroot().iter("article"):
            body = article.findtext("text") or ""
            (folder / f"lgl-{article.get('docid')}.txt").write_text(body, encoding="utf-8")
            written += 1
    records = [json.loads(line) for feed in feeds for line in feed.read_text("utf-8").splitlines() if line.strip()]
    i = 0
    while written < n_docs:
        kind = i % 10
        if kind == 0 and pages:  # one in ten an HTML page
            page = pages[i % len(pages)].read_text("utf-8")
            (folder / f"page-{i:05d}.html").write_text(_vary(page, i), encoding="utf-8")
            written += 1
        elif kind == 1 and records:  # one in ten a JSONL file of all the example records
            lines = []
            for r in records:
                r = dict(r, id=f"{r['id']}-{i}")
                for key in ("text", "html"):
                    if key in r:
                        r[key] = _vary(r[key], i)
                lines.append(json.dumps(r, ensure_ascii=False))
            (folder / f"feed-{i:05d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
            written += len(lines)
        else:
            text = texts[i % len(texts)].read_text("utf-8")
            (folder / f"dump-{i:05d}.txt").write_text(_vary(text, i), encoding="utf-8")
            written += 1
        i += 1
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=3000, help="number of documents (default 3000)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="dragoman-bench-") as tmp:
        folder = Path(tmp)
        build_corpus(folder, args.docs)
        counts: Counter[str] = Counter()
        seconds: Counter[str] = Counter()
        started = time.perf_counter()
        cpu_started = time.process_time()
        items = iter_inputs([folder])
        while True:
            t0 = time.perf_counter()
            item = next(items, None)
            if item is None:
                break
            if isinstance(item, Article):
                clean_article(item)
                fmt = item.format if item.raw_html is None else "html"
            else:
                fmt = "rejected"
            counts[fmt] += 1
            seconds[fmt] += time.perf_counter() - t0
        total = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
    n = sum(counts.values())
    result = {
        "bench": "ingest+clean",
        "docs": n,
        "seconds": round(total, 2),
        "docs_per_s": round(n / total, 1),
        "cpu_seconds": round(cpu, 2),
        "docs_per_cpu_s": round(n / cpu, 1),  # the figure without other processes on the machine
        "by_format": {fmt: {"docs": counts[fmt], "docs_per_s": round(counts[fmt] / seconds[fmt], 1)}
                      for fmt in sorted(counts)},
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
