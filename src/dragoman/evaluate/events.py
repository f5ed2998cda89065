"""Scoring the event coder against the gold event sets (``../shared/gold/events``).

Every scorer codes the gold text with the real pipeline (``code_articles``, batched) and returns a
JSON-able dict: ``precision``, ``recall``, ``f1`` and ``n`` per measure, plus details.

Formats and what is measured:

``plover-gsr`` (``PLOVER_GSR_CAMEO.txt``, JSON records in PLOVER 0.5b1)
    Each record's text is coded alone. Gold types in old names are mapped to current PLOVER by reading
    ``CAMEO2PLOVER-2021.txt`` next to the gold file at evaluation time: an old name that is not a current
    type takes the type of the table rows whose mode or description names it ("Demand ..." -> REQUEST,
    mode "disapprove" -> ACCUSE, "Investigate" -> ACCUSE, "Fight with small arms" -> ASSAULT); our own
    map is the fallback when the table is absent. Type scoring per record: TP when an event of the gold
    type is coded, FN otherwise, FP for each other distinct type coded (the gold marks one event per
    sentence, so precision is a lower bound). ``top1_accuracy``: the first coded event (text order) has
    the gold type. Actors: over records whose type matched, the coded event of that type that agrees
    best with the gold; source country/sector accuracy against the gold source actors, target against
    the gold target actors (only where the gold gives a value; CAMEO's own country codes JAP, ITL, VTN
    are read as ISO JPN, ITA, VNM, and the gold's IGO, which 0.5b1 uses for every international body, accepts
    PLOVER's UNO, EUR and NGO; sectors are compared on their first three letters).

``cameo-class`` (``text<TAB>label``, 0 statement, 1-4 the quad classes)
    A sentence's class is the quad class of its first coded event in text order, 0 when nothing is
    coded. Accuracy, macro-F1 over the five classes, per-class P/R/F1. ``any_accuracy`` in the details
    counts a sentence right when any coded event has the gold class.

``cameo-ner`` (one token per line, BIO tags S source, T target, R reciprocal)
    The tokens are joined with single spaces and coded. Gold source spans are S and R spans, gold
    target spans are T and R spans. Coded source spans are the actors of all events, target spans
    their recipients. Two measures per role: token level (a token is predicted when a coded span
    overlaps it) and exact spans (same first and last token).

``ipe`` (IndiaPoliceEvents ``sents-*.tsv``/``docs-*.tsv``: text, KILL, ARREST, ANY_ACTION, FAIL, FORCE)
    A unit (sentence or whole document) gets a label when one of its events fits. Only events that
    happened count (modality asserted or historical: a demanded arrest or a denied firing does not).

    * police: the event's actor is police (sector COP, or police words in its text: police, policemen,
      constable, cop, CRPF, SRP, RAF, paramilitary, security forces, station house officer, home guards ...);
      *police context*: the event has no actor, its recipient is not the police, and the evidence sentence
      names the police other than as premises ("under the Kotwali police station" is a place, not the police);
    * KILL: an ASSAULT whose trigger is a killing ("killed", "shot dead", ...) or that carries a dead
      count, by the police, or in police context with firing named in the sentence ("killed in police
      firing") and the killing not told as done by other means ("stabbed to death");
    * ARREST: a COERCE event with an arrest trigger (arrest, detain, nab, round up, pick up, custody,
      held) or in arrest mode unless the trigger is only legal action (charged, sentenced) — by
      anyone, since arrests are made by police in practice. "Booked" counts: in Indian police usage a person
      booked has a case registered against them, and the training split labels it an arrest in 8 of 10 coded;
    * FORCE: police use of force: KILL, or an ASSAULT by the police, or a police event (or one in police
      context) whose trigger is firing, shooting, a lathi/cane/baton charge or tear gas, or whose means is
      (mode firearms: "injured in the firing, police said"; CAMEO 175). An event of CAMEO 175 (lathi, baton
      or cane charge, tear gas: crowd-control means of the police) with no actor named and not aimed at the
      police counts as FORCE too ("tear-gas shells were lobbed"), as arrests count by anyone. KILL implies
      FORCE, as in the gold. A killing trigger includes "fell" (coded ASSAULT only in "fell to police
      bullets").

    ANY_ACTION and FAIL are not scored. Per-label P/R/F1 and n (gold positives).
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Final, TypeVar

from ..codes import PLOVER_QUAD, PLOVER_TYPES, TYPE_CLASS
from ..errors import EvaluationError
from ..model import Actor, Event
from .metrics import prf

T = TypeVar("T")  # an item of a gold set, sampled or split whatever its kind

FORMATS: Final[tuple[str, ...]] = ("plover-gsr", "cameo-class", "cameo-ner", "ipe")
BATCH: Final[int] = 64

# Old PLOVER 0.5b1 names -> current PLOVER, used only when CAMEO2PLOVER-2021.txt cannot be read.
OLD_NAMES: Final[dict[str, str]] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
# CAMEO's country codes that are not ISO 3166-1 alpha-3.
CAMEO_COUNTRY: Final[dict[str, str]] = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
IPE_LABELS: Final[tuple[str, ...]] = ("KILL", "ARREST", "FORCE")
_IPE_COLUMNS: Final[dict[str, int]] = {"KILL": 1, "ARREST": 2, "ANY_ACTION": 3, "FAIL": 4, "FORCE": 5}
_POLICE = re.compile(
    r"\b(police\w*|policem[ae]n|cops?|constables?|head constables?|sub-inspectors?|inspectors?|crpf|srp|raf|"
    r"rapid action force|paramilitary|security forces|jawans?|khaki|dsp|superintendent of police|"
    r"station house officers?|sho|dcp|acp|home guards?)\b",
    re.IGNORECASE,
)
# Police premises named as places ("under the Naubatpur police station"): no mention of the police acting.
_POLICE_PLACE = re.compile(r"\bpolice (station|chowki|outpost|post|lines|headquarters|control room)s?\b",
                           re.IGNORECASE)
# CAMEO 175, violent repression: lathi, baton and cane charges and tear gas, crowd-control means of the police.
_REPRESSION: Final = "175"
_KILL_TRIGGER = re.compile(
    r"\b(kill\w*|shot dead|shoot\w* dead|gunned down|murder\w*|died|die|dies|death|deaths|perish\w*|succumb\w*|"
    r"fell|f[ae]lls?|falling)\b",
    re.IGNORECASE)
_ARREST_TRIGGER = re.compile(
    r"\b(arrest\w*|detain\w*|detention|nab\w*|round\w* up|rounded|custody|held|picked up|apprehend\w*)\b",
    re.IGNORECASE,
)
_LEGAL_ONLY = re.compile(r"\b(charg\w*|su(e|ed|ing)|sentenc\w*|convict\w*|prosecut\w*)\b", re.IGNORECASE)
_FIRING = re.compile(r"\b(fir(e|ed|es|ing)|shot|shoot\w*|bullets?|rounds)\b", re.IGNORECASE)
_FORCE_TRIGGER = re.compile(
    r"\b(fir(e|ed|es|ing)|shot|shoot\w*|lathi\w*|lathi-?charg\w*|cane-?charg\w*|baton\w*|tear[- ]?gas\w*|"
    r"rounds|bullets?|open\w* fire)\b",
    re.IGNORECASE,
)


# ---------------------------------------------------------------- shared helpers


def code_texts(texts: Sequence[str], *, use_model: bool = False, detector: bool = False,
               detector_log: list[tuple[list[Event], list[Event]]] | None = None,
               ) -> tuple[list[list[Event]], Counter[str]]:
    """Events per text, in order, and a tally of document statuses (skipped texts have no events).

    ``use_model``: the rule events pass through the packaged sentence classifier
    (``dragoman.extract.events.classifier.gate_coded``): dropped where it is confident there is no interaction, and
    each sentence's event of the model's preferred quad first.
    ``detector``: the rule events pass through the trained event detector
    (``dragoman.extract.events.detector.apply_detector``, on a second parse of the cleaned body): dropped, reordered
    and completed by model events, as ``detector_mode("add")`` codes; ``detector_log`` receives (dropped,
    added) events per text.
    With neither, the texts are coded as ``dragoman code`` codes them (the detector mode of the context:
    by default the rules with the detector's drops, order, additions and confidence; ``detector_mode("rules")``:
    rules only).
    """
    from ..extract import detector_mode
    from ..ingest import article_from_text
    from ..pipeline import code_articles

    events: list[list[Event]] = []
    status: Counter[str] = Counter()
    for start in range(0, len(texts), BATCH):
        batch = [article_from_text(text, source_id=f"gold:{start + i}") for i, text in enumerate(texts[start:start
                                                                                                     + BATCH])]
        if use_model or detector:  # both post-process the rule events alone
            with detector_mode("rules"):
                coded_batch = code_articles(batch)
        else:
            coded_batch = code_articles(batch)
        docs = _parse_bodies(coded_batch) if detector else [None] * len(coded_batch)
        for coded, doc in zip(coded_batch, docs):
            status[coded.status if coded.status == "ok" else f"{coded.status}: {coded.error}"] += 1
            # the coder's order: text order, and within a sentence the detector's (its likeliest quad first), which
            # is what names a sentence's leading event
            ordered = list(coded.events)
            if use_model:
                from ..extract.events.classifier import gate_coded

                ordered = gate_coded(ordered)
            if detector:
                ordered = _detect(coded, doc, ordered, detector_log)
            events.append(ordered)
    if len(events) != len(texts):
        raise EvaluationError(
            f"coded {len(events)} documents for {len(texts)} gold texts: the pipeline dropped inputs; "
            "check dragoman.pipeline.code_articles", stage="evaluate",
        )
    return events, status


def _parse_bodies(coded_batch: Sequence[Any]) -> list[Any]:
    from ..nlp import parse

    ok = [i for i, c in enumerate(coded_batch) if c.status == "ok" and c.clean is not None]
    docs: list[Any] = [None] * len(coded_batch)
    for i, doc in zip(ok, parse(coded_batch[i].clean.body for i in ok)):
        docs[i] = doc
    return docs


def _detect(coded: Any, doc: Any, events: list[Event], log: list[tuple[list[Event], list[Event]]] | None
            ) -> list[Event]:
    """The detector applied to one coded text (events unchanged when it was not parsed)."""
    if doc is None:
        if log is not None:
            log.append(([], []))
        return events
    from ..extract import event_builder
    from ..extract.events.detector import apply_detector

    scored = apply_detector(doc, events, offsets=coded.clean.offsets,
                            make_event=event_builder(doc, coded.article, coded.clean))
    out = [s.event for s in scored]
    if log is not None:
        kept = {e.event_id for e in out}
        log.append(([e for e in events if e.event_id not in kept], [s.event for s in scored if s.origin == "model"]))
    return out


def detector_details(logs: Sequence[tuple[list[Event], list[Event]]],
                     dropped_right: Callable[[int, Event], bool], added_right: Callable[[int, Event], bool]
                     ) -> dict[str, Any]:
    """Events the detector dropped and added, and the share of each that was right by the set's gold."""
    dropped = [(i, e) for i, (d, _a) in enumerate(logs) for e in d]
    added = [(i, e) for i, (_d, a) in enumerate(logs) for e in a]
    good_drops = sum(1 for i, e in dropped if dropped_right(i, e))
    good_adds = sum(1 for i, e in added if added_right(i, e))
    return {"dropped": len(dropped), "dropped_precision": round(good_drops / len(dropped), 4) if dropped else None,
            "added": len(added), "added_precision": round(good_adds / len(added), 4) if added else None,
            "units_changed": sum(1 for d, a in logs if d or a)}


