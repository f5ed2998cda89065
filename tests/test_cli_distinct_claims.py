"""`dragoman events --distinct`: the table shows each happening's figures compact ("dead 12–30 (disputed)"), jsonl
carries its claims in full; two reports of one attack from two outlets, coded by the real pipeline."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from dragoman.cli import main
from test_api_distinct_claims import code_pair, disputed_row


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(code_pair(tmp_path_factory.mktemp("cli_distinct_claims")))


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, ["events", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_table_shows_the_disputed_figure_compact(db: str) -> None:
    header, *rows = _run("--db", db, "--distinct", "--type", "ASSAULT").splitlines()
    assert header.split()[-6:] == ["claims", "reports", "sources", "docs", "first", "last"]
    disputed = [row for row in rows if "dead 12–30 (disputed)" in row]
    assert len(disputed) == 1 and disputed[0].split()[-5:] == ["2", "2", "2", "2024-03-06", "2024-03-06"]


def test_jsonl_carries_every_claim(db: str) -> None:
    records = [json.loads(line) for line in _run("--db", db, "--distinct", "--format", "jsonl").splitlines()]
    happening = disputed_row({r["event_id"]: r["happening"] for r in records})
    [dead] = happening["figures"]
    assert (dead["low"], dead["high"], dead["default"]) == (12, 30, 12)
    assert sorted((c["value"], c["claimant"]) for c in dead["claims"]) == [(12, "Officials"),
                                                                          (30, "local rights group")]
    plain = [json.loads(line) for line in _run("--db", db, "--format", "jsonl").splitlines()]
    assert all("happening" not in r for r in plain)
    csv_header = _run("--db", db, "--distinct", "--format", "csv").splitlines()[0]
    assert "claims" not in csv_header  # csv keeps the export layout
