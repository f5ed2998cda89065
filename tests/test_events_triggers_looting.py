"""Looting told by any of its verbs is a seizure of property (CAMEO 171); stones thrown at someone are an assault with
primitive means (CAMEO 182)."""

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


@pytest.mark.parametrize("text", [
    "Protesters pelted the police with stones.",
    "Protesters threw stones at the police outside the court.",
    "Rioters hurled bricks at the police station.",
])
def test_stones_thrown_at_someone_are_an_assault(text: str) -> None:
    assert [(e.type, e.cameo) for e in code_text(text, published="2024-03-05")] == [("ASSAULT", "182")]


def test_other_things_thrown_are_no_event() -> None:
    assert code_text("The president threw a party for the winners.", published="2024-03-05") == []
