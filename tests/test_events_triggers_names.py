"""An event word inside a name of several words (a party, a fund, a treaty) reports no event
(``dragoman.extract.events.triggers.in_name``); the same word outside a name, or in a headline's capitals, still
does. The sentences are written for this test and coded by the real pipeline."""

from __future__ import annotations

import pytest

from dragoman.pipeline import code_text

pytestmark = pytest.mark.slow


def types(text: str) -> list[str]:
    return [e.type for e in code_text(text, published="2024-03-06")]


def test_a_party_named_accord_agrees_nothing() -> None:
    assert "AGREE" not in types("The National Unity Accord Party won three seats in Kenya.")


def test_a_fund_named_relief_gives_no_aid() -> None:
    assert "AID" not in types("The Flood Relief Fund opened an office in Dhaka.")


def test_a_treaty_named_in_talks_is_no_agreement() -> None:
    found = types("The North American Free Trade Agreement talks resumed in Washington.")
    assert "AGREE" not in found and "CONSULT" in found


def test_the_word_outside_a_name_still_reports() -> None:
    assert "AGREE" in types("The two sides reached an accord in Nairobi on Monday.")
