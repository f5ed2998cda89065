"""The trained detector in the default coding path: every event carries a confidence, the store keeps it (old
stores upgrade, their rows read null), and a sentence the model confidently calls no event loses its rule event."""

from __future__ import annotations

import dataclasses
import json
import random
from pathlib import Path

import pytest

from dragoman import query, store
from dragoman.extract import detector_mode
from dragoman.extract.events.detector import load_detector, sentence_probs
from dragoman.model import CodedDoc
from dragoman.nlp import get_nlp
from dragoman.pipeline import code_text
from factories import old_store, random_doc

TEXTS = (
    "Ugandan troops shelled rebel camps near the Congolese border on Friday, killing at least nine fighters.",
    "The foreign ministers of Chile and Peru met in Lima on Tuesday and agreed to reopen the border crossing.",
    "Riot police fired tear gas at hundreds of students marching on parliament in Dhaka, and arrested 40 of them.",
    "Nigeria's president urged the governors to pay striking teachers, while the union threatened a national strike.",
)
# Written for this test (not gold text): the rules code a REQUEST from "urging"; the model, which learnt the
# news-set convention that a public advisory is a statement, not an interaction, is confident there is no event.
NOTICE = "The water board issued a statement urging residents to boil drinking water and stay calm."


@pytest.mark.slow
def test_every_coded_event_has_a_confidence_between_0_and_1() -> None:
    events = [e for text in TEXTS for e in code_text(text)]
    assert len(events) >= 5
    assert all(e.confidence is not None and 0.0 <= e.confidence <= 1.0 for e in events), \
        [(e.type, e.confidence) for e in events]
    assert all(e.to_record()["confidence"] == e.confidence for e in events)
    with detector_mode("rules"):  # rules alone: no confidence
        assert all(e.confidence is None for text in TEXTS for e in code_text(text))


@pytest.mark.slow
def test_the_drop_threshold_decides_whether_a_sentence_loses_its_rule_event() -> None:
    with detector_mode("rules"):
        rules = code_text(NOTICE)
    assert rules, "the rules should code this sentence (the test needs a rule event to drop)"
    sent = next(get_nlp()(NOTICE).sents)
    p_none = sentence_probs(sent, [e.type for e in rules])["NONE"]
    assert 0.0 < p_none < 1.0  # an appeal to the public: the model is unsure it is an event
    # dropped exactly when the packaged drop threshold (chosen by cross-validation; 1.01 when dropping gained
    # nothing on the training part) is reached; kept, with a confidence, otherwise
    if p_none >= load_detector().thresholds.drop:
        assert code_text(NOTICE) == []
    else:
        assert [e.type for e in code_text(NOTICE)] == [e.type for e in rules]


def _with_confidence(doc: CodedDoc, values: list[float | None]) -> CodedDoc:
    events = tuple(dataclasses.replace(e, confidence=v) for e, v in zip(doc.events, values, strict=True))
    return dataclasses.replace(doc, events=events)


def test_store_round_trips_the_confidence(tmp_path: Path) -> None:
    doc = _with_confidence(random_doc(random.Random(1), 1, 3), [0.25, 0.875, None])
    conn = store.connect(tmp_path / "x.db")
    store.write_coded(conn, doc)
    want = {e.event_id: e.confidence for e in doc.events}
    assert dict(conn.execute("SELECT event_id, confidence FROM events").fetchall()) == want
    assert {r["event_id"]: r["confidence"] for r in query.iter_events(conn)} == want
    assert {r["event_id"]: r["confidence"] for r in query.doc_events(conn, doc.doc_id)} == want
    assert [r["confidence"] for r in query.records_by_id(conn, list(want))] == list(want.values())
    for event_id, value in want.items():
        assert query.get_event(conn, event_id)["confidence"] == value  # type: ignore[index]
    conn.close()


def test_an_old_store_upgrades_its_rows_reading_null(tmp_path: Path) -> None:
    old_docs = [random_doc(random.Random(d), d, 4) for d in range(3)]
    # records written before the field existed have no "confidence" key
    db = old_store(tmp_path / "old.db", 5, old_docs,
                   then="UPDATE events SET record = json_remove(record, '$.confidence')")
    conn = store.connect(db, read_only=True)
    assert "confidence" not in {row[1] for row in conn.execute("PRAGMA table_info(events)")}
    assert all("confidence" not in json.loads(r[0]) for r in conn.execute("SELECT record FROM events"))
    conn.close()

    conn = store.connect(db)  # applies migration 6
    assert [row[0] for row in conn.execute("SELECT version FROM migrations ORDER BY version")] \
        == [v for v, _d, _s in store.MIGRATIONS]
    assert tuple(conn.execute("SELECT COUNT(*), COUNT(confidence) FROM events").fetchone()) == (12, 0)
    assert [r["confidence"] for r in query.iter_events(conn)] == [None] * 12
    new = _with_confidence(random_doc(random.Random(9), 9, 2), [0.5, 0.75])
    store.write_coded(conn, new)
    assert sorted(r["confidence"] for r in query.doc_events(conn, new.doc_id)) == [0.5, 0.75]
    conn.close()
    conn = store.connect(db)  # applied once
    assert conn.execute("SELECT COUNT(*) FROM migrations WHERE version = 6").fetchone()[0] == 1
    conn.close()
