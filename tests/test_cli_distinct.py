"""`dragoman events --distinct`: one row per happening; without the flag the output is what it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dragoman import store
from dragoman.cli import main
from factories import report_doc
from test_store_happening import APART, KEYLESS, SAME


def _db(path: Path) -> None:
    conn = store.connect(path)
    store.write_many(conn, [report_doc("Outlet one", SAME, APART["date"]),
                            report_doc("Outlet two", SAME, APART["date"]),
                            report_doc("Outlet three", KEYLESS["no place"], KEYLESS["no place"])])
    conn.close()


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, ["events", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_cli_events_distinct(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(tmp_path / "s.db")
    with monkeypatch.context() as m:  # first at migration 3: distinct is refused with the fix
        m.setattr(store, "MIGRATIONS", store.MIGRATIONS[:3])
        _db(Path(db))
    before = {fmt: _run("--db", db, "--format", fmt) for fmt in ("jsonl", "csv", "table")}
    result = CliRunner().invoke(main, ["events", "--db", db, "--distinct"])
    assert result.exit_code == 1 and "migration 4" in result.output and "dragoman code" in result.output
    assert "Traceback" not in result.output

    store.connect(db).close()  # migration 4
    assert {fmt: _run("--db", db, "--format", fmt) for fmt in ("jsonl", "csv", "table")} == before
    records = [json.loads(line) for line in before["jsonl"].splitlines()]
    distinct = [json.loads(line) for line in _run("--db", db, "--format", "jsonl", "--distinct").splitlines()]
    assert len(records) == 6 and len(distinct) == 4  # two happenings, each once; the two placeless reports stay
    # Each distinct record also carries its happening's evidence and claims (tests/test_cli_distinct_claims.py).
    assert [{k: v for k, v in r.items() if k != "happening"} for r in distinct] == [
        r for r in records if r["doc_id"] != records[2]["doc_id"]]
    day = ("--type", "assault", "--since", "2024-01-22", "--until", "2024-01-22")
    # A header, the one happening of that day once (not twice), and the two placeless reports of that day.
    assert len(_run("--db", db, *day).splitlines()) == 5
    assert len(_run("--db", db, "--distinct", *day).splitlines()) == 4
