"""Which toponyms stand in a list together, and which pairs are a name and its container."""

from __future__ import annotations

from dragoman.extract.places.toponyms import ToponymFinder, list_groups
from dragoman.gazetteer import get_gazetteer
from dragoman.model import CleanDoc, OffsetMap
from dragoman.nlp import get_nlp


def groups(text: str) -> list[list[str]]:
    doc = get_nlp()(text)
    mentions = ToponymFinder(doc, CleanDoc(body=text, offsets=OffsetMap.identity(len(text))), get_gazetteer()).find()
    return [[mentions[k].text for k in group] for group in list_groups(mentions, doc)]


def test_names_joined_by_commas_and_a_conjunction_form_one_list() -> None:
    assert groups("Volunteers came from Chicago, Boston, Denver and Atlanta on Friday.") == [
        ["Chicago", "Boston", "Denver", "Atlanta"]]


def test_two_names_joined_by_and_are_a_list() -> None:
    assert groups("Lawmakers in Oregon and Washington passed the bill.") == [["Oregon", "Washington"]]


def test_a_name_and_its_container_are_no_list() -> None:
    assert groups("The fire started in Paris, Texas, late on Sunday.") == []


def found(text: str) -> list[tuple[str, str]]:
    doc = get_nlp()(text)
    finder = ToponymFinder(doc, CleanDoc(body=text, offsets=OffsetMap.identity(len(text))), get_gazetteer())
    return [(m.text, m.source) for m in finder.find()]


def test_name_mostly_tagged_a_place_is_a_place_where_the_tagger_slips() -> None:
    text = ("Aid trucks crossed into Rafah on Monday. Israel said it would send troops into Rafah. "
            "Egypt warned that an assault on Rafah would threaten its peace treaty with Israel.")
    assert [t for t, _ in found(text)].count("Rafah") == 3


def test_name_mostly_tagged_an_organisation_stays_one() -> None:
    text = ("NATO said on Monday that NATO would help. Tunisia rejected a NATO grant, and NATO officials left. "
            "NATO will meet in Brussels.")
    assert all(t != "NATO" for t, _ in found(text))
