"""Country words the small model labels PERSON are still countries."""

from dragoman import code_text


def test_country_name_tagged_person_keeps_its_code() -> None:
    events = code_text("Benin opened its borders today to most West Africans, Benin police said.")
    assert events and events[0].actor is not None and events[0].actor.country == "BEN"


def test_demonym_pair_takes_the_first_country() -> None:
    events = code_text("Bosnian Serbs demanded a truce with government forces.")
    actor = events[0].actor
    assert actor is not None and actor.country == "BIH" and actor.sector == "CVL"
