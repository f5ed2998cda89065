"""Fewer spurious events per sentence: topics, restatements and phone calls (real model, written sentences)."""

from __future__ import annotations

from dragoman.model import Event
from dragoman.pipeline import code_text

PUBLISHED = "2024-01-23"


def events(text: str) -> list[Event]:
    return code_text(text, published=PUBLISHED)


def types(text: str) -> list[str]:
    return [e.type for e in events(text)]


def test_bare_noun_inside_another_events_phrase_is_a_topic() -> None:
    # "the bombing" names nobody: it is what Ghana is blamed for, not a second event
    assert types("Togo blamed Ghana for the bombing.") == ["ACCUSE"]
    # the aid noun restates what "will provide" promises
    assert types("Japan will provide 3,000 tons of food aid to Malawi.") == ["AGREE"]


def test_noun_with_its_own_actors_stays_an_event() -> None:
    found = events("Egypt condemned the Israeli raid on Gaza.")
    assert [e.type for e in found] == ["ACCUSE", "ASSAULT"]
    raid = found[1]
    assert raid.actor is not None and raid.actor.country == "ISR"


def test_event_noun_as_topic_of_an_opinion_is_no_event() -> None:
    assert types("The senator said he is pessimistic about the possibility of a deal.") == []
    assert types("The envoy expressed concern about the latest escalation of hostilities in the region.") == []


def test_demand_of_a_protest_is_part_of_the_protest() -> None:
    found = events("Thousands of Kurds demonstrated in Kirkuk on Sunday calling for independence.")
    assert [e.type for e in found] == ["PROTEST"]
    assert types("Farmers staged a hunger strike to demand land reform.") == ["PROTEST"]


def test_directed_demand_without_protest_stays_a_request() -> None:
    found = events("The opposition demanded that President Ruto resign.")
    assert [e.type for e in found] == ["REQUEST"]


def test_calling_a_named_person_is_a_phone_consultation() -> None:
    found = events("Egyptian President Abdel Fattah al-Sisi called Kenyan President William Ruto on Thursday "
                   "to discuss the crisis.")
    assert [(e.type, e.cameo, e.mode) for e in found] == [("CONSULT", "041", "phone")]
    assert found[0].recipient is not None and "Ruto" in found[0].recipient.text


def test_call_on_with_a_date_is_not_an_appeal() -> None:
    assert "REQUEST" not in types("Macron called Scholz on Monday.")
    # the real "call on" keeps its appeal
    assert types("Kenya called on Uganda to withdraw its troops.") == ["REQUEST"]


def test_naming_someone_is_no_event() -> None:
    assert types("The opposition called the president a liar.") == []
