"""What is demanded, refused, threatened or agreed to is the act's content, not a happening of its own
(``_content_of_act`` in ``extract``): PLOVER codes the demand, the refusal, the threat or the agreement. An act
joined to it, or told as its circumstance, is still coded."""

from __future__ import annotations

from dragoman.extract import detector_mode
from dragoman.pipeline import code_text


def _types(text: str) -> list[str]:
    with detector_mode("rules"):
        return [e.type for e in code_text(text, published="2024-03-05")]


def test_the_content_of_a_refused_request_is_no_event() -> None:
    assert _types("Yemen rejected a U.S. request to interrogate the detainees on Tuesday.") == ["REJECT"]


def test_the_content_of_a_threat_or_an_agreement_is_no_event() -> None:
    assert _types("Iran threatened to launch a new offensive against Iraq.") == ["THREATEN"]
    assert _types("Syria agreed to withdraw its troops from Lebanon.") == ["AGREE"]


def test_an_act_joined_to_the_refusal_is_coded() -> None:
    assert _types("The rebels rejected the peace plan and attacked the town of Goma on Monday.") == [
        "REJECT", "ASSAULT"]


def test_an_act_told_as_the_circumstance_of_a_demand_is_coded() -> None:
    types = _types("The opposition called for sanctions against Nigeria after soldiers killed nine activists.")
    assert "REQUEST" in types and "ASSAULT" in types
