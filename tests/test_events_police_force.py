"""Police use of force: intransitive firing, the firing noun, resorting to firing, tear gas and sticks, "fell to
bullets", and the IndiaPoliceEvents mapping of such events."""

from __future__ import annotations

from dragoman.evaluate.events import ipe_labels
from dragoman.model import Event
from dragoman.pipeline import code_text

PUBLISHED = "2024-03-05"


def events(text: str) -> list[Event]:
    return code_text(text, published=PUBLISHED)


def assaults(text: str) -> list[Event]:
    return [e for e in events(text) if e.type == "ASSAULT"]


def test_firing_with_no_object_is_shooting_and_firing_someone_is_not() -> None:
    (e,) = assaults("Police fired in the air to scatter the stone-throwing crowd.")
    assert (e.cameo, e.mode) == ("193", "firearms")
    assert e.actor is not None and e.actor.sector == "COP"
    assert assaults("The club fired its coach after the third defeat in a row.") == []
    assert assaults("The manager was fired on Friday.") == []


def test_firing_noun_is_shooting_unless_it_dismisses_someone() -> None:
    (e,) = assaults("Three villagers were injured in the firing, officials said.")
    assert e.mode == "firearms"
    assert assaults("The board announced the firing of the chief executive.") == []
    (e,) = assaults("The families asked for compensation for the victims of police firing.")
    assert e.actor is not None and e.actor.sector == "COP"


def test_resorting_to_firing_is_done_by_who_resorted() -> None:
    (e,) = assaults("The constables had to resort to firing when the crowd turned on them.")
    assert e.actor is not None and e.actor.sector == "COP"
    assert ipe_labels([e]) == {"FORCE"}


def test_tear_gas_shells_are_crowd_control_not_artillery() -> None:
    (e,) = assaults("Tear gas shells were lobbed at the marchers near the bridge.")
    assert e.cameo == "175"
    assert ipe_labels([e]) == {"FORCE"}  # tear gas is a police means even when no one is named


def test_dispersing_with_sticks_or_gas_is_force_and_without_them_is_not() -> None:
    (e,) = events("Police dispersed the students with batons.")
    assert (e.type, e.cameo) == ("ASSAULT", "175")
    assert e.actor is not None and e.actor.sector == "COP"
    (e,) = events("Police dispersed the sit-in with tear-gas shells.")
    assert (e.type, e.cameo) == ("ASSAULT", "175")
    (e,) = events("Police dispersed the crowd outside the court.")
    assert e.type == "COERCE" and ipe_labels([e]) == set()


def test_killed_in_the_police_firing_when_the_parser_splits_police_from_firing() -> None:
    found = assaults("Half of the people killed in the police firing belong to one village.")
    killing = next(e for e in found if e.evidence.trigger == "killed")
    assert killing.actor is not None and killing.actor.sector == "COP"
    assert ipe_labels(found) == {"KILL", "FORCE"}


def test_fell_to_police_bullets_is_a_killing_but_a_town_falling_is_not() -> None:
    (e,) = assaults("Four youths fell to police bullets during the march.")
    assert e.actor is not None and e.actor.sector == "COP"
    assert e.recipient is not None and "youths" in e.recipient.text
    assert ipe_labels([e]) == {"KILL", "FORCE"}
    assert assaults("The town fell to the rebels on Sunday.") == []
    assert events("Shares fell to a record low on Monday.") == []


def test_a_police_station_named_as_a_place_is_no_police_context() -> None:
    found = events("A trader was shot dead near the Kotwali police station on Tuesday night.")
    assert any(e.type == "ASSAULT" for e in found)
    assert ipe_labels(found) == set()
