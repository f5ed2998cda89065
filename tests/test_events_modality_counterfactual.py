"""Acts that did not happen though no modal or negation sits on their own verb: what would have been done ("would
have arrested them"), what one is in a position to do, what arrangements are made for; and arrest words that take
no one: a message sent to a jail, a gerund feared ("apprehended cross-voting")."""

from __future__ import annotations

import pytest

from dragoman.model import Event
from dragoman.pipeline import code_text


def arrests(text: str) -> list[Event]:
    return [e for e in code_text(text, published="2024-03-05") if e.type == "COERCE" and e.mode == "arrest"]


@pytest.mark.parametrize(
    "text",
    [
        "Police said they would have arrested the two men if they had stayed in the town.",
        "The commissioner said the police would have been in a position to detain him within a day.",
        "Officers are in a position to arrest the suspects as soon as the warrant is signed.",
        "Arrangements for detaining the marchers are to be made at the bus stations.",
        "The minister announced preparations for arresting the gang leaders.",
    ],
)
def test_arrests_that_did_not_happen_are_not_asserted(text: str) -> None:
    found = arrests(text)
    assert found, "the arrest is still coded, only not as asserted"
    assert all(e.modality != "asserted" for e in found)


def test_a_counterfactual_with_a_condition_is_no_threat() -> None:
    events = code_text("Police said they would have arrested the two men if they had stayed in the town.",
                       published="2024-03-05")
    assert not [e for e in events if e.type == "THREATEN"]


def test_a_condition_on_a_future_act_is_still_a_threat() -> None:
    events = code_text("The army said it would attack the town if the rebels did not withdraw.",
                       published="2024-03-05")
    assert [e.modality for e in events if e.type == "THREATEN"] == ["asserted"]


@pytest.mark.parametrize(
    "text",
    [
        "Police said they arrested the two men on Sunday.",
        "The police were able to arrest 39 people after the clashes.",
        "Police apprehended the fleeing suspects near the border.",
        "The court sent the three men to jail for six months.",
    ],
)
def test_arrests_done_stay_asserted(text: str) -> None:
    assert [e.modality for e in arrests(text)] == ["asserted"]


@pytest.mark.parametrize(
    "text",
    [
        "The inspector general has sent a circular to 22 jails in the state to tighten security.",
        "The ministry sent a notice to the prison asking for the inmates' records.",
        "The state party apprehended cross-voting and could not settle its strategy.",
    ],
)
def test_arrest_words_that_take_no_one(text: str) -> None:
    assert not arrests(text)


def test_a_definite_happening_a_reaction_names_is_no_hypothetical_of_the_reaction() -> None:
    # "would respond to the seizure": the seizure took place; the threat's content is not coded as an act of it
    events = code_text("Iran warned the United States it would respond to the seizure of an Iranian oil tanker.",
                       published="2024-03-05")
    assert not [e for e in events if e.type == "COERCE" and e.modality == "hypothetical"]
    assert [e.type for e in events] == ["THREATEN"]
