"""Arrests told without an arrest verb: people taken into custody, sent to jail, put behind bars, booked for an
offence, caught by the police or held; and the same words in their other senses, which are no arrest. Sentences
written here."""

from __future__ import annotations

import pytest

from dragoman.pipeline import code_text

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, trigger, actor, recipient", [
    ("Police took 12 protesters into custody on Monday.", "took", "Police", "12 protesters"),
    ("The suspect was remanded to police custody until March 22.", "remanded", None, "The suspect"),
    ("Six demonstrators were sent to jail by the magistrate.", "sent", "the magistrate", "Six demonstrators"),
    ("The government put the opposition leader behind bars.", "put", "The government", "the opposition leader"),
    ("Sixty people have been booked under the anti-terror law.", "booked", None, "Sixty people"),
    ("Two activists were caught by the border police near the river.", "caught", "the border police", "Two activists"),
    ("In raids on Tuesday, 50 persons were held and weapons were seized.", "held", None, "50 persons"),
    ("Their supporters were sent to nearby police stations on Friday.", "sent", None, "Their supporters"),
    ("The police arrived and caught five men near the temple.", "caught", "The police", "five men"),
    ('"We picked up him in the market," police sources said.', "picked up", "police sources", None),
])
def test_events_triggers_custody_is_an_arrest(text: str, trigger: str, actor: str | None,
                                              recipient: str | None) -> None:
    arrests = [e for e in code_text(text, published="2024-03-06") if e.evidence.trigger == trigger]
    assert len(arrests) == 1
    (event,) = arrests
    assert (event.type, event.mode, event.cameo, event.modality) == ("COERCE", "arrest", "173", "asserted")
    assert (event.actor and event.actor.text, event.recipient and event.recipient.text) == (actor, recipient)


@pytest.mark.parametrize("text", [
    "She booked a flight to Delhi for Friday.",
    "Talks were held in Geneva on Monday.",
    "The minister was held responsible for the failure.",
    "Traffic was held up for two hours.",
    "He took the visitors to the bar after dinner.",
    "The ceremony was caught on video by a passer-by.",
    "The hostages were held in a basement.",  # captivity by their captors, not an arrest
    "A press conference was held by the police on Monday.",
    "She booked a table under her sister's name.",
    "The officers were waiting to catch a bus to the railway station.",
    "He drove to the police station to collect his licence.",
    "My boys in the academy insist that they come and pick me up every day.",
    "She was picked up by the male driver at home.",
])
def test_events_triggers_custody_words_in_other_senses(text: str) -> None:
    assert [(e.type, e.mode) for e in code_text(text, published="2024-03-06")
            if e.mode == "arrest"] == []


@pytest.mark.parametrize("text, modality", [
    ("Police were able to arrest 39 rioters.", "asserted"),  # in the past, what was possible was done
    ("Police have been able to arrest only one suspect.", "asserted"),
    ("Police will be able to arrest the rioters.", "hypothetical"),
    ("Police would have been able to arrest them.", "hypothetical"),
    ("Police were not able to arrest the gang.", "negated"),
])
def test_events_modality_able_in_the_past(text: str, modality: str) -> None:
    (event,) = code_text(text, published="2024-03-06")
    assert (event.evidence.trigger, event.modality, event.actor and event.actor.text) == ("arrest", modality, "Police")


@pytest.mark.parametrize("text, type_, mode", [
    # PLOVER's manual: a conviction is SANCTION 'convict'; one that sends to prison is COERCE 'arrest' too
    ("A court in Lagos sentenced the former governor to 12 years in prison.", "COERCE", "arrest"),
    ("The editor was sentenced to four years on Tuesday.", "COERCE", "arrest"),
    ("A military court convicted 45 fighters of terrorism.", "SANCTION", "convict"),
    ("The colonel was sentenced to death by a military tribunal.", "SANCTION", "convict"),
    ("The former minister was found guilty of fraud by a Seoul court.", "SANCTION", "convict"),
])
def test_events_triggers_court_verdicts(text: str, type_: str, mode: str) -> None:
    (event,) = code_text(text, published="2024-03-06")
    assert (event.type, event.mode, event.cameo[:2], event.modality) == (type_, mode, "11" if type_ == "SANCTION"
                                                                         else "17", "asserted")


