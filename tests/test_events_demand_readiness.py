"""Demands reported as "X said Y must ..." and readiness ("is willing to ...") as offers or threats."""

from dragoman import code_text


def _first(text: str, type_: str):  # type: ignore[no-untyped-def]
    return next(e for e in code_text(text) if e.type == type_)


def test_reported_must_is_a_demand_by_the_speaker_on_the_subject() -> None:
    event = _first("Norway said on Monday that Chile must release the detained fishermen.", "REQUEST")
    assert event.actor is not None and event.actor.country == "NOR"
    assert event.recipient is not None and event.recipient.country == "CHL"
    assert event.modality == "asserted"
    assert event.evidence.trigger == "said"


def test_must_without_a_speaker_is_no_demand() -> None:
    assert not any(e.type == "REQUEST" for e in code_text("Prices must rise when supply is short."))


def test_willing_to_withdraw_is_an_offer_by_the_subject() -> None:
    events = code_text("Peru says it is willing to withdraw its troops from the disputed valley.")
    assert [e.type for e in events][:1] == ["AGREE"]
    assert events[0].actor is not None and events[0].actor.country == "PER"


def test_ready_to_attack_is_a_threat() -> None:
    events = code_text("The insurgents said they were ready to attack the capital.")
    assert events and events[0].type == "THREATEN"
