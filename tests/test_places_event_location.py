"""The event location policy (``extract/places/location.py``): where the event happened, by the rules in order,
with our own example sentences."""

from __future__ import annotations

import pytest

from dragoman.extract.places.location import LOCATION_RULES
from dragoman.pipeline import code_text
from factories import place_resolver, token_of


def test_the_rules_are_in_the_documented_order() -> None:
    assert LOCATION_RULES == ("trigger", "argument", "clause", "sentence", "source", "previous", "story", "dateline")


def test_a_place_in_a_clause_of_its_own_does_not_outrank_the_clause_s_town() -> None:
    # "blamed on Uganda" says who was blamed, not where the attack was.
    doc, resolver = place_resolver("The activist was shot in the port city of Mombasa in an attack that the "
                                   "opposition blamed on Uganda.")
    located = resolver.locate_with_rule(token_of(doc, "attack"))
    assert located is not None
    assert located.place.name == "Mombasa" and located.place.country == "KEN"
    assert located.rule == "clause"


def test_a_possessor_is_whose_not_where() -> None:
    doc, resolver = place_resolver("Japan welcomed Indonesia's efforts to curb piracy, the foreign minister said on "
                                   "Friday in Jakarta.")
    located = resolver.locate_with_rule(token_of(doc, "welcomed"))
    assert located is not None and located.place.name == "Jakarta"


def test_a_possessor_actor_does_not_place_the_event() -> None:
    doc, resolver = place_resolver("Russia's navy fired missiles at the port of Odesa on Sunday.")
    located = resolver.locate_with_rule(token_of(doc, "fired"))
    assert located is not None and located.place.name == "Odesa" and located.place.country == "UKR"


def test_a_nationality_word_never_places_the_event() -> None:
    doc, resolver = place_resolver("An air strike in northern Yemen killed four Saudi soldiers on Monday.")
    located = resolver.locate_with_rule(token_of(doc, "killed"))
    assert located is not None and located.place.country == "YEM"
    assert located.rule == "argument"


def test_a_nationality_the_tagger_took_for_a_name_still_places_nothing() -> None:
    # the small model tags "Ugandan" of "the Ugandan border" as an organisation: still a nationality, not a place
    doc, resolver = place_resolver("Rebels seized the town of Bunagana near the Ugandan border on Monday.")
    located = resolver.locate_with_rule(token_of(doc, "seized"))
    assert located is None or located.place.name != "Ugandan"


def test_a_country_is_refined_to_the_story_s_main_town_in_it() -> None:
    text = ("Police fired tear gas at protesters in Khartoum on Monday. Shops in Khartoum stayed shut.\n\n"
            "Protests were also held in Sudan on Tuesday, witnesses said. Protests spread across Sudan.")
    doc, resolver = place_resolver(text)
    located = resolver.locate_with_rule(token_of(doc, "held"))
    assert located is not None and located.place.name == "Khartoum"
    assert located.rule == "trigger+story"
    assert text[located.place.start:located.place.end] == "Khartoum"
    # "across Sudan" spans the country: no town of it stands for that
    spread = resolver.locate_with_rule(token_of(doc, "spread"))
    assert spread is not None and spread.place.name == "Sudan" and spread.place.precision == "country"


def test_a_direction_keeps_the_country() -> None:
    # "northern Yemen" is a part of the country, not its main town.
    text = ("Fighting continued in Aden on Sunday, residents of Aden said.\n\n"
            "An air strike in northern Yemen killed four soldiers.")
    doc, resolver = place_resolver(text)
    located = resolver.locate_with_rule(token_of(doc, "killed"))
    assert located is not None and located.place.name == "Yemen" and located.place.precision == "country"


def test_the_story_s_place_of_action_not_the_country_of_its_actors() -> None:
    # Turkey is named three times, but as the one who acts; the fighting is in and around Afrin.
    text = ("Turkey said its troops had advanced. Turkey warned the militia again, and Turkey's president spoke.\n\n"
            "Heavy clashes were reported in Afrin on Tuesday. Dozens fled Afrin.\n\n"
            "The militia said it would resist.")
    doc, resolver = place_resolver(text)
    located = resolver.locate_with_rule(token_of(doc, "resist"))
    assert located is not None and located.place.name == "Afrin" and located.rule == "story"


def test_the_dateline_is_not_the_place_when_the_body_names_one() -> None:
    text = "PRETORIA (Reuters) - Government troops clashed with militia fighters in Ethiopia's Amhara region."
    doc, resolver = place_resolver(text, dateline_places=("Pretoria",))
    located = resolver.locate_with_rule(token_of(doc, "clashed"))
    assert located is not None and located.place.country == "ETH"


