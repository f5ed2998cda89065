"""Event dates from the real spaCy parse: tense, week/month expressions, explicit and relative dates."""

from __future__ import annotations

import pytest

from dragoman.extract.time.dates import DateResolver
from dragoman.model import When
from dragoman.nlp import parse_one

PUBLISHED = "2024-01-24"  # a Wednesday


def when_of(text: str, trigger: str, *, published: str | None = PUBLISHED) -> When:
    doc = parse_one(text)
    token = next(t for t in doc if t.text == trigger)
    return DateResolver(doc, published=published).when(token)


def test_past_tense_weekday_is_the_one_before_publication() -> None:
    when = when_of("M23 rebels shelled the town of Sake on Monday, killing five soldiers.", "shelled")
    assert (when.date, when.precision, when.text) == ("2024-01-22", "day", "on Monday")


def test_future_tense_weekday_is_the_next_one() -> None:
    when = when_of("The foreign minister will travel to Cairo on Sunday for talks on the ceasefire.", "travel")
    assert (when.date, when.precision, when.text) == ("2024-01-28", "day", "on Sunday")


def test_expected_to_points_forward() -> None:
    when = when_of("Envoys are expected to meet in Doha on Friday.", "meet")
    assert when.date == "2024-01-26"


def test_present_tense_headline_weekday_reads_as_past() -> None:
    when = when_of("Police arrest 40 protesters in Nairobi on Tuesday", "arrest")
    assert when.date == "2024-01-23"


def test_each_event_takes_its_own_expression() -> None:
    text = "Rebels attacked the base on Monday, an army spokesman said on Tuesday."
    assert when_of(text, "attacked").date == "2024-01-22"
    assert when_of(text, "said").date == "2024-01-23"


def test_this_week_is_the_iso_week_monday() -> None:
    when = when_of("Troops were deployed to the border this week.", "deployed")
    assert (when.date, when.precision, when.text) == ("2024-01-22", "week", "this week")


def test_last_month_is_the_first_of_the_month() -> None:
    when = when_of("Protesters blocked the main road last month.", "blocked")
    assert (when.date, when.precision, when.text) == ("2023-12-01", "month", "last month")


def test_since_early_march_and_end_of_month() -> None:
    since = when_of("Fighting has displaced thousands since early March.", "displaced")
    # told in the present perfect (a past) on January 24: last year's March, not one still to come
    assert (since.date, since.precision, since.text) == ("2023-03-01", "month", "since early March")
    by = when_of("The army promised to withdraw by the end of the month.", "withdraw")
    assert (by.date, by.precision) == ("2024-01-01", "month")
    assert by.text is not None and "end of the month" in by.text


def test_explicit_date_without_year_takes_the_publication_year() -> None:
    when = when_of("The two leaders signed the accord on Jan. 5 in Addis Ababa.", "signed")
    assert (when.date, when.precision, when.text) == ("2024-01-05", "day", "on Jan. 5")


def test_past_date_after_publication_day_is_last_year() -> None:
    when = when_of("Soldiers opened fire on demonstrators on Dec. 12.", "opened")
    assert when.date == "2023-12-12"


def test_explicit_date_with_year() -> None:
    when = when_of("Government forces recaptured the city on March 3, 2019.", "recaptured")
    assert (when.date, when.precision) == ("2019-03-03", "day")


def test_year_alone_has_year_precision() -> None:
    when = when_of("The militia seized the mines in 2019.", "seized")
    assert (when.date, when.precision, when.text) == ("2019-01-01", "year", "in 2019")


@pytest.mark.parametrize(
    ("text", "trigger", "date", "precision"),
    [
        ("Gunmen kidnapped three aid workers yesterday.", "kidnapped", "2024-01-23", "day"),
        ("The government expelled the ambassador last year.", "expelled", "2023-01-01", "year"),
        ("Police detained the journalist two days ago.", "detained", "2024-01-22", "day"),
        ("The junta suspended the constitution earlier this month.", "suspended", "2024-01-01", "month"),
    ],
)
def test_relative_expressions(text: str, trigger: str, date: str, precision: str) -> None:
    when = when_of(text, trigger)
    assert (when.date, when.precision) == (date, precision)


def test_that_day_takes_the_date_the_story_named() -> None:
    when = when_of("The dam burst on June 3, 2019. Later that day, troops evacuated the town.", "evacuated")
    assert (when.date, when.precision, when.text) == ("2019-06-03", "day", "Later that day")


def test_that_day_after_a_year_keeps_the_year() -> None:
    when = when_of("The rebels entered Goma in 2012 and looted the bank the same day.", "looted")
    assert (when.date, when.precision) == ("2012-01-01", "year")


def test_no_expression_takes_the_publication_date_with_precision() -> None:
    when = when_of("Security forces fired tear gas at the crowd.", "fired")
    assert when == When(date=PUBLISHED, precision="day", text=None, start=None, end=None)


def test_unknown_publication_date_is_never_guessed() -> None:
    assert when_of("Security forces fired tear gas at the crowd.", "fired", published=None) == When()
    relative = when_of("Rebels attacked the base on Monday.", "attacked", published=None)
    assert (relative.date, relative.precision, relative.text) == (None, None, "on Monday")


def test_absolute_date_resolves_without_publication_date() -> None:
    when = when_of("Government forces recaptured the city on March 3, 2019.", "recaptured", published=None)
    assert when.date == "2019-03-03"


def test_offsets_point_at_the_expression() -> None:
    text = "Rebels attacked the base on Monday."
    when = when_of(text, "attacked")
    assert when.start is not None and when.end is not None
    assert text[when.start: when.end] == "on Monday"


