"""What every re-run of the audit does the same way (eval/audit/rerun*/): carry the verdicts of identical records,
put carried and fresh verdicts in coding order, carry the recall findings, and print the figures compile_audit.py
does not. Each re-run folder keeps only what is its own (which earlier runs it reads, the records and happenings
judged again by hand) in thin scripts calling these functions.

A record is identical to an earlier one when its story, sentence and trigger offsets, type, modality, actor and
recipient country, place name and coordinates and date are the same (``key``).
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path

AUDIT = Path(__file__).resolve().parent
CARRIED = "carried: "


def key(e: dict) -> tuple:
    ev = e["evidence"]
    loc = e["location"] or {}
    return (e["story_id"], ev["start"], ev["end"], ev["trigger_start"], ev["trigger_end"], e["type"], e["modality"],
            (e["actor"] or {}).get("country"), (e["recipient"] or {}).get("country"), loc.get("name"),
            loc.get("lat"), loc.get("lon"), e["date"])


def prefix(e: dict, coded: list[dict]) -> str:
    """The shortest event id prefix (6 characters at least) naming ``e`` alone in its story."""
    for n in range(6, 17):
        p = e["event_id"][:n]
        if sum(1 for x in coded if x["story_id"] == e["story_id"] and x["event_id"].startswith(p)) == 1:
            return p
    raise AssertionError(e["event_id"])


def read_coded(folder: Path, name: str = "coded.jsonl") -> list[dict]:
    return [json.loads(line) for line in (folder / name).open(encoding="utf-8")]


def read_rows(path: Path) -> list[list[str]]:
    return [line.rstrip("\n").split("|") for line in path.open(encoding="utf-8") if line.strip()]


def find(coded: list[dict], story: str, event_prefix: str) -> dict:
    return next(e for e in coded if e["story_id"] == story and e["event_id"].startswith(event_prefix))


def load(folder: Path) -> tuple[list[dict], dict[tuple, list[str]]]:
    """A judged run: its records, and each record's verdict row (judgements.psv) by ``key``."""
    coded = read_coded(folder)
    verdicts: dict[tuple, list[str]] = {}
    for row in read_rows(folder / "judgements.psv"):
        match = [e for e in coded if e["story_id"] == row[0] and e["event_id"].startswith(row[1])]
        assert len(match) == 1, row[:2]
        verdicts.setdefault(key(match[0]), row)
    return coded, verdicts


def carry(here: Path, runs: Sequence[Path], *, rejudge: Collection[tuple[str, str]] = (), gone: bool = True) -> None:
    """Write here/carried.psv: the verdict of the first earlier run (``runs``, newest first) holding an identical
    record, its reason prefixed "carried: " once; with ``gone``, here/gone.psv: the newest run's records with no
    identical record now, with their verdict. Prints the records to judge fresh (no earlier verdict shown): those
    with no identical record, and ``rejudge`` ((story, event id prefix): identical, but their verdict no longer
    holds)."""
    new = read_coded(here)
    judged = [load(folder) for folder in runs]
    carried, fresh = [], []
    for e in new:
        row = next((v[key(e)] for _, v in judged if key(e) in v), None)
        if row is None or (e["story_id"], prefix(e, new)) in rejudge:
            fresh.append(e)
            continue
        reason = row[9] if row[9].startswith(CARRIED) else CARRIED + row[9]
        carried.append("|".join([row[0], prefix(e, new), *row[2:9], reason]))
    (here / "carried.psv").write_text("".join(r + "\n" for r in carried), encoding="utf-8")
    prev, prev_verdicts = judged[0]
    summary = f"new records {len(new)}, carried {len(carried)}, to judge {len(fresh)}; previous run {len(prev)}"
    if gone:
        new_keys = {key(e) for e in new}
        lost = [prev_verdicts[key(e)] for e in prev if key(e) not in new_keys]
        (here / "gone.psv").write_text("".join("|".join(r) + "\n" for r in lost), encoding="utf-8")
        summary += f", gone {len(lost)}"
    print(summary)
    for e in fresh:
        ev = e["evidence"]
        loc = e["location"] or {}
        print("|".join(str(x) for x in (e["story_id"], prefix(e, new), e["type"], e["mode"], e["modality"],
                                         (e["actor"] or {}).get("text"), (e["actor"] or {}).get("country"),
                                         (e["recipient"] or {}).get("text"), (e["recipient"] or {}).get("country"),
                                         loc.get("name"), loc.get("lat"), loc.get("lon"), e["date"],
                                         ev["start"], ev["end"], ev["trigger"], ev["trigger_start"])))


