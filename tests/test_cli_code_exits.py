"""Exit codes that tell the truth: missing inputs, a damaged store, an export the store breaks off.

Real subprocesses of the real CLI over real SQLite files; damage is bytes overwritten on disk.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from test_api_export_failures import build_export_store, damage_page_of, export_order, first_alone_on_its_page

STORY = (
    "NAIROBI, Kenya (Reuters) - Kenyan police arrested 30 protesters in Nairobi on Tuesday, "
    "a police spokesman said.\n\nThe government accused opposition leaders of planning the protests.\n"
)


def _dragoman(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dragoman", *args], capture_output=True, text=True, timeout=600)


def test_code_with_no_existing_input_exits_1_and_creates_nothing(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    run = _dragoman("code", str(tmp_path / "nosuch"), str(tmp_path / "gone.txt"), "--db", str(db))
    assert run.returncode == 1, run
    assert "nosuch" in run.stderr and "gone.txt" in run.stderr and "no input exists" in run.stderr
    assert "Traceback" not in run.stderr + run.stdout
    assert not db.exists() and list(tmp_path.iterdir()) == []  # no database, no -wal/-shm


def test_code_with_some_inputs_missing_codes_the_rest_and_exits_3(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    db = tmp_path / "x.db"
    run = _dragoman("code", str(story), str(tmp_path / "nosuch"), "--db", str(db), "--published", "2024-01-23")
    assert run.returncode == 3, run
    assert "coded 1" in run.stdout
    assert f"{tmp_path / 'nosuch'}: no such file or folder" in run.stderr
    docs = _dragoman("docs", "--db", str(db), "--format", "jsonl")
    # The missing path is the user's mistake, not a document: only the story is stored.
    assert [json.loads(line)["source_id"] for line in docs.stdout.splitlines()] == [str(story)]
    assert "Exit codes" in _dragoman("code", "--help").stdout


def test_code_on_a_damaged_store_exits_1_even_when_everything_is_stored(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    db = tmp_path / "x.db"
    first = _dragoman("code", str(story), "--db", str(db), "--published", "2024-01-23")
    assert first.returncode == 0, first
    again = _dragoman("code", str(story), "--db", str(db), "--published", "2024-01-23")
    assert again.returncode == 0 and "already stored 1" in again.stdout  # healthy: a rerun is fine
    event_id = json.loads(_dragoman("events", "--db", str(db), "--format", "jsonl").stdout.splitlines()[0])["event_id"]
    damage_page_of(db, event_id)  # the events table; the documents' keys the rerun reads stay intact
    damaged = _dragoman("code", str(story), "--db", str(db), "--published", "2024-01-23")
    assert damaged.returncode == 1, damaged
    assert "is damaged" in damaged.stderr and "quick_check" in damaged.stderr and str(db) in damaged.stderr
    assert "backup" in damaged.stderr  # the fix
    assert len(damaged.stderr.strip().splitlines()) == 1 and "Traceback" not in damaged.stderr


def test_events_export_broken_by_the_store_exits_1(tmp_path: Path) -> None:
    db = tmp_path / "damaged.db"
    build_export_store(db)
    order = export_order(db, "doc")
    target = first_alone_on_its_page(db, order, 1000)
    damage_page_of(db, order[target])
    run = _dragoman("events", "--db", str(db), "--format", "jsonl")
    assert run.returncode == 1, run.stderr
    lines = run.stdout.splitlines()
    assert target - 100 <= len(lines) - 1 <= target
    assert [json.loads(x)["event_id"] for x in lines[:-1]] == order[:len(lines) - 1]
    assert json.loads(lines[-1])["error"]["code"] == "export_failed"
    stderr = run.stderr.strip().splitlines()
    assert len(stderr) == 1 and "[store]" in stderr[0] and f"stopped after {len(lines) - 1} events" in stderr[0]
    assert "incomplete" in stderr[0] and "Traceback" not in run.stderr


def test_events_csv_keeps_its_header_when_the_first_row_fails(tmp_path: Path) -> None:
    db = tmp_path / "damaged.db"
    build_export_store(db)
    damage_page_of(db, export_order(db, "doc")[0])
    run = _dragoman("events", "--db", str(db), "--format", "csv")
    assert run.returncode == 1
    rows = list(csv.reader(io.StringIO(run.stdout)))
    assert rows[0][:3] == ["event_id", "doc_id", "source_id"] and len(rows) == 2
    assert rows[1][0].startswith("#ERROR: the export from") and "stopped after 0 events" in rows[1][0]


def test_events_export_when_the_store_is_damaged_while_it_runs(tmp_path: Path) -> None:
    """The damage lands mid-export: the pipe holds the exporter back (64 KB), so it is still far before the page."""
    db = tmp_path / "live.db"
    build_export_store(db)
    order = export_order(db, "doc")
    proc = subprocess.Popen([sys.executable, "-m", "dragoman", "events", "--db", str(db), "--format", "jsonl"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    target = first_alone_on_its_page(db, order, 1200)
    first = proc.stdout.readline()
    damage_page_of(db, order[target])
    rest, err = proc.communicate(timeout=120)
    lines = [first, *rest.splitlines()]
    assert proc.returncode == 1, err
    assert 1 <= len(lines) - 1 <= target + 1, (len(lines), target)  # stopped mid-export, at the damage at the latest
    # Damage that lands while SQLite is reading can reach a page it is in the middle of (an overflow page of a
    # record), and SQLite does not check every byte it returns: the rows out before the error are not checked
    # here; the static tests above check them exactly. What must hold: the export ends with the error, loudly.
    assert json.loads(first)["event_id"] == order[0]
    assert json.loads(lines[-1])["error"]["code"] == "export_failed"
    assert len(err.strip().splitlines()) == 1 and "database disk image is malformed" in err


def test_docs_export_broken_by_the_store_exits_1(tmp_path: Path) -> None:
    db = tmp_path / "damaged.db"
    build_export_store(db)
    conn = sqlite3.connect(db)
    try:
        pages = [row[0] for row in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = 'documents' AND pagetype = 'overflow' ORDER BY pageno")]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    except sqlite3.OperationalError:
        pytest.skip("this SQLite has no dbstat table to find the documents' pages")
    finally:
        conn.close()
    with db.open("r+b") as handle:  # the later documents' text (rows are stored in order, text on overflow pages)
        for page in pages[len(pages) // 2:]:
            handle.seek((page - 1) * page_size)
            handle.write(b"\xff" * page_size)
    run = _dragoman("docs", "--db", str(db), "--format", "jsonl")
    assert run.returncode == 1
    lines = run.stdout.splitlines()
    assert 1 <= len(lines) - 1 < 16 and all("doc_id" in json.loads(x) for x in lines[:-1])
    assert json.loads(lines[-1])["error"]["code"] == "export_failed"
    assert f"stopped after {len(lines) - 1} documents" in run.stderr and "Traceback" not in run.stderr
