"""counts_for on real sentences: what is counted, bounds, and which event a figure belongs to."""

from __future__ import annotations

import pytest

from dragoman.extract.events.counts import counts_for
from dragoman.model import Counts

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from dragoman.nlp import get_nlp

    return get_nlp()


def _counts(nlp, text: str, trigger: str) -> Counts:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    return counts_for(token.sent, token)


def test_active_object_in_words(nlp) -> None:  # type: ignore[no-untyped-def]
    counts = _counts(nlp, "Artillery shelling killed five soldiers near the border on Monday.", "shelling")
    assert counts.dead == 5 and counts.injured is None and counts.bounds == ()


def test_passive_subject_with_lower_bound(nlp) -> None:  # type: ignore[no-untyped-def]
    counts = _counts(nlp, "At least 12 people were killed in the attack on the market.", "attack")
    assert counts.dead == 12
    assert counts.bounds == (("dead", "at_least"),)


def test_arrests_in_digits(nlp) -> None:  # type: ignore[no-untyped-def]
    counts = _counts(nlp, "Police arrested 30 protesters outside parliament.", "arrested")
    assert counts == Counts(arrested=30)


def test_displaced_quarter_of_a_million(nlp) -> None:  # type: ignore[no-untyped-def]
    counts = _counts(nlp, "The fighting has forced more than a quarter of a million people to flee their homes.",
                     "fighting")
    assert counts.displaced == 250000
    assert ("displaced", "at_least") in counts.bounds


def test_nearly_two_million_displaced_is_an_upper_bound(nlp) -> None:  # type: ignore[no-untyped-def]
    counts = _counts(nlp, "Nearly 2 million people have been displaced by the war.", "displaced")
    assert counts.displaced == 2000000 and counts.bounds == (("displaced", "at_most"),)


def test_dead_and_injured_of_one_attack(nlp) -> None:  # type: ignore[no-untyped-def]
    counts = _counts(nlp, "At least 12 people were killed and 40 injured when rebels attacked the base.",
                     "attacked")
    assert (counts.dead, counts.injured) == (12, 40)


def test_conjoined_figures_add_up(nlp) -> None:  # type: ignore[no-untyped-def]
    counts = _counts(nlp, "Police detained some 200 students and about a dozen teachers on Monday.", "detained")
    assert counts.arrested == 212 and counts.bounds == (("arrested", "approx"),)


def test_two_events_keep_their_own_counts(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Shelling killed five soldiers and wounded twelve civilians, while police arrested 30 protesters in Lagos."
    shelling = _counts(nlp, text, "Shelling")
    arrest = _counts(nlp, text, "arrested")
    assert (shelling.dead, shelling.injured, shelling.arrested) == (5, 12, None)
    assert (arrest.dead, arrest.injured, arrest.arrested) == (None, None, 30)


def test_two_coordinated_events_by_different_actors(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Police arrested 30 protesters and rebels killed five soldiers."
    assert _counts(nlp, text, "arrested") == Counts(arrested=30)
    assert _counts(nlp, text, "killed") == Counts(dead=5)


def test_numbers_that_count_nothing_are_ignored(nlp) -> None:  # type: ignore[no-untyped-def]
    counts = _counts(nlp, "In 2002, the two sides signed a 12-point agreement with 30 articles.", "signed")
    assert counts.is_empty()


def test_left_dead_and_dozens_wounded(nlp) -> None:  # type: ignore[no-untyped-def]
    counts = _counts(nlp, "The blast left 12 dead and dozens wounded.", "blast")
    assert counts.dead == 12 and counts.injured == 24
    assert counts.bounds == (("injured", "at_least"),)


def test_killed_by_the_result_of_a_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _counts(nlp, "Two protesters were shot dead near the parliament building.", "shot").dead == 2
    assert _counts(nlp, "Two men were stoned to death by a mob in the market.", "stoned").dead == 2
    # a death sentence kills no one
    assert _counts(nlp, "A court sentenced five men to death on Monday.", "sentenced").is_empty()


def test_fatally_harmed_are_dead(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _counts(nlp, "Police fatally shot four men at a checkpoint on Friday.", "shot").dead == 4
    fatally = _counts(nlp, "Soldiers fatally wounded three villagers near the border.", "wounded")
    assert (fatally.dead, fatally.injured) == (3, None)
    assert _counts(nlp, "Soldiers wounded three villagers near the border.", "wounded").injured == 3


def test_weapon_relative_clause_counts_for_the_attack(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The rebels hit back with mortar fire that killed five soldiers and wounded 14 civilians."
    assert _counts(nlp, text, "hit") == Counts(dead=5, injured=14)
    # people who killed are their own agents: their killing is not the arrest's
    assert _counts(nlp, "Police arrested two men who killed five villagers.", "arrested") == Counts(arrested=2)


def test_prisoners_taken_are_counted_once_and_captured_places_are_not(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Its fighters had captured two army bases in Rakhine state and taken 40 soldiers prisoner."
    assert _counts(nlp, text, "captured").arrested is None
    assert _counts(nlp, text, "taken") == Counts(arrested=40)


@pytest.mark.parametrize(("text", "trigger", "field", "value"), [
    ("The killing of five villagers by rebels sparked protests.", "killing", "dead", 5),
    ("The massacre of 30 civilians was condemned by the UN.", "massacre", "dead", 30),
    ("The arrest of 15 activists sparked protests.", "arrest", "arrested", 15),
])
def test_the_of_complement_of_an_act_noun_is_counted(nlp, text: str, trigger: str, field: str,  # type: ignore[no-untyped-def]
                                                     value: int) -> None:
    assert getattr(_counts(nlp, text, trigger), field) == value


def test_figures_of_subjects_told_in_a_list_add_up(nlp) -> None:  # type: ignore[no-untyped-def]
    # parsed as two subjects of one verb, the third conjoined to the second: one toll of 73
    counts = _counts(nlp, "The monitor says 24 civilians, 24 Kurdish fighters, and 25 Turkish-backed Syrian "
                          "militiamen have been killed.", "killed")
    assert counts.dead == 73
