"""The model-free finder and normaliser of temporal expressions."""

from __future__ import annotations

import datetime as dt

import pytest

from dragoman.extract.time.timex import Timex, find_timexes

DCT = dt.date(2024, 1, 24)  # a Wednesday


def only(text: str, *, dct: dt.date | None = DCT) -> Timex:
    found = find_timexes(text, dct=dct)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "span", "type_", "value"),
    [
        ("Rebels attacked the town on Monday.", "Monday", "DATE", "2024-01-22"),
        ("The minister will travel to Cairo on Sunday.", "Sunday", "DATE", "2024-01-28"),
        ("Shares fell this week.", "this week", "DATE", "2024-W04"),
        ("Exports fell last month.", "last month", "DATE", "2023-12"),
        ("The truce collapsed in 2019.", "2019", "DATE", "2019"),
        ("The accord was signed on March 3, 2019.", "March 3, 2019", "DATE", "2019-03-03"),
        ("The accord was signed on 3 March 2019.", "3 March 2019", "DATE", "2019-03-03"),
        ("Talks resumed on Jan. 5 in Geneva.", "Jan. 5", "DATE", "2024-01-05"),
        ("Output grew in the third quarter.", "the third quarter", "DATE", "2023-Q3"),
        ("Prices rose two days ago.", "two days ago", "DATE", "2024-01-22"),
        ("The court ruled yesterday.", "yesterday", "DATE", "2024-01-23"),
        ("Fighting has gone on since early March.", "early March", "DATE", "2024-03"),
        ("The army must withdraw by the end of the month.", "the end of the month", "DATE", "2024-01"),
        ("The siege lasted at least 72 hours.", "at least 72 hours", "DURATION", "PT72H"),
        ("The flight took 5 1/2 hours.", "5 1/2 hours", "DURATION", "PT5H30M"),
        ("Convoys cross the border daily.", "daily", "SET", "P1D"),
        ("The vote closes at 10 p.m. local time.", "10 p.m.", "TIME", "2024-01-24T22:00"),
        ("The rally began this morning.", "this morning", "TIME", "2024-01-24TMO"),
        ("Insurgency grew in the 1990s.", "the 1990s", "DATE", "199"),
        ("Prices are high now.", "now", "DATE", "PRESENT_REF"),
    ],
)
def test_expression_span_type_value(text: str, span: str, type_: str, value: str) -> None:
    timex = only(text)
    assert (timex.text, timex.type, timex.value) == (span, type_, value)
    assert text[timex.start: timex.end] == span


def test_without_dct_relative_values_keep_placeholders() -> None:
    assert only("Rebels attacked on Monday.", dct=None).value == "XXXX-XX-XX"
    assert only("Exports fell last month.", dct=None).value == "XXXX-XX"
    assert only("The accord was signed on March 3, 2019.", dct=None).value == "2019-03-03"


def test_month_day_year_choice_follows_tense() -> None:
    assert only("The deal was signed on Dec. 20.").value == "2023-12-20"
    assert only("Elections will be held on Nov. 5.").value == "2024-11-05"


def test_numbers_and_words_that_are_not_times() -> None:
    assert find_timexes("About 2,000 troops and 1,500 police were deployed.", dct=DCT) == []
    assert find_timexes("Turnout rose to 2019 voters, or 45 percent.", dct=DCT)[0].value == "2019"
    assert find_timexes("The 6-year-old girl was rescued. It may rain.", dct=DCT) == []


def test_spans_never_overlap_and_are_ordered() -> None:
    found = find_timexes("On Monday, Jan. 22, 2024, at 9 a.m., troops moved; last week they waited.", dct=DCT)
    ends = [t.end for t in found]
    starts = [t.start for t in found]
    assert starts == sorted(starts)
    assert all(e <= s for e, s in zip(ends, starts[1:]))
    assert found[0].value == "2024-01-22"


def test_explicit_tense_callback_overrides_the_guess() -> None:
    text = "Leaders meet on Friday."
    assert find_timexes(text, dct=DCT, tense_at=lambda s, e: "future")[0].value == "2024-01-26"
    assert find_timexes(text, dct=DCT, tense_at=lambda s, e: "past")[0].value == "2024-01-19"
