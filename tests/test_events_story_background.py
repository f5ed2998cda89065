"""Background is not a current happening: an event the text dates more than a year before the story's reference
date (its publication date, else the latest date it states in a past clause), or tells over years, is
``historical``; a phone number is no date (``dragoman.extract.events.story``, ``dragoman.extract.time``).

The stories are written for these tests and coded by the real pipeline.
"""

from __future__ import annotations

import pytest

from dragoman.extract.time.timex import find_timexes
from dragoman.model import Event
from dragoman.pipeline import code_text

pytestmark = pytest.mark.slow

STORY = ("In March 2016, soldiers killed 12 villagers in Kaduna. "
         "On May 4, 2018, soldiers arrested the village chief in Kaduna.")


def modalities(events: list[Event]) -> dict[str, str]:
    return {e.evidence.trigger: e.modality for e in events}


@pytest.mark.parametrize("published", [None, "2018-05-06"])
def test_an_event_dated_years_before_the_story_is_historical(published: str | None) -> None:
    found = modalities(code_text(STORY, published=published))
    assert found.get("killed") == "historical", found
    assert found.get("arrested") == "asserted", found


def test_without_a_later_date_an_old_date_is_not_background() -> None:
    # nothing in the story is later than 2016: the killing may be news
    found = modalities(code_text("In March 2016, soldiers killed 12 villagers in Kaduna.", published=None))
    assert found.get("killed") == "asserted", found


def test_a_date_in_a_future_clause_is_no_reference() -> None:
    found = modalities(code_text("In March 2016, soldiers killed 12 villagers in Kaduna. "
                                 "Elections will be held in 2019.", published=None))
    assert found.get("killed") == "asserted", found


def test_what_a_story_tells_over_years_is_background() -> None:
    events = code_text("Militants have attacked villages in the region for years.", published="2024-03-06")
    assert [e.modality for e in events if e.type == "ASSAULT"] == ["historical"]


def test_a_measured_span_of_years_is_no_background() -> None:
    events = code_text("A court in Seoul suspended his sentence for four years on Tuesday.", published="2024-03-06")
    assert events and all(e.modality == "asserted" for e in events), [(e.type, e.modality) for e in events]


def test_a_phone_number_is_no_year() -> None:
    for text in ("Call 815-748-2060 for details.", "Call (815) 748-2060.", "Call 748.2060 today."):
        assert [t.value for t in find_timexes(text, dct=None) if t.value[:1].isdigit()] == [], text
    assert [t.value for t in find_timexes("Talks ran from 2014-2015.", dct=None)] == ["2014", "2015"]
    events = code_text("Police arrested two men in Joliet on Monday. Anyone with information should call "
                       "815-748-2060.", published="2009-03-02")
    assert events and all(not (e.when.date or "").startswith("2060") for e in events)


@pytest.mark.parametrize("published, modality", [("2017-11-01", "asserted"), ("2018-03-01", "historical"),
                                                 ("2019-03-01", "historical")])
def test_a_year_alone_is_background_once_the_story_is_in_a_later_year(published: str, modality: str) -> None:
    found = modalities(code_text("In 2017, soldiers killed 12 villagers in Kaduna.", published=published))
    assert found.get("killed") == modality, found


@pytest.mark.parametrize("text, modality", [
    ("Syria first sent its troops into Lebanon in the 1970s.", "historical"),
    ("Israel captured the area in the '60s.", "historical"),
    ("Rebels have attacked the town since the 2010s.", "asserted"),  # a decade not over a year before 2018
])
def test_a_decade_long_past_is_background(text: str, modality: str) -> None:
    events = code_text(text, published="2018-05-06")
    assert events and [e.modality for e in events] == [modality], [(e.type, e.modality) for e in events]


@pytest.mark.parametrize("text, trigger", [
    ("Israel's offensive has since killed more than 40,000 Palestinians, according to the Health Ministry.", "killed"),
    ("More than 500 people have been arrested since the protests began.", "arrested"),
])
def test_a_toll_kept_since_something_began_is_no_happening_of_the_day(text: str, trigger: str) -> None:
    assert modalities(code_text(text, published="2024-07-16")).get(trigger) == "historical"


