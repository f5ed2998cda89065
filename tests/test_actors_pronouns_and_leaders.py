"""Who a government named by its leader is ("the Biden administration": USA), whom an object "them" can be (not
its own clause's subject), and an accusation of foreign powers that is no act on one's own country."""

from __future__ import annotations

import pytest

from dragoman.model import Event
from dragoman.pipeline import code_text


def coded(text: str) -> list[Event]:
    return code_text(text, published="2024-06-25")


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The Biden administration eased oil sanctions on Venezuela.", "USA"),
        ("The Modi government banned the group on Monday.", "IND"),
    ],
)
def test_a_government_named_by_its_leader_is_of_the_leader_s_country(text: str, actor: str) -> None:
    assert [e.actor.country for e in coded(text) if e.actor] == [actor]


def test_an_object_them_is_not_its_own_clause_s_subject() -> None:
    events = coded("The United States imposed sanctions on two commanders of Sudan's Rapid Support Forces, accusing "
                   "them of overseeing attacks on civilians.")
    accusations = [e for e in events if e.type == "ACCUSE"]
    assert [(e.actor.country, e.recipient.country) for e in accusations if e.actor and e.recipient] == [
        ("USA", "SDN")]


def test_them_still_finds_the_subject_of_the_sentence_before() -> None:
    events = coded("The rebels entered the town on Monday. Government troops attacked them on Tuesday.")
    attacks = [e for e in events if e.type == "ASSAULT"]
    assert [e.recipient.sector for e in attacks if e.recipient] == ["REB"]


def test_an_accusation_of_foreign_powers_is_not_aimed_at_home() -> None:
    text = ("Serbia votes\n\nPresident Aleksandar Vucic dismissed the fraud claims on Sunday and accused foreign "
            "powers of trying to destabilize Serbia.")
    accusations = [e for e in coded(text) if e.type == "ACCUSE"]
    assert accusations and all(e.recipient is None or e.recipient.country != "SRB" for e in accusations)


def test_a_charge_denied_in_an_aside_does_not_deny_the_accusation() -> None:
    events = coded("Indian officials accuse Pakistan of arming the rebels, a charge Islamabad denies.")
    assert [(e.modality, e.recipient.country) for e in events if e.type == "ACCUSE" and e.recipient] == [
        ("asserted", "PAK")]
    assert [e.modality for e in coded("Rebels attacked the town, the army denied.") if e.type == "ASSAULT"] == [
        "negated"]


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("European Union leaders agreed on Thursday to impose new sanctions on Russia.", "GOV"),
        ("Trade union leaders called a general strike on Monday.", "LAB"),
    ],
)
def test_the_words_of_a_body_s_name_say_no_sector(text: str, sector: str) -> None:
    assert {e.actor.sector for e in coded(text) if e.actor} == {sector}


def test_the_militant_group_is_the_armed_group_named_before() -> None:
    text = ("Border clash\n\nJERUSALEM (AP) — Israel struck Hezbollah targets in southern Lebanon on Monday after "
            "the militant group fired anti-tank missiles at an Israeli army post, the Israeli military said.")
    firing = [e for e in coded(text) if e.type == "ASSAULT" and e.evidence.trigger == "fired"]
    assert [(e.actor.country, e.recipient.country) for e in firing if e.actor and e.recipient] == [("LBN", "ISR")]


def test_fighting_between_two_sides_has_both() -> None:
    events = coded("Fighting between Sudan's army and the paramilitary Rapid Support Forces raged in Khartoum on "
                   "Sunday.")
    assert [(e.actor.sector, e.recipient.sector) for e in events if e.actor and e.recipient] == [("MIL", "REB")]


def test_talks_in_a_city_make_it_no_party() -> None:
    events = coded("Talks in Jeddah were suspended last week after the two sides failed to agree on a truce.")
    assert not [e for e in events if e.recipient is not None and e.recipient.text == "Jeddah"]


def test_a_plural_body_of_several_states_acts_as_each() -> None:
    events = coded("Military governments in Mali, Burkina Faso and Niger have expelled French troops.")
    assert sorted((e.actor.country, e.recipient.country) for e in events if e.actor and e.recipient) == [
        ("BFA", "FRA"), ("MLI", "FRA"), ("NER", "FRA")]