def test_a_day_without_year_takes_the_year_the_story_states_when_there_is_no_publication_date() -> None:
    from dragoman.pipeline import code_text

    text = ("On March 21, 2018, the cabinet proposed bills. On March 22, the parliament refused to consider said "
            "bills.")
    (event,) = [e for e in code_text(text) if e.type == "REJECT"]
    assert (event.when.date, event.when.precision, event.modality) == ("2018-03-22", "day", "asserted")


def test_a_rankings_window_is_not_the_events_date() -> None:
    # "since 2019" says over what period the visit is the first, not when it happened
    assert when_of("Shoigu's visit to Vietnam is his first since 2019.", "visit").date == PUBLISHED
    assert when_of("The deadliest attack since 2015 hit the market on Monday.", "attack").date == "2024-01-22"
    # a plain "since" still dates what began then
    assert when_of("Fighting has raged in the region since 2019.", "Fighting").date == "2019-01-01"


def test_a_relative_clause_on_another_noun_does_not_date_the_event() -> None:
    urged = when_of("Washington urged the government to restore internet access in the region, which has been cut "
                    "since August.", "urged")
    assert urged.date == PUBLISHED and urged.text is None
    # on the event noun's own phrase it does: the protests are what ignited the conflict
    protests = when_of("The town was the main centre of street protests that ignited the conflict in March 2011.",
                       "protests")
    assert protests.date is not None and protests.date.startswith("2011")


def test_a_lead_s_month_and_day_take_the_year_of_the_story_s_latest_date() -> None:
    text = ("Rebels attacked the base on March 30. In May 2017 the same group had seized the town. "
            "On March 28, 2018, the army sent reinforcements.")
    assert when_of(text, "attacked", published=None).date == "2018-03-30"
    # after a date stated with its year, the nearest one before it still gives the year
    later = "On March 21, 2018, the committee met. On March 22, the parliament refused."
    assert when_of(later, "refused", published=None).date == "2018-03-22"


def test_a_date_inside_what_someone_recalled_does_not_date_the_meeting() -> None:
    text = ("Meeting the speaker, the envoy praised the ties between the two countries, recalling that Morocco "
            "recognised the United States in 1777.")
    assert when_of(text, "Meeting").date == PUBLISHED


def test_the_year_of_what_came_before_does_not_date_the_act() -> None:
    # the vote is this story's; the law, passed last year, is only what it followed
    text = "The opposition boycotted the vote, after a new election law was passed last year to allow it."
    assert when_of(text, "boycotted").date == PUBLISHED


def test_the_day_of_what_came_just_before_dates_the_act() -> None:
    text = "Police arrested the driver after his car was found abandoned near the border on Monday."
    assert when_of(text, "arrested").date == "2024-01-22"


def test_the_day_of_what_came_after_does_not_date_the_act() -> None:
    text = "The minister resigned before the parliament met on Monday to debate the budget."
    assert when_of(text, "resigned").date == PUBLISHED


@pytest.mark.parametrize("text, trigger", [
    ("Security forces arrested dozens of opposition supporters ahead of Monday's vote.", "arrested"),
    ("The minister resigned before Monday's cabinet meeting.", "resigned"),
])
def test_the_day_of_what_came_after_a_phrase_tells_does_not_date_the_act(text: str, trigger: str) -> None:
    assert when_of(text, trigger).date == PUBLISHED


def test_a_day_of_the_act_s_own_beside_what_came_after_still_dates_it() -> None:
    assert when_of("Police arrested 20 activists on Monday ahead of the vote.", "arrested").date == "2024-01-22"


@pytest.mark.parametrize("text, trigger", [
    ("The United States withdrew from the 2015 nuclear deal on Monday.", "withdrew"),
    ("Israel rejected a return to the 1967 borders.", "rejected"),
    ("Organizers filed a lawsuit under the 1990 federal law.", "filed"),
    ("Henry, 19, of 1935 Orchard St., was arrested on Tuesday.", "arrested"),
])
def test_a_year_naming_another_thing_does_not_date_the_event(text: str, trigger: str) -> None:
    assert not (when_of(text, trigger).date or "").startswith(("2015", "1967", "1990", "1935"))


@pytest.mark.parametrize("text, trigger, year", [
    ("Israel captured the Golan Heights during the 1967 war.", "captured", "1967"),
    ("The 2015 attack killed 20 people.", "killed", "2015"),
    ("The saga has echoes of 2007, when the government accused opposition figures of plotting a coup.",
     "accused", "2007"),
])
def test_a_year_of_the_happening_or_of_its_time_dates_it(text: str, trigger: str, year: str) -> None:
    assert (when_of(text, trigger).date or "").startswith(year)


def test_a_day_after_publication_told_in_the_past_is_last_year_s() -> None:
    from dragoman.pipeline import code_text

    (killing,) = [e for e in code_text("Police killed an unarmed man on March 18 in Sacramento.",
                                       published="2024-03-06") if e.type == "ASSAULT"]
    assert (killing.when.date, killing.modality) == ("2023-03-18", "asserted")
    (briefing,) = [e for e in code_text("Police will arrest the suspects on March 18 in Sacramento.",
                                        published="2024-03-06") if e.type == "COERCE"]
    assert briefing.when.date == "2024-03-18"


def test_a_title_now_held_does_not_date_the_event() -> None:
    when = when_of("Egypt values Jordan's role in the region, the current foreign minister of Egypt said Monday.",
                   "values")
    assert (when.date, when.text) == ("2024-01-22", "Monday")
