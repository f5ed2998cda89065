"""Arrest words in other senses: fearing ("apprehended trouble"), halting ("arrest the slide"), the medical
"cardiac arrest", and an arrest noun that only qualifies a document ("arrest warrant")."""

from __future__ import annotations

import pytest

from dragoman.extract.events.triggers import lexicon_from_yaml
from dragoman.pipeline import code_text


def arrests(text: str) -> list[str]:
    return [e.evidence.trigger or "" for e in code_text(text, published="2024-03-05")
            if e.type == "COERCE" and e.mode == "arrest"]


@pytest.mark.parametrize(
    "text",
    [
        "The traders apprehended that the strike might turn violent.",  # to fear, with a clause
        "The district officials apprehend communal clashes during the fair.",  # the object is an event noun
        "Shopkeepers closed early, apprehending trouble after the match.",  # listed abstract object
        "The new tariffs helped to arrest the slide in the rupee.",  # to halt a trend
        "The former mayor died of a cardiac arrest in a Pune hospital.",
        "The magistrate signed an arrest warrant on Thursday evening.",
        "The opposition criticised the preventive detention law in the assembly.",
    ],
)
def test_other_senses_are_not_arrests(text: str) -> None:
    assert arrests(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Police apprehended three smugglers near the toll plaza.",
        "Railway police arrested two pickpockets at the station.",
        "The arrest of the two councillors sparked protests.",
        "The detention of the editor drew criticism.",
    ],
)
def test_arrests_of_people_stay_arrests(text: str) -> None:
    assert arrests(text) != []


def test_not_with_modifier_is_read_from_the_lexicon() -> None:
    lex = lexicon_from_yaml("nouns:\n  arrest: COERCE 173 arrest\nnot_with_modifier:\n  arrest: [Cardiac]\n")
    assert lex.not_with_modifier == {"arrest": frozenset({"cardiac"})}
