"""One happening is coded once per story; a generic statement is no happening; one agreement of several parties
is a bounded number of records (``dragoman.extract.events.story``, the reciprocal pairs of ``dragoman.extract``).

The stories are written for these tests and coded by the real pipeline.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

from dragoman.extract.events.story import one_happening_once
from dragoman.model import Actor, Counts, Event, Evidence, Place, When
from dragoman.pipeline import code_text

pytestmark = pytest.mark.slow

PUBLISHED = "2024-03-06"


def asserted(text: str, *, published: str | None = PUBLISHED) -> list[Event]:
    return [e for e in code_text(text, published=published) if e.modality == "asserted"]


def test_later_mentions_of_an_attack_are_no_new_events() -> None:
    events = asserted("Gunmen attacked a police station in Kaduna on Monday, killing four officers. "
                      "The attack lasted two hours, residents said. Police said the attack was repelled.")
    assaults = [e for e in events if e.type == "ASSAULT"]
    # the lead sentence's events only (one per trigger and dyad); "the attack" twice more is the same happening
    assert assaults and {e.evidence.trigger for e in assaults} <= {"attacked", "killing"}
    assert sum(e.counts.dead or 0 for e in assaults) == 4


@pytest.mark.parametrize("text", [
    "At least ten other journalists are imprisoned in Azerbaijan, the group said on Monday.",
    "Dozens of activists languish in Azerbaijani jails, the group said on Monday.",
    "Her brother is incarcerated in a state prison.",
])
def test_who_is_in_custody_now_is_a_state_not_an_arrest(text: str) -> None:
    assert [e.type for e in asserted(text)] == []


def test_a_detention_reported_with_its_day_is_an_arrest() -> None:
    assert [e.type for e in asserted("The journalist was detained in Baku on Monday.")] == ["COERCE"]
    assert [e.type for e in asserted("The journalist is detained in Baku on Monday.")] == ["COERCE"]


def test_attacks_in_two_towns_stay_two_events() -> None:
    events = asserted("Gunmen attacked a church in Kaduna on Monday. "
                      "Gunmen also attacked a market in Maiduguri on Tuesday.")
    assaults = [e for e in events if e.type == "ASSAULT"]
    assert sorted(e.location.name for e in assaults if e.location) == ["Kaduna", "Maiduguri"]


def test_arrests_of_two_named_people_stay_two_events() -> None:
    events = asserted("Police arrested opposition leader Amadou Diallo in Bamako on Monday. "
                      "Police arrested the journalist Fatou Keita in Bamako on Monday.")
    arrests = [e for e in events if e.type == "COERCE"]
    assert len(arrests) == 2, [(e.evidence.trigger, e.recipient) for e in arrests]


def test_a_generic_statement_is_no_event_and_a_report_is() -> None:
    assert [e.type for e in asserted("Clashes are frequent in the border region of Mali.")] == []
    assert [e.type for e in asserted("Clashes erupted in the border region of Mali on Monday.")] == ["ASSAULT"]


def test_an_event_told_as_a_custom_is_no_event_and_one_instance_is() -> None:
    assert asserted("Macron has been promoting a new course in Africa, making frequent visits to Algeria.") == []
    assert [e.type for e in asserted("Rebels launched repeated attacks on the town of Sake on Monday.")] == ["ASSAULT"]


def test_an_agreement_of_three_parties_is_three_records_each_party_once_per_role() -> None:
    events = asserted("Egypt, Qatar and the United States agreed on a truce plan on Monday.")
    agree = [e for e in events if e.type == "AGREE"]
    assert len(agree) == 3
    actors = Counter(e.actor.country for e in agree if e.actor)
    recipients = Counter(e.recipient.country for e in agree if e.recipient)
    assert actors == recipients == Counter({"EGY": 1, "QAT": 1, "USA": 1})
    assert all(e.actor and e.recipient and e.actor.country != e.recipient.country for e in agree)


def test_an_agreement_of_two_parties_keeps_both_directions() -> None:
    events = asserted("Kenya and Uganda agreed on a truce on Monday.")
    pairs = sorted((e.actor.country, e.recipient.country) for e in events
                   if e.type == "AGREE" and e.actor and e.recipient)
    assert pairs == [("KEN", "UGA"), ("UGA", "KEN")]


def test_a_town_shelled_and_its_people_killed_are_one_happening() -> None:
    events = asserted("Rebels shelled the town of Sake on Monday, killing at least 14 civilians, medics said.")
    assaults = [e for e in events if e.type == "ASSAULT"]
    assert len(assaults) == 1 and assaults[0].counts.dead == 14 and assaults[0].mode == "heavy-weapons"
    # two towns of one country are two happenings
    two = asserted("Rebels shelled Sake on Monday. Rebels also shelled Goma on Monday, killing 14 civilians.")
    assert len([e for e in two if e.type == "ASSAULT"]) == 2


def test_a_signing_by_two_parties_is_mutual_and_its_town_the_venue() -> None:
    events = asserted("Kenya and Ethiopia signed a trade deal in Nairobi on Monday.")
    signed = [e for e in events if e.cameo == "057"]
    assert sorted((e.actor.country, e.recipient.country) for e in signed if e.actor and e.recipient) == [
        ("ETH", "KEN"), ("KEN", "ETH")]
    assert all(e.location is not None and e.location.name == "Nairobi" for e in signed)


def _event(event_id: str, start: int, *, actor: str | None, dead: int | None, place: str = "Goma") -> Event:
    sentence = "x" * 10
    return Event(event_id=event_id, doc_id="d", source_id="s", type="ASSAULT", mode=None, cameo="190",
                 quad="material_conflict", modality="asserted",
                 actor=Actor(text="rebels", country=actor, sector="REB") if actor else None, recipient=None,
                 evidence=Evidence(sentence=sentence, start=start, end=start + 10, trigger="attack",
                                   trigger_start=start + 1, trigger_end=start + 7),
                 when=When(), location=Place(name=place, geonameid=hash(place) % 1000, country="COD",
                                             precision="city"),
                 counts=Counts(dead=dead))


def test_the_mention_that_tells_more_is_kept_with_the_other_mentions_figure() -> None:
    bare = _event("a", 0, actor=None, dead=12)
    full = _event("b", 20, actor="COD", dead=None)
    (kept,) = one_happening_once([bare, full])
    assert kept.event_id == "b" and kept.counts.dead == 12


def test_mentions_at_two_places_are_two_happenings() -> None:
    first = _event("a", 0, actor="COD", dead=3, place="Goma")
    second = _event("b", 20, actor="COD", dead=None, place="Sake")
    assert [e.event_id for e in one_happening_once([first, second])] == ["a", "b"]


def test_a_force_named_again_and_a_pronoun_are_one_arrest() -> None:
    events = asserted("The Avoyelles task force arrested 14 people in Cottonport on Monday. Task force officers "
                      "arrested them on outstanding warrants. They were arrested without incident, the sheriff said.")
    assert len([e for e in events if e.type == "COERCE"]) == 1


def test_four_men_and_four_gunmen_on_two_days_are_two_arrests() -> None:
    events = asserted("Police in Bamako arrested four men on Monday. Police in Bamako arrested four gunmen on "
                      "Tuesday.")
    assert len([e for e in events if e.type == "COERCE"]) == 2


def test_a_headline_gives_way_to_the_body_mention() -> None:
    events = asserted("Kenyan Troops Attack Militant Camp in Somalia. Kenyan troops attacked an al-Shabaab camp in "
                      "Somalia on Monday, the army said.")
    assert [e.evidence.trigger for e in events if e.type == "ASSAULT"] == ["attacked"]


def test_a_state_and_its_government_are_one_party() -> None:
    events = asserted("The U.S. urged Ukraine on Monday to repeal a law on activists. The United States urged the "
                      "Ukrainian government to repeal the law, a spokeswoman said.")
    requests = [e for e in events if e.type == "REQUEST"]
    assert len(requests) == 1, [(e.actor, e.recipient) for e in requests]


def test_a_habit_is_no_current_event() -> None:
    assert asserted("Lawmakers traditionally don't meet on Fridays during sessions.") == []
    habit = code_text("Police routinely arrest protesters in the capital.", published=PUBLISHED)
    assert [(e.type, e.modality) for e in habit] == [("COERCE", "historical")]
    assert [e.type for e in asserted("Police arrested 20 protesters in the capital on Monday.")] == ["COERCE"]


@pytest.mark.parametrize("text", [
    "One person a year is killed on that highway, the sheriff said.",
    "Hundreds of protesters are arrested every week in Tehran.",
    "The president visits Paris every year.",
])
def test_a_rate_of_time_in_the_present_is_a_habit(text: str) -> None:
    assert asserted(text) == []
    assert [e.type for e in asserted("Hundreds of protesters were arrested last week in Tehran.")] == ["COERCE"]


@pytest.mark.parametrize("text", [
    "The regulator was sometimes criticised unfairly by the ministry.",
    "Police often arrested protesters in the capital.",
])
def test_a_habit_told_in_the_past_is_no_current_event(text: str) -> None:
    assert asserted(text) == []
    assert [e.type for e in asserted("Russian forces constantly shelled Kharkiv last week.")] == ["ASSAULT"]


def test_conjoined_parties_of_one_country_are_one_happening() -> None:
    events = asserted("Pakistani police arrested lawyers and political activists in Islamabad on Monday.")
    assert len([e for e in events if e.type == "COERCE"]) == 1
    split = asserted("Kenya and Uganda shelled rebel positions near the border on Monday.")
    assert sorted(e.actor.country for e in split if e.type == "ASSAULT" and e.actor) == ["KEN", "UGA"]


def test_an_event_noun_in_the_phrase_of_its_own_event_is_no_second_event() -> None:
    events = asserted("A car bomb exploded near a market in Baghdad on Thursday, killing 20 people, in the fifth "
                      "major attack in Iraq this month.")
    assaults = [e for e in events if e.type == "ASSAULT"]
    assert assaults and "attack" not in {e.evidence.trigger for e in assaults}


def test_a_later_toll_of_the_same_attack_adds_its_figure_to_it() -> None:
    events = asserted("A car bomb exploded near a crowded market in Baghdad on Thursday, killing as many as 20 "
                      "people, Iraqi officials said. The officials said 35 people also were wounded.")
    (attack,) = [e for e in events if e.type == "ASSAULT"]
    assert (attack.counts.dead, attack.counts.injured) == (20, 35)


def test_an_attack_with_its_own_doer_the_next_day_stays_another_event() -> None:
    events = asserted("Gunmen attacked a church in Kaduna on Monday, killing five worshippers. Gunmen also "
                      "attacked a market in Kaduna on Tuesday, killing eight people.")
    assert sorted(e.counts.dead for e in events if e.type == "ASSAULT" and e.counts.dead) == [5, 8]


def test_a_later_mention_giving_another_toll_keeps_it_beside_the_first_with_its_claimant() -> None:
    events = asserted("A car bomb exploded near a market in Baghdad on Thursday, killing at least 20 people, police "
                      "said. Hospital officials said 27 people were killed in the blast.")
    (attack,) = [e for e in events if e.type == "ASSAULT"]
    assert attack.counts.dead == 20
    (other,) = attack.counts.also_stated
    assert (other.figure, other.value, other.claimant) == ("dead", 27, "Hospital officials")
    assert other.sentence == "Hospital officials said 27 people were killed in the blast."
    assert attack.to_record()["counts"]["also_stated"][0]["value"] == 27


def test_a_later_mention_repeating_the_toll_adds_no_second_claim() -> None:
    events = asserted("A car bomb exploded near a market in Baghdad on Thursday, killing 20 people, police said. "
                      "Hospital officials said 20 people were killed in the blast.")
    (attack,) = [e for e in events if e.type == "ASSAULT"]
    assert attack.counts.dead == 20 and attack.counts.also_stated == ()


def test_a_lead_mention_gives_way_to_a_later_one_that_names_more() -> None:
    # the lead names the doer only; the body names doer and arrested with their country: one arrest, the body's
    events = asserted("Task force arrests 14 in drug sweep. The Avoyelles Parish task force officers arrested 14 "
                      "people in Cottonport on Monday night, Sheriff Doug Anderson said.", published="2009-05-12")
    (arrest,) = [e for e in events if e.type == "COERCE"]
    assert arrest.evidence.trigger == "arrested" and arrest.recipient is not None
    assert arrest.location is not None and arrest.location.name == "Cottonport"


def test_a_place_guessed_from_the_story_does_not_split_one_happening() -> None:
    stated = replace(_event("a", 0, actor="COD", dead=3, place="Goma"), location=Place(
        name="Goma", geonameid=1, country="COD", precision="city", start=2, end=6))
    guessed = replace(_event("b", 20, actor="COD", dead=None, place="Sake"), location=Place(
        name="Sake", geonameid=2, country="COD", precision="city", start=2, end=6))
    assert [e.event_id for e in one_happening_once([stated, guessed])] == ["a"]
    told_there = replace(guessed, location=replace(guessed.location, start=22, end=26))
    assert [e.event_id for e in one_happening_once([stated, told_there])] == ["a", "b"]


def test_story_a_person_is_no_state_that_merges_with_officials() -> None:
    # "Afgan Mukhtarli" is capitalised like "Ukraine" but names a person: his detention is not the officials'
    text = ("BAKU, Azerbaijan (AP) - Police detained two officials of the interior ministry in Baku, the prosecutor "
            "said. The officials were accused of taking bribes. Separately police detained Afgan Mukhtarli, his "
            "lawyer said.")
    detained = [e.recipient.text for e in code_text(text, published=PUBLISHED)
                if e.evidence.trigger == "detained" and e.recipient is not None]
    assert detained == ["two officials of the interior ministry in Baku", "Afgan Mukhtarli"]


def test_an_attack_and_its_toll_in_one_sentence_are_one_event() -> None:
    events = asserted("Jihadists attacked a church in the village of Pissila on Sunday, killing 24 worshippers.")
    assaults = [e for e in events if e.type == "ASSAULT"]
    assert [(e.evidence.trigger, e.counts.dead) for e in assaults] == [("attacked", 24)]


def test_a_bomb_and_its_toll_are_one_event_with_the_victims() -> None:
    events = asserted("A roadside bomb exploded near a military convoy in Kidal on Monday, killing three soldiers.")
    assaults = [e for e in events if e.type == "ASSAULT"]
    assert len(assaults) == 1 and assaults[0].counts.dead == 3
    assert assaults[0].recipient is not None and assaults[0].recipient.text == "three soldiers"
    assert assaults[0].location is not None and assaults[0].location.name == "Kidal"


def test_a_clause_that_is_no_toll_stays_its_own_event() -> None:
    events = asserted("A soldier was killed by a roadside bomb on Monday while battling militants near Kidal.")
    assert {e.evidence.trigger for e in events if e.type == "ASSAULT"} == {"killed", "battling"}


def test_a_story_told_twice_with_its_date_is_one_lawsuit() -> None:
    # "earlier" belongs to the date of the mention: it opens no other incident
    lead = ("A farmer and his son have filed a lawsuit against the Nairobi county police earlier this year, "
            "claiming they were beaten at a checkpoint.")
    events = asserted(f"{lead} The county declined to comment. {lead}")
    assert [e.evidence.trigger for e in events if e.type == "ACCUSE"] == ["lawsuit"]


def test_a_clause_naming_no_one_new_is_the_same_accusation() -> None:
    events = asserted("Two students sued the Lagos state police on Monday, alleging they were tortured in custody.")
    assert len([e for e in events if e.type == "ACCUSE"]) == 1


def test_a_later_mention_that_names_the_doer_takes_over() -> None:
    events = asserted("A student was detained in Accra on Monday after a protest. "
                      "The court heard that police officers arrested him outside the campus.")
    arrests = [e for e in events if e.type == "COERCE"]
    assert len(arrests) == 1
    assert arrests[0].actor is not None and "officers" in arrests[0].actor.text
    assert arrests[0].location is not None and arrests[0].location.name == "Accra"


def test_the_arrests_made_by_another_unit_are_the_arrests_already_told() -> None:
    events = asserted("Officers arrested 13 people in Hartford on Thursday in raids on drug houses. "
                      "The department's Emergency Response Team worked with narcotics detectives to make the arrests.")
    assert [e.type for e in events if e.type == "COERCE"] == ["COERCE"]


def test_a_referring_mention_lends_the_first_its_date() -> None:
    events = asserted("Police shooting in North Las Vegas ruled justifiable.\n\n"
                      "A coroner's inquest ruled that the fatal police shooting of Tyrise Bell on Jan. 23 in North Las "
                      "Vegas was justified.", published=None)
    shootings = [e for e in events if e.type == "ASSAULT"]
    assert len(shootings) == 1 and shootings[0].when.text == "on Jan. 23"


def test_shot_and_wounded_is_one_attack_on_its_shared_object() -> None:
    events = asserted("One of the aides shot and wounded a policeman in Beirut on Monday.")
    assert len(events) == 1 and events[0].recipient is not None and events[0].recipient.text == "a policeman"
    assert events[0].evidence.trigger == "shot"  # the first verb, which shares its conjunct's object


@pytest.mark.parametrize("text", [
    "The Taliban claimed responsibility for the attack, which killed five soldiers in Kabul.",
    "A bomb attack which killed five soldiers in Kabul was claimed by the Taliban.",
])
def test_an_attack_and_the_killing_its_clause_tells_are_one_event_of_the_claimant(text: str) -> None:
    (event,) = asserted(text)
    assert (event.type, event.counts.dead) == ("ASSAULT", 5)
    assert event.actor is not None and event.actor.text.endswith("Taliban")


def test_a_claim_of_the_attack_names_the_doer_of_the_happening_told_before() -> None:
    events = asserted("A suicide bombing killed 12 people in Baghdad on Monday. "
                      "Islamic State claimed responsibility for the attack.")
    (event,) = [e for e in events if e.type == "ASSAULT"]
    assert event.actor is not None and event.actor.text == "Islamic State"
    assert (event.counts.dead, event.mode, event.when.text) == (12, "suicide-attack", "on Monday")


def test_an_attack_by_another_side_is_not_merged_into_one_with_a_doer() -> None:
    events = asserted("Rebels shelled the town of Sake on Monday. "
                      "On Tuesday, the army launched an attack on the rebels near Goma.")
    assert len([e for e in events if e.type == "ASSAULT"]) == 2


@pytest.mark.parametrize(("text", "dead", "actor"), [
    ("At least 18 people were killed when gunmen attacked a church in northern Burkina Faso on Sunday.", 18, "gunmen"),
    ("One protester was killed when police opened fire on the crowd in Dhaka.", 1, "police"),
])
def test_a_harm_suffered_when_an_attack_was_made_is_that_attack(text: str, dead: int, actor: str) -> None:
    (event,) = asserted(text)
    assert (event.counts.dead, event.actor and event.actor.text) == (dead, actor)


def test_a_vehicle_that_hit_a_mine_did_not_kill_its_passengers() -> None:
    (event,) = asserted("Two soldiers were killed when their vehicle hit a landmine in Mali.")
    assert event.actor is None and event.counts.dead == 2


def test_a_victim_named_again_by_a_role_is_the_same_happening() -> None:
    events = asserted("A young woman was shot dead in Kilburn, London, on Monday. Police said the victim was "
                      "killed by two masked gunmen.")
    (assault,) = [e for e in events if e.type == "ASSAULT"]
    # the mention naming the doer is kept, the victim described as the first mention did
    assert (assault.actor and assault.actor.text, assault.recipient and assault.recipient.text) == (
        "two masked gunmen", "A young woman")


def test_a_second_victim_named_by_a_role_with_another_word_stays_a_second_happening() -> None:
    events = asserted("A young woman was shot dead in Kilburn, London, on Monday. In a separate attack, the man "
                      "was stabbed in Brixton, London, on Tuesday.")
    assert len([e for e in events if e.type == "ASSAULT"]) == 2


def test_a_man_described_again_is_the_same_arrest_and_the_other_man_is_not() -> None:
    once = asserted("A 34-year-old man was remanded in custody in Belfast on Thursday. The unemployed man has been "
                    "charged with five burglaries in Belfast.")
    twice = asserted("A 34-year-old man was remanded in custody in Belfast on Thursday. The other man has been "
                     "charged with five burglaries in Belfast.")
    assert [len([e for e in events if e.mode == "arrest"]) for events in (once, twice)] == [1, 2]


def test_a_toll_with_no_doer_where_the_attack_was_done_is_its_toll() -> None:
    from dragoman.pipeline import code_text

    text = ("Russian forces shelled Kharkiv on Monday, the regional governor said. Rescue crews searched the rubble "
            "through the night. At least 14 Ukrainian soldiers have been killed in the attacks on Kharkiv, the army "
            "said.")
    assaults = [e for e in code_text(text, published="2024-03-05") if e.type == "ASSAULT"]
    assert [(e.actor.country if e.actor else None, e.counts.dead) for e in assaults] == [("RUS", 14)]


def test_a_toll_within_the_attackers_own_people_is_not_folded() -> None:
    from dragoman.pipeline import code_text

    text = ("Gunmen from one clan opened fire on a rival clan's wedding party in Kismayo on Saturday. "
            "Separately, three Somali soldiers were killed in Kismayo when their truck hit a mine.")
    assaults = [e for e in code_text(text, published="2024-03-05") if e.type == "ASSAULT"]
    assert len(assaults) >= 2


RECOUNTED = ("Israeli strike kills five in Gaza\n\nAn Israeli air strike on a house in Rafah killed five Palestinians, "
             "including two children, on Thursday, Palestinian medics said.\n\nThe Israeli military said it had "
             "targeted a Hamas commander and was reviewing reports of civilian casualties.")


def test_a_past_perfect_someone_says_is_the_happening_told_again() -> None:
    attacks = [e for e in code_text(RECOUNTED, published="2024-06-25") if e.type == "ASSAULT"]
    assert [(e.actor and e.actor.country, e.counts.dead) for e in attacks] == [("ISR", 5)]


def test_a_past_perfect_of_a_separate_incident_is_its_own() -> None:
    text = RECOUNTED.replace("it had targeted a Hamas commander", "troops had killed two gunmen in a separate raid")
    attacks = [e for e in code_text(text, published="2024-06-25") if e.type == "ASSAULT"]
    assert len(attacks) == 2


KISHISHE = ("Congo says rebels killed 20 civilians\n\nKINSHASA, Congo (AP) — Rwanda-backed M23 rebels killed at least "
            "20 civilians in an attack on a village in eastern Congo's North Kivu province, the Congolese army said "
            "Tuesday.\n\nThe rebels stormed the village of Kishishe on Monday and shot residents, an army spokesman "
            "said.")


def test_a_village_stormed_and_its_residents_shot_are_the_attack_told_in_the_lead() -> None:
    attacks = [e for e in asserted(KISHISHE, published="2024-06-25") if e.type == "ASSAULT"]
    assert len(attacks) == 1
    attack = attacks[0]
    # the lead's doer (its backer kept), the toll, and the day the story states (not the day the army spoke)
    assert (attack.actor.text, attack.actor.backer, attack.counts.dead) == ("Rwanda-backed M23 rebels", "RWA", 20)
    assert attack.when.date == "2024-06-24" and attack.when.text == "on Monday"


def test_the_day_of_a_report_bounds_the_act_it_reports_but_states_no_day_of_it() -> None:
    events = asserted("Gunmen killed 12 villagers in Zamfara state, police said Tuesday.", published="2024-06-25")
    assert [(e.when.date, e.when.text) for e in events if e.type == "ASSAULT"] == [("2024-06-25", None)]


def test_a_toll_told_in_the_act_is_that_act_s() -> None:
    text = ("Clashes in Khartoum\n\nThe RSF shelled army bases in Omdurman on Sunday, witnesses said. At least 17 "
            "civilians were killed in the shelling, a doctors' union said.")
    attacks = [e for e in asserted(text, published="2024-06-25") if e.type == "ASSAULT"]
    assert [(e.evidence.trigger, e.counts.dead) for e in attacks] == [("shelled", 17)]


def test_one_person_killed_is_a_count_of_the_attack_s_people() -> None:
    text = ("Gunmen kidnap 87\n\nKADUNA, Nigeria (AP) — Gunmen abducted at least 87 people in an attack on a village "
            "in Kaduna state, residents said. The attackers took away men, women and children, a local leader said. "
            "One person was killed.")
    attacks = [e for e in asserted(text, published="2024-06-25") if e.type == "ASSAULT"]
    assert [e.counts.dead for e in attacks] == [1]


def test_a_toll_in_the_attack_names_the_side_its_first_mention_left_unnamed() -> None:
    text = ("Beni attack\n\nGOMA, Congo - Rebels attacked the village of Mutwanga near Beni on Tuesday, survivors "
            "said. A local rights group said 30 people were killed in the attack.")
    attacks = [e for e in asserted(text, published="2024-03-06") if e.type == "ASSAULT"]
    assert [(e.actor.sector if e.actor else None, e.counts.dead) for e in attacks] == [("REB", 30)]
