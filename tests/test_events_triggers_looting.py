"""Looting told by any of its verbs is a seizure of property (CAMEO 171), not missed."""

from __future__ import annotations

import pytest

from dragoman.pipeline import code_text


@pytest.mark.parametrize("text", [
    "Looters ransacked shops in the city centre on Monday.",
    "Soldiers plundered the homes of the villagers.",
    "Retreating militiamen pillaged the market town.",
])
def test_looting_verbs_are_seizures_of_property(text: str) -> None:
    assert [(e.type, e.cameo) for e in code_text(text, published="2024-03-05")] == [("COERCE", "171")]
