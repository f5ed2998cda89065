"""Parties listed together act together, however the parser hangs the list (``listed_after`` in ``extract``);
a counterpart's nationality names the other side (``_counterparts`` in ``actors.resolver``)."""

from __future__ import annotations

import pytest

from dragoman.extract import detector_mode
from dragoman.model import Event
from dragoman.pipeline import code_text
from factories import actor_in


def _code(text: str) -> list[Event]:
    with detector_mode("rules"):
        return code_text(text, published="2024-03-05")


def test_a_list_parsed_as_an_apposition_is_every_party() -> None:
    # the parser makes "the UAE and Egypt" an apposition of "Saudi Arabia"; before, only Saudi Arabia signed
    events = _code("Saudi Arabia, the UAE and Egypt signed a joint security pact in Cairo.")
    pairs = {(e.actor.country if e.actor else None, e.recipient.country if e.recipient else None) for e in events}
    assert {a for a, _r in pairs} == {"SAU", "ARE", "EGY"}
    assert all(r is not None and r != a for a, r in pairs)


def test_names_listed_after_a_common_noun_are_its_members_not_more_parties() -> None:
    events = _code("Four people were arrested on drug charges: Kenneth Bonilla, Edwin Luciano and Enrique Luciano.")
    assert len(events) == 1


def test_an_apposition_renaming_the_head_is_no_other_party() -> None:
    events = _code("Kenya, the region's largest economy, sent troops to Haiti.")
    assert [(e.type, e.actor and e.actor.country) for e in events] == [("MOBILIZE", "KEN")]


def test_a_counterpart_s_nationality_is_not_the_unnamed_minister_s() -> None:
    event = _code("The minister held talks with his Chinese counterpart on trade.")[0]
    assert event.recipient is not None and event.recipient.country == "CHN"
    assert event.actor is not None and event.actor.country != "CHN"


def test_a_meeting_in_the_counterpart_s_capital_is_no_sign_of_the_minister_s_country() -> None:
    # a visitor: the venue is the host's
    event = _code("The foreign minister met his Egyptian counterpart in Cairo on Monday.")[0]
    assert event.recipient is not None and event.recipient.country == "EGY"
    assert event.actor is not None and event.actor.country is None
    assert event.location is not None and event.location.name == "Cairo"


def test_a_call_on_parties_with_no_country_takes_no_implied_home_side() -> None:
    text = ("Kyiv, Ukraine - President Volodymyr Zelenskyy spoke in Kyiv on Sunday, urging Western allies to send more "
            "air defense systems.")
    request = next(e for e in _code(text) if e.type == "REQUEST")
    assert request.recipient is None  # was "(UKR, implied)": his own country, though he addressed the allies


def test_the_country_acted_on_is_not_the_unnamed_official_s() -> None:
    asked = _code("The minister asked Russia to withdraw its troops.")[0]
    assert asked.recipient is not None and asked.recipient.country == "RUS"
    assert asked.actor is not None and asked.actor.country is None  # was RUS, the text's only country
    arrested = _code("Police arrested five people in Kenya on Monday.")[0]
    assert arrested.actor is not None and arrested.actor.country == "KEN"  # where they act still says whose


def test_a_date_after_on_is_no_addressee() -> None:
    text = ("Kyiv, Ukraine - The bills were tabled in Kyiv in March. On March 22, the parliament refused to consider "
            "the bills.")
    refusal = next(e for e in _code(text) if e.type == "REJECT")
    assert refusal.recipient is not None and refusal.recipient.country == "UKR"


def test_sides_named_together_in_a_promise_each_promise_to_no_one() -> None:
    events = _code("Opposition leaders and lawyers had vowed to sit in at the parliament on Monday.")
    assert [e.recipient for e in events] == [None, None]
    agreed = _code("Kenya and Uganda agreed to reopen the border.")
    assert {(e.actor and e.actor.country, e.recipient and e.recipient.country) for e in agreed} == {
        ("KEN", "UGA"), ("UGA", "KEN")}


