"""Featurise training units exactly as coding does: the real pipeline, then the detector's features.

Each text goes through ``pipeline.code_articles`` in ``detector_mode("rules")`` (the rule events alone, in text
order, as the scorers see them) and
its cleaned body is parsed again for ``classifier.sentence_features`` (what ``apply_detector`` computes per
sentence; a unit's features are the union over its sentences, as gold labels are per unit). Parsing is the slow
part, so results can be cached in a JSON-lines file keyed by the text and a version stamp.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..evaluate.events import BATCH, _text_order, event_class, ipe_labels
from ..extract import detector_mode
from ..extract.events.classifier import sentence_features
from ..extract.events.detector import rule_features
from ..extract.events.triggers import find_events, load_lexicon
from ..ingest import article_from_text
from ..model import Actor
from ..nlp import get_nlp
from ..pipeline import code_articles

CharSpan = tuple[int, int] | None  # start, end in the text

VERSION = "5"  # bump when sentence_features or the rule coder changes what a cached row holds


@dataclass(frozen=True, slots=True)
class Coded:
    """A unit as the detector sees it: its features and its rule events (type, quad, modality) in text order."""

    features: tuple[str, ...]
    types: tuple[str, ...]
    ipe: tuple[str, ...]  # the evaluator's IndiaPoliceEvents labels of the rule events
    spans: tuple[tuple[CharSpan, CharSpan], ...]  # actor, recipient char spans of each rule event
    statements: tuple[bool, ...] = ()  # each rule event a statement or an appeal (cameo-class's class 0)

    def inputs(self) -> list[str]:
        """The detector's input for the unit (``detector_features`` of its sentences, united)."""
        return list(self.features) + rule_features(self.types)


def _key(text: str) -> str:
    return hashlib.sha1(f"{VERSION}\x00{text}".encode()).hexdigest()


def _code(texts: Sequence[str]) -> list[Coded]:
    out: list[Coded] = []
    lex = load_lexicon()
    nlp = get_nlp()
    for start in range(0, len(texts), BATCH):
        batch = [article_from_text(text, source_id=f"train:{start + i}")
                 for i, text in enumerate(texts[start:start + BATCH])]
        with detector_mode("rules"):  # the rule events alone: not the shipped detector's own drops, which
            coded = code_articles(batch)  # would make a rebuild depend on the file it replaces
        bodies = [c.clean.body if c.clean is not None and c.status == "ok" else "" for c in coded]
        for doc_coded, doc in zip(coded, nlp.pipe(bodies, batch_size=BATCH)):
            events = sorted(doc_coded.events, key=_text_order)
            features: set[str] = set()
            for sent in doc.sents:
                features.update(sentence_features(sent, found=find_events(sent, lex)))
            out.append(Coded(
                tuple(sorted(features)), tuple(e.type for e in events), tuple(sorted(ipe_labels(events))),
                tuple((_char_span(e.actor), _char_span(e.recipient)) for e in events),
                tuple(event_class(e) == 0 for e in events),
            ))
    return out


def _char_span(actor: Actor | None) -> CharSpan:
    """An actor's character span, None when there is no actor or it has no offsets."""
    if actor is None or actor.start is None or actor.end is None:
        return None
    return (actor.start, actor.end)


def _stored_span(span: list[int] | None) -> CharSpan:
    """A span as the cache file holds it (JSON: a list of two, or null)."""
    return (span[0], span[1]) if span else None


def featurize(texts: Sequence[str], *, cache: Path | None = None) -> list[Coded]:
    """``Coded`` for every text, reading and extending ``cache`` when given."""
    known: dict[str, Coded] = {}
    if cache is not None and cache.is_file():
        for line in cache.read_text("utf-8").splitlines():
            row = json.loads(line)
            known[row["key"]] = Coded(tuple(row["features"]), tuple(row["types"]), tuple(row["ipe"]),
                                      tuple((_stored_span(actor), _stored_span(recipient))
                                            for actor, recipient in row["spans"]), tuple(row["statements"]))
    missing = sorted({t for t in texts if _key(t) not in known})
    if missing:
        fresh = _code(missing)
        for text, coded in zip(missing, fresh):
            known[_key(text)] = coded
        if cache is not None:
            with cache.open("a", encoding="utf-8") as handle:
                for text, coded in zip(missing, fresh):
                    handle.write(json.dumps({"key": _key(text), "features": coded.features, "types": coded.types,
                                             "ipe": coded.ipe, "spans": coded.spans,
                                             "statements": coded.statements}) + "\n")
    return [known[_key(t)] for t in texts]
