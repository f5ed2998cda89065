"""/api/export fails loudly: a store that breaks mid-stream ends the body with an error record and aborts the
chunked response, never a clean 200 with part of the data; the CSV header always comes first.

The store is a real SQLite file whose events table is damaged on disk: one page, reached after hundreds of events
went out, is overwritten with bytes that are no b-tree page (what a failing disk or a copy cut short leaves). The
clients are Starlette's TestClient and httpx against `dragoman serve` in a subprocess.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from dragoman import query, store
from dragoman.api import CSV_COLUMNS, ExportAborted, create_app
from dragoman.errors import StoreError
from dragoman.model import Actor, Event, Evidence, When, event_id_for
from factories import coded_doc, text_article

N_DOCS = 16
EVENTS_PER_DOC = 100
N_EVENTS = N_DOCS * EVENTS_PER_DOC
DAY0 = dt.date(2020, 1, 1)


def build_export_store(db: Path) -> None:
    """1,600 events in 16 documents, every event on its own day, days rising in the order they are stored.

    So every export order (by date either way, or by document) walks runs of neighbouring rows, and the rows of
    one table page leave the export together.
    """
    conn = store.connect(db)
    n = 0
    for d in range(N_DOCS):
        sentences = [f"Document {d}, report {i}: troops shelled the market of town number {d * 1000 + i} at dawn."
                     for i in range(EVENTS_PER_DOC)]
        text = " ".join(sentences)
        article = text_article(text)
        events, start = [], 0
        for sentence in sentences:
            events.append(Event(
                event_id=event_id_for(article.doc_id, "ASSAULT", start, "troops", None), doc_id=article.doc_id,
                source_id=article.source_id, type="ASSAULT", mode=None, cameo="19", quad="material_conflict",
                modality="asserted", actor=Actor(text="troops", name="troops", country="COD", sector="MIL"),
                recipient=None, evidence=Evidence(sentence=sentence, start=start, end=start + len(sentence),
                                                  trigger="shelled"),
                when=When(date=(DAY0 + dt.timedelta(days=n)).isoformat(), precision="day"),
            ))
            start += len(sentence) + 1
            n += 1
        store.write_coded(conn, coded_doc(article, events))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # every page in the main file, where the damage goes
    conn.close()


def first_alone_on_its_page(db: Path, order: list[str], start: int) -> int:
    """The first index from ``start`` whose record shares no page with an event exported before it.

    Records lie in insertion order, not export order: damaging a page that also holds an early event would stop
    the export before ``start``, or while the reader is still ahead of the damage.
    """
    data = db.read_bytes()
    page_size = int.from_bytes(data[16:18], "big")

    def page(event_id: str) -> int:
        return data.find(b'{"event_id": "' + event_id.encode()) // page_size

    earlier = {page(event_id) for event_id in order[:start]}
    for index in range(start, len(order)):
        if page(order[index]) not in earlier:
            return index
        earlier.add(page(order[index]))
    raise AssertionError(f"no event after {start} sits on a page of its own in {db}")


def damage_page_of(db: Path, event_id: str) -> None:
    """Overwrite the page holding this event's stored record with bytes that are no b-tree page."""
    data = db.read_bytes()
    at = data.find(b'{"event_id": "' + event_id.encode())
    assert at > 0, f"record of {event_id} not found in {db}"
    page_size = int.from_bytes(data[16:18], "big")
    with db.open("r+b") as handle:
        handle.seek(at // page_size * page_size)
        handle.write(b"\xff" * page_size)


def export_order(db: Path, sort: str) -> list[str]:
    conn = store.connect(db, read_only=True)
    try:
        return [record["event_id"] for record in query.iter_events(conn, sort=sort)]
    finally:
        conn.close()


@pytest.fixture()
def damaged(tmp_path: Path) -> tuple[Path, list[str]]:
    """A store whose page holding the 1,000th event of the export (sort=date) is damaged; the clean order."""
    db = tmp_path / "damaged.db"
    build_export_store(db)
    order = export_order(db, "date")
    assert len(order) == N_EVENTS
    damage_page_of(db, order[1000])
    return db, order


def test_api_export_jsonl_breaks_visibly_mid_stream(damaged: tuple[Path, list[str]],
                                                    caplog: pytest.LogCaptureFixture) -> None:
    db, order = damaged
    app = create_app(db)
    # The server side: the app raises after the error record, which aborts the chunked response.
    with TestClient(app) as client, pytest.raises(ExportAborted, match="stopped after"):
        client.get("/api/export", params={"format": "jsonl", "sort": "date"})
    # What had gone out by then: the events before the damaged page, then the error record.
    caplog.clear()
    with caplog.at_level(logging.ERROR, logger="dragoman.api"), \
            TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/api/export", params={"format": "jsonl", "sort": "date"})
    lines = response.text.splitlines()
    events = [json.loads(line) for line in lines[:-1]]
    assert 900 <= len(events) <= 1000, len(events)  # the rows of the damaged page and after are missing
    assert [e["event_id"] for e in events] == order[:len(events)]
    error = json.loads(lines[-1])["error"]
    assert error["code"] == "export_failed" and "event_id" not in json.loads(lines[-1])
    assert f"stopped after {len(events)} events" in error["message"] and "incomplete" in error["message"]
    assert "restore it from a backup" in error["message"]  # the fix
    logged = [r for r in caplog.records if r.name == "dragoman.api" and r.levelno == logging.ERROR]
    assert len(logged) == 1 and "stopped after" in logged[0].getMessage() and str(db) in logged[0].getMessage()


def test_api_export_csv_header_first_then_error_line(damaged: tuple[Path, list[str]]) -> None:
    db, order = damaged
    with TestClient(create_app(db), raise_server_exceptions=False) as client:
        response = client.get("/api/export", params={"format": "csv", "sort": "date"})
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0] == list(CSV_COLUMNS)
    data, last = rows[1:-1], rows[-1]
    assert 900 <= len(data) <= 1000 and [r[0] for r in data] == order[:len(data)]
    assert len(last) == 1 and last[0].startswith("#ERROR: the export stopped after")


