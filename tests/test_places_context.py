"""Reading a name from its neighbours: cut-short names, lists, big namesake cities, institutions' seats."""

from __future__ import annotations

from dragoman.extract.places.resolver import PlaceResolver
from dragoman.model import CleanDoc, OffsetMap
from dragoman.nlp import get_nlp


def resolve(text: str) -> dict[str, tuple[str, str, str, str]]:
    doc = get_nlp()(text)
    resolver = PlaceResolver(doc, CleanDoc(body=text, offsets=OffsetMap.identity(len(text))))
    return {t.text: (t.candidate.name, t.candidate.country, t.candidate.admin1, t.candidate.fcode)
            for t in resolver.toponyms if t.candidate}


def test_cut_short_country_name_grows_to_the_whole_name() -> None:
    found = resolve("The delegation of Trinidad and Tobago walked out of the meeting on Monday.")
    assert found["Trinidad and Tobago"][1] == "TTO"
    assert "Trinidad" not in found


def test_half_of_a_two_part_country_name_is_that_country() -> None:
    found = resolve("The minister flew back to Trinidad on Tuesday night.")
    assert found["Trinidad"][1] == "TTO"


def test_state_after_a_short_first_word_is_found_whole() -> None:
    found = resolve("Sewage spills were reported on beaches in Baja California last week.")
    assert found["Baja California"][1:] == ("MEX", "02", "ADM1")


def test_names_listed_together_are_of_one_kind() -> None:
    found = resolve("Dancers came from Missouri, Ohio, North Carolina and Virginia to perform at the festival.")
    assert found["Missouri"][3] == "ADM1"
    found = resolve("The firm has offices in Chicago, Miami, New York and Detroit.")
    assert found["New York"][0] == "New York City"


def test_state_named_like_its_big_city_is_the_city_unless_the_text_says_state() -> None:
    assert resolve("She grew up in New York and moved to London in 2010.")["New York"][0] == "New York City"
    assert resolve("Snow closed roads across upstate New York on Friday.")["New York"][3] == "ADM1"
    assert resolve("Police stopped the truck near the New York border.")["New York"][3] == "ADM1"
    assert resolve("Floods hit Sao Paulo after a week of rain.")["Sao Paulo"][3] == "PPL"
    # the state word written in lower case after a name the tagger cut short ("Kaduna" of "Kaduna state")
    assert resolve("Gunmen abducted 87 people in Nigeria's Kaduna state on Sunday.")["Kaduna"][3] == "ADM1"
    assert resolve("Gunmen abducted 87 people in the city of Kaduna on Sunday.")["Kaduna"][3] != "ADM1"


def test_place_in_an_institutions_name_goes_where_the_text_seats_it() -> None:
    found = resolve("Jon Reyes, a professor at the University of St. Thomas in Houston, said the rules were clear.")
    assert found["St. Thomas"][:3] == ("Houston", "USA", "TX")


def test_country_in_an_institutions_name_stays_the_country() -> None:
    found = resolve("An astronomer at the U.S. Naval Observatory in Washington said the eclipse was visible.")
    assert found["U.S."][1:] == ("USA", "", "PCLI")


def test_building_we_cannot_geocode_is_placed_at_the_town_named_after_it() -> None:
    text = "Police in Zilina arrested two men. Later, protesters gathered on Freedom Square in Bratislava."
    doc = get_nlp()(text)
    tops = PlaceResolver(doc, CleanDoc(body=text, offsets=OffsetMap.identity(len(text)))).toponyms
    square = next(t for t in tops if t.text == "Freedom Square")
    assert square.fallback and square.candidate is not None and square.candidate.name == "Bratislava"


def test_australian_state_short_form_follows_the_country_focus() -> None:
    found = resolve("Farmers near Perth said the drought in WA was the worst since 2010, Canberra officials said.")
    assert found["WA"][:2] == ("Western Australia", "AUS")


def test_lower_case_word_after_a_comma_is_no_state_abbreviation() -> None:
    # "in" is also Indiana's postal code; only a capitalised abbreviation contains the name before it.
    found = resolve("The rangers worked in Oregon, in Michigan, in Utah and in Maine last summer.")
    assert found["Michigan"][3] == "ADM1"


def test_two_word_state_abbreviation_contains_the_town() -> None:
    found = resolve("He is held in the regional jail in Charleston, W. Va., on a parole violation.")
    assert found["Charleston"][1:3] == ("USA", "WV")
