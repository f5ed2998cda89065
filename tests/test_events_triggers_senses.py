"""Word senses and references that report no new event (issue 12): acknowledging someone's work is no formal
recognition; "in retaliation for the attack" names the clause's own event and an earlier one, neither new. The
sentences are written for this test and coded by the real pipeline."""

from __future__ import annotations

import pytest

from dragoman.model import Event
from dragoman.pipeline import code_text

pytestmark = pytest.mark.slow


def coded(text: str) -> list[Event]:
    return code_text(text, published="2024-03-06")


def test_recognizing_volunteers_work_is_no_recognition() -> None:
    assert coded("The minister recognized the volunteers' work in Nairobi on Monday.") == []


def test_recognizing_a_state_is_recognition() -> None:
    (event,) = coded("Kenya recognized Kosovo's independence on Monday.")
    assert (event.type, event.cameo, event.actor and event.actor.country) == ("SUPPORT", "054", "KEN")


@pytest.mark.parametrize("text, trigger", [
    ("In retaliation for the attack on its embassy, Kenya expelled two diplomats.", "expelled"),
    ("Rebels attacked the town in revenge for the killing of their leader.", "attacked"),
    ("Police arrested ten men in response to the bombing.", "arrested"),
])
def test_a_reprisal_is_its_clause_event_only(text: str, trigger: str) -> None:
    assert [e.evidence.trigger for e in coded(text)] == [trigger]


@pytest.mark.parametrize("text", [
    '"Can he keep himself out of court?" he asked.',
    "The spokesman asked why the women stayed quiet for months.",
    "The talk show was hosted by a university in Moscow.",
    "I am sure you appreciate that the whole episode is disorientating.",
])
def test_senses_that_are_no_event(text: str) -> None:
    assert coded(text) == []


@pytest.mark.parametrize("text, type_", [
    ("Kenya asked Uganda to withdraw its troops.", "REQUEST"),
    ("Prosecutors asked the court for a 30-year sentence.", "REQUEST"),
    ("Kenya committed to a ceasefire on Monday.", "AGREE"),
    ("Kenya hosted the Ugandan president on Monday.", "CONSULT"),
    ("The United States appreciates Morocco's role in the region.", "SUPPORT"),
])
def test_the_same_words_as_events(text: str, type_: str) -> None:
    assert type_ in [e.type for e in coded(text)]


def test_talk_of_sanctions_is_speculation() -> None:
    assert coded("Two envoys said talk of sanctions against Moscow was groundless.") == []
    assert [e.type for e in coded("Kenya held talks with Uganda on Monday.")] == ["CONSULT"]


@pytest.mark.parametrize("text, type_", [
    ("Teachers are striking for higher pay in Oklahoma.", "PROTEST"),
    ("Nurses struck on Monday over pay.", "PROTEST"),
    ("Rebels struck an army base on Monday.", "ASSAULT"),
    ("Security guards struck a protester on Monday.", "ASSAULT"),
])
def test_workers_striking_is_a_strike_not_an_assault(text: str, type_: str) -> None:
    assert [e.type for e in coded(text)] == [type_]


def test_a_deal_struck_in_a_relative_clause_is_no_assault() -> None:
    found = [e.type for e in coded("The justice might examine a deal that he struck with the former president.")]
    assert "ASSAULT" not in found
    assert "ASSAULT" in [e.type for e in coded("The town that rebels struck on Monday was empty.")]


def test_an_arms_sale_is_military_cooperation_and_a_share_sale_no_event() -> None:
    events = code_text("France sold Egypt 24 Rafale fighter jets.", published="2018-04-06")
    assert [(e.type, e.cameo, e.recipient.country if e.recipient else None) for e in events] == [
        ("COOPERATE", "062", "EGY")]
    assert code_text("The company sold its shares on Monday.", published="2018-04-06") == []


def test_an_event_word_naming_a_kind_of_thing_is_no_event() -> None:
    assert code_text("A sanctions bill passed the Senate.", published="2024-03-06") == []
    # the warrant names no arrest made; issuing it is a charge (ACCUSE 1121)
    assert [e.type for e in code_text("Police issued an arrest warrant for the mayor.", published="2024-03-06")] == [
        "ACCUSE"]
    # before a process noun the word still names the act
    events = code_text("The UN sent an aid convoy to Gaza.", published="2024-03-06")
    assert [e.type for e in events] == ["AID"]


@pytest.mark.parametrize("text", ["Call 815-748-2060 for information.",
                                  "Please contact the embassy in Nairobi for details.",
                                  "Meet the candidates at the town hall in Accra on Friday."])
def test_an_instruction_to_the_reader_is_no_event(text: str) -> None:
    assert coded(text) == []


@pytest.mark.parametrize("text, type_", [
    ("Thousands of demonstrators gathered in Nairobi on Friday.", ["PROTEST"]),
    ("Protesters massed outside parliament in Accra on Monday.", ["PROTEST"]),
    ("Crowds gathered to watch the parade in Lagos on Monday.", []),
    # a crowd gathered doing what a rally does: chanting, calling for something
    ("Hundreds of supporters had gathered outside the court in Seoul, calling for his release.", ["PROTEST"]),
    ("Hundreds of supporters gathered to watch the verdict in Seoul, waving flags and chanting.", ["PROTEST"]),
    ("Hundreds of people gathered in Lagos on Monday, waiting for the buses.", []),
    ("Police gathered evidence in Lagos on Monday.", []),
])
def test_protesters_gathering_is_a_demonstration(text: str, type_: list[str]) -> None:
    assert [e.type for e in coded(text)] == type_


