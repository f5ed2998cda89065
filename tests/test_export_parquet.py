"""`dragoman export --format parquet`: a month-partitioned dataset whose columns are the CSV layout typed (ints stay
ints, floats floats, the day columns dates), read back by DuckDB and pandas with the row count of `dragoman events`,
written in bounded batches; csv/jsonl exports are the bytes `dragoman events` prints; a bad --out is one clear line.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from dragoman import columnar, export, query, store
from dragoman.cli import main
from factories import report_doc
from test_api_dataset import build_db


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The examples coded by the real pipeline (code_files) plus the API's synthetic events, and one undated event."""
    path = tmp_path_factory.mktemp("parquet") / "store.db"
    build_db(path)
    conn = store.connect(path)
    store.write_coded(conn, report_doc("Undated raid", {"date": None, "precision": None}))
    conn.close()
    return path


@dataclass(frozen=True)
class Run:
    returncode: int
    stdout: bytes
    stderr: str


def _cli(*args: str) -> Run:
    """The command run in this process (click's runner): the subprocess costs seconds each on a busy machine."""
    result = CliRunner().invoke(main, list(args))
    return Run(result.exit_code, result.stdout_bytes, result.stderr)


def _records(db: Path, *args: str) -> list[dict[str, object]]:
    run = _cli("events", "--db", str(db), "--format", "jsonl", *args)
    assert run.returncode == 0, run.stderr
    return [json.loads(line) for line in run.stdout.splitlines()]


