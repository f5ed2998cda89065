"""The noun "strike": a walkout when workers or a walkout's words go with it, an attack when a weapon, a target
("on", "against") or a military modifier does, and neither when nothing says which. Sentences written here."""

from __future__ import annotations

import pytest

from dragoman.pipeline import code_text

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, type_, actor", [
    ("Nurses began a nationwide strike over pay.", "PROTEST", "Nurses"),
    ("Doctors staged a strike in Nairobi.", "PROTEST", "Doctors"),
    ("A strike by dock workers shut the port.", "PROTEST", "dock workers"),
    # a protest ended
    ("The teachers union called off a four-day strike on Thursday.", "CONCEDE", "The teachers union"),
    # in the state "on strike", told with "be": those who are in it strike
    ("Thousands of dock workers are on strike at the port.", "PROTEST", "Thousands of dock workers"),
    ("Doctors have been on strike for two weeks over unpaid wages.", "PROTEST", "Doctors"),
    ("Israel carried out a strike on a Hamas commander in Gaza.", "ASSAULT", "Israel"),
    ("The US launched a strike against militants in Somalia.", "ASSAULT", "The US"),
])
def test_events_triggers_strike_noun(text: str, type_: str, actor: str) -> None:
    (event,) = code_text(text, published="2024-03-06")
    assert (event.type, event.evidence.trigger, event.actor and event.actor.text) == (type_, "strike", actor)


def test_events_triggers_strike_noun_told_once_or_not_at_all() -> None:
    # the killing names the strike's attack: one event; "went on strike" is the verb's; a bare "strike" says nothing
    assert [e.evidence.trigger for e in code_text("Israeli strikes on Gaza killed 20 people on Tuesday.")] == ["killed"]
    assert [e.evidence.trigger for e in code_text("Workers went on strike in Lagos.")] == ["went"]
    assert code_text("The strike ended after two weeks.") == []


def test_those_in_the_days_of_a_walkout_are_its_strikers() -> None:
    (event,) = code_text("The teachers are in the fourth day of a walkout over low pay.", published="2024-03-06")
    assert (event.type, event.actor and event.actor.text) == ("PROTEST", "The teachers")


def test_a_strike_commented_on_is_no_walkout_of_the_speaker() -> None:
    assert [e.type for e in code_text("The minister commented on the strike.", published="2024-03-06")
            if e.type == "PROTEST"] == []
