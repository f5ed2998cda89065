"""The API's contract beyond the bodies (issue 10): a typed OpenAPI document, real media types, HEAD wherever GET
works, Allow on 405, next_offset null at the last page (limit=0 too), self-hosted docs under the app's CSP, a Host
allow-list (in the app and through `dragoman serve`), place_country, and one case folding for text search."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from dragoman import store
from dragoman.api import CSP, create_app, docs_page
from dragoman.api_models import DocOut, EventOut, EventPage, StatsOut
from dragoman.ingest import article_from_text
from dragoman.pipeline import code_articles
from test_api_dataset import build_db


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("contract") / "api.db"
    build_db(path)
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db)) as test_client:
        yield test_client


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def test_api_contract_openapi_is_typed(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert not any(node.get("additionalProperties") is True for node in _walk(spec))
    paths = spec["paths"]
    for route in ("/api/events", "/api/events/{event_id}", "/api/docs/{doc_id}", "/api/stats", "/api/clusters",
                  "/api/meta", "/api/countries"):
        content = paths[route]["get"]["responses"]["200"]["content"]
        assert list(content) == ["application/json"], route
        assert "$ref" in content["application/json"]["schema"], route
    export = paths["/api/export"]["get"]["responses"]["200"]["content"]
    assert set(export) == {"text/csv", "application/x-ndjson"}
    params = {p["name"]: p["schema"] for p in paths["/api/events"]["get"]["parameters"]}
    assert "ASSAULT" in params["type"]["enum"] and None not in params["type"]["enum"]
    assert params["modality"]["enum"] == ["asserted", "future", "hypothetical", "negated", "historical"]
    assert params["sort"]["enum"] == ["date", "-date", "type", "doc"]
    assert params["limit"]["minimum"] == 0 and params["limit"]["maximum"] == 1000
    assert params["country"]["pattern"] == params["place_country"]["pattern"] == "^[A-Za-z]{3}$"
    assert params["q"]["maxLength"] == 200 and "anyOf" not in params["q"]
    assert {p["name"]: p["schema"] for p in paths["/api/export"]["get"]["parameters"]}["format"]["enum"] == \
        ["csv", "jsonl"]
    event = spec["components"]["schemas"]["EventOut"]
    assert event["additionalProperties"] is False and "evidence" in event["required"]


def test_api_contract_answers_fit_the_models(client: TestClient) -> None:
    page = client.get("/api/events", params={"limit": 1000, "distinct": "true"}).json()
    EventPage.model_validate(page)
    for record in page["events"][:50]:
        EventOut.model_validate(client.get(f"/api/events/{record['event_id']}").json())
    doc_ids = {record["doc_id"] for record in page["events"]}
    for doc_id in sorted(doc_ids)[:10]:
        DocOut.model_validate(client.get(f"/api/docs/{doc_id}").json())
    StatsOut.model_validate(client.get("/api/stats").json())
    with pytest.raises(ValueError, match="surprise"):
        StatsOut.model_validate({**client.get("/api/stats").json(), "surprise": 1})


def test_api_contract_next_offset_ends(client: TestClient) -> None:
    zero = client.get("/api/events", params={"limit": 0}).json()
    assert zero["events"] == [] and zero["next_offset"] is None and zero["total"] > 0
    unknown_total = client.get("/api/events", params={"limit": 0, "total": "false"}).json()
    assert unknown_total["next_offset"] is None
    offset: int | None = 0
    pages = 0
    while offset is not None:  # a client following next_offset stops
        offset = client.get("/api/events", params={"limit": 400, "offset": offset}).json()["next_offset"]
        pages += 1
        assert pages < 100


def test_api_contract_head_wherever_get_works(client: TestClient, db: Path) -> None:
    for path in ("/api/events", "/api/stats", "/api/meta", "/api/export?format=csv", "/openapi.json", "/docs", "/"):
        get, head = client.get(path), client.head(path)
        assert head.status_code == get.status_code == 200, path
        assert head.content == b"" and head.headers["content-type"] == get.headers["content-type"], path
    missing = client.head("/api/events/0000000000000000")
    assert missing.status_code == 404 and missing.content == b""


def test_api_contract_405_says_what_is_allowed(client: TestClient) -> None:
    for method in ("POST", "PUT", "DELETE"):
        response = client.request(method, "/api/events")
        assert response.status_code == 405
        assert response.headers["allow"] == "GET, HEAD"
        error = response.json()["error"]
        assert error["code"] == "method_not_allowed" and method in error["message"] and "GET" in error["message"]


def test_api_contract_docs_are_served_here(client: TestClient) -> None:
    docs = client.get("/docs")
    assert docs.status_code == 200 and docs.headers["content-security-policy"] == CSP
    assert "<script" not in docs.text and "cdn" not in docs.text.lower()
    assert "/api/events" in docs.text and "place_country" in docs.text and "text/csv" in docs.text
    assert "EventOut" in docs.text and "one of AGREE, CONSULT" in docs.text  # the type enum, read out
    assert client.get("/redoc").status_code == 404
    # Article text never reaches the page, but a description with markup must still be text.
    page = docs_page({"info": {"title": "<b>x</b>", "version": "1"}, "paths": {}})
    assert "<b>x</b>" not in page and "&lt;b&gt;x&lt;/b&gt;" in page


def test_api_contract_host_allow_list(db: Path) -> None:
    app = create_app(db, allowed_hosts=("127.0.0.1", "localhost", "::1", "newsroom.lan"))
    with TestClient(app, base_url="http://localhost:8000") as client:
        assert client.get("/api/meta").status_code == 200
        for host in ("127.0.0.1:8000", "[::1]:8000", "NEWSROOM.LAN", "localhost."):
            assert client.get("/api/meta", headers={"host": host}).status_code == 200, host
        refused = client.get("/api/events", headers={"host": "attacker.example"})
        assert refused.status_code == 400 and refused.headers["content-security-policy"] == CSP
        error = refused.json()["error"]
        assert error["code"] == "host_not_allowed" and "attacker.example" in error["message"]
        assert "--allowed-host attacker.example" in error["message"]
        assert client.get("/", headers={"host": "127.0.0.2"}).status_code == 400


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_api_contract_serve_checks_the_host(db: Path) -> None:
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "dragoman", "serve", "--db", str(db), "--port", str(port),
                               "--allowed-host", "dragoman.lan"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True)
    url = f"http://127.0.0.1:{port}/api/meta"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                first = httpx.get(url, timeout=5)
                break
            except httpx.TransportError:
                assert server.poll() is None and time.monotonic() < deadline, "dragoman serve did not start"
                time.sleep(0.2)
        assert first.status_code == 200
        assert httpx.get(url, headers={"host": f"localhost:{port}"}, timeout=5).status_code == 200
        assert httpx.get(url, headers={"host": "dragoman.lan"}, timeout=5).status_code == 200
        rebound = httpx.get(url, headers={"host": f"rebind.example:{port}"}, timeout=5)
        assert rebound.status_code == 400 and rebound.json()["error"]["code"] == "host_not_allowed"
        assert httpx.head(url, timeout=5).status_code == 200
    finally:
        server.terminate()
        server.communicate(timeout=30)


def test_api_contract_place_country_is_validated_like_country(client: TestClient) -> None:
    everywhere = client.get("/api/events", params={"limit": 1000, "modality": "asserted"}).json()["events"]
    in_sudan = client.get("/api/events", params={"limit": 1000, "place_country": "sdn"}).json()
    assert in_sudan["events"] and all(e["location"]["country"] == "SDN" for e in in_sudan["events"])
    assert len(in_sudan["events"]) < len(everywhere)
    stats = client.get("/api/stats", params={"place_country": "SDN"}).json()
    assert stats["total"] == in_sudan["total"]
    for bad in ("Sudan", "SD", "S1N"):
        error = client.get("/api/events", params={"place_country": bad}).json()["error"]
        assert error["parameter"] == "place_country" and "alpha-3" in error["message"]


ACCENTED = ("World\n\n\u00c9TATS-UNIS troops shelled the \u00c9mirats border town of \u00c5dal on Monday, killing "
            "five civilians.\n\nPolice in Z\u00fcrich arrested ten protesters on Tuesday.\n")


def test_api_contract_text_search_folds_case_alike_everywhere(tmp_path: Path) -> None:
    docs = code_articles([article_from_text(ACCENTED, source_id="accents.txt", published="2024-01-23")])
    assert docs[0].status == "ok" and len(docs[0].events) >= 2
    path = tmp_path / "accents.db"
    conn = store.connect(path)
    store.write_many(conn, docs)
    conn.close()
    with TestClient(create_app(path)) as client:
        for q in ("\u00e9tats", "\u00c9TATS", "\u00e9mirats", "\u00c5DAL", "\u00e5dal", "Z\u00dcRICH", "z\u00fcrich",
                  "\u00e9T", "\u00dc"):
            events = client.get("/api/events", params={"q": q, "limit": 1000}).json()
            stats = client.get("/api/stats", params={"q": q}).json()
            export = client.get("/api/export", params={"q": q}).text.splitlines()
            assert events["total"] == stats["total"] == len(export) == len(events["events"]) > 0, q
