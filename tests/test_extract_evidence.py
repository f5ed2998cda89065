"""Assembly of Event records: evidence offsets into the original, ids, determinism, gold floor."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.ingest import article_from_text
from dragoman.model import Event
from dragoman.pipeline import code_articles, code_text
from factories import assert_not_below

ARTICLE = (
    "World News\n"
    "Army shells rebel positions near Sake\n\n"
    "GOMA, Congo (Reuters) - Congolese troops shelled M23 rebel positions near Sake on Monday, "
    "an army spokesman said.\n\n"
    "Five soldiers were killed. The rebels threatened to attack Goma.\n"
)


def coded(text: str) -> tuple[str, list[Event]]:
    (doc,) = code_articles([article_from_text(text, source_id="t.txt", published="2024-01-23")])
    assert doc.status == "ok", doc.error
    return doc.original, list(doc.events)


def test_evidence_offsets_point_into_the_original_text() -> None:
    original, found = coded(ARTICLE)
    assert len(found) == 3
    for e in found:
        ev = e.evidence
        assert original[ev.start:ev.end] == ev.sentence
        assert ev.trigger_start is not None and ev.trigger_end is not None
        assert original[ev.trigger_start:ev.trigger_end] == ev.trigger
        for part in (e.actor, e.recipient, e.attribution):
            if part is not None:  # every party this story names is a mention with offsets
                assert part.start is not None and part.end is not None, part
                assert original[part.start:part.end] == part.text
        if e.when.text is not None:
            assert e.when.start is not None and e.when.end is not None
            assert original[e.when.start:e.when.end] == e.when.text
        # A place stores its name and the mention's offsets; "Congolese" says whose, not where: the body's one
        # place of action, Sake (a capitalised noun after "near" the tagger missed), places all three events.
        assert e.location is not None and e.location.start is not None and e.location.end is not None
        assert (e.location.name, original[e.location.start:e.location.end]) == ("Sake", "Sake")
    shelled = next(e for e in found if e.evidence.trigger == "shelled")
    assert (shelled.recipient is not None and shelled.attribution is not None and shelled.when.text == "on Monday")


def test_shelling_near_a_town_is_placed_at_the_town() -> None:
    _original, found = coded(ARTICLE)
    shelled = next(e for e in found if e.evidence.trigger == "shelled")
    assert shelled.location is not None and shelled.location.name == "Sake"


def test_events_of_a_news_story() -> None:
    _original, found = coded(ARTICLE)
    summary = [(e.type, e.evidence.trigger, e.modality) for e in found]
    assert ("ASSAULT", "shelled", "asserted") in summary
    assert ("ASSAULT", "killed", "asserted") in summary
    assert ("THREATEN", "threatened", "asserted") in summary
    shelled = next(e for e in found if e.evidence.trigger == "shelled")
    assert shelled.actor is not None and shelled.actor.text == "Congolese troops"
    assert shelled.attribution is not None and "spokesman" in shelled.attribution.text
    assert shelled.when.date == "2024-01-22"
    assert all(e.doc_id == found[0].doc_id and e.source_id == "t.txt" for e in found)


def test_output_is_deterministic_and_ids_are_unique() -> None:
    first = code_text(ARTICLE, published="2024-01-23")
    second = code_text(ARTICLE, published="2024-01-23")
    assert [e.to_record() for e in first] == [e.to_record() for e in second]
    assert len({e.event_id for e in first}) == len(first)
    starts = [e.evidence.trigger_start for e in first]
    assert None not in starts
    assert starts == sorted(s for s in starts if s is not None)


def test_text_without_interactions_has_no_events() -> None:
    assert code_text("The weather in Nairobi was sunny and warm on Tuesday.", published="2024-01-23") == []


QUAD = {"verbal_cooperation": 1, "material_cooperation": 2, "verbal_conflict": 3, "material_conflict": 4}


def test_cameo_class_quad_accuracy_floor(gold_dir: Path) -> None:
    """Quad class of the first non-negated event per sentence (0 = none) on a sample of the gold sentences."""
    path = gold_dir / "events" / "cameo-class" / "train.tsv"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    rows = [line.rstrip("\n").split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    sample = [(text, int(label)) for text, label in rows[::5]]  # every fifth sentence: ~270
    articles = [article_from_text(t, source_id=str(i), published="2024-01-23") for i, (t, _) in enumerate(sample)]
    docs = code_articles(articles)
    correct = 0
    for doc, (_text, label) in zip(docs, sample):
        firsts = [e for e in doc.events if e.modality != "negated"]
        predicted = QUAD[firsts[0].quad] if firsts and firsts[0].quad is not None else 0
        correct += predicted == label
    assert len(sample) == 270
    # measured 0.6963 (188 of 270); floor: that less SHARE_TOLERANCE (factories.py). 191 when first measured, 189
    # (within the tolerance) before "an event word naming a kind of thing is no event" took "the clash site" from a
    # sentence labelled material conflict for its attempted bombing, which no rule codes
    assert_not_below({"quad_accuracy": 0.6963}, {"quad_accuracy": correct / len(sample)})