@pytest.mark.parametrize("text, type_", [
    ("Millions of South Koreans took to the streets over a period of several months.", ["PROTEST"]),
    ("The minister took to Twitter on Monday.", []),
    ("Rebels took over the town on Monday.", ["COERCE"]),
])
def test_taking_to_the_streets_is_a_protest_and_a_period_no_particle(text: str, type_: list[str]) -> None:
    assert [e.type for e in coded(text)] == type_


@pytest.mark.parametrize("text, type_", [
    ("Government troops retook two villages near Goma on Sunday.", "COERCE"),
    ("The army recaptured the town from the rebels on Sunday.", "COERCE"),
    ("Ukraine's army said it had repelled the attacks near Bakhmut.", "ASSAULT"),
    ("Soldiers drove the rebels out of the town on Sunday.", "ASSAULT"),
    ("The army pushed the rebels out of Goma after heavy fighting.", "ASSAULT"),
    ("Police flushed out the gunmen from the building.", "ASSAULT"),
])
def test_territory_retaken_and_attacks_repelled_are_coded(text: str, type_: str) -> None:
    assert type_ in [e.type for e in coded(text)]


def test_a_plan_for_a_truce_is_no_truce() -> None:
    types = [e.type for e in coded("Egypt, Qatar and the United States agreed on a truce plan on Wednesday.")]
    assert types == ["AGREE", "AGREE", "AGREE"]


@pytest.mark.parametrize("text, recipient", [
    ("Russia launched 40 missiles at Ukraine overnight.", "UKR"),
    ("Hamas fired rockets into Israel on Monday.", "ISR"),
    ("Iran launched drones at Israel on Saturday.", "ISR"),
])
def test_missiles_rockets_and_drones_fired_at_someone_are_an_assault(text: str, recipient: str) -> None:
    # "missile", "rocket" and "drone" are troops' gear and arms as well as weapons fired: every class counts
    assert [(e.type, e.recipient and e.recipient.country) for e in coded(text)] == [("ASSAULT", recipient)]


@pytest.mark.parametrize("text", ["North Korea test-fired a ballistic missile on Thursday.",
                                  "North Korea tested a ballistic missile on Tuesday.",
                                  "North Korea fired two ballistic missiles into the sea on Thursday."])
def test_a_missile_test_is_a_show_of_force(text: str) -> None:
    assert [(e.type, e.mode) for e in coded(text)] == [("MOBILIZE", "weapons")]


@pytest.mark.parametrize("text, code", [
    ("Workers went on strike at the port of Durban on Monday.", ("PROTEST", "strike")),
    ("The army put its forces on high alert on Monday.", ("MOBILIZE", "troops")),
    ("Police were placed on alert in Lagos on Monday.", ("MOBILIZE", "police")),
])
def test_a_state_entered_on_strike_or_on_alert_is_coded(text: str, code: tuple[str, str]) -> None:
    assert [(e.type, e.mode) for e in coded(text)] == [code]


def test_going_on_somewhere_is_no_strike() -> None:
    assert coded("The plane went on to Paris on Monday.") == []


def test_a_sit_in_split_by_the_tokenizer_is_a_protest() -> None:
    events = coded("Students staged a sit-in at the university in Dhaka on Monday.")
    assert [(e.type, e.actor and e.actor.text) for e in events] == [("PROTEST", "Students")]


@pytest.mark.parametrize("text, code", [
    ("Rockets slammed into a residential area of Kharkiv on Monday.", ("ASSAULT", "190")),
    ("Israel called up 300,000 reservists on Monday.", ("MOBILIZE", "154")),
    ("The World Bank approved a $1.5 billion loan to Pakistan on Monday.", ("AID", "070")),
    ("The two sides exchanged hundreds of prisoners on Monday.", ("RETREAT", "0841")),  # "hundreds": a container
    ("Thai soldiers exchanged fire with Cambodian troops along the border on Monday.", ("ASSAULT", "190")),
    ("Attackers set off explosives at a mosque in Peshawar on Monday.", ("ASSAULT", "183")),
    ("Mali's junta dissolved all political parties on Tuesday.", ("COERCE", "1722")),
    ("The military government suspended the main opposition party on Monday.", ("COERCE", "1722")),
    ("Police prevented a demonstration by students outside the parliament.", ("COERCE", "1721")),
    ("Security forces blocked a rally by opposition supporters in the capital.", ("COERCE", "1721")),
    ("The United States will prohibit all aid to the militia.", ("SANCTION", "162")),
    ("Dockworkers began an open-ended strike on Monday over pay.", ("PROTEST", "143")),  # "on Monday": no target
    ("Drones carried out a strike on Monday on a base near Kursk.", ("ASSAULT", "190")),
    ("Serbia put its army on the highest state of alert on Monday.", ("MOBILIZE", "152")),
    ("The International Criminal Court issued an arrest warrant for the Russian president.", ("ACCUSE", "1121")),
    ("A judge issued a warrant for the arrest of the former minister.", ("ACCUSE", "1121")),  # no arrest made
])
def test_common_wire_phrasings_are_coded(text: str, code: tuple[str, str]) -> None:
    assert [(e.type, e.cameo) for e in coded(text)] == [code]


