"""Training the detector is reproducible: the same tiny sample and seeds give the same weights and thresholds.

Needs scikit-learn (a development dependency); no parse: the units carry hand-written features.
"""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("sklearn", reason="training needs scikit-learn (requirements-dev.txt)")

from dragoman.codes import PLOVER_TYPES  # noqa: E402
from dragoman.extract.events.detector import LABELS, NONE, Thresholds, quad_probs  # noqa: E402
from dragoman.learn import train as training  # noqa: E402
from dragoman.learn.data import ALL_TYPES, Unit, quad_types  # noqa: E402
from dragoman.learn.features import Coded  # noqa: E402


def _sample() -> tuple[list[Unit], list[Coded]]:
    rng = np.random.default_rng(0)
    kinds = [("cameo-class", 0, (), ("w:say", "root:say")), ("cameo-class", 4, ("ASSAULT",), ("w:kill", "ev:ASSAULT")),
             ("cameo-class", 1, ("CONSULT",), ("w:meet", "ev:CONSULT")), ("plover-gsr", "ACCUSE", ("ACCUSE",),
                                                                         ("w:accuse", "ev:ACCUSE")),
             ("plover-gsr", "COERCE", ("COERCE",), ("w:arrest", "ev:COERCE")), ("cameo-ner", None, ("AID",),
                                                                              ("w:send", "ev:AID"))]
    units, coded = [], []
    for n in range(60):
        source, gold, types, feats = kinds[n % len(kinds)]
        noise = tuple(f"w:noise{rng.integers(5)}" for _ in range(2))
        if source == "cameo-class":
            allowed = quad_types(int(gold))  # type: ignore[arg-type]
        elif source == "plover-gsr":
            allowed = frozenset({str(gold)})
        else:
            allowed = ALL_TYPES
        units.append(Unit(source, f"unit {n}", allowed, n % 10 == 0, gold, {"tags": ["O", "O"]}))
        coded.append(Coded(tuple(sorted(set(feats + noise))), types, (), tuple((None, None) for _ in types)))
    return units, coded


def test_training_twice_gives_the_same_model_and_thresholds() -> None:
    units, coded = _sample()
    first = training.train(units, coded, c_grid=(0.3, 1.0))
    second = training.train(units, coded, c_grid=(0.3, 1.0))
    assert first[0].vocab == second[0].vocab
    np.testing.assert_array_equal(first[0].quad_coef, second[0].quad_coef)
    np.testing.assert_array_equal(first[0].type_coef, second[0].type_coef)
    assert first[1] == second[1]
    assert first[2]["c_quad"] == second[2]["c_quad"]
    data = training.to_json(first[0], first[1], {"seed": training.SEED})
    assert data == training.to_json(second[0], second[1], {"seed": training.SEED})


def test_tiny_model_learns_the_obvious() -> None:
    units, coded = _sample()
    fitted, thresholds, _report = training.train(units, coded, c_grid=(1.0,))
    detector = training.as_detector(fitted, thresholds)
    kill = detector.probs(["w:kill", "ev:ASSAULT"])
    say = detector.probs(["w:say", "root:say"])
    accuse = detector.probs(["w:accuse", "ev:ACCUSE"])
    assert set(kill) == set(LABELS) and sum(kill.values()) == pytest.approx(1.0)
    assert max(quad_probs(kill).items(), key=lambda kv: kv[1])[0] == 4  # material conflict
    assert max(say, key=say.get) == NONE
    assert max(accuse, key=accuse.get) == "ACCUSE"


def test_partial_labels_are_fitted_within_their_allowed_classes() -> None:
    from scipy import sparse

    x = sparse.csr_matrix(np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]] * 4))
    masks = np.array([[1, 0, 0], [0, 1, 0], [0, 1, 1]] * 4, dtype=float)
    coef, bias = training.fit_partial(x, masks, np.ones(len(masks)), c=1.0)
    again = training.fit_partial(x, masks, np.ones(len(masks)), c=1.0)
    np.testing.assert_array_equal(coef, again[0])
    np.testing.assert_array_equal(bias, again[1])
    assert coef.shape == (3, 2)


def _probs(**mass: float) -> dict[str, float]:
    probs = dict.fromkeys(LABELS, 0.0)
    probs.update(mass)
    probs[NONE] += 1.0 - sum(probs.values())
    return probs


