"""An actor that is a place the gazetteer resolved takes that place's country."""

from dragoman import code_text


def test_town_attacked_is_its_people_in_its_country() -> None:
    text = ("Aid trucks crossed into Rafah in the south of the Gaza Strip on Monday. Israel said it would send "
            "troops into Rafah. "
            "Egypt warned that an assault on Rafah would threaten its peace treaty with Israel.")
    assault = next(e for e in code_text(text) if e.type == "ASSAULT")
    assert assault.recipient is not None and assault.recipient.text == "Rafah"
    assert (assault.recipient.country, assault.recipient.sector) == ("PSE", "CVL")
    assert assault.location is not None and assault.location.name == "Rafah"


def test_a_town_the_tagger_took_for_a_person_is_the_place_done_to() -> None:
    from dragoman.pipeline import code_text

    (event,) = [e for e in code_text("Russian forces shelled Kharkiv overnight.", published="2024-01-23")
                if e.type == "ASSAULT"]
    assert event.recipient is not None and (event.recipient.country, event.recipient.sector) == ("UKR", "CVL")
    assert event.location is not None and event.location.country == "UKR"


def test_an_armed_group_is_of_the_land_its_sentence_places_it_in() -> None:
    from dragoman.pipeline import code_text

    # a story about Turkey lends its fighters nothing: the clashes are in a Syrian town
    text = ("Turkish forces pressed on. Turkey says its troops are making progress. Turkish officials said 24 "
            "Kurdish fighters have been killed in the clashes in Afrin since Saturday.")
    (event,) = [e for e in code_text(text, published="2024-01-23") if e.type == "ASSAULT"]
    assert event.recipient is not None and event.recipient.country == "SYR"


def test_a_state_or_capital_in_the_sentence_is_no_land_for_the_group() -> None:
    from dragoman.pipeline import code_text

    # "under Moscow's protection" names a party, not where the rebels are
    text = ("Syria's army pressed on in Ghouta. Syrian state media said the Syrian army had advanced. The rebels say "
            "talks with the Russian military aim to let them stay in the enclave under Moscow's protection.")
    talks = [e for e in code_text(text, published="2024-01-23") if e.type == "CONSULT"]
    assert [(e.actor.country if e.actor else None, e.recipient.country if e.recipient else None)
            for e in talks] == [("SYR", "RUS")]
