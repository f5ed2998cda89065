"""Rebuild the packaged event detector (``src/dragoman/data/detector.json``) and report what it does.

    python bench/train_detector.py [--write] [--gold ../shared/gold] [--cache /tmp/detector_cache.jsonl]

``make train`` runs it with ``--write``. Training data (``dragoman.learn.data``): the training part (the fixed
hash split ``in_heldout`` false) of cameo-class/train.tsv, plover-gsr and cameo-ner/train.txt, and
IndiaPoliceEvents sents-train.tsv (its positives as labels, a fixed sample of its negatives for tuning only);
with ``--news`` also the training part of the project's annotated news sentences
(``eval/annotations/news_sentences_*.jsonl``; not in the shipped detector: eval/annotations/README.md says why).
Regularisation and thresholds are chosen by cross-validation inside that part (``dragoman.learn.train``);
the held-out 30% is only scored here, with the same simulation of the scorers the tuning uses (measure the real
thing per coding mode with ``python bench/detector_modes.py``, or ``dragoman evaluate events --detector --split
heldout``). Training units are coded with the rules alone, so the result does not depend on the detector it
replaces. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from dragoman.extract.events.detector import DETECTOR_PATH
from dragoman.learn.data import ANNOTATIONS, load_units
from dragoman.learn.features import featurize
from dragoman.learn.train import SEED, as_detector, model_scores, simulate, to_json, train

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--write", action="store_true", help=f"write the detector to {DETECTOR_PATH}")
    parser.add_argument("--out", type=Path, default=DETECTOR_PATH, help="where --write writes")
    parser.add_argument("--cache", type=Path, default=None, help="a JSON-lines cache of the parsed features")
    parser.add_argument("--ipe-negatives", type=int, default=2000)
    parser.add_argument("--quiet", action="store_true")
    parser.add_argument("--news", action="store_true", help="also train on eval/annotations/news_sentences_*.jsonl")
    args = parser.parse_args()
    if not (args.gold / "events" / "cameo-class" / "train.tsv").is_file():
        sys.exit(f"training needs the gold events under {args.gold}/events; they are absent")
    units = load_units(args.gold, ipe_negatives=args.ipe_negatives, news=ANNOTATIONS if args.news else None)
    started = time.perf_counter()
    coded = featurize([u.text for u in units], cache=args.cache)
    seconds = time.perf_counter() - started

    def log(message: str) -> None:
        if not args.quiet:
            print(message, file=sys.stderr, flush=True)

    fitted, thresholds, report = train(units, coded, log=log)
    train_rows = [i for i, u in enumerate(units) if not u.heldout]
    held = [i for i, u in enumerate(units) if u.heldout]
    meta = {
        "trained_on": "training part (in_heldout false) of cameo-class/train.tsv, plover-gsr, cameo-ner/train.txt; "
                      "IndiaPoliceEvents sents-train.tsv positives (KILL->ASSAULT, ARREST->COERCE, FORCE->either)"
                      + ("; training part of the annotated news sentences eval/annotations/news_sentences_*.jsonl "
                         "(LGL, GeoWebNews, MEANTIME; types or NONE)" if args.news else ""),
        "units": dict(Counter(f"{units[i].source}{'' if units[i].allowed else ' (tuning only)'}"
                              for i in train_rows)),
        "c_quad": report["c_quad"], "c_type": report["c_type"], "seed": SEED,
        "quad_classes": "0 no event, 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, "
                        "4 material conflict",
    }
    data = to_json(fitted, thresholds, meta)
    detector = as_detector(fitted, thresholds)
    probs = {i: detector.probs(coded[i].inputs()) for i in held + train_rows}
    report["heldout"] = {"rules": simulate(units, coded, probs, held, None),
                         "model_only": model_scores(units, probs, held),
                         "combined": simulate(units, coded, probs, held, thresholds)}
    report["train_part_in_sample"] = {"model_only": model_scores(units, probs, train_rows),
                                      "combined": simulate(units, coded, probs, train_rows, thresholds)}
    report["features"] = len(data["features"])
    report["units"] = meta["units"]
    report["parse_and_code_ms_per_unit"] = round(1000 * seconds / len(units), 2)
    if args.write:
        text = json.dumps(data, separators=(",", ":")) + "\n"
        args.out.write_text(text, encoding="utf-8")
        report["written"] = str(args.out)
        report["bytes"] = len(text.encode("utf-8"))
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
