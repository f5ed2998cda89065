"""A small sentence classifier that gates and ranks the rule coder's events (issue 3, item 10).

The rules stay the source of every event (trigger, actors, modality, evidence). This module only adds a
sentence-level judgement learnt from the development sets: the probability of each quad class,
0 = no interaction (a statement), 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
4 material conflict. It is a multinomial logistic regression over sparse binary features of the spaCy
parse: lemmas, the root and its arguments by dependency label, negation and modals, entity labels,
and what the rule lexicon finds in the sentence (trigger lemmas, PLOVER types, quads).

How it is used (transparent by construction):

* ``gate_events(sent, events)``: when the model is confident that the sentence reports no interaction
  (p(class 0) >= the packaged threshold) the rule events of that sentence are dropped; otherwise the
  events are returned with the one whose quad the model prefers first (stable, text order otherwise).
* ``sentence_quad_probs(sent)``: the probabilities, for callers that want a confidence per sentence.

The weights live in ``dragoman/data/event_model.json`` (rebuilt by ``bench/train_classifier.py``), are
read once, lazily, and scoring a sentence is one sparse dot product: a few dozen dictionary lookups.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Final

from ...codes import PLOVER_QUAD, TYPE_CLASS
from ...errors import ModelError
from ...model import Event
from ...resources import DATA_DIR, read_json
from .arguments import lemma_of
from .attribution import is_reporting_verb
from .triggers import find_events, load_lexicon, sentence_triggers
from .types import Found, Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

MODEL_PATH: Final = DATA_DIR / "event_model.json"
CLASSES: Final[tuple[int, ...]] = (0, 1, 2, 3, 4)
_CONTENT_POS: Final = frozenset({"NOUN", "VERB", "ADJ", "ADV"})
_ROOT_DEPS: Final = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "xcomp", "ccomp", "agent", "attr",
                               "advcl", "acomp", "prt", "conj"})
_ACTOR_ENTS: Final = frozenset({"NORP", "GPE", "ORG", "PERSON", "LOC", "FAC"})

__all__ = ["EventModel", "gate_events", "load_model", "predict_features", "sentence_features",
           "sentence_quad_probs"]


# ---------------------------------------------------------------- features


def sentence_features(sent: Span, *, found: Sequence[Found] | None = None) -> list[str]:
    """Sparse binary features of one parsed sentence (a spaCy Span), sorted and unique.

    ``found``: the rule coder's ``find_events(sent, load_lexicon())`` when the caller has it already.
    """
    lex = load_lexicon()
    feats = _token_features(sent, lex)
    root = sent.root
    feats |= _root_features(root)
    feats |= _found_features(found if found is not None else find_events(sent, lex), root)
    return sorted(feats)


def _token_features(sent: Span, lex: Lexicon) -> set[str]:
    """Content lemmas, negation, modals, entity labels and what the rule lexicon matches, word by word."""
    feats: set[str] = set()
    triggers = 0
    hits = sentence_triggers(sent, lex)
    for tok in sent:
        if tok.is_punct or tok.is_space:
            continue
        lemma = lemma_of(tok)
        if tok.pos_ in _CONTENT_POS and not tok.is_stop:
            feats.add(f"w:{lemma}")
        if tok.dep_ == "neg":
            feats.add("neg")
            feats.add(f"neg:{lemma_of(tok.head)}")
        elif tok.tag_ == "MD":
            feats.add(f"md:{lemma}")
        if tok.ent_iob_ == "B" and tok.ent_type_:
            feats.add(f"ent:{tok.ent_type_}")
        hit = hits.get(tok.i)
        if hit is not None:
            code, nominal, _end = hit
            triggers += 1
            feats.add(f"trig:{code.type}")
            feats.add(f"trigq:{PLOVER_QUAD[code.type]}")
            feats.add(f"triglem:{lemma}:{code.type}")
            feats.add(f"trignom:{code.type}" if nominal else f"trigverb:{code.type}")
    feats.add(f"ntrig:{min(triggers, 3)}")
    return feats


def _root_features(root: Token) -> set[str]:
    """The root's lemma and part of speech, and its arguments by dependency label."""
    feats = {f"root:{lemma_of(root)}", f"rootpos:{root.pos_}"}
    if is_reporting_verb(root):
        feats.add("root_reporting")
    for child in root.children:
        if child.dep_ in _ROOT_DEPS:
            feats.add(f"r_{child.dep_}:{lemma_of(child)}")
            if child.ent_type_ in _ACTOR_ENTS:
                feats.add(f"r_{child.dep_}_ent:{child.ent_type_}")
        elif child.dep_ == "prep":
            feats.add(f"r_prep:{child.lower_}")
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    feats.add(f"r_prep_{child.lower_}:{lemma_of(pobj)}")
        elif child.dep_ == "aux" and child.tag_ == "MD":
            feats.add(f"r_md:{lemma_of(child)}")
        elif child.dep_ == "neg":
            feats.add("r_neg")
    return feats


def _found_features(found: Sequence[Found], root: Token) -> set[str]:
    """The rule coder's events of the sentence: their types, quads, modes, the first one, missing arguments."""
    feats: set[str] = set()
    if not found:
        feats.add("ev:none")
    for index, item in enumerate(found):
        quad = PLOVER_QUAD[item.code.type]
        feats.add(f"ev:{item.code.type}")
        feats.add(f"evq:{quad}")
        if item.code.mode:
            feats.add(f"evmode:{item.code.type}:{item.code.mode}")
        if index == 0:
            feats.add(f"ev_first:{item.code.type}")
            feats.add(f"ev_firstq:{quad}")
        if item.anchor is root:
            feats.add(f"ev_root:{item.code.type}")
        if not item.actors or not item.recipients:
            feats.add(f"ev_{'noactor' if not item.actors else 'norecip'}:{quad}")
    return feats


