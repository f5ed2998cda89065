"""Refusals, threats, undoing verbs and non-events, on real sentences with the real spaCy model."""

from __future__ import annotations

from dragoman.model import Event
from dragoman.pipeline import code_text

PUBLISHED = "2024-01-23"


def events(text: str) -> list[Event]:
    return code_text(text, published=PUBLISHED)


def types(text: str) -> list[str]:
    return [e.type for e in events(text)]


def test_cooperation_that_will_not_happen_is_a_refusal() -> None:
    (e,) = events("The rebels will not release the hostages.")
    assert (e.type, e.modality, e.cameo) == ("REJECT", "asserted", "124")
    assert e.actor is not None and e.actor.text == "The rebels"


def test_failing_to_reach_agreement_is_reject_not_negated_agree() -> None:
    found = events("Palestinians and Israelis failed to reach agreement on the offices.")
    assert {e.type for e in found} == {"REJECT"}
    assert sorted(e.actor.text for e in found if e.actor) == ["Israelis", "Palestinians"]


def test_conditional_withdrawal_is_a_threat() -> None:
    found = events("Nigeria said it would withdraw its troops from Chad unless the rebels disarm.")
    assert found[0].type == "THREATEN" and found[0].modality == "asserted"


def test_announced_boycott_is_a_threat() -> None:
    assert "THREATEN" in types("Palestinian leaders said they would boycott all contact with the United States.")


def test_lifting_a_curfew_is_a_concession_not_coercion() -> None:
    # PLOVER's manual: "removing curfews" is CONCEDE (CAMEO2PLOVER's table said RETREAT)
    (e,) = events("The government lifted the curfew in Kano.")
    assert e.type == "CONCEDE" and e.cameo == "0813"
    (e,) = events("Serbia lifted a night curfew in Montenegro.")
    assert e.type == "CONCEDE" and e.cameo == "0813"
    (e,) = events("Sudan lifted the state of emergency in West Darfur.")
    assert e.type == "CONCEDE" and e.cameo == "0814"


def test_ending_mediation_halts_it() -> None:
    assert types("Syrian officers ended mediation efforts between rival militias.")[0] == "SANCTION"


def test_violating_a_ceasefire_is_an_assault() -> None:
    (e,) = [e for e in events("The army violated the ceasefire in the north.") if e.evidence.trigger != "army"]
    assert (e.type, e.cameo) == ("ASSAULT", "196")


def test_declining_to_comment_and_denying_accusations_are_no_events() -> None:
    assert types("The governor's office declined to comment on the bill.") == []
    assert types("The Chinese government rejected accusations that it had detained the activists.") == []


def test_natural_causes_are_no_assault() -> None:
    assert types("A fire killed 19 people on Saturday.") == []
    assert types("Gunmen killed 19 people on Saturday.") == ["ASSAULT"]


def test_joint_exercise_is_military_cooperation() -> None:
    found = events("French and Egyptian warships launched war games in the Mediterranean.")
    assert found and {e.type for e in found} == {"COOPERATE"}


def test_weapon_fired_by_an_army_takes_the_army_as_actor() -> None:
    (e,) = events("The missiles fired by the Israeli military struck an arms depot.")
    assert e.actor is not None and e.actor.country == "ISR"


def test_an_announced_pull_out_is_a_plan_to_yield_not_a_threat() -> None:
    (e,) = events("France will withdraw its troops from Niger by the end of the year, Macron said.")
    assert (e.type, e.cameo, e.modality) == ("AGREE", "035", "future")

