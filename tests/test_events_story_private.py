"""A crime between private people is no political event: an assault or threat done by one private person named by a
word that says no more, to a private person or thing, is not coded (``dragoman.extract.events.story``,
``docs/codebook.md`` section 1). Sentences written for these tests, coded by the real pipeline."""

from __future__ import annotations

import pytest

from dragoman.pipeline import code_text

pytestmark = pytest.mark.slow

PUBLISHED = "2024-03-06"


@pytest.mark.parametrize("text", [
    "A man stabbed his neighbour in Leeds on Monday.",
    "Police said the suspect threw a can at the driver.",
    "A woman was shot by her boyfriend in Houston.",
])
def test_an_assault_between_private_people_is_not_coded(text: str) -> None:
    assert [e.type for e in code_text(text, published=PUBLISHED) if e.type in ("ASSAULT", "THREATEN")] == []


@pytest.mark.parametrize("text", [
    "A man shot a police officer in Chicago on Monday.",  # the state's people
    "The man attacked the mayor with a knife.",  # an official
    "An Israeli man stabbed a Palestinian teenager in Hebron.",  # a doer named by his nation
    "Gunmen killed five villagers in Zamfara.",  # armed men, not a lone private person
    "A man detonated a bomb in the market, killing 12.",  # a bombing
])
def test_an_assault_with_a_political_side_stays(text: str) -> None:
    assert [e.type for e in code_text(text, published=PUBLISHED) if e.type == "ASSAULT"] == ["ASSAULT"]


def test_the_police_act_on_a_private_crime_stays() -> None:
    events = code_text("Police arrested a man who stabbed his neighbour in Leeds.", published=PUBLISHED)
    assert [e.type for e in events] == ["COERCE"]


def test_an_act_that_kills_several_stays_whoever_did_it() -> None:
    # a motive is for the analyst to read
    events = code_text("A man rammed a car into a crowd in Nice on Monday, killing 12 people.", published=PUBLISHED)
    assert [e.counts.dead for e in events if e.type == "ASSAULT"] == [12]


def test_a_call_to_ones_own_kin_is_no_consultation() -> None:
    text = ("Yulia Skripal is recovering in a hospital in Salisbury. Earlier on Thursday, Russian state TV reported "
            "that Yulia had phoned her cousin Viktoria Skripal in Russia, saying she expected to leave hospital soon.")
    assert [e for e in code_text(text, published=PUBLISHED) if e.type == "CONSULT"] == []


@pytest.mark.parametrize("text", [
    "The army chief met the father of the slain student in Wana on Monday.",  # a call on someone else's family
    "The Iranian president phoned his Turkish counterpart on Monday.",  # officials
])
def test_other_calls_and_meetings_stay(text: str) -> None:
    assert [e.type for e in code_text(text, published=PUBLISHED)] == ["CONSULT"]