@pytest.mark.parametrize("text", ["A truck slammed into a bus on the highway on Monday.",
                                  "The delegation set off for Paris on Monday.",
                                  "The court set a date for the trial on Monday.",
                                  "The minister called up the ambassador on Monday.",
                                  "Parliament approved the budget on Monday.",
                                  "The president dissolved parliament on Monday.",
                                  "Residents hung flags from their windows on Monday."])
def test_the_same_verbs_in_other_senses_code_nothing(text: str) -> None:
    assert coded(text) == []


@pytest.mark.parametrize("text, speaker, doer", [
    ("Amnesty International said soldiers had committed war crimes in Tigray.", "Amnesty International", "soldiers"),
    ("The rebels committed several crimes in two regions, the minister said.", "the minister", "The rebels"),
    ("The group committed several crimes in two regions, the minister said.", "the minister", None),  # "group": no one
])
def test_wrongs_a_speaker_says_someone_committed_are_the_speaker_s_accusation(text: str, speaker: str,
                                                                              doer: str | None) -> None:
    # "committed" is no promise (AGREE) here: the speaker accuses the doer
    (event,) = coded(text)
    assert (event.type, event.mode) == ("ACCUSE", "allege")
    assert event.actor is not None and event.actor.text == speaker
    assert (event.recipient and event.recipient.text) == doer


@pytest.mark.parametrize("text, speaker, blamed", [
    ("Britain said Russia was responsible for the attack.", "Britain", "Russia"),
    ('"The analysis shows that the militia is most likely responsible for the bombing," the minister said.',
     "the minister", "the militia"),
])
def test_a_speaker_holding_someone_responsible_for_a_wrong_told_before_accuses_them(text: str, speaker: str,
                                                                                     blamed: str) -> None:
    (event,) = coded(text)  # no second ASSAULT by the one blamed: the attack is the accusation's content
    assert (event.type, event.mode) == ("ACCUSE", "allege")
    assert event.evidence.trigger.startswith("responsible for the")
    assert (event.actor and event.actor.text, event.recipient and event.recipient.text) == (speaker, blamed)


def test_responsibility_for_a_wrong_told_with_its_details_keeps_the_wrong() -> None:
    events = coded("Police said the rebels were responsible for the killing of five villagers.")
    assert [(e.type, e.actor and e.actor.text) for e in events] == [("ASSAULT", "the rebels")]


@pytest.mark.parametrize("text, speaker, breaker", [
    ("Turkey says the Greek ship breached a UN ban on arms exports.", "Turkey", "the Greek ship"),
    ("Iran violated US sanctions by selling oil, the Treasury said.", "the Treasury", "Iran"),
])
def test_a_rule_a_speaker_says_someone_broke_is_the_speaker_s_accusation(text: str, speaker: str,
                                                                        breaker: str) -> None:
    (event,) = coded(text)  # the ban is not imposed anew: it is only named
    assert (event.type, event.mode) == ("ACCUSE", "allege")
    assert (event.actor and event.actor.text, event.recipient and event.recipient.text) == (speaker, breaker)


def test_a_rule_broken_in_the_narrator_s_words_is_defied_by_the_breaker() -> None:
    (event,) = coded("The Greek ship breached a UN ban on arms exports.")
    assert (event.type, event.cameo, event.actor and event.actor.text) == ("REJECT", "128", "The Greek ship")


def test_a_truce_broken_is_an_attack_whoever_tells_it() -> None:
    (event,) = coded("Israel said Hamas had broken the truce.")
    assert (event.type, event.cameo, event.actor and event.actor.text) == ("ASSAULT", "196", "Hamas")


@pytest.mark.parametrize("text", [
    "The minister warned that the economy could shrink next year.",
    "The UN warned of a looming famine in Yemen.",
    "Weather officials warned that a storm could drop an inch of rain on Fargo.",
])
def test_a_warning_that_only_foretells_is_no_threat(text: str) -> None:
    assert coded(text) == []


@pytest.mark.parametrize("text, recipient", [
    ("Russia warned Ukraine that it would respond to any attack.", "UKR"),
    ("Iran warned that it would close the Strait of Hormuz.", None),
    ("North Korea warned of retaliation against South Korea.", None),
    ("If the US imposes tariffs, China will respond, the minister warned.", None),
])
def test_a_warning_given_to_someone_or_telling_what_will_be_done_is_a_threat(text: str,
                                                                            recipient: str | None) -> None:
    threats = [e for e in coded(text) if e.evidence.trigger == "warned"]
    assert [e.type for e in threats] == ["THREATEN"]
    if recipient is not None:
        assert threats[0].recipient is not None and threats[0].recipient.country == recipient


@pytest.mark.parametrize("text", [
    "The Airbus A330 jetliner crashed into the Atlantic Ocean in June, killing all 228 people on board.",
    "A bus plunged into a ravine in Nepal on Monday, killing 12 people.",
])
def test_a_toll_told_as_what_a_crash_did_is_no_assault(text: str) -> None:
    assert [e for e in coded(text) if e.type == "ASSAULT"] == []


def test_a_vehicle_crashed_into_a_place_on_purpose_is_an_assault() -> None:
    events = coded("A suicide bomber crashed a car into a checkpoint in Kabul, killing five soldiers.")
    assert [e.type for e in events] == ["ASSAULT"]


def test_a_figure_up_from_another_is_no_uprising() -> None:
    assert coded("Ford said that its share of the US car market rose to 17%, up from 14% a year ago.") == []


