"""Coding one ~5 MB text (the --max-bytes default) against a bare spaCy parse of the same text.

    python bench/bench_long_document.py [--bytes 4990000]

The text is the demo's stories (examples/*.txt, cleaned) over and over, each copy on another day and
numbered, in paragraphs, written as one .txt file. Each side runs in a fresh process of its own, so that
its peak RSS (``resource.getrusage``) is its own; the model load is timed apart from the work:

* baseline: the stock model (``spacy.load``), the file's text cut at blank lines into pieces of at most
  ``dragoman.nlp.PIECE_CHARS`` characters and parsed through ``nlp.pipe`` (one piece per batch, as ours);
  spaCy refuses the text whole (E088).
* dragoman: ``code_files`` on the file, in-process (one worker): read, clean, language, the parse in pieces
  rejoined into one Doc, extraction by sections, the store.

Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def build_text(max_bytes: int) -> str:
    """Varied copies of the demo's cleaned stories, as close to ``max_bytes`` (UTF-8) as whole copies go."""
    from dragoman.clean import clean_article
    from dragoman.ingest import article_from_text

    bodies = [clean_article(article_from_text(p.read_text(encoding="utf-8"))).body
              for p in sorted(EXAMPLES.glob("*.txt"))]
    parts: list[str] = []
    size, n = 0, 0
    while True:
        body = bodies[n % len(bodies)]
        day = next((d for d in _DAYS if d in body), None)
        if day:
            body = body.replace(day, _DAYS[n % len(_DAYS)])
        part = f"{body.rstrip()}\n\nThis was dispatch {n} of the archive.\n\n"
        if size + len(part.encode("utf-8")) > max_bytes:
            break
        parts.append(part)
        size += len(part.encode("utf-8"))
        n += 1
    return "".join(parts)


def _peak_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024  # kilobytes on Linux


def side_baseline(path: Path) -> dict[str, object]:
    import spacy

    from dragoman.nlp import MODEL_NAME, PIECE_CHARS

    text = path.read_text(encoding="utf-8")
    started = time.perf_counter()
    nlp = spacy.load(MODEL_NAME)
    loaded = time.perf_counter()
    rss_loaded = _peak_mb()
    pieces: list[str] = []
    for paragraph in re.split(r"(?<=\n\n)", text):
        if pieces and len(pieces[-1]) + len(paragraph) <= PIECE_CHARS:
            pieces[-1] += paragraph
        else:
            pieces.append(paragraph)
    tokens = sum(len(doc) for doc in nlp.pipe(pieces, batch_size=1))
    return {"load_s": round(loaded - started, 2), "work_s": round(time.perf_counter() - loaded, 2),
            "rss_after_load_mb": rss_loaded, "peak_rss_mb": _peak_mb(), "pieces": len(pieces), "tokens": tokens}


def side_dragoman(path: Path) -> dict[str, object]:
    from dragoman.nlp import get_nlp
    from dragoman.pipeline import code_files

    started = time.perf_counter()
    get_nlp()
    loaded = time.perf_counter()
    rss_loaded = _peak_mb()
    with tempfile.TemporaryDirectory() as tmp:
        summary = code_files([path], db=Path(tmp) / "bench.db", published="2024-01-23")
    if summary.coded != 1:
        raise SystemExit(f"the document was not coded: {dict(summary.reasons)}")
    return {"load_s": round(loaded - started, 2), "work_s": round(time.perf_counter() - loaded, 2),
            "rss_after_load_mb": rss_loaded, "peak_rss_mb": _peak_mb(), "events": summary.events}


def _run_side(side: str, path: Path) -> dict[str, Any]:
    """One side run in a fresh process: its JSON line, as read."""
    done = subprocess.run([sys.executable, __file__, "--side", side, str(path)], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{side} side failed:\n{done.stderr}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bytes", type=int, default=4_990_000, help="size of the text (UTF-8 bytes)")
    parser.add_argument("--side", choices=["baseline", "dragoman"], help=argparse.SUPPRESS)
    parser.add_argument("path", nargs="?", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.side:
        work = side_baseline if args.side == "baseline" else side_dragoman
        print(json.dumps(work(args.path)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "archive.txt"
        text = build_text(args.bytes)
        path.write_text(text, encoding="utf-8")
        baseline = _run_side("baseline", path)
        ours = _run_side("dragoman", path)
    print(json.dumps({
        "chars": len(text),
        "bytes": len(text.encode("utf-8")),
        "baseline_spacy_pieces": baseline,
        "dragoman_code": ours,
        "time_ratio": round(float(ours["work_s"]) / float(baseline["work_s"]), 2),
        "peak_rss_ratio": round(float(ours["peak_rss_mb"]) / float(baseline["peak_rss_mb"]), 2),
    }))


if __name__ == "__main__":
    main()
