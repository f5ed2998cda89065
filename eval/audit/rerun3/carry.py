"""Carry judged verdicts to the re-run-3 records that are unchanged (brief: same story, sentence and trigger
offsets, type, modality, actor and recipient country, place name and coordinates, date), looking first in re-run 2
(eval/audit/rerun2/), then the first re-run (eval/audit/rerun/), then the original audit (eval/audit/).

Writes rerun3/carried.psv (judgements.psv rows, new event id prefix, reason prefixed "carried: "; a verdict that
was already carried keeps one prefix), rerun3/gone.psv (re-run 2's records with no identical record
now, with their verdict: what the event check and the rule changes removed or changed) and prints the records to
judge fresh (no earlier verdicts shown).
"""
from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
AUDIT = HERE.parent
RUNS = (AUDIT / "rerun2", AUDIT / "rerun", AUDIT)  # re-run 2 first, then the first re-run, the original
# identical records whose carried verdict is `dup` of a first record that is gone in re-run 3 (a later mention took
# its place, events/story.py): the dup verdict no longer holds, so they are judged fresh (fresh.psv)
REJUDGE = {("LGL:40648857", "24e5e5"), ("LGL:40520550", "95558a"), ("LGL:38991174", "98da04")}


def key(e: dict) -> tuple:
    ev = e["evidence"]
    loc = e["location"] or {}
    return (e["story_id"], ev["start"], ev["end"], ev["trigger_start"], ev["trigger_end"], e["type"], e["modality"],
            (e["actor"] or {}).get("country"), (e["recipient"] or {}).get("country"), loc.get("name"),
            loc.get("lat"), loc.get("lon"), e["date"])


def prefix(e: dict, coded: list[dict]) -> str:
    for n in range(6, 17):
        p = e["event_id"][:n]
        if sum(1 for x in coded if x["story_id"] == e["story_id"] and x["event_id"].startswith(p)) == 1:
            return p
    raise AssertionError(e["event_id"])


def load(folder: Path) -> tuple[list[dict], dict[tuple, list[str]]]:
    coded = [json.loads(line) for line in (folder / "coded.jsonl").open(encoding="utf-8")]
    verdicts: dict[tuple, list[str]] = {}
    for line in (folder / "judgements.psv").open(encoding="utf-8"):
        if line.strip():
            row = line.rstrip("\n").split("|")
            match = [e for e in coded if e["story_id"] == row[0] and e["event_id"].startswith(row[1])]
            assert len(match) == 1, row[:2]
            verdicts.setdefault(key(match[0]), row)
    return coded, verdicts


def main() -> int:
    new = [json.loads(line) for line in (HERE / "coded.jsonl").open(encoding="utf-8")]
    runs = [load(folder) for folder in RUNS]
    carried, fresh = [], []
    for e in new:
        row = next((v[key(e)] for _, v in runs if key(e) in v), None)
        if row is None or (e["story_id"], prefix(e, new)) in REJUDGE:
            fresh.append(e)
            continue
        reason = row[9] if row[9].startswith("carried: ") else "carried: " + row[9]
        carried.append("|".join([row[0], prefix(e, new), *row[2:9], reason]))
    (HERE / "carried.psv").write_text("".join(r + "\n" for r in carried), encoding="utf-8")
    new_keys = {key(e) for e in new}
    prev, prev_verdicts = runs[0]
    gone = [prev_verdicts[key(e)] for e in prev if key(e) not in new_keys]
    (HERE / "gone.psv").write_text("".join("|".join(r) + "\n" for r in gone), encoding="utf-8")
    print(f"new records {len(new)}, carried {len(carried)}, to judge {len(fresh)}; "
          f"previous re-run {len(prev)}, gone {len(gone)}")
    for e in fresh:
        ev = e["evidence"]
        loc = e["location"] or {}
        print("|".join(str(x) for x in (e["story_id"], prefix(e, new), e["type"], e["mode"], e["modality"],
                                         (e["actor"] or {}).get("text"), (e["actor"] or {}).get("country"),
                                         (e["recipient"] or {}).get("text"), (e["recipient"] or {}).get("country"),
                                         loc.get("name"), loc.get("lat"), loc.get("lon"), e["date"],
                                         ev["start"], ev["end"], ev["trigger"], ev["trigger_start"])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