def _text_order(event: Event) -> int:
    start = event.evidence.trigger_start
    return start if start is not None else event.evidence.start


def _require(path: Path, what: str) -> Path:
    if not path.is_file():
        raise EvaluationError(f"gold file {path} not found: pass the {what} file from ../shared/gold/events",
                              stage="evaluate")
    return path


def _sample(items: list[T], limit: int | None, stride: int) -> list[T]:
    """Every ``stride``-th unit, then the first ``limit`` of those (a spread-out sample for tests)."""
    if stride < 1:
        raise EvaluationError(f"stride {stride} must be 1 or more", stage="evaluate")
    items = items[::stride]
    return items[:limit] if limit is not None else items


SPLITS: Final[tuple[str, ...]] = ("heldout", "train")


def _split(items: list[T], split: str | None, text: Callable[[T], str]) -> list[T]:
    """Units of the classifier's fixed hash split: ``heldout`` (never trained on), ``train``, or all (None)."""
    if split is None:
        return items
    if split not in SPLITS:
        raise EvaluationError(f"unknown split {split!r}: use one of {', '.join(SPLITS)} or none", stage="evaluate")
    from ..extract.events.classifier import in_heldout

    return [item for item in items if in_heldout(text(item)) == (split == "heldout")]


def score_events(
    gold: Path, *, format: str, limit: int | None = None, stride: int = 1,  # noqa: A002
    use_model: bool = False, split: str | None = None, detector: bool = False, rules_only: bool = False,
) -> dict[str, Any]:
    """Score the coder on one gold event file.

    ``stride`` keeps every N-th unit and ``limit`` the first N of those: tests score a spread-out sample.
    ``use_model`` gates the rule events with the packaged classifier (rules-only when False);
    ``split`` keeps only the classifier's ``heldout`` (or ``train``) units, taken before the sample;
    ``detector`` applies the trained event detector after the rules (details: what it dropped and added),
    adding events too; ``rules_only`` codes with the rules alone (``detector_mode("rules")``); with neither,
    the default coding path (rules, then the detector's drops and order).
    """
    from ..extract import detector_mode

    if rules_only:
        with detector_mode("rules"):
            return score_events(gold, format=format, limit=limit, stride=stride, use_model=use_model, split=split,
                                detector=detector)
    gold = Path(gold)
    options: dict[str, Any] = {"limit": limit, "stride": stride, "use_model": use_model, "split": split}
    if detector:
        options["detector"] = True
    if format == "plover-gsr":
        return score_plover_gsr(gold, **options)
    if format == "cameo-class":
        return score_cameo_class(gold, **options)
    if format == "cameo-ner":
        return score_cameo_ner(gold, **options)
    if format == "ipe":
        return score_ipe(gold, **options)
    raise EvaluationError(f"unknown gold format {format!r}: use one of {', '.join(FORMATS)}", stage="evaluate")


