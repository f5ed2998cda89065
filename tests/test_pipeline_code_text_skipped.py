"""``code_text`` on a text it does not code says why (issue 10): an empty list means "no events", never "not read"."""

from __future__ import annotations

import pytest

from dragoman import DragomanError, code_text
from dragoman.errors import InputError, NotCodedError

GERMAN = ("Die Polizei hat am Dienstag in Berlin dreißig Demonstranten festgenommen, nachdem es vor dem "
          "Regierungsgebäude zu Zusammenstößen gekommen war. Die Behörden kündigten weitere Ermittlungen an.")


def test_german_text_raises_with_language_and_fix() -> None:
    with pytest.raises(NotCodedError) as caught:
        code_text(GERMAN, source_id="berlin.txt")
    message = str(caught.value)
    assert message.startswith("berlin.txt: not coded, language de")
    assert "English" in message
    assert isinstance(caught.value, InputError) and isinstance(caught.value, DragomanError)
    assert caught.value.status == "skipped"


def test_english_text_without_events_is_an_empty_list() -> None:
    assert code_text("The weather in Nairobi was sunny and warm on Tuesday.", published="2024-01-23") == []
