"""Recipients of threats, offensives and meetings, and the implied doer of an agentless passive act.

Coded with the rules alone (``detector_mode("rules")``): these are the arguments, whatever the detector keeps.
"""

from __future__ import annotations

import pytest

from dragoman import code_text
from dragoman.extract import detector_mode
from dragoman.model import Event

pytestmark = pytest.mark.slow


def _events(text: str) -> list[Event]:
    with detector_mode("rules"):
        return code_text(text)


def _dyad(text: str, type_: str) -> tuple[str | None, str | None]:
    event = next(e for e in _events(text) if e.type == type_)
    return (event.actor.country if event.actor else None, event.recipient.country if event.recipient else None)


def test_recipients_of_meetings_and_discussions() -> None:
    assert _dyad("Turkey's foreign minister discussed the truce with Iran on Monday.", "CONSULT") == ("TUR", "IRN")
    assert _dyad("The Kenyan president met Uganda's president in Kampala on Friday to discuss the border dispute "
                 "and trade between the two countries.", "CONSULT") == ("KEN", "UGA")


def test_recipients_of_offensives_and_threats() -> None:
    assert _dyad("Israel launched an offensive against Hezbollah in southern Lebanon.", "ASSAULT")[1] == "LBN"
    assert _dyad("The United States threatened Venezuela with new sanctions.", "THREATEN") == ("USA", "VEN")


def test_recipient_is_the_object_of_an_intended_act() -> None:
    events = _events("Sudan's army chief vowed to push Ethiopia's fighters out of the border town.")
    vow = next(e for e in events if e.evidence.trigger == "vowed")
    assert vow.recipient is not None and vow.recipient.country == "ETH"
    assert vow.actor is not None and vow.actor.country == "SDN"


def test_implied_doer_of_an_agentless_deployment_is_the_storys_one_state() -> None:
    events = _events("Uganda said on Monday that it would defend the frontier. "
                     "Two battalions were flown to the border region on Tuesday.")
    flown = next(e for e in events if e.evidence.trigger == "flown")
    assert flown.actor is not None
    assert (flown.actor.country, flown.actor.start, flown.actor.end) == ("UGA", None, None)
    assert "implied" in flown.actor.text


def test_implied_doer_of_arrests_is_the_speaking_state_organ() -> None:
    events = _events("Kenya's police said six men were detained near the market.")
    detained = next(e for e in events if e.type == "COERCE")
    assert detained.actor is not None and (detained.actor.country, detained.actor.sector) == ("KEN", "COP")


def test_no_implied_doer_between_two_states() -> None:
    events = _events("Ukraine's army said it had held the line. Russia's defence ministry said it had advanced. "
                     "Two brigades were deployed to the front.")
    deployed = next(e for e in events if e.evidence.trigger == "deployed")
    assert deployed.actor is None


def test_no_implied_doer_of_a_harm_its_reporter_may_have_suffered() -> None:
    events = _events("Ukraine's army said the town was shelled overnight.")
    shelled = next(e for e in events if e.evidence.trigger == "shelled")
    assert shelled.actor is None


def test_no_implied_doer_when_the_passive_names_its_agent() -> None:
    events = _events("Kenya said on Monday that six men were detained by unknown gunmen.")
    detained = next(e for e in events if e.type == "COERCE")
    assert detained.actor is not None and "implied" not in detained.actor.text


def test_recipient_is_the_counterpart_of_a_cut_tie_or_closed_border() -> None:
    events = _events("The government in Caracas severed diplomatic ties with Colombia and closed the border with "
                     "Brazil on Monday after the dispute.")
    dyads = {(e.evidence.trigger, e.recipient.country if e.recipient else None) for e in events if e.type == "SANCTION"}
    assert dyads == {("severed", "COL"), ("closed", "BRA")}


def test_recipient_named_by_a_country_entity_holding_its_possessive() -> None:
    events = _events("The General Assembly condemned the North Korea's gross violations of human rights.")
    condemned = next(e for e in events if e.type == "ACCUSE")
    assert condemned.recipient is not None and condemned.recipient.country == "PRK"


