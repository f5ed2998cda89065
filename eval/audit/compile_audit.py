"""Build eval/audit/audit.jsonl and the audit table from the analyst's judgements.

Inputs (all in eval/audit/):
- coded.jsonl       the events dragoman coded (code_audit.py), evidence as offsets only;
- judgements.psv    one line per event: story|event id prefix|real|type|actor|recipient|location|date|modality|reason
                    real: Y, na (a record not marked asserted: only its modality is judged) or N:<class>
                    (dup, gen, spec, sense, bg, nonpol); the field columns are Y/N on real records, '-' otherwise;
- recall.psv        one line per listed happening: story|fact id|event id prefix that finds it or '-'|note;
- recall_new.json   the happenings of the 6 new stories (the held-out ones are the gold facts of stories.jsonl).
The trigger context written to audit.jsonl is at most 12 words of the source text around the trigger.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def context(text: str, start: int, end: int, words: int = 12) -> str:
    before = text[:start].split()
    after = text[end:].split()
    trigger = text[start:end].split()
    room = max(words - len(trigger), 0)
    left = before[-(room // 2):] if room // 2 else []
    right = after[: room - len(left)]
    return " ".join(left + trigger + right)


def main() -> int:
    from code_audit import stories

    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", type=Path, default=HERE,
                        help="folder holding coded.jsonl, judgements.psv and recall.psv (e.g. eval/audit/rerun)")
    folder = parser.parse_args().dir
    texts = {s["story_id"]: s["text"] for s in stories(HERE.parent.parent.parent / "shared" / "gold")}
    coded = [json.loads(line) for line in (folder / "coded.jsonl").open(encoding="utf-8")]
    rows = [line.rstrip("\n").split("|") for line in (folder / "judgements.psv").open(encoding="utf-8") if line.strip()]
    seen = set()
    out = []
    for story, prefix, real, t, a, r, loc, d, m, reason in rows:
        match = [e for e in coded if e["story_id"] == story and e["event_id"].startswith(prefix)]
        assert len(match) == 1, (story, prefix, len(match))
        e = match[0]
        seen.add(e["event_id"])
        ev = e["evidence"]
        yn = lambda v: None if v == "-" else v == "Y"  # noqa: E731
        out.append({
            "story_id": story, "origin": e["origin"], "event_id": e["event_id"], "type": e["type"], "mode": e["mode"],
            "modality": e["modality"], "confidence": e["confidence"],
            "actor_country": (e["actor"] or {}).get("country"), "recipient_country": (e["recipient"] or {}).get("country"),
            "location": (e["location"] or {}).get("name"), "date": e["date"],
            "sentence": [ev["start"], ev["end"]], "trigger": [ev["trigger_start"], ev["trigger_end"]],
            "trigger_context": context(texts[story], ev["trigger_start"], ev["trigger_end"]),
            "judged": {"real": None if real == "na" else real == "Y",
                       "not_real_class": real[2:] if real.startswith("N:") else None,
                       "type": yn(t), "actor": yn(a), "recipient": yn(r), "location": yn(loc), "date": yn(d),
                       "modality": yn(m)},
            "reason": reason,
        })
    missing = [e["event_id"] for e in coded if e["event_id"] not in seen]
    assert not missing, f"unjudged events: {missing}"
    with (folder / "audit.jsonl").open("w", encoding="utf-8") as fh:
        for row in out:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    table(out, folder)
    return 0


def frac(k: int, n: int) -> str:
    return f"{k} of {n} ({100 * k / n:.0f} %)" if n else "0 of 0"


def table(out: list[dict], folder: Path = HERE) -> None:
    asserted = [r for r in out if r["modality"] == "asserted"]
    other = [r for r in out if r["modality"] != "asserted"]
    real = [r for r in asserted if r["judged"]["real"]]
    print("stories", len({r["story_id"] for r in out}), "records", len(out), "asserted", len(asserted),
          "other modalities", len(other), Counter(r["modality"] for r in other))
    for origin in ("heldout", "new", None):
        sub = [r for r in asserted if origin is None or r["origin"] == origin]
        rl = [r for r in sub if r["judged"]["real"]]
        print(f"== {origin or 'all'}: real {frac(len(rl), len(sub))}")
        for f in ("type", "actor", "recipient", "location", "date"):
            print(f"   {f}: {frac(sum(r['judged'][f] for r in rl), len(rl))}")
        allright = [r for r in rl if all(r["judged"][f] for f in ("type", "actor", "recipient", "location", "date"))]
        print(f"   right in every field: {frac(len(allright), len(sub))} of asserted; {frac(len(allright), len(rl))} of real")
    print("not-real classes", Counter(r["judged"]["not_real_class"] for r in asserted if not r["judged"]["real"]))
    for mod in sorted({r["modality"] for r in other}):
        sub = [r for r in other if r["modality"] == mod]
        print(f"modality {mod}: right {frac(sum(r['judged']['modality'] for r in sub), len(sub))}")
    wrong_asserted = [r for r in asserted if r["judged"]["modality"] is False]
    print("asserted records that are not asserted happenings (spec/bg/negative):", len(wrong_asserted))
    recip_null = sum(1 for r in real if r["recipient_country"] is None)
    actor_null = sum(1 for r in real if r["actor_country"] is None)
    print("real: actor without country", actor_null, "recipient without country", recip_null, "of", len(real))
    print("real, actor wrong: no country", sum(1 for r in real if not r['judged']['actor'] and r['actor_country'] is None),
          "wrong country", sum(1 for r in real if not r['judged']['actor'] and r['actor_country'] is not None))
    print("real, recipient wrong: no country", sum(1 for r in real if not r['judged']['recipient'] and r['recipient_country'] is None),
          "wrong country", sum(1 for r in real if not r['judged']['recipient'] and r['recipient_country'] is not None))
    print("real, location wrong: none", sum(1 for r in real if not r['judged']['location'] and r['location'] is None),
          "elsewhere", sum(1 for r in real if not r['judged']['location'] and r['location'] is not None))
    rec = [line.rstrip("\n").split("|") for line in (folder / "recall.psv").open(encoding="utf-8") if line.strip()]
    for origin, pred in (("heldout", lambda i: i.startswith("G")), ("new", lambda i: i.startswith("N"))):
        sub = [x for x in rec if pred(x[1])]
        print(f"recall {origin}: {frac(sum(x[2] != '-' for x in sub), len(sub))}")
    print(f"recall all: {frac(sum(x[2] != '-' for x in rec), len(rec))}")


if __name__ == "__main__":
    raise SystemExit(main())
