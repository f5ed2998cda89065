"""A domestic act with no recipient named takes the actor's own country as its other side (``home_party`` in
``extract``), after the story is read together; an act placed abroad, nowhere, or only by the actor's own name
keeps none."""

from __future__ import annotations

from dragoman.extract import detector_mode, home_party
from dragoman.model import Actor, Event, Place
from dragoman.pipeline import code_text


def _code(text: str) -> list[Event]:
    with detector_mode("rules"):
        return code_text(text, published="2024-03-05")


def test_a_refusal_at_home_is_aimed_at_the_actors_own_country() -> None:
    events = _code("SEOUL - Former President Park Geun-hye refused to testify at the court in Seoul on Monday.")
    refusal = next(e for e in events if e.type == "REJECT")
    assert refusal.actor is not None and refusal.actor.country == "KOR"
    assert refusal.recipient is not None
    assert refusal.recipient.country == "KOR" and refusal.recipient.text == "(KOR, implied)"
    assert refusal.recipient.start is None and refusal.recipient.sector is None


def test_an_act_placed_only_by_the_actors_own_name_gets_no_recipient() -> None:
    events = _code("The United States announced new sanctions on Tuesday.")
    sanction = next(e for e in events if e.type == "SANCTION")
    assert sanction.actor is not None and sanction.actor.country == "USA"
    assert sanction.recipient is None


def test_a_named_recipient_is_kept() -> None:
    events = _code("NAIROBI - Kenyan police arrested 30 protesters in Nairobi on Tuesday.")
    arrest = next(e for e in events if e.type == "COERCE")
    assert arrest.recipient is not None and arrest.recipient.text == "30 protesters"


def test_no_home_party_abroad_nowhere_or_for_an_international_body() -> None:
    kenya = Place(name="Nairobi", country="KEN", start=40, end=47)
    assert home_party(Actor(text="Uganda", country="UGA", start=0, end=6), kenya) is None
    assert home_party(Actor(text="Kenya", country="KEN", start=0, end=5), None) is None
    assert home_party(Actor(text="the UN", country="UNO", start=0, end=6), kenya) is None
    assert home_party(Actor(text="gunmen"), kenya) is None
    assert home_party(Actor(text="Kenya", country="KEN", start=0, end=5), kenya) == Actor(
        text="(KEN, implied)", country="KEN")


def test_a_protest_no_one_is_named_for_is_held_by_people_of_its_country() -> None:
    events = _code("The police killing of an unarmed man in Sacramento, California, sparked two weeks of protests.")
    protest = next(e for e in events if e.type == "PROTEST")
    assert protest.actor is not None and (protest.actor.country, protest.actor.sector) == ("USA", "CVL")
    assert protest.actor.text == "protesters (USA, implied)" and protest.actor.start is None
    assert protest.recipient is not None and (protest.recipient.country, protest.recipient.sector) == ("USA", "GOV")


def test_a_protest_placed_nowhere_keeps_no_implied_side() -> None:
    events = _code("The decision sparked two weeks of protests.")
    assert all(e.actor is None for e in events if e.type == "PROTEST")
