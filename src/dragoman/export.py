"""Exports of event records: the one flattened CSV layout, and the streamed CSV/JSONL bodies.

``dragoman events --format csv`` and ``/api/export?format=csv`` both write through ``export_chunks``, so the
same filter and sort give the same bytes. A CSV row is one event record flattened (``COLUMNS``, each named and
documented here and in the README's table) plus four columns of its document (URL, title, publication date,
agency), read from the ``documents`` table, and the admin-1 region of its place, read from the gazetteer.
The Parquet export (columnar.py) types its columns from the same ``COLUMNS``.

Codes are text: ``cameo`` "040" must not become the number 40, so ``CSV_DTYPES`` gives a pandas dtype for every
column (``pandas.read_csv(path, dtype=CSV_DTYPES, keep_default_na=False, na_values=[""])``). An empty cell is
an unknown value; text a spreadsheet would run as a formula starts with an apostrophe (``query.csv_cell``).

A store failing mid-export ends the body with one line no reader takes for a row (``query.export_error_line``),
after the rows sent before it, then raises ``ExportAborted``: the CLI exits 1, the HTTP response is aborted.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal, TextIO

from . import query
from .errors import DragomanError

Format = Literal["csv", "jsonl"]


@dataclass(frozen=True, slots=True)
class Column:
    """One CSV column: its name, its pandas dtype and what it holds."""

    name: str
    dtype: str  # a pandas dtype name: "string", "Int64" (whole numbers, may be empty) or "Float64"
    doc: str
    arrow: str = ""  # the Parquet type where it is not the dtype's (columnar.py): "date32" for YYYY-MM-DD days


def _role(role: str, what: str) -> tuple[Column, ...]:
    return (
        Column(f"{role}_text", "string", f"the {what} as the text writes it"),
        Column(f"{role}_name", "string", f"the {what}'s name, without articles, numbers and titles"),
        Column(f"{role}_country", "string", f"the {what}'s ISO 3166-1 alpha-3 country or PLOVER international "
                                            "code (IGO, UNO, EUR, NGO, ISM, IMG, MNC)"),
        Column(f"{role}_sector", "string", f"the {what}'s PLOVER sector code (GOV, MIL, REB, COP, CVL, ...)"),
        Column(f"{role}_backer", "string", f"the country backing the {what} (\"Rwanda-backed\": RWA)"),
    )


COLUMNS: tuple[Column, ...] = (
    Column("event_id", "string", "the event's id (16 hex digits), stable across runs"),
    Column("doc_id", "string", "the id of the document the event was read from (16 hex digits)"),
    Column("source_id", "string", "the input's own id: a JSONL record's id, else the file path"),
    Column("doc_url", "string", "the document's URL, when the input gave one"),
    Column("doc_title", "string", "the document's headline"),
    Column("doc_published", "string", "the document's publication date, YYYY-MM-DD", arrow="date32"),
    Column("doc_agency", "string", "the news agency the document credits (Reuters, AFP, ...)"),
    Column("type", "string", "PLOVER event type (ASSAULT, PROTEST, ...)"),
    Column("mode", "string", "PLOVER mode of the type, where the text shows one (heavy-weapons, ...)"),
    Column("cameo", "string", "CAMEO code, text with its leading zeros (\"040\")"),
    Column("quad", "string", "PLOVER quad class: verbal_cooperation, material_cooperation, verbal_conflict, "
                             "material_conflict"),
    Column("modality", "string", "asserted, future, hypothetical, negated or historical"),
    *_role("actor", "actor"),
    *_role("recipient", "recipient"),
    Column("date", "string", "the event's date, YYYY-MM-DD (the first day of its week, month or year)",
           arrow="date32"),
    Column("date_precision", "string", "how much of the date the text gives: day, week, month or year"),
    Column("date_text", "string", "the words the date was read from"),
    Column("location_name", "string", "the place's name"),
    Column("location_geonameid", "Int64", "the place's GeoNames id"),
    Column("location_lat", "Float64", "latitude, degrees"),
    Column("location_lon", "Float64", "longitude, degrees"),
    Column("location_country", "string", "ISO 3166-1 alpha-3 code of the country the place is in"),
    Column("location_admin1_code", "string", "the GeoNames admin-1 code of the region the place is in (\"NY\", "
                                             "\"11\"), from the gazetteer"),
    Column("location_admin1", "string", "the name of that admin-1 region (New York, Nord-Kivu)"),
    Column("location_precision", "string", "what the place is: city, admin1, admin2, country, region, ..."),
    Column("dead", "Int64", "people killed, as the text states"),
    Column("injured", "Int64", "people injured"),
    Column("arrested", "Int64", "people arrested"),
    Column("displaced", "Int64", "people displaced"),
    Column("count_bounds", "string", "which figures are bounds, e.g. \"dead=at_least;displaced=approx\" "
                                     "(at_least, at_most, approx)"),
    *_role("attribution", "source the text attributes the event to"),
    Column("evidence_sentence", "string", "the sentence the event was read from, as written"),
    Column("evidence_start", "Int64", "the sentence's start: a character offset into the document as read"),
    Column("evidence_end", "Int64", "the sentence's end offset"),
    Column("evidence_trigger", "string", "the word(s) that carry the event (\"shelled\")"),
    Column("evidence_trigger_start", "Int64", "the trigger's start offset"),
    Column("evidence_trigger_end", "Int64", "the trigger's end offset"),
    Column("confidence", "Float64", "the event check's probability that the event is real (empty: rules only, "
                                    "or stored before migration 6)"),
)
CSV_COLUMNS: tuple[str, ...] = tuple(column.name for column in COLUMNS)
CSV_DTYPES: dict[str, str] = {column.name: column.dtype for column in COLUMNS}

_DOC_COLUMNS = ("url", "title", "published", "agency")
# Documents looked up by id during one export: records come in date order, so a document's events are spread
# out; a bounded cache keeps memory flat on stores of millions of documents.
_DOC_CACHE = 4096
CHUNK_ROWS = 500


class ExportAborted(Exception):
    """Breaks an export after its trailing error line, so it cannot end as if complete. Deliberately no
    DragomanError: once an HTTP response has started no exception handler may answer it, and its message was
    already sent; the CLI turns it into a StoreError (exit 1)."""


class DocumentInfo:
    """The document columns of each event, read by id from the same connection (a bounded cache in front)."""

    def __init__(self, conn: sqlite3.Connection | None, columns: tuple[str, ...] = _DOC_COLUMNS) -> None:
        self.conn = conn  # None: no store to ask (every document column empty)
        self.columns = columns  # the documents table's columns to read, in this order
        self.cache: OrderedDict[str, tuple[Any, ...]] = OrderedDict()

    def __call__(self, doc_id: str | None) -> tuple[Any, ...]:
        if doc_id is None or self.conn is None:
            return (None,) * len(self.columns)
        found = self.cache.get(doc_id)
        if found is not None:
            self.cache.move_to_end(doc_id)
            return found
        row = self.conn.execute(f"SELECT {', '.join(self.columns)} FROM documents WHERE doc_id = ?",
                                (doc_id,)).fetchone()
        found = tuple(row) if row is not None else (None,) * len(self.columns)
        self.cache[doc_id] = found
        if len(self.cache) > _DOC_CACHE:
            self.cache.popitem(last=False)
        return found


def place_admin1(geonameid: Any) -> tuple[str, str] | None:
    """The (code, name) of the admin-1 region of a GeoNames place, from the gazetteer; None when unknown."""
    if not isinstance(geonameid, int) or geonameid <= 0:  # negative ids are our own regions
        return None
    from .gazetteer import get_gazetteer  # loaded on first use: a store export without places never opens it

    found: tuple[str, str] | None = get_gazetteer().admin1_of(geonameid)
    return found


def flatten(record: dict[str, Any], document: tuple[Any, ...] = (None, None, None, None), *,
            admin1: Callable[[Any], tuple[str, str] | None] = place_admin1) -> dict[str, Any]:
    """One event record (DESIGN.md shape) and its document's (url, title, published, agency) as
    ``{column: value}`` over ``CSV_COLUMNS``; unknown values are None. ``admin1`` finds the place's admin-1
    region by GeoNames id."""
    row: dict[str, Any] = {key: record.get(key) for key in (
        "event_id", "doc_id", "source_id", "type", "mode", "cameo", "quad", "modality", "date", "date_precision",
        "date_text", "confidence")}
    row.update(zip(("doc_url", "doc_title", "doc_published", "doc_agency"), document, strict=True))
    for role in ("actor", "recipient", "attribution"):
        part = record.get(role) or {}
        for key in ("text", "name", "country", "sector", "backer"):
            row[f"{role}_{key}"] = part.get(key)
    location = record.get("location") or {}
    for key in ("name", "geonameid", "lat", "lon", "country", "precision"):
        row[f"location_{key}"] = location.get(key)
    region = admin1(location.get("geonameid"))
    row["location_admin1_code"], row["location_admin1"] = region if region is not None else (None, None)
    counts = record.get("counts") or {}
    row.update({key: counts.get(key) for key in ("dead", "injured", "arrested", "displaced")})
    bounds = counts.get("bounds") or {}
    row["count_bounds"] = ";".join(f"{key}={value}" for key, value in bounds.items()) or None
    evidence = record.get("evidence") or {}
    for key in ("sentence", "start", "end", "trigger", "trigger_start", "trigger_end"):
        row[f"evidence_{key}"] = evidence.get(key)
    return row


def csv_row(row: dict[str, Any]) -> list[Any]:
    """A flattened row's cells in column order: None empty, formula-like text made inert."""
    return ["" if row.get(name) is None else query.csv_cell(row[name]) for name in CSV_COLUMNS]


