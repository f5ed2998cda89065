"""Whom an act is done to when its object is a thing: a freeze of holdings is done to their owner, a case filed is
against whom it names (not the court it is filed at), a missile test's splash-down is no one's."""

from __future__ import annotations

import pytest

from dragoman.model import Event
from dragoman.pipeline import code_text


def of_type(text: str, type_: str) -> list[Event]:
    return [e for e in code_text(text, published="2024-03-05") if e.type == type_]


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("The US Treasury froze the assets of three Russian oligarchs.", "RUS"),
        ("Britain froze the assets of the Russian central bank.", "RUS"),
        ("Switzerland froze the bank accounts of former Egyptian officials.", "EGY"),
        ("The EU froze Russian assets on Monday.", "RUS"),
    ],
)
def test_a_freeze_is_done_to_the_owner_of_what_is_frozen(text: str, recipient: str) -> None:
    assert [e.recipient.country if e.recipient else None for e in of_type(text, "SANCTION")] == [recipient]


def test_a_freeze_of_aid_still_names_its_receiver() -> None:
    events = of_type("The United States froze military aid to Egypt.", "SANCTION")
    assert [e.recipient.country if e.recipient else None for e in events] == ["EGY"]


@pytest.mark.parametrize(
    "text",
    [
        "North Korea test-fired a ballistic missile into the Sea of Japan, South Korea's military said.",
        "North Korea fired two ballistic missiles into the sea off its east coast.",
    ],
)
def test_a_missile_test_into_the_sea_is_done_to_no_one(text: str) -> None:
    tests = of_type(text, "MOBILIZE")
    assert [(e.actor.country if e.actor else None, e.recipient) for e in tests] == [("PRK", None)]


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("Pretoria's case opens\n\nSouth Africa filed a genocide case against Israel at the International Court of "
         "Justice on Friday, the foreign ministry said.", "ISR"),
        ("Ukraine filed a complaint against Russia at the World Trade Organization on Monday, officials said.", "RUS"),
        ("The opposition filed a case against the electoral commission in the Supreme Court of Kenya.", "KEN"),
    ],
)
def test_a_case_filed_is_against_whom_it_names(text: str, recipient: str) -> None:
    assert [e.recipient.country if e.recipient else None for e in of_type(text, "ACCUSE")] == [recipient]


@pytest.mark.parametrize(
    "text",
    [
        "The reporter filed a story from Kabul on Monday.",
        "His lawyer filed a petition with the court asking for access to the property.",
    ],
)
def test_what_is_filed_and_accuses_no_one(text: str) -> None:
    assert not of_type(text, "ACCUSE")


def test_sanctions_targeting_exports_are_no_attack() -> None:
    text = ("European Union leaders agreed on Thursday to impose new sanctions on Russia, targeting its liquefied "
            "natural gas exports for the first time.")
    assert not of_type(text, "ASSAULT")
    assert of_type("Russian drones targeted Ukrainian energy facilities overnight.", "ASSAULT")


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("The Philippines accused China's coast guard on Monday of ramming a Philippine navy supply boat, injuring "
         "several sailors.", "CHN"),
        ("Ukraine accused Russia of shelling Kharkiv, killing five people.", "RUS"),
    ],
)
def test_a_harm_an_accusation_tells_is_the_accused_s(text: str, doer: str) -> None:
    assert [e.actor.country if e.actor else None for e in of_type(text, "ASSAULT")] == [doer]


def test_a_state_s_protest_is_a_complaint_not_a_demonstration() -> None:
    assert not of_type("Manila summoned China's ambassador to protest the incident.", "PROTEST")
    assert of_type("Kenyans gathered in Nairobi to protest the tax bill.", "PROTEST")
