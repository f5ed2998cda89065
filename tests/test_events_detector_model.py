"""The packaged event detector: its file loads offline and fast, its probabilities are distributions, its
thresholds are there, and the decision rules do what ``dragoman.extract.events.detector`` says."""

from __future__ import annotations

import json
import time

import pytest

from dragoman.codes import PLOVER_TYPES
from dragoman.errors import ModelError
from dragoman.extract.events.detector import (
    DETECTOR_PATH,
    LABELS,
    NONE,
    Thresholds,
    decide,
    detector_from_json,
    load_detector,
    quad_probs,
)


def test_artifact_is_small_and_loads_fast_without_scikit_learn() -> None:
    assert DETECTOR_PATH.stat().st_size < 25_000_000
    load_detector.cache_clear()
    started = time.perf_counter()
    detector = load_detector()
    assert time.perf_counter() - started < 2.0
    assert load_detector() is detector  # read once
    assert len(detector.index) > 500


def test_loading_imports_no_training_library() -> None:
    import subprocess
    import sys

    code = ("import sys; from dragoman.extract.events.detector import load_detector; load_detector(); "
            "print(any(m.split('.')[0] in ('sklearn', 'scipy') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_thresholds_are_present_and_in_range() -> None:
    data = json.loads(DETECTOR_PATH.read_text("utf-8"))
    th = data["thresholds"]
    assert set(th) == {"drop", "keep", "keep_type", "quad", "add"} and len(th["quad"]) == 4
    assert set(th["add"]) == set(PLOVER_TYPES)  # one addition threshold per type
    for value in (th["drop"], th["keep"], th["keep_type"], *th["quad"], *th["add"].values()):
        assert 0.0 <= value <= 1.01
    assert data["types"] == list(PLOVER_TYPES) and data["labels"] == list(LABELS)
    assert data["meta"]["seed"] == 13


def test_probabilities_sum_to_one_for_any_features() -> None:
    detector = load_detector()
    for features in ([], ["w:arrest", "trig:COERCE", "ev:COERCE"], ["w:say", "root:say", "ev:none"],
                     ["not a feature"]):
        probs = detector.probs(features)
        assert set(probs) == set(LABELS)
        assert sum(probs.values()) == pytest.approx(1.0)
        assert all(0.0 <= p <= 1.0 for p in probs.values())
        assert sum(quad_probs(probs).values()) == pytest.approx(1.0)


def test_malformed_artifact_names_the_fix() -> None:
    with pytest.raises(ModelError, match="make train"):
        detector_from_json({"format": "dragoman-detector/1", "types": list(PLOVER_TYPES), "features": ["a"],
                            "quad_weights": [[0.0] * 4]}, where="test")


def _probs(**mass: float) -> dict[str, float]:
    probs = dict.fromkeys(LABELS, 0.0)
    probs.update(mass)
    rest = 1.0 - sum(probs.values())
    probs[NONE] += rest
    return probs


def test_decide_drops_on_confident_no_event_and_adds_a_missing_quad() -> None:
    th = Thresholds(drop=0.7, keep=0.0, quad=(0.6, 0.6, 0.6, 0.6), add=(0.6,) * len(PLOVER_TYPES))
    none = decide(_probs(ASSAULT=0.05), ["ASSAULT"], th)
    assert none.dropped_all and none.keep == () and none.add is None
    added = decide(_probs(ASSAULT=0.8, ACCUSE=0.1), ["ACCUSE"], th)
    assert added.add == "ASSAULT" and added.add_first and added.keep == (0,)
    reordered = decide(_probs(ASSAULT=0.8, ACCUSE=0.1), ["ACCUSE", "ASSAULT"], th)
    assert reordered.keep == (1, 0) and reordered.add is None
    unsure = decide(_probs(ASSAULT=0.4, ACCUSE=0.3), ["ACCUSE"], th)
    assert unsure.keep == (0,) and unsure.add is None
    # no rule event and no confident type: nothing happens
    assert decide(_probs(), [], th) == decide(_probs(), [], Thresholds())


def test_decide_with_switched_off_thresholds_is_the_rules() -> None:
    off = Thresholds()
    for types in ([], ["ASSAULT"], ["ACCUSE", "ASSAULT", "AGREE"]):
        decision = decide(_probs(AGREE=0.5), types, off)
        assert decision.keep == tuple(range(len(types))) and decision.add is None and not decision.dropped_all


def _adding(**levels: float) -> Thresholds:
    """Thresholds that add only the named types, each at its own level."""
    return Thresholds(add=tuple(levels.get(t, 1.01) for t in PLOVER_TYPES))


def test_decide_adds_each_type_at_its_own_threshold() -> None:
    th = _adding(ASSAULT=0.5, COERCE=0.9)
    assert decide(_probs(ASSAULT=0.6), [], th).add == "ASSAULT"
    assert decide(_probs(COERCE=0.6), [], th).add is None  # COERCE needs 0.9
    assert decide(_probs(COERCE=0.95), [], th).add == "COERCE"
    assert decide(_probs(ACCUSE=0.99), [], th).add is None  # never added
    # the model's likeliest type must outweigh "no event" even above its threshold
    assert decide(_probs(ASSAULT=0.45, NONE=0.55), [], _adding(ASSAULT=0.4)).add is None


def test_an_added_type_of_a_quad_the_rules_have_follows_them() -> None:
    # the rules coded an ASSAULT; the model is sure of a COERCE (same quad): it is added after the rule event
    decision = decide(_probs(COERCE=0.7, ASSAULT=0.2), ["ASSAULT"], _adding(COERCE=0.6))
    assert decision.add == "COERCE" and not decision.add_first and decision.keep == (0,)
    # of a quad no rule event has: it leads
    first = decide(_probs(COERCE=0.7, ACCUSE=0.1), ["ACCUSE"], _adding(COERCE=0.6))
    assert first.add == "COERCE" and first.add_first


def test_add_thresholds_must_name_every_type() -> None:
    with pytest.raises(ValueError, match="16 add thresholds"):
        Thresholds(add=(0.5, 0.5))
    data = Thresholds().to_json()
    del data["add"]["ASSAULT"]
    with pytest.raises(ValueError, match="each of the 16 PLOVER types"):
        Thresholds.from_json(data)
