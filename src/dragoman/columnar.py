"""The Parquet export: the flat layout of export.py, typed, partitioned by the month of the event date.

Columns are ``export.COLUMNS`` in their order, their Arrow types from the same entries: "string" -> string,
"Int64" -> int64, "Float64" -> float64 (all nullable), and the two day columns (``date``, ``doc_published``,
``Column.arrow == "date32"``) as date32: every stored date is a whole day (a week, month or year is stored as its
first day, ``date_precision`` says which), so a date type loses nothing and lets DuckDB and pandas compare and
group dates without parsing. Lists do not occur in the flat layout (``count_bounds`` is its one text of several
values, kept as text as in the CSV).

The files are hive-partitioned by ``month`` (``OUT/month=2024-01/part-0.parquet``; events with no date in
``month=unknown``): readers take ``month`` back from the folder names (DuckDB ``hive_partitioning``, pandas and
pyarrow by default). Records are read in date order and written in record batches of ``BATCH_ROWS`` rows, so
memory stays flat whatever the store's size.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds

from . import export

PARTITION = "month"
UNKNOWN_MONTH = "unknown"
BATCH_ROWS = 5_000  # rows per record batch: 100k events export within ~110 MB above the imports (bench)
_ARROW_TYPES: dict[str, pa.DataType] = {"string": pa.string(), "Int64": pa.int64(), "Float64": pa.float64(),
                                        "date32": pa.date32()}


def arrow_type(column: export.Column) -> pa.DataType:
    """The Arrow type of a flat-layout column: its ``arrow`` override, else its pandas dtype's."""
    return _ARROW_TYPES[column.arrow or column.dtype]


def arrow_schema(*, partition: bool = False) -> pa.Schema:
    """The schema of the Parquet files (with ``partition`` the ``month`` column the writer splits on)."""
    fields = [pa.field(column.name, arrow_type(column)) for column in export.COLUMNS]
    if partition:
        fields.append(pa.field(PARTITION, pa.string()))
    return pa.schema(fields)


@dataclass(frozen=True, slots=True)
class ParquetSummary:
    """What an export wrote: rows, the month partitions, the data files."""

    rows: int
    months: tuple[str, ...]
    files: int


def month_of(day: Any) -> str:
    """The partition of an event date: "2024-01", or "unknown" for none (or a value that is no date)."""
    if isinstance(day, str):
        try:
            return dt.date.fromisoformat(day).isoformat()[:7]
        except ValueError:
            return UNKNOWN_MONTH
    return UNKNOWN_MONTH


def _day_array(values: list[Any]) -> pa.Array:
    """date32 from YYYY-MM-DD text; a value that is no date is null (its month is "unknown" too)."""
    try:
        return pa.array(values, type=pa.string()).cast(pa.date32())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return pa.array([_day(value) for value in values], type=pa.date32())


def _day(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _batch(rows: list[dict[str, Any]], schema: pa.Schema) -> pa.RecordBatch:
    arrays = []
    for field in schema:
        values = [row[field.name] for row in rows]
        arrays.append(_day_array(values) if field.type == pa.date32() else pa.array(values, type=field.type))
    return pa.RecordBatch.from_arrays(arrays, schema=schema)


def record_batches(conn: sqlite3.Connection | None, records: Iterable[dict[str, Any]], *,
                   batch_rows: int = BATCH_ROWS) -> Iterator[pa.RecordBatch]:
    """The records flattened (``export.flatten``, with their documents) in typed batches with their month."""
    schema = arrow_schema(partition=True)
    documents = export.DocumentInfo(conn)
    rows: list[dict[str, Any]] = []
    for record in records:
        row = export.flatten(record, documents(record.get("doc_id")))
        row[PARTITION] = month_of(row["date"])
        rows.append(row)
        if len(rows) == batch_rows:
            yield _batch(rows, schema)
            rows = []
    if rows:
        yield _batch(rows, schema)


def write_parquet(conn: sqlite3.Connection | None, records: Iterable[dict[str, Any]], folder: Path, *,
                  batch_rows: int = BATCH_ROWS) -> ParquetSummary:
    """Write the records as a month-partitioned Parquet dataset into ``folder`` (which must not hold one)."""
    schema = arrow_schema(partition=True)
    rows = 0

    def counted() -> Iterator[pa.RecordBatch]:
        nonlocal rows
        for batch in record_batches(conn, records, batch_rows=batch_rows):
            rows += batch.num_rows
            yield batch

    written: list[str] = []
    ds.write_dataset(
        pa.RecordBatchReader.from_batches(schema, counted()), folder, format="parquet",
        partitioning=ds.partitioning(pa.schema([pa.field(PARTITION, pa.string())]), flavor="hive"),
        basename_template="part-{i}.parquet", existing_data_behavior="error",
        # Each batch's rows of a month are written at once (a row group each): waiting for larger groups would keep
        # every open month's rows in memory. In date order a month's rows come in one or two batches anyway.
        min_rows_per_group=0,
        file_visitor=lambda file: written.append(file.path),
    )
    months = sorted({Path(path).parent.name.partition("=")[2] for path in written})
    return ParquetSummary(rows=rows, months=tuple(months), files=len(written))