@pytest.mark.parametrize("text", [
    "A youth was charged with the murder of a Japanese man in Dundalk on Monday.",
    "A Woodbridge man charged in the abduction and death of a woman was declared unfit to stand trial.",
    "Farrin was arrested on Monday on a charge of simple assault for allegedly attacking Howard Brown.",
])
def test_the_wrong_a_charge_names_is_no_new_happening(text: str) -> None:
    assert [e.type for e in coded(text)] == ["COERCE"]  # the charge, or the arrest on it


def test_violence_by_the_state_s_own_is_reported_by_its_charge() -> None:
    events = coded("Police charged two officers with the killing of a protester on Monday.")
    assert sorted(e.type for e in events) == ["ASSAULT", "COERCE"]


def test_called_as_naming_is_no_phone_call_and_its_namer_did_nothing_named() -> None:
    assert [e.type for e in coded("A militant group called Boko Haram attacked the village of Chibok.")] == ["ASSAULT"]
    assert coded("The new party is called Unity.") == []
    (attack,) = coded("President Biden called the attack an outrage.")
    assert attack.actor is None  # the attack was not Biden's: he named it
    (call,) = coded("Putin called Erdogan on Monday to discuss Syria.")
    assert (call.type, call.cameo) == ("CONSULT", "041")


@pytest.mark.parametrize("text", [
    "The Bible's growing appeal is one reason for the move.",
    "This indicates continued strong demand for the company's computers.",
])
def test_an_appeal_that_attracts_and_a_market_s_demand_are_no_requests(text: str) -> None:
    assert coded(text) == []


@pytest.mark.parametrize("text", [
    "An earlier accident shut down the fast lane of Interstate 64.",
    "Hurricane Betsy utterly destroyed the church in New Orleans.",
    "The church was destroyed by fire on Monday.",
    "Three bedrooms, each with a bathroom, occupy the top floor.",
])
def test_what_nature_or_a_thing_does_is_no_coercion(text: str) -> None:
    assert [e for e in coded(text) if e.type == "COERCE"] == []


def test_coercion_by_people_named_after_a_hazard_stays() -> None:
    events = coded("Fire inspectors suddenly shut down the two venues of the film festival in St. Petersburg.")
    assert [e.type for e in events] == ["COERCE"]


def test_an_arrest_information_may_lead_to_is_not_made() -> None:
    events = coded("Police offered a reward for information leading to the arrest of the bombers.")
    assert [e for e in events if e.type == "COERCE"] == []


def test_an_error_committed_is_no_accusation() -> None:
    assert coded("The minister said he had committed an error in Nairobi.") == []


def test_a_target_the_tagger_swept_into_a_time_is_still_the_target() -> None:
    (event,) = coded("Russia fired missiles at Kyiv overnight.")
    assert event.recipient is not None and event.recipient.country == "UKR"
    assert event.location is not None and event.location.name == "Kyiv"


def test_a_person_described_as_accused_is_no_accusation() -> None:
    events = coded("Police arrested a teacher accused of fraud in Lagos on Monday.")
    assert [e.type for e in events] == ["COERCE"]
    # with its accuser named, the participle reports an accusation
    named = coded("The opposition leader, accused by prosecutors of treason, was released on Monday.")
    assert "ACCUSE" in [e.type for e in named]


def test_a_news_release_releases_no_one() -> None:
    events = coded("The two inmates were captured in Chattanooga, according to a news release from the sheriff.")
    assert "RETREAT" not in [e.type for e in events]
    assert "RETREAT" in [e.type for e in coded("Kenya released 20 Ugandan prisoners on Monday.")]


def test_hitting_out_at_a_state_is_criticism_not_a_blow() -> None:
    assert [e.type for e in coded("Turkey hit out at Greece on Monday.")] == ["ACCUSE"]


def test_a_protest_lodged_with_a_state_is_an_official_complaint() -> None:
    (event,) = [e for e in coded("China protested to Japan on Monday over the minister's visit to the shrine.")
                if e.evidence.trigger == "protested"]
    assert (event.type, event.cameo, event.recipient and event.recipient.country) == ("ACCUSE", "114", "JPN")
    assert [e.type for e in coded("Thousands of students protested in Nairobi on Monday.")] == ["PROTEST"]


@pytest.mark.parametrize("text", ["The government withdrew its objection to the plan.",
                                  "Prosecutors dropped the charges against the activists.",
                                  "The union abandoned its demand for a pay rise."])
def test_a_claim_withdrawn_is_yielding_not_a_pullback_or_a_new_claim(text: str) -> None:
    events = code_text(text, published="2024-03-06")
    assert [(e.type, e.cameo) for e in events] == [("CONCEDE", "080")]


@pytest.mark.parametrize("text", ["A higher court reduced the sentence of the former president.",
                                  "The president commuted the death sentence of the activist.",
                                  "The supreme court overturned the conviction of the journalist."])
def test_a_penalty_eased_is_yielding_to_the_one_penalised(text: str) -> None:
    [event] = code_text(text, published="2024-03-06")
    assert (event.type, event.cameo) == ("CONCEDE", "080")
    assert event.recipient is not None and event.recipient.text.startswith("the ")


@pytest.mark.parametrize("text", ["This punitive law targets activists who seek transparency.",
                                  "The new tax hits the poorest families hardest."])
def test_a_law_that_targets_people_is_no_assault(text: str) -> None:
    assert [e.type for e in code_text(text, published="2024-03-06") if e.type == "ASSAULT"] == []


