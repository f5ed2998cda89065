"""Fit the event detector with scikit-learn and choose its thresholds by cross-validation (training part only).

Two multinomial logistic regressions (``sklearn.linear_model.LogisticRegression``, lbfgs, L2) over the binary
features of ``classifier.sentence_features``:

* quad model, classes 0 (no event) and 1-4: exact labels from cameo-class, plover-gsr (the quad of the type) and
  IndiaPoliceEvents positives (4); cameo-ner interaction sentences allow any of 1-4;
* type model, the 16 PLOVER types: plover-gsr types, IndiaPoliceEvents KILL -> ASSAULT, ARREST -> COERCE, FORCE
  alone -> either; cameo-class sentences of classes 1-4 allow the types of their quad.

Partial labels are fitted by EM: each row is expanded into one weighted row per allowed class, the weights being
the model's own probabilities renormalised over the allowed classes (uniform at first), for ``EM_ROUNDS``
refits. The regularisation of each model is chosen by 5-fold cross-validation inside the training part
(cameo-class macro-F1 of the quad model, plover-gsr accuracy of the type), then the ``decide`` thresholds by
coordinate ascent on the out-of-fold probabilities, scoring exactly what coding would output per set (the
cameo-class first event's class, the plover-gsr type F1, cameo-ner token F1 of the kept events' actors, an
IndiaPoliceEvents estimate) while cameo-ner may not fall below the rules. Additions are not in that search:
``choose_adds`` then sets each type's addition threshold (on the probability of its quad) to the lowest at which
the out-of-fold additions of that type were right ``ADD_PRECISION`` of the time on every set that judges them,
or switches that type's additions off. Everything is seeded; the result is the same on every run.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold
from threadpoolctl import threadpool_limits

from ..codes import CAMEO_ROOT, PLOVER_TYPES
from ..evaluate.events import (
    _FIRING,
    _KILL_TRIGGER,
    _POLICE,
    STATEMENT_ROOTS,
    bio_spans,
    classification_scores,
)
from ..extract.events.detector import (
    FORMAT,
    LABELS,
    NONE,
    TYPE_CLASS,
    Detector,
    Thresholds,
    decide,
    detector_from_json,
    quad_probs,
)
from .data import Unit
from .features import Coded

SEED = 13
FOLDS = 5
EM_ROUNDS = 2
C_GRID = (0.1, 0.3, 1.0)
# Of the C values whose cross-validated score is within this of the best, the smallest (the most regularised) is
# chosen: differences this small are noise on a training part of ~1,800 units, and the choice flipped between
# retrainings on nearly the same rules (the "one standard error" rule of model selection, with a fixed margin).
C_MARGIN = 0.005
MIN_COUNT = 2
# weight of a row in the type model by source: a cameo-class row is only a partial label (the quad), an
# IndiaPoliceEvents row one of two types of one narrow kind of news
TYPE_WEIGHTS = {"cameo-class": 0.5, "plover-gsr": 1.0, "ipe": 0.2}
# value of the rule-lexicon features (what the trigger lexicon matched) in the design matrix: a larger value is
# a weaker penalty on their weights, so the models lean on the rules' evidence before the bare words
RULE_SCALE = 1.0
_RULE_PREFIXES = ("trig", "ev")
GRID = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01)
# dropping a sentence's rule events needs the model to find "no event" more likely than all events together: the
# training sets' few drops below that bought little and cost real events of ordinary news ("X claimed
# responsibility for the bombing" at p(none) 0.40)
DROP_GRID = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01)
KEEP_GRID = (0.0, 0.01, 0.02, 0.05, 0.1, 0.2)
ADD_GRID = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.01)
# an added event of a type must have been right this often out of fold (Laplace-smoothed: (right + 1) /
# (judged + 2), so a type with few additions needs nearly all of them right), over at least MIN_ADDS judged ones
ADD_PRECISION = 0.7
MIN_ADDS = 5
_ARREST = re.compile(r"\b(arrest\w*|detain\w*|detention|nab\w*|custody|held|picked up|apprehend\w*)\b", re.I)


# ---------------------------------------------------------------- fitting


def vocabulary(features: Sequence[Sequence[str]], *, min_count: int = MIN_COUNT) -> list[str]:
    counts = Counter(f for fs in features for f in set(fs))
    return sorted(f for f, c in counts.items() if c >= min_count)


def matrix(features: Sequence[Sequence[str]], vocab: Sequence[str]) -> sparse.csr_matrix:
    index = {f: i for i, f in enumerate(vocab)}
    rows, cols, values = [], [], []
    for r, fs in enumerate(features):
        for c in sorted({index[f] for f in fs if f in index}):
            rows.append(r)
            cols.append(c)
            values.append(RULE_SCALE if vocab[c].startswith(_RULE_PREFIXES) else 1.0)
    return sparse.csr_matrix((values, (rows, cols)), shape=(len(features), len(vocab)))


def fit_partial(x: sparse.csr_matrix, masks: np.ndarray, weights: np.ndarray, *, c: float,
                rounds: int = EM_ROUNDS) -> tuple[np.ndarray, np.ndarray]:
    """(coef [classes, features], intercept [classes]) of a multinomial LR fitted to partial labels by EM.

    ``masks[i, k]``: class k is allowed for row i. A class no row allows gets a zero row and a very low bias.
    """
    n, k = masks.shape
    resp = masks / masks.sum(axis=1, keepdims=True)
    coef = np.zeros((k, x.shape[1]))
    bias = np.full(k, -30.0)
    for _round in range(rounds + 1):
        rows, classes = np.nonzero(resp > 1e-4)
        model = LogisticRegression(C=c, max_iter=2000, tol=1e-5, random_state=SEED)
        model.fit(x[rows], classes, sample_weight=resp[rows, classes] * weights[rows])
        coef = np.zeros((k, x.shape[1]))
        bias = np.full(k, -30.0)
        if len(model.classes_) == 2:  # binary sklearn: one row for the second class
            coef[model.classes_[1]] = model.coef_[0] / 2
            coef[model.classes_[0]] = -model.coef_[0] / 2
            bias[model.classes_[1]] = model.intercept_[0] / 2
            bias[model.classes_[0]] = -model.intercept_[0] / 2
        else:
            coef[model.classes_] = model.coef_
            bias[model.classes_] = model.intercept_
        scores = x @ coef.T + bias
        scores -= scores.max(axis=1, keepdims=True)
        p = np.exp(scores) * masks
        total = p.sum(axis=1, keepdims=True)
        resp = np.where(total > 0, p / np.where(total > 0, total, 1.0), masks / masks.sum(axis=1, keepdims=True))
    return coef, bias


@dataclass(frozen=True, slots=True)
class Fitted:
    vocab: list[str]
    quad_coef: np.ndarray  # (5, F)
    quad_bias: np.ndarray
    type_coef: np.ndarray  # (16, F)
    type_bias: np.ndarray


def quad_rows(units: Sequence[Unit]) -> tuple[list[int], np.ndarray]:
    rows, masks = [], []
    for i, u in enumerate(units):
        if u.allowed is None:
            continue
        mask = np.zeros(5)
        for label in u.allowed:
            mask[0 if label == NONE else TYPE_CLASS[label]] = 1
        rows.append(i)
        masks.append(mask)
    return rows, np.array(masks)


def type_rows(units: Sequence[Unit]) -> tuple[list[int], np.ndarray, np.ndarray]:
    rows, masks, weights = [], [], []
    for i, u in enumerate(units):
        if u.allowed is None or NONE in u.allowed or len(u.allowed) == len(PLOVER_TYPES):
            continue  # no type information
        rows.append(i)
        masks.append(np.array([t in u.allowed for t in PLOVER_TYPES], dtype=float))
        weights.append(TYPE_WEIGHTS.get(u.source, 1.0))
    return rows, np.array(masks), np.array(weights)


def fit(units: Sequence[Unit], coded: Sequence[Coded], rows: Sequence[int], *, c_quad: float, c_type: float
        ) -> Fitted:
    """Both models fitted on ``rows`` (indices into units/coded)."""
    subset = [units[i] for i in rows]
    feats = [coded[i].inputs() for i in rows]
    q_rows, q_masks = quad_rows(subset)
    t_rows, t_masks, t_weights = type_rows(subset)
    vocab = vocabulary([feats[i] for i in q_rows])
    x = matrix(feats, vocab)
    quad_coef, quad_bias = fit_partial(x[q_rows], q_masks, np.ones(len(q_rows)), c=c_quad)
    type_coef, type_bias = fit_partial(x[t_rows], t_masks, t_weights, c=c_type)
    return Fitted(vocab, quad_coef, quad_bias, type_coef, type_bias)


def to_json(fitted: Fitted, thresholds: Thresholds, meta: dict[str, Any], *, digits: int = 5) -> dict[str, Any]:
    """The artifact: features whose weights are all ~0 are left out (they change no prediction)."""
    scale = np.array([RULE_SCALE if f.startswith(_RULE_PREFIXES) else 1.0 for f in fitted.vocab])
    quad_coef, type_coef = fitted.quad_coef * scale, fitted.type_coef * scale  # weights of 0/1 features
    keep = np.maximum(np.abs(quad_coef).max(axis=0), np.abs(type_coef).max(axis=0)) >= 10 ** -digits
    return {
        "format": FORMAT,
        "types": list(PLOVER_TYPES),
        "labels": list(LABELS),
        "features": [f for f, k in zip(fitted.vocab, keep) if k],
        "quad_weights": [[round(float(v), digits) for v in row] for row in quad_coef.T[keep]],
        "quad_bias": [round(float(v), digits) for v in fitted.quad_bias],
        "type_weights": [[round(float(v), digits) for v in row] for row in type_coef.T[keep]],
        "type_bias": [round(float(v), digits) for v in fitted.type_bias],
        "thresholds": thresholds.to_json(),
        "meta": meta,
    }


def as_detector(fitted: Fitted, thresholds: Thresholds | None = None) -> Detector:
    return detector_from_json(to_json(fitted, thresholds or Thresholds(), {}, digits=12), where="fitted")


# ---------------------------------------------------------------- what coding would output, per set


def outcome(probs: dict[str, float], types: Sequence[str], thresholds: Thresholds) -> tuple[list[str], Any]:
    decision = decide(probs, types, thresholds)
    kept = [types[i] for i in decision.keep]
    out = ([decision.add] + kept if decision.add_first else kept + [decision.add]) if decision.add else kept
    return out, decision


def added_class(type_: str) -> int:
    """The cameo-class label of an added event, coded with its type's CAMEO root (``event_class``)."""
    return 0 if CAMEO_ROOT[type_][:2] in STATEMENT_ROOTS else TYPE_CLASS[type_]


