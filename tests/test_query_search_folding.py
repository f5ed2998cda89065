"""Text search folds quotes, dashes and spaces on both sides: a phrase copied from an article finds it.

Evidence sentences are stored as the source wrote them ("Sheriff\u2019s Office", "Gaza\u2013Egypt"); a search
typed with straight quotes or a hyphen must find them, and the other way round (issue 9, item 5).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dragoman import query, store
from dragoman.api import create_app
from dragoman.ingest import article_from_text
from dragoman.model import CodedDoc
from dragoman.pipeline import code_articles
from factories import old_store

CURLY = ("World\n\nThe Sheriff\u2019s Office arrested two men in Tulsa on Monday, a spokesman said.\n\n"
         "Israeli troops shelled the Gaza\u2013Egypt border on Monday.\n")
STRAIGHT = ("World\n\nThe Sheriff's Office detained three protesters in Tulsa on Tuesday.\n\n"
            "Egyptian police arrested smugglers at the Gaza-Egypt border on Tuesday.\n")
# cp1252 punctuation read as C1 controls, and a wrapped line: the search folds them too
C1 = "World\n\nSudanese troops shelled El Fasher \x96 the\nsheriff\x92s office said on Monday.\n"


def _docs() -> list[CodedDoc]:
    docs = code_articles([article_from_text(t, source_id=name, published="2024-01-23")
                          for name, t in (("curly.txt", CURLY), ("straight.txt", STRAIGHT), ("c1.txt", C1))])
    assert all(d.status == "ok" and d.events for d in docs), [(d.source_id, d.status, d.error) for d in docs]
    return docs


@pytest.fixture(scope="module")
def docs() -> list[CodedDoc]:
    return _docs()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, docs: list[CodedDoc]) -> Path:
    path = tmp_path_factory.mktemp("search") / "search.db"
    conn = store.connect(path)
    store.write_many(conn, docs)
    conn.close()
    return path


def _sources(conn: sqlite3.Connection, q: str) -> set[str]:
    records, total = query.event_page(conn, query.EventFilter(q=q), limit=100)
    assert total == len(records)
    return {r["source_id"] for r in records}


# the c1 text has "sheriff\x92s office", in lower case: the trigram index and LIKE ignore ASCII case
SHERIFF = {"curly.txt", "straight.txt", "c1.txt"}
SPELLINGS = {
    "Sheriff's Office": SHERIFF,
    "Sheriff\u2019s Office": SHERIFF,
    "sheriff\u2018s office": SHERIFF,
    "Gaza-Egypt border": {"curly.txt", "straight.txt"},
    "Gaza\u2013Egypt border": {"curly.txt", "straight.txt"},
    "Gaza\u2014Egypt border": {"curly.txt", "straight.txt"},
    "El Fasher - the Sheriff's": {"c1.txt"},
    "El\u00a0Fasher \u2013 the Sheriff\u2019s": {"c1.txt"},
}


def test_stored_sentences_are_the_source_text(db: Path) -> None:
    conn = store.connect(db, read_only=True)
    sentences = {r["evidence"]["sentence"] for r in query.iter_events(conn)}
    assert any("Sheriff\u2019s Office" in s for s in sentences)
    assert any("Gaza\u2013Egypt" in s for s in sentences)
    assert any("El Fasher \x96 the\nsheriff\x92s" in s for s in sentences)


@pytest.mark.parametrize("q", list(SPELLINGS))
def test_search_finds_either_spelling_through_the_text_index(db: Path, q: str) -> None:
    assert _sources(store.connect(db, read_only=True), q) == SPELLINGS[q]


@pytest.mark.parametrize("q", list(SPELLINGS))
def test_search_finds_either_spelling_by_scanning(db: Path, q: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # With the threshold at 1 every text counts as common: rows are tested with LIKE, not looked up in the index.
    monkeypatch.setattr(query, "DENSE_TEXT_HITS", 1)
    conn = store.connect(db, read_only=True)
    assert _sources(conn, q) == SPELLINGS[q]
    assert query.count_events(conn, query.EventFilter(q=q)) == len(
        query.event_page(conn, query.EventFilter(q=q), limit=100)[0])


def test_short_and_distinct_searches_fold_too(db: Path) -> None:
    conn = store.connect(db, read_only=True)
    # under 3 characters the trigram index cannot answer: a LIKE scan of the folded sentences
    assert _sources(conn, "\u2019s") == _sources(conn, "'s") >= SHERIFF
    # one row per happening probes earlier reports with the same fold
    for q in ("Sheriff's", "Sheriff\u2019s"):
        records, _total = query.event_page(conn, query.EventFilter(q=q, distinct=True), limit=100)
        assert {r["source_id"] for r in records} == {"curly.txt", "straight.txt", "c1.txt"}


def test_fold_text() -> None:
    assert store.fold_text("The Sheriff\u2019s Office \u2013 \u201cno\u201d\u2026\u00a0it\n\n  ends") == \
        "The Sheriff's Office - \"no\"... it ends"
    assert store.fold_text("Sheriff\u00e2\u20ac\u2122s Office \x96 caf\u00c3\u00a9") == "Sheriff's Office - caf\u00e9"
    assert store.fold_text("Sher\u00adiff\u200b's") == "Sheriff's"
    assert store.fold_text(" plain  ascii ") == " plain ascii "  # a search's own spaces kept, runs made one


def test_backfill_folds_old_sentences_as_fold_text() -> None:
    # Migration 5 folds stored sentences in SQL. Those were the cleaned body text (no mojibake, straight quotes),
    # but it must fold every character fold_text replaces, whatever is in the rows.
    samples = ["The Sheriff\u2019s Office \u2013 \u201cno\u201d\u2026 said\u00a0it\n\nand\tleft.",
               "El Fasher \x96 the\r\nsheriff\x92s office \x93said\x94 \x85", "plain ascii",
               "".join(old + "x" for old in store._FOLDED_CHARS)]
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE events (sentence TEXT)")
    conn.executemany("INSERT INTO events VALUES (?)", [(text,) for text in samples])
    for statement in store._statements(store._fold_backfill()):
        conn.execute(statement)
    assert [row[0] for row in conn.execute("SELECT sentence FROM events ORDER BY rowid")] == \
        [store.fold_text(text) for text in samples]


def test_api_q_finds_either_spelling(db: Path) -> None:
    with TestClient(create_app(db)) as client:
        totals = {q: client.get("/api/events", params={"q": q}).json()["total"]
                  for q in ("Sheriff's Office", "Sheriff\u2019s Office")}
    assert totals == {"Sheriff's Office": 3, "Sheriff\u2019s Office": 3}


@pytest.fixture()
def old_db(tmp_path: Path, docs: list[CodedDoc]) -> Path:
    # A store written before migration 5, whose sentence column held the sentence unfolded.
    return old_store(tmp_path / "old.db", 4, docs,
                     then="UPDATE events SET sentence = json_extract(record, '$.evidence.sentence')")


def test_old_store_upgrades_to_folded_search(old_db: Path) -> None:
    # Read-only never migrates and still answers: the folded query finds the straight spelling (stores written
    # before this change held the cleaned sentences, where quotes were straight already).
    before = store.connect(old_db, read_only=True)
    assert _sources(before, "Sheriff\u2019s Office") == {"straight.txt"}
    before.close()
    conn = store.connect(old_db)
    assert [row[0] for row in conn.execute("SELECT version FROM migrations ORDER BY version")] == \
        [version for version, _d, _s in store.MIGRATIONS]
    for q, expected in SPELLINGS.items():
        assert _sources(conn, q) == expected, q
    for sentence, record in conn.execute("SELECT sentence, record FROM events"):
        assert sentence == store.fold_text(json.loads(record)["evidence"]["sentence"])
    conn.execute("INSERT INTO events_fts(events_fts, rank) VALUES ('integrity-check', 1)")  # index = folded rows
    # the index follows deletes and new writes of folded sentences through the triggers
    conn.execute("DELETE FROM documents WHERE source_id = 'curly.txt'")
    assert _sources(conn, "Sheriff\u2019s Office") == {"straight.txt", "c1.txt"}
    store.write_many(conn, _docs())
    assert _sources(conn, "Sheriff's Office") == SHERIFF
    conn.execute("INSERT INTO events_fts(events_fts, rank) VALUES ('integrity-check', 1)")
    conn.close()