def test_additions_are_switched_on_only_for_types_that_were_right_out_of_fold() -> None:
    units: list[Unit] = []
    coded: list[Coded] = []
    probs: dict[int, dict[str, float]] = {}
    # ACCUSE: the model is sure and right in 8 records; ASSAULT: sure and wrong (the record is a COERCE) in 8;
    # RETREAT: right in 3 only, too few to judge
    for gold, p_type, n in (("ACCUSE", "ACCUSE", 8), ("COERCE", "ASSAULT", 8), ("RETREAT", "RETREAT", 3)):
        for _ in range(n):
            probs[len(units)] = _probs(**{p_type: 0.8})
            units.append(Unit("plover-gsr", f"unit {len(units)}", frozenset({gold}), False, gold))
            coded.append(Coded((), (), (), ()))
    # cameo-class: a right CONSULT (class 1) where the rules found nothing, and quad-level judgement only
    for _ in range(6):
        probs[len(units)] = _probs(CONSULT=0.7)
        units.append(Unit("cameo-class", f"unit {len(units)}", quad_types(1), False, 1))
        coded.append(Coded((), (), (), ()))
    thresholds, report = training.choose_adds(units, coded, probs, list(probs), Thresholds())
    assert thresholds.add_for("ACCUSE") == training.ADD_GRID[0]
    assert thresholds.add_for("CONSULT") == training.ADD_GRID[0]
    assert thresholds.add_for("ASSAULT") == 1.01
    assert thresholds.add_for("RETREAT") == 1.01
    assert report["ACCUSE"] == {"threshold": training.ADD_GRID[0], "candidates": 8, "added": 8, "right": 8,
                                "by_set": {"plover-gsr": "8/8"}}
    assert report["ASSAULT"]["right"] == 0
    # the other thresholds are left as they were
    assert (thresholds.drop, thresholds.quad) == (Thresholds().drop, Thresholds().quad)


def test_an_addition_of_a_quad_the_rules_have_is_not_judged_on_cameo_class() -> None:
    from dragoman.extract.events.detector import decide

    unit = Unit("cameo-class", "u", quad_types(4), False, 4)
    coded = Coded((), ("ASSAULT",), (), ((None, None),))
    eager = Thresholds(add=(0.0,) * len(PLOVER_TYPES))
    decision = decide(_probs(COERCE=0.7, ASSAULT=0.2), coded.types, eager)
    assert decision.add == "COERCE" and training.add_right(unit, coded, decision) is None
    alone = decide(_probs(COERCE=0.7), (), eager)
    assert training.add_right(unit, Coded((), (), (), ()), alone) is True


def test_a_type_right_by_quad_but_wrong_by_type_is_not_added() -> None:
    # THREATEN additions: right on 10 cameo-class sentences (the quad) and wrong on 6 plover-gsr records (the type)
    units: list[Unit] = []
    coded: list[Coded] = []
    probs: dict[int, dict[str, float]] = {}
    for source, gold, n in (("cameo-class", 3, 10), ("plover-gsr", "ACCUSE", 6)):
        for _ in range(n):
            probs[len(units)] = _probs(THREATEN=0.8)
            allowed = quad_types(3) if source == "cameo-class" else frozenset({"ACCUSE"})
            units.append(Unit(source, f"unit {len(units)}", allowed, False, gold))
            coded.append(Coded((), (), (), ()))
    thresholds, report = training.choose_adds(units, coded, probs, list(probs), Thresholds())
    assert thresholds.add_for("THREATEN") == 1.01
    assert report["THREATEN"]["by_set"] == {"cameo-class": "10/10", "plover-gsr": "0/6"}


def test_a_statement_sentence_with_an_appeal_may_be_request() -> None:
    # cameo-class class 0 ("statement") where the rules code an appeal: REQUEST or no event; without one, no event
    units = [Unit("cameo-class", "EU urged Kyiv to act", quad_types(0), False, 0),
             Unit("cameo-class", "He spoke", quad_types(0), False, 0),
             Unit("cameo-class", "Iran demanded talks", quad_types(3), False, 3)]
    coded = [Coded((), ("REQUEST",), (), ((None, None),), (True,)), Coded((), (), (), ()),
             Coded((), ("REQUEST",), (), ((None, None),), (False,))]
    allowed = [u.allowed for u in training.appeals_allowed(units, coded)]
    assert allowed == [frozenset({NONE, "REQUEST"}), frozenset({NONE}), quad_types(3)]


def test_the_first_event_class_reads_appeals_as_statements() -> None:
    from dragoman.extract.events.detector import decide

    appeal = Coded((), ("REQUEST", "ASSAULT"), (), ((None, None), (None, None)), (True, False))
    demand = Coded((), ("REQUEST",), (), ((None, None),), (False,))
    assert training.first_class(appeal, None) == 0  # the appeal leads: a statement
    assert training.first_class(demand, None) == 3  # a demand is verbal conflict
    reordered = decide(_probs(ASSAULT=0.9), appeal.types, Thresholds(quad=(0.0, 0.0, 0.0, 0.0)))
    assert reordered.keep[0] == 1 and training.first_class(appeal, reordered) == 4
    assert training.first_class(Coded((), (), (), ()), None) == 0
