"""The police or courts implied by an agentless passive arrest, charge or sentence (``_Actors.implied_official``).

"The suspect was arrested in Lagos" is the Nigerian police's act, "he was sentenced to ten years" the courts':
the country where the event happened, else the story's focus; marked implied, with no text offsets. Coded with
the rules alone (``detector_mode("rules")``): these are the arguments, whatever the detector keeps.
"""

from __future__ import annotations

import pytest

from dragoman import code_text
from dragoman.extract import detector_mode
from dragoman.model import Actor, Event

pytestmark = pytest.mark.slow


def _events(text: str) -> list[Event]:
    with detector_mode("rules"):
        return code_text(text)


def _actor_of(text: str, trigger: str) -> Actor | None:
    return next(e for e in _events(text) if e.evidence.trigger == trigger).actor


def _implied(actor: Actor | None) -> tuple[str | None, str | None]:
    assert actor is not None, "no implied actor"
    assert "implied" in actor.text and (actor.start, actor.end) == (None, None), actor
    return actor.country, actor.sector


def test_an_agentless_arrest_is_the_police_of_the_place() -> None:
    actor = _actor_of("The suspect was arrested in Lagos on Tuesday after a chase through the market.", "arrested")
    assert _implied(actor) == ("NGA", "COP")


def test_an_agentless_detention_with_no_place_is_the_police_of_the_storys_country() -> None:
    text = ("NAIROBI, Kenya (Reuters) - Opposition supporters marched through the streets on Monday. "
            "Three men were detained on Tuesday after the rally.")
    assert _implied(_actor_of(text, "detained")) == ("KEN", "COP")


def test_an_arrest_the_government_reports_is_its_police() -> None:
    text = ("Kenya's government said on Monday that it would keep order. Three men were detained on Tuesday "
            "after the rally.")
    assert _implied(_actor_of(text, "detained")) == ("KEN", "COP")


def test_an_agentless_charge_or_sentence_is_the_courts() -> None:
    assert _implied(_actor_of("The former mayor was charged with fraud in Nairobi on Monday.", "charged")) == \
        ("KEN", "JUD")
    assert _implied(_actor_of("The journalist was sentenced to ten years in prison in Cairo.", "sentenced")) == \
        ("EGY", "JUD")


def test_a_release_on_bail_is_the_courts_and_a_hostage_release_is_not() -> None:
    assert _implied(_actor_of("The activist was released on bail in Harare on Friday.", "released")) == \
        ("ZWE", "JUD")
    freed = _actor_of("Two hostages were released in Bamako on Friday.", "released")
    assert freed is None or "implied" not in freed.text


def test_no_implied_police_when_the_passive_names_its_doer() -> None:
    actor = _actor_of("The suspect was arrested in Lagos by soldiers on Tuesday.", "arrested")
    assert actor is not None and "implied" not in actor.text and actor.sector == "MIL"


def test_no_implied_police_without_a_country() -> None:
    assert _actor_of("The suspect was arrested on Tuesday after a chase.", "arrested") is None


def _recipient_of(text: str, trigger: str) -> Actor | None:
    return next(e for e in _events(text) if e.evidence.trigger == trigger).recipient


def test_people_with_no_country_in_a_domestic_event_take_its_country() -> None:
    elders = _recipient_of("Police in Kandahar arrested two tribal elders on Monday.", "arrested")
    assert elders is not None and elders.sector == "ELI" and elders.country == "AFG"
    text = ("SEOUL (Reuters) - South Korea's prosecutors pressed the case on Monday. "
            "Choi was sentenced to 20 years in jail on Tuesday.")
    choi = _recipient_of(text, "sentenced")
    assert choi is not None and choi.country == "KOR"


def test_a_person_in_an_event_between_two_countries_keeps_no_country() -> None:
    text = "Police in Kandahar said that Pakistani troops detained two tribal elders on Monday."
    elders = _recipient_of(text, "detained")
    assert elders is not None and elders.country is None