def first_class(coded: Coded, decision: Any) -> int:
    """The cameo-class label of the output's first event, as ``evaluate.events.sentence_class`` reads it: a rule
    event's by its code (a statement or an appeal is 0), an added one's by its type; 0 when none is left."""
    if decision is not None and decision.add and (decision.add_first or not decision.keep):
        return added_class(decision.add)
    for i in (range(len(coded.types)) if decision is None else decision.keep):
        return 0 if i < len(coded.statements) and coded.statements[i] else TYPE_CLASS[coded.types[i]]
    return 0


def _token_f1(tally: list[int]) -> float:
    tp, fp, fn = tally
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def ner_tokens(unit: Unit, coded: Coded, keep: Sequence[int]) -> list[int]:
    """[tp, fp, fn] of cameo-ner source+target tokens for the kept rule events (as ``score_cameo_ner``)."""
    words = unit.text.split(" ")
    offsets, pos = [], 0
    for word in words:
        offsets.append((pos, pos + len(word)))
        pos += len(word) + 1
    spans = bio_spans(list(unit.extra["tags"]))
    tally = [0, 0, 0]
    for role, labels in ((0, ("S", "R")), (1, ("T", "R"))):
        gold = {i for label, a, b in spans if label in labels for i in range(a, b + 1)}
        pred: set[int] = set()
        for k in keep:
            span = coded.spans[k][role]
            if span is not None:
                pred |= {i for i, (a, b) in enumerate(offsets) if a < span[1] and span[0] < b}
        tally[0] += len(gold & pred)
        tally[1] += len(pred - gold)
        tally[2] += len(gold - pred)
    return tally