# ---------------------------------------------------------------- the model


@dataclass(frozen=True, slots=True)
class EventModel:
    """Weights of the packaged classifier: one row of class weights per known feature."""

    index: dict[str, int]
    weights: tuple[tuple[float, ...], ...]  # [feature][class]
    bias: tuple[float, ...]
    drop_threshold: float
    rank: bool  # put the event of the preferred quad first (chosen by cross-validation when trained)
    meta: dict[str, Any]

    def probs(self, features: Iterable[str]) -> dict[int, float]:
        scores = list(self.bias)
        for feature in features:
            row = self.index.get(feature)
            if row is not None:
                for k, w in enumerate(self.weights[row]):
                    scores[k] += w
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return {c: e / total for c, e in zip(CLASSES, exp)}


def model_from_json(data: dict[str, Any], *, where: str) -> EventModel:
    """Check and build the model from its JSON form (see ``bench/train_classifier.py``)."""
    try:
        features = list(data["features"])
        weights = tuple(tuple(float(w) for w in row) for row in data["weights"])
        bias = tuple(float(b) for b in data["bias"])
        threshold = float(data["drop_threshold"])
        rank = bool(data.get("rank", False))
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"event model {where} is malformed ({exc!r}): rebuild it with "
                         "`python bench/train_classifier.py --write`") from exc
    if len(features) != len(weights) or len(bias) != len(CLASSES) or any(len(r) != len(CLASSES) for r in weights):
        raise ModelError(f"event model {where}: {len(features)} features, {len(weights)} weight rows, "
                         f"{len(bias)} biases; expected one row of {len(CLASSES)} per feature: rebuild it with "
                         "`python bench/train_classifier.py --write`")
    return EventModel({f: i for i, f in enumerate(features)}, weights, bias, threshold, rank,
                      dict(data.get("meta") or {}))


@lru_cache(maxsize=1)
def load_model() -> EventModel:
    """The packaged model (``MODEL_PATH``), read once per process."""
    data = read_json(MODEL_PATH, what="event model",
                     fix="reinstall dragoman or rebuild it with `python bench/train_classifier.py --write`")
    return model_from_json(data, where=str(MODEL_PATH))


def predict_features(features: Iterable[str], *, model: EventModel | None = None) -> dict[int, float]:
    return (model or load_model()).probs(features)


def sentence_quad_probs(sent: Span, *, found: Sequence[Found] | None = None) -> dict[int, float]:
    """Class probabilities (0 no interaction, 1-4 quad classes) for one parsed sentence."""
    return predict_features(sentence_features(sent, found=found))


def best_class(probs: dict[int, float]) -> int:
    return max(CLASSES, key=lambda c: (probs[c], -c))


# ---------------------------------------------------------------- combination with the rules


def gate(events: Sequence[Event], probs: dict[int, float], *, threshold: float | None = None,
         rank: bool | None = None) -> list[Event]:
    """The rule events of one sentence, gated and ranked by the sentence's class probabilities.

    Dropped when the model gives "no interaction" at least ``threshold`` (the packaged one by default);
    otherwise the same events, with (when ``rank``, packaged default) the event of the model's preferred
    quad first (ties keep text order).
    """
    limit = load_model().drop_threshold if threshold is None else threshold
    if not events or probs[0] >= limit:
        return []
    if not (load_model().rank if rank is None else rank):
        return list(events)
    order = sorted(range(len(events)), key=lambda i: (-probs.get(TYPE_CLASS.get(events[i].type, 0), 0.0), i))
    return [events[i] for i in order[:1]] + [events[i] for i in range(len(events)) if i != order[0]]


def gate_events(sent: Span, events: Sequence[Event], *, found: Sequence[Found] | None = None,
                threshold: float | None = None) -> list[Event]:
    """Gate the rule events of parsed sentence ``sent`` (see ``gate``); no work when there are none.

    Pass the sentence's ``find_events`` result as ``found`` to save the second trigger search.
    """
    if not events:
        return []
    return gate(events, sentence_quad_probs(sent, found=found), threshold=threshold)


def gate_coded(events: Sequence[Event], *, threshold: float | None = None) -> list[Event]:
    """``gate`` applied after coding, when the parse is gone: sentences are re-parsed from their evidence.

    For evaluation and for callers of ``code_text``; the pipeline itself should call ``gate_events`` on the
    sentence it already parsed. Events keep their order except that each sentence's preferred event leads.
    """
    from ...nlp import get_nlp

    groups: dict[tuple[int, int, str], list[Event]] = {}
    for event in events:
        key = (event.evidence.start, event.evidence.end, event.evidence.sentence)
        groups.setdefault(key, []).append(event)
    keys = list(groups)
    out: list[Event] = []
    for key, doc in zip(keys, get_nlp().pipe(k[2] for k in keys)):
        out.extend(gate(groups[key], text_probs(doc), threshold=threshold))
    return out


def text_probs(doc: Doc) -> dict[int, float]:
    """Class probabilities of a parsed text taken as one unit (features of all its sentences)."""
    feats: set[str] = set()
    for sent in doc.sents:
        feats.update(sentence_features(sent))
    return predict_features(feats)


def in_heldout(text: str) -> bool:
    """The fixed held-out split (30% of units by a hash of the text): never trained or tuned on."""
    import hashlib

    return int(hashlib.sha1(text.strip().encode("utf-8")).hexdigest()[:8], 16) % 10 < 3
