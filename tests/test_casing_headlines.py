"""Title-case headlines are parsed in sentence case (``dragoman.casing``); stored texts stay the source's.

The stories are written for these tests; the end-to-end ones are coded by the real pipeline.
"""

from __future__ import annotations

import pytest

from dragoman.casing import is_headline, sentence_cased
from dragoman.pipeline import code_text, lexicon_word

BODY = ("Rebels Seize Key Town In Gaza Strip As Security Council Meets.\n"
        "Rebels seized the key town in the Gaza Strip on Monday, officials said. The Security Council met in New "
        "York. Park Ji-hoon, a resident, said the attack began at dawn.")


def test_the_common_words_of_a_title_case_headline_are_lowered_and_names_kept() -> None:
    cased = sentence_cased(BODY, known=lexicon_word)
    assert len(cased) == len(BODY)
    assert cased.splitlines()[0] == "Rebels seize key town in Gaza Strip as Security Council meets."
    assert cased.splitlines()[1:] == BODY.splitlines()[1:]  # only the headline


def test_a_word_the_story_does_not_use_is_common_when_the_lexicons_know_one_of_its_forms() -> None:
    cased = sentence_cased("Police Arrest Protesters In Nairobi.\nThe men were held.", known=lexicon_word)
    assert cased.startswith("Police arrest protesters in Nairobi.")


def test_a_name_the_story_capitalises_keeps_its_capital() -> None:
    body = "Moon Meets Park In Seoul.\nMoon met Park on Monday. Park said the park was closed."
    assert sentence_cased(body, known=lexicon_word).startswith("Moon meets Park in Seoul.")


@pytest.mark.parametrize("body", [
    "Rebels seized the town on Monday. Rebels Seize Key Town In Eastern Congo.",  # not the first sentence
    "Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Monday for talks about "
    "trade, energy, security, the war in Ukraine and many other things that the two leaders discuss often.",
    "POLICE ARREST 20 PROTESTERS IN NAIROBI.",
    "The World Bank approved a $1.5 billion loan to Pakistan on Monday.",  # "$1." ends no sentence
])
def test_other_sentences_long_name_lists_and_capitals_are_left_alone(body: str) -> None:
    assert sentence_cased(body, known=lexicon_word) == body


def test_is_headline_needs_most_longer_words_capitalised() -> None:
    assert is_headline("Iraqi Officials: Car Bomb Kills 20 in Baghdad")
    assert not is_headline("A car bomb killed 20 people in Baghdad, officials said.")


LEAD_OF_NAMES = ("Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev met in Brussels on "
                 "Sunday for talks hosted by European Council President Charles Michel.")


def test_a_lead_naming_many_people_is_no_headline() -> None:
    # most longer words capitalised, but "talks" and "hosted" are a sentence's noun and verb in lower case
    assert not is_headline(LEAD_OF_NAMES)
    assert is_headline("OSCE Envoy Condemns Dvani Attack that Killed One Policeman")
    assert is_headline("Rebels Seize Key Town Near the Border With Uganda")


@pytest.mark.slow
def test_a_lead_naming_many_people_keeps_its_titles_and_both_sides() -> None:
    events = code_text(LEAD_OF_NAMES, published="2024-06-25")
    meetings = {(e.actor and e.actor.country, e.recipient and e.recipient.country) for e in events
                if e.type == "CONSULT" and e.cameo == "040"}
    assert meetings == {("ARM", "AZE"), ("AZE", "ARM")}


@pytest.mark.slow
def test_a_title_case_headline_is_coded_with_its_parties_and_the_source_s_capitals() -> None:
    events = code_text("Russia Expels Two British Diplomats Over Spy Row.", published="2024-03-06")
    assert [(e.type, e.actor and e.actor.country, e.recipient and e.recipient.country) for e in events] == [
        ("SANCTION", "RUS", "GBR")]
    assert events[0].evidence.trigger == "Expels" and events[0].recipient is not None
    assert events[0].recipient.text == "Two British Diplomats"


@pytest.mark.slow
def test_a_headline_s_label_before_a_colon_tells_who_reports_not_who_acts() -> None:
    (event,) = code_text("Iraqi Officials: Car Bomb Kills 20 in Baghdad.", published="2024-03-06")
    assert event.type == "ASSAULT" and event.actor is None and event.counts.dead == 20


@pytest.mark.slow
def test_the_body_s_mention_as_telling_as_the_headline_s_takes_over() -> None:
    events = code_text("Iraqi Officials: Car Bomb Kills 20 in Baghdad.\nA car bomb exploded near a market in "
                       "Baghdad on Thursday, killing as many as 20 people, Iraqi officials said.", published=None)
    assert [(e.type, e.evidence.trigger, e.when.text) for e in events] == [("ASSAULT", "exploded", "on Thursday")]


def test_an_initial_ends_no_headline() -> None:
    assert sentence_cased("U.S. Strikes Kill 20 In Syria. The strikes hit a town.", known=lexicon_word) == (
        "U.S. strikes kill 20 in Syria. The strikes hit a town.")



def test_a_month_before_a_day_or_a_year_keeps_its_capital() -> None:
    # "march" is a protest word, but "March 2015" is a date the resolver must read
    cased = sentence_cased("Police Arrest Protest Leader Seized In March 2015.\nThe men were held in Nairobi.",
                           known=lexicon_word)
    assert cased.startswith("Police arrest protest leader seized in March 2015.")
