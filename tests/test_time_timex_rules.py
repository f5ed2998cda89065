"""Rules added after the error analysis: clock times with their day and zone, quarters and months with a
relative or stated year, holidays by tense, "the day", decades in short form, and the keyed search."""

from __future__ import annotations

import pytest

from dragoman.extract.time.timex import find_timexes, guess_tense
from test_time_timex_finder import DCT, only


@pytest.mark.parametrize(
    ("text", "span", "type_", "value"),
    [
        # A clock time takes the day named after it, and UTC/GMT as "Z".
        ("Gunmen stormed the hotel at 10 p.m. Monday, police said.", "10 p.m. Monday", "TIME", "2024-01-22T22:00"),
        ("Talks broke off at noon Tuesday.", "noon Tuesday", "TIME", "2024-01-23T12:00"),
        ("The offer expires at midnight Friday.", "midnight Friday", "TIME", "2024-01-19T24:00"),
        ("The ultimatum runs until 5 p.m. EST Feb. 2.", "5 p.m. EST Feb. 2", "TIME", "2024-02-02T17:00"),
        ("The blast happened at 14:30 UTC.", "14:30 UTC", "TIME", "2024-01-24T14:30Z"),
        ("Troops crossed at 0800 GMT yesterday.", "0800 GMT yesterday", "TIME", "2024-01-23T08:00Z"),
        # Quarters and halves with their year stated or relative.
        ("In the first quarter of last year the firm lost $2 million.", "the first quarter of last year", "DATE",
         "2023-Q1"),
        ("Sales for this year's third quarter were flat.", "this year's third quarter", "DATE", "2024-Q3"),
        ("The plant may open in next year's first quarter.", "next year's first quarter", "DATE", "2025-Q1"),
        ("In the 2022 third quarter, it posted a loss.", "the 2022 third quarter", "DATE", "2022-Q3"),
        ("For the final quarter of 2019, profit rose.", "the final quarter of 2019", "DATE", "2019-Q4"),
        ("Exports fell in the second half of 2021.", "the second half of 2021", "DATE", "2021-H2"),
        # A month with a relative year.
        ("The rebels took the town in July last year.", "July last year", "DATE", "2023-07"),
        ("The vote was held in February this year.", "February this year", "DATE", "2024-02"),
        ("The contract lapses after October of next year.", "October of next year", "DATE", "2025-10"),
        # "The day" of a market or battle report is the reported day.
        ("The index fell 3% to end the day at 7,114.", "the day", "DATE", "2024-01-24"),
        ("Shelling resumed later in the day.", "the day", "DATE", "2024-01-24"),
        # The year of the dct named as a whole.
        ("The company expects a loss for the full year.", "the full year", "DATE", "2024"),
        # "Recent" alone refers to the past.
        ("Aid groups blamed the recent fighting.", "recent", "DATE", "PAST_REF"),
        # Short decades and years.
        ("Detroit built boxy cars in the '70s.", "the '70s", "DATE", "197"),
        ("The Nikkei is at its lowest level since '82.", "'82", "DATE", "1982"),
    ],
)
def test_new_rules_span_type_value(text: str, span: str, type_: str, value: str) -> None:
    timex = only(text)
    assert (timex.text, timex.type, timex.value) == (span, type_, value)


def test_two_short_decades_in_a_row() -> None:
    found = find_timexes("Fashion of the 70s and 80s came back.", dct=DCT)
    assert [(t.text, t.value) for t in found] == [("the 70s", "197"), ("80s", "198")]


def test_ages_scores_and_years_before_units_are_not_times() -> None:
    assert find_timexes("A man in his 70s was hurt; the team scored 50s.", dct=DCT) == []
    # "the 2022 second quarter" is one quarter, never a duration of 2022 seconds.
    assert [t.value for t in find_timexes("It lost money in the 2022 second quarter.", dct=DCT)] == ["2022-Q2"]


def test_thanksgiving_year_follows_tense() -> None:
    # In January, a Thanksgiving told in the past is last November's; an announced one is this year's.
    assert only("The boy was found on Thanksgiving Day.").value == "2023-11-23"
    assert only("The troops will be home by Thanksgiving.").value == "2024-11-28"


def test_a_line_break_ends_the_tense_window() -> None:
    # A title line with a future cue must not make the next line's weekday future.
    text = "Fiat plans to buy a stake in Chrysler\nFiat announced the plan on Friday."
    assert guess_tense(text, text.index("Friday")) == "present"
    assert find_timexes(text, dct=DCT)[0].value == "2024-01-19"


def test_as_early_as_points_forward() -> None:
    assert only("The father could arrive as early as Tuesday.").value == "2024-01-30"


def test_keyed_search_finds_what_a_full_scan_finds() -> None:
    # Rules tried only near their key word must still find matches at the text's edges and side by side.
    text = "2019 ended. Last year, three years ago and the third quarter of 2021; in March 2020 and May 2021"
    found = find_timexes(text, dct=DCT)
    assert [t.text for t in found] == ["2019", "Last year", "three years ago", "the third quarter of 2021",
                                       "March 2020", "May 2021"]
    assert [t.value for t in found] == ["2019", "2023", "2021", "2021-Q3", "2020-03", "2021-05"]


@pytest.mark.parametrize("text", ["The offensive has killed more than 1600 civilians.",
                                  "At least 2000 people fled the town.", "Some 1500 troops were deployed.",
                                  "The army sent 1800 soldiers to the border."])
def test_a_count_of_people_is_no_year(text: str) -> None:
    assert [t.value for t in find_timexes(text, dct=DCT)] == []


def test_a_year_before_a_plural_noun_stays_a_year() -> None:
    assert [t.value for t in find_timexes("The 2016 elections were disputed.", dct=DCT)] == ["2016"]
