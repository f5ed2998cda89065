"""A batch killed with SIGKILL and run again links every document into a story exactly once, the same stories as
a run never killed (the link is written in the document's own transaction)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from dragoman.pipeline import code_files
from factories import killed_then_rerun, write_corpus_with_copies


def _stories(db: Path) -> dict[str, str]:
    """source file name -> story id; the counters checked against the links on the way."""
    conn = sqlite3.connect(db)
    try:
        links = conn.execute("SELECT COUNT(*) FROM story_documents").fetchone()[0]
        assert links == conn.execute("SELECT COUNT(*) FROM documents WHERE status = 'ok'").fetchone()[0]
        assert links == conn.execute("SELECT SUM(documents) FROM stories").fetchone()[0]
        assert links == conn.execute("SELECT n FROM story_df WHERE term = ''").fetchone()[0]
        assert conn.execute("SELECT COUNT(*) FROM stories WHERE story_id NOT IN "
                            "(SELECT story_id FROM story_documents)").fetchone()[0] == 0
        return {Path(source).name: story for source, story in conn.execute(
            "SELECT d.source_id, s.story_id FROM story_documents s JOIN documents d USING (doc_id)")}
    finally:
        conn.close()


def test_killed_batch_rerun_links_each_document_once(tmp_path: Path) -> None:
    n = 24
    write_corpus_with_copies(tmp_path / "in", n)
    whole = tmp_path / "whole.db"
    code_files([tmp_path / "in"], db=whole, workers=1)
    expected = _stories(whole)
    assert len(expected) == n + n // 2

    db = tmp_path / "killed.db"
    stored_at_kill = killed_then_rerun(tmp_path / "in", db, after=8)
    assert 0 < stored_at_kill < len(expected)
    assert _stories(db) == expected