def test_sides_named_together_in_a_clash_fight_each_other() -> None:
    (event,) = _code("Ethiopian federal forces and Fano militia fighters clashed near the town of Debre Markos.")
    assert event.type == "ASSAULT"
    assert event.recipient is not None and event.recipient.text == "Fano militia fighters"


def test_a_go_between_s_country_is_not_the_unnamed_officials() -> None:
    minister = actor_in("The minister praised the talks mediated by Qatar.", "minister")
    assert minister is not None and minister.country is None


def test_a_protest_lodged_with_a_state_is_one_diplomatic_protest() -> None:
    events = _code("Japan lodged a protest with China over the detention of a Japanese businessman.")
    assert [(e.type, e.actor and e.actor.country, e.recipient and e.recipient.country) for e in events] == [
        ("ACCUSE", "JPN", "CHN")]


def test_go_betweens_named_together_mediate_between_the_sides_not_with_each_other() -> None:
    events = _code("Egypt and Qatar are mediating talks between Israel and Hamas in Cairo.")
    pairs = {(e.actor.country if e.actor else None, e.recipient.country if e.recipient else None) for e in events
             if e.type == "CONSULT"}
    assert pairs == {("EGY", "ISR"), ("EGY", "PSE"), ("QAT", "ISR"), ("QAT", "PSE")}


def test_one_subject_naming_both_sides_of_a_clash_or_meeting_names_the_other_side() -> None:
    for text, pair in (("Indian and Chinese troops clashed on the disputed border.", ("IND", "CHN")),
                       ("Israeli and Palestinian negotiators met in Cairo.", ("ISR", "PSE"))):
        events = _code(text)
        assert [(e.actor.country if e.actor else None, e.recipient.country if e.recipient else None)
                for e in events] == [pair], text


def test_a_body_of_two_named_states_is_one_side_per_state() -> None:
    events = [e for e in code_text("The foreign ministers of Saudi Arabia and Iran met in Beijing on Monday.",
                                   published="2024-03-05") if e.type == "CONSULT"]
    pairs = {(e.actor.country if e.actor else None, e.recipient.country if e.recipient else None) for e in events}
    assert pairs == {("SAU", "IRN"), ("IRN", "SAU")}
    assert {e.actor.text for e in events if e.actor} == {"Saudi Arabia", "Iran"}


def test_a_body_of_one_state_stays_one_side() -> None:
    events = [e for e in code_text("The leaders of Russia met in Moscow on Monday.", published="2024-03-05")
              if e.type == "CONSULT"]
    assert all(e.actor is None or e.actor.text != "Russia" for e in events)


def test_sides_agreeing_on_a_plan_for_a_place_are_each_others_sides() -> None:
    events = [e for e in code_text("Egypt, Qatar and the United States agreed on a truce plan for Gaza.",
                                   published="2024-03-05") if e.type == "AGREE"]
    pairs = {(e.actor.country if e.actor else None, e.recipient.country if e.recipient else None) for e in events}
    assert pairs == {("EGY", "QAT"), ("QAT", "USA"), ("USA", "EGY")}


@pytest.mark.parametrize(("text", "event_type", "answered"), [
    ("The Philippines protested after Chinese coast guard vessels fired water cannon at its supply boats.", "PROTEST",
     "CHN"),
    ("China imposed sanctions on Monday after the United States approved arms sales to Taiwan.", "SANCTION", "USA"),
])
def test_a_reaction_is_aimed_at_whoever_did_what_it_answers(text: str, event_type: str, answered: str) -> None:
    (e,) = [e for e in code_text(text, published="2024-03-05") if e.type == event_type]
    assert e.recipient is not None and e.recipient.country == answered


def test_a_reaction_to_its_own_state_s_act_keeps_its_home_side() -> None:
    events = code_text("Residents protested after police shot a teenager in Nanterre.", published="2024-03-05")
    (protest,) = [e for e in events if e.type == "PROTEST"]
    assert protest.recipient is not None and protest.recipient.country == "FRA"
