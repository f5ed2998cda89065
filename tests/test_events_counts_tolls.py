"""Figures given as the value of a toll (``counts._toll_category``): what the toll counts comes from its modifier,
a bare "toll" is of the dead, a casualty toll and a number of anything else count nothing. Real parses."""

from __future__ import annotations

import pytest

from dragoman.extract.events.counts import sentence_figures
from dragoman.nlp import parse_one


def figures(text: str) -> list[tuple[str, int]]:
    return [(f.category, f.value) for f in sentence_figures(next(iter(parse_one(text).sents)))]


@pytest.mark.parametrize(("text", "expected"), [
    ("The death toll rose to 40 on Sunday.", [("dead", 40)]),
    ("Officials put the death toll at 35.", [("dead", 35)]),
    ("The bombing killed at least 110 people, and the number injured topped 2,200.",
     [("dead", 110), ("injured", 2200)]),
    ("The number of injured rose to 300.", [("injured", 300)]),
    ("The injury toll stood at 12.", [("injured", 12)]),
    ("The number of people displaced reached 40,000.", [("displaced", 40000)]),
])
def test_a_toll_gives_its_figure_the_kind_its_modifier_names(text: str, expected: list[tuple[str, int]]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize("text", ["The number of protesters rose to 300.", "The casualty toll rose to 50."])
def test_a_toll_of_something_else_or_of_dead_and_injured_together_counts_nothing(text: str) -> None:
    assert figures(text) == []


def test_a_toll_clause_joined_to_an_attack_is_that_attacks_figure() -> None:
    from dragoman.pipeline import code_text

    events = code_text("The explosions at the embassy in Nairobi killed at least 110 people on Friday, and the number "
                       "injured topped 2,200.", published="1998-08-08")
    (attack,) = [e for e in events if e.type == "ASSAULT"]
    assert (attack.counts.dead, attack.counts.injured) == (110, 2200)


@pytest.mark.parametrize(("text", "expected"), [
    # "left dead" on the counted noun, said of every noun of the list it closes
    ("Fighting between army units and militants in Idlib ended Friday with three soldiers and about twenty "
     "militants left dead, a monitor said.", [("dead", 3), ("dead", 20)]),
    ("The fighting ended on Saturday with about a dozen militants left dead.", [("dead", 12)]),
    ("Twelve villagers were left dead after the raid.", [("dead", 12)]),
])
def test_left_dead_on_the_counted_nouns(text: str, expected: list[tuple[str, int]]) -> None:
    assert sorted(figures(text)) == sorted(expected)


def test_figures_of_a_list_add_up_for_the_event() -> None:
    from dragoman.pipeline import code_text

    events = code_text("Fighting between guards and inmates ended Sunday with two guards and eight inmates left dead, "
                       "officials said.", published="2024-03-05")
    assert [e.counts.dead for e in events if e.type == "ASSAULT"] == [10]


def test_shot_dead_misparsed_as_an_adjective_of_the_next_noun_still_kills() -> None:
    # the small model hangs "dead" on "parliament" in "shot dead outside parliament"
    from dragoman.pipeline import code_text

    events = code_text("Two protesters were shot dead outside parliament.", published="2024-06-25")
    assert [(e.evidence.trigger, e.counts.dead) for e in events] == [("shot dead", 2)]
