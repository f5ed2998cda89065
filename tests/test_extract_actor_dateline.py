"""Actors and places: an actor with no country of its own does not take a filing city's country; a place
the phrase ties to the actor gives it one (``PlaceResolver.actor_dateline``, ``_placed`` in ``extract``)."""

from __future__ import annotations

from dragoman.extract import detector_mode
from dragoman.extract.places.resolver import PlaceResolver
from dragoman.model import CleanDoc, Event, OffsetMap
from dragoman.nlp import get_nlp
from dragoman.pipeline import code_text


def _code(text: str) -> list[Event]:
    with detector_mode("rules"):
        return code_text(text, published="2024-03-05")


def _resolver(text: str, dateline: tuple[str, ...]) -> PlaceResolver:
    clean = CleanDoc(body=text, offsets=OffsetMap.identity(len(text)), dateline_places=dateline)
    return PlaceResolver(get_nlp()(text), clean)


def test_a_filing_city_abroad_gives_actors_no_country() -> None:
    text = ("PRETORIA (Reuters) - Fighting between federal troops and a regional militia spread near Gondar in "
            "Ethiopia on Tuesday. A drone struck a bus station on Wednesday, killing six people, residents said.")
    events = [e for e in _code(text) if e.type == "ASSAULT"]
    assert events
    for event in events:
        for actor in (event.actor, event.recipient):
            assert actor is None or actor.country != "ZAF", actor


def test_the_dateline_is_kept_for_actors_where_the_story_is_about_its_country() -> None:
    at_home = _resolver("NAIROBI, Kenya - Police dispersed protesters in Mombasa on Monday.", ("Nairobi",))
    assert at_home.actor_dateline() == ("Nairobi",)
    abroad = _resolver("PRETORIA - Troops clashed with rebels near Gondar in Ethiopia, and again in Bahir Dar.",
                       ("Pretoria",))
    assert abroad.actor_dateline() == ()
    # the talks' venue is named in the body, but the story is about Ethiopia
    venue = _resolver("PRETORIA - Talks opened in Pretoria after troops clashed with rebels near Gondar in "
                      "Ethiopia, in Bahir Dar and in Dessie.", ("Pretoria",))
    assert venue.actor_dateline() == ()
    # a story about the dateline's own country keeps it
    home = _resolver("PRETORIA - Police in Durban and in Soweto arrested 12 people after a protest in Ethiopia's "
                     "embassy.", ("Pretoria",))
    assert home.actor_dateline() == ("Pretoria",)


def test_a_place_named_in_the_actor_phrase_gives_its_country() -> None:
    # a name modifying the head, and a place the people are from
    for text in ("Gunmen attacked Kaduna residents overnight, killing nine, police said.",
                 "Gunmen abducted dozens of students from Kaduna State on Sunday."):
        (event,) = [e for e in _code(text) if e.type == "ASSAULT" and e.recipient is not None
                    and "Kaduna" in e.recipient.text]
        assert event.recipient is not None and event.recipient.country == "NGA", text
        assert event.recipient.sector in {"CVL", "EDU"}  # the phrase's own sector is kept
        # "gunmen" have no place of their own in the phrase; they take the country they act in (the event's
        # place, codebook section 4), never the phrase's
        assert event.actor is not None and event.location is not None
        assert event.actor.country == event.location.country == "NGA"


def test_the_venue_of_talks_is_their_place_not_their_recipient() -> None:
    (event,) = [e for e in _code("Sudanese and Chadian envoys held talks in Nairobi on Thursday.")
                if e.type == "CONSULT"]
    assert event.recipient is None or event.recipient.country != "KEN"
    assert event.location is not None and event.location.name == "Nairobi" and event.location.country == "KEN"
    # a visit's destination is its host
    events = _code("The Ghanaian president travelled to Nairobi on Monday for a state visit to Kenya.")
    assert any(e.recipient is not None and e.recipient.country == "KEN" for e in events if e.type == "CONSULT")


def test_the_party_an_accusation_is_aimed_at_is_not_its_place() -> None:
    text = ("NAIROBI, Kenya - Kenya's foreign minister accused Uganda of arming the rebels, speaking to reporters "
            "in Nairobi on Monday.")
    (event,) = [e for e in _code(text) if e.type == "ACCUSE"]
    assert event.recipient is not None and event.recipient.country == "UGA"
    assert event.location is not None and event.location.country == "KEN"
    # an attack's target is where it happens
    (strike,) = [e for e in _code("Israeli jets struck Lebanon overnight, the army said.") if e.type == "ASSAULT"]
    assert strike.location is not None and strike.location.country == "LBN"


def test_the_demo_story_filed_from_pretoria_codes_no_south_african_actor_but_the_venue() -> None:
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "examples" / "ethiopia_tigray_talks.txt").read_text("utf-8")
    events = _code(text)
    assert events
    for event in events:
        for actor in (event.actor, event.recipient):
            assert actor is None or actor.country != "ZAF", (event.evidence.trigger, actor)
    # the talks are held in Pretoria: that is their place, the fighting's is in Ethiopia
    assert any(e.type == "CONSULT" and e.location is not None and e.location.country == "ZAF" for e in events)
    assert all(e.location is not None and e.location.country == "ETH" for e in events if e.type == "ASSAULT")


def test_an_event_is_placed_where_it_happened_not_in_the_victims_country_or_the_dateline() -> None:
    text = ("RIYADH (Reuters) - An air strike in northern Yemen killed three Saudi border guards on Monday, the "
            "Saudi defence ministry said. Later, hundreds of supporters of the rebels rallied outside the embassy "
            "in Sanaa.")
    events = _code(text)
    (strike,) = [e for e in events if e.type == "ASSAULT"]
    assert strike.location is not None and strike.location.country == "YEM"
    assert strike.recipient is not None and strike.recipient.country == "SAU"  # the victims keep their country
    rallies = [e for e in events if e.type == "PROTEST"]
    assert rallies and all(e.location is not None and e.location.name == "Sanaa" for e in rallies)
