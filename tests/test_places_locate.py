"""Event locations: the place attached to the trigger, else the sentence's, else the focus, else the dateline."""

from __future__ import annotations

from factories import place_resolver, token_of


def test_place_attached_to_the_trigger_wins_over_dateline() -> None:
    text = "NAIROBI, Kenya (Reuters) - Gunmen attacked a market in Mogadishu on Monday, police said."
    doc, resolver = place_resolver(text)
    place = resolver.locate(token_of(doc, "attacked"))
    assert place is not None and place.name == "Mogadishu" and place.country == "SOM"
    assert place.precision == "city"
    assert text[place.start:place.end] == "Mogadishu"


def test_east_of_x_gives_x_with_lower_precision() -> None:
    doc, resolver = place_resolver("Rebels shelled villages 20 km east of Goma on Sunday.")
    place = resolver.locate(token_of(doc, "shelled"))
    assert place is not None and place.name == "Goma" and place.precision == "region"


def test_subject_place_is_an_actor_not_the_location() -> None:
    doc, resolver = place_resolver("Washington sent troops to Mosul last week.")
    place = resolver.locate(token_of(doc, "sent"))
    assert place is not None and place.name == "Mosul"


def test_document_focus_when_the_sentence_names_no_place() -> None:
    text = ("Fighting broke out in Goma on Monday. Residents of Goma fled north.\n\n"
            "The rebels said they would continue.")
    doc, resolver = place_resolver(text)
    place = resolver.locate(token_of(doc, "continue"))
    assert place is not None and place.name == "Goma"


def test_dateline_only_when_nothing_better() -> None:
    text = "KABUL, Afghanistan - The minister resigned on Tuesday."
    doc, resolver = place_resolver(text)
    place = resolver.locate(token_of(doc, "resigned"))
    assert place is not None and place.country == "AFG"
    assert place.precision in {"city", "country"}


def test_country_precision() -> None:
    doc, resolver = place_resolver("Protests erupted in Sudan after the coup.")
    place = resolver.locate(token_of(doc, "erupted"))
    assert place is not None and place.precision == "country" and place.country == "SDN"


def test_places_locate_demonym_is_not_the_event_place() -> None:
    from dragoman.pipeline import code_text

    events = code_text("Britain imposed sanctions on Chinese companies on Tuesday.", published="2024-01-24")
    assert events
    for event in events:
        assert event.location is None or event.location.name not in ("Chinese", "China")


def test_places_locate_city_of_x_repairs_ner_and_source_place_is_last_resort() -> None:
    from dragoman.pipeline import code_text

    # The small model tags "Khan Younis" as a person; "the city of" makes it a place. Gaza is where the
    # source sits ("according to the health ministry in Gaza"), not where the strike was.
    text = ("Israeli airstrikes on the southern city of Khan Younis killed 18 people overnight, "
            "according to the health ministry in Gaza.")
    (event,) = [e for e in code_text(text, published="2024-01-24") if e.type == "ASSAULT"]
    assert event.location is not None and event.location.name == "Khan Younis"
    assert event.location.country == "PSE"
