"""Write rerun2/recall.psv from the previous re-run's rerun/recall.psv: a listed happening keeps its finding when its
finder is carried (an identical record in re-run 2); a happening not found keeps "not found" when its story gained
no fresh record (re-run 2 only removed or kept records there, and removing a record finds nothing); the happenings
of the stories with fresh records were checked again by hand (FRESH below, same rule: an asserted record of that
happening with its type or a neighbour and both countries; place and date ignored)."""
from __future__ import annotations

import json
from pathlib import Path

from carry import key, prefix

HERE = Path(__file__).resolve().parent
FRESH = {  # (story, fact id) -> (finder event id prefix or '-', note), for the stories holding a fresh record
    ("GeoWebNews:257", "G0"): ("-", "fresh: the release is no longer coded at all (the check dropped the caption's"
                                    " RETREAT 018518 and its duplicate 27bcf3)"),
    ("GeoWebNews:257", "G2"): ("-", "fresh: the December conviction is still coded ACCUSE only"),
    ("GeoWebNews:257", "G3"): ("-", "fresh: Mukhtarli's sentence is asserted again (b783cf) but coded ACCUSE, no"
                                    " neighbour of COERCE"),
}


def main() -> int:
    prev = [json.loads(line) for line in (HERE.parent / "rerun" / "coded.jsonl").open(encoding="utf-8")]
    new = [json.loads(line) for line in (HERE / "coded.jsonl").open(encoding="utf-8")]
    new_by_key = {key(e): e for e in new}
    carried = {line.split("|")[0] + "|" + line.split("|")[1] for line in (HERE / "carried.psv").open(encoding="utf-8")}
    fresh_stories = {e["story_id"] for e in new if f"{e['story_id']}|{prefix(e, new)}" not in carried}
    rows = []
    for line in (HERE.parent / "rerun" / "recall.psv").open(encoding="utf-8"):
        story, fact, finder, note = line.rstrip("\n").split("|")
        note = note if note.startswith("carried: ") else "carried: " + note
        if (story, fact) in FRESH:
            rows.append("|".join([story, fact, *FRESH[story, fact]]))
        elif finder != "-":
            o = next(e for e in prev if e["story_id"] == story and e["event_id"].startswith(finder))
            assert key(o) in new_by_key, (story, fact)
            rows.append("|".join([story, fact, prefix(new_by_key[key(o)], new), note]))
        else:
            assert story not in fresh_stories or (story, fact) in FRESH, (story, fact)
            rows.append("|".join([story, fact, "-", note]))
    (HERE / "recall.psv").write_text("".join(r + "\n" for r in rows), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
