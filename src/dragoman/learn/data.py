"""Training units for the event detector, read from ``../shared/gold/events`` (training files only).

Labels are sets of allowed labels over "NONE" and the 16 PLOVER types (a partial label allows several):

* ``cameo-class/train.tsv``: class 0 -> {NONE}; classes 1-4 -> the PLOVER types of that quad;
* ``plover-gsr/PLOVER_GSR_CAMEO.txt``: the record's type (old 0.5b1 names mapped as the scorer maps them);
* ``cameo-ner/train.txt``: a sentence with a source and a target actor (or a reciprocal one) reports an
  interaction: any of the 16 types; sentences without both sides carry no label and are not used;
* ``india-police-events/sents-train.tsv``: KILL -> ASSAULT, ARREST -> COERCE, FORCE alone -> COERCE or ASSAULT
  (the evaluator's mapping); sentences with none of the three are kept for tuning only (a police-free sentence
  may still report another event), a fixed spread-out sample of ``ipe_negatives`` of them;
* ``eval/annotations/news_sentences_*.jsonl`` (the project's own annotation of whole LGL, GeoWebNews,
  MEANTIME and TBAQ (TimeBank/AQUAINT wire) articles), when ``load_units`` is given their folder: each
  sentence's annotated PLOVER types, any
  modality, or {NONE} for a sentence that reports no event. The files hold offsets and sha256 only; the text is
  read from ``gold`` and a sentence whose text is absent or differs is skipped and counted (``load_news_units``).

The fixed hash split ``classifier.in_heldout`` (30% of cameo-class, plover-gsr, cameo-ner and news) is never read
for training or tuning: ``heldout`` units are returned flagged so the trainer can report on them. The
IndiaPoliceEvents dev files and every test split of a public set are not read here at all.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..codes import PLOVER_TYPES
from ..evaluate.events import (
    _current_type,
    bio_spans,
    old_name_map,
    read_cameo_class,
    read_cameo_ner,
    read_ipe,
)
from ..extract.events.classifier import in_heldout
from ..extract.events.detector import NONE, TYPE_CLASS

ALL_TYPES = frozenset(PLOVER_TYPES)
ANNOTATIONS = Path(__file__).resolve().parents[3] / "eval" / "annotations"
NEWS_FILES = {"LGL": "geo/LGL/lgl.xml", "GeoWebNews": "geo/GeoWebNews/GWN.xml"}
# TempEval-3's training documents (TimeBank 1.2 and AQUAINT wire news; the platinum test set is never read): the
# text is read_tml's, the id the file's stem
TBAQ_SETS = {"TBAQ-AQUAINT": "AQUAINT", "TBAQ-TimeBank": "TimeBank"}
IPE_TYPES = {"KILL": "ASSAULT", "ARREST": "COERCE"}


@dataclass(frozen=True, slots=True)
class Unit:
    """One gold text: where from, its labels (None: tuning only), whether it is held out, its gold for scoring."""

    source: str  # cameo-class, plover-gsr, cameo-ner, ipe, news
    text: str
    allowed: frozenset[str] | None
    heldout: bool
    # cameo-class: class 0-4; plover-gsr: type; ipe: its labels; news: its annotated types (empty: no event)
    gold: int | str | frozenset[str] | None = None
    # cameo-ner: "tags", the words' BIO tags; a sampled ipe negative: "weight", how many negatives it stands for
    extra: dict[str, Any] = field(default_factory=dict)

    def gold_class(self) -> int:
        """A cameo-class unit's gold class, 0-4."""
        if not isinstance(self.gold, int):
            raise TypeError(f"a {self.source} unit has no gold class: {self.gold!r}")
        return self.gold

    def gold_labels(self) -> frozenset[str]:
        """An ipe unit's gold labels (KILL, ARREST, FORCE; none for a negative); a news unit's annotated types."""
        if not isinstance(self.gold, frozenset):
            raise TypeError(f"a {self.source} unit has no gold labels: {self.gold!r}")
        return self.gold


def quad_types(cls: int) -> frozenset[str]:
    return frozenset({NONE}) if cls == 0 else frozenset(t for t in PLOVER_TYPES if TYPE_CLASS[t] == cls)


