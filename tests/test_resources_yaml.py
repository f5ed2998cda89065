"""Shipped YAML is read with a key given twice refused (``dragoman.resources.load_yaml``)."""

from __future__ import annotations

import pytest
import yaml

from dragoman.errors import LexiconError
from dragoman.extract.events.triggers import lexicon_from_yaml
from dragoman.resources import load_yaml


def test_resources_yaml_reads_like_safe_load() -> None:
    text = "verbs:\n  arrest: COERCE 173 arrest\nlist: [a, b]\n"
    assert load_yaml(text) == yaml.safe_load(text)


def test_resources_yaml_a_key_given_twice_is_an_error_naming_it_and_its_line() -> None:
    with pytest.raises(yaml.YAMLError, match=r"'bring' given twice \(first on line 2\)"):
        load_yaml("object_verbs:\n  bring:\n    aid: AID 070\n  rush: {}\n  bring:\n    police: MOBILIZE 153\n")


def test_resources_yaml_an_event_lexicon_with_a_repeated_verb_is_refused() -> None:
    with pytest.raises(LexiconError, match="given twice"):
        lexicon_from_yaml("verbs:\n  arrest: COERCE 173 arrest\n  arrest: COERCE 173 arrest\n")
