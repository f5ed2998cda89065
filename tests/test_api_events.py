"""The HTTP API over a real store: filters, paging, sort, one event, documents with marks, stats, map, export."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from dragoman import query, store
from dragoman.api import CSV_COLUMNS, MAX_LIMIT, create_app
from test_api_dataset import DAYS, N_SYNTHETIC_EVENTS, SPECS, build_db


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, dict[str, str], Path]]:
    db = tmp_path_factory.mktemp("api") / "api.db"
    ids = build_db(db)
    with TestClient(create_app(db)) as client:
        yield client, ids, db


def _get(client: TestClient, path: str, **params: Any) -> dict[str, Any]:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def _total_events(db: Path) -> int:
    return query.count_events(store.connect(db, read_only=True))


def test_api_events_page_through_everything_once(api: tuple[TestClient, dict[str, str], Path]) -> None:
    client, _, db = api
    total = _total_events(db)
    assert total >= N_SYNTHETIC_EVENTS
    seen: list[str] = []
    offset: int | None = 0
    while offset is not None:
        page = _get(client, "/api/events", limit=7, offset=offset, sort="date")
        assert page["total"] == total
        assert len(page["events"]) <= 7
        seen += [e["event_id"] for e in page["events"]]
        offset = page["next_offset"]
    assert len(seen) == len(set(seen)) == total


def test_api_events_are_design_records(api: tuple[TestClient, dict[str, str], Path]) -> None:
    client, _, _ = api
    record = _get(client, "/api/events", limit=1, type="assault")["events"][0]
    for key in ("event_id", "doc_id", "source_id", "type", "mode", "cameo", "quad", "modality", "actor",
                "recipient", "date", "date_precision", "date_text", "location", "counts", "attribution",
                "evidence"):
        assert key in record
    assert record["type"] == "ASSAULT"
    assert record["location"]["lat"] is not None
    assert _get(client, f"/api/events/{record['event_id']}") == record


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"type": "PROTEST"}, len(DAYS) + 1),
        ({"quad": "verbal_conflict"}, 3 * len(DAYS)),  # accusations, threats and sanctions (PLOVER's quads)
        ({"modality": "asserted", "type": "sanction"}, len(DAYS)),
        ({"mode": "aerial"}, len(DAYS)),
        ({"country": "sdn"}, 2 * len(DAYS)),
        ({"actor": "rwa"}, 2 * len(DAYS)),
        ({"actor": "Sudanese jets"}, len(DAYS)),
        ({"recipient": "COD", "type": "THREATEN"}, len(DAYS)),
        ({"q": "Nyala"}, len(DAYS)),
        ({"q": "100%_"}, 0),
        ({"date_from": "2024-01-15", "date_to": "2024-01-15"}, len(SPECS)),
        ({"date_from": "2024-01-24"}, 2),
        ({"bbox": "28,-3,30,-1"}, len(DAYS) + 1),  # Sake, around Goma
        ({"bbox": "90,10,100,20", "type": "PROTEST"}, len(DAYS) + 1),  # Yangon
    ],
)
def test_api_events_filters(api: tuple[TestClient, dict[str, str], Path], params: dict[str, str],
                            expected: int) -> None:
    client, ids, _ = api
    # Only the synthetic documents: the coder may find events in the examples too.
    counted = 0
    for doc_id in (ids[k] for k in ids if not k.endswith("_event")):
        page = _get(client, "/api/events", doc_id=doc_id, limit=MAX_LIMIT, **params)
        assert page["total"] == len(page["events"])
        counted += page["total"]
    assert counted == expected


def test_api_events_sorts(api: tuple[TestClient, dict[str, str], Path]) -> None:
    client, _, _ = api
    dates = [e["date"] for e in _get(client, "/api/events", sort="-date", limit=MAX_LIMIT)["events"] if e["date"]]
    assert dates == sorted(dates, reverse=True)
    types = [e["type"] for e in _get(client, "/api/events", sort="type", limit=MAX_LIMIT)["events"]]
    assert types == sorted(types)
    assert _get(client, "/api/events", limit=0)["events"] == []


def test_api_doc_marks_land_on_the_right_words_of_the_cleaned_text(
        api: tuple[TestClient, dict[str, str], Path]) -> None:
    client, ids, _ = api
    doc = _get(client, f"/api/docs/{ids['furniture']}")
    assert doc["text_kind"] == "clean"
    assert not doc["text"].startswith("Share this story")
    (event,) = doc["events"]
    shown = {m["kind"]: doc["text"][m["start"]:m["end"]] for m in event["marks"]}
    assert shown == {
        "evidence": event["evidence"]["sentence"], "trigger": "shelled", "actor": "Congolese troops",
        "recipient": "M23 rebels", "place": "Sake", "date": "2024-01-25",
    }
    # The record itself keeps its offsets into the original text.
    original = query.get_document(store.connect(api[2], read_only=True), ids["furniture"])["original"]
    assert original[event["evidence"]["start"]:event["evidence"]["end"]] == event["evidence"]["sentence"]
    assert doc["doc"]["title"] == "Fighting near Goma"


def test_api_doc_of_a_roundup_lists_its_events_in_text_order(api: tuple[TestClient, dict[str, str], Path]) -> None:
    client, ids, _ = api
    doc = _get(client, f"/api/docs/{ids['roundup2']}")
    assert len(doc["events"]) == len(SPECS)
    starts = [e["evidence"]["start"] for e in doc["events"]]
    assert starts == sorted(starts)
    for event in doc["events"]:
        evidence = [m for m in event["marks"] if m["kind"] == "evidence"]
        assert doc["text"][evidence[0]["start"]:evidence[0]["end"]] == event["evidence"]["sentence"]


def test_api_stats_count_by_type_day_and_country(api: tuple[TestClient, dict[str, str], Path]) -> None:
    client, _, db = api
    stats = _get(client, "/api/stats")
    assert stats["total"] == _total_events(db) == sum(stats["by_type"].values())
    assert stats["by_day"]["2024-01-15"] >= len(SPECS)
    assert stats["by_country"]["SDN"] >= 2 * len(DAYS)
    assert stats["documents"]["ok"] >= len(DAYS) + 2
    sudan = _get(client, "/api/stats", country="SDN", date_from="2024-01-08", date_to="2024-01-08")
    assert sudan["by_type"] == {"ASSAULT": 1, "SANCTION": 1}
    assert sudan["by_day"] == {"2024-01-08": 2}


def test_api_clusters_merge_at_world_zoom_and_split_close_in(api: tuple[TestClient, dict[str, str], Path]) -> None:
    client, _, _ = api
    world = _get(client, "/api/clusters", zoom=1, type="ASSAULT")["clusters"]
    close = _get(client, "/api/clusters", zoom=12, type="ASSAULT")["clusters"]
    located = sum(c["count"] for c in close)
    assert sum(c["count"] for c in world) == located
    assert len(world) < len(close)
    assert all(c["event_id"] is None for c in close if c["count"] > 1)
    single = _get(client, "/api/clusters", zoom=12, q="Nyala on 2024-01-03")["clusters"]
    assert len(single) == 1 and single[0]["count"] == 1 and single[0]["event_id"]


def test_api_export_streams_csv_and_jsonl(api: tuple[TestClient, dict[str, str], Path]) -> None:
    client, _, _ = api
    jsonl = client.get("/api/export", params={"format": "jsonl", "country": "SDN"})
    assert jsonl.status_code == 200 and jsonl.headers["content-type"].startswith("application/x-ndjson")
    records = [json.loads(line) for line in jsonl.text.splitlines()]
    assert len(records) == _get(client, "/api/events", country="SDN")["total"]
    response = client.get("/api/export", params={"format": "csv", "country": "SDN"})
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == len(records)
    assert tuple(rows[0]) == CSV_COLUMNS
    assert {r["event_id"] for r in rows} == {r["event_id"] for r in records}


def test_api_index_and_openapi(api: tuple[TestClient, dict[str, str], Path]) -> None:
    client, _, _ = api
    index = client.get("/")
    assert index.status_code == 200 and "dragoman" in index.text
    assert "script-src 'self'" in index.headers["content-security-policy"]
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/events", "/api/events/{event_id}", "/api/docs/{doc_id}", "/api/stats", "/api/export"} <= set(paths)


def test_api_index_says_how_to_build_the_ui_when_it_is_missing(
        api: tuple[TestClient, dict[str, str], Path], monkeypatch: pytest.MonkeyPatch) -> None:
    import dragoman.api as api_module

    monkeypatch.setattr(api_module, "BUILT_ASSETS", ("vendor/not-built.js",))
    client = TestClient(create_app(api[2]))
    response = client.get("/")
    assert response.status_code == 200
    assert "make ui" in response.text
    assert client.get("/api/meta").json()["ui_built"] is False