def test_actor_of_an_event_noun_is_the_agent_of_its_participle() -> None:
    events = _events("The leaders condemned the threats made by the Iranian government against shipping.")
    threats = next(e for e in events if e.type == "THREATEN")
    assert threats.actor is not None and threats.actor.country == "IRN"


def test_recipient_named_by_the_modifier_of_a_complement() -> None:
    events = _events("Iran has threatened to close all borders with Iraqi Kurdistan if the vote goes ahead next month.")
    threat = next(e for e in events if e.type == "THREATEN")
    assert threat.recipient is not None and threat.recipient.country == "IRQ"


def test_actor_of_an_infinitive_on_an_owned_noun_is_its_owner() -> None:
    events = _events("The Nigerian Air Force reiterated its commitment to support the police with aerial intelligence.")
    support = next(e for e in events if e.evidence.trigger == "support")
    assert support.actor is not None and (support.actor.country, support.actor.sector) == ("NGA", "MIL")


def test_people_named_without_a_country_are_of_the_place_of_the_event() -> None:
    events = _events("Gunmen killed 20 people at a crowded market in Baghdad on Thursday, officials said.")
    killing = next(e for e in events if e.type == "ASSAULT")
    assert killing.recipient is not None and (killing.recipient.country, killing.recipient.sector) == ("IRQ", "CVL")
    assert killing.actor is not None and killing.actor.country == "IRQ"


def test_a_stated_country_is_kept_wherever_the_event_happened() -> None:
    events = _events("Kenyan police arrested three Ugandan traders in the border town of Busia on Friday.")
    arrest = next(e for e in events if e.type == "COERCE")
    assert arrest.actor is not None and arrest.actor.country == "KEN"
    assert arrest.recipient is not None and arrest.recipient.country == "UGA"


def test_recipient_of_an_act_on_a_held_place_is_its_holder() -> None:
    events = _events("Saudi jets bombed Houthi-controlled areas in northern Yemen on Monday.")
    raid = next(e for e in events if e.type == "ASSAULT")
    assert raid.recipient is not None and (raid.recipient.country, raid.recipient.sector) == ("YEM", "REB")


def test_recipient_of_an_undone_act_is_whom_it_was_done_to() -> None:
    events = _events("Saudi Arabia lifted its blockade of Yemen on Monday after weeks of talks.")
    lifted = next(e for e in events if e.evidence.trigger == "lifted")
    assert lifted.recipient is not None and lifted.recipient.country == "YEM"


def test_actor_of_a_claimed_attack_is_its_claimant_not_the_place_naming_it() -> None:
    events = _events("A Taliban spokesman claimed responsibility for the Ghazni attacks in a message to reporters.")
    attacks = next(e for e in events if e.type == "ASSAULT")
    assert attacks.actor is not None and "spokesman" in attacks.actor.text


def test_recipient_of_a_rejection_is_the_owner_of_the_offer() -> None:
    # the rule coder hands the rejection the offer's content ("a ceasefire"); its owner modifies the offer
    events = _events("The insurgents rejected on Friday an Afghan government offer of a ceasefire for the holiday.")
    rejected = next(e for e in events if e.type == "REJECT")
    assert rejected.recipient is not None and (rejected.recipient.country, rejected.recipient.sector) == ("AFG", "GOV")


def test_recipient_of_a_meeting_purpose_is_the_one_received() -> None:
    events = _events("The Egyptian foreign minister received the Qatari envoy in Cairo to discuss the truce.")
    discuss = next(e for e in events if e.type == "CONSULT")
    assert discuss.recipient is not None and discuss.recipient.country == "QAT"
    sent = _events("Kenya sent soldiers to the border to protect the herders from raids.")
    assert all(e.recipient is None or "soldiers" not in e.recipient.text for e in sent)


def test_no_implied_doer_of_another_states_own_forces() -> None:
    events = _events("The United States said on Monday that the border was tense. "
                     "Russian troops were deployed to the frontier on Tuesday.")
    deployed = next(e for e in events if e.evidence.trigger == "deployed")
    assert deployed.actor is None or deployed.actor.country != "USA"


