"""`dragoman code --recode` / ``code_files(recode=True)``: documents already stored coded again, each replaced in one
transaction (doc_id, event ids and rowids of the events produced again kept), the read side in step, and a recode
killed with SIGKILL leaving every document wholly old or wholly new."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from dragoman import query, store
from dragoman.cli import main
from dragoman.pipeline import code_files
from factories import write_corpus

OLD, NEW = "2024-01-23", "2024-03-06"  # the stories say "on Monday": 2024-01-22, then 2024-03-04


def _events(db: Path) -> dict[str, tuple[int, str, str | None]]:
    """event_id -> (rowid, doc_id, date)."""
    conn = sqlite3.connect(db)
    try:
        return {r[0]: (r[1], r[2], r[3]) for r in conn.execute("SELECT event_id, rowid, doc_id, date FROM events")}
    finally:
        conn.close()


def _read_side_in_step(db: Path) -> None:
    """The trigger-kept tables count exactly what the events table holds, and the text index is whole."""
    conn = store.connect(db)
    try:
        assert store.check_integrity(conn) == []
        conn.execute("INSERT INTO events_fts(events_fts) VALUES ('integrity-check')")
        kept = dict(conn.execute("SELECT day || type || quad || modality, n FROM agg_daily").fetchall())
        counted = dict(conn.execute("SELECT coalesce(date, '') || type || coalesce(quad, '') || modality, COUNT(*) "
                                    "FROM events GROUP BY 1").fetchall())
        assert kept == counted
        sides = conn.execute("SELECT COUNT(*) FROM event_countries").fetchone()[0]
        expected = conn.execute("SELECT COUNT(actor_country) + COUNT(CASE WHEN recipient_country IS NOT actor_country "
                                "THEN recipient_country END) FROM events").fetchone()[0]
        assert sides == expected
        assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == \
            conn.execute("SELECT COUNT(DISTINCT doc_id) FROM documents").fetchone()[0]
    finally:
        conn.close()


def test_recode_replaces_dates_and_keeps_ids(tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", 4)
    db = tmp_path / "x.db"
    first = code_files([tmp_path / "in"], db=db, published=OLD, workers=1)
    assert first.coded == 4 and first.events > 0
    before = _events(db)
    assert {date for _r, _d, date in before.values()} >= {"2024-01-22"}

    # Without the flag nothing changes: the rerun only counts the stored documents.
    again = code_files([tmp_path / "in"], db=db, published=NEW, workers=1)
    assert (again.already_stored, again.coded, again.recoded, again.events) == (4, 0, 0, 0)
    assert _events(db) == before

    recoded = code_files([tmp_path / "in"], db=db, published=NEW, workers=1, recode=True)
    assert (recoded.recoded, recoded.coded, recoded.already_stored) == (4, 0, 0)
    assert recoded.events == first.events
    after = _events(db)
    # The same text gives the same events: same ids, same rows (rowid), only their dates moved.
    assert set(after) == set(before)
    assert all(after[e][:2] == before[e][:2] for e in before)
    dates = {date for _r, _d, date in after.values()}
    assert "2024-03-04" in dates and not any(d and d.startswith("2024-01") for d in dates)
    conn = store.connect(db, read_only=True)
    assert {r[0] for r in conn.execute("SELECT published FROM documents")} == {NEW}
    assert query.count_events(conn, query.EventFilter(date_from="2024-01-01", date_to="2024-01-31")) == 0
    assert query.event_stats(conn, query.EventFilter(date_from="2024-03-04", date_to="2024-03-04"))["total"] > 0
    conn.close()
    _read_side_in_step(db)


def test_recode_drops_events_no_longer_produced(tmp_path: Path) -> None:
    """A recode replaces the set of events: one the old coding had and the new one does not produce is gone."""
    write_corpus(tmp_path / "in", 1)
    db = tmp_path / "x.db"
    code_files([tmp_path / "in"], db=db, published=OLD, workers=1)
    conn = store.connect(db)
    doc_id, source_id = conn.execute("SELECT doc_id, source_id FROM documents").fetchone()
    # An event of an older coding (as if the rules had changed since): the same document, a trigger nowhere now.
    stale = conn.execute("SELECT * FROM events LIMIT 1").fetchone()
    columns = [c for c in stale.keys() if c != "happening"]
    values = [("stale0000000000" if c == "event_id" else 999 if c == "trigger_start" else stale[c]) for c in columns]
    conn.execute(f"INSERT INTO events ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", values)
    conn.close()
    assert "stale0000000000" in _events(db)
    summary = code_files([tmp_path / "in"], db=db, published=OLD, workers=1, recode=True)
    assert summary.recoded == 1
    events = _events(db)
    assert "stale0000000000" not in events and events and {d for _r, d, _date in events.values()} == {doc_id}
    _read_side_in_step(db)
    assert source_id


def test_cli_recode_says_recoded(tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", 2)
    db = str(tmp_path / "x.db")
    runner = CliRunner()
    first = runner.invoke(main, ["code", str(tmp_path / "in"), "--db", db, "--published", OLD])
    assert first.exit_code == 0 and "coded 2," in first.stdout and ", recoded " not in first.stdout
    plain = runner.invoke(main, ["code", str(tmp_path / "in"), "--db", db, "--published", NEW])
    assert plain.exit_code == 0 and "already stored 2; 0 events" in plain.stdout and ", recoded " not in plain.stdout
    redo = runner.invoke(main, ["code", str(tmp_path / "in"), "--db", db, "--published", NEW, "--recode"])
    assert redo.exit_code == 0, redo.output
    assert "coded 0, skipped 0, failed 0, recoded 2, already stored 0;" in redo.stdout
    # A new input beside the stored ones is coded as usual in the same run; the copies of the two stored stories
    # in "more" are the same content given twice in one batch: recoded once, the copy counted as already stored.
    write_corpus(tmp_path / "more", 3)
    mixed = runner.invoke(main, ["code", str(tmp_path / "in"), str(tmp_path / "more"), "--db", db, "--recode"])
    assert "coded 1, skipped 0, failed 0, recoded 2, already stored 2;" in mixed.stdout, mixed.output


def _published(db: Path) -> dict[str, str]:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return dict(conn.execute("SELECT doc_id, published FROM documents").fetchall())
        finally:
            conn.close()
    except sqlite3.Error:
        return {}


def test_recode_killed_midway_leaves_each_document_old_or_new(tmp_path: Path) -> None:
    n = 120
    write_corpus(tmp_path / "in", n)
    db = tmp_path / "x.db"
    assert code_files([tmp_path / "in"], db=db, published=OLD, workers=1).coded == n
    before = _events(db)
    per_doc = {doc: {e for e, (_r, d, _date) in before.items() if d == doc} for doc in _published(db)}
    command = [sys.executable, "-m", "dragoman.cli", "code", str(tmp_path / "in"), "--db", str(db),
               "--published", NEW, "--recode", "--workers", "1"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while (sum(p == NEW for p in _published(db).values()) < 10 and time.monotonic() < deadline
           and process.poll() is None):
        time.sleep(0.05)
    assert process.poll() is None, "the recode finished before it could be killed: make the corpus larger"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()

    published = _published(db)
    new = {doc for doc, p in published.items() if p == NEW}
    assert len(published) == n and 0 < len(new) < n and set(published.values()) == {OLD, NEW}
    events = _events(db)
    for doc, ids in per_doc.items():
        mine = {e: date for e, (_r, d, date) in events.items() if d == doc}
        assert set(mine) == ids  # every event once: none lost, none doubled
        month = "2024-03" if doc in new else "2024-01"
        assert all(date is None or date.startswith(month) for date in mine.values()), (doc, mine)
    _read_side_in_step(db)

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"recoded {n}, already stored 0" in rerun.stdout
    assert set(_published(db).values()) == {NEW} and set(_events(db)) == set(before)
