"""One JSON error shape everywhere, and no 500 for any input (a loop of hostile parameters)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from dragoman.api import create_app
from dragoman.errors import StoreError
from test_api_dataset import build_db


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("errors") / "errors.db"
    build_db(db, examples=False)
    # raise_server_exceptions=False: a 500 must show as a status here, not as a test crash.
    with TestClient(create_app(db), raise_server_exceptions=False) as test_client:
        yield test_client


def _assert_error(response: Any, status: int, code: str, parameter: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert error["status"] == status and error["code"] == code
    assert isinstance(error["message"], str) and error["message"]
    assert set(error) <= {"status", "code", "message", "parameter"}
    if parameter is not None:
        assert error["parameter"] == parameter
    return error


@pytest.mark.parametrize(
    ("path", "params", "parameter"),
    [
        ("/api/events", {"type": "EXPLODE"}, "type"),
        ("/api/events", {"quad": "material"}, "quad"),
        ("/api/events", {"modality": "maybe"}, "modality"),
        ("/api/events", {"date_from": "2024-02-30"}, "date_from"),
        ("/api/events", {"date_to": "yesterday"}, "date_to"),
        ("/api/events", {"date_from": "2024-02-01", "date_to": "2024-01-01"}, "date_from"),
        ("/api/events", {"limit": "-1"}, "limit"),
        ("/api/events", {"limit": "1001"}, "limit"),
        ("/api/events", {"limit": "ten"}, "limit"),
        ("/api/events", {"offset": "-5"}, "offset"),
        ("/api/events", {"sort": "date; DROP TABLE events"}, "sort"),
        ("/api/events", {"bbox": "1,2,3"}, "bbox"),
        ("/api/events", {"bbox": "10,0,0,5"}, "bbox"),
        ("/api/events", {"bbox": "0,0,nan,5"}, "bbox"),
        ("/api/events", {"bbox": "-200,0,0,5"}, "bbox"),
        ("/api/events", {"country": "Congo"}, "country"),
        ("/api/events", {"q": "x" * 201}, "q"),
        ("/api/events", {"actor": "a\x00b"}, "actor"),
        ("/api/stats", {"type": "nope"}, "type"),
        ("/api/stats", {"top": "0"}, "top"),
        ("/api/clusters", {"zoom": "99"}, "zoom"),
        ("/api/export", {"format": "xml"}, "format"),
        ("/api/export", {"date_from": "2024-1-1"}, "date_from"),
    ],
)
def test_api_invalid_parameters_answer_422_with_the_parameter(client: TestClient, path: str,
                                                              params: dict[str, str], parameter: str) -> None:
    error = _assert_error(client.get(path, params=params), 422, "invalid_parameter", parameter)
    assert parameter in error["message"] or parameter in ("date_from", "date_to", "bbox")


def test_api_unknown_ids_and_routes_answer_404(client: TestClient) -> None:
    _assert_error(client.get("/api/events/0000000000000000"), 404, "not_found")
    _assert_error(client.get("/api/docs/0000000000000000"), 404, "not_found")
    _assert_error(client.get("/api/nothing-here"), 404, "not_found")
    _assert_error(client.post("/api/events"), 405, "method_not_allowed")


HOSTILE_VALUES = [
    "", " ", "'", '"', "' OR 1=1 --", "%", "_", "\\", "%00", "\x00", "\x1f", "\u202e", "NaN", "inf",
    "-1", "0", "1e309", "99999999999999999999999", "2024-01-01T00:00:00", "0000-00-00", "9999-99-99",
    "<script>alert(1)</script>", "../../etc/passwd", "a" * 5000, "ASSAULT", "cod", "1,2,3,4", "-180,-90,180,90",
    "[]", "{}", "null", "true",
]
HOSTILE_PARAMS = ["type", "mode", "quad", "modality", "country", "actor", "recipient", "q", "date_from", "date_to",
                  "bbox", "doc_id", "sort", "limit", "offset", "total", "format", "zoom", "top"]


def test_api_no_500_for_hostile_parameters(client: TestClient) -> None:
    statuses: dict[int, int] = {}
    for path, name, value in itertools.product(("/api/events", "/api/stats", "/api/clusters", "/api/export"),
                                               HOSTILE_PARAMS, HOSTILE_VALUES):
        response = client.get(path, params={name: value})
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
        assert response.status_code in (200, 422), (path, name, repr(value)[:60], response.text[:300])
        if response.status_code == 422:
            _assert_error(response, 422, "invalid_parameter")
    assert statuses[422] > 100 and statuses[200] > 100


def test_api_no_500_for_hostile_ids(client: TestClient) -> None:
    for value in HOSTILE_VALUES[1:]:
        for path in ("/api/events/", "/api/docs/"):
            response = client.get(path + quote(value, safe=""))
            assert response.status_code in (404, 422), (path, repr(value)[:60], response.text[:300])
            _assert_error(response, response.status_code, response.json()["error"]["code"])


def test_api_raw_query_strings_that_are_not_utf8_are_refused_cleanly(client: TestClient) -> None:
    for raw in ("q=%ff%fe", "q=%ed%a0%80", "country=%c0%af", "type=%", "bbox=%2C%2C%2C", "limit=%00"):
        response = client.get(f"/api/events?{raw}")
        assert response.status_code in (200, 422), (raw, response.text[:300])
        if response.status_code == 422:
            _assert_error(response, 422, "invalid_parameter")


def test_api_refuses_a_missing_or_foreign_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        create_app(tmp_path / "missing.db")
    foreign = tmp_path / "foreign.db"
    foreign.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError):
        create_app(foreign)


def test_api_export_csv_keeps_formulas_as_text() -> None:
    from dragoman.query import csv_cell

    assert csv_cell('=HYPERLINK("http://x","y")') == '\'=HYPERLINK("http://x","y")'
    assert csv_cell("@SUM(A1)") == "'@SUM(A1)"
    assert csv_cell("Police arrested 30") == "Police arrested 30"
    assert csv_cell(-1.5) == -1.5
