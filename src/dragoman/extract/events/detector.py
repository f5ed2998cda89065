"""The trained event detector beside the rules (issue 12): is this sentence an event, of which PLOVER type?

Rules find triggers, actors, places and dates; they do not generalise well on whether a sentence reports an
interaction and of which kind. The detector is a pair of logistic regressions learnt from the development sets
(``dragoman.learn``, rebuilt by ``make train``) over sparse binary features of the parse (lemmas, the root and its
arguments, negation, modals, entity labels and what the rule lexicon matches: ``classifier.sentence_features``;
and the types of the rule events coded in the sentence: ``rule_features``):

* a quad model: p(class) for 0 = no event, 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
  4 material conflict;
* a type model: p(type | quad) over the types of each quad.

``sentence_probs`` gives per sentence the 17 probabilities of "NONE" and the 16 PLOVER types
(p(type) = p(quad of type) x p(type | quad)); they sum to 1.

``apply_detector(doc, events)`` combines them with one document's rule events, sentence by sentence
(``decide``, with thresholds chosen by cross-validation inside the training part and stored in the artifact):

* drop: the model is confident of "no event" (p(NONE) >= ``drop``): the sentence's rule events go;
* keep-filter: a rule event whose quad the model gives less than ``keep``, or whose type less than
  ``keep_type``, is dropped when another remains;
* reorder: the model's most likely quad is confident (p >= ``quad[q]``) and a rule event has it: that event
  leads the sentence;
* add: the model's most likely type (the likeliest of its likeliest quad, which outweighs "no event") is no
  kept rule event's type, and the probability of its quad reaches that type's own threshold (``add[type]``,
  1.01 for a type whose additions were never right often enough): one new event of that type, leading the
  sentence when no rule event has its quad. Its trigger is the clause verb that carries most of the model's
  weight (never a reporting verb), its actor and recipient that verb's subject and object (``model_found``),
  and it is built only where that verb names someone and the sentence ends like one, not in a heading or a
  caption (``addable``); the caller's ``make_event`` resolves it as the rules resolve theirs.

The addition thresholds are chosen per type by cross-validation inside the training part
(``dragoman.learn.train.choose_adds``): the lowest at which that type's out-of-fold additions were right at
least 0.7 of the time (smoothed) on every set that judges them (cameo-class by quad, plover-gsr by type,
IndiaPoliceEvents by the label they would bring).

Every event out carries a confidence: the probability of its type (in the default path the event check,
``events.verifier``, then gives its own, reading this one among its inputs). The artifact is JSON inside the package
(``data/detector.json``), read once without scikit-learn: scoring a sentence is two small sums of weight rows.

Wiring: ``extract_events`` (``dragoman.extract``) calls ``apply_detector(doc, events, offsets=clean.offsets,
found=...)`` on its own rule events, with ``found`` its ``find_events`` results by sentence start, shares each
sentence's figures again among the events that remain, and stores ``Scored.confidence`` on each Event. The
modes (``dragoman.extract.DETECTOR_MODES``, chosen with ``detector_mode(...)`` or ``extract_events(...,
detector=...)``): "rules" codes with the rules alone; "drops" drops and reorders without adding; "default"
also adds (``DocumentCoder.events_for`` as ``make_event``); "add" is "default" with the keep-filter, which drops
real second events of a sentence and so is not the default; see the README.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Final, NamedTuple

import numpy as np

from ...codes import CAMEO_ROOT, PLOVER_TYPES, TYPE_CLASS
from ...errors import ModelError
from ...model import Event, OffsetMap
from ...nlp import sentences, text_of
from ...resources import DATA_DIR, read_json
from .arguments import lemma_of, recipients_of_verb, subject_of, with_fallbacks
from .attribution import is_reporting_verb
from .classifier import sentence_features
from .triggers import find_events, load_lexicon
from .types import Code, Found

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

DETECTOR_PATH: Final = DATA_DIR / "detector.json"
FORMAT: Final = "dragoman-detector/1"
NONE: Final = "NONE"
LABELS: Final[tuple[str, ...]] = (NONE, *PLOVER_TYPES)
REBUILD: Final = "rebuild it with `make train` (needs ../shared/gold and requirements-dev.txt)"

__all__ = ["Detector", "Scored", "Thresholds", "apply_detector", "decide", "detector_features", "load_detector",
           "sentence_probs"]


# ---------------------------------------------------------------- the model


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Decision thresholds (chosen by cross-validation inside the training part; 1.01 switches a rule off)."""

    drop: float = 1.01  # p(NONE) at or above which a sentence's rule events are dropped
    keep: float = 0.0  # a rule event whose quad has p below this goes (when another event remains)
    keep_type: float = 0.0  # a rule event whose type has p below this goes (when another event remains)
    quad: tuple[float, float, float, float] = (1.01, 1.01, 1.01, 1.01)  # reorder: the model's quad leads
    # add: per type (PLOVER_TYPES order), p(quad of the type) at or above which an event of the model's likeliest
    # type no kept rule event has is added; chosen so additions were right often enough out of fold
    add: tuple[float, ...] = (1.01,) * len(PLOVER_TYPES)

    def __post_init__(self) -> None:
        if len(self.add) != len(PLOVER_TYPES):
            raise ValueError(f"{len(PLOVER_TYPES)} add thresholds expected (one per PLOVER type), got {len(self.add)}")

    def add_for(self, type_: str) -> float:
        """The addition threshold of one PLOVER type."""
        return self.add[PLOVER_TYPES.index(type_)]

    def to_json(self) -> dict[str, Any]:
        return {"drop": self.drop, "keep": self.keep, "keep_type": self.keep_type, "quad": list(self.quad),
                "add": dict(zip(PLOVER_TYPES, self.add, strict=True))}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Thresholds:
        values = [float(v) for v in data["quad"]]
        if len(values) != 4:
            raise ValueError(f"four quad thresholds expected, got {len(values)}")
        quad = (values[0], values[1], values[2], values[3])
        add = data["add"]
        if not isinstance(add, dict) or set(add) != set(PLOVER_TYPES):
            raise ValueError("add thresholds must map each of the 16 PLOVER types to a probability")
        return cls(drop=float(data["drop"]), keep=float(data["keep"]), keep_type=float(data["keep_type"]),
                   quad=quad, add=tuple(float(add[t]) for t in PLOVER_TYPES))


