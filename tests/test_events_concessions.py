"""Permissions, destruction of property and the implied target of protests, on sentences written for these tests."""

from __future__ import annotations

from dragoman.model import Event
from dragoman.pipeline import code_text

PUBLISHED = "2024-01-23"


def types(text: str) -> list[Event]:
    return code_text(text, published=PUBLISHED)


def test_allowing_an_actor_to_act_is_a_concession() -> None:
    found = [e for e in types("The electoral board decided to allow the opposition candidate to run in the March vote.")
             if e.type == "CONCEDE"]
    assert found and found[0].cameo == "080"


def test_allow_as_a_purpose_clause_is_no_concession() -> None:
    found = types("The general resigned last week to allow free elections to take place in the country.")
    assert not [e for e in found if e.type == "CONCEDE"]


def test_allowing_a_thing_is_no_concession() -> None:
    found = types("The ministry will allow the import of wheat to ease shortages.")
    assert not [e for e in found if e.type == "CONCEDE"]


def test_destroying_property_is_coercion_by_seizure() -> None:
    found = [e for e in types("Army bulldozers demolished dozens of homes in the village on Sunday.")
             if e.evidence.trigger == "demolished"]
    assert found and (found[0].type, found[0].mode, found[0].cameo) == ("COERCE", "seize", "1712")


def test_protest_without_target_is_aimed_at_the_protesters_government() -> None:
    (e,) = [e for e in types("Thousands of Kenyan students marched through the streets on Friday.")
            if e.type == "PROTEST"]
    assert e.actor is not None and e.actor.country == "KEN"
    assert e.recipient is not None and (e.recipient.country, e.recipient.sector) == ("KEN", "GOV")
    assert e.recipient.start is None  # implied: no text to point at


def test_protest_with_a_named_target_keeps_it() -> None:
    found = [e for e in types("Kenyan farmers protested against the Ugandan government on Friday.")
             if e.type == "PROTEST"]
    assert found and all(e.recipient is not None and e.recipient.country == "UGA" for e in found)


def test_accepting_or_granting_demands_is_yielding_to_those_who_made_them() -> None:
    for text, asker in (("The provincial council on Friday accepted demands from striking miners for a pay rise.",
                         "miners"),
                        ("The ministry granted the nurses' demands after a week of walkouts.", "nurses"),
                        ("The mayor met the demands of the market traders.", "traders")):
        found = [e for e in types(text) if e.type == "CONCEDE"]
        assert found and found[0].cameo == "080", text
        assert found[0].recipient is not None and asker in (found[0].recipient.name or ""), text


def test_accepting_an_offer_is_still_agreement() -> None:
    found = types("The rebels accepted an offer of talks from the government on Monday.")
    assert not [e for e in found if e.type == "CONCEDE"]


def test_restrictions_and_sanctions_undone_by_other_verbs() -> None:
    for text, expected in (
            ("The constitutional court cancelled restrictions on the use of the minority language on radio.",
             ("CONCEDE", "081")),
            ("Authorities relaxed the curfew in the northern town after a week of calm.", ("CONCEDE", "0813")),
            ("The European Union scrapped sanctions against Belarus on Monday.", ("RETREAT", "085"))):
        assert expected in [(e.type, e.cameo) for e in types(text) if e.modality == "asserted"], text


def test_advised_to_resign_has_not_resigned() -> None:
    found = types("The party advised its chairman to resign.")
    # a resignation is RETREAT (CAMEO 0831), as the PLOVER coders' own gold codes it ("Shevardnadze resigned")
    assert [e.modality for e in found if e.type == "RETREAT"] == ["hypothetical"]
