"""Expressions told relative to the story's own time ("later that year", "the following day"), "N units
after X" as a duration, and the tense window that no longer ends at "Mr." or an initial."""

from __future__ import annotations

import pytest

from dragoman.extract.time.timex import find_timexes, guess_tense
from test_time_timex_finder import DCT, only


def values(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_timexes(text, dct=DCT)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The reference is the last date the text named, not the publication date.
        ("The firm was founded in March 2011 and listed later that year.",
         [("March 2011", "2011-03"), ("later that year", "2011")]),
        ("The dam burst on June 3, 2019. Earlier that day, villagers had fled.",
         [("June 3, 2019", "2019-06-03"), ("Earlier that day", "2019-06-03")]),
        ("She was elected in 2016 and resigned the following year.",
         [("2016", "2016"), ("the following year", "2017")]),
        ("The ceasefire began on Aug. 30, 2021; fighting resumed the next day.",
         [("Aug. 30, 2021", "2021-08-30"), ("the next day", "2021-08-31")]),
        ("Rebels took the town on May 2, 2022, after shelling it the previous day.",
         [("May 2, 2022", "2022-05-02"), ("the previous day", "2022-05-01")]),
        ("Sales peaked in the third quarter of 2020; costs rose in that quarter too.",
         [("the third quarter of 2020", "2020-Q3"), ("that quarter", "2020-Q3")]),
        # A coarser reference keeps what is unknown as X.
        ("The mine opened in 1998 and closed on the same day a fire broke out.",
         [("1998", "1998"), ("the same day", "1998-XX-XX")]),
    ],
)
def test_anchored_to_the_last_named_date(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected


def test_without_an_earlier_date_the_publication_date_is_the_reference() -> None:
    assert only("Markets were calm that day.").value == "2024-01-24"
    assert only("Aid arrived the following day.").value == "2024-01-25"


def test_without_any_date_the_reference_stays_unknown() -> None:
    found = find_timexes("Aid arrived the following day.", dct=None)
    assert [(t.text, t.value) for t in found] == [("the following day", "XXXX-XX-XX")]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # "After"/"before" followed by what they relate to are signals: the amount is a duration.
        ("Troops left a month after the vote.", "a month", "P1M"),
        ("The warrants can be used until 90 days after their issue.", "90 days", "P90D"),
        ("He voted two days before the election.", "two days", "P2D"),
    ],
)
def test_amount_before_a_signal_is_a_duration(text: str, span: str, value: str) -> None:
    timex = only(text)
    assert (timex.text, timex.type, timex.value) == (span, "DURATION", value)


def test_amount_closing_a_clause_is_still_a_date() -> None:
    assert [(t.text, t.value) for t in find_timexes("Prices fell; a year earlier they rose.", dct=DCT)] == [
        ("a year earlier", "2023")]


def test_titles_and_initials_do_not_end_the_tense_window() -> None:
    text = "Mr. Ortiz will succeed John P. Kane on Feb. 1, the board said."
    assert guess_tense(text, text.index("Feb.")) == "future"
    # Without the cue the same date in late October would be this year's February, a past one.
    assert find_timexes(text, dct=DCT.replace(month=10, day=26))[0].value == "2025-02-01"


def test_a_quoted_future_does_not_move_the_reporting_day() -> None:
    text = '"We will concentrate on our core business," Mr. Diaz said Friday.'
    assert guess_tense(text, text.index("Friday")) == "present"
    assert [t.value for t in find_timexes(text, dct=DCT)] == ["2024-01-19"]
