"""Near-duplicates through the pipeline and the store: linked within a batch and against what the store holds,
found by probing band buckets only, copies with the same words storing no events, and a batch killed with SIGKILL
then rerun giving every link exactly once (the same links as a run never killed)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from pytest import MonkeyPatch

from dragoman import pipeline, store
from dragoman.ingest import article_from_text
from dragoman.pipeline import code_files
from factories import killed_then_rerun, write_corpus_with_copies

STORY = (
    "GOMA, Congo (Reuters) - M23 rebels shelled army positions near Sake on Monday, killing seven soldiers, "
    "a local official said.\n\n"
    "The army said it had repelled the attack and arrested twelve fighters. Residents fled towards Goma as the "
    "fighting spread along the main road.\n\n"
    "The United Nations mission said it was deeply concerned and called on all sides to protect civilians.\n\n"
    "Talks between Kigali and Kinshasa are expected to resume in Luanda next week.\n"
)
OTHER = (
    "NAIROBI (Reuters) - Kenyan police fired tear gas at protesters in Nairobi on Tuesday as thousands marched "
    "against new taxes, witnesses said.\n\n"
    "Police arrested at least 30 people, a police spokesman said. Opposition leaders called for more "
    "demonstrations on Thursday.\n"
)
FURNITURE = "Advertisement\n\n" + STORY + "\nShare this article\n"  # the cleaner drops both lines: same words
EDITED = STORY.replace("seven soldiers", "nine soldiers").replace("twelve fighters", "15 fighters")
TRUNCATED = STORY.split("\n\n", 2)[0] + "\n\n" + STORY.split("\n\n", 2)[1] + "\n"


def _write(folder: Path, texts: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")


def _docs(db: Path) -> dict[str, tuple[str | None, float | None, int]]:
    """source file name -> (its original's file name, similarity, events stored)."""
    conn = sqlite3.connect(db)
    try:
        names = dict(conn.execute("SELECT doc_id, source_id FROM documents").fetchall())
        rows = conn.execute("SELECT d.doc_id, d.duplicate_of, d.similarity, "
                            "(SELECT COUNT(*) FROM events e WHERE e.doc_id = d.doc_id) FROM documents d").fetchall()
        return {Path(names[d]).name: (Path(names[o]).name if o else None, s, n) for d, o, s, n in rows}
    finally:
        conn.close()


def test_batch_links_within_itself_then_against_the_store(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _write(tmp_path / "one", {"a-story": STORY, "b-other": OTHER, "c-furniture": FURNITURE, "d-edited": EDITED})
    first = code_files([tmp_path / "one"], db=db)
    assert first.coded == 4  # a copy is a coded document like any other
    docs = _docs(db)
    assert docs["a-story.txt"][:2] == (None, None) and docs["b-other.txt"][:2] == (None, None)
    assert docs["a-story.txt"][2] > 0
    assert docs["c-furniture.txt"] == ("a-story.txt", 1.0, 0)  # same words: one more report of the original's
    original, similarity, events = docs["d-edited.txt"]
    assert original == "a-story.txt" and 0.4 <= similarity < 1.0 and events > 0  # other words: its own events
    conn = store.connect(db)
    banded = {row[0] for row in conn.execute("SELECT DISTINCT doc_id FROM doc_bands")}
    ids = dict(conn.execute("SELECT source_id, doc_id FROM documents").fetchall())
    assert banded == {ids[str(tmp_path / "one" / n)] for n in ("a-story.txt", "b-other.txt")}  # originals only
    # The probe reads only the new document's buckets: a search of the band key index, never a scan of it.
    plan = " ".join(str(tuple(r)) for r in conn.execute(
        "EXPLAIN QUERY PLAN SELECT b.doc_id, d.text FROM doc_bands b JOIN documents d ON d.doc_id = b.doc_id "
        "WHERE b.band IN (1, 2, 3) AND b.doc_id != 'x' GROUP BY b.doc_id ORDER BY COUNT(*) DESC, d.rowid LIMIT 8"))
    assert "SEARCH b USING" in plan and "SCAN b" not in plan, plan
    conn.close()

    _write(tmp_path / "two", {"e-truncated": TRUNCATED, "f-new": OTHER.replace("Nairobi", "Mombasa")
                              .replace("Kenyan police", "Riot police").replace("thousands", "hundreds")})
    second = code_files([tmp_path / "one", tmp_path / "two"], db=db)
    assert second.coded == 2 and second.already_stored == 4
    docs = _docs(db)
    assert docs["e-truncated.txt"][0] == "a-story.txt"
    assert docs["f-new.txt"][0] == "b-other.txt"  # a light rewrite of a stored story
    assert sum(o is not None for o, _s, _n in docs.values()) == 4

    # A recode keeps every link and every original's band keys; the same-words copy still stores no events.
    conn = store.connect(db)
    bands = sorted(tuple(r) for r in conn.execute("SELECT band, doc_id FROM doc_bands"))
    conn.close()
    again = code_files([tmp_path / "one", tmp_path / "two"], db=db, recode=True)
    assert again.recoded == 6
    assert _docs(db) == docs
    conn = store.connect(db)
    assert sorted(tuple(r) for r in conn.execute("SELECT band, doc_id FROM doc_bands")) == bands
    conn.close()


def test_killed_batch_rerun_links_each_copy_once(tmp_path: Path) -> None:
    n = 60
    write_corpus_with_copies(tmp_path / "in", n)
    whole = tmp_path / "whole.db"
    code_files([tmp_path / "in"], db=whole, workers=1)
    expected = _docs(whole)
    assert sum(o is not None for o, _s, _n in expected.values()) >= n // 2  # every copy is linked

    db = tmp_path / "killed.db"
    stored_at_kill = killed_then_rerun(tmp_path / "in", db, after=20)
    assert 0 < stored_at_kill < len(expected)
    assert _docs(db) == expected
    conn = store.connect(db)
    try:
        assert store.check_integrity(conn) == []
        # bands only for originals, each (band, document) once; links only to originals
        assert conn.execute("SELECT COUNT(*) FROM doc_bands b JOIN documents d USING (doc_id) "
                            "WHERE d.duplicate_of IS NOT NULL").fetchone()[0] == 0
        assert conn.execute("SELECT COUNT(*) FROM documents d JOIN documents o ON o.doc_id = d.duplicate_of "
                            "WHERE o.duplicate_of IS NOT NULL").fetchone()[0] == 0
    finally:
        conn.close()


def test_same_words_copies_of_stored_documents_are_not_parsed(tmp_path: Path, monkeypatch: MonkeyPatch) -> None:
    db = tmp_path / "s.db"
    _write(tmp_path / "one", {"story": STORY, "other": OTHER})
    code_files([tmp_path / "one"], db=db)
    parsed: list[str] = []
    parse_each = pipeline._parse_each

    def counting(bodies: list[str], **kwargs: Any) -> Any:  # the real parse, its bodies noted
        parsed.extend(bodies)
        return parse_each(bodies, **kwargs)

    monkeypatch.setattr(pipeline, "_parse_each", counting)
    _write(tmp_path / "two", {"a-copy": FURNITURE, "b-new": EDITED, "c-copy": STORY + "\nShare this article\n",
                              "d-new": TRUNCATED})
    summary = code_files([tmp_path / "two"], db=db)
    assert summary.coded == 4 and summary.events > 0
    assert len(parsed) == 2  # b-new and d-new: the two copies with the stored story's very words are not parsed
    docs = _docs(db)
    assert docs["a-copy.txt"] == docs["c-copy.txt"] == ("story.txt", 1.0, 0)
    assert docs["b-new.txt"][0] == docs["d-new.txt"][0] == "story.txt" and docs["b-new.txt"][2] > 0
    conn = sqlite3.connect(db)
    written = [Path(r[0]).name for r in conn.execute("SELECT source_id FROM documents ORDER BY rowid")]
    conn.close()
    assert written == ["other.txt", "story.txt", "a-copy.txt", "b-new.txt", "c-copy.txt", "d-new.txt"]  # input order


def test_check_before_the_workers_stops_when_it_does_not_pay(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    store.connect(db).close()
    reader = store.connect(db, read_only=True)
    try:
        held = pipeline._HeldCopies(reader)
        articles = [article_from_text(f"Story {i}: the council met on Tuesday and approved the budget.")
                    for i in range(pipeline.PRECHECK_TRIAL + 50)]
        assert not any(held.take(i, article) for i, article in enumerate(articles))
        assert held.checked == pipeline.PRECHECK_TRIAL and held.found == 0 and len(held.order) == len(articles)
    finally:
        reader.close()
