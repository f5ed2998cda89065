"""Appeals said with "encourage" and "recommend" (only with what is asked), arms named by what they are made of
("artillery systems"), who acts in "approved a contract to sell", and the intended act of "a plan to". Sentences
written here."""

from __future__ import annotations

import pytest

from dragoman.pipeline import code_text

pytestmark = pytest.mark.slow


def _coded(text: str) -> list[tuple[str, str, str | None, str | None, str]]:
    return [(e.type, e.evidence.trigger, e.actor and e.actor.country, e.recipient and e.recipient.country,
             e.modality) for e in code_text(text, published="2024-03-06")]


def test_events_triggers_encourage_with_what_is_asked_is_an_appeal() -> None:
    assert _coded("Germany encouraged Serbia to recognise the court's ruling.") == \
        [("REQUEST", "encouraged", "DEU", "SRB", "asserted")]


@pytest.mark.parametrize("text", ["The new law encourages investment in the north.",
                                  "Investors were encouraged by the figures.",
                                  "The doctors recommended rest."])
def test_events_triggers_encourage_alone_is_no_appeal(text: str) -> None:
    assert [c for c in _coded(text) if c[0] == "REQUEST"] == []


def test_events_triggers_equipment_named_by_its_kind_is_arms() -> None:
    # "systems" takes its modifier's class; the seller is who approved the contract
    assert _coded("The United States approved a contract to sell 96 artillery systems to Poland.") == \
        [("COOPERATE", "sell", "USA", "POL", "asserted")]


def test_events_modality_a_plan_to_act_is_intended() -> None:
    sends = [c for c in _coded("Kenya approved a plan to send troops to Haiti.") if c[1] == "send"]
    assert sends == [("MOBILIZE", "send", "KEN", "HTI", "future")]


def test_events_arguments_whose_plan_or_appeal() -> None:
    # the noun's owner does what it plans; an appeal's content is not done, least of all by who appealed
    assert _coded("Egypt rejected a Qatari offer to host the talks.")[1:] == [("CONSULT", "host", "QAT", None,
                                                                             "future")]
    assert [c for c in _coded("The rebels dismissed an appeal from the president to lay down their arms.")
            if c[1] == "lay down"] == []


def test_events_arguments_offer_from_and_refusal_of() -> None:
    extend = [c for c in _coded("The rebels rejected an offer from the Afghan government to extend the truce.")
              if c[1] == "truce"]
    assert extend == [("AGREE", "truce", "AFG", None, "future")]
    recognize = [c for c in _coded("Maduro condemned the refusal of Brazil to recognize his election.")
                 if c[1] == "recognize"]
    assert recognize and recognize[0][2] == "BRA" and recognize[0][0] == "REJECT"  # a refusal, by its refuser


def test_events_triggers_a_deal_to_sell_is_the_sale_by_who_approved_it() -> None:
    assert _coded("Separately, the US also approved a $2.5 billion deal to sell NATO ally Germany four maritime "
                  "surveillance drones.") \
        == [("COOPERATE", "sell", "USA", "DEU", "asserted")]
    # parsed as the purpose of "approved": still one sale, not a deal beside it
    assert [row[:3] for row in _coded("The US approved a $2.5 billion deal to sell Germany four drones.")] == \
        [("COOPERATE", "sell", "USA")]


def test_an_amount_in_aid_announced_is_the_announcer_s_aid() -> None:
    events = [e for e in code_text("Washington announced $500 million in new military aid for Ukraine on Thursday.",
                                   published="2024-03-06") if e.type == "AID"]
    assert [(e.actor and e.actor.country, e.recipient and e.recipient.country) for e in events] == [("USA", "UKR")]
