"""ActorResolver on real sentences parsed with the project's spaCy model."""

from __future__ import annotations

import pytest

from dragoman.extract.actors.resolver import ActorResolver, is_actor_like
from dragoman.nlp import get_nlp
from factories import actor_in

pytestmark = pytest.mark.slow



def test_actors_demonym_with_sector_noun() -> None:
    actor = actor_in("The Sudanese army shelled the town on Monday.", "army")
    assert (actor.country, actor.sector, actor.text) == ("SDN", "MIL", "The Sudanese army")
    forces = actor_in("Ethiopian federal forces entered Mekelle.", "forces")
    assert (forces.country, forces.sector) == ("ETH", "MIL")
    people = actor_in("Russians protested in the streets.", "Russians")
    assert (people.country, people.sector) == ("RUS", "CVL")


def test_actors_capital_metonym_is_government() -> None:
    text = "Talks between Kigali and Kinshasa broke down on Friday."
    kigali, kinshasa = actor_in(text, "Kigali"), actor_in(text, "Kinshasa")  # each conjunct on its own
    assert (kigali.country, kigali.sector) == ("RWA", "GOV")
    assert (kinshasa.country, kinshasa.sector) == ("COD", "GOV")
    gov = actor_in("The government in Kinshasa rejected the report.", "government")
    assert (gov.country, gov.sector) == ("COD", "GOV")


def test_actors_bare_country_is_the_state_without_sector() -> None:
    text = "Ethiopia accused Egypt of sabotage."
    assert (actor_in(text, "Ethiopia").country, actor_in(text, "Ethiopia").sector) == ("ETH", None)
    assert actor_in(text, "Egypt").country == "EGY"


def test_actors_international_bodies() -> None:
    text = (
        "The UN refugee agency, the European Commission, the African Union and Amnesty International "
        "condemned the attack."
    )
    assert actor_in(text, "agency").country == "UNO"
    assert actor_in(text, "Commission").country == "EUR"
    assert actor_in(text, "Union").country == "IGO"
    assert actor_in(text, "International").country == "NGO"
    peacekeepers = actor_in("UN peacekeepers fired on the crowd.", "peacekeepers")
    assert (peacekeepers.country, peacekeepers.sector) == ("UNO", "MIL")


def test_actors_titled_person_and_later_mentions_inherit() -> None:
    text = (
        "Kenyan Interior Minister Kithure Kindiki said police would stay.\n\n"
        "Kindiki spoke in Nairobi. The minister later met protesters."
    )
    first = actor_in(text, "Kindiki")
    assert (first.name, first.country, first.sector) == ("Kithure Kindiki", "KEN", "GOV")
    later = actor_in(text, "Kindiki", nth=1)
    assert (later.name, later.country, later.sector) == ("Kithure Kindiki", "KEN", "GOV")
    title = actor_in(text, "minister")
    assert (title.name, title.country, title.sector) == ("Kithure Kindiki", "KEN", "GOV")


def test_actors_apposition_title() -> None:
    actor = actor_in("Kithure Kindiki, Kenya's interior minister, met the envoy.", "Kindiki")
    assert (actor.country, actor.sector) == ("KEN", "GOV")


def test_actors_pronoun_resolves_to_previous_sentence_actor() -> None:
    text = "Rwanda-backed M23 rebels attacked the town. Their artillery fire killed five civilians."
    their = actor_in(text, "Their")
    assert (their.text, their.name, their.country, their.sector) == ("Their", "M23 rebels", "COD", "REB")
    he = actor_in("President William Ruto of Kenya arrived. He said talks would resume.", "He")
    assert he is not None and he.name == "William Ruto" and he.sector == "GOV"


def test_actors_note_actor_is_the_fallback_for_pronouns() -> None:
    doc = get_nlp()("They rejected the offer.")
    resolver = ActorResolver(doc)
    assert resolver.actor_for(doc[0]) is None
    noted = actor_in("Sudanese troops advanced.", "troops")
    resolver.note_actor(noted)
    assert resolver.last_actor == noted
    assert resolver.actor_for(doc[0]).country == "SDN"


def test_actors_backer_is_an_attribute_not_the_country() -> None:
    text = "Rwanda-backed M23 rebels seized Goma."
    actor = actor_in(text, "rebels")
    assert (actor.text, actor.name, actor.country, actor.sector, actor.backer) == (
        "Rwanda-backed M23 rebels",
        "M23 rebels",
        "COD",
        "REB",
        "RWA",
    )
    doc = get_nlp()(text)
    assert doc.text[actor.start : actor.end] == actor.text


def test_actors_unknown_country_stays_null() -> None:
    actor = actor_in("Rebels attacked a convoy.", "Rebels")
    assert (actor.country, actor.sector) == (None, "REB")
    dated = actor_in("Rebels attacked a convoy.", "Rebels", dateline=("GOMA",))
    assert dated.country == "COD"  # the dateline's country is the document's focus
    assert actor_in("The convoy carried food.", "convoy") is None


def test_actors_sector_from_modifier_of_generic_head() -> None:
    assert actor_in("An army spokesman denied the report.", "spokesman").sector == "MIL"
    assert actor_in("A police spokesman denied the report.", "spokesman").sector == "COP"
    assert actor_in("Government forces shelled the town.", "forces").sector == "MIL"
    assert actor_in("Former President Jacob Zuma was arrested.", "Zuma").sector == "ELI"


def test_actors_is_actor_like() -> None:
    doc = get_nlp()("Soldiers and the minister burned the crops in Kenya.")
    by_text = {t.text: t for t in doc}
    assert is_actor_like(by_text["Soldiers"])
    assert is_actor_like(by_text["minister"])
    assert is_actor_like(by_text["Kenya"])
    assert not is_actor_like(by_text["crops"])


def test_titled_official_without_country_takes_the_only_country_named() -> None:
    from dragoman.pipeline import code_text

    found = code_text("President Levy Mwanawasa has criticised the Zambian opposition for its boycott.",
                      published="2024-01-23")
    actors = [e.actor for e in found if e.actor is not None and "Mwanawasa" in e.actor.text]
    assert actors and (actors[0].country, actors[0].sector) == ("ZMB", "GOV")


def test_actors_a_famous_name_tagged_as_a_common_noun_is_still_the_person() -> None:
    actor = actor_in("Zelenskyy thanked Germany for the new air defense system.", "Zelenskyy")
    assert (actor.country, actor.sector) == ("UKR", "GOV")



def test_actors_an_untagged_name_that_speaks_is_a_person() -> None:
    # the small model tags no entity on "van den Brande"; a name that tells reporters something is someone
    actor = actor_in("After the talks, van den Brande told reporters that the council would meet again.", "Brande")
    assert (actor.text, actor.country) == ("van den Brande", None)
