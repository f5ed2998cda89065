"""What is demanded, refused, threatened or agreed to is the act's content, not a happening (``_content_of_act``
in ``extract``): content the modality reader took for done is no event; content it read as not done stays so. An
act joined to the act, told as its circumstance, or named inside the content's own nouns is still a happening."""

from __future__ import annotations

from dragoman.extract import detector_mode
from dragoman.pipeline import code_text


def _coded(text: str) -> list[tuple[str, str]]:
    with detector_mode("rules"):
        return [(e.type, e.modality) for e in code_text(text, published="2024-03-05")]


def test_the_content_of_a_refused_request_stays_not_done() -> None:
    assert _coded("Yemen rejected a U.S. request to interrogate the detainees on Tuesday.") == [
        ("REJECT", "asserted"), ("COERCE", "hypothetical")]


def test_an_act_joined_to_the_refusal_is_coded() -> None:
    assert _coded("The rebels rejected the peace plan and attacked the town of Goma on Monday.") == [
        ("REJECT", "asserted"), ("ASSAULT", "asserted")]


def test_an_act_told_as_the_circumstance_of_a_demand_happened() -> None:
    coded = _coded("The opposition called for sanctions against Nigeria after soldiers killed nine activists.")
    assert ("REQUEST", "asserted") in coded and ("ASSAULT", "asserted") in coded


def test_an_act_named_by_the_content_s_nouns_happened() -> None:
    coded = _coded("The families asked for compensation for the victims of police firing.")
    assert ("ASSAULT", "asserted") in coded


def test_what_a_refusal_refuses_to_let_happen_read_as_done_is_no_event() -> None:
    assert _coded("The rebels refused to allow United Nations planes to land and evacuate 15 of its observers.") == [
        ("REJECT", "asserted")]


def test_the_demands_a_concession_gives_in_to_are_no_new_demand() -> None:
    assert _coded("The president conceded to demands from the rebels to overhaul the judiciary.") == [
        ("CONCEDE", "asserted")]


def test_the_amount_asked_for_holds_the_content_not_a_happening() -> None:
    # the aid is what the appeal asks for; before, "aid" nested in "$2 billion in ..." was coded as given
    assert _coded("The United Nations appealed for $2 billion in humanitarian aid for Sudan.") == [
        ("REQUEST", "asserted")]


def test_a_cause_named_after_over_is_no_new_happening() -> None:
    assert _coded("Washington imposed sanctions on three firms over their support for the war.") == [
        ("SANCTION", "asserted")]
    assert _coded("The ambassador was summoned over the arrest of two journalists.") == [("ACCUSE", "asserted")]
