"""Where an actor's country comes from: the sender of a force, the host of a community, the stated country of a
national office, a place named after the noun; and when a capital is a place rather than its government."""

from __future__ import annotations

import pytest

from dragoman import code_text
from factories import actor_in

pytestmark = pytest.mark.slow



def test_actors_troops_sent_by_a_leader_are_the_leaders_not_the_datelines() -> None:
    text = "Turkish President Recep Tayyip Erdogan vowed to deploy troops along the frontier."
    troops = actor_in(text, "troops", dateline=("DAMASCUS",))
    assert (troops.country, troops.sector) == ("TUR", "MIL")
    sent = actor_in("Canada said it would send soldiers to Latvia next year.", "soldiers", dateline=("RIGA",))
    assert sent.country == "CAN"


def test_actors_troops_of_no_stated_sender_keep_the_focus() -> None:
    troops = actor_in("Troops patrolled the streets after the riots.", "Troops", dateline=("NAIROBI",))
    assert (troops.country, troops.sector) == ("KEN", "MIL")


def test_actors_ethnic_demonym_lives_in_the_country_named() -> None:
    actor = actor_in("Ethnic Hungarians rallied in Romania on Sunday for school rights.", "Hungarians")
    assert (actor.country, actor.sector) == ("ROU", "CVL")
    plain = actor_in("Hungarians rallied in Budapest on Sunday.", "Hungarians")
    assert plain.country == "HUN"


def test_actors_national_office_takes_the_stated_country() -> None:
    assert actor_in("India's Foreign Office summoned the envoy.", "Office").country == "IND"
    assert actor_in("The Foreign Office summoned the envoy.", "Office").country == "GBR"


def test_actors_place_after_the_noun_gives_the_country() -> None:
    based = actor_in("A militia based in Ituri attacked the convoy.", "militia")
    assert (based.country, based.sector) == ("COD", "REB")
    fleeing = actor_in("Families fleeing the fighting in Sudan reached the camp.", "Families")
    assert fleeing.country == "SDN"
    across = actor_in("Teachers across Kenya went on strike.", "Teachers")
    assert (across.country, across.sector) == ("KEN", "EDU")


def test_actors_capital_as_a_place_is_its_people() -> None:
    place = actor_in("The army imposed a curfew in Nairobi after the protests.", "Nairobi")
    assert (place.country, place.sector) == ("KEN", "CVL")
    seat = actor_in("Nairobi rejected the report.", "Nairobi")
    assert (seat.country, seat.sector) == ("KEN", "GOV")
    embassy = actor_in("Chile opened an embassy in Nairobi.", "Nairobi")
    assert embassy.sector == "GOV"


def test_actors_town_shelled_is_its_people() -> None:
    town = actor_in("Rebels shelled Kisangani overnight.", "Kisangani")
    assert (town.country, town.sector) == ("COD", "CVL")


def test_actors_country_adjective_takes_the_sector_of_its_noun() -> None:
    text = "Senior Polish and Czech officials met on Monday."
    polish, czech = actor_in(text, "Polish"), actor_in(text, "Czech")
    assert (polish.country, polish.sector) == ("POL", "GOV")
    assert (czech.country, czech.sector) == ("CZE", "GOV")
    assert actor_in("Syrian army tanks entered the town.", "Syrian").sector == "MIL"


def test_actors_named_body_before_a_title_gives_the_country() -> None:
    actor = actor_in("African Union Commission Chairperson Moussa Faki urged calm.", "Faki")
    assert actor.country == "IGO"


def test_forces_sent_by_a_pronoun_resolve_without_looping() -> None:
    # The sender is a pronoun in the same sentence as the troops: resolving it asks for the sentence's
    # subjects while they are being described (this once recursed without end).
    events = code_text("Troops were sent by them to the town after the clashes.")
    assert events and all(e.evidence.sentence for e in events)


def test_actors_a_name_taken_up_by_its_first_word_keeps_its_country() -> None:
    # family name first: "Wang" is the Chinese minister introduced as "Wang Yi", not the host
    text = "Chinese Foreign Minister Wang Yi arrived in Moscow on Monday. Wang's visit to Russia follows talks."
    assert actor_in(text, "Wang", nth=1).country == "CHN"
    # also when the small model tags the lone word a person of its own ("said Wang, who is visiting Russia")
    later = ("Chinese Foreign Minister Wang Yi said in Moscow on Thursday that the talks went well. "
             "The issue is urgent, said Wang, who is visiting Russia.")
    assert actor_in(later, "Wang", nth=1).country == "CHN"
    # a town's name is not the first word of a person named in the text
    logan = actor_in("Mayor Logan Smith spoke on Monday. Rogersville voted to annex Logan.", "Logan", nth=1)
    assert logan is None or logan.name != "Logan Smith"
    # nor is a first word two people share
    both = "Kim Jong Un met Kim Yo Jong on Monday. Kim said the talks went well."
    kim = actor_in(both, "Kim", nth=2)
    assert kim is None or kim.name not in ("Kim Jong Un", "Kim Yo Jong")


def test_actors_a_list_of_titles_of_a_country_is_that_country_not_the_earlier_holder() -> None:
    events = code_text("Egyptian President Hosni Mubarak spoke to Peres by phone last week. Peres made an official "
                       "visit to Prague on Monday, where he met with the president, prime minister and foreign "
                       "minister of the Czech Republic.", published="2009-03-20")
    consults = [e for e in events if e.type == "CONSULT" and e.modality == "asserted"]
    # the visit and the meeting it was for are one happening; its hosts are Czech, not the earlier president
    assert len(consults) == 1
    assert consults[0].recipient is not None and consults[0].recipient.country == "CZE"
