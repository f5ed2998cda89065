"""Measure the detector modes of the coding path on data never trained or tuned on (issue 12, deliver 2).

    python bench/detector_modes.py [--modes rules,drops,default,add]
                                   [--sets cameo-class,plover-gsr,cameo-ner,ipe,stories]
                                   [--gold ../shared/gold] [--stories eval/stories/stories.jsonl]

Each set is coded with the real pipeline once per mode (``detector_mode``): the held-out 30 % (``in_heldout``)
of cameo-class, plover-gsr and cameo-ner, the IndiaPoliceEvents dev file (training reads sents-train.tsv only)
and both splits of the story gold. For every mode other than "rules" it reports the set's headline figure and
what the detector changed against the rules' own output: the rule events it dropped and how many of those were
wrong, the events it added and how many of those were right (by the set's gold, as ``evaluate.events`` judges
them). Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from dragoman.evaluate.events import (
    IPE_LABELS,
    _current_type,
    _split,
    _token_span,
    bio_spans,
    cameo_ner_text,
    classification_scores,
    code_texts,
    event_class,
    ipe_labels,
    old_name_map,
    read_cameo_class,
    read_cameo_ner,
    read_ipe,
    sentence_class,
)
from dragoman.evaluate.metrics import prf
from dragoman.extract import detector_mode
from dragoman.model import Event

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "gold"
Judge = Callable[[int, Event], bool]  # unit index, event -> right


def _changes(rules: Sequence[Sequence[Event]], mode: Sequence[Sequence[Event]], right: Judge) -> dict[str, Any]:
    """Rule events the mode dropped (and how many were wrong) and events it added (and how many were right)."""
    dropped = added = wrong_drops = right_adds = 0
    for i, (before, after) in enumerate(zip(rules, mode, strict=True)):
        ids_before, ids_after = {e.event_id for e in before}, {e.event_id for e in after}
        for e in before:
            if e.event_id not in ids_after:
                dropped += 1
                wrong_drops += not right(i, e)
        for e in after:
            if e.event_id not in ids_before:
                added += 1
                right_adds += right(i, e)
    return {"dropped": dropped, "dropped_wrong": wrong_drops,
            "dropped_precision": round(wrong_drops / dropped, 4) if dropped else None,
            "added": added, "added_right": right_adds,
            "added_precision": round(right_adds / added, 4) if added else None}


def _code(texts: Sequence[str], mode: str) -> list[list[Event]]:
    with detector_mode(mode):
        return code_texts(texts)[0]


def cameo_class(gold: Path, modes: Sequence[str]) -> dict[str, Any]:
    rows = _split(read_cameo_class(gold / "events" / "cameo-class" / "train.tsv"), "heldout", lambda r: r[0])
    labels = [label for _t, label in rows]
    coded = {m: _code([t for t, _l in rows], m) for m in modes}

    def right(i: int, e: Event) -> bool:
        return event_class(e) == labels[i]

    out: dict[str, Any] = {"units": len(rows)}
    for m in modes:
        scores = classification_scores(labels, [sentence_class(ev) for ev in coded[m]], range(5))
        out[m] = {"macro_f1": scores["macro_f1"], "accuracy": scores["accuracy"]}
        if m != "rules" and "rules" in coded:
            out[m].update(_changes(coded["rules"], coded[m], right))
    return out


def plover_gsr(gold: Path, modes: Sequence[str]) -> dict[str, Any]:
    path = gold / "events" / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"
    mapping, _src = old_name_map(path.parent / "CAMEO2PLOVER-2021.txt")
    records = [r for r in json.loads(path.read_text("utf-8"))
               if isinstance(r, dict) and r.get("text") and r.get("event") != "DOCUMENT"]
    records = _split(records, "heldout", lambda r: str(r["text"]))
    types = [_current_type(str(r["event"]), mapping) for r in records]
    coded = {m: _code([str(r["text"]) for r in records], m) for m in modes}

    def right(i: int, e: Event) -> bool:
        return e.type == types[i]

    out: dict[str, Any] = {"units": len(records)}
    for m in modes:
        tp = fp = fn = top1 = 0
        for gold_type, events in zip(types, coded[m]):
            if gold_type is None:
                continue
            predicted = {e.type for e in events}
            top1 += bool(events) and events[0].type == gold_type
            tp += gold_type in predicted
            fn += gold_type not in predicted
            fp += len(predicted - {gold_type})
        out[m] = {"f1": prf(tp, fp, fn)["f1"], "first_right": round(top1 / (tp + fn), 4)}
        if m != "rules" and "rules" in coded:
            out[m].update(_changes(coded["rules"], coded[m], right))
    return out


def cameo_ner(gold: Path, modes: Sequence[str]) -> dict[str, Any]:
    sentences = _split(read_cameo_ner(gold / "events" / "cameo-ner" / "train.txt"), "heldout",
                       lambda s: " ".join(w for w, _t in s))
    texts, offsets_of, gold_tokens = [], [], []
    for sentence in sentences:
        text, offsets = cameo_ner_text(sentence)
        texts.append(text)
        offsets_of.append(offsets)
        spans = bio_spans([tag for _w, tag in sentence])
        gold_tokens.append({role: {i for label, a, b in spans if label in labels for i in range(a, b + 1)}
                            for role, labels in (("source", ("S", "R")), ("target", ("T", "R")))})
    coded = {m: _code(texts, m) for m in modes}

    def tokens(i: int, actor: Any) -> set[int]:
        span = _token_span(offsets_of[i], actor.start, actor.end) if actor is not None else None
        return set(range(span[0], span[1] + 1)) if span is not None else set()

    def right(i: int, e: Event) -> bool:  # an argument overlaps a gold span of its role
        return bool(tokens(i, e.actor) & gold_tokens[i]["source"] or tokens(i, e.recipient) & gold_tokens[i]["target"])

    out: dict[str, Any] = {"units": len(texts)}
    for m in modes:
        tally = {"source": [0, 0, 0], "target": [0, 0, 0]}
        for i, events in enumerate(coded[m]):
            for role, attr in (("source", "actor"), ("target", "recipient")):
                pred = set().union(*(tokens(i, getattr(e, attr)) for e in events)) if events else set()
                g = gold_tokens[i][role]
                tally[role] = [tally[role][0] + len(g & pred), tally[role][1] + len(pred - g),
                               tally[role][2] + len(g - pred)]
        both = [tally["source"][k] + tally["target"][k] for k in range(3)]
        out[m] = {"f1": prf(*both)["f1"], "source_token": prf(*tally["source"])["f1"],
                  "target_token": prf(*tally["target"])["f1"]}
        if m != "rules" and "rules" in coded:
            out[m].update(_changes(coded["rules"], coded[m], right))
    return out


def ipe(gold: Path, modes: Sequence[str]) -> dict[str, Any]:
    rows = [(text, labels & set(IPE_LABELS))  # the three labels the scorer scores
            for text, labels in read_ipe(gold / "events" / "india-police-events" / "sents-dev.tsv")]
    coded = {m: _code([t for t, _l in rows], m) for m in modes}

    def right(i: int, e: Event) -> bool:
        return bool(ipe_labels([e]) & rows[i][1])

    out: dict[str, Any] = {"units": len(rows)}
    for m in modes:
        totals = [0, 0, 0]
        for (_t, g), events in zip(rows, coded[m]):
            p = ipe_labels(events)
            totals = [totals[0] + len(g & p), totals[1] + len(p - g), totals[2] + len(g - p)]
        out[m] = {"f1": prf(*totals)["f1"]}
        if m != "rules" and "rules" in coded:
            out[m].update(_changes(coded["rules"], coded[m], right))
    return out


def stories(gold_file: Path, gold: Path, modes: Sequence[str]) -> dict[str, Any]:
    from dragoman.evaluate.stories import (
        code_stories,
        finds,
        load_texts,
        read_stories,
        score_story,
        summarise,
        type_ok,
    )

    all_stories = read_stories(gold_file)
    texts = load_texts(all_stories, gold)
    coded: dict[str, list[tuple[Event, ...]]] = {}
    for m in modes:
        with detector_mode(m):
            coded[m] = code_stories(all_stories, texts)

    def right(i: int, e: Event) -> bool:  # an added event finds a fact; a dropped one found none
        return any(finds(fact, e) for fact in all_stories[i].facts)

    def on_fact(i: int, e: Event) -> bool:  # looser: the type of a fact told in the event's sentence
        return any(type_ok(fact, e) and e.evidence.start < fact.span[1] and fact.span[0] < e.evidence.end
                   for fact in all_stories[i].facts)

    out: dict[str, Any] = {}
    for split in ("dev", "heldout"):
        index = [i for i, s in enumerate(all_stories) if s.split == split]
        out[split] = {"stories": len(index)}
        for m in modes:
            summary = summarise([score_story(all_stories[i], coded[m][i]) for i in index])
            out[split][m] = {"recall": summary["recall"], "spurious_per_story": summary["spurious_per_story"],
                             "type_accuracy": summary["field_accuracy"].get("type")}
            if m != "rules" and "rules" in coded:
                before, after = [coded["rules"][i] for i in index], [coded[m][i] for i in index]

                def finds_fact(k: int, e: Event, index: list[int] = index) -> bool:
                    return right(index[k], e)

                def near_fact(k: int, e: Event, index: list[int] = index) -> bool:
                    return on_fact(index[k], e)

                out[split][m].update(_changes(before, after, finds_fact))
                loose = _changes(before, after, near_fact)
                out[split][m]["added_on_a_fact_of_its_type"] = loose["added_right"]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--stories", type=Path, default=ROOT / "eval" / "stories" / "stories.jsonl")
    parser.add_argument("--modes", default="rules,drops,default,add")
    parser.add_argument("--sets", default="cameo-class,plover-gsr,cameo-ner,ipe,stories")
    args = parser.parse_args()
    if not (args.gold / "events").is_dir():
        sys.exit(f"the gold events are not under {args.gold}/events")
    modes = [m for m in args.modes.split(",") if m]
    report: dict[str, Any] = {"modes": modes}
    for name in [s for s in args.sets.split(",") if s]:
        started = time.perf_counter()
        if name == "stories":
            report[name] = stories(args.stories, args.gold, modes)
        else:
            report[name] = {"cameo-class": cameo_class, "plover-gsr": plover_gsr, "cameo-ner": cameo_ner,
                            "ipe": ipe}[name](args.gold, modes)
        report[name]["seconds"] = round(time.perf_counter() - started, 1)
        print(f"{name}: {json.dumps(report[name])}", file=sys.stderr, flush=True)
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
