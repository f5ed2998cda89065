"""Coding on a real Dask LocalCluster (2 worker processes) stores what one process stores, row for row.

One cluster for the module, reached by its tcp:// address as a remote scheduler would be. The inputs are the
examples/ folder and forty varied stories, so the batch spans several chunks and the order of their results
is put right by the client.
"""

from __future__ import annotations

import os
import signal
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import dask
import pytest
from distributed import Client, KilledWorker, LocalCluster

from conftest import EXAMPLES_DIR
from dragoman.cluster import _died
from dragoman.ingest import article_from_text
from dragoman.pipeline import CHUNK_SIZE, BatchSummary, code_files

STORIES = 40
_PLACES = ("Goma", "Mogadishu", "Khartoum", "Nairobi", "Yangon", "Gaza City", "Addis Ababa", "Kinshasa", "Juba",
           "Mandalay")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday")
_STORY = ("Police in {place} arrested {n} people on {day} after a march on the governor's office turned violent, "
          "a police spokesman said. The protesters demanded the release of detained opposition leaders.")
# Columns that say when a row was written, not what was coded.
_WHEN = {"created_at"}
_TABLES = ("documents", "events", "event_countries", "event_names")


def _inputs(folder: Path) -> list[Path]:
    """examples/ plus forty stories of our own: each a demo text with its own closing paragraph."""
    folder.mkdir()
    sources = sorted(EXAMPLES_DIR.glob("*.txt"))
    for n in range(STORIES):
        story = _STORY.format(place=_PLACES[n % len(_PLACES)], day=_DAYS[n // len(_PLACES)], n=n + 3)
        base = sources[n % len(sources)].read_text(encoding="utf-8").rstrip()
        (folder / f"story_{n:02d}.txt").write_text(f"{base}\n\n{story}\n", encoding="utf-8")
    return [EXAMPLES_DIR, folder]


def _rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the coded tables, in rowid (write) order, without write times."""
    conn = sqlite3.connect(db)
    try:
        out = {}
        for table in _TABLES:
            columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})") if row[1] not in _WHEN]
            try:
                out[table] = conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY rowid").fetchall()
            except sqlite3.OperationalError:  # a table WITHOUT ROWID is kept in key order
                out[table] = conn.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
        return out
    finally:
        conn.close()


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    # No retries of a chunk whose worker died: the dispatcher splits it at once (the test below kills one).
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        local = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    try:
        yield local.scheduler_address
    finally:
        local.close()


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], Path]:
    """The inputs and the store one process codes from them (the reference)."""
    root = tmp_path_factory.mktemp("cluster")
    paths = _inputs(root / "stories")
    summary = code_files(paths, db=root / "one.db", workers=1, published="2024-03-05")
    assert summary.coded >= STORIES and summary.failed == 0
    return paths, root / "one.db"


def test_cluster_identical_to_one_process_and_resumes(cluster: str, batch: tuple[list[Path], Path],
                                                      tmp_path: Path) -> None:
    paths, reference = batch
    seen: list[int] = []
    summary = code_files(paths, db=tmp_path / "dask.db", published="2024-03-05", cluster=cluster,
                         progress=lambda s: seen.append(s.seen))
    expected = _rows(reference)
    assert len(expected["documents"]) > 2 * CHUNK_SIZE and len(expected["events"]) > 100
    assert _rows(tmp_path / "dask.db") == expected  # same documents, events, event ids, in the same order
    assert summary.failed == 0 and summary.coded + summary.skipped == len(expected["documents"])
    assert seen[0] == 0 and seen[-1] == len(expected["documents"]) and seen == sorted(seen)
    again = code_files(paths, db=tmp_path / "dask.db", published="2024-03-05", cluster=cluster)
    assert (again.already_stored, again.coded, again.events) == (len(expected["documents"]), 0, 0)
    assert _rows(tmp_path / "dask.db") == expected


def test_cluster_resumes_a_batch_stored_in_part(cluster: str, batch: tuple[list[Path], Path], tmp_path: Path) -> None:
    paths, reference = batch
    # The first run stored only the examples (as a run stopped early would have); the cluster run adds the rest.
    first = code_files([EXAMPLES_DIR], db=tmp_path / "part.db", workers=1, published="2024-03-05")
    summary = code_files(paths, db=tmp_path / "part.db", published="2024-03-05", cluster=cluster)
    assert summary.already_stored == first.seen and summary.coded == STORIES
    stored = {table: sorted(rows, key=repr) for table, rows in _rows(tmp_path / "part.db").items()}
    assert stored == {table: sorted(rows, key=repr) for table, rows in _rows(reference).items()}


def test_cluster_worker_killed_mid_batch_loses_nothing(cluster: str, batch: tuple[list[Path], Path],
                                                       tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    paths, reference = batch
    client = Client(cluster)
    killed: list[str] = []

    def kill_one_worker(summary: BatchSummary) -> None:
        if summary.seen and not killed:  # after the first chunk is written, while the others are being coded
            victim = sorted(client.nthreads())[0]
            pid = client.run(os.getpid, workers=[victim])[victim]
            killed.append(victim)
            os.kill(pid, signal.SIGKILL)  # as the kernel's OOM killer would

    try:
        summary = code_files(paths, db=tmp_path / "killed.db", published="2024-03-05", cluster=cluster,
                             progress=kill_one_worker)
    finally:
        client.close()
    assert killed and summary.failed == 0
    # The chunks the dead worker held were coded again, one document per task (allowed-failures is 0 here).
    assert "killed its Dask worker each time: coding them one by one" in caplog.text
    assert _rows(tmp_path / "killed.db") == _rows(reference)


def test_cluster_document_that_kills_every_worker_is_stored_as_failed_with_why() -> None:
    article = article_from_text("Police arrested 3 people in Goma.", source_id="poison.txt")
    coded = _died(article, KilledWorker("dragoman-code-x-0-1", "tcp://127.0.0.1:1", 3))
    assert (coded.doc_id, coded.source_id, coded.status) == (article.doc_id, "poison.txt", "failed")
    assert coded.error is not None
    assert coded.error.startswith("the Dask worker coding it died each time it was tried (4 times alone)")
    assert "--workers 1" in coded.error and "--recode" in coded.error