def test_a_toll_since_a_date_stays_the_story_s_own_happening() -> None:
    assert modalities(code_text("The fighting has killed 30 people since Monday.", published="2024-07-16")).get(
        "killed") == "asserted"


@pytest.mark.parametrize(("text", "trigger"), [
    ("In 2009, the charges against the former president were dropped.", "dropped"),
    ("That 1991 agreement legalized the presence of foreign troops in the country.", "legalized"),
    ("The minister said the heights, which Israel captured from Syria during the 1967 war, are not negotiable.",
     "captured"),
])
def test_without_a_publication_date_an_act_dated_by_its_year_alone_is_background(text: str, trigger: str) -> None:
    # news tells its own happenings by the day; a year alone dates what came before
    assert modalities(code_text(text, published=None)).get(trigger) == "historical"


@pytest.mark.parametrize(("text", "trigger"), [
    ("Police arrested 40 protesters in the capital on Monday.", "arrested"),
    ("In March 2016, soldiers killed 12 villagers in Kaduna.", "killed"),  # a month may be the story's own
])
def test_without_a_publication_date_a_day_or_month_is_no_background(text: str, trigger: str) -> None:
    assert modalities(code_text(text, published=None)).get(trigger) == "asserted"


def test_with_a_publication_date_a_year_alone_is_measured_against_it() -> None:
    found = modalities(code_text("In 2024, police arrested 40 protesters in the capital.", published="2024-03-06"))
    assert found.get("arrested") == "asserted", found


@pytest.mark.parametrize("text", [
    "Last year, soldiers burned the market in the town.",
    "In 2023, police arrested 40 protesters in the capital.",
    "Two years ago the army shelled the village.",
])
def test_an_act_placed_in_an_earlier_year_alone_is_background(text: str) -> None:
    # less than a year may have passed, but news tells its own happenings by the day
    found = code_text(text, published="2024-03-06")
    assert found and {e.modality for e in found} == {"historical"}, [(e.evidence.trigger, e.modality) for e in found]


@pytest.mark.parametrize("text", [
    "In September last year, police arrested 40 protesters in the capital.",
    "Over the past year, police arrested 40 protesters in the capital.",
])
def test_a_month_of_last_year_or_the_past_year_is_no_background(text: str) -> None:
    found = code_text(text, published="2024-03-06")
    assert found and {e.modality for e in found} == {"asserted"}, [(e.evidence.trigger, e.modality) for e in found]


def test_over_the_past_year_with_its_preposition_is_no_background() -> None:
    found = code_text("Over the past year, police arrested 40 protesters in the capital.", published="2024-03-06")
    assert [e.modality for e in found] == ["asserted"], [(e.when.text, e.modality) for e in found]


@pytest.mark.parametrize(
    "text",
    [
        "Burkina Faso has been fighting jihadists since 2015. Thousands of people have been killed and two million "
        "displaced.",
        "Thousands of civilians have been killed in the war, the UN says.",
    ],
)
def test_a_running_toll_in_the_present_perfect_with_no_day_is_background(text: str) -> None:
    events = [e for e in code_text(text, published="2024-06-25") if e.evidence.trigger in ("killed", "displaced")]
    assert events and all(e.modality != "asserted" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of people have been arrested since Sunday, police said.",
        "Thousands of protesters have marched in Belgrade today.",
    ],
)
def test_a_multitude_told_of_a_day_is_current(text: str) -> None:
    events = code_text(text, published="2024-06-25")
    assert events and all(e.modality == "asserted" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Jihadist violence has surged since the coups, analysts say.",
        "Attacks are rising across the north of the country.",
    ],
)
def test_a_trend_of_a_kind_of_happening_is_no_happening(text: str) -> None:
    assert not [e for e in code_text(text, published="2024-06-25") if e.type == "ASSAULT"]


def test_a_kind_of_happening_told_of_a_day_is_one() -> None:
    events = code_text("Fighting escalated in Khartoum on Sunday.", published="2024-06-25")
    assert [e.modality for e in events if e.type == "ASSAULT"] == ["asserted"]
