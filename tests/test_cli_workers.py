"""`dragoman code --workers`: auto by default (one per core), a number, or a clear refusal."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from dragoman.cli import main
from dragoman.pipeline import MIN_DOCS_FOR_WORKERS

STORY = ("Police in {place} arrested {n} protesters on Tuesday after a march on the governor's office, "
         "a police spokesman said.\n")
PLACES = ("Goma", "Mogadishu", "Khartoum", "Nairobi", "Yangon", "Juba", "Kinshasa", "Mandalay")


def _events(db: Path) -> list[dict[str, object]]:
    result = CliRunner().invoke(main, ["events", "--db", str(db), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def test_cli_workers_default_is_auto_and_codes_what_one_process_codes(tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    for n in range(MIN_DOCS_FOR_WORKERS + 6):  # enough inputs for workers to start
        (news / f"{n:02d}.txt").write_text(STORY.format(place=PLACES[n % len(PLACES)], n=n + 2), encoding="utf-8")
    runner = CliRunner()
    default = runner.invoke(main, ["code", str(news), "--db", str(tmp_path / "auto.db"), "--published", "2024-01-23"])
    single = runner.invoke(main, ["code", str(news), "--db", str(tmp_path / "one.db"), "--published", "2024-01-23",
                                  "--workers", "1"])
    assert default.exit_code == 0 and single.exit_code == 0, default.output + single.output
    assert f"coded {MIN_DOCS_FOR_WORKERS + 6}" in default.output
    assert _events(tmp_path / "auto.db") == _events(tmp_path / "one.db") != []
    assert "default: auto" in runner.invoke(main, ["code", "--help"]).output


def test_cli_workers_refuses_what_is_no_number(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY.format(place="Goma", n=3), encoding="utf-8")
    for bad in ("0", "-2", "many"):
        result = CliRunner().invoke(main, ["code", str(tmp_path / "a.txt"), "--db", str(tmp_path / "x.db"),
                                           "--workers", bad])
        assert result.exit_code == 2 and "is not a number of workers" in result.output, result.output
        assert not (tmp_path / "x.db").exists()
