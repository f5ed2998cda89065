"""/api/events?distinct=true&evidence=true: each happening shown with its claims side by side, on two reports of
one attack from two outlets coded by the real pipeline into a real SQLite file (12 dead says one, 30 the other)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from dragoman import claims, store
from dragoman.api import create_app
from dragoman.api_models import EventPage
from dragoman.pipeline import code_files

OFFICIALS = ("BENI, Congo - Rebels attacked the village of Mutwanga near Beni in eastern Congo on Tuesday, burning "
             "homes and looting shops. Officials said 12 people were killed in the attack. The rebels fled into the "
             "forest.")
# The second outlet tells the same attack (its doer and day) before its own toll, as the first does: a toll told "in
# the attack" is that attack's (one happening per story), and a happening is matched across outlets by its sides,
# day and place.
RIGHTS = ("GOMA, Congo - Rebels attacked the village of Mutwanga near Beni on Tuesday, survivors said. A local rights "
          "group said 30 people were killed in the attack, a far higher toll than the government gave.")
HOSTILE_TITLE = "<img src=x onerror=\"document.body.dataset.pwned=1\">Rights group: 30 dead near Beni"
DOCS = [
    {"id": "officials", "title": "Rebels kill 12 near Beni", "published": "2024-03-06",
     "url": "https://first-outlet.example/beni", "text": OFFICIALS},
    {"id": "rights", "title": HOSTILE_TITLE, "published": "2024-03-06",
     "url": "https://second-outlet.example/beni", "text": RIGHTS},
]


def code_pair(folder: Path) -> Path:
    """The two reports coded into ``folder``/news.db by the real pipeline."""
    source = folder / "news.jsonl"
    source.write_text("".join(json.dumps(d) + "\n" for d in DOCS), encoding="utf-8")
    db = folder / "news.db"
    code_files([source], db=db, workers=1)
    return db


def disputed_row(happenings: dict[str, Any]) -> dict[str, Any]:
    """The one happening whose dead are disputed."""
    found = [h for h in happenings.values() if h["disputed"]]
    assert len(found) == 1, happenings
    return found[0]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return code_pair(tmp_path_factory.mktemp("distinct_claims"))


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db)) as test_client:
        yield test_client


def test_distinct_page_gives_claims_side_by_side(client: TestClient) -> None:
    page = client.get("/api/events", params={"distinct": "true", "evidence": "true", "type": "ASSAULT"}).json()
    EventPage.model_validate(page)
    happening = disputed_row(page["happenings"])
    assert (happening["reports"], happening["sources"], happening["documents"]) == (2, 2, 2)
    [dead] = happening["figures"]
    assert (dead["figure"], dead["low"], dead["high"], dead["disputed"], dead["default"]) == ("dead", 12, 30, True, 12)
    assert sorted((c["value"], c["claimant"], c["outlet"]) for c in dead["claims"]) == [
        (12, "Officials", "first-outlet.example"), (30, "local rights group", "second-outlet.example")]
    assert len({c["doc_id"] for c in dead["claims"]}) == 2
    # Every other happening shown carries its (undisputed) figures too: the field is never missing.
    assert all(set(h) >= {"disputed", "figures"} for h in page["happenings"].values())


def test_claims_agree_with_the_library(client: TestClient, db: Path) -> None:
    page = client.get("/api/events", params={"distinct": "true", "evidence": "true", "limit": 100}).json()
    conn = store.connect(db)
    for event_id, happening in page["happenings"].items():
        key = conn.execute("SELECT happening FROM events WHERE event_id = ?", (event_id,)).fetchone()[0]
        one = claims.happening_claims(conn, key) if key else None
        if one is not None:
            assert happening["figures"] == claims.figures_record(one) and happening["disputed"] == one.disputed


def test_claims_are_read_in_two_queries_whatever_the_page(db: Path) -> None:
    conn = store.connect(db)
    ids = [r[0] for r in conn.execute("SELECT event_id FROM events")]
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    found = claims.claims_by_event(conn, ids * 50)  # repeated ids: still two queries, one answer per id
    conn.set_trace_callback(None)
    assert len(statements) == 2 and set(found) == set(ids)
    assert claims.claims_by_event(conn, ["nosuchevent"]) == {}


def test_plain_distinct_page_is_unchanged(client: TestClient) -> None:
    page = client.get("/api/events", params={"distinct": "true"}).json()
    assert "happenings" not in page and set(page["reports"]) == {e["event_id"] for e in page["events"]}