# ---------------------------------------------------------------- plover-gsr


def old_name_map(table: Path | None) -> tuple[dict[str, str], str]:
    """Old PLOVER names -> current types, derived from CAMEO2PLOVER-2021.txt (or our fallback map)."""
    if table is None or not table.is_file():
        return dict(OLD_NAMES), "fallback"
    votes: dict[str, Counter[str]] = {}
    for raw in table.read_text("utf-8", errors="replace").splitlines():
        line = raw.strip()
        if not re.match(r"^\d{2,4}:", line):
            continue
        body, _, description = line.partition("#")
        fields = [f.strip() for f in body.split(":", 1)[1].split(",")]
        type_ = fields[0].upper()
        if type_ not in PLOVER_QUAD:
            continue
        mode = fields[1].lower() if len(fields) > 1 else ""
        first_word = description.strip().split(" ")[0].lower() if description.strip() else ""
        for word in {mode, first_word} - {""}:
            votes.setdefault(word.upper(), Counter())[type_] += 1
    mapping = {}
    for old, fallback in OLD_NAMES.items():
        counter = votes.get(old)
        mapping[old] = counter.most_common(1)[0][0] if counter else fallback
    return mapping, str(table.name)


def _current_type(name: str, mapping: dict[str, str]) -> str | None:
    name = name.upper()
    if name in PLOVER_QUAD:
        return name
    return mapping.get(name)


