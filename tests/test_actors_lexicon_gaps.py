"""Sector nouns, titles and names the lexicons now know (police ranks, criminals, communities, rulers, leaders)."""

from __future__ import annotations

import pytest

from dragoman.extract.actors.resolver import ActorResolver
from dragoman.nlp import get_nlp

pytestmark = pytest.mark.slow


def _resolve(text: str, word: str, *, nth: int = 0):  # type: ignore[no-untyped-def]
    doc = get_nlp()(text)
    resolver = ActorResolver(doc)
    heads = [t for t in doc if t.text == word]
    return resolver.actor_for(heads[nth])


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The station house officer of the Sadar police station detained three youths.", "officer"),
        ("The SHO said the accused had confessed.", "SHO"),
        ("a sub-inspector and two constables reached the village late at night.", "inspector"),
    ],
)
def test_actors_police_ranks_are_police(text: str, word: str) -> None:
    actor = _resolve(text, word)
    assert actor is not None and actor.sector == "COP"


def test_actors_miscreants_and_thugs_are_criminals() -> None:
    assert _resolve("The shopkeeper was shot at by four miscreants near the bus stand.", "miscreants").sector == "CRM"
    assert _resolve("Armed thugs looted the warehouse.", "thugs").sector == "CRM"


def test_actors_bare_generic_takes_the_sector_of_its_earlier_mention() -> None:
    text = "Police personnel were posted near the temple. When stones were thrown, the personnel opened fire."
    later = _resolve(text, "personnel", nth=1)
    assert later.sector == "COP"
    # with no earlier sector-bearing mention the generic default stands
    assert _resolve("The personnel withdrew from the border post.", "personnel").sector == "MIL"


def test_actors_communities_by_ethnicity_or_faith_are_civilians() -> None:
    kurds = _resolve("Thousands of Syrian Kurds fled toward the border.", "Kurds")
    assert (kurds.country, kurds.sector) == ("SYR", "CVL")
    assert _resolve("Hindus and Muslims marched together through the old city.", "Hindus").sector == "CVL"


def test_actors_a_countrys_leaders_and_rulers_are_its_government() -> None:
    leaders = _resolve("Zambian leaders rejected the proposal on Monday.", "leaders")
    assert (leaders.country, leaders.sector) == ("ZMB", "GOV")
    rulers = _resolve("Myanmar's rulers refused to free the prisoners.", "rulers")
    assert (rulers.country, rulers.sector) == ("MMR", "GOV")
    # a sector word still wins over the default
    assert _resolve("Kenyan opposition leaders called a strike.", "leaders").sector == "OPP"


def test_actors_opposition_candidates_are_opposition() -> None:
    actor = _resolve("The commission barred Zimbabwean opposition candidates from the vote.", "candidates")
    assert (actor.country, actor.sector) == ("ZWE", "OPP")


def test_actors_well_known_leader_wins_over_the_only_country_named() -> None:
    actor = _resolve("President Kohl warned France against the tariff.", "Kohl")
    assert (actor.country, actor.sector) == ("DEU", "GOV")


def test_actors_historic_country_names() -> None:
    assert _resolve("Rhodesian troops crossed the border.", "troops").country == "ZWE"
    assert _resolve("Zairean soldiers looted the town.", "soldiers").country == "COD"


def test_educators_and_truckers_are_groups_of_people() -> None:
    from dragoman.pipeline import code_text

    for text, sector in (("Kenyan educators marched in Nairobi on Monday.", "EDU"),
                         ("Kenyan truckers blocked the highway in Nairobi on Monday.", "LAB")):
        actors = [e.actor for e in code_text(text, published="2024-03-06") if e.actor is not None]
        assert actors and actors[0].sector == sector, (text, actors)


def test_actors_pm_is_a_head_of_government_of_the_story_s_country() -> None:
    text = ("Slovenia recalled its ambassador from Moscow on Monday. Speaking in parliament, PM Robert Golob "
            "defended the decision. Slovenia said the measure was right.")
    actor = _resolve(text, "Golob")
    assert actor is not None and (actor.country, actor.sector) == ("SVN", "GOV")
