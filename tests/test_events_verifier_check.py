"""The learned event check (``dragoman.extract.events.verifier``): what it reads of an event, that it drops what
it finds unlikely and keeps the rest, that it can be turned off, and the packaged artifact. Real parses and the
real pipeline; the hand-made checks below are tiny logistic regressions written for the tests."""

from __future__ import annotations

import pytest

from dragoman.errors import ModelError
from dragoman.extract.events.verifier import (
    FORMAT,
    Verifier,
    checked,
    checking,
    collecting_checks,
    load_verifier,
    political,
    verifier_from_json,
)
from dragoman.pipeline import code_text

STORY = ("NAIROBI, Kenya - Police arrested 30 protesters in Nairobi on Monday after a march against new taxes. "
         "The march began at noon. \"We will not stop,\" one organiser said. Shops stayed closed.")


def test_every_event_is_seen_with_what_it_looks_like() -> None:
    with collecting_checks() as rows:
        events = code_text(STORY, published="2024-06-24")
    seen = {event.event_id for event, _features in rows}
    assert {e.event_id for e in events} <= seen
    (arrest, features) = next((e, f) for e, f in rows if e.type == "COERCE")
    assert {"type:COERCE", "quad:material_conflict", "doc:few", "pos:0", "tpos:VERB", "ttag:VBD",
            "tlem:arrest:COERCE", "actor_sector:COP", "recipient:number", "figure:COERCE", "place:city",
            "modality:asserted", "sides:True:True"} <= set(features)
    assert features == sorted(set(features))
    assert arrest.evidence.trigger == "arrested"


def test_how_many_states_an_event_joins_is_seen() -> None:
    with collecting_checks() as rows:
        code_text("Pakistan summoned the Afghan envoy over cross-border attacks. Police arrested 30 protesters in "
                  "Nairobi on Monday.", published="2024-06-24")
    features = {e.type: set(f) for e, f in rows}
    assert {"dyad:2", "political:True"} <= features["ACCUSE"]
    assert "dyad:1" in features["COERCE"]


def test_a_lone_sentence_and_a_story_are_told_apart() -> None:
    with collecting_checks() as rows:
        code_text("Police arrested 30 protesters in Nairobi on Monday.", published="2024-06-24")
    assert rows and all("doc:one" in features for _e, features in rows)


def test_a_check_drops_what_it_finds_unlikely_and_keeps_the_rest() -> None:
    with checking(False):
        events = code_text(STORY, published="2024-06-24")
    assert {e.type for e in events} >= {"COERCE"}
    only_arrests = Verifier({"type:COERCE": 10.0}, bias=-5.0, threshold=0.5, about={})
    kept = checked(events, triggers={}, sentence_index={}, sentences=4, verifier=only_arrests)
    assert kept and {e.type for e in kept} == {"COERCE"}
    keep_all = Verifier({}, bias=5.0, threshold=0.5, about={})
    kept_all = checked(events, triggers={}, sentence_index={}, sentences=4, verifier=keep_all)
    assert [e.event_id for e in kept_all] == [e.event_id for e in events]
    # each kept event carries the check's probability that it is real as its confidence: sigmoid(5)
    assert {e.confidence for e in kept_all} == {0.9933}
    # a text of two sentences is no story: nothing is dropped, but the probability is still given
    short = checked(events, triggers={}, sentence_index={}, sentences=2, verifier=only_arrests)
    assert [e.event_id for e in short] == [e.event_id for e in events]
    assert {e.confidence for e in short if e.type != "COERCE"} == {0.0067}


def test_a_type_the_check_abstains_on_is_kept_however_unlikely() -> None:
    with checking(False):
        events = code_text(STORY, published="2024-06-24")
    drop_all = Verifier({}, bias=-5.0, threshold=0.5, about={}, abstain=frozenset({"COERCE"}))
    kept = checked(events, triggers={}, sentence_index={}, sentences=4, verifier=drop_all)
    assert kept and {e.type for e in kept} == {"COERCE"} and {e.confidence for e in kept} == {0.0067}
    # the abstention spares what a rule found, not what the detector added where no rule fired
    arrests = {e.event_id for e in events if e.type == "COERCE"}
    judged = checked(events, triggers={}, sentence_index={}, sentences=4, verifier=drop_all, added=arrests)
    assert not judged


@pytest.mark.parametrize(("text", "expected"), [
    ("Japan pledged $2 billion in aid to Ukraine on Monday.", True),  # states named as themselves
    ("The rebels released 15 hostages on Sunday.", True),  # an armed group
    ("The Red Cross provided shelter to the residents on Monday.", True),  # an international body
    ("Smith, a Texas banker, helped his neighbour on Monday.", False),  # a private person a country is known of
])
def test_a_political_side_is_a_state_its_organs_armed_groups_parties_or_international_bodies(
        text: str, expected: bool) -> None:
    with checking(False):
        events = [e for e in code_text(text, published="2024-06-24") if e.type in ("AID", "RETREAT")]
    assert events and all(political(e) is expected for e in events)


def test_turned_off_it_drops_nothing() -> None:
    with checking(False):
        unchecked = code_text(STORY, published="2024-06-24")
    checked_events = code_text(STORY, published="2024-06-24")
    assert {e.event_id for e in checked_events} <= {e.event_id for e in unchecked}


def test_a_file_of_another_format_is_refused_with_the_fix() -> None:
    with pytest.raises(ModelError, match="make train"):
        verifier_from_json({"format": "something-else/1", "weights": {}, "bias": 0, "threshold": 0.5})


def test_the_packaged_check_loads_and_says_what_it_was_trained_on() -> None:
    verifier = load_verifier()
    assert verifier is not None
    assert 0.0 < verifier.threshold < 1.0 and len(verifier.weights) > 100
    about = verifier.about
    assert "eval/annotations" in about["trained_on"]
    held = about["heldout"]
    # what the check did on the articles it never saw (bench/train_verifier.py measured it when it was built)
    assert held["precision_after"] > held["precision_before"] and held["right_kept"] >= 0.7
    assert verifier_from_json({"format": FORMAT, "weights": dict(verifier.weights), "bias": verifier.bias,
                               "threshold": verifier.threshold}).threshold == verifier.threshold
