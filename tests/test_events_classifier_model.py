"""The packaged sentence classifier: its file loads, predictions are deterministic, the gate is transparent."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from dragoman import code_text
from dragoman.errors import ModelError
from dragoman.extract.events.classifier import (
    CLASSES,
    MODEL_PATH,
    gate,
    gate_coded,
    in_heldout,
    load_model,
    model_from_json,
    sentence_features,
    sentence_quad_probs,
)
from dragoman.nlp import get_nlp

pytestmark = pytest.mark.slow


def test_packaged_model_is_small_and_loads() -> None:
    assert MODEL_PATH.stat().st_size < 2_000_000
    model = load_model()
    assert len(model.index) > 500
    assert 0.0 < model.drop_threshold <= 1.0
    assert load_model() is model  # read once


def test_malformed_model_names_the_fix() -> None:
    with pytest.raises(ModelError, match="train_classifier.py"):
        model_from_json({"features": ["a"], "weights": [[0.0, 1.0]], "bias": [0.0] * 5, "drop_threshold": 0.5},
                        where="test")


def test_predictions_are_deterministic_distributions() -> None:
    sent = next(get_nlp()("Kenyan police arrested twelve protesters in Nairobi on Monday.").sents)
    first, second = sentence_quad_probs(sent), sentence_quad_probs(sent)
    assert first == second
    assert set(first) == set(CLASSES)
    assert sum(first.values()) == pytest.approx(1.0)
    features = sentence_features(sent)
    assert features == sorted(set(features))
    assert "trig:COERCE" in features and "ev:COERCE" in features


def test_interaction_sentences_are_not_class_zero() -> None:
    nlp = get_nlp()
    arrest = next(nlp("Kenyan police arrested twelve protesters in Nairobi on Monday.").sents)
    talks = next(nlp("The foreign ministers of Ethiopia and Sudan held talks in Addis Ababa.").sents)
    assert max(sentence_quad_probs(arrest), key=sentence_quad_probs(arrest).get) == 4
    probs = sentence_quad_probs(talks)
    assert probs[1] + probs[2] > probs[0]


def test_gate_drops_only_on_confident_no_interaction_and_ranks_preferred_quad() -> None:
    events = code_text("Russian troops shelled the town of Avdiivka, and Ukraine accused Moscow of war crimes.")
    quads = {e.quad for e in events}
    assert {"material_conflict", "verbal_conflict"} <= quads
    verbal = {0: 0.05, 1: 0.05, 2: 0.05, 3: 0.8, 4: 0.05}
    ranked = gate(events, verbal, threshold=0.6, rank=True)
    assert ranked[0].quad == "verbal_conflict" and sorted(ranked, key=id) == sorted(events, key=id)
    assert gate(events, verbal, threshold=0.6, rank=False) == list(events)
    assert gate(events, {0: 0.7, 1: 0.1, 2: 0.1, 3: 0.05, 4: 0.05}, threshold=0.6) == []
    assert gate([], verbal) == []


def test_gate_coded_keeps_rule_evidence() -> None:
    events = code_text("Kenyan police arrested twelve protesters in Nairobi on Monday.")
    gated = gate_coded(events)
    assert gated, "a plain arrest must survive the gate"
    assert all(g in events for g in gated)  # the same records: triggers, actors and offsets untouched
    assert gated[0].evidence.trigger == "arrested"
    assert replace(gated[0]) == gated[0]


def test_heldout_split_is_a_fixed_hash() -> None:
    texts = [f"Sentence number {i} about talks." for i in range(400)]
    share = sum(in_heldout(t) for t in texts) / len(texts)
    assert 0.2 < share < 0.4
    assert [in_heldout(t) for t in texts] == [in_heldout(t) for t in texts]
    assert in_heldout("  Sentence number 3 about talks. ") == in_heldout("Sentence number 3 about talks.")


def test_model_file_is_plain_json() -> None:
    data = json.loads(MODEL_PATH.read_text("utf-8"))
    assert set(data) >= {"features", "weights", "bias", "drop_threshold", "meta"}
