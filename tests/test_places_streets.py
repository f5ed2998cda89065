"""Names that are not the places they look like: streets named after places ("Rivers and Stokes avenues" is no
Nigerian state), organisations; and a region named with its unit word ("the Amhara region") that is one."""

from __future__ import annotations

from dragoman.extract.places.resolver import PlaceResolver
from dragoman.model import CleanDoc, OffsetMap
from dragoman.nlp import get_nlp


def _toponyms(text: str) -> list[tuple[str, str, str | None]]:
    doc = get_nlp()(text)
    resolver = PlaceResolver(doc, CleanDoc(body=text, offsets=OffsetMap.identity(len(text))))
    return [(t.text, t.source, t.candidate.country if t.candidate else None) for t in resolver.toponyms]


def test_names_joined_before_a_plural_street_word_are_one_street_seated_in_the_town() -> None:
    found = _toponyms("Two men were shot near Rivers and Stokes avenues in North Charleston, South Carolina.")
    assert ("Rivers and Stokes avenues", "street", "USA") in found
    assert not any(text == "Rivers" for text, _source, _country in found)
    assert all(country != "NGA" for _text, _source, country in found)


def test_a_lowercase_street_word_makes_the_name_a_street() -> None:
    found = _toponyms("Protesters marched down Bahrain street in Cairo on Friday.")
    assert not any(text == "Bahrain" for text, _source, _country in found)
    assert all(country == "EGY" for _text, _source, country in found)


def test_a_road_named_after_its_town_keeps_the_town() -> None:
    # "the Kabul road" leads to Kabul: roads and highways are left alone when singular
    found = _toponyms("Gunmen ambushed a convoy on the Kabul road near Jalalabad.")
    assert any(text == "Kabul" and country == "AFG" for text, _source, country in found)


def test_an_organisation_named_after_a_place_is_no_place() -> None:
    found = _toponyms("Delegates accused the army of breaking the Geneva Convention at a meeting in Strasbourg.")
    assert [text for text, _source, _country in found] == ["Strasbourg"]


def test_a_region_named_with_its_unit_word_is_a_place_not_a_people() -> None:
    found = _toponyms("Fighting in the Amhara region killed five people, while Kurdish fighters held the town.")
    assert any(text == "Amhara" and source == "repair" and country == "ETH" for text, source, country in found)
    assert all(source == "demonym" for text, source, _country in found if text == "Kurdish")
