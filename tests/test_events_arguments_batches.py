"""What a batch holds ("a package of sanctions", "a package of military aid") decides the act, and the verb that
handles the batch gives the act its doer (``object_classes`` and ``governing_verb`` in ``events.arguments``)."""

from __future__ import annotations

from dragoman.extract import detector_mode
from dragoman.model import Event
from dragoman.pipeline import code_text


def _code(text: str) -> list[Event]:
    with detector_mode("rules"):
        return code_text(text, published="2024-03-05")


def test_a_package_of_sanctions_is_a_sanction_by_whoever_approved_it() -> None:
    events = _code("The European Union approved a package of sanctions against Russia.")
    assert [e.type for e in events] == ["SANCTION"]  # was an AID "approved" too: a package is not always aid
    assert events[0].actor is not None and events[0].actor.country == "EUR"
    assert events[0].recipient is not None and events[0].recipient.country == "RUS"


def test_a_package_of_aid_stays_aid_to_its_receiver() -> None:
    events = _code("The United States sent a package of military aid to Ukraine.")
    assert [e.type for e in events] == ["AID"]
    assert events[0].actor is not None and events[0].actor.country == "USA"
    assert events[0].recipient is not None and events[0].recipient.country == "UKR"


def test_an_aid_package_for_a_country_is_aid_to_it() -> None:
    events = _code("The Pentagon announced a new $400 million military aid package for Ukraine.")
    assert [(e.type, e.recipient and e.recipient.country) for e in events] == [("AID", "UKR")]


def test_the_broker_of_a_deal_is_not_its_party() -> None:
    events = _code("Saudi Arabia restored diplomatic relations with Iran in a deal brokered by China.")
    restored = events[0]
    assert (restored.type, restored.cameo) == ("SUPPORT", "050")
    assert (restored.actor and restored.actor.country, restored.recipient and restored.recipient.country) == (
        "SAU", "IRN")
    assert all(e.actor is None or e.actor.country != "CHN" for e in events)


def test_a_reason_cited_is_no_event() -> None:
    events = _code("Niger's junta closed the country's airspace, citing the threat of military intervention.")
    assert "THREATEN" not in [e.type for e in events]


def test_a_broadcaster_the_lexicon_knows_is_its_country_s_media_and_places_nothing() -> None:
    events = _code("Burkina Faso's military government suspended broadcasts of the BBC.")
    assert events[0].recipient is not None and (events[0].recipient.country, events[0].recipient.sector) == (
        "GBR", "JRN")
    america = _code("Burkina Faso's military government suspended broadcasts of Voice of America.")[0]
    assert america.location is None or america.location.name != "America"


def test_ties_upgraded_together_are_mutual_diplomatic_cooperation() -> None:
    events = _code("Czechia and Albania have upgraded their diplomatic ties to ambassadorial level.")
    assert {(e.type, e.cameo, e.actor and e.actor.country, e.recipient and e.recipient.country) for e in events} == {
        ("SUPPORT", "050", "CZE", "ALB"), ("SUPPORT", "050", "ALB", "CZE")}


def test_forces_strengthened_are_mobilized() -> None:
    events = _code("Israel has strengthened its forces in Lebanon.")
    assert [(e.type, e.cameo) for e in events] == [("MOBILIZE", "154")]


def test_demands_met_are_a_concession_and_demands_not_met_a_refusal() -> None:
    assert [e.type for e in _code("The government met the protesters' demands.")] == ["CONCEDE"]
    assert [e.type for e in _code("The U.S. said it would not meet the hostage-takers' demands.")] == ["REJECT"]
    assert _code("The minister met the deadline.") == []


def test_abuse_of_people_is_an_assault_and_abuse_of_power_is_not() -> None:
    abused = _code("Border guards abused the detained migrants, a rights group said.")
    assert [(e.type, e.cameo) for e in abused] == [("ASSAULT", "182")]
    assert _code("The president abused his power.") == []