def _gold_actors(value: Any) -> list[dict[str, Any]]:
    return [a for a in value if isinstance(a, dict)] if isinstance(value, list) else []


def _country(code: str | None) -> str | None:
    if not code or not isinstance(code, str):
        return None
    code = code.strip().upper()[:3]
    return CAMEO_COUNTRY.get(code, code) if re.fullmatch(r"[A-Z]{3}", code) else None


# The 0.5b1 gold codes every international body IGO; PLOVER (and dragoman) split them into UNO, EUR, NGO, IGO.
_INTERNATIONAL = frozenset({"IGO", "UNO", "EUR", "NGO"})


def _country_matches(predicted: str | None, gold: set[str | None]) -> bool:
    if predicted is None:
        return False
    return predicted in gold or ("IGO" in gold and predicted in _INTERNATIONAL)


def _sector(code: str | None) -> str | None:
    if not code or not isinstance(code, str):
        return None
    code = code.strip()[:3].upper()
    if not re.fullmatch(r"[A-Z]{3}", code):
        return None
    return "CVL" if code == "CIV" else code


def _actor_agreement(event: Event, sources: list[dict[str, Any]], targets: list[dict[str, Any]]) -> int:
    score = 0
    for actor, gold in ((event.actor, sources), (event.recipient, targets)):
        if actor is None:
            continue
        score += _country_matches(actor.country, {_country(g.get("code")) for g in gold})
        score += actor.sector is not None and actor.sector in {_sector(g.get("sector")) for g in gold}
    return score