@pytest.mark.parametrize("text", [
    "An 80-year-old woman was killed when a neighbor accidentally hit her while reversing.",
    "The hunter accidentally shot his friend during the trip.",
    "A motorcycle wreck on the avenue killed a passenger on Sunday.",
    "Three children died in a trailer fire on Sunday.",
    "It was the third attack on the base this month.",
    "Afghanistan was his third deployment.",
    "He pointed an object at the officers who had been summoned to the house.",
    "Delegates passed a motion to cut off debate on the issue.",
    "The legislative process had to take precedence over personal feelings.",
])
def test_accidents_descriptions_and_everyday_senses_are_no_events(text: str) -> None:
    assert [e.type for e in code_text(text, published="2024-03-06") if e.modality == "asserted"] == []


@pytest.mark.parametrize("text, type_", [
    ("Police accidentally shot a bystander during the raid.", "ASSAULT"),
    ("There was heavy fighting in Aleppo on Sunday.", "ASSAULT"),
    ("Three people died in police firing on Sunday.", "ASSAULT"),
])
def test_what_stays_an_event_beside_them(text: str, type_: str) -> None:
    assert type_ in [e.type for e in code_text(text, published="2024-03-06")]


@pytest.mark.parametrize("text", [
    "Then they captured sulfur with a limestone spray.",
    "The FBI has not released the agent's name.",
    "There are 28 contracts in the district, according to figures released to local councillors.",
    "Nelson concedes the number could be a little optimistic.",
    "Coull also beat out Robert Kusner for the seat.",
])
def test_more_everyday_senses_are_no_events(text: str) -> None:
    assert code_text(text, published="2024-03-06") == []


@pytest.mark.parametrize("text", [
    "Supply and demand justify the price charged for a good.",
    "Rates charged by utilities depend on the utilities themselves.",
    "Alan, 79, strikes out in marathon.",
    "The Panthers will face Millville, a team that they beat 45-23 last year.",
    "The medicinal cannabis has stopped her seizures.",
])
def test_prices_games_and_fits_are_no_events(text: str) -> None:
    assert code_text(text, published="2024-03-06") == []


def test_forces_committed_are_deployed_and_drug_seizures_stay_seizures() -> None:
    [guard] = code_text("The National Guard committed 500 soldiers to the operation.", published="2024-03-06")
    assert guard.type == "MOBILIZE"
    [seized] = code_text("Customs officers made record drug seizures at the port.", published="2024-03-06")
    assert (seized.type, seized.mode) == ("COERCE", "confiscate")


@pytest.mark.parametrize("text", [
    "Anyone with information about the burglaries is asked to call the police department.",
    "The incident was captured on video by at least one bystander.",
    "The first vehicle, occupied by a male adult driver, was stopped at a driveway.",
])
def test_notices_recordings_and_drivers_are_no_events(text: str) -> None:
    assert code_text(text, published="2024-03-06") == []


def test_appeals_to_a_party_and_towns_occupied_stay_events() -> None:
    assert [e.type for e in code_text("Police asked residents to stay indoors.", published="2024-03-06")] == ["REQUEST"]
    assert [e.type for e in code_text("Rebels occupied the town hall on Monday.", published="2024-03-06")] == ["COERCE"]


def test_a_standing_stance_is_no_current_event_but_defending_a_partys_rights_is_support() -> None:
    events = code_text("Vietnam always supports a greater role for Russia in the region.", published="2024-03-06")
    assert [e.modality for e in events if e.type == "SUPPORT"] == ["historical"]
    # CAMEO 052, defend verbally: "defended Japan's right to administer the islands"
    defended = code_text("The minister defended Japan's right to administer the islands.", published="2024-03-06")
    assert [(e.type, e.cameo) for e in defended] == [("SUPPORT", "052")]


@pytest.mark.parametrize("text", [
    "Williams said she had gone to pick up her daughter.",
    "Volunteers will pick up roadside litter throughout April.",
    "In this collection, he interrogates the imperative of African development.",
    "Alstom will build a plant to capture carbon dioxide.",
])
def test_errands_essays_and_chemistry_are_no_events(text: str) -> None:
    assert code_text(text, published="2024-03-06") == []


def test_suspects_picked_up_are_still_arrested() -> None:
    [event] = code_text("Police picked up two suspects on Monday.", published="2024-03-06")
    assert (event.type, event.mode) == ("COERCE", "arrest")


def test_a_particle_that_changes_the_sense_with_no_object_is_no_event() -> None:
    for text in ("Food prices shot up by 20 percent last month.", "Traffic backed up for miles on the highway.",
                 "The new governor was sworn in on Monday."):
        assert code_text(text, published="2024-03-05") == [], text
    shooting = code_text("Gunmen shot up a bar in the city.", published="2024-03-05")
    assert [e.type for e in shooting] == ["ASSAULT"]


def test_blocking_a_decision_is_a_veto_and_blocking_a_road_an_obstruction() -> None:
    veto = code_text("Hungary blocked a new EU aid package for Ukraine.", published="2024-03-05")
    assert [(e.type, e.cameo) for e in veto] == [("REJECT", "122")]  # the aid is what is refused, not given
    resolution = code_text("The United States vetoed a Security Council resolution.", published="2024-03-05")
    assert [(e.type, e.cameo) for e in resolution] == [("REJECT", "129")]
    bid = code_text("Turkey blocked Sweden's bid to join NATO.", published="2024-03-05")
    assert [(e.type, e.recipient and e.recipient.country) for e in bid] == [("REJECT", "SWE")]
    road = code_text("Protesters blocked the main highway into the capital.", published="2024-03-05")
    assert [(e.type, e.cameo) for e in road] == [("PROTEST", "144")]


