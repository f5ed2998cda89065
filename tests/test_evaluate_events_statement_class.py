"""cameo-class's class 0 is "statement": the scorer reads a statement or an appeal (CAMEO 01-02; PLOVER REQUEST)
as 0, a demand as verbal conflict, and any other event by its quad."""

from dataclasses import replace

from dragoman.evaluate.events import event_class, sentence_class
from dragoman.model import Event, Quad
from factories import report_event, text_article

ARTICLE = text_article("Report 0: rebels shelled the town.")


def _event(type_: str, cameo: str | None, quad: Quad) -> Event:
    return replace(report_event(ARTICLE, 0), type=type_, cameo=cameo, quad=quad)


def test_evaluate_events_statement_class_of_appeals_and_demands() -> None:
    appeal = _event("REQUEST", "0231", "verbal_conflict")
    demand = _event("REQUEST", "106", "verbal_conflict")
    sanction = _event("SANCTION", "163", "verbal_conflict")
    attack = _event("ASSAULT", None, "material_conflict")
    assert [event_class(e) for e in (appeal, demand, sanction, attack)] == [0, 3, 3, 4]
    assert sentence_class([appeal, attack]) == 0
    assert sentence_class([attack, appeal]) == 4
    assert sentence_class([]) == 0