def ipe_estimate(unit: Unit, coded: Coded, out: Sequence[str], decision: Any) -> set[str]:
    """IndiaPoliceEvents labels of the output: the rule events' unless all dropped, plus what an added event of
    the type would give (an arrest word for COERCE; police named for ASSAULT, KILL with a killing word)."""
    labels = set(coded.ipe) if decision.keep else set()
    if decision.add == "COERCE" and _ARREST.search(unit.text):
        labels.add("ARREST")
    if decision.add == "ASSAULT" and _POLICE.search(unit.text):
        labels.add("FORCE")
        if _KILL_TRIGGER.search(unit.text) and _FIRING.search(unit.text):
            labels.add("KILL")
    return labels


def simulate(units: Sequence[Unit], coded: Sequence[Coded], probs: dict[int, dict[str, float]],
             rows: Sequence[int], thresholds: Thresholds | None) -> dict[str, float]:
    """Per-set scores of the combined output (rules only when ``thresholds`` is None; model only for
    cameo-class when it is the string "model")."""
    cc_gold: list[int] = []
    cc_pred: list[int] = []
    plover = [0, 0, 0]
    ner = [0, 0, 0]
    ipe = [0.0, 0.0, 0.0]
    news = [0, 0, 0]  # (sentence, type) pairs: right, spurious, missed
    for i in rows:
        unit, c = units[i], coded[i]
        if thresholds is None:
            out, keep, decision = list(c.types), range(len(c.types)), None
        else:
            out, decision = outcome(probs[i], c.types, thresholds)
            keep = decision.keep
        if unit.source == "cameo-class":
            cc_gold.append(unit.gold_class())
            cc_pred.append(first_class(c, decision))
        elif unit.source == "plover-gsr":
            hit = unit.gold in out
            plover[0] += hit
            plover[2] += not hit
            plover[1] += len(set(out) - {unit.gold})
        elif unit.source == "cameo-ner":
            tally = ner_tokens(unit, c, list(keep))
            ner = [a + b for a, b in zip(ner, tally)]
        elif unit.source == "ipe":
            predicted = set(c.ipe) if decision is None else ipe_estimate(unit, c, out, decision)
            gold = unit.gold_labels()
            weight = float(unit.extra.get("weight", 1.0))
            ipe[0] += weight * len(gold & predicted)
            ipe[1] += weight * len(predicted - gold)
            ipe[2] += weight * len(gold - predicted)
        elif unit.source == "news":
            gold_types, said = set(unit.gold_labels()), set(out)
            counts = (len(gold_types & said), len(said - gold_types), len(gold_types - said))
            news = [a + b for a, b in zip(news, counts)]
    return {
        "cameo_class_macro_f1": classification_scores(cc_gold, cc_pred, range(5))["macro_f1"] if cc_gold else 0.0,
        "cameo_class_accuracy": classification_scores(cc_gold, cc_pred, range(5))["accuracy"] if cc_gold else 0.0,
        "plover_type_f1": round(_token_f1(plover), 4),
        "cameo_ner_token_f1": round(_token_f1(ner), 4),
        "ipe_micro_f1_estimate": round(2 * ipe[0] / (2 * ipe[0] + ipe[1] + ipe[2]), 4) if ipe[0] else 0.0,
        # the annotated news sentences (only when trained with them): types said against types annotated
        "news_type_f1": round(_token_f1(news), 4),
    }


