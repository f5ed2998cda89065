"""The scoring arithmetic and readers of dragoman.evaluate.events, on files written here."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from dragoman.errors import EvaluationError
from dragoman.evaluate.events import (
    bio_spans,
    classification_scores,
    ipe_labels,
    old_name_map,
    prf,
    read_cameo_ner,
    read_ipe,
    score_events,
    sentence_class,
)
from dragoman.model import Actor, Counts, Event, Evidence, Quad


def _event(type_: str, quad: Quad, trigger: str, *, actor: Actor | None = None, sentence: str = "",
           cameo: str | None = None, dead: int | None = None, start: int = 0) -> Event:
    return Event(
        event_id="e", doc_id="d", source_id="s", type=type_, mode=None, cameo=cameo, quad=quad,
        modality="asserted", actor=actor, recipient=None,
        evidence=Evidence(sentence=sentence, start=0, end=len(sentence), trigger=trigger, trigger_start=start),
        counts=Counts(dead=dead),
    )


def test_prf_arithmetic() -> None:
    assert prf(3, 1, 2) == {"precision": 0.75, "recall": 0.6, "f1": 0.6667, "n": 5, "tp": 3, "fp": 1, "fn": 2}
    assert prf(0, 0, 0)["f1"] == 0.0


def test_bio_spans_read_runs_and_stray_inside_tags() -> None:
    tags = ["B-S", "I-S", "O", "B-T", "I-T", "I-T", "O", "I-R", "B-S"]
    assert bio_spans(tags) == [("S", 0, 1), ("T", 3, 5), ("R", 7, 7), ("S", 8, 8)]


def test_old_names_are_mapped_from_the_conversion_table(tmp_path: Path) -> None:
    table = tmp_path / "CAMEO2PLOVER-2021.txt"
    table.write_text(
        "# header\n101: REQUEST, assist,  # Demand material cooperation\n"
        "110: ACCUSE, disapprove,    # Disapprove\n090: ACCUSE, investigate,  # Investigate\n"
        "193: ASSAULT, firearms, military # Fight with small arms and light weapons\n",
        "utf-8",
    )
    mapping, source = old_name_map(table)
    assert source == "CAMEO2PLOVER-2021.txt"
    assert mapping == {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
    assert old_name_map(tmp_path / "missing.txt")[1] == "fallback"


def test_sentence_class_takes_the_first_event_and_zero_for_none() -> None:
    assert sentence_class([]) == 0
    events = [_event("ACCUSE", "verbal_conflict", "accused"), _event("ASSAULT", "material_conflict", "shelled")]
    assert sentence_class(events) == 3


def test_classification_scores_macro_and_accuracy() -> None:
    scores = classification_scores([0, 1, 1, 4], [0, 1, 4, 4], range(5))
    assert scores["accuracy"] == 0.75
    assert scores["per_class"]["1"]["recall"] == 0.5
    assert scores["per_class"]["4"]["precision"] == 0.5


def test_ipe_mapping_kill_arrest_force() -> None:
    police = Actor(text="the police", name="police", sector="COP")
    killed_in_firing = _event("ASSAULT", "material_conflict", "killed",
                              sentence="two persons were killed in police firing.", dead=2)
    assert ipe_labels([killed_in_firing]) == {"KILL", "FORCE"}
    mob_killing = _event("ASSAULT", "material_conflict", "killed", actor=Actor(text="a mob", name="mob"),
                         sentence="a mob killed two persons.", dead=2)
    assert ipe_labels([mob_killing]) == set()
    arrest = _event("COERCE", "material_conflict", "arrested", cameo="173", sentence="40 rioters were arrested.")
    assert ipe_labels([arrest]) == {"ARREST"}
    teargas = _event("COERCE", "material_conflict", "lobbed tear gas", actor=police, sentence="police lobbed tear gas.")
    assert ipe_labels([teargas]) == {"FORCE"}


def test_ipe_killing_by_other_means_beside_police_firing_is_not_a_police_killing() -> None:
    sentence = "two persons were stabbed to death and the police fired in the air to disperse rioters."
    stabbing = replace(_event("ASSAULT", "material_conflict", "stabbed", sentence=sentence, dead=2),
                       mode="primitive")
    assert "KILL" not in ipe_labels([stabbing])
    shooting = replace(stabbing, mode="firearms")
    assert "KILL" in ipe_labels([shooting])


def test_ipe_booked_is_an_arrest_and_charged_is_not() -> None:
    booked = replace(_event("COERCE", "material_conflict", "booked", sentence="sixty people were booked."),
                     mode="arrest")
    assert ipe_labels([booked]) == {"ARREST"}
    charged = replace(booked, evidence=replace(booked.evidence, trigger="charged"))
    assert ipe_labels([charged]) == set()


def test_readers_reject_files_of_the_wrong_layout(tmp_path: Path) -> None:
    bad_ner = tmp_path / "train.txt"
    bad_ner.write_text("Police B-X\n", "utf-8")
    with pytest.raises(EvaluationError, match="B-/I-S"):
        read_cameo_ner(bad_ner)
    bad_ipe = tmp_path / "sents-dev.tsv"
    bad_ipe.write_text("police fired\t1\t0\n", "utf-8")
    with pytest.raises(EvaluationError, match="five 0/1 columns"):
        read_ipe(bad_ipe)
    with pytest.raises(EvaluationError, match="unknown gold format"):
        score_events(bad_ipe, format="acled")
    with pytest.raises(EvaluationError, match="not found"):
        score_events(tmp_path / "none.tsv", format="cameo-class")


@pytest.mark.slow
def test_cameo_class_scorer_codes_a_small_file(tmp_path: Path) -> None:
    gold = tmp_path / "train.tsv"
    gold.write_text(
        "Rebels shelled the army base near Goma on Monday.\t4\n"
        "The two ministers held talks in Cairo on Sunday.\t1\n",
        "utf-8",
    )
    scores = score_events(gold, format="cameo-class")
    # the shelling is material conflict (4), the talks verbal cooperation (1): both coded right
    assert scores["details"]["status"] == {"ok": 2}
    assert scores["details"]["confusion"] == {"4->4": 1, "1->1": 1}
    assert (scores["n"], scores["accuracy"]) == (2, 1.0)


def test_evaluate_events_gold_igo_accepts_plover_international_codes() -> None:
    from dragoman.evaluate.events import _country_matches

    assert _country_matches("UNO", {"IGO"}) and _country_matches("EUR", {"IGO"})
    assert not _country_matches("UNO", {"USA"})
    assert not _country_matches("USA", {"IGO"})
    assert _country_matches("USA", {"USA", None})
