"""Agreement between the annotated news sentences and an independent second reading of a sample of them.

    python bench/annotation_agreement.py [--folder eval/annotations]

Each ``second_pass_<who>.jsonl`` holds one annotator's own labels for sentences of the OTHER annotator's
``news_sentences_*.jsonl`` file (matched by set, doc id, offsets and sha256). Prints one JSON object: per
second-pass file and over all of them, the share of sentences whose type sets match exactly, the same for the
asserted subsets, Cohen's kappa of "reports an event or not", and per-type Cohen's kappa for the types that
either reading gives at least ``--min-positives`` times (kappa over fewer is noise).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sklearn.metrics import cohen_kappa_score

FOLDER = Path(__file__).resolve().parents[1] / "eval" / "annotations"
Key = tuple[str, str, int, int, str]


def _key(record: dict[str, Any]) -> Key:
    return (str(record["set"]), str(record["doc_id"]), int(record["start"]), int(record["end"]),
            str(record["sha256"]))


def _read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _kappa(first: Sequence[bool], second: Sequence[bool]) -> float | None:
    if len(set(first) | set(second)) < 2:
        return None  # one class only: kappa undefined
    return round(float(cohen_kappa_score(first, second)), 3)


def agreement(pairs: Sequence[tuple[dict[str, Any], dict[str, Any]]], *, min_positives: int) -> dict[str, Any]:
    """Figures over (main record, second-pass record) pairs of the same sentence."""
    n = len(pairs)
    exact = sum(set(a["types"]) == set(b["types"]) for a, b in pairs)
    exact_asserted = sum(set(a.get("asserted", ())) == set(b.get("asserted", ())) for a, b in pairs)
    types = sorted({t for a, b in pairs for t in (*a["types"], *b["types"])})
    per_type = {}
    for type_ in types:
        first = [type_ in a["types"] for a, _b in pairs]
        second = [type_ in b["types"] for _a, b in pairs]
        if max(sum(first), sum(second)) >= min_positives:
            per_type[type_] = {"kappa": _kappa(first, second), "main": sum(first), "second": sum(second),
                               "both": sum(x and y for x, y in zip(first, second))}
    return {
        "sentences": n,
        "exact_type_set_match": round(exact / n, 3) if n else None,
        "exact_asserted_set_match": round(exact_asserted / n, 3) if n else None,
        "event_or_not_kappa": _kappa([bool(a["types"]) for a, _b in pairs], [bool(b["types"]) for _a, b in pairs]),
        "event_or_not_agree": round(sum(bool(a["types"]) == bool(b["types"]) for a, b in pairs) / n, 3) if n else None,
        "per_type": per_type,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folder", type=Path, default=FOLDER)
    parser.add_argument("--min-positives", type=int, default=3)
    args = parser.parse_args()
    main_records = {_key(r): r for path in sorted(args.folder.glob("news_sentences_*.jsonl")) for r in _read(path)}
    report: dict[str, Any] = {}
    every: list[tuple[dict[str, Any], dict[str, Any]]] = []
    for path in sorted(args.folder.glob("second_pass_*.jsonl")):
        second = _read(path)
        pairs = [(main_records[_key(r)], r) for r in second if _key(r) in main_records]
        report[path.name] = {**agreement(pairs, min_positives=args.min_positives),
                             "unmatched": len(second) - len(pairs)}
        every.extend(pairs)
    report["all"] = agreement(every, min_positives=args.min_positives)
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