def test_api_export_failing_before_any_row_still_sends_the_header(tmp_path: Path) -> None:
    db = tmp_path / "first-page.db"
    build_export_store(db)
    damage_page_of(db, export_order(db, "date")[0])
    with TestClient(create_app(db), raise_server_exceptions=False) as client:
        response = client.get("/api/export", params={"format": "csv", "sort": "date"})
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0] == list(CSV_COLUMNS)
    assert len(rows) == 2 and rows[1][0].startswith("#ERROR: the export stopped after 0 events")


def test_api_export_with_no_rows_is_the_header_alone(tmp_path: Path) -> None:
    db = tmp_path / "fine.db"
    build_export_store(db)
    with TestClient(create_app(db)) as client:
        empty = client.get("/api/export", params={"format": "csv", "type": "AGREE"})
        full = client.get("/api/export", params={"format": "jsonl"})
    assert empty.status_code == 200 and empty.text == ",".join(CSV_COLUMNS) + "\r\n"
    assert full.status_code == 200 and len(full.text.splitlines()) == N_EVENTS  # a healthy store: no error line


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_api_export_over_http_aborts_the_response(damaged: tuple[Path, list[str]]) -> None:
    """A real client of a real server: the download fails (no terminating chunk) instead of ending cleanly."""
    db, _order = damaged
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "dragoman", "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"http://127.0.0.1:{port}/api/meta", timeout=5)
                break
            except httpx.TransportError:
                assert server.poll() is None and time.monotonic() < deadline, "dragoman serve did not start"
                time.sleep(0.2)
        lines: list[str] = []
        with pytest.raises(httpx.RemoteProtocolError), httpx.stream(
            "GET", f"http://127.0.0.1:{port}/api/export", params={"format": "jsonl", "sort": "date"}, timeout=60
        ) as response:
            assert response.status_code == 200  # sent with the first rows, before the damage was reached
            for line in response.iter_lines():
                lines.append(line)
        assert 900 <= len(lines) - 1 <= 1000 and json.loads(lines[-1])["error"]["code"] == "export_failed"
    finally:
        server.terminate()
        _out, err = server.communicate(timeout=30)
    # The operator sees one line per broken export, not the server's traceback.
    assert "Traceback" not in err
    assert sum("stopped after" in line for line in err.splitlines()) == 1, err


def test_iter_events_store_damaged_during_the_read(tmp_path: Path) -> None:
    """The damage lands while the rows are being read: the reader fails with the store's fix, not a short list."""
    db = tmp_path / "live.db"
    build_export_store(db)
    order = export_order(db, "doc")
    conn = store.connect(db, read_only=True)
    try:
        records = query.iter_events(conn, sort="doc")
        seen = [next(records)["event_id"] for _ in range(100)]
        damage_page_of(db, order[1200])
        with pytest.raises(StoreError, match="could not be read .*integrity_check"):
            for record in records:
                seen.append(record["event_id"])
        assert 1100 <= len(seen) <= 1200 and seen == order[:len(seen)]
    finally:
        conn.close()
