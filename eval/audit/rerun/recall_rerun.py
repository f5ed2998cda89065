"""Write rerun/recall.psv: a listed happening keeps its original finding when its finder is a carried (unchanged)
record, or when it was not found and its story's records did not change; every other happening was judged again
against the re-run records (FRESH below, same rule: an asserted record of that happening with its type or a
neighbour and both countries)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from rerun_tools import key, prefix  # noqa: E402

FRESH = {  # (story, fact id) -> (finder event id prefix or '-', note)
    ("GeoWebNews:121", "G2"): ("a34950", "fresh: the rebels' talks now have both sides (SYR -> RUS)"),
    ("GeoWebNews:161", "G1"): ("e7c616", "fresh: the elders' thanks now PAK -> PAK"),
    ("GeoWebNews:257", "G3"): ("-", "fresh: Mukhtarli's sentence now marked historical (not asserted), ACCUSE"),
    ("LGL:40520550", "G0"): ("0a15aa", "fresh: the headline arrest now has the police (LBN -> LBN)"),
    ("GeoWebNews:268", "N268-1"): ("01e196", "fresh: the arrest now has the police (USA -> USA)"),
    ("LGL:43228131", "N4322-1"): ("06697d", "fresh: the Hillsboro arrest, USA -> USA (place now right too)"),
    ("GeoWebNews:241", "N241-2"): ("0fb32b", "fresh: the inspectors' force now has him as recipient (CAN -> CAN)"),
    ("LGL:38991174", "N3899-1"): ("98da04", "fresh: the charge record 'charged with robbing two Indiana banks',"
                                            " USA -> USA"),
}
RECHECKED = "fresh: re-checked against the re-run records: still not found"


def main() -> int:
    old = [json.loads(line) for line in (HERE.parent / "coded.jsonl").open(encoding="utf-8")]
    new = [json.loads(line) for line in (HERE / "coded.jsonl").open(encoding="utf-8")]
    new_by_key = {key(e): e for e in new}
    old_keys = {key(e) for e in old}
    changed = {e["story_id"] for e in new if key(e) not in old_keys} | {
        e["story_id"] for e in old if key(e) not in new_by_key}
    rows = []
    for line in (HERE.parent / "recall.psv").open(encoding="utf-8"):
        story, fact, finder, note = line.rstrip("\n").split("|")
        if (story, fact) in FRESH:
            rows.append("|".join([story, fact, *FRESH[story, fact]]))
            continue
        if finder != "-":
            o = next(e for e in old if e["story_id"] == story and e["event_id"].startswith(finder))
            assert key(o) in new_by_key, (story, fact)
            rows.append("|".join([story, fact, prefix(new_by_key[key(o)], new), "carried: " + note]))
        elif story in changed:
            rows.append("|".join([story, fact, "-", f"{RECHECKED} (was: {note})"]))
        else:
            rows.append("|".join([story, fact, "-", "carried: " + note]))
    (HERE / "recall.psv").write_text("".join(r + "\n" for r in rows), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