def merge(here: Path) -> None:
    """Write here/judgements.psv: carried.psv and fresh.psv in the order of here/coded.jsonl."""
    coded = read_coded(here)
    rows = [row for name in ("carried.psv", "fresh.psv") for row in read_rows(here / name)]
    out = []
    for e in coded:
        match = [r for r in rows if r[0] == e["story_id"] and e["event_id"].startswith(r[1])]
        assert len(match) == 1, (e["story_id"], e["event_id"], len(match))
        out.append("|".join(match[0]))
    assert len(out) == len(rows), (len(out), len(rows))
    (here / "judgements.psv").write_text("".join(r + "\n" for r in out), encoding="utf-8")


def carry_recall(here: Path, previous: Path, fresh: Mapping[tuple[str, str], tuple[str, str]]) -> None:
    """Write here/recall.psv from previous/recall.psv: a listed happening keeps its finding when its finder is
    carried (an identical record now); one not found stays not found when its story gained no fresh record (a run
    that only removes or keeps records finds nothing new); ``fresh`` gives the findings checked again by hand
    ((story, fact id) -> (finder event id prefix or '-', note)) for the stories holding a fresh record."""
    prev, new = read_coded(previous), read_coded(here)
    new_by_key = {key(e): e for e in new}
    carried = {f"{row[0]}|{row[1]}" for row in read_rows(here / "carried.psv")}
    fresh_stories = {e["story_id"] for e in new if f"{e['story_id']}|{prefix(e, new)}" not in carried}
    rows = []
    for story, fact, finder, note in read_rows(previous / "recall.psv"):
        note = note if note.startswith(CARRIED) else CARRIED + note
        if (story, fact) in fresh:
            rows.append("|".join([story, fact, *fresh[story, fact]]))
        elif finder != "-":
            o = find(prev, story, finder)
            assert key(o) in new_by_key, (story, fact)
            rows.append("|".join([story, fact, prefix(new_by_key[key(o)], new), note]))
        else:
            assert story not in fresh_stories, (story, fact)
            rows.append("|".join([story, fact, "-", note]))
    (here / "recall.psv").write_text("".join(r + "\n" for r in rows), encoding="utf-8")


def auc(pos: list[float], neg: list[float]) -> float:
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def print_figures(here: Path, previous: Path, previous_name: str) -> None:
    """The per-story table, ``confidence`` against the verdicts (rank AUC), and what left since ``previous``
    (here/gone.psv, split by the record's presence in coded_nocheck.jsonl: the same code with the check off)."""
    rows = read_coded(here, "audit.jsonl")
    recall = read_rows(here / "recall.psv")
    print("| story | set | records (asserted / other) | real of asserted | right in every field | happenings found |")
    print("|---|---|---|---|---|---|")
    fields = ("type", "actor", "recipient", "location", "date")
    for story in dict.fromkeys(row[0] for row in recall):
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
    prev = read_coded(previous)
    nocheck = {key(e) for e in read_coded(here, "coded_nocheck.jsonl")}
    how: Counter[tuple[str, str]] = Counter()
    for row in read_rows(here / "gone.psv"):
        by = "dropped by the check" if key(find(prev, row[0], row[1])) in nocheck else "changed or removed by the rules"
        verdict = "real" if row[2] == "Y" else "not asserted" if row[2] == "na" else row[2]
        how[by, verdict] += 1
    for (by, verdict), n in sorted(how.items()):
        print(f"gone: {by}: {verdict} {n}")
    prev_asserted = Counter(r[2] == "Y" for r in read_rows(previous / "judgements.psv") if r[2] != "na")
    print(f"{previous_name} asserted: real {prev_asserted[True]}, not real {prev_asserted[False]}")
