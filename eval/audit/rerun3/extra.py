"""Figures of rerun3/README.md that compile_audit.py does not print: the per-story table, `confidence` against
the verdicts (rank AUC), and what the event check removed from the previous re-run (rerun3/gone.psv, split by the
record's presence in coded_nocheck.jsonl: the same code at the same commit with the check off)."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from carry import key

HERE = Path(__file__).resolve().parent


def auc(pos: list[float], neg: list[float]) -> float:
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def main() -> int:
    rows = [json.loads(line) for line in (HERE / "audit.jsonl").open(encoding="utf-8")]
    recall = [line.rstrip("\n").split("|") for line in (HERE / "recall.psv").open(encoding="utf-8")]
    order = list(dict.fromkeys(line.split("|")[0] for line in (HERE / "recall.psv").open(encoding="utf-8")))
    print("| story | set | records (asserted / other) | real of asserted | right in every field | happenings found |")
    print("|---|---|---|---|---|---|")
    fields = ("type", "actor", "recipient", "location", "date")
    for story in order:
        sub = [r for r in rows if r["story_id"] == story]
        asserted = [r for r in sub if r["modality"] == "asserted"]
        real = [r for r in asserted if r["judged"]["real"]]
        right = [r for r in real if all(r["judged"][f] for f in fields)]
        facts = [x for x in recall if x[0] == story]
        origin = "heldout" if facts[0][1].startswith("G") else "new"
        print(f"| {story} | {origin} | {len(asserted)} / {len(sub) - len(asserted)} | {len(real)} | {len(right)} | "
              f"{sum(x[2] != '-' for x in facts)} of {len(facts)} |")
    asserted = [r for r in rows if r["modality"] == "asserted"]
    pos = [r["confidence"] for r in asserted if r["judged"]["real"]]
    neg = [r["confidence"] for r in asserted if not r["judged"]["real"]]
    print(f"confidence: mean real {sum(pos) / len(pos):.3f}, not real {sum(neg) / len(neg):.3f}, "
          f"AUC {auc(pos, neg):.2f}")
    prev = [json.loads(line) for line in (HERE.parent / "rerun2" / "coded.jsonl").open(encoding="utf-8")]
    nocheck = {key(json.loads(line)) for line in (HERE / "coded_nocheck.jsonl").open(encoding="utf-8")}
    how: Counter[tuple[str, str]] = Counter()
    for line in (HERE / "gone.psv").open(encoding="utf-8"):
        row = line.rstrip("\n").split("|")
        e = next(x for x in prev if x["story_id"] == row[0] and x["event_id"].startswith(row[1]))
        by = "dropped by the check" if key(e) in nocheck else "changed or removed by the rules"
        verdict = "real" if row[2] == "Y" else "not asserted" if row[2] == "na" else row[2]
        how[by, verdict] += 1
    for (by, verdict), n in sorted(how.items()):
        print(f"gone: {by}: {verdict} {n}")
    prev_asserted = Counter(r[2] == "Y" for r in (line.rstrip("\n").split("|") for line in
                                                   (HERE.parent / "rerun2" / "judgements.psv").open(encoding="utf-8"))
                            if r[2] != "na")
    print(f"re-run 2 asserted: real {prev_asserted[True]}, not real {prev_asserted[False]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