def score_plover_gsr(gold: Path, *, limit: int | None = None, stride: int = 1, use_model: bool = False,
                     split: str | None = None, detector: bool = False) -> dict[str, Any]:
    _require(gold, "plover-gsr/PLOVER_GSR_CAMEO.txt")
    try:
        records = json.loads(gold.read_text("utf-8"))
    except json.JSONDecodeError as exc:
        raise EvaluationError(f"{gold} is not the PLOVER GSR JSON list ({exc}): pass PLOVER_GSR_CAMEO.txt",
                              stage="evaluate") from exc
    mapping, mapping_source = old_name_map(gold.parent / "CAMEO2PLOVER-2021.txt")
    units = [r for r in records if isinstance(r, dict) and r.get("text") and r.get("event") != "DOCUMENT"]
    units = _sample(_split(units, split, lambda r: str(r["text"])), limit, stride)
    logs: list[tuple[list[Event], list[Event]]] = []
    coded, status = code_texts([str(r["text"]) for r in units], use_model=use_model, detector=detector,
                               detector_log=logs)

    tp = fp = fn = top1 = 0
    per_type: dict[str, list[int]] = {t: [0, 0, 0] for t in PLOVER_TYPES}
    actor_tally: dict[str, list[int]] = {k: [0, 0] for k in
                                          ("source_country", "source_sector", "target_country", "target_sector")}
    unmapped: Counter[str] = Counter()
    for record, events in zip(units, coded):
        gold_type = _current_type(str(record["event"]), mapping)
        if gold_type is None:
            unmapped[str(record["event"])] += 1
            continue
        predicted = {e.type for e in events}
        top1 += bool(events) and events[0].type == gold_type
        if gold_type in predicted:
            tp += 1
            per_type[gold_type][0] += 1
        else:
            fn += 1
            per_type[gold_type][2] += 1
        for other in predicted - {gold_type}:
            fp += 1
            if other in per_type:
                per_type[other][1] += 1
        matches = [e for e in events if e.type == gold_type]
        if not matches:
            continue
        sources, targets = _gold_actors(record.get("source")), _gold_actors(record.get("target"))
        best = max(matches, key=lambda e: _actor_agreement(e, sources, targets))
        for role, actor, gold_actors in (("source", best.actor, sources), ("target", best.recipient, targets)):
            countries = {_country(g.get("code")) for g in gold_actors} - {None}
            sectors = {_sector(g.get("sector")) for g in gold_actors} - {None}
            if countries:
                actor_tally[f"{role}_country"][1] += 1
                actor_tally[f"{role}_country"][0] += actor is not None and _country_matches(actor.country, countries)
            if sectors:
                actor_tally[f"{role}_sector"][1] += 1
                actor_tally[f"{role}_sector"][0] += actor is not None and actor.sector in sectors
    scored = tp + fn
    type_scores = prf(tp, fp, fn)
    details: dict[str, Any] = {"old_name_map": mapping, "map_source": mapping_source, "unmapped": dict(unmapped),
                               "status": dict(status)}
    if detector:
        types = [_current_type(str(r["event"]), mapping) for r in units]
        details["detector"] = detector_details(logs, lambda i, e: e.type != types[i], lambda i, e: e.type == types[i])
    return {
        "format": "plover-gsr",
        "gold": str(gold),
        "records": len(units),
        **{k: type_scores[k] for k in ("precision", "recall", "f1", "n")},
        "type": type_scores,
        "top1_accuracy": round(top1 / scored, 4) if scored else 0.0,
        "per_type": {t: prf(*v) for t, v in per_type.items() if any(v)},
        "actors": {k: {"accuracy": round(c / n, 4) if n else 0.0, "n": n} for k, (c, n) in actor_tally.items()},
        "details": details,
    }


# ---------------------------------------------------------------- cameo-class


def _read_tsv(path: Path) -> list[list[str]]:
    csv.field_size_limit(1 << 30)
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        return [row for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE) if row]


# cameo-class's class 0 is "statement": the set gives it to sentences of no interaction and to statements and
# appeals (CAMEO roots 01 and 02; PLOVER codes an appeal REQUEST, whose quad is verbal conflict), demands being 3.
STATEMENT_ROOTS: Final = ("01", "02")