@pytest.fixture(scope="module")
def exported(db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The export written by a real `dragoman export` process."""
    out = tmp_path_factory.mktemp("out") / "events.parquet"
    run = subprocess.run([sys.executable, "-m", "dragoman", "export", "--db", str(db), "--format", "parquet",
                          "--out", str(out), "--modality", "all"], capture_output=True, text=True, timeout=120,
                         check=False)
    assert run.returncode == 0, run.stderr
    assert "exported" in run.stderr and str(out) in run.stderr
    return out


def test_export_parquet_partitions_by_event_month(db: Path, exported: Path) -> None:
    records = _records(db, "--modality", "all")
    months = {str(r["date"])[:7] if r["date"] else "unknown" for r in records}
    assert "unknown" in months and len(months) >= 3
    assert {p.name for p in exported.iterdir()} == {f"month={m}" for m in months}
    for folder in exported.iterdir():
        assert [f.suffix for f in folder.iterdir()] == [".parquet"]
    # every row sits in the folder of its own month
    con = duckdb.connect()
    wrong = con.execute(
        f"SELECT count(*) FROM read_parquet('{exported}/*/*.parquet', hive_partitioning = true) "
        "WHERE month != coalesce(strftime(date, '%Y-%m'), 'unknown')").fetchone()
    assert wrong == (0,)


def test_export_parquet_duckdb_types_and_count(db: Path, exported: Path) -> None:
    con = duckdb.connect()
    source = f"read_parquet('{exported}/*/*.parquet', hive_partitioning = true)"
    types = dict(con.execute(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM {source})").fetchall())
    expected = {"string": "VARCHAR", "Int64": "BIGINT", "Float64": "DOUBLE"}
    for column in export.COLUMNS:
        assert types[column.name] == ("DATE" if column.arrow == "date32" else expected[column.dtype]), column.name
    assert types["month"] == "VARCHAR"
    count = con.execute(f"SELECT count(*) FROM {source}").fetchone()
    assert count == (len(_records(db, "--modality", "all")),)
    # the default modality (asserted) is the count `dragoman events` lists by default
    asserted = _cli("export", "--db", str(db), "--format", "parquet", "--out", str(exported.parent / "a.parquet"))
    assert asserted.returncode == 0, asserted.stderr
    n = con.execute(f"SELECT count(*) FROM read_parquet('{exported.parent}/a.parquet/*/*.parquet')").fetchone()
    assert n == (len(_records(db)),)
    codes = [row[0] for row in con.execute(f"SELECT DISTINCT cameo FROM {source} WHERE cameo LIKE '0%'").fetchall()]
    assert codes and all(len(code) >= 2 for code in codes)  # "040" stays text


def test_export_parquet_pandas_values_match_the_records(db: Path, exported: Path) -> None:
    frame = pd.read_parquet(exported, dtype_backend="numpy_nullable")
    for column in export.COLUMNS:
        dtype = str(frame[column.name].dtype)
        if column.arrow == "date32":
            assert frame[column.name].dropna().map(type).eq(dt.date).all(), column.name
        else:
            assert dtype == {"string": "string", "Int64": "Int64", "Float64": "Float64"}[column.dtype], column.name
    records = {r["event_id"]: r for r in _records(db, "--modality", "all")}
    assert len(frame) == len(records) and set(frame["event_id"]) == set(records)
    for row in frame.to_dict("records"):
        record = records[row["event_id"]]
        assert row["date"] == (dt.date.fromisoformat(str(record["date"])) if record["date"] else pd.NA) or (
            record["date"] is None and pd.isna(row["date"]))
        location = record["location"] or {}
        got = row["location_geonameid"]
        assert (None if pd.isna(got) else got) == location.get("geonameid")
        assert row["cameo"] == record["cameo"] and row["type"] == record["type"]
        dead = row["dead"]
        assert (None if pd.isna(dead) else dead) == record["counts"]["dead"]  # type: ignore[index]
    sake = frame[frame["location_name"] == "Sake"]
    assert len(sake) >= 4 and set(sake["location_admin1"]) == {"Nord-Kivu"} and set(sake["location_admin1_code"]) == {
        "11"}
    assert (sake["dead"] == 12).all() and str(sake["dead"].dtype) == "Int64"


def test_export_parquet_written_in_bounded_batches(db: Path, tmp_path: Path) -> None:
    conn = store.connect(db, read_only=True)
    try:
        flt = query.EventFilter()
        batches = list(columnar.record_batches(conn, query.iter_events(conn, flt, sort="date"), batch_rows=7))
        assert batches and max(b.num_rows for b in batches) == 7
        summary = columnar.write_parquet(conn, query.iter_events(conn, flt, sort="date"), tmp_path / "small",
                                         batch_rows=7)
        whole = columnar.write_parquet(conn, query.iter_events(conn, flt, sort="date"), tmp_path / "whole")
    finally:
        conn.close()
    assert summary.rows == whole.rows == sum(b.num_rows for b in batches)
    small = pq.read_table(tmp_path / "small").sort_by("event_id")
    big = pq.read_table(tmp_path / "whole").sort_by("event_id")
    assert small.drop_columns(["month"]).equals(big.drop_columns(["month"]))
    assert small.schema.field("date").type == pa.date32() and small.schema.field("dead").type == pa.int64()


def test_export_parquet_month_of_bad_dates() -> None:
    assert columnar.month_of("2024-02-29") == "2024-02"
    assert columnar.month_of("2023-02-29") == "unknown" and columnar.month_of(None) == "unknown"
    days = columnar._day_array(["2024-01-05", None, "2024-13-01"])
    assert days.to_pylist() == [dt.date(2024, 1, 5), None, None]


def test_export_csv_and_jsonl_files_are_the_events_output(db: Path, tmp_path: Path) -> None:
    for fmt in ("csv", "jsonl"):
        out = tmp_path / f"events.{fmt}"
        run = _cli("export", "--db", str(db), "--format", fmt, "--out", str(out), "--type", "ASSAULT")
        assert run.returncode == 0, run.stderr
        printed = _cli("events", "--db", str(db), "--format", fmt, "--type", "ASSAULT").stdout
        assert out.read_bytes() == printed and len(printed) > 100


def test_export_refuses_bad_out(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    out.write_text("keep me", encoding="utf-8")
    run = _cli("export", "--db", str(db), "--format", "csv", "--out", str(out))
    assert run.returncode == 1 and "[export]" in run.stderr and "already exists" in run.stderr and "--force" in \
        run.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    run = _cli("export", "--db", str(db), "--format", "csv", "--out", str(out), "--force")
    assert run.returncode == 0 and out.read_text(encoding="utf-8").startswith("event_id,")
    # a folder that is not an earlier Parquet export is never replaced
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    run = _cli("export", "--db", str(db), "--format", "parquet", "--out", str(folder), "--force")
    assert run.returncode == 1 and "other than a Parquet export" in run.stderr
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "mine"
    run = _cli("export", "--db", str(db), "--format", "parquet", "--out", str(tmp_path / "no" / "x"))
    assert run.returncode == 1 and "does not exist" in run.stderr
    run = _cli("export", "--db", str(db), "--format", "xml", "--out", str(tmp_path / "x"))
    assert run.returncode == 2 and "'xml' is not one of" in run.stderr
    run = _cli("export", "--db", str(db), "--format", "csv", "--out", str(tmp_path / "x.csv"), "--type", "NOPE")
    assert run.returncode == 1 and "unknown event type 'NOPE'" in run.stderr
    assert not any(p.name.startswith(".") for p in tmp_path.iterdir())  # no partial file left behind


def test_export_parquet_force_replaces_an_earlier_export(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "p"
    assert _cli("export", "--db", str(db), "--format", "parquet", "--out", str(out), "--modality", "all",
                ).returncode == 0
    before = {p.name for p in out.iterdir()}
    run = _cli("export", "--db", str(db), "--format", "parquet", "--out", str(out), "--force", "--type", "PROTEST")
    assert run.returncode == 0, run.stderr
    after = {p.name for p in out.iterdir()}
    assert after < before  # the old months are gone, not mixed in
    assert set(pd.read_parquet(out)["type"]) == {"PROTEST"}
    empty = _cli("export", "--db", str(db), "--format", "parquet", "--out", str(tmp_path / "none"), "--q",
                 "no such words anywhere")
    assert empty.returncode == 0 and list((tmp_path / "none").iterdir()) == []


@pytest.mark.parametrize("fmt", ["parquet", "csv", "gdelt"])
def test_export_damaged_store_leaves_no_file_and_keeps_the_earlier_one(tmp_path: Path, fmt: str) -> None:
    from test_api_export_failures import build_export_store, damage_page_of, export_order

    db = tmp_path / "damaged.db"
    build_export_store(db)
    earlier = tmp_path / f"earlier.{fmt}"
    assert _cli("export", "--db", str(db), "--format", fmt, "--out", str(earlier)).returncode == 0
    before = sorted((p.relative_to(earlier), p.read_bytes()) for p in earlier.rglob("*") if p.is_file()) \
        if earlier.is_dir() else earlier.read_bytes()
    damage_page_of(db, export_order(db, "date")[1000])
    fresh = tmp_path / f"fresh.{fmt}"
    for out, extra in ((fresh, ()), (earlier, ("--force",))):
        run = _cli("export", "--db", str(db), "--format", fmt, "--out", str(out), *extra)
        assert run.returncode == 1 and "[store]" in run.stderr and "restore it from a backup" in run.stderr \
            and "stopped after" in run.stderr and "nothing was written to" in run.stderr, \
            run.stderr
    assert not fresh.exists()
    after = sorted((p.relative_to(earlier), p.read_bytes()) for p in earlier.rglob("*") if p.is_file()) \
        if earlier.is_dir() else earlier.read_bytes()
    assert after == before  # the earlier export is untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["damaged.db", earlier.name, *(
        p.name for p in tmp_path.iterdir() if p.name.startswith("damaged.db-"))])  # no partial file or folder
