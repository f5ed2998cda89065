"""An event noun that a clause proposes, plans or weighs is not done (``modality._proposed``): "a bill proposing
sanctions" is future, "weighing sanctions" hypothetical; "held talks" stays asserted. The sentences are written
for this test and coded by the real pipeline."""

from __future__ import annotations

import pytest

from dragoman.pipeline import code_text

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, modality", [
    ("Senators introduced a bill proposing sanctions on Russia.", "future"),
    ("Russia plans an offensive in the east.", "future"),
    ("The EU is weighing sanctions on Iran.", "hypothetical"),
    ("Kenya held talks with Uganda on Monday.", "asserted"),
])
def test_the_modality_of_a_proposed_event(text: str, modality: str) -> None:
    events = code_text(text, published="2024-03-06")
    assert events and [e.modality for e in events] == [modality] * len(events), [(e.type, e.modality) for e in events]
