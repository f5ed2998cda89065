"""A verb conjoined with a denial is not negated by it."""

from __future__ import annotations

from dragoman.extract import detector_mode
from dragoman.pipeline import code_text


def test_accusation_conjoined_with_a_denial_is_asserted() -> None:
    # the rules' reading: in the default path the detector drops this sentence (p(none) 0.3 or more: a denial
    # reads as a statement), which is the detector's call, not the modality's
    with detector_mode("rules"):
        found = code_text("The vice-president denied the charges and accused the government of a campaign of "
                          "persecution.", published="2024-01-23")
    accuse = [e for e in found if e.type == "ACCUSE"]
    assert accuse and accuse[0].modality == "asserted"


def test_denied_act_is_still_negated() -> None:
    found = code_text("The army denied shelling the village.", published="2024-01-23")
    assert found and all(e.modality == "negated" for e in found if e.type == "ASSAULT")
