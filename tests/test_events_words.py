"""The event rules' word lists are data (lexicon/event_words.yaml), read once; a broken list stops with its fix.
The event code is chosen once, from the trigger's code and the modality evidence."""

from __future__ import annotations

from dataclasses import fields

import pytest

from dragoman import codes
from dragoman.errors import LexiconError
from dragoman.extract.events.coding import choose_code
from dragoman.extract.events.modality import ModalityReading
from dragoman.extract.events.types import Code
from dragoman.extract.events.words import WORDS_PATH, EventWords, event_words, words_from_yaml
from dragoman.model import Modality


def test_every_list_is_read_and_not_empty() -> None:
    words = event_words()
    empty = [f.name for f in fields(EventWords) if not getattr(words, f.name)]
    assert empty == []
    assert "earthquake" in words.non_agents and words.counted_objects["kill"] == "dead"
    assert words.needs_particle["round"] == ("up",)


def test_a_missing_list_names_itself_and_the_file() -> None:
    text = WORDS_PATH.read_text("utf-8").replace("non_agents:", "not_agents:")
    with pytest.raises(LexiconError, match="non_agents") as caught:
        words_from_yaml(text)
    assert str(WORDS_PATH) in str(caught.value)


def test_a_bad_category_names_the_word() -> None:
    text = WORDS_PATH.read_text("utf-8").replace("  kill: dead", "  kill: deceased")
    with pytest.raises(LexiconError, match="'kill'.*'deceased'"):
        words_from_yaml(text)


def test_invalid_yaml_is_a_lexicon_error() -> None:
    with pytest.raises(LexiconError, match="not valid YAML"):
        words_from_yaml("opinion_nouns: [concern\n")


def test_named_cameo_codes_are_codes() -> None:
    named = {k: v for k, v in vars(codes).items() if k.startswith("CAMEO_") and isinstance(v, str)}
    assert len(named) > 30
    assert all(v.isdigit() and 2 <= len(v) <= 4 for v in named.values()), named


def _reading(modality: Modality, *, announced: bool = False, conditional: bool = False,
             denied: bool = False) -> ModalityReading:
    return ModalityReading(modality, announced=announced, conditional_consequence=conditional, denied=denied)


def test_the_code_is_chosen_from_the_modality_evidence() -> None:
    boycott = Code("PROTEST", "143", "boycott")
    aid = Code("AID", "070")
    # announced conflict is a threat; announced cooperation a promise
    assert choose_code(boycott, _reading("future", announced=True))[0].type == "THREATEN"
    assert choose_code(aid, _reading("future")) == (Code("AGREE", "033"), "future")
    # a conditional consequence is an asserted threat; an own refusal an asserted rejection
    assert choose_code(boycott, _reading("hypothetical", conditional=True))[1] == "asserted"
    assert choose_code(aid, _reading("negated")) == (Code("REJECT", "122", "assist"), "asserted")
    # a denial keeps the act, negated; an asserted act is unchanged
    assert choose_code(aid, _reading("negated", denied=True)) == (aid, "negated")
    assert choose_code(boycott, _reading("asserted")) == (boycott, "asserted")
