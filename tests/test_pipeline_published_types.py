"""The Python API takes a publication date as a date, a datetime or an ISO string (issue: a date raised TypeError)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import dragoman
from dragoman.errors import InputError
from dragoman.ingest.text import published_date
from dragoman.pipeline import code_files

TEXT = "Kenyan police arrested 30 protesters in Nairobi on Tuesday, a police spokesman said."


@pytest.mark.parametrize("value", [dt.date(2024, 6, 26), dt.datetime(2024, 6, 26, 10, 30), "2024-06-26",
                                   "2024-06-26T10:30:00Z", " 2024-06-26 "])
def test_published_date_accepts_dates_datetimes_and_iso_strings(value: object) -> None:
    assert published_date(value) == "2024-06-26"  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["26/06/2024", "2024-06-26garbage", "2024-02-30", 20240626, 2024.5])
def test_published_date_refuses_what_is_no_date(value: object) -> None:
    with pytest.raises(InputError, match="not a date"):
        published_date(value)  # type: ignore[arg-type]


def test_code_text_takes_a_date_object() -> None:
    by_date = dragoman.code_text(TEXT, published=dt.date(2024, 6, 26))
    by_string = dragoman.code_text(TEXT, published="2024-06-26")
    assert by_date and [e.when.date for e in by_date] == [e.when.date for e in by_string] == ["2024-06-25"]


def test_code_files_refuses_a_bad_date_before_touching_the_store(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(TEXT + "\n", encoding="utf-8")
    with pytest.raises(InputError):
        code_files([tmp_path / "story.txt"], db=tmp_path / "x.db", published="yesterday")
    assert not (tmp_path / "x.db").exists()
