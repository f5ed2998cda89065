"""Dateline variants: place(s), optional country and date, agency, dash or colon."""

from __future__ import annotations

import pytest

from dragoman.clean import clean_text, parse_dateline


@pytest.mark.parametrize(
    ("lead", "dateline", "places", "agency"),
    [
        ("BEIRUT/AMMAN (Reuters) – ", "BEIRUT/AMMAN (Reuters)", ("Beirut", "Amman"), "Reuters"),
        ("WASHINGTON (AP) — ", "WASHINGTON (AP)", ("Washington",), "AP"),
        ("KABUL, March 3 (AFP) - ", "KABUL, March 3 (AFP)", ("Kabul",), "AFP"),
        ("YANGON, Nov. 14 (Reuters) - ", "YANGON, Nov. 14 (Reuters)", ("Yangon",), "Reuters"),
        ("PORT-AU-PRINCE (Reuters) - ", "PORT-AU-PRINCE (Reuters)", ("Port-au-Prince",), "Reuters"),
        ("EL FASHER, Sudan (Reuters) - ", "EL FASHER, Sudan (Reuters)", ("El Fasher", "Sudan"), "Reuters"),
        ("GOMA, Democratic Republic of Congo, Jan 22 (Reuters) - ",
         "GOMA, Democratic Republic of Congo, Jan 22 (Reuters)", ("Goma", "Democratic Republic of Congo"), "Reuters"),
        ("KYIV, Ukraine — ", "KYIV, Ukraine", ("Kyiv", "Ukraine"), None),
        ("NEW DELHI: ", "NEW DELHI", ("New Delhi",), None),
        ("(Reuters) - ", "(Reuters)", (), "Reuters"),
        ("Moscow, SANA- ", "Moscow, SANA", ("Moscow",), "SANA"),
        ("Kuwait City, KUNA - ", "Kuwait City, KUNA", ("Kuwait City",), "KUNA"),
    ],
)
def test_dateline_variants(lead: str, dateline: str, places: tuple[str, ...], agency: str | None) -> None:
    sentence = "Troops shelled rebel positions on Monday, an army spokesman said."
    doc = clean_text("Army shells rebels\n\n" + lead + sentence + "\n\nFive soldiers were killed.")
    assert doc.dateline == dateline
    assert doc.dateline_places == places
    assert doc.agency == agency
    assert doc.body.startswith(sentence)
    assert "dateline" in doc.removed


def test_dateline_on_its_own_line() -> None:
    doc = clean_text("YANGON, Nov. 14 (Reuters) -\n\nThe military deployed troops to Sagaing on Tuesday.")
    assert doc.dateline == "YANGON, Nov. 14 (Reuters)"
    assert doc.body == "The military deployed troops to Sagaing on Tuesday."


@pytest.mark.parametrize(
    "text",
    [
        "The UN said on Monday that aid had arrived.",
        "NATO and the EU met in Brussels on Monday.",
        "US troops withdrew from the base, officials said.",
        "Kabul, the capital, was calm on Monday.",
        "BREAKING: Troops entered the city on Monday.",
        "EXCLUSIVE - Rebels received weapons from abroad, documents show.",
    ],
)
def test_ordinary_sentences_are_not_datelines(text: str) -> None:
    assert parse_dateline(text) is None
    assert clean_text(text).body == text


def test_dateline_after_a_headline_flattened_into_the_first_paragraph() -> None:
    text = ("Pakistan to restore chief justice ousted by Musharraf. ISLAMABAD, Pakistan — Pakistan agreed Monday to "
            "reinstate the chief justice.\n\nLawyers welcomed the move.")
    doc = clean_text(text)
    assert doc.dateline == "ISLAMABAD, Pakistan"
    assert doc.dateline_places == ("Islamabad", "Pakistan")
    # the headline stays (it may state the news), the dateline goes; offsets still point into the original
    assert doc.body.startswith("Pakistan to restore chief justice ousted by Musharraf. Pakistan agreed Monday")
    start = doc.body.index("Pakistan agreed")
    assert text[doc.offsets.to_original(start):].startswith("Pakistan agreed")


def test_an_aside_in_capitals_after_a_first_sentence_is_no_dateline() -> None:
    doc = clean_text("He left the meeting early today. NATO — the alliance — said nothing more.")
    assert doc.dateline is None
    assert "NATO" in doc.body
