"""Fire named by whose it was ("killed by Armenian fire", "Taliban fire") is gunfire with a doer, not a blaze; a
fire with no side ("a house fire killed four children") is still no attack."""

from __future__ import annotations

import pytest

from dragoman.pipeline import code_text


@pytest.mark.parametrize(
    ("text", "actor", "dead"),
    [
        ("Azerbaijan said two of its soldiers were killed by Armenian fire.", "ARM", 2),
        ("Two soldiers were killed by Taliban fire near Kandahar.", "AFG", 2),
    ],
)
def test_fire_of_a_side_kills(text: str, actor: str, dead: int) -> None:
    attacks = [e for e in code_text(text, published="2024-06-25") if e.type == "ASSAULT"]
    assert [(e.actor.country if e.actor else None, e.counts.dead) for e in attacks] == [(actor, dead)]


@pytest.mark.parametrize("text", ["A house fire killed four children.", "A fire killed 40 people in a market."])
def test_a_blaze_is_no_attack(text: str) -> None:
    assert not [e for e in code_text(text, published="2024-06-25") if e.type == "ASSAULT"]