@pytest.mark.parametrize("text, recipient, dyad", [
    ("Rebels seized the town of Goma from the Congolese army on Tuesday.", "the Congolese army", ("COD", "COD")),
    ("Russia seized Crimea from Ukraine in 2014.", "Ukraine", ("RUS", "UKR")),
    ("Sudanese troops recaptured the town of Bara from RSF fighters on Monday.", "RSF fighters", ("SDN", "SDN")),
])
def test_ground_taken_from_a_side_has_that_side_as_recipient(text: str, recipient: str, dyad: tuple[str, str]) -> None:
    event = next(e for e in _events(text) if e.type == "COERCE")
    assert event.recipient is not None and event.recipient.text == recipient
    assert (event.actor.country if event.actor else None, event.recipient.country) == dyad


def test_a_complaint_is_aimed_against_its_target_not_lodged_with_the_forum() -> None:
    assert _dyad("China lodged a complaint with the WTO against US tariffs on Monday.", "ACCUSE") == ("CHN", "USA")


def test_the_teller_and_the_one_told_in_a_phone_call_are_its_sides() -> None:
    assert _dyad("Peres told Mubarak in a phone call on Monday that the agreements remained valid.",
                 "CONSULT") == ("ISR", "EGY")


@pytest.mark.parametrize("text, country", [
    ("Thousands protested in Nairobi on Monday against the new tax.", "KEN"),
    ("Hundreds marched through the streets of Dhaka on Monday.", "BGD"),
])
def test_a_crowd_told_by_its_number_protests_against_its_own_government(text: str, country: str) -> None:
    event = next(e for e in _events(text) if e.type == "PROTEST")
    assert event.actor is not None and (event.actor.sector, event.actor.country) == ("CVL", country)
    # aimed at the state, not at the town it marched in
    assert event.recipient is not None and event.recipient.country == country and event.recipient.start is None


def test_a_number_of_soldiers_keeps_the_soldiers_sector() -> None:
    event = next(e for e in _events("Thousands of soldiers attacked the town of Bakhmut in Ukraine on Monday.")
                 if e.type == "ASSAULT")
    assert event.actor is not None and event.actor.sector == "MIL"


def test_who_orders_people_released_releases_them() -> None:
    event = next(e for e in _events("The president of Kenya ordered the prisoners to be released on Monday.")
                 if e.type == "RETREAT")
    assert event.actor is not None and event.actor.text == "The president of Kenya"
    assert event.recipient is not None and event.recipient.text == "the prisoners"
    # an active infinitive's doer is still the one ordered ("ordered the troops to withdraw")
    withdrawal = next(e for e in _events("Kenya ordered its troops to withdraw from Somalia on Monday.")
                      if e.type == "RETREAT")
    assert withdrawal.actor is not None and withdrawal.actor.text == "its troops"


def test_a_sea_is_no_recipient_and_names_no_state() -> None:
    # "the Red Sea" is also a Sudanese state's name: the sea places the attack, it was not attacked
    (event,) = [e for e in _events("Houthi rebels attacked a ship in the Red Sea on Monday.") if e.type == "ASSAULT"]
    assert event.recipient is None or event.recipient.country is None
    assert event.location is not None and event.location.name == "Red Sea"


def test_the_possessor_of_an_act_suffered_is_its_recipient() -> None:
    for text, sufferer in (("The opposition leader's detention was condemned by the United Nations.", "leader"),
                           ("The minister's assassination shocked the country.", "minister"),
                           ("Gravely's murder brought attention to domestic violence.", "Gravely")):
        found = [e for e in code_text(text, published="2024-05-10") if e.type in ("COERCE", "ASSAULT")]
        assert found, text
        assert found[0].recipient is not None and sufferer in found[0].recipient.text, text
        assert found[0].actor is None or sufferer not in found[0].actor.text, text


def test_with_an_of_object_the_possessor_is_the_doer() -> None:
    found = [e for e in code_text("The government's killing of protesters drew condemnation.",
                                  published="2024-05-10") if e.type == "ASSAULT"]
    assert found and found[0].actor is not None and found[0].actor.text == "The government"
