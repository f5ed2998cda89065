"""The batch road end to end: idempotent reruns, kill -9 resume, identical results with N workers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dragoman import query, store
from dragoman.pipeline import code_files
from factories import kill_code_batch, write_corpus


def _dump(db: Path) -> tuple[list[tuple], list[str]]:
    conn = store.connect(db, read_only=True)
    docs = [tuple(r) for r in conn.execute("SELECT doc_id, source_id, status, error, text FROM documents "
                                           "ORDER BY doc_id")]
    events = sorted(str(r) for r in query.iter_events(conn))
    return docs, events


def test_pipeline_rerun_adds_nothing(tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", 5)
    db = tmp_path / "x.db"
    first = code_files([tmp_path / "in"], db=db)
    assert first.coded == 5 and first.failed == 0
    before = _dump(db)
    second = code_files([tmp_path / "in"], db=db)
    assert second.coded == 0 and second.already_stored == 5
    assert _dump(db) == before


def test_pipeline_same_content_twice_in_one_batch_is_stored_once(tmp_path: Path) -> None:
    (paths := write_corpus(tmp_path / "in", 1))
    (tmp_path / "in" / "copy.txt").write_bytes(paths[0].read_bytes())
    summary = code_files([tmp_path / "in"], db=tmp_path / "x.db")
    assert summary.coded == 1 and summary.already_stored == 1


def test_pipeline_workers_give_identical_results(tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", 30)
    one = code_files([tmp_path / "in"], db=tmp_path / "one.db", workers=1)
    two = code_files([tmp_path / "in"], db=tmp_path / "two.db", workers=2)
    assert one.coded == two.coded == 30
    assert _dump(tmp_path / "one.db") == _dump(tmp_path / "two.db")


def test_pipeline_kill_9_then_resume_stores_each_document_once(tmp_path: Path) -> None:
    n = 120
    write_corpus(tmp_path / "in", n)
    db = tmp_path / "x.db"
    command = [sys.executable, "-m", "dragoman.cli", "code", str(tmp_path / "in"), "--db", str(db)]
    stored_at_kill = kill_code_batch(command, db, after=10)
    assert 0 < stored_at_kill < n

    conn = store.connect(db)  # opening recovers the WAL
    assert store.check_integrity(conn) == []
    # No half-written document: every stored ok document has all its events or none were coded.
    conn.close()

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    conn = store.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == n
    assert conn.execute("SELECT COUNT(DISTINCT source_id) FROM documents").fetchone()[0] == n
    assert store.check_integrity(conn) == []
    assert f"already stored {stored_at_kill}" in rerun.stdout


@pytest.mark.parametrize("workers", [1, 2])
def test_pipeline_bad_file_does_not_cost_good_ones(tmp_path: Path, workers: int) -> None:
    write_corpus(tmp_path / "in", 25 if workers == 2 else 3)
    (tmp_path / "in" / "empty.txt").write_text("   \n", encoding="utf-8")
    summary = code_files([tmp_path / "in"], db=tmp_path / "x.db", workers=workers)
    assert summary.coded == (25 if workers == 2 else 3)
    assert summary.skipped + summary.failed == 1


def test_pipeline_broken_place_index_stops_the_batch_instead_of_failing_documents(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dragoman.errors import GazetteerError
    from dragoman.gazetteer import reset_gazetteer

    write_corpus(tmp_path / "in", 2)
    not_a_folder = tmp_path / "data-file"
    not_a_folder.write_text("a file where the data folder should be", encoding="utf-8")
    monkeypatch.setenv("DRAGOMAN_DATA_DIR", str(not_a_folder))
    reset_gazetteer()
    try:
        with pytest.raises(GazetteerError):
            code_files([tmp_path / "in"], db=tmp_path / "x.db")
        conn = store.connect(tmp_path / "x.db")
        assert conn.execute("SELECT COUNT(*) FROM documents WHERE status = 'failed'").fetchone()[0] == 0
    finally:
        monkeypatch.undo()
        reset_gazetteer()
