"""`dragoman places FILE`: one JSON record per toponym, offsets into the file's text."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from dragoman.cli import main


def test_places_command_prints_resolved_toponyms(tmp_path: Path) -> None:
    text = "Heavy fighting was reported in Goma, the capital of North Kivu, on Monday.\n"
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["places", str(path)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    by_text = {r["text"]: r for r in records}
    goma = by_text["Goma"]
    assert text[goma["start"]:goma["end"]] == "Goma"
    assert goma["entry"]["country"] == "COD" and goma["entry"]["precision"] == "city"
    assert isinstance(goma["entry"]["geonameid"], int) and goma["why"]
    assert by_text["North Kivu"]["entry"]["feature_code"] == "ADM1"
