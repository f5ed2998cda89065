"""attribution_for on real sentences: said, told reporters, according to, state media, quotes."""

from __future__ import annotations

import pytest

from dragoman.extract.actors.resolver import ActorResolver
from dragoman.extract.events.attribution import attribution_for, is_reporting_verb
from dragoman.model import Actor

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from dragoman.nlp import get_nlp

    return get_nlp()


def _attribution(nlp, text: str, trigger: str) -> Actor | None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    return attribution_for(token, ActorResolver(doc))


def _speaker_text(nlp, text: str, trigger: str) -> str | None:  # type: ignore[no-untyped-def]
    actor = _attribution(nlp, text, trigger)
    return actor.text if actor else None


def test_trailing_said_with_a_source_description(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Boko Haram fighters attacked the base on Monday, a Nigerian military source said."
    actor = _attribution(nlp, text, "attacked")
    assert actor is not None
    assert "Nigerian military source" in actor.text
    assert actor.start is not None and text[actor.start : actor.end] == actor.text


def test_said_that_governs_the_event(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The interior minister said that police had detained 40 protesters."
    assert "interior minister" in (_speaker_text(nlp, text, "detained") or "")


def test_according_to_anywhere_in_the_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "According to local officials, the army shelled the town overnight."
    assert "local officials" in (_speaker_text(nlp, text, "shelled") or "")


def test_told_reporters(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Rebels will attack the capital, the rebel commander told reporters."
    assert "rebel commander" in (_speaker_text(nlp, text, "attack") or "")


def test_state_media_reported(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "State media reported that troops had shelled the border villages."
    assert "State media" in (_speaker_text(nlp, text, "shelled") or "")


def test_quote_running_over_two_sentences(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"The army shelled our village. They killed my brother," said Amina Yusuf, a resident.'
    actor = _attribution(nlp, text, "shelled")
    assert actor is not None and "Amina Yusuf" in actor.text


def test_unreported_event_has_no_attribution(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _attribution(nlp, "Police arrested 30 protesters in Lagos on Monday.", "arrested") is None


def test_reporting_verbs_and_announcements_that_are_events(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The government announced sanctions, and the spokesman said talks had failed.")
    by_text = {t.text: t for t in doc}
    assert is_reporting_verb(by_text["said"])
    assert not is_reporting_verb(by_text["announced"])  # announced + object = an event
    doc = nlp("The army announced that rebels had attacked a convoy.")
    assert is_reporting_verb(next(t for t in doc if t.text == "announced"))
    doc = nlp("The president told the troops to withdraw.")
    assert not is_reporting_verb(next(t for t in doc if t.text == "told"))  # an order, not a report
