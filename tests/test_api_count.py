"""/api/events counts exactly up to COUNT_CAP, then says "N+" and still pages on."""

from __future__ import annotations

import random

import pytest
from fastapi.testclient import TestClient

from dragoman import query, store
from dragoman.api import create_app
from factories import random_doc


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = tmp_path_factory.mktemp("count") / "count.db"
    conn = store.connect(db)
    rng = random.Random(5)
    store.write_many(conn, [random_doc(rng, d, 10) for d in range(4)])
    conn.close()
    return TestClient(create_app(db))


def test_api_count_capped_says_plus_and_pages_on(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(query, "COUNT_CAP", 12)
    page = client.get("/api/events", params={"limit": 10, "offset": 10}).json()
    assert page["total"] == "12+" and page["total_exact"] is False
    assert page["next_offset"] == 20 and len(page["events"]) == 10
    last = client.get("/api/events", params={"limit": 10, "offset": 30}).json()
    # A capped count cannot tell the last full page: the page after it comes back empty and ends paging.
    assert len(last["events"]) == 10 and last["next_offset"] == 40
    after = client.get("/api/events", params={"limit": 10, "offset": 40}).json()
    assert after["events"] == [] and after["next_offset"] is None


def test_api_count_exact_below_cap(client: TestClient) -> None:
    page = client.get("/api/events", params={"limit": 15, "country": "COD"}).json()
    assert isinstance(page["total"], int) and page["total_exact"] is True
    assert page["next_offset"] == (15 if page["total"] > 15 else None)
    skipped = client.get("/api/events", params={"limit": 5, "total": "false"}).json()
    assert skipped["total"] is None and skipped["total_exact"] is None and skipped["next_offset"] == 5