def test_air_defence_meeting_an_attack_s_weapons_is_no_act_of_its_own() -> None:
    for text in ("Ukraine's air force said it intercepted 52 of the 71 missiles launched by Russia.",
                 "Ukraine's air force said it shot down 30 of the 40 drones launched overnight."):
        assert code_text(text, published="2024-03-05") == [], text
    jet = code_text("Ukrainian forces shot down a Russian fighter jet.", published="2024-03-05")
    assert [(e.type, e.recipient and e.recipient.country) for e in jet] == [("ASSAULT", "RUS")]


def test_what_an_attack_is_made_with_is_not_its_target() -> None:
    events = code_text("Protesters attacked police with stones in Lagos.", published="2024-03-05")
    assert [(e.type, e.recipient and e.recipient.text) for e in events] == [("ASSAULT", "police")]
    struck = code_text("Ukraine struck an oil depot in Russia with drones.", published="2024-03-05")
    assert all(e.recipient is None or e.recipient.text != "drones" for e in struck)
    clash = code_text("Rebels clashed with government troops near Goma.", published="2024-03-05")
    assert [e.recipient and e.recipient.text for e in clash] == ["government troops"]


@pytest.mark.parametrize("text", [
    "The suspect swore at the officer and pointed the gun directly at him.",
    "Charlie's life support was turned off in July.",
    "The company's president immediately shot down rumors of the new engine.",
    "The accused, named as Mohamed Morei, was unable to appear before the court today.",
    "A student asked the governor what he found most interesting about Lincoln.",
])
def test_everyday_senses_of_event_words_are_no_events(text: str) -> None:
    assert code_text(text, published="2024-03-05") == []


def test_asking_someone_to_act_is_still_a_request() -> None:
    events = code_text("The president asked parliament to approve the budget.", published="2024-03-05")
    assert [e.type for e in events] == ["REQUEST"]


@pytest.mark.parametrize("text, earlier", [
    ("The police action came after officials in the regions complained to regional authorities about the gunmen.",
     "ACCUSE"),
    ("That vote came after millions of people took to the streets for months to demand the president's ouster.",
     "PROTEST"),
    ("The shooting comes after the police killing of an unarmed man sparked two weeks of protests.", "PROTEST"),
])
def test_what_an_event_came_after_is_named_in_passing_not_reported(text: str, earlier: str) -> None:
    asserted = [e.type for e in code_text(text, published="2024-03-05") if e.modality == "asserted"]
    assert earlier not in asserted and "REQUEST" not in asserted


def test_what_an_event_came_after_told_in_full_is_a_fact_of_its_own() -> None:
    events = code_text("The strike came two days after rebel fighters shelled the city of El Fasher, killing eight "
                       "people.", published="2024-03-05")
    assert any(e.type == "ASSAULT" and e.counts.dead == 8 and e.modality == "asserted" for e in events)


@pytest.mark.parametrize("text", [
    "The town has been calm since rebels signed a truce with the army.",
    "Relations have been tense since Niger expelled the French ambassador.",
    "The district has seen calm since the cleric declared a ceasefire amid a crackdown by the U.S. military.",
    "Shaab has been quiet since the cleric declared a ceasefire last year.",  # a year ago: no day of the story
])
def test_what_a_lasting_state_has_held_since_is_named_in_passing_not_reported(text: str) -> None:
    assert [e.type for e in code_text(text, published="2024-03-05") if e.modality == "asserted"] == []


@pytest.mark.parametrize("text", ["The district has seen a drop in violence.", "Officials reported a surge in "
                                  "kidnappings in the north.", "The UN noted a rise in attacks on aid workers."])
def test_a_trend_in_a_kind_of_event_is_no_happening(text: str) -> None:
    assert [(e.type, e.evidence.trigger) for e in code_text(text, published="2024-03-05")] == []


@pytest.mark.parametrize("text, trigger", [
    ("Fighting has raged since the army attacked the town on Monday.", "attacked"),  # dated: the story's own day
    ("Since the army fired on the crowd, thousands of people fled.", "fired on"),  # after a past: a reason
])
def test_a_since_clause_that_dates_its_act_or_gives_a_reason_is_still_coded(text: str, trigger: str) -> None:
    assert trigger in [e.evidence.trigger for e in code_text(text, published="2024-03-05")
                       if e.modality == "asserted"]


def test_an_act_after_which_another_is_reported_is_still_coded() -> None:
    events = code_text("Russian forces attacked the town after Ukraine struck an oil depot.", published="2024-03-05")
    assert [(e.type, e.actor and e.actor.country) for e in events] == [("ASSAULT", "RUS"), ("ASSAULT", "UKR")]


def test_what_a_haste_or_bid_is_to_do_is_not_done() -> None:
    (e,) = code_text("In his haste to withdraw from Syria, the president stands alone.", published="2024-03-05")
    assert e.modality != "asserted"


def test_an_event_noun_said_to_be_frequent_is_a_habit_not_a_happening() -> None:
    events = code_text("Clashes are frequent in Dagestan, but the fighting near the border was intense.",
                       published="2024-03-05")
    assert [e.evidence.trigger for e in events] == ["fighting"]


def test_a_present_relative_clause_on_those_or_anyone_is_a_class_not_a_happening() -> None:
    assert code_text("The law will punish those who abuse them.", published="2024-03-05") == []
    anyone = code_text("Anyone who attacks a police officer will be prosecuted.", published="2024-03-05")
    assert "ASSAULT" not in [e.type for e in anyone]


