"""The API keeps its OpenAPI contract: schemathesis sends requests generated from /openapi.json to the app over a
real store and checks every answer (status codes, media types, headers and bodies against the response schemas).

Bounded: a fixed seed and a fixed number of examples per route, so the run is the same each time and takes well
under two minutes on two cores.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from dragoman.api import create_app
from test_api_dataset import build_db

MAX_EXAMPLES = 40  # per route
CHECKS = (not_a_server_error, status_code_conformance, content_type_conformance, response_headers_conformance,
          response_schema_conformance)


@pytest.fixture(scope="module")
def app_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("schema") / "api.db"
    build_db(db)
    return db


def test_api_schema_every_answer_keeps_the_contract(app_db: Path) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(app_db))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.path for op in operations} >= {"/api/events", "/api/events/{event_id}", "/api/docs/{doc_id}",
                                               "/api/stats", "/api/clusters", "/api/export", "/api/meta"}
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=MAX_EXAMPLES, derandomize=True, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def keeps_the_contract(case: schemathesis.Case) -> None:
            case.call_and_validate(checks=CHECKS)

        keeps_the_contract()