def test_the_dateline_only_when_the_body_names_no_place() -> None:
    text = "KAMPALA, Uganda (Reuters) - The minister resigned on Tuesday."
    doc, resolver = place_resolver(text, dateline_places=("Kampala",))
    located = resolver.locate_with_rule(token_of(doc, "resigned"))
    assert located is not None and located.place.country == "UGA"
    assert located.rule == "story+dateline"  # the body names only Uganda; Kampala lies in it


def test_a_country_with_no_finer_place_in_the_body_is_refined_to_the_dateline_town_in_it() -> None:
    text = "ACCRA, Ghana (Reuters) - A court in Ghana jailed a former minister on Tuesday."
    doc, resolver = place_resolver(text, dateline_places=("Accra",))
    located = resolver.locate_with_rule(token_of(doc, "jailed"))
    assert located is not None and located.place.name.upper() == "ACCRA" and located.place.country == "GHA"
    assert located.rule == "argument+dateline"  # "a court in Ghana": the subject's place


def test_a_dateline_abroad_does_not_refine_the_country() -> None:
    text = "NAIROBI, Kenya (Reuters) - A court in Ghana jailed a former minister on Tuesday."
    doc, resolver = place_resolver(text, dateline_places=("Nairobi",))
    located = resolver.locate_with_rule(token_of(doc, "jailed"))
    assert located is not None and located.place.name == "Ghana" and located.place.precision == "country"


def test_a_place_opening_a_longer_name_is_no_location() -> None:
    text = ("Kenya welcomes the new trade rules, the Uganda Revenue Authority commissioner told reporters on "
            "Monday in Mombasa.")
    doc, resolver = place_resolver(text)
    located = resolver.locate_with_rule(token_of(doc, "welcomes"))
    assert located is not None and located.place.name == "Mombasa"


def test_a_court_named_after_its_town_places_its_ruling_there() -> None:
    text = "The Kisumu High Court ruled on Monday that the suspects stay in custody."
    doc, resolver = place_resolver(text)
    located = resolver.locate_with_rule(token_of(doc, "stay"))
    assert located is not None and located.place.name == "Kisumu" and located.rule == "sentence"


def test_equally_named_places_go_to_the_one_nearest_the_dateline() -> None:
    # One mention each: Kisumu (near the dateline town) is the story's place, not Mombasa named first.
    text = ("KISUMU, Kenya - Police arrested two men in Mombasa last month. On Sunday they shot a protester in "
            "Kisumu.\n\nThe police said they were investigating.")
    doc, resolver = place_resolver(text, dateline_places=("Kisumu",))
    located = resolver.locate_with_rule(token_of(doc, "investigating"))
    assert located is not None and located.place.name == "Kisumu" and located.rule == "story"


def test_a_country_modifying_a_noun_is_whose_not_where() -> None:
    text = ("A bomb exploded at a market in Kandahar on Monday. The U.S. military said six people were killed.")
    doc, resolver = place_resolver(text)
    located = resolver.locate_with_rule(token_of(doc, "killed"))
    assert located is not None and located.place.name == "Kandahar" and located.rule == "story"


def test_a_topic_elsewhere_in_the_sentence_does_not_place_the_event() -> None:
    # "relations with Uganda" is what was praised, not where; Kisumu, where the talks were, is the story's place
    text = ("Delegates met in Kisumu on Monday. The governor praised the warm relations with Uganda and called for "
            "more trade.")
    doc, resolver = place_resolver(text)
    located = resolver.locate_with_rule(token_of(doc, "praised"))
    assert located is not None and located.place.name == "Kisumu" and located.rule == "previous"


def test_a_country_is_refined_to_its_own_town_the_story_names_even_when_the_story_is_about_another() -> None:
    # The story's place of action is in Kenya, but the envoy's visit to Uganda is refined to Kampala, the one
    # Ugandan town the body names, not to Nairobi.
    text = ("Police in Nairobi arrested ten people. Clashes in Nairobi and Mombasa went on.\n\n"
            "The envoy, who is on a visit to Uganda, spoke in Kampala on Friday. Separately, the envoy met the "
            "delegation that is on a visit to Uganda.")
    doc, resolver = place_resolver(text)
    located = resolver.locate_with_rule(token_of(doc, "met"))
    assert located is not None and located.place.name == "Kampala" and located.rule.endswith("+story")


