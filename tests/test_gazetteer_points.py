"""Admin-1 points, province abbreviations, aliases and short city forms in the built index."""

from __future__ import annotations

import pytest

from dragoman.extract.places.resolver import haversine_km
from dragoman.gazetteer import get_gazetteer


@pytest.mark.parametrize(("name", "lat", "lon"), [
    # Geographic centres; the middle of the towns' box would sit near the southern border.
    ("Alaska", 64.0, -150.0), ("Ontario", 50.0, -85.0), ("British Columbia", 54.0, -125.0),
    ("Florida", 28.4, -82.0),
])
def test_large_admin1_units_sit_at_their_centre(name: str, lat: float, lon: float) -> None:
    unit = next(c for c in get_gazetteer().lookup(name) if c.fcode == "ADM1")
    assert haversine_km(unit.lat, unit.lon, lat, lon) < 161


def test_province_abbreviation_and_korean_names() -> None:
    gaz = get_gazetteer()
    assert gaz.lookup("B.C.")[0].name == "British Columbia"
    assert gaz.lookup("DPRK")[0].country == "PRK"
    assert gaz.lookup("Korean Peninsula")[0].fcode == "RGN"


def test_short_form_of_a_city_is_an_alternate_except_new_york() -> None:
    gaz = get_gazetteer()
    atlantic_city = next(c for c in gaz.lookup("Atlantic") if c.name == "Atlantic City")
    assert not atlantic_city.main
    assert gaz.lookup("Atlantic")[0].name == "Atlantic Ocean"
    nyc = next(c for c in gaz.lookup("New York") if c.name == "New York City")
    assert nyc.main


@pytest.mark.parametrize("name, country", [("Dagestan", "RUS"), ("Tatarstan", "RUS"), ("Ingushetia", "RUS"),
                                           ("Puntland", "SOM"), ("Somaliland", "SOM"),
                                           ("Chechnya", "RUS"), ("Waziristan", "PAK"), ("Tripolitania", "LBY")])
def test_units_the_sources_do_not_name_in_english_are_known(name: str, country: str) -> None:
    assert get_gazetteer().lookup(name)[0].country == country


def test_a_republic_s_leader_takes_its_country() -> None:
    from dragoman.pipeline import code_text

    (event,) = code_text("Putin met Dagestan's president in Moscow on Friday.", published="2024-03-06")
    assert event.recipient is not None and event.recipient.country == "RUS"


@pytest.mark.parametrize("text", ["Putin met Dagestan's leader in Moscow on Friday.",  # a generic head, not a title
                                  "Putin met the leader of Chechnya in Moscow on Friday."])
def test_a_region_s_leader_takes_the_region_s_country(text: str) -> None:
    from dragoman.pipeline import code_text

    (event,) = code_text(text, published="2024-03-06")
    assert event.recipient is not None and event.recipient.country == "RUS"
