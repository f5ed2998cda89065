"""distinct=true on /api/events and /api/export: one row per happening, with how many reports each has; the
default answers are byte for byte those of a store before migration 4; an old store refuses distinct clearly."""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dragoman import store
from dragoman.api import create_app
from dragoman.model import CodedDoc
from factories import random_doc, report_doc
from test_store_happening import APART, KEYLESS, SAME

DEFAULT_CALLS = (
    ("/api/events", {}),
    ("/api/events", {"country": "COD", "limit": 500, "sort": "date"}),
    ("/api/events", {"q": "shelled", "distinct": "false"}),
    ("/api/export", {"format": "jsonl"}),
    ("/api/export", {"format": "csv", "type": "ASSAULT"}),
    ("/api/stats", {}),
    ("/api/clusters", {"zoom": 3}),
)


def _docs() -> list[CodedDoc]:
    return [report_doc("Outlet one", SAME, *APART.values()), report_doc("Outlet two", SAME, *KEYLESS.values()),
            report_doc("Outlet three", {**SAME, "mode": "artillery"}, APART["date"]),
            *(random_doc(random.Random(d), d, 12) for d in range(8))]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("distinct") / "api.db"
    conn = store.connect(path)
    store.write_many(conn, _docs())
    conn.close()
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db)) as client:
        yield client


def test_api_distinct_events_one_row_per_happening(client: TestClient) -> None:
    docs = _docs()
    first = docs[0].events[0].event_id
    everything = client.get("/api/events", params={"limit": 1000, "type": "ASSAULT"}).json()
    page = client.get("/api/events", params={"limit": 1000, "type": "ASSAULT", "distinct": "true"}).json()
    ids = [e["event_id"] for e in page["events"]]
    assert first in ids
    assert docs[1].events[0].event_id not in ids and docs[2].events[0].event_id not in ids
    assert all(e.event_id in ids for e in docs[1].events[1:] if e.type == "ASSAULT")  # keyless reports all stay
    assert page["total"] == len(ids) < everything["total"]
    assert page["reports"][first] == 3 and set(page["reports"]) == set(ids)
    assert set(page) == set(everything) | {"reports"}
    # Records are the plain records: the same dict as without distinct.
    by_id = {e["event_id"]: e for e in everything["events"]}
    assert all(e == by_id[e["event_id"]] for e in page["events"])
    # Paging the distinct rows goes through each once.
    seen, offset = [], 0
    while offset is not None:
        part = client.get("/api/events", params={"limit": 4, "offset": offset, "type": "ASSAULT",
                                                 "distinct": "true"}).json()
        seen += [e["event_id"] for e in part["events"]]
        offset = part["next_offset"]
    assert sorted(seen) == sorted(ids)


def test_api_distinct_export(client: TestClient) -> None:
    docs = _docs()
    plain = client.get("/api/export", params={"format": "jsonl"}).text.splitlines()
    distinct = client.get("/api/export", params={"format": "jsonl", "distinct": "true"}).text.splitlines()
    assert set(distinct) < set(plain)
    assert not any(docs[2].events[0].event_id in line for line in distinct)
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export", params={"format": "csv",
                                                                             "distinct": "1"}).text)))
    assert len(rows) == len(distinct)


def test_api_distinct_documented_where_honoured(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()["paths"]
    for route in ("/api/events", "/api/export"):
        assert any(p["name"] == "distinct" for p in spec[route]["get"]["parameters"]), route
    for route in ("/api/stats", "/api/clusters"):
        assert not any(p["name"] == "distinct" for p in spec[route]["get"]["parameters"])
        assert "distinct" in spec[route]["get"]["description"]


def test_api_distinct_default_answers_unchanged_by_migration4(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.db"
    with monkeypatch.context() as m:
        m.setattr(store, "MIGRATIONS", store.MIGRATIONS[:3])
        conn = store.connect(path)
        store.write_many(conn, _docs())
        conn.close()

    def answers() -> list[bytes]:
        with TestClient(create_app(path)) as client:
            return [client.get(route, params=params).content for route, params in DEFAULT_CALLS]

    before = answers()
    with TestClient(create_app(path)) as client:  # read-only, still at migration 3: distinct is refused clearly
        for route in ("/api/events", "/api/export"):
            response = client.get(route, params={"distinct": "true"})
            assert response.status_code == 422
            error = response.json()["error"]
            assert error["parameter"] == "distinct" and "migration 4" in error["message"]
            assert "dragoman code" in error["message"]
    store.connect(path).close()  # migration 4
    assert answers() == before


def test_api_distinct_total_stops_at_its_cap(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    import dragoman.api

    monkeypatch.setattr(dragoman.api, "DISTINCT_COUNT_CAP", 2)
    page = client.get("/api/events", params={"distinct": "true", "limit": 1}).json()
    assert page["total"] == "2+" and page["total_exact"] is False and page["next_offset"] == 1
    assert isinstance(client.get("/api/events", params={"limit": 1}).json()["total"], int)