def _with_quad(quad: tuple[float, float, float, float], k: int, value: float) -> tuple[float, float, float, float]:
    """``quad`` with its ``k``-th threshold (0-3) set to ``value``."""
    q1, q2, q3, q4 = (value if j == k else q for j, q in enumerate(quad))
    return (q1, q2, q3, q4)


def objective(scores: dict[str, float], rules: dict[str, float]) -> float:
    if scores["cameo_ner_token_f1"] < rules["cameo_ner_token_f1"] - 0.002:
        return -1.0
    # news_type_f1 is 0 without news units: the objective of a plain `make train` is unchanged
    return (scores["cameo_class_macro_f1"] + scores["plover_type_f1"] + scores["cameo_ner_token_f1"]
            + scores["ipe_micro_f1_estimate"] + scores["news_type_f1"])


def choose_thresholds(units: Sequence[Unit], coded: Sequence[Coded], probs: dict[int, dict[str, float]],
                      rows: Sequence[int], *, passes: int = 3) -> tuple[Thresholds, dict[str, Any]]:
    """Coordinate ascent over the thresholds on out-of-fold probabilities of the training part."""
    rules = simulate(units, coded, probs, rows, None)
    current = Thresholds()
    best = objective(simulate(units, coded, probs, rows, current), rules)

    def variants(th: Thresholds, name: str) -> list[Thresholds]:
        if name == "keep":
            return [replace(th, keep=v) for v in KEEP_GRID]
        if name == "keep_type":
            return [replace(th, keep_type=v) for v in KEEP_GRID]
        if name == "drop":
            return [replace(th, drop=v) for v in DROP_GRID]
        k = int(name[-1]) - 1
        return [replace(th, quad=_with_quad(th.quad, k, v)) for v in GRID]

    for _pass in range(passes):
        changed = False
        for name in ("drop", "quad1", "quad2", "quad3", "quad4", "keep", "keep_type"):
            for candidate in variants(current, name):
                score = objective(simulate(units, coded, probs, rows, candidate), rules)
                if score > best + 1e-9:
                    best, current, changed = score, candidate, True
        if not changed:
            break
    without_adds = simulate(units, coded, probs, rows, current)
    current, adds = choose_adds(units, coded, probs, rows, current)
    return current, {"rules": rules, "without_additions": without_adds,
                     "combined": simulate(units, coded, probs, rows, current),
                     "objective": round(objective(simulate(units, coded, probs, rows, current), rules), 4),
                     "additions": adds}


