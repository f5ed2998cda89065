"""Sexual violence is PLOVER ASSAULT 'sexual' (CAMEO 1821), told by a verb or a noun (issue 12's coverage gaps).
"raped" was lemmatised "rap" by the model and coded nothing (dragoman.nlp.silent_e). Sentences written here."""

from __future__ import annotations

import pytest

from dragoman.pipeline import code_text

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, trigger, actor, recipient", [
    ("Soldiers raped women in the village.", "raped", "Soldiers", "women"),
    ("Militias were raping women, witnesses said.", "raping", "Militias", "women"),
    ("A soldier was charged with the rape of a teenager.", "rape", None, "a teenager"),
])
def test_events_triggers_sexual_violence(text: str, trigger: str, actor: str | None, recipient: str) -> None:
    (event,) = [e for e in code_text(text, published="2024-03-06") if e.type == "ASSAULT"]
    assert (event.mode, event.cameo, event.evidence.trigger) == ("sexual", "1821", trigger)
    assert (event.actor and event.actor.text, event.recipient and event.recipient.text) == (actor, recipient)


def test_events_triggers_sexual_violence_noun_phrases() -> None:
    events = code_text("The UN documented widespread sexual violence by the militia in Tigray.")
    assert [(e.type, e.mode) for e in events] == [("ASSAULT", "sexual")]


def test_events_triggers_rapping_is_no_assault() -> None:
    assert code_text("The singer rapped about the war in Sudan.") == []