def load_units(gold: Path, *, ipe_negatives: int = 2000, news: Path | None = None) -> list[Unit]:
    """Every unit of the training files, held-out ones flagged (see the module docstring); the annotated news
    sentences of the folder ``news`` (usually ``ANNOTATIONS``) only when it is given."""
    events = Path(gold) / "events"
    units: list[Unit] = []
    for text, label in read_cameo_class(events / "cameo-class" / "train.tsv"):
        units.append(Unit("cameo-class", text, quad_types(label), in_heldout(text), label))
    plover = events / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"
    mapping, _source = old_name_map(plover.parent / "CAMEO2PLOVER-2021.txt")
    for record in json.loads(plover.read_text("utf-8")):
        if not isinstance(record, dict) or not record.get("text") or record.get("event") == "DOCUMENT":
            continue
        text = str(record["text"])
        type_ = _current_type(str(record.get("event", "")), mapping)
        if type_ is not None:
            units.append(Unit("plover-gsr", text, frozenset({type_}), in_heldout(text), type_))
    for sentence in read_cameo_ner(events / "cameo-ner" / "train.txt"):
        text = " ".join(w for w, _t in sentence)
        labels = {label for label, _a, _b in bio_spans([tag for _w, tag in sentence])}
        interaction = "R" in labels or {"S", "T"} <= labels
        units.append(Unit("cameo-ner", text, ALL_TYPES if interaction else None, in_heldout(text),
                          extra={"tags": [tag for _w, tag in sentence]}))
    rows = read_ipe(events / "india-police-events" / "sents-train.tsv")
    negatives = [i for i, (_t, lab) in enumerate(rows) if not lab & {"KILL", "ARREST", "FORCE"}]
    step = max(1, len(negatives) // max(1, ipe_negatives))
    chosen = set(negatives[::step][:ipe_negatives])
    # a sampled negative stands for this many in the tuning objective
    weight = len(negatives) / max(1, len(chosen))
    for i, (text, labels) in enumerate(rows):
        scored = labels & {"KILL", "ARREST", "FORCE"}
        if scored:
            types = {IPE_TYPES[k] for k in scored if k in IPE_TYPES} or {"COERCE", "ASSAULT"}
            units.append(Unit("ipe", text, frozenset(types), False, frozenset(scored)))
        elif i in chosen:
            units.append(Unit("ipe", text, None, False, frozenset(), {"weight": weight}))
    if news is not None:
        units.extend(load_news_units(gold, news)[0])
    return units


def article_texts(gold: Path, set_name: str) -> dict[str, str]:
    """doc id -> article text of one annotated set, as the story scorer and the MEANTIME reader take it."""
    if set_name in NEWS_FILES:
        path = gold / NEWS_FILES[set_name]
        if not path.is_file():
            return {}
        from ..evaluate.geo import read_gold

        return {article.doc_id: article.text for article in read_gold(path)}
    if set_name in TBAQ_SETS:
        from ..evaluate.timex import read_tml

        folder = gold / "time" / "TBAQ-cleaned" / TBAQ_SETS[set_name]
        return {path.stem: read_tml(path).text for path in sorted(folder.glob("*.tml"))} if folder.is_dir() else {}
    if set_name == "MEANTIME":
        from ..evaluate.timex import read_cat

        folder = gold / "time" / "MEANTIME" / "intra-doc_annotation"
        return {path.name: read_cat(path).text for path in sorted(folder.rglob("*.xml"))} if folder.is_dir() else {}
    return {}


def load_news_units(gold: Path, folder: Path = ANNOTATIONS) -> tuple[list[Unit], Counter[str]]:
    """The annotated news sentences of ``folder`` as units, and the count of those skipped by reason (a bad line,
    an unknown set, a text absent from ``gold``, a text whose sha256 differs from the annotated one)."""
    units: list[Unit] = []
    skipped: Counter[str] = Counter()
    texts: dict[str, dict[str, str]] = {}
    for path in sorted(Path(folder).glob("news_sentences_*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                set_name, doc_id = str(record["set"]), str(record["doc_id"])
                start, end, digest = int(record["start"]), int(record["end"]), str(record["sha256"])
                types = frozenset(str(t) for t in record["types"])
            except (ValueError, KeyError, TypeError):
                skipped["bad record"] += 1
                continue
            if not types <= ALL_TYPES:
                skipped["bad record"] += 1
                continue
            if set_name not in texts:
                texts[set_name] = article_texts(Path(gold), set_name)
            article = texts[set_name].get(doc_id)
            if article is None:
                skipped["text absent"] += 1
                continue
            text = article[start:end]
            if hashlib.sha256(text.encode("utf-8")).hexdigest() != digest:
                skipped["text differs"] += 1
                continue
            allowed = types or frozenset({NONE})
            # split by article, as the event check splits them: no sentence of an article the check measures on is
            # learnt by the detector whose confidence the check reads
            units.append(Unit("news", text, allowed, in_heldout(f"{set_name}:{doc_id}"), types,
                              {"set": set_name, "doc_id": doc_id, "asserted": frozenset(record.get("asserted", ()))}))
    return units, skipped