_CLASS_OF_TYPE: Final[tuple[int, ...]] = tuple(TYPE_CLASS[t] for t in PLOVER_TYPES)


@dataclass(frozen=True, slots=True)
class Detector:
    """Weights of the two models: one row per known feature ([quad classes 0-4] and [16 types])."""

    index: dict[str, int]
    quad_weights: np.ndarray  # (features, 5)
    quad_bias: np.ndarray  # (5,)
    type_weights: np.ndarray  # (features, 16), types in PLOVER_TYPES order
    type_bias: np.ndarray  # (16,)
    thresholds: Thresholds
    meta: dict[str, Any] = field(default_factory=dict)

    def rows(self, features: Sequence[str]) -> list[int]:
        return [i for f in features if (i := self.index.get(f)) is not None]

    def probs(self, features: Sequence[str]) -> dict[str, float]:
        """The 17 probabilities ("NONE" and the 16 types) for one unit's features; they sum to 1."""
        rows = self.rows(features)
        quad = _softmax(self.quad_bias + self.quad_weights[rows].sum(axis=0))
        types = _softmax(self.type_bias + self.type_weights[rows].sum(axis=0))
        # each class's share split among its types; the sums add in type order, as a loop over the types would
        within = [0.0] * 5
        weights = types.tolist()
        for k, cls in enumerate(_CLASS_OF_TYPE):
            within[cls] += weights[k]
        quads = quad.tolist()
        out = {NONE: quads[0]}
        for k, type_ in enumerate(PLOVER_TYPES):
            cls = _CLASS_OF_TYPE[k]
            out[type_] = quads[cls] * weights[k] / within[cls]
        return out


