"""Held-out figures of the classifier: combined (rules gated by the model) against rules-only.

The held-out part is the fixed hash split ``in_heldout`` that ``bench/train_classifier.py`` never trains or
tunes on. Floors: the figures measured on this sample less ``SHARE_TOLERANCE`` (factories.py). Skipped when
../shared/gold is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.evaluate.events import score_events
from factories import assert_not_below, scored_events

pytestmark = pytest.mark.slow


def _cameo_class(gold_dir: Path) -> Path:
    path = gold_dir / "events" / "cameo-class" / "train.tsv"
    if not path.is_file():
        pytest.skip(f"cameo-class gold not found at {path}")
    return path


def test_heldout_combined_floor_and_not_worse_than_rules(gold_dir: Path) -> None:
    path = _cameo_class(gold_dir)
    rules = scored_events(path, format="cameo-class", split="heldout", stride=2, rules_only=True)
    combined = scored_events(path, format="cameo-class", split="heldout", stride=2, use_model=True)
    assert rules["n"] == combined["n"] == 214
    assert_not_below({"accuracy": 0.8224, "macro_f1": 0.8042}, rules)
    # The legacy classifier gate (opt-in; the detector replaced it on the coding path) gains nothing over the rules
    # it gates any more (1 point before partyless noun acts were dropped, events/story.py); the default path, with
    # the detector, reaches 0.836 / 0.818 on this sample.
    assert_not_below({"accuracy": 0.8224, "macro_f1": 0.8042}, combined)
    assert combined["macro_f1"] >= rules["macro_f1"] - 0.01


def test_split_option_partitions_the_set(gold_dir: Path) -> None:
    path = _cameo_class(gold_dir)
    held = score_events(path, format="cameo-class", split="heldout", limit=5)
    assert held["n"] == 5
    with pytest.raises(Exception, match="unknown split"):
        score_events(path, format="cameo-class", split="dev", limit=5)
