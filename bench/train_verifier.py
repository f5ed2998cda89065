"""Rebuild the packaged event check (``src/dragoman/data/verifier.json``) and report what it does.

    python bench/train_verifier.py [--write] [--gold ../shared/gold] [--rows /tmp/verifier_rows.json]

``make train`` runs it with ``--write`` after the detector (the check reads the detector's confidence).
Training data (``dragoman.learn.verify``): the events the pipeline codes, with the check off, in the project's
annotated news articles (``eval/annotations/news_sentences_*.jsonl``), each right when its annotated sentence
carries its type; 30 % of the articles are held out by a fixed hash and only measured. Prints one JSON object:
the chosen regularisation and threshold, and precision before/after and the share of right events kept, out of
fold and held out.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path

from dragoman.extract.events.verifier import VERIFIER_PATH
from dragoman.learn.verify import Row, annotated_articles, collect_rows, train

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--write", action="store_true", help=f"write the check to {VERIFIER_PATH}")
    parser.add_argument("--out", type=Path, default=VERIFIER_PATH, help="where --write writes")
    parser.add_argument("--rows", type=Path, default=None, help="reuse (or save) the coded rows in this JSON file")
    args = parser.parse_args()
    if not (args.gold / "geo" / "LGL" / "lgl.xml").is_file():
        sys.exit(f"training needs the annotated articles' texts under {args.gold}/geo; they are absent")
    started = time.perf_counter()
    if args.rows and args.rows.is_file():
        rows = [Row(**{**r, "features": tuple(r["features"])}) for r in json.loads(args.rows.read_text("utf-8"))]
    else:
        rows = collect_rows(annotated_articles(args.gold))
        if args.rows:
            args.rows.write_text(json.dumps([asdict(r) for r in rows]), encoding="utf-8")
    coded = time.perf_counter() - started
    artifact = train(rows)
    report = {"rows": len(rows), "coding_seconds": round(coded, 1), "C": artifact["about"]["C"],
              "threshold": artifact["threshold"],
              "thresholds_by_repeat": artifact["about"]["thresholds_by_repeat"], "features": len(artifact["weights"]),
              "out_of_fold": artifact["about"]["out_of_fold"], "heldout": artifact["about"]["heldout"]}
    print(json.dumps(report, indent=2))
    if args.write:
        args.out.write_text(json.dumps(artifact, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
