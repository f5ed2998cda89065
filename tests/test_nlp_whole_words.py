"""Hyphenated verbs stay one token (``dragoman.nlp.WHOLE_WORDS``), so the parser reads them as verbs."""

from __future__ import annotations

import pytest

from dragoman.nlp import get_nlp
from dragoman.pipeline import code_text

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, word, tag", [
    ("The police lathi-charged the mob in Ahmedabad.", "lathi-charged", "VBD"),
    ("Police had to lathi-charge the protesters.", "lathi-charge", "VB"),
    ("Officers baton-charged the crowd outside parliament.", "baton-charged", "VBD"),
])
def test_nlp_a_hyphenated_verb_is_one_verb(text: str, word: str, tag: str) -> None:
    tokens = {t.text: t for t in get_nlp()(text)}
    assert word in tokens and tokens[word].tag_ == tag


def test_nlp_a_lathi_charge_is_the_polices_force_against_the_crowd() -> None:
    [event] = code_text("The police lathi-charged the mob in Ahmedabad.", published="2002-03-01")
    assert (event.type, event.cameo) == ("ASSAULT", "175")
    assert event.actor is not None and event.actor.text == "The police"
    assert event.recipient is not None and event.recipient.text == "the mob"
