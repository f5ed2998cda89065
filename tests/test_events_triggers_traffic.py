"""A road death is no assault: a vehicle as the doer of "struck", "hit" or "killed" codes nothing, unless the
sentence says it was driven at people ("rammed", "plowed into"). The sentences are written for this test and
coded by the real pipeline."""

from __future__ import annotations

import pytest

from dragoman.pipeline import code_text

pytestmark = pytest.mark.slow


def assaults(text: str) -> list[int | None]:
    return [e.counts.dead for e in code_text(text, published="2024-03-06") if e.type == "ASSAULT"]


@pytest.mark.parametrize("text", ["A truck struck and killed a pedestrian in Lagos on Monday.",
                                  "A speeding bus killed three people in Kampala on Monday.",
                                  "A car hit a cyclist in Nairobi on Monday."])
def test_a_vehicle_killing_someone_is_no_assault(text: str) -> None:
    assert assaults(text) == []


def test_a_car_rammed_into_a_crowd_is_an_assault() -> None:
    assert assaults("A man rammed a car into a crowd in Nice on Monday, killing 12 people.") == [12]


def test_a_car_bomb_is_still_an_assault() -> None:
    assert assaults("A car bomb killed 20 people in Baghdad on Monday.") == [20]


@pytest.mark.parametrize("text", ["A pedestrian was killed on Tuesday when a truck struck him in Accra, police said.",
                                  "Two people died in Lagos on Monday after a fire swept through the market.",
                                  "A 58-year-old woman was killed in a car accident on icy roads in Kisumu.",
                                  "Four children were killed in a fire at a mobile home on Saturday."])
def test_a_death_a_vehicle_or_fire_caused_is_no_assault(text: str) -> None:
    assert assaults(text) == []


def test_a_death_in_an_attack_is_still_an_assault() -> None:
    assert assaults("Twelve people were killed in a bomb attack in Kandahar on Monday.") == [12]


def test_a_vehicle_that_hit_a_bomb_is_still_an_assault() -> None:
    assert assaults("Two soldiers were killed in Kandahar on Monday when their vehicle hit a roadside bomb.") == [2]


def test_a_vehicle_set_off_a_mine_is_attacked() -> None:
    (event,) = [e for e in code_text("A police vehicle with five officers exploded on a mine near Dvani on Monday.",
                                     published="2024-03-06") if e.type == "ASSAULT"]
    assert event.actor is None
    assert event.recipient is not None and "police" in event.recipient.text


def _sides(text: str) -> list[tuple[str | None, str | None]]:
    return [(e.actor and e.actor.text, e.recipient and e.recipient.text)
            for e in code_text(text, published="2024-03-06") if e.type == "ASSAULT"]


def test_a_clause_told_beside_a_harm_names_no_doer() -> None:
    # "even as police fired tear gas" happened beside the stabbing, not as its cause
    sides = _sides("One person was stabbed to death in Surat on Sunday even as police fired tear gas in Prantij.")
    assert ("police", "One person") not in sides and (None, "One person") in sides


def test_a_headline_s_bare_subject_of_a_harm_suffered_it() -> None:
    assert sorted(_sides("4 policemen and 4 civilians also killed.")) == [(None, "4 civilians"), (None, "4 policemen")]



def test_a_passive_conjunct_does_not_take_the_first_clause_s_subject() -> None:
    assert _sides("Police said 20 people died and 14 were injured.") == [(None, "14")]
