"""Word senses and references that report no new event (issue 12): acknowledging someone's work is no formal
recognition; "in retaliation for the attack" names the clause's own event and an earlier one, neither new. The
sentences are written for this test and coded by the real pipeline."""

from __future__ import annotations

import pytest

from dragoman.model import Event
from dragoman.pipeline import code_text

pytestmark = pytest.mark.slow


def coded(text: str) -> list[Event]:
    return code_text(text, published="2024-03-06")


def test_recognizing_volunteers_work_is_no_recognition() -> None:
    assert coded("The minister recognized the volunteers' work in Nairobi on Monday.") == []


def test_recognizing_a_state_is_recognition() -> None:
    (event,) = coded("Kenya recognized Kosovo's independence on Monday.")
    assert (event.type, event.cameo, event.actor and event.actor.country) == ("SUPPORT", "054", "KEN")


@pytest.mark.parametrize("text, trigger", [
    ("In retaliation for the attack on its embassy, Kenya expelled two diplomats.", "expelled"),
    ("Rebels attacked the town in revenge for the killing of their leader.", "attacked"),
    ("Police arrested ten men in response to the bombing.", "arrested"),
])
def test_a_reprisal_is_its_clause_event_only(text: str, trigger: str) -> None:
    assert [e.evidence.trigger for e in coded(text)] == [trigger]