def test_events_triggers_acquittal_is_no_conviction() -> None:
    assert [e for e in code_text("The officers were found not guilty.", published="2024-03-06")
            if e.type == "SANCTION"] == []


@pytest.mark.parametrize("text, recipient", [
    ("The arrested men were identified as Ram Singh and Usha Singh.", "men"),
    ("Police produced the arrested militants in court on Monday.", "militants"),
    ("Arrested protesters were beaten in custody, the group said.", "protesters"),
    ("A court remanded the three accused to police custody for seven days.", "the three"),
])
def test_events_triggers_custody_an_arrest_told_by_its_participle_or_a_remand(text: str, recipient: str) -> None:
    arrests = [e for e in code_text(text, published="2024-03-06") if e.mode == "arrest"]
    assert [(e.type, e.cameo, e.modality, e.recipient and e.recipient.text) for e in arrests] == [
        ("COERCE", "173", "asserted", recipient)]


@pytest.mark.parametrize("text", [
    "The jailed opposition leader died in prison on Friday.",  # a standing state, not a new arrest
    "Police released the detained activists on Friday.",
    "The internationally recognized government met on Monday.",
])
def test_events_triggers_custody_other_participles_tell_no_arrest(text: str) -> None:
    assert [e.type for e in code_text(text, published="2024-03-06") if e.mode == "arrest"] == []


def test_events_triggers_custody_the_arrested_men_of_an_arrest_told_before_are_that_arrest() -> None:
    text = ("Police arrested five men in Kolkata on Monday. The arrested men were produced in a court on Tuesday, "
            "police said.")
    arrests = [e for e in code_text(text, published="2024-03-06") if e.mode == "arrest"]
    assert len(arrests) == 1


def _custody_sides(text: str) -> list[tuple[str | None, str | None]]:
    return [(e.actor and e.actor.text, e.recipient and e.recipient.text)
            for e in code_text(text, published="2024-03-06") if e.mode == "arrest"]


@pytest.mark.parametrize("headline, suffered", [
    ("DeKalb man arrested in attempted robbery.", "DeKalb man"),  # tagged as a participle
    ("Alexandria woman charged in connection with the fire.", "Alexandria woman"),
    ("Opposition leader detained in Harare.", "Opposition leader"),  # tagged as a past tense: detain needs an object
])
def test_events_triggers_custody_a_headline_s_bare_subject_suffered_it(headline: str, suffered: str) -> None:
    assert [recipient for _actor, recipient in _custody_sides(headline)] == [suffered]
    assert all(actor is None or "implied" in actor for actor, _recipient in _custody_sides(headline))


def test_events_triggers_custody_a_bare_verb_that_can_go_without_object_keeps_its_doer() -> None:
    assert [(e.actor and e.actor.text, e.recipient and e.recipient.text) for e in code_text(
        "Police shot at the protesters in Harare.", published="2024-03-06")] == [("Police", "the protesters")]


@pytest.mark.parametrize("text, recipient", [
    ("Police charged the journalist with resisting the authorities.", "the journalist"),
    ("Gardai named a youth charged with the murder of a Japanese man.", "a youth"),
    ("Officers caught up with the fugitive near Atlanta in June.", "the fugitive"),  # no one else is caught
])
def test_events_triggers_custody_the_offence_a_charge_names_is_not_whom_it_is_done_to(text: str,
                                                                                     recipient: str) -> None:
    assert [recipient for _actor, recipient in _custody_sides(text)] == [recipient]


def test_events_triggers_custody_an_arrest_something_led_to_was_made() -> None:
    # not the arrest that information "leading to" it is sought for
    made = [e for e in code_text("The raid led to the arrest of 12 militants in Srinagar.", published="2024-03-06")
            if e.mode == "arrest"]
    assert [(e.modality, e.recipient and e.recipient.text) for e in made] == [("asserted", "12 militants")]
    sought = code_text("Police offered a reward for information leading to the arrest of the bombers.",
                       published="2024-03-06")
    assert [e for e in sought if e.mode == "arrest" and e.modality == "asserted"] == []
