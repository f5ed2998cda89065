"""Reporting periods and vague references: "the year ended", "for the year", "by year-end", "the near term",
and weekdays that recur ("every Thursday", "on Mondays")."""

from __future__ import annotations

import pytest

from dragoman.extract.time.timex import find_timexes
from test_time_timex_finder import DCT


@pytest.mark.parametrize(
    ("text", "span", "type_", "value"),
    [
        # A fiscal year ended on some day is a twelve-month period.
        ("Net income for the year ended March 31 rose 4%.", "the year", "DURATION", "P1Y"),
        ("Revenue for the fiscal year ending June 30 fell.", "the fiscal year", "DURATION", "P1Y"),
        # "For the year", "of the year" name the year of the report.
        ("The stock hit a high for the year in June.", "the year", "DATE", "2024"),
        ("Sales fell in the first nine months of the year.", "the year", "DATE", "2024"),
        # Year-end after a preposition; "since year-end" is the last one gone by.
        ("The deal should close by year-end.", "year-end", "DATE", "2024-12-31"),
        ("The index is up 8% since year-end.", "year-end", "DATE", "2023-12-31"),
        # Vague references to the present and the future.
        ("Prices will stay high in the near term.", "the near term", "DATE", "FUTURE_REF"),
        ("The plant is closed for the time being.", "the time being", "DATE", "PRESENT_REF"),
        ("The reform pays off over the long term.", "the long term", "DATE", "FUTURE_REF"),
        # A weekday that recurs is a set.
        ("A ferry leaves every Thursday.", "every Thursday", "SET", "XXXX-WXX-4"),
        ("The market opens on Mondays.", "Mondays", "SET", "XXXX-WXX-1"),
        ("Flights depart each Friday night.", "each Friday night", "SET", "XXXX-WXX-5TNI"),
    ],
)
def test_period_span_type_value(text: str, span: str, type_: str, value: str) -> None:
    # Other expressions in the sentence ("March 31") are found too; the period is the one under test.
    found = [t for t in find_timexes(text, dct=DCT) if t.text == span]
    assert [(t.type, t.value) for t in found] == [(type_, value)]


def test_bare_year_and_year_end_adjective_are_not_times() -> None:
    # "The year" with no preposition, and "year-end" qualifying a noun, stay unmarked.
    assert find_timexes("The year was hard; year-end bonuses were cut.", dct=DCT) == []


def test_the_year_before_a_clause_is_not_the_report_year() -> None:
    assert find_timexes("It was in the year that the war ended.", dct=DCT) == []
