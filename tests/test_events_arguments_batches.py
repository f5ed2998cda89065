"""What a batch holds ("a package of sanctions", "a package of military aid") decides the act, and the verb that
handles the batch gives the act its doer (``object_classes`` and ``governing_verb`` in ``events.arguments``)."""

from __future__ import annotations

from dragoman.extract import detector_mode
from dragoman.model import Event
from dragoman.pipeline import code_text


def _code(text: str) -> list[Event]:
    with detector_mode("rules"):
        return code_text(text, published="2024-03-05")


def test_a_package_of_sanctions_is_a_sanction_by_whoever_approved_it() -> None:
    events = _code("The European Union approved a package of sanctions against Russia.")
    assert [e.type for e in events] == ["SANCTION"]  # was an AID "approved" too: a package is not always aid
    assert events[0].actor is not None and events[0].actor.country == "EUR"
    assert events[0].recipient is not None and events[0].recipient.country == "RUS"


def test_a_package_of_aid_stays_aid_to_its_receiver() -> None:
    events = _code("The United States sent a package of military aid to Ukraine.")
    assert [e.type for e in events] == ["AID"]
    assert events[0].actor is not None and events[0].actor.country == "USA"
    assert events[0].recipient is not None and events[0].recipient.country == "UKR"
