"""Killings reported through a death and its violent cause, hyphenated force words, "shot dead"."""

from __future__ import annotations

from dragoman.model import Event
from dragoman.pipeline import code_text

PUBLISHED = "2024-01-23"


def events(text: str) -> list[Event]:
    return code_text(text, published=PUBLISHED)


def test_died_in_police_firing_is_a_killing_by_the_police() -> None:
    (e,) = events("Two protesters died in police firing in Ahmedabad.")
    assert (e.type, e.cameo) == ("ASSAULT", "18")
    assert e.actor is not None and e.actor.sector == "COP"
    assert e.recipient is not None and e.recipient.sector == "CVL"  # the dead are the victims, not the doers


def test_died_due_to_and_succumbed_to_injuries_in_firing() -> None:
    (e,) = events("The people who died due to police firing were from the minority community.")
    assert e.type == "ASSAULT" and e.actor is not None and e.actor.sector == "COP"
    (e,) = events("The student succumbed to injuries sustained in the police firing.")
    assert e.type == "ASSAULT" and e.actor is not None and e.actor.sector == "COP"


def test_death_without_violent_cause_is_no_event() -> None:
    assert events("The former minister died of cancer on Sunday.") == []
    assert events("Three people died in the floods.") == []


def test_deaths_noun_with_violent_cause() -> None:
    (e,) = events("There were five deaths in police firing on Monday.")
    assert e.type == "ASSAULT" and e.actor is not None and e.actor.sector == "COP"


def test_hyphenated_lathi_charge_is_force_not_arrest() -> None:
    (e,) = events("Police lathi-charged the protesters outside the station.")
    assert (e.type, e.cameo) == ("ASSAULT", "175")
    assert e.actor is not None and e.actor.sector == "COP"
    found = events("Two students were injured in the lathi-charge.")
    assert [x.type for x in found] == ["ASSAULT"]
    # an ordinary charge is still legal action
    assert [x.type for x in events("Police charged the suspect with murder.")] == ["COERCE"]


def test_shot_dead_keeps_dead_in_the_trigger() -> None:
    (e,) = events("Ten people were shot dead by police.")
    assert e.evidence.trigger == "shot dead"
    assert e.actor is not None and e.actor.sector == "COP"