def add_right(unit: Unit, coded: Coded, decision: Any) -> bool | None:
    """Whether one added event was right by its unit's gold; None where the gold cannot say.

    cameo-class: its quad is the sentence's class (judged only when no kept rule event has that quad: another
    type of a quad already there changes nothing the set scores); plover-gsr: it is the record's type;
    IndiaPoliceEvents: the label it would bring (``ipe_estimate``) is in the gold, wrong when not, not judged
    when it brings none; cameo-ner: not judged (its gold names actors, not types).
    """
    add = decision.add
    if unit.source == "cameo-class":
        return added_class(add) == unit.gold_class() if decision.add_first else None
    if unit.source == "plover-gsr":
        return bool(add == unit.gold)
    if unit.source == "ipe":
        alone = Coded(coded.features, (), (), ())
        brought = ipe_estimate(unit, alone, [add], decision._replace(keep=()))
        if not brought:
            return None
        return bool(brought & unit.gold_labels())
    return None


def choose_adds(units: Sequence[Unit], coded: Sequence[Coded], probs: dict[int, dict[str, float]],
                rows: Sequence[int], thresholds: Thresholds) -> tuple[Thresholds, dict[str, Any]]:
    """Per type, the lowest ``ADD_GRID`` probability of its quad at which the additions of that type were right
    ``ADD_PRECISION`` of the time out of fold on every set that judges them (Laplace-smoothed, each sampled
    IndiaPoliceEvents negative counted as the negatives it stands for; at least ``MIN_ADDS`` judged in all);
    1.01 (never) otherwise. A set must hold alone: cameo-class judges only the quad, plover-gsr the type.

    The decision for a unit adds at most its model's likeliest type, so each type's threshold is chosen alone;
    the candidates are those of the default coding path, without the keep-filter.
    """
    eager = replace(thresholds, keep=0.0, keep_type=0.0, add=(0.0,) * len(PLOVER_TYPES))
    candidates: dict[str, list[tuple[float, str, bool, float]]] = {t: [] for t in PLOVER_TYPES}
    for i in rows:
        decision = decide(probs[i], coded[i].types, eager)
        if decision.add is None:
            continue
        right = add_right(units[i], coded[i], decision)
        if right is not None:
            candidates[decision.add].append((quad_probs(probs[i])[TYPE_CLASS[decision.add]], units[i].source, right,
                                             float(units[i].extra.get("weight", 1.0))))

    def precise(judged: Sequence[tuple[float, str, bool, float]]) -> bool:
        if len(judged) < MIN_ADDS:
            return False
        for source in {s for _p, s, _r, _w in judged}:
            right = sum(w for _p, s, r, w in judged if s == source and r)
            total = sum(w for _p, s, _r, w in judged if s == source)
            if (right + 1) / (total + 2) < ADD_PRECISION:
                return False
        return True

    chosen: list[float] = []
    report: dict[str, Any] = {}
    for type_ in PLOVER_TYPES:
        pairs = candidates[type_]
        value = next((level for level in ADD_GRID if precise([c for c in pairs if c[0] >= level])), 1.01)
        chosen.append(value)
        judged = [c for c in pairs if c[0] >= value]
        report[type_] = {"threshold": value, "candidates": len(pairs), "added": len(judged),
                         "right": sum(1 for c in judged if c[2]),
                         "by_set": {s: f"{sum(1 for c in pairs if c[1] == s and c[2])}/"
                                       f"{sum(1 for c in pairs if c[1] == s)}" for s in sorted({c[1] for c in pairs})}}
    return replace(thresholds, add=tuple(chosen)), report


# ---------------------------------------------------------------- cross-validation


def out_of_fold(units: Sequence[Unit], coded: Sequence[Coded], rows: Sequence[int], *, c_quad: float,
                c_type: float) -> dict[int, dict[str, float]]:
    """Probabilities of every row from the model fitted on the other folds."""
    probs: dict[int, dict[str, float]] = {}
    splitter = KFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    order = np.array(rows)
    for fit_idx, held_idx in splitter.split(order):
        detector = as_detector(fit(units, coded, order[fit_idx].tolist(), c_quad=c_quad, c_type=c_type))
        for i in order[held_idx].tolist():
            probs[i] = detector.probs(coded[i].inputs())
    return probs