def _softmax(scores: np.ndarray) -> np.ndarray:
    exp = np.exp(scores - scores.max())
    return exp / exp.sum()


def quad_probs(probs: dict[str, float]) -> dict[int, float]:
    """Class probabilities 0-4 from the 17 label probabilities."""
    out = {0: probs[NONE], 1: 0.0, 2: 0.0, 3: 0.0, 4: 0.0}
    for type_ in PLOVER_TYPES:
        out[TYPE_CLASS[type_]] += probs[type_]
    return out


def detector_from_json(data: dict[str, Any], *, where: str) -> Detector:
    """Check and build the detector from its JSON form (written by ``dragoman.learn.train``)."""
    try:
        if data.get("format") != FORMAT:
            raise ValueError(f"format {data.get('format')!r}, expected {FORMAT!r}")
        if tuple(data["types"]) != PLOVER_TYPES:
            raise ValueError("type order differs from dragoman.codes.PLOVER_TYPES")
        features = [str(f) for f in data["features"]]
        quad_w = np.asarray(data["quad_weights"], dtype=np.float64).reshape(len(features), 5)
        type_w = np.asarray(data["type_weights"], dtype=np.float64).reshape(len(features), len(PLOVER_TYPES))
        quad_b = np.asarray(data["quad_bias"], dtype=np.float64).reshape(5)
        type_b = np.asarray(data["type_bias"], dtype=np.float64).reshape(len(PLOVER_TYPES))
        thresholds = Thresholds.from_json(data["thresholds"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"event detector {where} is malformed ({exc}): {REBUILD}") from exc
    return Detector({f: i for i, f in enumerate(features)}, quad_w, quad_b, type_w, type_b, thresholds,
                    dict(data.get("meta") or {}))


@lru_cache(maxsize=1)
def load_detector() -> Detector:
    """The packaged detector (``DETECTOR_PATH``), read once per process (no scikit-learn needed)."""
    data = read_json(DETECTOR_PATH, what="event detector", fix=f"reinstall dragoman or {REBUILD}")
    return detector_from_json(data, where=str(DETECTOR_PATH))


def rule_features(types: Sequence[str]) -> list[str]:
    """What the rule coder output for the unit: its events' final types (after modality: "said they would
    boycott" is THREATEN), the first one's type and quad, and their number."""
    feats = [f"rt:{t}" for t in sorted(set(types))] + [f"rtn:{min(len(types), 3)}"]
    if types:
        feats += [f"rt_first:{types[0]}", f"rt_firstq:{TYPE_CLASS.get(types[0], 0)}"]
    return feats


def detector_features(sent: Span, types: Sequence[str], *, found: Sequence[Found] | None = None) -> list[str]:
    """The detector's input for one sentence: the parse and lexicon features, and the rule events' types."""
    return sentence_features(sent, found=found) + rule_features(types)


def sentence_probs(sent: Span, types: Sequence[str] = (), *, found: Sequence[Found] | None = None,
                   detector: Detector | None = None) -> dict[str, float]:
    """p(NONE) and p(type) for the 16 PLOVER types of one parsed sentence (a spaCy Span) whose rule events have
    ``types`` (text order); they sum to 1."""
    return (detector or load_detector()).probs(detector_features(sent, types, found=found))


# ---------------------------------------------------------------- the decision


class Decision(NamedTuple):
    keep: tuple[int, ...]  # indices of the rule events kept, in output order
    add: str | None  # the type of a new event, or None
    add_first: bool  # the new event leads the sentence (its quad is the model's first choice)
    dropped_all: bool  # dropped by the confident "no event"


def decide(probs: dict[str, float], types: Sequence[str], thresholds: Thresholds) -> Decision:
    """What to do with one sentence's rule events (their ``types``, text order) given its probabilities.

    Pure and shared by ``apply_detector`` and the trainer's threshold search, so the search scores exactly
    what coding does.
    """
    if types and probs[NONE] >= thresholds.drop:
        return Decision((), None, False, True)
    quads = quad_probs(probs)
    best_quad = max((1, 2, 3, 4), key=lambda c: (quads[c], -c))
    best_type = max((t for t in PLOVER_TYPES if TYPE_CLASS[t] == best_quad), key=lambda t: probs[t])
    keep = [i for i, t in enumerate(types)
            if quads[TYPE_CLASS.get(t, 0)] >= thresholds.keep and probs.get(t, 0.0) >= thresholds.keep_type]
    if not keep and types:  # the filters never empty a sentence: its most likely rule event stays
        keep = [max(range(len(types)), key=lambda i: (probs.get(types[i], 0.0), -i))]
    kept_quads = {TYPE_CLASS.get(types[i]) for i in keep}
    model_event = probs[NONE] < quads[best_quad]  # the model's likeliest quad outweighs "no event"
    if model_event and quads[best_quad] >= thresholds.quad[best_quad - 1] and best_quad in kept_quads:
        # the model's quad first, its most likely type among the rule events of that quad first
        leading = [i for i in keep if TYPE_CLASS.get(types[i]) == best_quad]
        first = max(leading, key=lambda i: (probs.get(types[i], 0.0), -i))
        keep = [first] + [i for i in keep if i != first]
    add: str | None = None
    add_first = False
    # gated on the quad's probability: the type's own is diluted over its quad's types and was no better a
    # guide to an addition being right out of fold
    # nor when a kept rule event is of its CAMEO family ("ordered the release": RETREAT 0841 is CAMEO's yielding
    # 08, as CONCEDE is): the rules coded that act already
    if model_event and quads[best_quad] >= thresholds.add_for(best_type) \
            and CAMEO_ROOT[best_type] not in {CAMEO_ROOT.get(types[i]) for i in keep}:
        add, add_first = best_type, best_quad not in kept_quads
    return Decision(tuple(keep), add, add_first, False)


# ---------------------------------------------------------------- rules and model together


class Scored(NamedTuple):
    """An event out of the detector, the probability of its type, and where it came from ("rule" or "model")."""

    event: Event
    confidence: float | None
    origin: str


# make_event(sent, found) -> the events built for a found trigger (empty when it names nothing codable).
MakeEvent = Callable[["Span", Found], list[Event]]


def sentence_start(sent: Span, offsets: OffsetMap | None, *, doc_text: str | None = None) -> int:
    """Where ``sent`` starts in the original text (events carry original offsets).

    ``doc_text``: ``sent.doc.text`` when the caller has it (``Span.text`` joins the sentence's words again)."""
    text = sent.text if doc_text is None else doc_text[sent.start_char:sent.end_char]
    start = sent.start_char + (len(text) - len(text.lstrip()))
    return offsets.to_original(start) if offsets is not None else start


def clause_verb(sent: Span, type_: str, detector: Detector) -> Token:
    """The verb of ``sent`` that carries most of the model's weight for ``type_`` (the sentence root if none)."""
    k = PLOVER_TYPES.index(type_)
    cls = TYPE_CLASS[type_]
    best, best_score = None, 0.0
    for tok in sent:
        if tok.pos_ != "VERB" or is_reporting_verb(tok):  # "said" reports an event, it is none itself
            continue
        lemma = lemma_of(tok)
        score = 0.0
        for feature in (f"w:{lemma}", f"triglem:{lemma}:{type_}", f"root:{lemma}"):
            row = detector.index.get(feature)
            if row is not None and (feature != f"root:{lemma}" or tok is sent.root):
                score += float(detector.type_weights[row, k]) + float(detector.quad_weights[row, cls])
        if best is None or score > best_score:
            best, best_score = tok, score
    if best is None or (best_score <= 0.0 and sent.root.pos_ in ("VERB", "AUX")):
        best = sent.root
    return best


def model_found(sent: Span, type_: str, detector: Detector) -> Found:
    """A trigger for a type the model found and the rules did not: the clause verb, its subject and object."""
    verb = clause_verb(sent, type_, detector)
    actors = tuple(with_fallbacks(subject_of(verb))) if verb.pos_ in ("VERB", "AUX") else ()
    recipients = tuple(with_fallbacks(recipients_of_verb(verb, theme_object=False))) \
        if verb.pos_ in ("VERB", "AUX") else ()
    return Found(trigger=verb, code=Code(type_, CAMEO_ROOT[type_], None), actors=actors,
                 recipients=tuple(r for r in recipients if r not in actors), anchor=verb, nominal=False,
                 trigger_end=verb.idx + len(verb.text))


def addable(sent: Span, item: Found) -> bool:
    """The structural guard on an addition: its trigger is a verb, not a reporting one, with a subject or an
    object that names someone, in a sentence that ends like one (a heading, a caption or a dateline line does
    not)."""
    verb = item.trigger
    if verb.pos_ != "VERB" or is_reporting_verb(verb) or not (item.actors or item.recipients):
        return False
    last = sent.text.rstrip().rstrip(_CLOSERS)
    return last.endswith(_SENTENCE_ENDS)


_CLOSERS: Final = "\"')]\u201d\u2019"
_SENTENCE_ENDS: Final = (".", "!", "?")


def apply_detector(doc: Doc, events: Sequence[Event], *, offsets: OffsetMap | None = None,
                   make_event: MakeEvent | None = None, detector: Detector | None = None,
                   found: Mapping[int, Sequence[Found]] | None = None) -> list[Scored]:
    """One document's rule events (text order), dropped, reordered and completed by the detector.

    ``doc``: the spaCy Doc the events were extracted from; ``offsets``: the cleaned body's map to the original
    text (events carry original offsets; identity when None). ``make_event(sent, found)`` builds the events of
    a model trigger (``dragoman.extract.event_builder(doc, article, clean)``); without it nothing is added.
    ``found``: each sentence's ``find_events`` by sentence start token, when the caller has it (saves the
    second search).
    Each event belongs to the sentence its evidence starts in.
    """
    detector = detector or load_detector()
    sents = sentences(doc)
    doc_text = text_of(doc)
    starts = [sentence_start(sent, offsets, doc_text=doc_text) for sent in sents]
    groups: dict[int, list[Event]] = {}
    for event in events:  # each event to the last sentence starting at or before its evidence
        groups.setdefault(bisect.bisect_right(starts, event.evidence.start) - 1, []).append(event)
    lex = load_lexicon()
    out: list[Scored] = [Scored(e, None, "rule") for e in groups.get(-1, [])]  # before the first sentence
    for index, sent in enumerate(sents):
        rule = groups.get(index, [])
        if not rule and make_event is None:
            continue
        items = found.get(sent.start) if found is not None else None
        if items is None:
            items = find_events(sent, lex)
        types = [e.type for e in rule]
        probs = detector.probs(detector_features(sent, types, found=items))
        decision = decide(probs, types, detector.thresholds)
        kept = [Scored(rule[i], probs.get(rule[i].type), "rule") for i in decision.keep]
        added: list[Scored] = []
        if decision.add is not None and make_event is not None:
            item = model_found(sent, decision.add, detector)
            new = make_event(sent, item) if addable(sent, item) else []
            known = {e.event_id for e in rule}
            added = [Scored(e, probs.get(e.type), "model") for e in new if e.event_id not in known]
        out.extend(added + kept if decision.add_first else kept + added)
    return out


def entropy(probs: dict[str, float]) -> float:
    """Shannon entropy of the 17 probabilities (nats), for diagnostics."""
    return -sum(p * math.log(p) for p in probs.values() if p > 0)