@pytest.mark.parametrize("text, gone", [
    ("Lebanon complained to the United Nations over two Israeli air raids in which 20 people were killed.", "ASSAULT"),
    ("She was the only person seriously injured in the collisions, police said.", "ASSAULT"),
    ("Unemployment rose after the government's move to ban high-value currency notes.", "COERCE"),
])
def test_what_is_told_of_something_named_in_passing_is_no_happening(text: str, gone: str) -> None:
    assert gone not in [e.type for e in code_text(text, published="2024-03-05") if e.modality == "asserted"]


def test_what_a_person_or_a_time_named_after_before_or_since_does_is_still_told() -> None:
    remanded = code_text("The three were produced before the chief magistrate, who remanded them to police custody.",
                         published="2024-03-05")
    assert [e.type for e in remanded] == ["COERCE"]


def test_a_protest_s_purpose_is_its_aim_not_acts_of_its_own() -> None:
    events = code_text("Young Algerians blocked roads leading to the city centre on Sunday to press their demands for "
                       "greater freedom.", published="2024-03-05")
    assert [e.type for e in events] == ["PROTEST"]


def test_arrests_made_in_raids_are_one_happening() -> None:
    events = code_text("Israeli troops arrested at least 15 Palestinians in overnight raids across the occupied West "
                       "Bank.", published="2024-03-05")
    assert [e.type for e in events] == ["COERCE"]


def test_a_participle_describing_a_thing_is_no_act_of_cooperation() -> None:
    struck = code_text("Russian missiles struck facilities supporting Ukraine's military.", published="2024-03-05")
    assert [e.type for e in struck] == ["ASSAULT"]
    statement = code_text("The government issued a statement supporting the peace plan.", published="2024-03-05")
    assert [e.type for e in statement] == ["SUPPORT"]


def test_a_release_issued_is_a_document() -> None:
    assert code_text("Relations are excellent, a release issued by the House said.", published="2024-03-05") == []
    freed = code_text("The rebels announced the release of 20 hostages.", published="2024-03-05")
    assert [e.type for e in freed] == ["RETREAT"]


@pytest.mark.parametrize("text", ["The court opened a hearing into the killing of the journalist.",
                                  "Police launched an investigation into the shooting of two protesters."])
def test_what_is_looked_into_is_named_in_passing(text: str) -> None:
    assert [e.type for e in coded(text) if e.type == "ASSAULT"] == []


def test_an_agreement_entered_into_is_made() -> None:
    assert "AGREE" in [e.type for e in coded("The two governments entered into an agreement on Monday.")]


def test_a_warrant_and_an_execution_name_whom_they_are_for() -> None:
    (warrant,) = coded("The International Criminal Court issued an arrest warrant for the Russian president.")
    assert warrant.recipient is not None and warrant.recipient.text == "the Russian president"
    hanged = [e for e in coded("Iran hanged two men on Monday.") if e.type == "ASSAULT"]
    assert [(e.cameo, e.recipient and e.recipient.text) for e in hanged] == [("18", "two men")]


@pytest.mark.parametrize("text", ["The United States imposed sanctions on two firms accused of supplying drones to "
                                  "Russia.", "Police arrested a man suspected of killing a guard."])
def test_what_someone_is_said_to_have_done_is_no_happening_told(text: str) -> None:
    assert [e.type for e in coded(text) if e.type in ("AID", "ASSAULT")] == []


def test_an_amount_s_content_names_whom_it_is_for() -> None:
    events = coded("Germany pledged 500 million euros in military aid to Ukraine.")
    assert [(e.type, e.actor and e.actor.country, e.recipient and e.recipient.country) for e in events] == [
        ("AID", "DEU", "UKR")]


def test_protesters_travelling_to_join_a_protest_are_no_visit() -> None:
    found = coded("Thousands of protesters were travelling to Islamabad to join the protest on Monday.")
    assert [e.type for e in found] == ["PROTEST"]
    assert found[0].actor is not None and "protesters" in found[0].actor.text


def test_fought_battles_is_done_by_the_subject() -> None:
    (event,) = coded("His supporters fought running battles with police in Lahore on Monday.")
    assert event.type == "ASSAULT" and event.actor is not None and event.actor.text == "His supporters"


def test_allied_forces_parsed_as_a_verb_is_no_cooperation() -> None:
    found = coded("Kurdish officials called it a diversion from the campaign by Turkey and allied Syrian militia "
                  "forces in Afrin.")
    assert "COOPERATE" not in [e.type for e in found]


@pytest.mark.parametrize("text, type_", [
    ("The president vowed to crush the rebels.", "THREATEN"),  # a vow of force
    ("Security forces crushed the protests in the capital.", "COERCE"),  # violent repression
    ("The defeat crushed the hopes of the opposition.", None),
    ("A worker was crushed by a truck at the port.", None),
])
def test_crushing_is_force_only_on_armed_men_or_protests(text: str, type_: str | None) -> None:
    assert [e.type for e in coded(text)] == ([type_] if type_ else [])


@pytest.mark.parametrize("text, type_", [
    ("China and the Philippines traded accusations after their vessels collided near a disputed shoal.", "ACCUSE"),
    ("India and Pakistan exchanged threats on Monday.", "THREATEN"),
])
def test_an_act_traded_between_two_sides_is_each_one_s_to_the_other(text: str, type_: str) -> None:
    pairs = {(e.actor and e.actor.country, e.recipient and e.recipient.country) for e in coded(text)
             if e.type == type_}
    assert len(pairs) == 2 and {(b, a) for a, b in pairs} == pairs and (None, None) not in pairs


