"""`dragoman stories`, `dragoman stories show ID` and /api/stories, /api/stories/{id}: the same library function
behind each, answers that fit the pydantic models, filters, paging, a clear error for an unknown story."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from dragoman import store, stories
from dragoman.api import create_app
from dragoman.api_models import StoryOut, StoryPage
from dragoman.cli import main
from test_stories_grouping import DOCS, _by_name, _code


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("story_surfaces")
    path = folder / "news.db"
    _code(path, folder, DOCS)
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db)) as test_client:
        yield test_client


def test_cli_lists_stories_latest_first(db: Path) -> None:
    result = CliRunner().invoke(main, ["stories", "--db", str(db), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert len(rows) == 4
    assert [r["last_date"] for r in rows] == sorted((r["last_date"] for r in rows), reverse=True)
    beni = next(r for r in rows if r["title"] == "Rebels kill villagers near Beni")
    assert (beni["documents"], beni["outlets"], beni["first_date"]) == (4, 4, "2024-03-05")


def test_cli_filters(db: Path) -> None:
    runner = CliRunner()
    since = runner.invoke(main, ["stories", "--db", str(db), "--format", "jsonl", "--since", "2024-04-01"])
    assert [json.loads(line)["first_date"] for line in since.output.splitlines()] == ["2024-04-15"]
    kenya = runner.invoke(main, ["stories", "--db", str(db), "--format", "jsonl", "--country", "ken"])
    assert [json.loads(line)["title"] for line in kenya.output.splitlines()] == [
        "Police tear-gas fuel tax protest in Nairobi"]
    titled = runner.invoke(main, ["stories", "--db", str(db), "--format", "jsonl", "--q", "peru"])
    assert [json.loads(line)["title"] for line in titled.output.splitlines()] == ["Peru passes budget"]
    table = runner.invoke(main, ["stories", "--db", str(db)])
    assert table.exit_code == 0 and table.output.startswith("story_id")


def test_cli_show_gives_the_library_record(db: Path) -> None:
    story_id = _by_name(store.connect(db))["beni-1"]
    result = CliRunner().invoke(main, ["stories", "show", story_id, "--db", str(db), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    found = stories.story(store.connect(db), story_id)
    assert found is not None and record == stories.story_record(found)
    StoryOut.model_validate(record)
    table = CliRunner().invoke(main, ["stories", "show", story_id, "--db", str(db)])
    assert "DISPUTED" in table.output and "default 12" in table.output


def test_cli_show_unknown_story_is_one_clear_line(db: Path) -> None:
    result = CliRunner().invoke(main, ["stories", "show", "snope", "--db", str(db)])
    assert result.exit_code != 0
    assert "no story 'snope'" in result.output


def test_api_page_and_story_fit_the_models(client: TestClient, db: Path) -> None:
    page = client.get("/api/stories", params={"limit": 2}).json()
    StoryPage.model_validate(page)
    assert (page["total"], page["next_offset"], len(page["stories"])) == (4, 2, 2)
    last = client.get("/api/stories", params={"limit": 2, "offset": 2}).json()
    assert last["next_offset"] is None and len(last["stories"]) == 2
    story_id = _by_name(store.connect(db))["beni-1"]
    one = client.get(f"/api/stories/{story_id}").json()
    StoryOut.model_validate(one)
    assert one["disputed"] is True
    dead = next(f for h in one["happenings"] for f in h["figures"] if f["figure"] == "dead" and f["disputed"])
    assert dead["default"] == 12 and dead["low"] == 12 and dead["high"] == 30
    assert {c["claimant"].lower() for c in dead["claims"]} >= {"officials", "local rights group"}


def test_api_filters_and_errors(client: TestClient) -> None:
    assert client.get("/api/stories", params={"country": "PER"}).json()["total"] == 1
    assert client.get("/api/stories", params={"since": "2024-04-01"}).json()["total"] == 1
    bad = client.get("/api/stories", params={"since": "April"})
    assert bad.status_code == 422 and bad.json()["error"]["parameter"] == "since"
    missing = client.get("/api/stories/snope")
    assert missing.status_code == 404 and "no story 'snope'" in missing.json()["error"]["message"]
