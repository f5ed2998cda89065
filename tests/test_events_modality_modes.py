"""PLOVER auxiliary modes (asserted, future, hypothetical, negated, historical) on real sentences."""

from __future__ import annotations

import pytest

from dragoman.extract.events.modality import is_historical
from dragoman.pipeline import code_text


def modalities(text: str, type_: str, published: str = "2024-01-23") -> list[str]:
    found = [e.modality for e in code_text(text, published=published) if e.type == type_]
    assert found, f"no {type_} event in {text!r}"
    return found


@pytest.mark.parametrize(
    ("text", "type_", "expected"),
    [
        ("Police arrested twelve marchers in Kampala.", "COERCE", "asserted"),
        ("Police did not detain the marchers.", "COERCE", "negated"),
        ("No protesters were arrested on Friday.", "COERCE", "negated"),
        ("The rebels denied attacking the convoy.", "ASSAULT", "negated"),
        ("The president will travel to Cairo on Sunday.", "CONSULT", "future"),
        ("The foreign minister is to visit Addis Ababa next week.", "CONSULT", "future"),
        ("The two leaders plan to meet in Geneva.", "CONSULT", "future"),
        ("The army could attack the town within days.", "ASSAULT", "hypothetical"),
        ("If the rebels do not disarm, they will face sanctions.", "RETREAT", "hypothetical"),
        ("Will the army attack Goma?", "ASSAULT", "hypothetical"),
    ],
)
def test_modality_of_the_event(text: str, type_: str, expected: str) -> None:
    assert modalities(text, type_)[0] == expected


def test_said_it_would_sign_is_a_future_agreement() -> None:
    found = [e for e in code_text("The minister said the government would sign the peace deal.", published="2024-01-23")
             if e.evidence.trigger == "sign"]
    assert [(e.type, e.modality) for e in found] == [("AGREE", "future")]


def test_event_dated_more_than_a_year_before_publication_is_historical() -> None:
    assert modalities("In 2019, soldiers killed twelve civilians in the village.", "ASSAULT") == ["historical"]
    assert modalities("On Monday, soldiers killed twelve civilians in the village.", "ASSAULT") == ["asserted"]


def test_threat_with_a_condition_is_an_asserted_threat() -> None:
    found = code_text("Rebels threatened to expel the foreign troops if the army did not withdraw.",
                      published="2024-01-23")
    threat = [e for e in found if e.type == "THREATEN"]
    assert [e.modality for e in threat] == ["asserted"]
    assert all(e.type != "SANCTION" for e in found)  # the expulsion is the threat's content


@pytest.mark.parametrize(
    ("event_date", "published", "expected"),
    [
        ("2022-12-31", "2024-01-23", True),
        ("2023-06-01", "2024-01-23", False),
        ("2022", "2024-01-23", True),  # the whole year ends more than a year before
        ("2023", "2024-01-23", False),
        ("2022-11", "2024-01-23", True),
        (None, "2024-01-23", False),
        ("2020-01-01", None, False),
        ("not a date", "2024-01-23", False),
    ],
)
def test_is_historical(event_date: str | None, published: str | None, expected: bool) -> None:
    assert is_historical(event_date, published) is expected


@pytest.mark.parametrize("text, trigger", [
    ("The government has no plans to expel the ambassador.", "expel"),
    ("There was no decision to deploy troops to the border.", "deploy"),
    ("Israel has no intention of attacking Lebanon, the minister said.", "attacking"),
])
def test_what_a_noun_denied_by_no_is_about_did_not_happen(text: str, trigger: str) -> None:
    events = {e.evidence.trigger: e.modality for e in code_text(text, published="2024-03-06")}
    assert events.get(trigger) == "negated", events


def test_what_an_order_is_about_is_still_done() -> None:
    events = {e.evidence.trigger: e.modality for e in code_text("The army issued an order to pull out the troops.",
                                                                published="2024-03-06")}
    assert events.get("pull out") == "asserted", events


def test_an_act_a_no_noun_says_was_not_ordered_is_no_refusal() -> None:
    # an absence ("no order") is not the actor's refusal; "no intention" of a cooperative act is
    (absent,) = code_text("Trump has given no formal order to pull out the 2,000 U.S. troops in Syria.",
                          published="2024-03-06")
    assert (absent.type, absent.modality) == ("RETREAT", "negated")
    (refused,) = code_text("The government has no plans to withdraw its troops from Mali.", published="2024-03-06")
    assert (refused.type, refused.modality) == ("REJECT", "asserted")


@pytest.mark.parametrize("text, expected", [
    ("The government has not offered any concessions to the strikers.", ("AGREE", "negated")),
    ("Israel did not release the prisoners on Monday.", ("RETREAT", "negated")),
    ("Israel will not release the prisoners.", ("REJECT", "asserted")),
    ("Iran said it would not release the sailors.", ("REJECT", "asserted")),
    ("Israel does not recognize Hamas.", ("REJECT", "asserted")),
])
def test_cooperation_told_as_not_done_is_no_refusal_unless_it_will_not_be_done(text: str,
                                                                               expected: tuple[str, str]) -> None:
    (event,) = code_text(text, published="2024-03-06")
    assert (event.type, event.modality) == expected


@pytest.mark.parametrize("text", [
    "The union insisted that the workers be released.",
    "He suggested that those guilty be booked under the anti-terror law.",
])
def test_a_passive_that_clause_in_the_bare_form_is_what_is_demanded(text: str) -> None:
    assert [e.modality for e in code_text(text, published="2024-03-06")] == ["hypothetical"]


@pytest.mark.parametrize("text, trigger, expected", [
    ("He wants Cuban diplomats based in Washington to meet with his son in Miami.", "meet with", "future"),
    ("She looked forward to visiting Kenya on her trip.", "visiting", "future"),
    ("US commanders said they were capable of deploying 300,000 troops.", "deploying", "hypothetical"),
    ("Clinton kept her options open concerning future talks with Syria.", "talks", "future"),
    ("President Clinton says he is committed to a possible strike against Iraq.", "strike", "hypothetical"),
    ("Russia cancelled a planned visit by the German foreign minister.", "visit", "asserted"),  # the rejection
    ("Thousands of protesters joined the planned protest outside parliament.", "protest", "asserted"),
])
def test_what_is_wanted_foreseen_or_within_reach_has_not_happened(text: str, trigger: str, expected: str) -> None:
    events = {e.evidence.trigger: e.modality for e in code_text(text, published="2024-03-06")}
    assert events.get(trigger) == expected, events


def test_the_aim_of_a_campaign_is_intended_not_done() -> None:
    events = {e.evidence.trigger: e.modality for e in code_text(
        "The army launched a campaign to capture the town of Sake.", published="2024-03-06")}
    assert events.get("capture") == "future", events
