"""The reference date: the stated one, else a publication date stated in the text (only a full date counts,
never a guess), else none."""

from __future__ import annotations

import pytest

from dragoman.errors import DateError
from dragoman.extract.time.dates import published_from_text, reference_date
from dragoman.model import Article, CleanDoc, OffsetMap


def clean(body: str, *, dateline: str | None = None) -> CleanDoc:
    return CleanDoc(body=body, offsets=OffsetMap.identity(len(body)), dateline=dateline)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Published 3 March 2024\n\nRebels attacked the town of Sake on Monday.", "2024-03-03"),
        ("Updated: Jan. 5, 2024 10:42 GMT\n\nThe talks collapsed.", "2024-01-05"),
        ("Posted on Monday, 22 January 2024\n\nPolice arrested ten protesters.", "2024-01-22"),
        ("KABUL, March 3, 2024 (AFP) - A blast killed four people.", "2024-03-03"),
        ("Sudan talks stall\nFebruary 14, 2023\n\nNegotiators left Jeddah without a deal.", "2023-02-14"),
        ("The ceasefire held overnight.\n\nFirst published on 2024-02-01.", "2024-02-01"),
    ],
)
def test_full_dates_stated_in_text(body: str, expected: str) -> None:
    assert published_from_text(clean(body)) == expected


def test_dateline_field_with_full_date() -> None:
    assert published_from_text(clean("A blast killed four.", dateline="KABUL, March 3, 2024")) == "2024-03-03"


@pytest.mark.parametrize(
    "body",
    [
        "KABUL, March 3 (AFP) - A blast killed four people.",  # no year: not a full date
        "Rebels attacked the town on Monday, officials said.",
        "The accord signed on March 3, 2019 in the capital is in danger, the minister warned on Monday. " * 3,
    ],
)
def test_no_full_publication_date_gives_none(body: str) -> None:
    assert published_from_text(clean(body)) is None


def _article(published: str | None) -> Article:
    return Article(doc_id="d", source_id="d.txt", format="text", original="", published=published)


def test_reference_date_prefers_the_stated_date_then_the_text_then_none() -> None:
    stated_in_text = clean("KABUL, March 3, 2024 (AFP) - A blast killed four people.")
    assert reference_date(_article("2024-06-01"), stated_in_text) == "2024-06-01"
    assert reference_date(_article(None), stated_in_text) == "2024-03-03"
    assert reference_date(_article(None), clean("A blast killed four people on Monday.")) is None


def test_reference_date_refuses_a_stated_value_that_is_no_date() -> None:
    with pytest.raises(DateError, match="not an ISO date"):
        reference_date(_article("yesterday"), clean("A blast killed four people."))
