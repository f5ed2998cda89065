"""An event noun whose happening a governor qualifies takes the governor's modality (``modality._occurrence``):
"a summit is unlikely to take place" is hypothetical, "talks are expected to resume" future; "took place" stays
asserted. The sentences are written for this test and coded by the real pipeline."""

from __future__ import annotations

import pytest

from dragoman.pipeline import code_text

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, modality", [
    ("A summit between Israel and Egypt is unlikely to take place this year.", "hypothetical"),
    ("Talks between Israel and Egypt are expected to resume next week.", "future"),
    ("A summit between Israel and Egypt is likely to be held in Cairo.", "future"),
    ("A summit between Israel and Egypt took place in Cairo on Monday.", "asserted"),
    ("Talks between Israel and Egypt failed to produce a deal on Monday.", "asserted"),
])
def test_the_modality_of_an_event_noun_that_may_occur(text: str, modality: str) -> None:
    events = [e for e in code_text(text, published="2024-03-06") if e.type == "CONSULT"]
    assert events and {e.modality for e in events} == {modality}, [(e.type, e.modality) for e in events]
