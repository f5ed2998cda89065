"""The CLI: thin commands, clean messages, no tracebacks, exit codes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from dragoman.cli import main

STORY = (
    "NAIROBI, Kenya (Reuters) - Kenyan police arrested 30 protesters in Nairobi on Tuesday, "
    "a police spokesman said.\n\nThe government accused opposition leaders of planning the protests.\n"
)


def _coded_db(tmp_path: Path) -> Path:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    db = tmp_path / "x.db"
    result = CliRunner().invoke(main, ["code", str(tmp_path / "in"), "--db", str(db), "--published", "2024-01-23"])
    assert result.exit_code == 0, result.output
    assert "coded 1" in result.output
    return db


def test_cli_code_summary_and_docs_formats(tmp_path: Path) -> None:
    db = _coded_db(tmp_path)
    runner = CliRunner()
    jsonl = runner.invoke(main, ["docs", "--db", str(db), "--format", "jsonl"])
    records = [json.loads(line) for line in jsonl.output.splitlines()]
    assert {r["status"] for r in records} == {"ok", "skipped"}
    assert set(records[0]) == {"doc_id", "source_id", "status", "error", "title", "section", "dateline", "agency",
                               "published", "url", "language", "text"}
    ok = [r for r in records if r["status"] == "ok"][0]
    assert ok["published"] == "2024-01-23" and ok["language"] == "en"
    rows = list(csv.DictReader(io.StringIO(runner.invoke(main, ["docs", "--db", str(db), "--format", "csv",
                                                                "--status", "skipped"]).output)))
    assert len(rows) == 1 and rows[0]["error"]
    table = runner.invoke(main, ["docs", "--db", str(db)])
    assert table.exit_code == 0 and "doc_id" in table.output.splitlines()[0]


def test_cli_events_formats(tmp_path: Path) -> None:
    db = _coded_db(tmp_path)
    runner = CliRunner()
    for fmt in ("table", "jsonl", "csv"):
        result = runner.invoke(main, ["events", "--db", str(db), "--format", fmt])
        assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["events", "--db", str(db), "--type", "NOT_A_TYPE"])
    assert result.exit_code != 0 and "unknown event type 'NOT_A_TYPE'" in result.output
    result = runner.invoke(main, ["events", "--db", str(db), "--since", "yesterday"])
    assert result.exit_code != 0 and "use YYYY-MM-DD" in result.output


def test_cli_strict_fails_on_failed_document(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "in" / "binary.txt").write_bytes(bytes(range(256)) * 20)
    db = str(tmp_path / "x.db")
    relaxed = CliRunner().invoke(main, ["code", str(tmp_path / "in"), "--db", db])
    assert relaxed.exit_code == 0, relaxed.output
    assert "failed 1" in relaxed.output
    strict = CliRunner().invoke(main, ["code", str(tmp_path / "in"), "--db", str(tmp_path / "y.db"), "--strict"])
    assert strict.exit_code != 0


def test_cli_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "dragoman", "docs", "--db", str(tmp_path / "missing.db")],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "does not exist" in result.stderr and "dragoman code" in result.stderr


def test_cli_docs_csv_keeps_a_formula_headline_as_text(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "story.txt").write_text("=HYPERLINK(\"http://example.invalid\",\"Click\")\n\n" + STORY,
                                               encoding="utf-8")
    db = str(tmp_path / "x.db")
    assert CliRunner().invoke(main, ["code", str(tmp_path / "in"), "--db", db]).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(CliRunner().invoke(main, ["docs", "--db", db, "--format", "csv"]).output)))
    cells = [value for row in rows for value in row.values() if value and "HYPERLINK" in value]
    assert cells and all(value.startswith("'=") for value in cells)
