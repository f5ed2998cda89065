"""A healthy store on a read-only mount is readable by events, docs and the API (SQLite's immutable mode).

The folder is really read-only for the process reading it: a read-only bind mount in a private mount namespace
when running as root (where permissions stop nothing), else the folder's write permission removed. The reads run
in real subprocesses; each test first shows that SQLite's plain read-only mode fails there, so the fallback is
what makes them pass.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from dragoman import store
from test_api_export_failures import build_export_store

N_EVENTS = 1600
_PLAIN_READ_ONLY = """
import sqlite3, sys
from pathlib import Path
conn = sqlite3.connect(Path(sys.argv[1]).resolve().as_uri() + "?mode=ro", uri=True)
conn.execute("SELECT COUNT(*) FROM events").fetchone()
"""
_API_READ = """
import sys
from fastapi.testclient import TestClient
from dragoman.api import create_app
with TestClient(create_app(sys.argv[1])) as client:
    response = client.get("/api/events", params={"limit": 5})
    print(response.status_code, response.json()["total"])
"""


def _mount_namespaces_work(folder: Path) -> bool:
    probe = subprocess.run(["unshare", "--mount", "--propagation", "private", "sh", "-c",
                            'mount --bind -o ro "$0" "$0" && ! touch "$0/probe" 2>/dev/null', str(folder)],
                           capture_output=True, timeout=60)
    return probe.returncode == 0


@pytest.fixture()
def read_only_folder(tmp_path: Path) -> Iterator[tuple[Path, list[str]]]:
    """(a folder holding a coded store, the command prefix under which that folder is read-only)."""
    folder = tmp_path / "mounted"
    folder.mkdir()
    build_export_store(folder / "store.db")
    assert sorted(p.name for p in folder.iterdir()) == ["store.db"]  # closed cleanly: no -wal, no -shm
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield folder, []
        finally:
            folder.chmod(0o755)
        return
    if shutil.which("unshare") is None or not _mount_namespaces_work(folder):
        pytest.skip("running as root without mount namespaces (unshare --mount): no way to make a folder read-only")
    # The mount exists only in the namespace of the command it runs, and ends with it.
    yield folder, ["unshare", "--mount", "--propagation", "private", "sh", "-c",
                   'mount --bind -o ro "$0" "$0" && exec "$@"', str(folder)]


def _run(prefix: list[str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*prefix, *args], capture_output=True, text=True, timeout=300)


def test_read_commands_on_a_read_only_mount(read_only_folder: tuple[Path, list[str]]) -> None:
    folder, prefix = read_only_folder
    db = str(folder / "store.db")
    plain = _run(prefix, sys.executable, "-c", _PLAIN_READ_ONLY, db)
    assert plain.returncode != 0 and "OperationalError" in plain.stderr  # the reported failure, reproduced
    events = _run(prefix, sys.executable, "-m", "dragoman", "events", "--db", db, "--format", "jsonl")
    assert events.returncode == 0, events.stderr
    assert len([json.loads(line) for line in events.stdout.splitlines()]) == N_EVENTS
    docs = _run(prefix, sys.executable, "-m", "dragoman", "docs", "--db", db, "--format", "jsonl")
    assert docs.returncode == 0 and len(docs.stdout.splitlines()) == 16, docs.stderr
    api = _run(prefix, sys.executable, "-c", _API_READ, db)
    assert api.returncode == 0 and api.stdout.split() == ["200", str(N_EVENTS)], api.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["store.db"]  # nothing was written beside it


def test_code_still_refuses_a_read_only_mount(read_only_folder: tuple[Path, list[str]]) -> None:
    folder, prefix = read_only_folder
    story = folder.parent / "story.txt"
    story.write_text("Kenyan police arrested 30 protesters in Nairobi on Tuesday.\n", encoding="utf-8")
    run = _run(prefix, sys.executable, "-m", "dragoman", "code", str(story), "--db", str(folder / "store.db"))
    assert run.returncode == 1 and "not writable" in run.stderr and "Traceback" not in run.stderr


def test_unreadable_write_ahead_log_is_an_error_not_missing_data(tmp_path: Path) -> None:
    """Immutable mode ignores the -wal file: a store whose last writes are still there must not look complete."""
    source = tmp_path / "live.db"
    build_export_store(source)
    conn = store.connect(source)
    try:
        conn.execute("PRAGMA wal_autocheckpoint=0")  # keep the next write in the -wal file
        conn.execute("DELETE FROM events WHERE rowid IN (SELECT rowid FROM events LIMIT 10)")
        folder = tmp_path / "copied"
        folder.mkdir()
        shutil.copy(source, folder / "store.db")  # a copy taken while the writer is still open
        shutil.copy(f"{source}-wal", folder / "store.db-wal")
    finally:
        conn.close()
    assert (folder / "store.db-wal").stat().st_size > 0
    prefix: list[str] = []
    if os.geteuid() != 0:
        folder.chmod(0o555)
    elif shutil.which("unshare") is None or not _mount_namespaces_work(folder):
        pytest.skip("running as root without mount namespaces (unshare --mount): no way to make a folder read-only")
    else:
        prefix = ["unshare", "--mount", "--propagation", "private", "sh", "-c",
                  'mount --bind -o ro "$0" "$0" && exec "$@"', str(folder)]
    try:
        run = _run(prefix, sys.executable, "-m", "dragoman", "events", "--db", str(folder / "store.db"))
    finally:
        folder.chmod(0o755)
    assert run.returncode == 1 and "store.db-wal" in run.stderr and "writable" in run.stderr, run.stderr
    assert "Traceback" not in run.stderr
    assert sqlite3.connect(source).execute("SELECT COUNT(*) FROM events").fetchone()[0] == N_EVENTS - 10
