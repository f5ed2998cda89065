"""A document that belongs to two stories folds them into one: documents, term counts, probe index and span
follow, and nothing of the folded story is left behind."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from dragoman import store, stories
from dragoman.model import content_hash

FIRST = "Quokka zanzibar marmalade trombone glacier harbour."
SECOND = "Flamingo tundra saxophone lantern volcano meadow."
BRIDGE = FIRST + " " + SECOND


def _add(conn: sqlite3.Connection, text: str, day: str) -> stories.Linked:
    doc_id = content_hash(text)
    conn.execute("INSERT INTO documents (doc_id, source_id, status, original, text, published, created_at) "
                 "VALUES (?, ?, 'ok', ?, ?, ?, ?)", (doc_id, text[:10], text, text, day, day))
    return stories.link(conn, doc_id, title=None, body=text, published=day, events=(), stored=day)


def test_a_bridging_document_folds_two_stories(tmp_path: Path) -> None:
    conn = store.connect(tmp_path / "merge.db")
    first = _add(conn, FIRST, "2024-05-01")
    second = _add(conn, SECOND, "2024-05-02")
    assert first.founded and second.founded and first.story_id != second.story_id
    bridge = _add(conn, BRIDGE, "2024-05-02")
    assert not bridge.founded
    assert conn.execute("SELECT COUNT(DISTINCT story_id) FROM story_documents").fetchone()[0] == 1
    kept = bridge.story_id
    assert [tuple(r) for r in conn.execute("SELECT story_id, first_date, last_date, documents FROM stories")] == [
        (kept, "2024-05-01", "2024-05-02", 3)]
    assert {r[0] for r in conn.execute("SELECT DISTINCT story_id FROM story_index")} == {kept}
    assert {r[0] for r in conn.execute("SELECT DISTINCT story_id FROM story_terms")} == {kept}
    assert conn.execute("SELECT n FROM story_terms WHERE term = 'quokka'").fetchone()[0] == 2