def test_a_bloc_is_whose_and_no_story_place_while_the_body_names_a_country() -> None:
    text = ("EU officials warned the new government on Monday about the EU position. Talks in Jerusalem went on.\n\n"
            "The president said he would decide soon.")
    doc, resolver = place_resolver(text)
    warned = resolver.locate_with_rule(token_of(doc, "warned"))
    assert warned is not None and warned.place.name == "Jerusalem" and warned.rule == "story"
    decide = resolver.locate_with_rule(token_of(doc, "decide"))
    assert decide is not None and decide.place.name == "Jerusalem"


def test_places_named_only_as_actors_are_the_story_s_place_when_there_is_no_other() -> None:
    doc, resolver = place_resolver("Lebanon complained to the United Nations on Tuesday over two air raids.")
    located = resolver.locate_with_rule(token_of(doc, "complained"))
    assert located is not None and located.place.name == "Lebanon" and located.rule == "story"
    # a nationality word alone places nothing
    doc, resolver = place_resolver("Egyptian police dispersed the demonstrators on Monday night.")
    assert resolver.locate_with_rule(token_of(doc, "dispersed")) is None


def test_the_passive_subject_of_the_trigger_is_the_place_done_to() -> None:
    doc, resolver = place_resolver("Mogadishu was hit by a car bomb on Sunday, while clashes went on near Kismayo.")
    located = resolver.locate_with_rule(token_of(doc, "hit"))
    assert located is not None and located.place.name == "Mogadishu" and located.rule == "trigger"


def test_an_attack_on_a_town_is_placed_there_and_done_to_its_people() -> None:
    from dragoman.pipeline import code_text

    text = ("A Kurdish militia spokesman says Turkey fired on Qamishli and other towns along the border on Tuesday. "
            "Turkish officials denied it.")
    (event,) = [e for e in code_text(text, published="2018-03-01") if e.type == "ASSAULT"]
    assert event.actor is not None and event.actor.country == "TUR"
    assert event.recipient is not None and (event.recipient.country, event.recipient.sector) == ("SYR", "CVL")
    assert event.location is not None and (event.location.name, event.location.country) == ("Qamishli", "SYR")


def test_a_country_in_a_list_of_modifiers_is_whose_not_where() -> None:
    from dragoman.extract.places.location import _whose_country
    from dragoman.gazetteer import Gazetteer
    from dragoman.nlp import get_nlp

    doc = get_nlp()("Hundreds of supporters gathered outside the court, waving Korean and US flags.")
    us = token_of(doc, "US")
    (country,) = [c for c in Gazetteer().lookup("United States") if c.fcode == "PCLI"]
    assert us.dep_ == "conj" and _whose_country(us, country)


def test_a_country_an_adjective_relates_the_doer_to_is_whose_not_where() -> None:
    doc, resolver = place_resolver("Fighters loyal to Ethiopia attacked a camp in Sudan on Tuesday, killing 12 "
                                   "refugees, aid workers said.")
    for trigger in ("attacked", "killing"):
        located = resolver.locate_with_rule(token_of(doc, trigger))
        assert located is not None and located.place.country == "SDN", trigger


def test_a_name_joined_to_the_subject_is_who_not_where() -> None:
    doc, resolver = place_resolver("Egypt, Qatar and Sudan agreed on a plan in Khartoum on Wednesday.")
    located = resolver.locate_with_rule(token_of(doc, "agreed"))
    assert located is not None and located.place.name == "Khartoum"


def test_a_place_inside_what_an_act_asks_for_is_not_where_it_was_asked() -> None:
    from dragoman.pipeline import code_text

    events = code_text("Fighting raged in Khartoum on Sunday between the army and the RSF. The United Nations on "
                       "Monday urged both sides to return to talks in Jeddah.", published="2024-03-06")
    (request,) = [e for e in events if e.type == "REQUEST"]
    assert request.location is not None and request.location.name == "Khartoum"  # the story's place, not Jeddah
    sent = code_text("Kenya sent troops to fight rebels in Goma on Monday.", published="2024-03-06")
    assert ("MOBILIZE", "Goma") in [(e.type, e.location and e.location.name) for e in sent]


