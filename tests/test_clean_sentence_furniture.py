"""Furniture inside a prose line is cut at its sentence, never with the paragraph around it.

A JSONL body or a .txt without breaks is one line holding the whole story: a trailing credit, a
pasted caption or a dateline in it must cost only their own characters, with exact offsets.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from dragoman.clean import clean_article, clean_text
from dragoman.ingest import iter_inputs
from dragoman.model import Article, CleanDoc

STORY = [
    "Flood water cut the main road between Tamale and Bolgatanga on Sunday, stranding hundreds of trucks.",
    "The regional coordinator said three bridges had been washed away overnight.",
    '"We have asked the army to help move families to higher ground," she told reporters.',
    "Aid agencies warned that food prices in the northern markets could double within a week.",
]


def _line(*pieces: str) -> str:
    return " ".join(pieces)


def _assert_exact(doc: CleanDoc, original: str) -> None:
    """Every body character is the original character at its mapped offset (spaces map to spaces)."""
    for i, ch in enumerate(doc.body):
        o = doc.offsets.to_original(i)
        assert original[o] == ch or (ch.isspace() and original[o].isspace()), (i, ch, original[o])


def _assert_story(doc: CleanDoc, original: str) -> None:
    assert doc.body == " ".join(STORY)
    _assert_exact(doc, original)


@pytest.mark.parametrize(
    "credit",
    [
        "Kofi Mensah in Accra contributed to this report.",
        "Associated Press writers Ama Owusu in Tamale and Kwame Boateng in Accra contributed to this report.",
        "Reporting by Ama Owusu; Editing by Kwame Boateng",
        "(Reporting by Ama Owusu in Tamale; Additional reporting by Kofi Mensah; Editing by Jane Field)",
        "Kofi Mensah contributed reporting.",
    ],
)
def test_trailing_credit_costs_only_its_sentence(credit: str) -> None:
    original = _line(*STORY, credit)
    doc = clean_text(original)
    _assert_story(doc, original)
    assert "credit" in doc.removed


@pytest.mark.parametrize(
    "caption",
    [
        "FILE PHOTO: Trucks wait on a flooded road near Tamale, Ghana, Aug. 3, 2023. REUTERS/Ama Owusu/File Photo",
        "Residents wade through flood water in Tamale on Sunday. REUTERS/Staff",
        "A family carries belongings along a flooded street. (AP Photo/Kofi Mensah)",
        "Photo: Soldiers help residents onto a truck in the flooded town.",
        "Flood water surrounds a school on Sunday. Photograph: Ama Owusu/AFP/Getty Images",
    ],
)
def test_caption_between_story_sentences_costs_only_the_caption(caption: str) -> None:
    original = _line("ACCRA (Reuters) -", STORY[0], STORY[1], caption, STORY[2], STORY[3],
                     "Ama Owusu in Tamale contributed to this report.")
    doc = clean_text(original)
    _assert_story(doc, original)
    assert doc.dateline == "ACCRA (Reuters)" and doc.agency == "Reuters" and doc.dateline_places == ("Accra",)
    assert {"caption", "credit", "dateline"} <= set(doc.removed)


def test_photo_credit_that_runs_into_the_next_sentence_leaves_that_sentence_whole() -> None:
    # No full stop after the photographer's name: the next story sentence starts right after it.
    original = _line(STORY[0], "Trucks queue at the bridge. REUTERS/Kofi Mensah", *STORY[1:])
    doc = clean_text(original)
    _assert_story(doc, original)


def test_byline_running_into_the_dateline_goes_with_it() -> None:
    original = _line("By AMA OWUSU and KOFI MENSAH, Associated Press TAMALE, Ghana (AP) —", *STORY)
    doc = clean_text(original)
    _assert_story(doc, original)
    assert doc.dateline == "TAMALE, Ghana (AP)" and doc.dateline_places == ("Tamale", "Ghana")
    assert {"byline", "dateline"} <= set(doc.removed)


def test_credit_glued_to_an_unfinished_last_line_is_cut() -> None:
    # Flattening joined "For updates visit the council website at" (its link dropped) and the credit.
    original = _line(*STORY, "For updates visit the council website at Reporting by Ama Owusu; Editing by Jane Field")
    doc = clean_text(original)
    assert doc.body == " ".join([*STORY, "For updates visit the council website at"])
    _assert_exact(doc, original)


def test_two_sentence_paragraph_keeps_its_story_sentence() -> None:
    original = "\n\n".join([STORY[0], STORY[1] + " Kofi Mensah in Tamale contributed to this report.", STORY[2]])
    doc = clean_text(original)
    assert doc.body == "\n\n".join(STORY[:3])
    _assert_exact(doc, original)


@pytest.mark.parametrize(
    "sentence",
    [
        "Research by the University of Ghana showed that the river rose faster than in any year on record.",
        "Engineers from three ministries contributed to the report on the collapsed bridges.",
        "A Reuters/Ipsos poll taken last month showed most residents wanted new flood defences.",
        "Written by the regional minister, the letter asked the capital for emergency funds.",
        "Photographs taken by residents showed water reaching the roofs of houses.",
    ],
)
def test_story_sentences_shaped_like_furniture_are_kept(sentence: str) -> None:
    for original in (_line(STORY[0], sentence, STORY[1]), _line(STORY[0], STORY[1], sentence), sentence):
        assert sentence in clean_text(original).body, original


def test_caption_line_ended_by_a_photo_credit_goes_whole() -> None:
    caption = ("Residents wade through flood water in Tamale on Sunday. The river burst its banks after three "
               "days of rain. REUTERS/Ama Owusu")
    original = "\n\n".join([STORY[0], caption, *STORY[1:]])
    doc = clean_text(original)
    assert doc.body == "\n\n".join(STORY)
    assert "caption" in doc.removed


def test_one_line_jsonl_body_with_a_credit_is_read_and_cleaned(tmp_path: Path) -> None:
    record = {"id": "wire-1", "title": "Floods cut northern road",
              "text": _line("TAMALE, Ghana (AP) —", *STORY, "Kofi Mensah in Accra contributed to this report.")}
    (tmp_path / "wire.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    article = next(iter(iter_inputs([tmp_path / "wire.jsonl"])))
    assert isinstance(article, Article)
    doc = clean_article(article)
    assert doc.body == " ".join(STORY)
    _assert_exact(doc, article.original)


def test_empty_body_from_prose_is_logged_as_a_bug(caplog: pytest.LogCaptureFixture) -> None:
    # Two caption lines and nothing else: every line is furniture, yet the input holds sentences of prose.
    original = ("Photo: Soldiers help residents onto a truck in the flooded town of Tamale.\n\n"
                "Photo: Flood water surrounds a school near the river on Sunday morning.\n")
    with caplog.at_level(logging.WARNING, logger="dragoman"):
        doc = clean_text(original, source="captions.txt")
    assert doc.body == ""
    message = " ".join(r.getMessage() for r in caplog.records)
    assert "captions.txt" in message and "caption" in message and "2 sentences of prose" in message


def test_empty_body_from_menu_lines_is_not_logged(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="dragoman"):
        doc = clean_text("Share this article\n\nBack to top\n\nAdvertisement\n")
    assert doc.body == ""
    assert not caplog.records


def test_credit_glued_to_a_story_without_full_stops_is_cut() -> None:
    # A .txt whose one unfinished sentence runs straight into the credit.
    original = ("Flood water cut the main road between Tamale and Bolgatanga on Sunday stranding hundreds of "
                "trucks Reporting by Ama Owusu; Editing by Jane Field")
    doc = clean_text(original)
    assert doc.body == original[: original.index(" Reporting by")]
    _assert_exact(doc, original)