def event_class(event: Event) -> int:
    """An event's cameo-class label: 0 for a statement or an appeal, else its type's class as the set labels it
    (``TYPE_CLASS``: PLOVER's quad class, yielding material cooperation)."""
    if event.cameo is not None and event.cameo[:2] in STATEMENT_ROOTS:
        return 0
    return TYPE_CLASS.get(event.type, 0)


def sentence_class(events: Sequence[Event]) -> int:
    """0 for no event, else the class (``event_class``) of the first event in the coder's order (its leading event)."""
    return event_class(events[0]) if events else 0


def classification_scores(gold: Sequence[int], predicted: Sequence[int], labels: Iterable[int]) -> dict[str, Any]:
    per_class = {}
    for label in labels:
        tp = sum(1 for g, p in zip(gold, predicted) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, predicted) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, predicted) if g == label and p != label)
        per_class[str(label)] = prf(tp, fp, fn)
    n = len(gold)
    correct = sum(1 for g, p in zip(gold, predicted) if g == p)
    macro = sum(float(s["f1"]) for s in per_class.values()) / len(per_class) if per_class else 0.0
    return {"accuracy": round(correct / n, 4) if n else 0.0, "macro_f1": round(macro, 4), "n": n,
            "per_class": per_class}


def read_cameo_class(gold: Path, *, limit: int | None = None) -> list[tuple[str, int]]:
    rows = []
    for line_no, row in enumerate(_read_tsv(_require(gold, "cameo-class/train.tsv")), 1):
        if len(row) < 2 or not row[-1].strip().isdigit():
            raise EvaluationError(f"{gold}:{line_no}: expected text<TAB>label (0-4), got {row[:2]!r}",
                                  stage="evaluate")
        rows.append(("\t".join(row[:-1]), int(row[-1])))
    return rows[:limit] if limit is not None else rows


def score_cameo_class(gold: Path, *, limit: int | None = None, stride: int = 1, use_model: bool = False,
                      split: str | None = None, detector: bool = False) -> dict[str, Any]:
    rows = _sample(_split(read_cameo_class(gold), split, lambda r: r[0]), limit, stride)
    logs: list[tuple[list[Event], list[Event]]] = []
    coded, status = code_texts([text for text, _label in rows], use_model=use_model, detector=detector,
                               detector_log=logs)
    gold_labels = [label for _text, label in rows]
    predicted = [sentence_class(events) for events in coded]
    scores = classification_scores(gold_labels, predicted, range(5))
    any_right = sum(1 for g, events in zip(gold_labels, coded)
                    if (g == 0 and not events) or g in {event_class(e) for e in events})
    confusion = Counter(f"{g}->{p}" for g, p in zip(gold_labels, predicted))
    per = scores["per_class"].values()
    macro_p = sum(float(c["precision"]) for c in per) / 5
    macro_r = sum(float(c["recall"]) for c in per) / 5
    details: dict[str, Any] = {"any_accuracy": round(any_right / len(rows), 4) if rows else 0.0,
                               "confusion": dict(sorted(confusion.items())), "status": dict(status)}
    if detector:
        details["detector"] = detector_details(
            logs, lambda i, e: event_class(e) != gold_labels[i], lambda i, e: event_class(e) == gold_labels[i])
    return {"format": "cameo-class", "gold": str(gold), **scores,
            "precision": round(macro_p, 4), "recall": round(macro_r, 4), "f1": scores["macro_f1"], "details": details}


# ---------------------------------------------------------------- cameo-ner


def read_cameo_ner(gold: Path, *, limit: int | None = None) -> list[list[tuple[str, str]]]:
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for line_no, raw in enumerate(_require(gold, "cameo-ner/train.txt").read_text("utf-8").splitlines(), 1):
        line = raw.strip()
        if not line:
            if current:
                sentences.append(current)
                current = []
            continue
        word, _, tag = line.rpartition(" ")
        if not word or not re.fullmatch(r"O|[BI]-[STR]", tag):
            raise EvaluationError(f"{gold}:{line_no}: expected 'token TAG' with TAG O or B-/I-S|T|R, got {line!r}",
                                  stage="evaluate")
        current.append((word, tag))
    if current:
        sentences.append(current)
    return sentences[:limit] if limit is not None else sentences


