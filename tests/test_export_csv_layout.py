"""One CSV layout: `dragoman events --format csv` and `/api/export?format=csv` write the same bytes for the same
filter, every column is documented (export.COLUMNS and the README's table), the document's URL, title, date and
agency ride along, and pandas reads the codes as text with the documented dtypes ("040" stays "040")."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from fastapi.testclient import TestClient

from dragoman import export, store
from dragoman.api import create_app
from test_api_dataset import build_db

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "export.db"
    build_db(path)
    return path


def _cli(db: Path, *args: str) -> bytes:
    run = subprocess.run([sys.executable, "-m", "dragoman", "events", "--db", str(db), *args],
                         capture_output=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr.decode()
    return run.stdout


def _api(db: Path, **params: str) -> bytes:
    with TestClient(create_app(db)) as client:
        response = client.get("/api/export", params={"format": "csv", "sort": "doc", **params})
    assert response.status_code == 200, response.text
    return response.content


def _read(data: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(data), dtype=export.CSV_DTYPES, keep_default_na=False, na_values=[""])


@pytest.mark.parametrize(("cli_args", "api_params"), [
    ((), {"modality": "asserted"}),  # the CLI's default lists what the text asserts
    (("--modality", "all"), {}),
    (("--type", "ASSAULT", "--modality", "all", "--place-country", "SDN"), {"type": "assault",
                                                                            "place_country": "sdn"}),
    (("--q", "Goma", "--modality", "all"), {"q": "Goma"}),
    (("--type", "AGREE", "--country", "ATA", "--modality", "all"), {"type": "AGREE", "country": "ATA"}),
])
def test_export_cli_and_api_csv_are_byte_identical(db: Path, cli_args: tuple[str, ...],
                                                   api_params: dict[str, str]) -> None:
    cli = _cli(db, "--format", "csv", *cli_args)
    assert cli == _api(db, **api_params)
    assert cli.startswith(",".join(export.CSV_COLUMNS).encode() + b"\r\n")


def test_export_csv_rows_are_the_records_flattened_with_their_documents(db: Path) -> None:
    frame = _read(_api(db))
    records = [json.loads(line) for line in _cli(db, "--format", "jsonl", "--modality", "all").splitlines()]
    assert list(frame.columns) == list(export.CSV_COLUMNS)
    assert len(frame) == len(records) > 100
    conn = store.connect(db, read_only=True)
    documents = {row["doc_id"]: dict(row) for row in conn.execute(
        "SELECT doc_id, url, title, published, agency FROM documents")}
    conn.close()
    rows = {row["event_id"]: row for row in frame.to_dict("records")}
    for record in records:
        row = rows[record["event_id"]]
        doc = documents[record["doc_id"]]
        for column, value in (("doc_title", doc["title"]), ("doc_published", doc["published"]),
                              ("doc_url", doc["url"]), ("doc_agency", doc["agency"])):
            assert (None if pd.isna(row[column]) else row[column]) == (
                None if value is None else value if not value.startswith(("=", "+", "-", "@")) else "'" + value)
        location = record["location"] or {}
        for key in ("geonameid", "lat", "lon", "country"):
            got = row[f"location_{key}"]
            assert (None if pd.isna(got) else got) == location.get(key), (record["event_id"], key)
        assert (None if pd.isna(row["dead"]) else row["dead"]) == record["counts"]["dead"]
        assert row["evidence_start"] == record["evidence"]["start"]
        assert row["type"] == record["type"] and row["modality"] == record["modality"]
    assert frame["doc_title"].notna().sum() > 100 and frame["doc_published"].notna().all()


def test_export_csv_codes_stay_text_in_pandas(db: Path) -> None:
    frame = _read(_api(db, modality="asserted"))
    assert str(frame["cameo"].dtype) == "string" and str(frame["location_geonameid"].dtype) == "Int64"
    assert str(frame["location_lat"].dtype) == "Float64"
    cameos = set(frame["cameo"].dropna())
    assert any(code.startswith("0") for code in cameos), cameos  # e.g. "040": no number would keep the zero
    assert all(re.fullmatch(r"\d{2,4}", code) for code in cameos)
    assert all(re.fullmatch(r"[0-9a-f]{16}", event_id) for event_id in frame["event_id"])
    # Without the dtypes, pandas turns the codes into numbers: the reason the dtypes are documented.
    plain = pd.read_csv(io.BytesIO(_api(db, modality="asserted")))
    assert not any(str(code).startswith("0") for code in plain["cameo"].dropna())


def test_export_flatten_bounds_backers_and_offsets() -> None:
    record = {"event_id": "ab" * 8, "doc_id": "cd" * 8, "source_id": "x.txt", "type": "ASSAULT", "cameo": "040",
              "actor": {"text": "Rwanda-backed M23 rebels", "name": "M23 rebels", "country": "COD", "sector": "REB",
                        "backer": "RWA"},
              "counts": {"dead": 5, "displaced": 250000, "bounds": {"displaced": "at_least", "dead": "approx"}},
              "evidence": {"sentence": "=HYPERLINK(1)", "start": 0, "end": 13, "trigger": "x", "trigger_start": 3,
                           "trigger_end": 4}}
    row = export.flatten(record, ("https://a.example/x", "Title", "2024-01-02", "AFP"))
    assert set(row) == set(export.CSV_COLUMNS)
    assert row["actor_backer"] == "RWA" and row["count_bounds"] == "displaced=at_least;dead=approx"
    assert row["doc_url"] == "https://a.example/x" and row["evidence_trigger_start"] == 3
    assert row["recipient_name"] is None and row["location_lat"] is None
    cells = dict(zip(export.CSV_COLUMNS, export.csv_row(row), strict=True))
    assert cells["evidence_sentence"] == "'=HYPERLINK(1)" and cells["recipient_name"] == "" and cells["dead"] == 5


def test_export_every_column_documented_in_the_readme() -> None:
    assert len(set(export.CSV_COLUMNS)) == len(export.COLUMNS)
    assert all(column.doc and column.dtype in ("string", "Int64", "Float64") for column in export.COLUMNS)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    # the CSV table only: the ACLED and GDELT tables of the next subsection have their own test
    section = readme[readme.index("## CSV columns"):readme.index("### Parquet, ACLED-style and GDELT-style exports")]
    table = re.findall(r"^\| `([a-z_0-9]+)` \| (string|Int64|Float64) \|", section, flags=re.M)
    assert table == [(column.name, column.dtype) for column in export.COLUMNS]


def test_export_csv_admin1_from_the_gazetteer(db: Path) -> None:
    frame = _read(_api(db))
    regions = {(row["location_name"], row["location_admin1_code"], row["location_admin1"])
               for row in frame.to_dict("records") if row["location_name"] in ("Sake", "Nyala", "Yangon")}
    assert regions == {("Sake", "11", "Nord-Kivu"), ("Nyala", "55", "North Darfur"), ("Yangon", "17", "Yangon")}
    # a place the gazetteer does not know, or a country, has no region: empty, never guessed
    row = export.flatten({"event_id": "x", "location": {"name": "Sudan", "geonameid": 366755, "country": "SDN"}})
    assert row["location_admin1"] is None and row["location_admin1_code"] is None
