"""Held-out floors of the event detector (rules, then ``apply_detector``) against rules only.

The held-out part is the fixed hash split ``in_heldout`` (30%) that ``dragoman.learn`` never trains or tunes on;
IndiaPoliceEvents is scored on its dev file (training read sents-train.tsv only). Floors: the figures measured with
the shipped ``detector.json`` less ``SHARE_TOLERANCE`` (factories.py). Skipped when ../shared/gold is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factories import assert_not_below, scored_events

pytestmark = pytest.mark.slow


def _gold(gold_dir: Path, relative: str) -> Path:
    path = gold_dir / "events" / relative
    if not path.is_file():
        pytest.skip(f"gold file not found at {path}")
    return path


def test_cameo_class_heldout_quad_classes(gold_dir: Path) -> None:
    path = _gold(gold_dir, "cameo-class/train.tsv")
    rules = scored_events(path, format="cameo-class", split="heldout", rules_only=True)
    detected = scored_events(path, format="cameo-class", split="heldout", detector=True)
    assert rules["n"] == detected["n"] == 428
    # 0.708 / 0.691 before the quads followed PLOVER's table (REQUEST and SANCTION verbal conflict), sanctions were
    # SANCTION and the scorer read appeals as the set's "statement"
    # 0.799 / 0.785 before the scorer read yielding (CONCEDE: a ban lifted) as material cooperation, as the set does
    assert_not_below({"accuracy": 0.8411, "macro_f1": 0.8277}, rules)  # 0.834 / 0.820 before the twelfth session
    # 0.825 / 0.795 before additions were gated per type (they were right 0.80 of the time here, by quad, but
    # 0.27 on plover-gsr and never on the story gold, by type); 0.769 / 0.746 with the detector trained on CAMEO's
    # grouping, whose rules were 9 points lower; 0.825 / 0.813 at the sixth session's end, when the detector also
    # dropped sentences at p(none) 0.3 (fitted to the training part's "statement" sentences); 0.813 / 0.799 before
    # yielding was material cooperation; 0.855 / 0.840 retrained on the eighth session's rules; 0.860 / 0.845
    # retrained on the ninth's (mentions with their article, concessions' content); 0.855 / 0.840 retrained on the
    # tenth's, whose training part no longer kept SUPPORT additions (5 of 9 right out of fold: too few); 0.853 /
    # 0.838 retrained on the eleventh's (verbal conflict leads its sentence at p >= 0.5, was 0.2); 0.855 / 0.841 on
    # the twelfth's; 0.853 / 0.839 on the fourteenth's; 0.855 / 0.841 on the sixteenth's; 0.862 / 0.848 on the
    # seventeenth's
    assert_not_below({"accuracy": 0.8621, "macro_f1": 0.8476}, detected)
    assert detected["macro_f1"] >= rules["macro_f1"] + 0.01
    # of the rules' events the detector drops, and of the events it adds, the shares that were right to
    # (0.98 / 1.0 with the detector of 9ab2d99's rules; 0.94 / 0.875 retrained at the sixth session's: 7 of 8
    # additions right; 0.94 / 1.0 at the seventh's: 2 of 2; 0.94 / 0.9 with yielding material cooperation: 9 of 10;
    # 0.97 / 1.0 retrained on the eighth session's rules: 58 of 60 drops and 10 of 10 additions right; 0.98 / 0.94
    # retrained on the ninth's, which also adds SUPPORT: 57 of 58 drops and 15 of 16 additions right; 0.94 / 1.0
    # retrained on the thirteenth's, whose model selection takes the smallest C within 0.005 of the best and whose
    # thresholds now drop by a type's probability too (keep_type 0.1): 60 of 64 drops and 2 of 2 additions right;
    # 0.97 / 0.75 retrained on the fourteenth's, whose selection took quad C 0.1: 56 of 58 drops, 3 of 4 additions;
    # 0.95 retrained on the sixteenth's, whose threshold search switched the last addition type (CONCEDE) off:
    # 61 of 64 drops right, no additions; 0.95 retrained on the seventeenth's: 61 of 64 drops right, no additions (a
    # retraining in the middle of that session had turned CONCEDE additions back on: 3 of 3 right); 0.93 / 1.0
    # retrained on the nineteenth's, with CONCEDE additions on again (p >= 0.45): 57 of 61 drops, 3 of 3 additions)
    details = detected["details"]["detector"]
    assert_not_below({"dropped_precision": 0.9344}, details)
    if details["added"]:
        assert_not_below({"added_precision": 0.75}, details)


def test_plover_gsr_heldout_types(gold_dir: Path) -> None:
    path = _gold(gold_dir, "plover-gsr/PLOVER_GSR_CAMEO.txt")
    rules = scored_events(path, format="plover-gsr", split="heldout", rules_only=True)
    detected = scored_events(path, format="plover-gsr", split="heldout", detector=True)
    assert detected["records"] == 92
    # 0.647 before content of a demand or refusal read as done was none; 0.657 before the twelfth session's rules
    assert_not_below({"f1": 0.6733}, rules)
    assert_not_below({"f1": 0.7351}, detected)  # 0.690 before, 0.710 with one addition of a wrong type, 0.714
    assert detected["f1"] >= rules["f1"]


def test_cameo_ner_heldout_actors_not_lower_than_rules(gold_dir: Path) -> None:
    path = _gold(gold_dir, "cameo-ner/train.txt")
    rules = scored_events(path, format="cameo-ner", split="heldout", rules_only=True)
    detected = scored_events(path, format="cameo-ner", split="heldout", detector=True)
    # detected source 0.665 before additions were gated per type: fewer added events, fewer source tokens
    # seventh session: whose plan or offer a noun is, arrests without an arrest verb; detector retrained
    # eighth: the content of a demand, refusal, threat or agreement is no event of its own
    # ninth: a mention's span takes in its article ("The Taliban"), as the set's spans do: default source / target
    # 0.677 / 0.540 -> 0.721 / 0.584; tenth: 0.717 / 0.576 retrained (no SUPPORT additions); twelfth: 0.720 / 0.583
    default = scored_events(path, format="cameo-ner", split="heldout")
    # the default path: the rules, the detector's order and additions, the event check
    measured = {"rules": {"f1": 0.6481, "source_token": 0.7098, "target_token": 0.5845},
                "default": {"f1": 0.653, "source_token": 0.7203, "target_token": 0.5834},
                "detected": {"f1": 0.6585, "source_token": 0.7309, "target_token": 0.5827}}
    for name, scores in (("rules", rules), ("default", default), ("detected", detected)):
        assert_not_below(measured[name], {"f1": scores["f1"], "source_token": scores["source"]["token"]["f1"],
                                          "target_token": scores["target"]["token"]["f1"]})
    # (its drops cost the rules a point when it learnt cameo-class's "statement" sentences as no event: appeals too)
    assert detected["f1"] >= rules["f1"]
    assert detected["source"]["token"]["f1"] >= rules["source"]["token"]["f1"] - 0.005
    assert detected["target"]["token"]["f1"] >= rules["target"]["token"]["f1"] - 0.01


def test_ipe_dev_sentences(gold_dir: Path) -> None:
    path = _gold(gold_dir, "india-police-events/sents-dev.tsv")
    detected = scored_events(path, format="ipe", detector=True)
    assert detected["units"] == 3172
    assert_not_below({"f1": 0.8}, detected)  # 0.786 before arrests told without an arrest verb
