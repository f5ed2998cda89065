"""The CLI against hostile arguments: one line naming the value, the stage and the fix; no traceback."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from dragoman.cli import main

STORY = (
    "NAIROBI, Kenya (Reuters) - Kenyan police arrested 30 protesters in Nairobi on Tuesday, "
    "a police spokesman said.\n\nThe government accused opposition leaders of planning the protests.\n"
)


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def _coded_db(tmp_path: Path) -> Path:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    db = tmp_path / "coded.db"
    code, out = _run("code", str(tmp_path / "story.txt"), "--db", str(db), "--published", "2024-01-23")
    assert code == 0 and "coded 1" in out
    return db


def test_read_commands_on_a_file_that_is_no_store(tmp_path: Path) -> None:
    text = tmp_path / "notes.db"
    text.write_text("not a database, just some notes\n", encoding="utf-8")
    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).close()
    for command in ("docs", "events"):
        code, out = _run(command, "--db", str(text))
        assert code == 1 and "[store]" in out and "notes.db" in out and "dragoman SQLite file" in out
        code, out = _run(command, "--db", str(empty))
        assert code == 1 and "has no dragoman tables" in out and "dragoman code PATH" in out
    # The same through a real process: stderr holds one line and no traceback.
    proc = subprocess.run([sys.executable, "-m", "dragoman", "events", "--db", str(text)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_code_refuses_a_db_it_would_damage(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    notes = tmp_path / "notes.db"
    notes.write_text("my notes\n", encoding="utf-8")
    other = tmp_path / "places.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE moz_places (url TEXT)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    code, out = _run("code", str(tmp_path / "story.txt"), "--db", str(notes))
    assert code == 1 and "not an SQLite database" in out and notes.read_text(encoding="utf-8") == "my notes\n"
    code, out = _run("code", str(tmp_path / "story.txt"), "--db", str(other))
    assert code == 1 and "another program" in out and "moz_places" in out
    assert other.read_bytes() == before
    code, out = _run("code", str(tmp_path / "story.txt"), "--db", str(tmp_path / "no" / "such" / "x.db"))
    assert code == 1 and "does not exist" in out
    code, out = _run("code", str(tmp_path / "story.txt"), "--db", str(tmp_path))
    assert code == 2 and "is a directory" in out


def test_code_refuses_an_unwritable_db_up_front(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes everywhere: permissions cannot be tested as root")
    db = _coded_db(tmp_path)
    db.chmod(0o444)
    (tmp_path / "more.txt").write_text(STORY.replace("30", "40"), encoding="utf-8")
    code, out = _run("code", str(tmp_path / "more.txt"), "--db", str(db))
    assert code == 1 and "read-only" in out and "chmod" in out
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    code, out = _run("code", str(tmp_path / "more.txt"), "--db", str(locked / "x.db"))
    assert code == 1 and "not writable" in out


def test_code_says_when_it_found_nothing(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(main, ["code", str(tmp_path / "empty"), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 0
    assert "no input files found" in result.stderr and ".jsonl" in result.stderr


def test_library_warnings_do_not_reach_the_terminal(tmp_path: Path) -> None:
    (tmp_path / "menu.html").write_text('<html><body><div>', encoding="utf-8")
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "dragoman", "code", str(tmp_path), "--db", str(tmp_path / "x.db")],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert "coded 1" in proc.stdout and "no article body" in proc.stdout
    assert proc.stderr.strip() == "", proc.stderr  # trafilatura's "discarding data: None" stays out


def test_events_filters_are_checked(tmp_path: Path) -> None:
    db = _coded_db(tmp_path)
    code, out = _run("events", "--db", str(db), "--country", "Congo")
    assert code == 1 and "'Congo' is not a code" in out and "COD" in out
    code, out = _run("events", "--db", str(db), "--since", "2024-02-01", "--until", "2024-01-01")
    assert code == 1 and "after --until" in out and "swap" in out
    code, out = _run("events", "--db", str(db), "--type", "coerce", "--country", "ken", "--format", "jsonl")
    assert code == 0 and out.strip()
    assert {json.loads(line)["type"] for line in out.splitlines()} == {"COERCE"}


@pytest.mark.parametrize(
    ("args", "content", "expected"),
    [
        (["events", "--format", "plover-gsr"], '[{"a": 1}]', "PLOVER GSR JSON list"),
        (["events", "--format", "plover-gsr"], '[{"text": "x", "event_type": 5}]', "PLOVER GSR JSON list"),
        (["events", "--format", "cameo-class"], "", "text<TAB>label"),
        (["geo"], "<articles><article><text>hi</text><toponyms><toponym><start>x</start></toponym></toponyms>"
                  "</article></articles>", "LGL or GeoWebNews XML"),
    ],
)
def test_evaluate_on_a_wrong_file_names_the_layout(tmp_path: Path, args: list[str], content: str,
                                                   expected: str) -> None:
    gold = tmp_path / "gold.txt"
    gold.write_text(content, encoding="utf-8")
    code, out = _run("evaluate", *args[:1], "--gold", str(gold), *args[1:], "--json")
    assert code == 1 and "[evaluate]" in out and expected in out and "gold.txt" in out
    assert len(out.strip().splitlines()) == 1


def test_evaluate_extraction_on_a_wrong_folder(tmp_path: Path) -> None:
    (tmp_path / "html").mkdir()
    (tmp_path / "ground-truth.json").write_text('{"a": {"articleBody": 5}}', encoding="utf-8")
    (tmp_path / "html" / "a.html.gz").write_bytes(b"\x1f\x8b")
    code, out = _run("evaluate", "extraction", "--gold", str(tmp_path), "--json")
    assert code == 1 and "ground-truth.json and html/<id>.html.gz" in out
    (tmp_path / "ground-truth.json").write_text("{}", encoding="utf-8")
    code, out = _run("evaluate", "extraction", "--gold", str(tmp_path), "--json")
    assert code == 1 and "no gold records" in out


def test_serve_on_a_busy_port_or_a_bad_host(tmp_path: Path) -> None:
    db = _coded_db(tmp_path)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        code, out = _run("serve", "--db", str(db), "--port", str(port))
    assert code == 1 and f"127.0.0.1:{port}" in out and "--port" in out
    code, out = _run("serve", "--db", str(db), "--host", "999.1.1.1")
    assert code == 1 and "--host '999.1.1.1'" in out


def test_places_on_a_rejected_file(tmp_path: Path) -> None:
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    result = CliRunner().invoke(main, ["places", str(tmp_path / "photo.txt")])
    assert result.exit_code == 1 and "PNG image" in result.stderr
    assert json.loads(result.stdout)["error"]


def test_ctrl_c_stops_cleanly_and_a_rerun_finishes(tmp_path: Path, examples_dir: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    for i in range(8):
        for src in sorted(examples_dir.glob("*.txt")):
            (news / f"{src.stem}_{i}.txt").write_text(src.read_text(encoding="utf-8") + f"\n\nNote {i}.\n",
                                                     encoding="utf-8")
    total = len(list(news.iterdir()))
    db = tmp_path / "x.db"
    command = [sys.executable, "-m", "dragoman", "code", str(news), "--db", str(db), "--workers", "2"]
    # Its own process group, as a terminal's Ctrl-C signals the command and its workers together.
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    deadline = time.monotonic() + 240
    stored = 0
    while stored < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
        try:
            with sqlite3.connect(db) as conn:
                stored = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        except sqlite3.Error:
            stored = 0
    if proc.poll() is not None:
        pytest.skip("the batch finished before it could be interrupted")
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, (out, err)
    assert "Traceback" not in err and "ForkPoolWorker" not in err
    assert "interrupted" in err and "again" in err
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        kept = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert 0 < kept < total
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"already stored {kept}" in rerun.stdout
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT source_id, count(*) FROM documents GROUP BY source_id").fetchall()
    assert len(rows) == total and {n for _s, n in rows} == {1}


def test_verbose_after_any_command_adds_the_traceback(tmp_path: Path) -> None:
    text = tmp_path / "notes.db"
    text.write_text("not a database\n", encoding="utf-8")
    plain = subprocess.run([sys.executable, "-m", "dragoman", "docs", "--db", str(text)],
                           capture_output=True, text=True, timeout=120)
    verbose = subprocess.run([sys.executable, "-m", "dragoman", "docs", "--db", str(text), "--verbose"],
                             capture_output=True, text=True, timeout=120)
    assert plain.returncode == verbose.returncode == 1
    assert "Traceback" not in plain.stderr and "Traceback" in verbose.stderr
    assert verbose.stderr.strip().splitlines()[-1] == plain.stderr.strip()
