"""Write rerun3/recall.psv from re-run 2's rerun2/recall.psv: a listed happening keeps its finding when its
finder is carried (an identical record in re-run 3); a happening not found keeps "not found" when its story gained
no fresh record (re-run 3 only removed or kept records there, and removing a record finds nothing); the happenings
of the stories with fresh records were checked again by hand (FRESH below, same rule: an asserted record of that
happening with its type or a neighbour and both countries; place and date ignored)."""
from __future__ import annotations

import json
from pathlib import Path

from carry import key, prefix

HERE = Path(__file__).resolve().parent
FRESH = {  # (story, fact id) -> (finder event id prefix or '-', note), for the stories holding a fresh record
    ("LGL:40520550", "G0"): ("95558a", "fresh: the headline arrest 0a15aa is gone (a later mention took its place);"
                                       " the three other arrests of the same bust (95558a, LBN -> LBN) tell G0"),
    ("LGL:40520550", "G1"): ("-", "fresh: b9e8e7 still has no actor"),
    ("LGL:40648857", "G1"): ("-", "fresh: still coded AGREE (b6e0aa) only"),
    ("LGL:40648857", "G2"): ("-", "fresh: the dispersal 811daf is gone; the arrests 24e5e5 have the recipient ISR"),
    ("LGL:38991174", "N3899-1"): ("98da04", "fresh: the charge record 'charged with robbing two Indiana banks',"
                                            " USA -> USA (the headline record 8b6232 is gone)"),
    ("LGL:38991174", "N3899-2"): ("-", "fresh: the stop and custody still not coded"),
}


def main() -> int:
    prev = [json.loads(line) for line in (HERE.parent / "rerun2" / "coded.jsonl").open(encoding="utf-8")]
    new = [json.loads(line) for line in (HERE / "coded.jsonl").open(encoding="utf-8")]
    new_by_key = {key(e): e for e in new}
    carried = {line.split("|")[0] + "|" + line.split("|")[1] for line in (HERE / "carried.psv").open(encoding="utf-8")}
    fresh_stories = {e["story_id"] for e in new if f"{e['story_id']}|{prefix(e, new)}" not in carried}
    rows = []
    for line in (HERE.parent / "rerun2" / "recall.psv").open(encoding="utf-8"):
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
