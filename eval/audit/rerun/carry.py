"""Carry the original verdicts to the re-run records that are unchanged (brief: same story, sentence and trigger
offsets, type, modality, actor and recipient country, place name and coordinates, date).

Writes rerun/carried.psv (judgements.psv rows, new event id prefix, reason prefixed "carried: ") and prints the
records to judge fresh (no original verdicts shown).
"""
from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
AUDIT = HERE.parent


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


def main() -> int:
    old = [json.loads(line) for line in (AUDIT / "coded.jsonl").open(encoding="utf-8")]
    new = [json.loads(line) for line in (HERE / "coded.jsonl").open(encoding="utf-8")]
    verdict = {}
    for line in (AUDIT / "judgements.psv").open(encoding="utf-8"):
        if line.strip():
            row = line.rstrip("\n").split("|")
            match = [e for e in old if e["story_id"] == row[0] and e["event_id"].startswith(row[1])]
            verdict[match[0]["event_id"]] = row
    by_key: dict[tuple, list[dict]] = {}
    for e in old:
        by_key.setdefault(key(e), []).append(e)
    carried, fresh = [], []
    for e in new:
        hit = by_key.get(key(e))
        if hit:
            row = verdict[hit[0]["event_id"]]
            carried.append("|".join([row[0], prefix(e, new), *row[2:9], "carried: " + row[9]]))
        else:
            fresh.append(e)
    (HERE / "carried.psv").write_text("".join(r + "\n" for r in carried), encoding="utf-8")
    print(f"new records {len(new)}, carried {len(carried)}, to judge {len(fresh)}; old records {len(old)}")
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
