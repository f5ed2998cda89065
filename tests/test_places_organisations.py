"""Countries inside organisation names, countries an ORG entity names by an alternate name, and all-caps
words the tagger glued onto a person's name (no surname)."""

from __future__ import annotations

from dragoman.extract.places.resolver import PlaceResolver
from dragoman.extract.places.toponyms import Toponym
from dragoman.model import CleanDoc, OffsetMap
from dragoman.nlp import get_nlp


def toponyms(text: str) -> list[Toponym]:
    doc = get_nlp()(text)
    return PlaceResolver(doc, CleanDoc(body=text, offsets=OffsetMap.identity(len(text)))).toponyms


def test_country_inside_an_organisation_name_counts_when_the_text_names_it_elsewhere() -> None:
    text = ("Tourism in Zimbabwe has grown this year. Hotel owners complained that Air Zimbabwe cancelled "
            "three flights from Harare last week.")
    tops = toponyms(text)
    inside = [t for t in tops if t.source == "inside"]
    assert inside, [(t.text, t.source) for t in tops]
    assert inside[0].text == "Zimbabwe" and inside[0].candidate.country == "ZWE"
    assert text[inside[0].start:inside[0].end] == "Zimbabwe" and inside[0].start > text.index("Air")


def test_country_inside_an_organisation_name_alone_is_not_taken() -> None:
    tops = toponyms("Passengers complained that Air Zimbabwe cancelled three flights last week.")
    assert not any(t.source == "inside" for t in tops), [(t.text, t.source) for t in tops]


def test_adjective_inside_an_organisation_name_is_no_country() -> None:
    tops = toponyms("Ministers met in Ottawa to discuss the North American Free Trade Agreement and the "
                    "United States.")
    assert not any(t.source == "inside" and t.text == "American" for t in tops), [(t.text, t.source) for t in tops]


def test_all_caps_word_closing_a_person_name_is_no_surname() -> None:
    text = "Written by Peter Hallam US officials said the US tariffs were unfair."
    tops = toponyms(text)
    us = [t for t in tops if t.text == "US" and t.start > text.index("said")]
    assert us and us[0].candidate.country == "USA", [(t.text, t.source) for t in tops]


def test_organisation_naming_a_country_by_an_alternate_name_is_that_country() -> None:
    tops = toponyms("The ambassador of Armenia to the Holy See presented his letters to the Pope on Tuesday.")
    see = [t for t in tops if t.text == "Holy See"]
    assert see and see[0].candidate.fcode == "PCLI" and see[0].candidate.country == "VAT", [
        (t.text, t.source) for t in tops]