def test_what_a_speaker_says_at_home_is_placed_at_home_not_at_the_war_it_is_about() -> None:
    from dragoman.pipeline import code_text

    text = ("Moscow, SANA- Russian Foreign Ministry Spokeswoman Maria Zakharova said the operation in Eastern Ghouta "
            "is almost done. Syrian troops entered Douma in Syria on Monday. Fighting continued in Syria. "
            "Zakharova called on the UN organizations to provide aid for the civilians.")
    [appeal] = [e for e in code_text(text, published="2018-03-30") if e.type == "REQUEST"]
    assert appeal.location is not None and appeal.location.name == "Moscow"
    # an act done there, not said, stays at the story's place of action
    fighting = [e for e in code_text(text, published="2018-03-30") if e.type == "ASSAULT"]
    assert fighting and all(e.location is not None and e.location.country == "SYR" for e in fighting)


def test_a_sea_or_strait_places_an_event_and_names_no_state() -> None:
    from dragoman.pipeline import code_text

    event = code_text("Iran seized an oil tanker in the Gulf of Oman, the navy said.", published="2024-03-05")[0]
    assert event.location is not None and event.location.name == "Gulf of Oman"
    assert event.location.country is None
    strait = code_text("The Houthis attacked a ship in the Bab el-Mandeb Strait.", published="2024-03-05")[0]
    assert strait.location is not None and strait.location.lat is not None and 12 < strait.location.lat < 13.5


def test_a_passive_s_agent_is_who_acted_not_where() -> None:
    from dragoman.pipeline import code_text

    event = code_text("Ukraine's air force said drones launched by Russia overnight struck a power plant.",
                      published="2024-03-05")[0]
    assert event.location is not None and event.location.country == "UKR"  # was Russia, the launcher


def test_a_lowercase_common_phrase_is_no_place_in_cased_text() -> None:
    from dragoman.pipeline import code_text

    event = code_text("North Korea test-fired a ballistic missile into the sea off its east coast, South Korea's "
                      "military said.", published="2024-03-05")[0]
    assert event.location is None or event.location.country != "USA"  # was the US East Coast


def test_of_countries_named_as_often_the_dateline_s_is_the_story_s_place() -> None:
    # Uganda and Kenya are each named once as a place of action; the story is filed from Nairobi
    events = code_text("NAIROBI (Reuters) - Talks in Kampala collapsed on Sunday. Police fired tear gas at "
                       "protesters in Mombasa. More soldiers were deployed on Monday, officials said.",
                       published="2024-03-06")
    (deployed,) = [e for e in events if e.type == "MOBILIZE"]
    assert deployed.location is not None and deployed.location.country == "KEN", deployed.location


@pytest.mark.parametrize("title, place", [
    ("Hollywood producer Harvey Weinstein", "Russia"),  # an occupation's place says who, not where: Russia's story
    ("Texas Governor Greg Abbott", "Texas"),  # an office's (capitalised) place is a place of action; Russia only whose
])
def test_a_place_before_a_name_counts_for_an_office_only(title: str, place: str) -> None:
    text = (f"Russia's president dismissed the complaints against {title}.\n\n"
            "Russia's parliament said the ethics committee rejected the accusations against Slutsky.")
    doc, resolver = place_resolver(text)
    located = resolver.locate_with_rule(token_of(doc, "rejected"))
    assert located is not None and located.place.name == place


def test_a_nationality_opening_a_name_gives_the_country_s_name() -> None:
    from dragoman.extract.places.location import nationality_word, place_name
    from dragoman.extract.places.toponyms import Toponym
    from dragoman.gazetteer import get_gazetteer

    russia = next(c for c in get_gazetteer().lookup("Russia") if c.fcode == "PCLI")
    inside = Toponym("Russian", 4, 11, 1, 2, "prefix", candidate=russia)  # "BBC Russian Service"
    assert nationality_word(inside) and place_name(inside) == "Russia"
    town = Toponym("Moscow", 4, 10, 1, 2, "prefix", candidate=russia)  # "Moscow City Council": a place's own name
    assert not nationality_word(town) and place_name(town) == "Moscow"


def test_a_hometown_named_with_its_province_is_where_it_happened() -> None:
    # the tagger takes "Lahore" after "hometown of" for a nationality: "hometown" says it is a place
    events = code_text("Sharif ignored a house arrest order in his hometown of Lahore in Punjab, where his supporters "
                       "fought running battles with police.", published="2009-03-16")
    (battle,) = [e for e in events if e.evidence.trigger == "battles"]
    assert battle.location is not None and battle.location.name == "Lahore"


def test_a_place_in_what_was_discussed_is_the_topic_not_the_venue() -> None:
    events = code_text("Delegations attending the commission's meeting held in Caracas discussed the possibility of "
                       "mining gold in Venezuela on Wednesday.", published="2009-03-20")
    (talks,) = [e for e in events if e.evidence.trigger == "discussed"]
    assert talks.location is not None and talks.location.name == "Caracas"


