"""Forces and offices owned by someone take the owner's country: a possessor ("Maduro's security forces", "the
general's troops", "its forces"), an "of" owner ("troops of the Sudanese government"), whom a force is loyal to
("forces loyal to Haftar"); never the dateline's or another state's the story names. Titles: an apposition names
the country of a titled person ("Saudi Arabia's de facto ruler, Crown Prince X"), and a title used as an
adjective ("a private dinner", "a general strike") is no rank."""

from __future__ import annotations

import pytest

from dragoman import code_text
from dragoman.extract import detector_mode
from factories import actor_in

pytestmark = pytest.mark.slow


def test_actors_possessor_person_gives_the_force_its_country() -> None:
    text = "Colombia and the United States criticised the vote. Maduro's security forces detained two students."
    forces = actor_in(text, "forces", dateline=("BOGOTA",))
    assert (forces.country, forces.sector) == ("VEN", "COP")


def test_actors_titled_possessor_is_the_earlier_titled_person() -> None:
    text = ("Sudan's army chief, General Abdel Fattah al-Burhan, rejected the plan. Egypt urged calm. "
            "The general's troops shelled the market on Sunday.")
    troops = actor_in(text, "troops", dateline=("CAIRO",))
    assert (troops.country, troops.sector) == ("SDN", "MIL")


def test_actors_its_forces_are_the_speakers_not_the_datelines() -> None:
    text = "Russia's defence ministry said its forces had taken a village near the river."
    forces = actor_in(text, "forces", dateline=("KYIV",))
    assert (forces.country, forces.sector) == ("RUS", "MIL")


def test_actors_forces_loyal_to_and_troops_of_an_owner() -> None:
    loyal = actor_in("Forces loyal to Khalifa Haftar attacked the airport.", "Forces", dateline=("TUNIS",))
    assert (loyal.country, loyal.sector) == ("LBY", "MIL")
    of = actor_in("Troops of the Sudanese government burned villages.", "Troops", dateline=("NAIROBI",))
    assert (of.country, of.sector) == ("SDN", "MIL")


def test_actors_backed_forces_keep_their_own_country_and_the_backer() -> None:
    rebels = actor_in("Rwanda-backed M23 rebels seized the town of Goma.", "rebels")
    assert (rebels.country, rebels.sector, rebels.backer) == ("COD", "REB", "RWA")


def test_actors_owner_without_a_country_leaves_the_context_to_decide() -> None:
    troops = actor_in("Troops of the third brigade patrolled the streets.", "Troops", dateline=("NAIROBI",))
    assert (troops.country, troops.sector) == ("KEN", "MIL")


def test_actors_apposition_names_the_country_of_a_titled_person() -> None:
    text = ("Trump praised the deal in Washington. Saudi Arabia's de facto ruler, Crown Prince Mohammed Bin Salman, "
            "ended a US tour. Recently, the crown prince detained a Lebanese minister.")
    prince = actor_in(text, "prince", dateline=("WASHINGTON",))
    assert (prince.country, prince.sector) == ("SAU", "GOV")


def test_actors_title_word_used_as_an_adjective_is_no_rank() -> None:
    with detector_mode("rules"):  # the arguments, whatever the detector keeps
        events = code_text("The Indian Prime Minister hosted a private dinner for Netanyahu on Sunday.")
    consult = next(e for e in events if e.type == "CONSULT")
    assert consult.recipient is not None
    assert (consult.recipient.country, consult.recipient.sector) == ("ISR", "GOV")


def test_actors_a_town_before_an_event_noun_is_where_not_who() -> None:
    with detector_mode("rules"):
        events = code_text("The Taliban claimed responsibility for the Kabul attack.")
    attack = next(e for e in events if e.type == "ASSAULT")
    assert attack.actor is not None and attack.actor.text == "The Taliban"  # the claimant, not Kabul's government


def test_actors_office_of_a_named_body_gives_the_titled_person_its_country() -> None:
    text = "Ivan Petrov, chairman of the Duma's foreign affairs committee, criticised the treaty on Monday."
    petrov = actor_in(text, "Petrov")
    assert petrov is not None and petrov.country == "RUS"


def test_actors_a_bare_number_done_to_is_people_of_the_events_country() -> None:
    with detector_mode("rules"):
        events = code_text("Police arrested 14 in a raid on a market in Lahore on Monday night.")
    arrest = next(e for e in events if e.type == "COERCE")
    assert arrest.recipient is not None and arrest.recipient.text == "14"
    assert (arrest.recipient.country, arrest.recipient.sector) == ("PAK", "CVL")
    with detector_mode("rules"):
        fired = code_text("Iran fired 14 missiles at Israel on Saturday night.")
    assert all(e.recipient is None or e.recipient.text != "14" for e in fired)


@pytest.mark.parametrize("text, head, country", [
    ("A militant group called Boko Haram attacked the village of Chibok.", "group", "NGA"),
    ("A militia known as the Janjaweed attacked the town.", "militia", "SDN"),
])
def test_actors_a_group_given_a_name_is_the_named_group(text: str, head: str, country: str) -> None:
    actor = actor_in(text, head)
    assert (actor.country, actor.sector) == (country, "REB")
    assert actor.text.startswith("A ")  # the whole phrase, name included


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("The rebels attacked a Russian ally, Syria, on Monday.", "SYR"),
        ("Egypt signed a gas deal with its eastern neighbour, Israel.", "ISR"),
        # the parser hangs the apposition on "the Gulf": it still names the ally
        ("Saudi Arabia imposed a trade embargo on a fellow US ally in the Gulf, Qatar.", "QAT"),
    ],
)
def test_actors_a_state_named_by_its_relation_is_the_one_its_apposition_names(text: str, country: str) -> None:
    recipients = [e.recipient for e in code_text(text, published="2024-05-10") if e.recipient is not None]
    assert recipients and recipients[0].country == country


@pytest.mark.parametrize(
    ("text", "word", "country"),
    [
        ("Iranian state media said the country's navy had seized a tanker in the Gulf.", "navy", "IRN"),
        ("Officials in Beijing said the nation's coast guard had expelled the vessels.", "guard", "CHN"),
        # acted on, "the country" is not the clause's own subject's state
        ("Nicaragua held a disputed vote on Sunday. Washington imposed sanctions on the country.", "country", "NIC"),
    ],
)
def test_actors_the_country_is_the_state_last_named(text: str, word: str, country: str) -> None:
    actor = actor_in(text, word)
    assert actor is not None and actor.country == country


def test_actors_a_qualified_country_refers_to_no_state() -> None:
    # "the whole country" is its people, not the state just named
    actor = actor_in("Kenya's president said the whole country would mourn.", "country")
    assert actor is None or actor.country is None


def test_actors_its_after_a_plural_thing_is_the_state_named_before() -> None:
    # "The Philippines" is one state, and "vessels" (plural) cannot be what "its" stands for
    text = "The Philippines protested after Chinese coast guard vessels fired water cannon at its supply boats."
    its = actor_in(text, "its")
    assert its is not None and its.country == "PHL"


def test_actors_its_after_a_thing_with_no_body_named_is_that_thing() -> None:
    text = "Officials said the car was parked near the market when it blew up, killing four people."
    assert actor_in(text, "it") is None
