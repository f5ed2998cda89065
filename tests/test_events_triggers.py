"""Event triggers and their arguments on real sentences with the real spaCy model."""

from __future__ import annotations

import pytest

from dragoman.codes import PLOVER_QUAD
from dragoman.errors import DragomanError
from dragoman.extract.events.triggers import lexicon_from_yaml, load_lexicon
from dragoman.extract.events.verifier import checking
from dragoman.model import Event
from dragoman.pipeline import code_text

PUBLISHED = "2024-01-23"


def events(text: str) -> list[Event]:
    # the rules' triggers and arguments, without the learned event check (tests/test_events_verifier_check.py): a
    # few unrelated sentences written for a test are no story, and the check may drop a context-free one
    with checking(False):
        return code_text(text, published=PUBLISHED)


def only(text: str, type_: str) -> list[Event]:
    found = [e for e in events(text) if e.type == type_]
    assert found, f"no {type_} event in {text!r}: {[(e.type, e.evidence.trigger) for e in events(text)]}"
    return found


def who(actor) -> str | None:  # type: ignore[no-untyped-def]
    return actor.text if actor else None


def test_active_voice_gives_actor_recipient_mode_and_cameo() -> None:
    (e,) = only("Sudanese soldiers shelled the rebels near El Fasher on Monday.", "ASSAULT")
    assert who(e.actor) == "Sudanese soldiers"
    assert who(e.recipient) == "the rebels"
    assert (e.mode, e.cameo, e.quad, e.modality) == ("heavy-weapons", "194", "material_conflict", "asserted")
    assert e.actor is not None and e.actor.sector == "MIL"


def test_passive_voice_takes_the_agent_as_actor_and_the_subject_as_recipient() -> None:
    (e,) = only("Five protesters were arrested by the police in Nairobi.", "COERCE")
    assert who(e.actor) == "the police"
    assert who(e.recipient) == "Five protesters"
    assert (e.mode, e.cameo) == ("arrest", "173")


def test_threat_is_one_threaten_event_with_the_object_of_the_threatened_act() -> None:
    found = events("The junta threatened to expel the foreign troops.")
    assert [e.type for e in found] == ["THREATEN"]  # the expulsion itself is not coded
    (e,) = found
    assert who(e.actor) == "The junta"
    assert who(e.recipient) == "the foreign troops"
    assert e.mode == "expel" and e.cameo.startswith("13")


def test_conjoined_actors_give_one_event_each() -> None:
    found = only("Kenya and Uganda accused Sudan of shelling the town.", "ACCUSE")
    assert sorted(who(e.actor) for e in found) == ["Kenya", "Uganda"]
    assert {who(e.recipient) for e in found} == {"Sudan"}
    assert not [e for e in events("Kenya and Uganda accused Sudan of shelling the town.") if e.type == "ASSAULT"]


def test_prepositional_object_is_the_recipient() -> None:
    (e,) = only("The Ethiopian government held talks with the Tigrayan rebels in Pretoria.", "CONSULT")
    assert who(e.actor) == "The Ethiopian government"
    assert who(e.recipient) == "the Tigrayan rebels"


def test_nominal_event_takes_the_subject_of_its_light_verb() -> None:
    (e,) = only("The army launched an offensive against the rebels.", "ASSAULT")
    assert who(e.actor) == "The army"
    assert who(e.recipient) == "the rebels"
    assert e.evidence.trigger == "offensive"


def test_nominal_airstrikes_with_demonym_modifier() -> None:
    (e,) = only("Israeli airstrikes killed five civilians.", "ASSAULT")
    assert e.actor is not None and e.actor.country == "ISR"
    assert who(e.recipient) == "five civilians"
    assert (e.mode, e.cameo) == ("heavy-weapons", "195")


def test_container_noun_is_classed_by_what_it_contains() -> None:
    (e,) = only("A column of 40 armoured vehicles was sent to the border.", "MOBILIZE")
    assert e.mode == "troops" and e.cameo.startswith("15")


def test_send_aid_is_aid_not_mobilize() -> None:
    (e,) = only("The United Nations sent food aid to Gaza.", "AID")
    assert e.actor is not None and e.actor.country == "UNO"


def test_speech_report_codes_the_reported_event_with_attribution() -> None:
    found = events("An army spokesman said the rebels attacked the town of Sake.")
    assert [e.type for e in found] == ["ASSAULT"]
    (e,) = found
    assert who(e.actor) == "the rebels"
    assert e.attribution is not None and "spokesman" in e.attribution.text