def model_scores(units: Sequence[Unit], probs: dict[int, dict[str, float]], rows: Sequence[int]
                 ) -> dict[str, float]:
    """Model-only: cameo-class macro-F1 of the most likely class, plover-gsr accuracy of the most likely type."""
    cc = [i for i in rows if units[i].source == "cameo-class"]
    gold = [units[i].gold_class() for i in cc]
    pred = [max(range(5), key=quad_probs(probs[i]).__getitem__) for i in cc]
    pl = [i for i in rows if units[i].source == "plover-gsr"]
    right = sum(max(PLOVER_TYPES, key=probs[i].__getitem__) == units[i].gold for i in pl)
    scores = classification_scores(gold, pred, range(5))
    return {"cameo_class_macro_f1": scores["macro_f1"], "cameo_class_accuracy": scores["accuracy"],
            "plover_type_accuracy": round(right / len(pl), 4) if pl else 0.0}


def train(units: Sequence[Unit], coded: Sequence[Coded], *, c_grid: Sequence[float] = C_GRID,
          log: Any = None) -> tuple[Fitted, Thresholds, dict[str, Any]]:
    """Choose C of both models and the thresholds by CV inside the training part, then fit on all of it."""
    with threadpool_limits(limits=1):  # small problems: one thread is faster and the same on every machine
        return _train(units, coded, c_grid=c_grid, log=log)


def parsimonious(scores: dict[float, float], *, margin: float = C_MARGIN) -> float:
    """The smallest C whose score is within ``margin`` of the best (``C_MARGIN``)."""
    best = max(scores.values())
    return min(c for c, score in scores.items() if score >= best - margin)


def appeals_allowed(units: Sequence[Unit], coded: Sequence[Coded]) -> list[Unit]:
    """cameo-class's class 0, "statement", covers statements and appeals (CAMEO 01-02) as well as sentences of no
    interaction. Where the rules code an appeal in such a sentence, REQUEST is allowed beside no event (PLOVER codes
    an appeal REQUEST): the model is not taught that "the EU urged Ukraine to ..." reports nothing."""
    return [replace(u, allowed=u.allowed | {"REQUEST"})
            if u.source == "cameo-class" and u.gold == 0 and u.allowed is not None
            and any(t == "REQUEST" and statement for t, statement in zip(c.types, c.statements)) else u
            for u, c in zip(units, coded)]


def _train(units: Sequence[Unit], coded: Sequence[Coded], *, c_grid: Sequence[float], log: Any
           ) -> tuple[Fitted, Thresholds, dict[str, Any]]:
    units = appeals_allowed(units, coded)
    rows = [i for i, u in enumerate(units) if not u.heldout]
    report: dict[str, Any] = {"cv": {}}
    quad_scores: dict[float, float] = {}
    for c in c_grid:  # the quad model's C (types at the middle value), then the type model's
        scores = model_scores(units, out_of_fold(units, coded, rows, c_quad=c, c_type=1.0), rows)
        report["cv"][f"quad C={c}"] = scores
        if log:
            log(f"quad C={c}: {scores}")
        quad_scores[c] = scores["cameo_class_macro_f1"]
    c_quad = parsimonious(quad_scores)
    type_scores: dict[float, float] = {}
    for c in c_grid:
        scores = model_scores(units, out_of_fold(units, coded, rows, c_quad=c_quad, c_type=c), rows)
        report["cv"][f"type C={c}"] = scores
        if log:
            log(f"type C={c}: {scores}")
        type_scores[c] = scores["plover_type_accuracy"]
    c_type = parsimonious(type_scores)
    probs = out_of_fold(units, coded, rows, c_quad=c_quad, c_type=c_type)
    thresholds, tuning = choose_thresholds(units, coded, probs, rows)
    report.update({"c_quad": c_quad, "c_type": c_type, "thresholds": thresholds.to_json(),
                   "train_part_out_of_fold": {"model_only": model_scores(units, probs, rows), **tuning}})
    if log:
        log(f"chosen C quad {c_quad} type {c_type}, thresholds {thresholds}, {tuning}")
    fitted = fit(units, coded, rows, c_quad=c_quad, c_type=c_type)
    return fitted, thresholds, report