@pytest.mark.parametrize(("text", "place"), [
    ("Russian forces shelled Kharkiv on Monday. Putin and Xi discussed the war in Ukraine on Tuesday.", None),
    ("BEIJING (Reuters) - Putin and Xi discussed the war in Ukraine on Tuesday.", "Beijing"),
])
def test_a_talk_is_not_placed_in_the_land_it_is_about(text: str, place: str | None) -> None:
    # the story's place of action (Kharkiv, Ukraine) is what the leaders talked about, not where they talked
    talks = [e for e in code_text(text, published="2024-03-06") if e.evidence.trigger == "discussed"]
    assert talks and {e.location.name if e.location else None for e in talks} == {place}


def test_a_go_between_is_no_place_of_action_nor_a_country_for_the_sides() -> None:
    (event,) = code_text("The rebels agreed to a 72-hour ceasefire brokered by Qatar.", published="2024-03-06")
    assert event.location is None or event.location.country != "QAT"
    assert event.actor is not None and event.actor.country != "QAT"


_STORY = ("Thousands marched in Nairobi on Sunday. Police clashed with protesters in Kisumu and in Mombasa on "
          "Monday. Later, officers fired on the crowd.")


@pytest.mark.parametrize("text, trigger, place, rule", [
    # the sentence before says where it happened: the later shooting is in Sacramento, not the story's Brooklyn
    ("A man was shot by police in Brooklyn on Wednesday. Police killed a man in Sacramento last month, sparking "
     "protests. Stephon Clark was shot by officers. Brooklyn residents gathered in Brooklyn.", "shot",
     "Sacramento", "previous"),
    # two places in the sentence before: which one is not said, the story's place stands
    (_STORY, "fired", None, "story"),
])
def test_a_sentence_with_no_place_takes_the_one_place_said_just_before(text: str, trigger: str, place: str | None,
                                                                        rule: str) -> None:
    doc, resolver = place_resolver(text)
    located = resolver.locate_with_rule([t for t in doc if t.text == trigger][-1])
    assert located is not None and located.rule == rule
    if place is not None:
        assert located.place.name == place


@pytest.mark.parametrize("before", [
    "Jones had been convicted in 2004 of selling drugs in Kisumu.",  # another time's place
    "The ship carried arms for the militants in Kisumu.",  # where a party is, not where something happened
])
def test_a_place_of_another_time_or_of_a_party_just_before_does_not_place_the_event(before: str) -> None:
    doc, resolver = place_resolver(f"Riots broke out in Nairobi on Monday. {before} Police arrested Jones on Tuesday.")
    located = resolver.locate_with_rule(token_of(doc, "arrested"))
    assert located is not None and located.rule != "previous"


def test_a_reporting_body_s_seat_is_not_where_what_it_reports_happened() -> None:
    doc, resolver = place_resolver("Turkish forces pressed into Afrin on Sunday. The Britain-based Syrian Observatory "
                                   "for Human Rights says 24 civilians have been killed.")
    located = resolver.locate_with_rule(token_of(doc, "killed"))
    assert located is not None and located.place.name == "Afrin"


def test_a_body_acting_at_its_seat_is_placed_there() -> None:
    doc, resolver = place_resolver("The Nairobi-based court overturned the conviction of the activist on Monday.")
    court = token_of(doc, "court")
    located = resolver.locate_with_rule(token_of(doc, "overturned"), [court])
    assert located is not None and located.place.name == "Nairobi"


def test_a_place_in_what_was_talked_about_does_not_place_the_talk() -> None:
    events = code_text("President Biden spoke by phone with Turkish President Recep Tayyip Erdogan on Tuesday about "
                       "the war in Gaza.", published="2024-03-05")
    (call,) = [e for e in events if e.type == "CONSULT"]
    assert call.location is None or call.location.name != "Gaza"


def test_a_country_before_an_office_is_whose_not_where() -> None:
    events = code_text("Blinken visits Kyiv, announces $1 billion in new aid\n\nKYIV, Ukraine (AP) — U.S. Secretary of "
                       "State Antony Blinken arrived in Kyiv on Wednesday on an unannounced visit and announced more "
                       "than $1 billion in new aid for Ukraine.", published="2024-06-25")
    aid = [e for e in events if e.type == "AID"]
    assert aid and all(e.location is not None and e.location.country == "UKR" for e in aid)
