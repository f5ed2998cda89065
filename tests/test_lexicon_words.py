"""The open word lists of places and actors are data files read through the lexicon, checked on load."""

from __future__ import annotations

import pytest

from dragoman import lexicon as lx
from dragoman.errors import LexiconError


def test_place_words_load_with_the_state_cues_as_one_table() -> None:
    words = lx.place_words()
    assert "oblast" in words.admin_words
    assert "jordan" in words.common_words  # a town somewhere, a word (and a surname) here
    cues = words.state_cues
    assert "upstate" in cues.before and "governor" in cues.after and "senator" in cues.near


def test_actor_words_load() -> None:
    words = lx.actor_words()
    assert "besiege" in words.place_verbs
    assert "deploy" in words.dispatch_verbs
    assert "ex-" in words.former_words


def test_a_word_yaml_reads_as_no_word_is_refused() -> None:
    with pytest.raises(LexiconError, match="'admin_words'"):
        lx._word_list("place_words.yaml", {"admin_words": ["county", True]}, "admin_words")  # "on", unquoted
    with pytest.raises(LexiconError, match="'admin_words'"):
        lx._word_list("place_words.yaml", {}, "admin_words")


def test_country_place_names_are_the_index_s_not_the_actor_aliases() -> None:
    names = lx.country_place_names()
    assert "the States" in names["USA"] and "DRC" in names["COD"]
    assert "Congo" in names["COG"] and "Congo" in names["COD"]  # as a place, either Congo
    assert lx.countries()[lx.norm("Congo")].iso3 == "COD"  # as an actor, the DRC
    assert "England" not in names.get("GBR", ())  # a part: the actor's GBR, England's own entry as a place
    assert lx.countries()[lx.norm("England")].iso3 == "GBR"
