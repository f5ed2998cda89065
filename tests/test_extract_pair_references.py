""""The two sides", "both leaders" refer back to the two parties just named (``_Actors.pair_named_before`` in
``extract``); "each other" makes an act mutual; a hyphenated owner or flag names a thing's country."""

from __future__ import annotations

import pytest

from dragoman.pipeline import code_text


def _dyads(text: str, trigger: str) -> set[tuple[str | None, str | None]]:
    return {(e.actor.country if e.actor else None, e.recipient.country if e.recipient else None)
            for e in code_text(text, published="2024-03-05") if e.evidence.trigger == trigger}


@pytest.mark.parametrize(("text", "sides"), [
    ("Ethiopia and Eritrea held talks in Asmara on Monday. The two sides signed a peace agreement on Tuesday.",
     {"ETH", "ERI"}),
    ("Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow. The two leaders signed a pact "
     "on energy.", {"CHN", "RUS"}),
])
def test_the_two_sides_are_the_parties_named_before(text: str, sides: set[str]) -> None:
    dyads = _dyads(text, "signed")
    assert {a for a, _r in dyads} == sides and {r for _a, r in dyads} == sides
    assert all(a != r for a, r in dyads)


def test_the_reference_keeps_its_own_words() -> None:
    text = "Ethiopia and Eritrea held talks in Asmara. The two sides signed a peace agreement on Tuesday."
    signed = [e for e in code_text(text, published="2024-03-05") if e.evidence.trigger == "signed"]
    assert signed and all(e.actor is not None and e.actor.start is not None
                          and text[e.actor.start:e.actor.end] == "The two sides" for e in signed)


def test_no_pair_named_before_leaves_the_sides_unknown() -> None:
    # "two dozen other countries" is no reference back, and "the two sides" with nothing before names no one
    assert _dyads("The two sides signed a peace agreement in Doha on Tuesday.", "signed") <= {(None, None)}
    assert ("USA", "RUS") not in _dyads("Russia met US envoys last week. Russia would retaliate against two dozen "
                                        "other countries that expelled Russian diplomats.", "expelled")


def test_each_other_makes_an_act_mutual() -> None:
    assert _dyads("India and Pakistan accused each other of violating the ceasefire.", "accused") == \
        {("IND", "PAK"), ("PAK", "IND")}


def test_fire_exchanged_is_each_side_s_to_the_other() -> None:
    assert _dyads("India and Pakistan exchanged fire across the border on Monday.", "exchanged") == \
        {("IND", "PAK"), ("PAK", "IND")}


@pytest.mark.parametrize(("text", "trigger", "country"), [
    ("Iran seized a British-flagged tanker in the Strait of Hormuz.", "seized", "GBR"),
    ("Houthi rebels attacked a Greek-owned ship in the Red Sea.", "attacked", "GRC"),
    ("Russian forces shelled a Ukrainian-flagged cargo vessel near Odesa.", "shelled", "UKR"),
])
def test_a_ship_s_flag_or_owner_is_its_side(text: str, trigger: str, country: str) -> None:
    assert {r for _a, r in _dyads(text, trigger)} == {country}


@pytest.mark.parametrize(("text", "visited"), [
    ("Erdogan's Russia visit ended on Tuesday.", "RUS"),
    ("The minister cut short his Japan visit after the earthquake.", "JPN"),
])
def test_a_place_naming_a_visit_is_where_it_goes(text: str, visited: str) -> None:
    assert {r for _a, r in _dyads(text, "visit")} == {visited}


def test_a_cargo_impounded_is_confiscated() -> None:
    events = code_text("Customs officers impounded the ship's cargo in Limassol.", published="2024-03-05")
    assert [(e.type, e.cameo) for e in events] == [("COERCE", "1711")]
