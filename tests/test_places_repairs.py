"""Detection and disambiguation rules added for recall: places opening organisation names, datelines after
a headline, states that hold the towns named with them, one sense per document."""

from __future__ import annotations

from dragoman.extract.places.resolver import PlaceResolver
from dragoman.model import CleanDoc, OffsetMap
from dragoman.nlp import get_nlp


def resolve(text: str) -> PlaceResolver:
    doc = get_nlp()(text)
    return PlaceResolver(doc, CleanDoc(body=text, offsets=OffsetMap.identity(len(text))))


def by_text(text: str) -> dict[str, object]:
    return {t.text: t for t in resolve(text).toponyms}


def test_state_opening_an_organisation_name_is_a_toponym() -> None:
    found = by_text("Pre-registration is requested, a spokesman for the Minnesota Highway Safety and Research "
                    "Center said on Friday.")
    assert "Minnesota" in found, found
    top = found["Minnesota"]
    assert top.source == "prefix" and top.candidate.fcode == "ADM1" and top.candidate.admin1 == "MN"


def test_county_opening_a_building_name_is_a_toponym() -> None:
    found = by_text("The driver was taken to the Douglas County Hospital and later released.")
    assert "Douglas County" in found, found
    assert found["Douglas County"].candidate.fcode == "ADM2"


def test_organisation_without_a_place_in_front_yields_nothing() -> None:
    found = by_text("The United Way and the Salvation Army opened a shelter for the winter.")
    assert not any(t.source == "prefix" for t in found.values()), found


def test_capitals_dateline_after_a_headline_is_found_and_read_as_a_city() -> None:
    found = by_text("Council to vote today on financing package. PORTLAND — The Board of Selectmen hired a "
                    "lawyer on Tuesday, officials in Maine said.")
    assert "PORTLAND" in found, found
    top = found["PORTLAND"]
    assert top.source == "dateline" and top.candidate.fclass == "P"


def test_state_is_preferred_to_a_town_named_after_it_when_it_holds_the_other_places() -> None:
    found = by_text("Montana and the prison company are at an impasse over the prison in Shelby, officials in "
                    "Helena said.")
    top = found["Montana"]
    assert top.candidate.fcode == "ADM1" and top.candidate.country == "USA", top.why


def test_one_sense_per_document_follows_the_explicit_mention() -> None:
    text = ("Police in Paris, Texas, arrested two men on Monday. Paris police said the men were held in the "
            "county jail.")
    tops = [t for t in resolve(text).toponyms if t.text == "Paris"]
    assert len(tops) == 2
    assert all(t.candidate.country == "USA" and t.candidate.admin1 == "TX" for t in tops), [t.why for t in tops]
