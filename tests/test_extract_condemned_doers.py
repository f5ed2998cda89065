"""A condemnation of an act the story told is aimed at whoever did it ("Hamas condemned the strike": Israel), with
the noun's own text; an act no one is named for, or another kind of act, lends no one."""

from __future__ import annotations

import pytest

from dragoman.model import Event
from dragoman.pipeline import code_text


def condemnations(text: str) -> list[Event]:
    return [e for e in code_text(text, published="2024-06-25") if e.type == "ACCUSE"]


@pytest.mark.parametrize(
    ("text", "recipient", "mention"),
    [
        ("Israeli strike kills five in Gaza\n\nAn Israeli air strike on a house in Rafah killed five Palestinians on "
         "Thursday, medics said. Hamas condemned the strike as a massacre.", "ISR", "the strike"),
        ("Russia strikes Kyiv\n\nRussian missiles hit Kyiv overnight, killing three people. Germany condemned the "
         "attack on Monday.", "RUS", "the attack"),
        ("Police arrest 40\n\nPolice in Dhaka arrested 40 opposition activists on Sunday. Amnesty International "
         "condemned the arrests.", "BGD", "the arrests"),
    ],
)
def test_a_condemned_act_is_aimed_at_its_doer(text: str, recipient: str, mention: str) -> None:
    found = condemnations(text)
    assert [(e.recipient.country, e.recipient.text) for e in found if e.recipient] == [(recipient, mention)]
    assert text[found[0].recipient.start:found[0].recipient.end] == mention


def test_a_condemned_act_with_no_known_doer_lends_none() -> None:
    text = ("Blast in market\n\nA bomb exploded in a market on Monday, killing four people. The minister "
            "condemned the attack.")
    found = condemnations(text)
    assert found and not [e for e in found if e.recipient is not None and e.recipient.text == "the attack"]


def test_a_labour_strike_is_not_the_shelling_told_before() -> None:
    text = ("Unrest\n\nThe Kenyan army shelled a village on Monday. Kenyan teachers went on strike on Tuesday. The "
            "minister condemned the strike.")
    assert not [e for e in condemnations(text) if e.recipient is not None and e.recipient.text == "the strike"
                and e.recipient.sector == "MIL"]
