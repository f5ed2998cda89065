"""Forces that arrive somewhere are deployed there, not on a visit (``_forces_move`` in ``triggers``); a deployment
of peacekeepers or for relief is AID; the place a visitor arrives in is the host (``_venue`` in ``extract``)."""

from __future__ import annotations

from dragoman.extract import detector_mode
from dragoman.model import Event
from dragoman.pipeline import code_text


def _code(text: str) -> list[Event]:
    with detector_mode("rules"):
        return code_text(text, published="2024-03-05")


def _first(text: str) -> Event:
    return _code(text)[0]


def test_troops_arriving_are_a_deployment() -> None:
    event = _first("Russian troops arrived in Belarus on Monday for joint drills.")
    assert (event.type, event.cameo, event.mode) == ("MOBILIZE", "154", "troops")
    assert event.actor is not None and event.actor.country == "RUS"
    assert event.recipient is not None and event.recipient.country == "BLR"


def test_peacekeepers_arriving_are_aid() -> None:
    event = _first("Some 163 Chinese peacekeepers arrived in South Sudan on Thursday.")
    assert (event.type, event.cameo) == ("AID", "074")
    mission = _first("Hundreds of British troops have arrived in Mali to join the United Nations peacekeeping mission.")
    assert (mission.type, mission.cameo) == ("AID", "074")


def test_a_batch_of_peacekeepers_arriving_is_aid() -> None:
    # the quantity noun holds who arrive: no visit by "a batch"
    event = _first("A first batch of Bangladeshi peacekeeping troops arrived in Sierra Leone on Tuesday.")
    assert (event.type, event.cameo) == ("AID", "074")
    assert event.actor is not None and event.actor.country == "BGD"


def test_a_minister_arriving_is_a_visit_to_the_host() -> None:
    event = _first("The Chinese foreign minister arrived in Moscow on Monday.")
    assert (event.type, event.mode) == ("CONSULT", "visit")
    assert event.actor is not None and event.actor.country == "CHN"
    assert event.recipient is not None and event.recipient.country == "RUS"


def test_talks_in_a_city_keep_it_as_the_venue() -> None:
    events = [e for e in _code("Iran and the United States held talks in Geneva on Monday.") if e.type == "CONSULT"]
    assert events
    assert all(e.recipient is None or e.recipient.country != "CHE" for e in events)


def test_a_base_established_is_a_deployment() -> None:
    event = _first("The army established a new base near the town of Tillia in Niger on Sunday.")
    assert (event.type, event.cameo, event.mode) == ("MOBILIZE", "154", "troops")
    assert event.location is not None and event.location.name == "Tillia"


def test_forces_brought_in_are_deployed() -> None:
    from dragoman.pipeline import code_text

    events = code_text("Scores of extra police were brought in amid fears of violence.", published="2024-03-06")
    assert [(e.type, e.cameo) for e in events] == [("MOBILIZE", "153")]
    [army] = code_text("The army brought in reinforcements from the north.", published="2024-03-06")
    assert army.type == "MOBILIZE" and army.actor is not None and army.actor.text == "The army"


def test_forces_brought_in_with_the_passive_auxiliary_left_out_are_deployed() -> None:
    from dragoman.pipeline import code_text

    events = code_text("The square has been fenced off and hundreds of riot police brought in.", published="2024-03-06")
    assert "MOBILIZE" in [e.type for e in events]
    assert code_text("The requiem Mass brought together politicians and police officers.", published="2024-03-06") == []


def test_troops_ordered_to_a_place_are_deployed() -> None:
    event = _first("Venezuela's president ordered troops to the border with Guyana.")
    assert (event.type, event.cameo) == ("MOBILIZE", "154")
    assert event.actor is not None and event.actor.country == "VEN"


def test_troops_ordered_to_do_something_else_are_no_deployment() -> None:
    events = _code("The president ordered the army to withdraw from the city.")
    assert "MOBILIZE" not in [e.type for e in events]
    assert _code("The governor ordered the police.") == []


def test_jets_scrambled_are_mobilized() -> None:
    event = _first("Poland scrambled fighter jets to secure its airspace, the Polish military said.")
    assert (event.type, event.cameo) == ("MOBILIZE", "154")
    assert event.actor is not None and event.actor.country == "POL"
    assert _code("Parties scrambled to form a coalition.") == []
