"""A verbal or cooperative act named by a noun, with no party in the story or its clause, is nobody's act and is
not coded; violence and protest are news without parties, and a clause with a subject keeps its event
(``dragoman.extract.events.story.partyless``). The texts are written for these tests; the real pipeline codes them.
"""

from __future__ import annotations

import pytest

from dragoman.pipeline import code_text

pytestmark = pytest.mark.slow

PUBLISHED = "2024-03-06"


def types(text: str) -> list[str]:
    return sorted(e.type for e in code_text(text, published=PUBLISHED) if e.modality == "asserted")


def test_talks_with_no_party_are_not_coded() -> None:
    assert "CONSULT" not in types("Settlement talks began on Monday after weeks of delay.")


def test_an_agreement_or_criticism_with_no_party_is_not_coded() -> None:
    assert types("The agreement covers fishing rights in the bay.") == []
    assert types("Criticism grew louder in the capital on Monday.") == []


def test_a_subject_that_announces_the_noun_keeps_the_event() -> None:
    # the clause names the doer even where the argument rules attach no actor to the noun
    assert "RETREAT" in types("The Government of National Accord announced a ceasefire on Friday.")


def test_violence_without_parties_is_still_news() -> None:
    assert "ASSAULT" in types("A car bomb exploded near a crowded market in Baghdad on Thursday.")
