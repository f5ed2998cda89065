"""Acts told by nouns and phrasings the verb rules miss, and nouns that tell none: a tour of a state is a visit;
the sale or delivery of arms or aid is what selling or delivering them is; custody parsed on the people held is an
arrest; who expresses or voices support gives it; a reporting "charged" closing a sentence charges no one; support
one has, gains or loses is a standing, not an act."""

from __future__ import annotations

import pytest

from dragoman.model import Event
from dragoman.pipeline import code_text


def coded(text: str) -> list[Event]:
    return code_text(text, published="2024-03-05")


def of_type(text: str, type_: str) -> list[Event]:
    return [e for e in coded(text) if e.type == type_]


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("The Indian prime minister began a two-day tour of Japan on Monday.", "JPN"),
        ("The crown prince is ending a three-week US tour.", "USA"),
        ("Macron ended his visit to China on Friday.", "CHN"),  # a visit ended was made, not broken off
    ],
)
def test_journey_to_a_state_is_a_visit(text: str, recipient: str) -> None:
    visits = [e for e in of_type(text, "CONSULT") if e.cameo == "042"]
    assert [e.recipient.country if e.recipient else None for e in visits] == [recipient]
    assert not of_type(text, "SANCTION")


@pytest.mark.parametrize(
    "text",
    [
        "He served a tour of duty in Iraq before joining the police.",
        "The England cricket team's tour of India starts next week.",
        "The band's world tour opens in Berlin on Friday.",
        "The 6.5 hour trip from Amsterdam to Berlin includes two stops.",  # a trip is no visit: a train ride
    ],
)
def test_other_journeys_are_no_visits(text: str) -> None:
    assert of_type(text, "CONSULT") == []


def test_visit_broken_off_is_still_halted() -> None:
    events = coded("The president abandoned his visit to Kenya after the attack.")
    assert [(e.type, e.recipient.country if e.recipient else None) for e in events] == [("SANCTION", "KEN")]


@pytest.mark.parametrize(
    ("text", "type_", "recipient"),
    [
        ("Washington approved the sale of 40 fighter jets to Poland.", "COOPERATE", "POL"),
        ("The UN resumed deliveries of food aid to Gaza on Monday.", "AID", "PSE"),
        ("Germany halted arms deliveries to Saudi Arabia.", "SANCTION", "SAU"),  # the verb's "to" names whom
    ],
)
def test_sales_and_deliveries_of_arms_or_aid(text: str, type_: str, recipient: str) -> None:
    events = coded(text)
    assert [(e.type, e.recipient.country if e.recipient else None) for e in events] == [(type_, recipient)]


@pytest.mark.parametrize(
    "text",
    [
        "Car sales rose 5 percent in March.",
        "The company announced the sale of its headquarters.",
        "Parcel deliveries were delayed by the snow.",
    ],
)
def test_sales_of_other_things_are_no_events(text: str) -> None:
    assert coded(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "A court in Lagos remanded the two suspects in police custody until March 22.",
        "Police kept the journalist in custody overnight.",
        "A Kyiv court ruled on Tuesday to send six men, most of them with arms charges and others on treason, to a "
        "two-month pretrial custody pending investigation.",  # the custody phrase hangs on "most"
    ],
)
def test_custody_parsed_on_the_people_held(text: str) -> None:
    arrests = [e for e in of_type(text, "COERCE") if e.mode == "arrest"]
    assert len(arrests) == 1 and arrests[0].recipient is not None


def test_a_meeting_in_a_prison_is_no_arrest() -> None:
    assert [e.type for e in coded("The council held a meeting in the prison on Tuesday.")] == ["CONSULT"]


def test_reporting_charged_closing_the_sentence_charges_no_one() -> None:
    events = coded("U.S. border patrol agents abused Mexican immigrants with impunity, a human rights organization "
                   "charged on Saturday.")
    assert [(e.type, e.actor.country if e.actor else None, e.recipient.country if e.recipient else None)
            for e in events] == [("ASSAULT", "USA", "MEX")]


def test_a_charge_by_a_court_is_still_one() -> None:
    events = coded("Police arrested the mayor, a man charged with fraud.")
    assert sorted(e.evidence.trigger or "" for e in events if e.type == "COERCE") == ["arrested", "charged"]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Saudi Arabia's de facto ruler, Crown Prince Mohammed Bin Salman, is coming to the end of a three-week US "
         "tour.", "SAU"),
        ("The Japanese foreign minister is on a visit to Kenya.", "JPN"),
    ],
)
def test_visitor_is_the_subject_of_a_verb_that_does_nothing_to_the_visit(text: str, actor: str) -> None:
    visits = of_type(text, "CONSULT")
    assert [e.actor.country if e.actor else None for e in visits] == [actor]


def test_who_condemns_a_visit_did_not_make_it() -> None:
    visits = of_type("China condemned the visit to Taiwan.", "CONSULT")
    assert [e.actor for e in visits] == [None]


@pytest.mark.parametrize(
    "text",
    [
        "Some say teachers in Oklahoma risk losing public support the longer their walkout goes.",
        "The plan enjoys broad support among voters.",
    ],
)
def test_support_as_a_standing_is_no_act(text: str) -> None:
    assert of_type(text, "SUPPORT") == []


def test_support_lost_from_someone_named_is_still_told() -> None:
    assert [e.actor.text if e.actor else None
            for e in of_type("The president lost the support of the army.", "SUPPORT")] == ["the army"]


@pytest.mark.parametrize("verb", ["expressed", "voiced", "reiterated"])
def test_who_expresses_support_gives_it(verb: str) -> None:
    events = of_type(f"Russia has {verb} support for the peace plan.", "SUPPORT")
    assert [e.actor.country if e.actor else None for e in events] == ["RUS"]


@pytest.mark.parametrize(
    "text",
    [
        "OSCE Envoy Condemns Village Attack that Killed One Policeman.",  # a headline: the attack parsed as doer
        "The blast killed 12 people in the market on Sunday.",
        "A Kabul bombing killed 12 people.",  # a capital names where, not who
    ],
)
def test_an_attack_is_not_the_doer_of_its_toll(text: str) -> None:
    assaults = of_type(text, "ASSAULT")
    assert assaults and all(e.actor is None for e in assaults)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Israeli airstrikes killed five civilians.", "ISR"),
        ("US strikes killed 12 militants in Somalia.", "USA"),
        ("A Hamas attack killed three soldiers.", "PSE"),
    ],
)
def test_an_attack_named_by_its_doer_keeps_the_doer(text: str, actor: str) -> None:
    assert [e.actor.country if e.actor else None for e in of_type(text, "ASSAULT")] == [actor]


def test_placed_under_house_arrest_is_an_arrest_of_whom_was_placed() -> None:
    arrests = [e for e in coded("Army officers placed President Ali Bongo under house arrest on Wednesday.")
               if e.type == "COERCE" and e.mode == "arrest"]
    assert [(e.actor.sector if e.actor else None, e.recipient.text if e.recipient else None) for e in arrests] == [
        ("MIL", "President Ali Bongo")]


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("Bangladesh deployed the army on Saturday.", None),
        ("Russia deployed troops against Ukraine.", "UKR"),
    ],
)
def test_forces_deployed_are_no_recipient_of_their_own_deployment(text: str, recipient: str | None) -> None:
    moves = of_type(text, "MOBILIZE")
    assert [e.recipient.country if e.recipient else None for e in moves] == [recipient]