def export_chunks(conn: sqlite3.Connection | None, records: Iterable[dict[str, Any]], fmt: Format, *,
                  source: str = "", chunk_rows: int = CHUNK_ROWS) -> Iterator[str]:
    """The export body in chunks of ``chunk_rows`` records: for CSV the header first (also with no rows).

    ``conn`` reads the document columns (CSV); ``source`` names the store in the error message (the CLI gives
    " from 'news.db'"). A failure while reading ``records`` ends the body with the rows already read and the
    error line, then raises ExportAborted with the message.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if fmt == "csv":
        writer.writerow(CSV_COLUMNS)
        yield _take(buffer)
    documents = DocumentInfo(conn)
    sent = 0
    try:
        for record in records:
            if fmt == "csv":
                writer.writerow(csv_row(flatten(record, documents(record.get("doc_id")))))
            else:
                buffer.write(json.dumps(record, ensure_ascii=False) + "\n")
            sent += 1
            if sent % chunk_rows == 0:
                yield _take(buffer)
    except Exception as exc:  # noqa: BLE001 - any failure must end the export visibly, never cleanly
        message = f"the export{source} stopped after {sent} events and is incomplete: {_reason(exc)}"
        yield _take(buffer) + query.export_error_line(fmt, message)
        raise ExportAborted(message) from exc
    yield _take(buffer)


def write_export(conn: sqlite3.Connection, records: Iterable[dict[str, Any]], fmt: Format, out: TextIO, *,
                 source: str = "") -> None:
    """``export_chunks`` written to a text stream as UTF-8 bytes (its binary buffer when it has one, so the
    bytes are the API's whatever the terminal's encoding or platform line endings)."""
    binary = getattr(out, "buffer", None)
    write: Callable[[str], Any] = (lambda text: binary.write(text.encode("utf-8"))) if binary is not None \
        else out.write
    out.flush()
    try:
        for chunk in export_chunks(conn, records, fmt, source=source):
            write(chunk)
    finally:
        if binary is not None:
            binary.flush()
        out.flush()


def _take(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def _reason(exc: BaseException) -> str:
    if isinstance(exc, DragomanError):
        return str(exc)
    return (f"{type(exc).__name__}: {exc} (the database is damaged or another program changed it: restore it from "
            "a backup or code the inputs again into a new --db)")

