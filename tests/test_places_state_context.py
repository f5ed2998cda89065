"""Local US places read in the state the story is in, and events placed at the finest place their sentence names
(issue 12's audit: namesakes picked far away, state centroids used instead of the named town). Our own sentences."""

from __future__ import annotations

from collections.abc import Sequence

from dragoman.extract.places.toponyms import Toponym
from factories import place_resolver, token_of


def _entry(toponyms: Sequence[Toponym], text: str) -> tuple[str, str]:
    """Country and admin-1 of the entry chosen for the name written ``text``."""
    top = next(t for t in toponyms if t.text == text)
    assert top.candidate is not None, top
    return top.candidate.country, top.candidate.admin1


def test_a_small_town_takes_the_namesake_beside_the_story_s_other_towns() -> None:
    # Hillsboro, Oregon is far bigger, but Weare and Concord put the story in New Hampshire (and the road's
    # "Farrington" must not cast a vote for Farrington, Hawaii).
    _doc, resolver = place_resolver(
        "Two houses on Farrington Corner Road were broken into on Monday in Weare, the police said. Officers in "
        "Concord are helping. "
        "The police in Hillsboro arrested a man on Tuesday for receiving stolen property.")
    assert _entry(resolver.toponyms, "Hillsboro") == ("USA", "NH")


def test_a_road_named_like_an_obscure_district_is_no_place() -> None:
    # "The Farrington" is a district of Anguilla with no population on record: the road is no Farrington.
    _doc, resolver = place_resolver(
        "Three homes on Farrington Corner Road in Hopkinton were burglarized on Wednesday, police said.")
    assert all(t.candidate is None or t.candidate.country != "USA" or t.candidate.admin1 != "HI"
               for t in resolver.toponyms)
    assert not any(t.text == "Farrington" for t in resolver.toponyms)


def test_a_state_is_refined_to_the_town_its_sentence_names() -> None:
    doc, resolver = place_resolver(
        "Indiana prosecutors on Monday charged a funeral director with robbing the Evansville Federal Credit "
        "Union in December.")
    located = resolver.locate_with_rule(token_of(doc, "charged"))
    assert located is not None and located.place.name == "Evansville", located
    assert located.place.precision == "city" and located.rule.endswith("+sentence")


def test_a_state_is_kept_when_its_sentence_names_no_town_inside_it() -> None:
    doc, resolver = place_resolver("Floods closed roads in Indiana on Monday, officials in Chicago said.")
    located = resolver.locate_with_rule(token_of(doc, "closed"))
    assert located is not None and located.place.name == "Indiana"


def test_a_country_is_refined_to_its_town_in_the_same_sentence() -> None:
    # The story's main town in Kenya is Nairobi (named twice); the sentence itself names Kisumu.
    doc, resolver = place_resolver("Protesters rallied in Kenya on Monday, and police fired tear gas in Kisumu. "
                                    "Shops in Nairobi stayed shut. Traffic in Nairobi was light.")
    located = resolver.locate_with_rule(token_of(doc, "rallied"))
    assert located is not None and located.place.name == "Kisumu" and located.place.country == "KEN"