def bio_spans(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """``(label, first, last)`` token spans from BIO tags (an I- without a B- opens a span)."""
    spans: list[tuple[str, int, int]] = []
    for i, tag in enumerate(tags):
        if tag == "O":
            continue
        kind, label = tag.split("-", 1)
        if kind == "I" and spans and spans[-1][0] == label and spans[-1][2] == i - 1:
            spans[-1] = (label, spans[-1][1], i)
        else:
            spans.append((label, i, i))
    return spans


def cameo_ner_text(sentence: Sequence[tuple[str, str]]) -> tuple[str, list[tuple[int, int]]]:
    """A cameo-ner sentence's words joined by single spaces, and each word's character offsets in that text."""
    offsets, pos = [], 0
    for word, _tag in sentence:
        offsets.append((pos, pos + len(word)))
        pos += len(word) + 1
    return " ".join(word for word, _tag in sentence), offsets


def _token_span(offsets: Sequence[tuple[int, int]], start: int | None, end: int | None) -> tuple[int, int] | None:
    if start is None or end is None:
        return None
    hit = [i for i, (a, b) in enumerate(offsets) if a < end and start < b]
    return (hit[0], hit[-1]) if hit else None


def score_cameo_ner(gold: Path, *, limit: int | None = None, stride: int = 1, use_model: bool = False,
                    split: str | None = None, detector: bool = False) -> dict[str, Any]:
    sentences = _sample(_split(read_cameo_ner(gold), split, lambda s: " ".join(w for w, _t in s)), limit, stride)
    texts, all_offsets = [], []
    for sentence in sentences:
        text, offsets = cameo_ner_text(sentence)
        texts.append(text)
        all_offsets.append(offsets)
    logs: list[tuple[list[Event], list[Event]]] = []
    coded, status = code_texts(texts, use_model=use_model, detector=detector, detector_log=logs)
    tallies = {role: {"token": [0, 0, 0], "exact": [0, 0, 0]} for role in ("source", "target")}
    gold_tokens_of: list[dict[str, set[int]]] = []
    for sentence, offsets, events in zip(sentences, all_offsets, coded):
        spans = bio_spans([tag for _word, tag in sentence])
        gold_spans = {"source": {(a, b) for label, a, b in spans if label in ("S", "R")},
                      "target": {(a, b) for label, a, b in spans if label in ("T", "R")}}
        gold_tokens_of.append({role: {i for a, b in gold_spans[role] for i in range(a, b + 1)}
                               for role in ("source", "target")})
        predicted: dict[str, set[tuple[int, int]]] = {"source": set(), "target": set()}
        for event in events:
            for role, actor in (("source", event.actor), ("target", event.recipient)):
                if actor is not None:
                    span = _token_span(offsets, actor.start, actor.end)
                    if span is not None:
                        predicted[role].add(span)
        for role in ("source", "target"):
            gold_tokens = {i for a, b in gold_spans[role] for i in range(a, b + 1)}
            pred_tokens = {i for a, b in predicted[role] for i in range(a, b + 1)}
            tally = tallies[role]
            tally["token"][0] += len(gold_tokens & pred_tokens)
            tally["token"][1] += len(pred_tokens - gold_tokens)
            tally["token"][2] += len(gold_tokens - pred_tokens)
            tally["exact"][0] += len(gold_spans[role] & predicted[role])
            tally["exact"][1] += len(predicted[role] - gold_spans[role])
            tally["exact"][2] += len(gold_spans[role] - predicted[role])
    result: dict[str, Any] = {"format": "cameo-ner", "gold": str(gold), "sentences": len(sentences)}
    for role in ("source", "target"):
        result[role] = {"token": prf(*tallies[role]["token"]), "exact": prf(*tallies[role]["exact"])}
    both = prf(*(tallies["source"]["token"][i] + tallies["target"]["token"][i] for i in range(3)))
    result.update({k: both[k] for k in ("precision", "recall", "f1", "n")})  # token level, both roles
    result["details"] = {"status": dict(status)}
    if detector:
        def right(i: int, event: Event) -> bool:  # an argument of the event overlaps a gold span of its role
            for role, actor in (("source", event.actor), ("target", event.recipient)):
                span = _token_span(all_offsets[i], actor.start, actor.end) if actor is not None else None
                if span is not None and set(range(span[0], span[1] + 1)) & gold_tokens_of[i][role]:
                    return True
            return False

        result["details"]["detector"] = detector_details(logs, lambda i, e: not right(i, e), right)
    return result


# ---------------------------------------------------------------- ipe


def _is_police(actor: Actor | None) -> bool:
    if actor is None:
        return False
    return actor.sector == "COP" or bool(_POLICE.search(actor.text or "")) or bool(_POLICE.search(actor.name or ""))


def ipe_labels(events: Iterable[Event]) -> set[str]:
    """KILL / ARREST / FORCE for a unit's events (mapping in the module docstring)."""
    labels: set[str] = set()
    for event in events:
        if event.modality not in ("asserted", "historical"):
            continue  # demanded, threatened or denied arrests and firings did not happen
        trigger = event.evidence.trigger or ""
        sentence = event.evidence.sentence
        by_police = _is_police(event.actor)
        # No actor named, the police named in the sentence and not as the target: "killed in police firing".
        police_context = (event.actor is None and not _is_police(event.recipient)
                          and bool(_POLICE.search(_POLICE_PLACE.sub(" ", sentence))))
        # the trigger names firing or crowd control, or its weapon does ("injured in the firing": firearms)
        force_trigger = bool(_FORCE_TRIGGER.search(trigger)) or event.mode == "firearms" or event.cameo == _REPRESSION
        if event.cameo == _REPRESSION and event.actor is None and not _is_police(event.recipient):
            labels.add("FORCE")  # "tear-gas shells were lobbed to disperse the crowd": police means
        killing = event.type == "ASSAULT" and (bool(_KILL_TRIGGER.search(trigger)) or bool(event.counts.dead))
        # the police firing named beside a killing by other means did not do it ("stabbed to death ... police fired")
        shot_or_unsaid = event.mode in (None, "firearms")
        if killing and (by_police or (police_context and shot_or_unsaid and _FIRING.search(sentence))):
            labels.update(("KILL", "FORCE"))
        if event.type == "COERCE" and (_ARREST_TRIGGER.search(trigger) or (
                event.mode == "arrest" and not _LEGAL_ONLY.search(trigger))):
            labels.add("ARREST")
        if (by_police and (event.type == "ASSAULT" or force_trigger)) or (police_context and force_trigger):
            labels.add("FORCE")
    return labels


def read_ipe(gold: Path, *, limit: int | None = None) -> list[tuple[str, set[str]]]:
    rows = []
    for line_no, row in enumerate(_read_tsv(_require(gold, "india-police-events sents-*.tsv or docs-*.tsv")), 1):
        if len(row) < 6 or not all(v.strip() in ("0", "1") for v in row[-5:]):
            raise EvaluationError(f"{gold}:{line_no}: expected text and five 0/1 columns "
                                  "(KILL ARREST ANY_ACTION FAIL FORCE)", stage="evaluate")
        text = "\t".join(row[:-5])
        labels = {name for name, col in _IPE_COLUMNS.items() if row[-6 + col].strip() == "1"}
        rows.append((text, labels))
    return rows[:limit] if limit is not None else rows


def score_ipe(gold: Path, *, limit: int | None = None, stride: int = 1, use_model: bool = False,
              split: str | None = None, detector: bool = False) -> dict[str, Any]:
    rows = _sample(_split(read_ipe(gold), split, lambda r: r[0]), limit, stride)
    logs: list[tuple[list[Event], list[Event]]] = []
    coded, status = code_texts([text for text, _labels in rows], use_model=use_model, detector=detector,
                               detector_log=logs)
    result: dict[str, Any] = {"format": "ipe", "gold": str(gold), "units": len(rows),
                              "unit": "document" if gold.name.startswith("docs") else "sentence"}
    predictions = [ipe_labels(events) for events in coded]
    totals = [0, 0, 0]
    for label in IPE_LABELS:
        tp = sum(1 for (_t, g), p in zip(rows, predictions) if label in g and label in p)
        fp = sum(1 for (_t, g), p in zip(rows, predictions) if label not in g and label in p)
        fn = sum(1 for (_t, g), p in zip(rows, predictions) if label in g and label not in p)
        result[label] = prf(tp, fp, fn)
        totals = [totals[0] + tp, totals[1] + fp, totals[2] + fn]
    micro = prf(*totals)
    result.update({k: micro[k] for k in ("precision", "recall", "f1", "n")})  # micro over the three labels
    result["details"] = {"status": dict(status)}
    if detector:
        result["details"]["detector"] = detector_details(
            logs, lambda i, e: not ipe_labels([e]) & rows[i][1], lambda i, e: bool(ipe_labels([e]) & rows[i][1]))
    return result
