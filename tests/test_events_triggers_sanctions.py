"""International sanctions are PLOVER SANCTION 'discontinue' (the manual's mode table), verbal conflict in PLOVER's
quad table, with the imposer as actor and the target as recipient. Sentences written for this test."""

from __future__ import annotations

import pytest

from dragoman.pipeline import code_text

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, actor, recipient", [
    ("The European Union imposed sanctions on Russia on Monday.", "EUR", "RUS"),
    ("Britain has imposed sanctions on Belarusian President Alexander Lukashenko and his son.", "GBR", "BLR"),
    ("Washington slapped an arms embargo on Sudan.", None, "SDN"),
])
def test_events_triggers_sanctions_imposed(text: str, actor: str | None, recipient: str) -> None:
    (event,) = code_text(text, published="2024-03-06")
    assert (event.type, event.mode, event.cameo[:3], event.quad) == ("SANCTION", "discontinue", "163",
                                                                    "verbal_conflict")
    assert (event.actor and event.actor.country, event.recipient and event.recipient.country) == (actor, recipient)


def test_events_triggers_sanctions_lifted_or_defied_are_not_sanctions() -> None:
    assert [e.type for e in code_text("The United States lifted sanctions on Venezuela.")] == ["RETREAT"]
    assert [e.type for e in code_text("Iran defied the sanctions.")] == ["REJECT"]


def test_an_employee_suspended_with_pay_is_no_sanction() -> None:
    found = code_text("One of the fare inspectors involved has been suspended with pay, pending the investigation.",
                      published="2024-03-06")
    assert "SANCTION" not in [e.type for e in found]


@pytest.mark.parametrize(("text", "recipient"), [
    ("Mali's junta ordered UN peacekeepers to leave the country.", "UNO"),
    ("The French ambassador was ordered to leave Niger within 48 hours.", "FRA"),
])
def test_an_order_to_leave_a_state_is_an_expulsion(text: str, recipient: str) -> None:
    (e,) = [e for e in code_text(text, published="2024-03-05") if e.type == "SANCTION"]
    assert e.cameo == "166" and e.recipient is not None and e.recipient.country == recipient


def test_an_order_to_leave_a_square_is_no_expulsion() -> None:
    events = code_text("Police ordered the protesters to leave the square.", published="2024-03-05")
    assert not [e for e in events if e.type == "SANCTION"]