@pytest.mark.parametrize("text, cameo", [
    ("The government deployed riot police to the capital on Monday.", "153"),
    ("The army deployed troops to the border.", "154"),
])
def test_police_deployed_are_police_troops_are_troops(text: str, cameo: str) -> None:
    assert [(e.type, e.cameo) for e in coded(text)] == [("MOBILIZE", cameo)]


def test_an_official_dismissed_is_no_rejection() -> None:
    assert [e.type for e in coded("The president dismissed the army chief on Tuesday.")] == []


@pytest.mark.parametrize("text", [
    "The Senate killed the bill on Tuesday.",  # stopped, no one harmed
    "The automobile makers have been hard hit by the economic downturn.",  # suffered, no blow
    "Farmers in the province were hit hard by the drought.",
    "In Singapore, stocks hit a five year low.",  # "low" read as the verb's complement
    "A 21-year-old man pleaded guilty on Monday in the death of a motorcyclist.",  # a plea in court
    "She has pleaded innocent to charges that she failed to report the plan.",
    "A Justice official, who requested anonymity, said the department has authority.",  # the reporter's source
    "A federal trial that focused only on the Pottstown home invasion ended with a hung jury.",  # a burglary
    "Team Panther rallied from an early ten point deficit to knock out the Royals.",  # a comeback
    "The initiative was designed to rally Arab public opinion.",  # support gathered
    "The officers complained of neck and back injuries and were being evaluated.",  # symptoms
    "A demonstration of military power, on the other hand, is available.",  # a showing
    "The House legislation calls for a 90 percent tax.",  # a bill's content
    "Du Pont attributed the gain to higher demand in the U.S. for textile products.",  # a market's demand
    "Analysts blame the recent losses on fears of a recession.",  # nobody's accusation of no party
    "The director and his crew spent three days shooting footage in Casablanca.",  # filming
    "The Russian-American crew blasted off to the space station on Friday.",  # a launch, no criticism
    "The party leader captured a mere 1.3 percent of the vote.",  # votes won, nothing seized
    "She was struck by an SUV driven by a neighbour.",  # the driver at the wheel: a traffic accident
    "The robber picked up the wallet and fled north.",  # things picked up, locked up or released: no custody
    "The gate of the compound has been locked up.",
    "The authorities released a white paper on religion on Monday.",
])
def test_senses_of_no_political_event(text: str) -> None:
    assert [e for e in coded(text) if e.modality == "asserted"] == []


def test_a_deal_killed_is_rejected_not_agreed() -> None:
    events = coded("Industry experts say the tanker deal had been killed by the Pentagon.")
    assert [(e.type, e.actor and e.actor.text) for e in events] == [("REJECT", "the Pentagon")]


def test_what_a_verb_s_plan_object_plans_is_not_done() -> None:
    # "plans" parsed as the object of "announced", the infinitive as the verb's complement
    events = coded("The company announced plans Friday to shut down about 1,100 of its dealerships.")
    assert all(e.modality != "asserted" for e in events)


def test_a_place_hit_by_protests_suffered_no_blow() -> None:
    events = code_text("Over the past three years, India has been hit by several protests by caste groups.",
                       published="2024-03-06")
    assert [e.type for e in events if e.type == "ASSAULT"] == [] and "PROTEST" in {e.type for e in events}


def test_a_body_calling_for_something_still_requests_it() -> None:
    assert [e.type for e in code_text("The demonstrators called for the release of the prisoners.",
                                      published="2024-03-06")] == ["REQUEST"]


def test_weapons_held_in_a_quantity_noun_are_each_read() -> None:
    # "rounds of fire and tear-gas shells": the gas is crowd control used against the mob
    events = code_text("The police force has used many rounds of fire and tear-gas shells against the mobs.",
                       published="2002-03-06")
    assert [(e.type, e.cameo, e.actor and e.actor.text) for e in events] == [("ASSAULT", "175", "The police force")]


@pytest.mark.parametrize("text, event_type", [
    ("Thousands rallied in Abuja to urge him to run.", "PROTEST"),
    ("Residents complained of police brutality on Monday.", "ACCUSE"),
    ("Thousands joined demonstrations in Khartoum on Monday.", "PROTEST"),
])
def test_the_same_words_in_their_political_sense_stay_events(text: str, event_type: str) -> None:
    assert event_type in {e.type for e in code_text(text, published="2024-03-06")}


def test_a_headline_s_no_one_injured_is_negated() -> None:
    assert [(e.type, e.modality) for e in code_text("No one injured in Newberry home invasion.",
                                                    published="2024-03-06")] == [("ASSAULT", "negated")]


@pytest.mark.parametrize("text, recipient", [
    ("Authorities have blocked lawyers from visiting him.", "lawyers"),
    ("The head of the orchestra was blocked on Tuesday from entering the refugee camp.", None),
])
def test_someone_blocked_from_doing_something_is_restricted_not_a_blockade(text: str, recipient: str | None) -> None:
    blocked = [e for e in code_text(text, published="2024-03-06") if e.evidence.trigger == "blocked"]
    assert [(e.type, e.mode) for e in blocked] == [("COERCE", "restrict")]
    if recipient is not None:
        assert blocked[0].recipient is not None and blocked[0].recipient.text == recipient
    assert [e.type for e in code_text("Protesters blocked roads in Nairobi on Monday.",
                                      published="2024-03-06")] == ["PROTEST"]