def test_verbal_events_are_events() -> None:
    text = "The opposition called for new elections. Egypt condemned the raid. The rebels agreed to a ceasefire."
    types = [e.type for e in events(text)]
    # "the raid" names no actor and no target: PLOVER's event is an interaction between actors, so the
    # condemned raid is the ACCUSE event's topic, not a second event (it is coded where its actors are named)
    assert types == ["REQUEST", "ACCUSE", "AGREE"]
    named = events("Egypt condemned the Israeli raid on Gaza.")
    assert [e.type for e in named] == ["ACCUSE", "ASSAULT"]


def test_pronoun_possessive_actor_resolves_to_previous_subject() -> None:
    found = events("Congolese troops shelled rebel positions near Sake. Their artillery fire hit Goma.")
    second = [e for e in found if e.evidence.trigger == "hit"]
    assert len(second) == 1
    e = second[0]
    assert e.actor is not None and e.actor.country == "COD" and e.actor.sector == "MIL"
    assert e.mode == "heavy-weapons"


def test_opinion_agreement_and_meeting_a_deadline_are_not_events() -> None:
    assert events("Officials said they agree with the recommendation.") == []
    assert events("The ministry will not meet the deadline.") == []


def test_every_lexicon_entry_is_a_plover_type() -> None:
    lex = load_lexicon()
    codes = [*lex.verbs.values(), *lex.phrasal.values(), *lex.nouns.values(), *lex.compound_nouns.values(),
             *lex.instruments.values(), *(c for d in lex.object_verbs.values() for c in d.values())]
    assert len(codes) > 300
    assert {c.type for c in codes} == set(PLOVER_QUAD)
    assert all(c.cameo.isdigit() and 2 <= len(c.cameo) <= 4 for c in codes)
    for classes in lex.object_verbs.values():
        assert set(classes) <= {c for word_classes in lex.object_classes.values() for c in word_classes} | {"aid"}


def test_bad_lexicon_entry_names_the_entry_and_the_fix() -> None:
    with pytest.raises(DragomanError, match="verbs.attack.*PLOVER_TYPE CAMEO"):
        lexicon_from_yaml("verbs:\n  attack: FIGHT 190\n")


def test_no_lexicon_file_repeats_a_key() -> None:
    # YAML keeps the last of two equal keys without a word: a repeated entry silently drops the first one's codes
    import yaml

    from dragoman.resources import LEXICON_DIR

    class Strict(yaml.SafeLoader):
        pass

    def mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[object, object]:
        keys = [loader.construct_object(k) for k, _v in node.value]
        repeated = {k for k in keys if keys.count(k) > 1}
        assert not repeated, f"repeated keys {sorted(map(str, repeated))} at line {node.start_mark.line + 1}"
        return loader.construct_mapping(node)

    Strict.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    for path in sorted(LEXICON_DIR.glob("*.yaml")):
        yaml.load(path.read_text("utf-8"), Loader=Strict)  # noqa: S506 - a safe loader with one check added


@pytest.mark.parametrize("text, recipient", [
    ("Thousands of people turned out to support Zuma as he arrived at the court.", "Zuma"),
    ("Hundreds of villagers gathered to denounce the governor.", "the governor"),
])
def test_a_crowd_turning_out_to_back_or_oppose_someone_is_a_rally_aimed_at_them(text: str, recipient: str) -> None:
    events = code_text(text, published="2024-03-06")
    assert [(e.type, e.cameo) for e in events] == [("PROTEST", "141")]  # the aim is no event of its own
    assert events[0].recipient is not None and events[0].recipient.text == recipient


def test_a_crowd_turning_out_to_watch_is_no_rally() -> None:
    assert code_text("Thousands of people turned out to watch the parade.", published="2024-03-06") == []


def test_a_rally_to_condemn_something_is_one_protest_not_a_statement_too() -> None:
    events = code_text("Protesters rallied in Dhaka to condemn the new law.", published="2024-03-06")
    assert [(e.type, e.cameo) for e in events] == [("PROTEST", "141")]
    assert events[0].recipient is not None and events[0].recipient.country == "BGD"  # a law: its state, implied
    backing = code_text("Supporters rallied outside the court to back the former president.", published="2024-03-06")
    assert [(e.type, e.recipient and e.recipient.text) for e in backing] == [("PROTEST", "the former president")]
