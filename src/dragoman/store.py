"""SQLite store: schema, migrations, one writer, reads.

WAL mode and foreign keys on; every document with its events is written in one
transaction, so a run killed at any point leaves either the whole document or nothing.
Documents are keyed by content hash (``doc_id``): writing the same input again adds nothing.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .errors import QueryError, StoreError
from .model import CodedDoc

DEFAULT_DB = "dragoman.db"

# Each migration is applied once, in order, and recorded in the migrations table.
MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (
        1,
        "documents and events",
        """
        CREATE TABLE documents (
            doc_id TEXT PRIMARY KEY,
            source_id TEXT NOT NULL,
            format TEXT,
            status TEXT NOT NULL CHECK (status IN ('ok', 'skipped', 'failed')),
            error TEXT,
            title TEXT,
            section TEXT,
            dateline TEXT,
            dateline_places TEXT,
            agency TEXT,
            published TEXT,
            url TEXT,
            author TEXT,
            site_name TEXT,
            language TEXT,
            original TEXT NOT NULL,
            text TEXT,
            offsets TEXT,
            removed TEXT,
            created_at TEXT NOT NULL
        );
        CREATE INDEX documents_status ON documents(status);
        CREATE INDEX documents_source ON documents(source_id);
        CREATE TABLE events (
            event_id TEXT PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
            type TEXT NOT NULL,
            mode TEXT,
            cameo TEXT,
            quad TEXT,
            modality TEXT NOT NULL,
            actor_name TEXT,
            actor_country TEXT,
            actor_sector TEXT,
            recipient_name TEXT,
            recipient_country TEXT,
            recipient_sector TEXT,
            date TEXT,
            date_precision TEXT,
            location_name TEXT,
            location_country TEXT,
            geonameid INTEGER,
            lat REAL,
            lon REAL,
            dead INTEGER,
            injured INTEGER,
            arrested INTEGER,
            displaced INTEGER,
            sentence TEXT NOT NULL,
            sentence_start INTEGER NOT NULL,
            trigger_start INTEGER,
            record TEXT NOT NULL
        );
        CREATE INDEX events_doc ON events(doc_id, sentence_start);
        CREATE INDEX events_type_date ON events(type, date);
        CREATE INDEX events_date ON events(date);
        CREATE INDEX events_actor_country ON events(actor_country, date);
        CREATE INDEX events_recipient_country ON events(recipient_country, date);
        CREATE INDEX events_quad ON events(quad, date);
        CREATE INDEX events_modality ON events(modality, date);
        CREATE INDEX events_latlon ON events(lat, lon);
        """,
    ),
)


def connect(path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> sqlite3.Connection:
    """Open (and migrate) the store. Read-only connections never create or migrate."""
    path = Path(path)
    try:
        if read_only:
            if not path.exists():
                raise StoreError(
                    f"database {str(path)!r} does not exist: code some documents first "
                    f"(dragoman code PATH --db {path})"
                )
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        else:
            if path.parent and not path.parent.exists():
                raise StoreError(f"folder {str(path.parent)!r} for database does not exist: create it first")
            conn = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys=ON")
        if not read_only:
            migrate(conn)
        return conn
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot open database {str(path)!r}: {exc}; is it a dragoman SQLite file?") from exc


def migrate(conn: sqlite3.Connection) -> None:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, description TEXT, applied_at TEXT)"
    )
    done = {row[0] for row in conn.execute("SELECT version FROM migrations")}
    for version, description, sql in MIGRATIONS:
        if version in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO migrations VALUES (?, ?, ?)", (version, description, _now())
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


def _statements(sql: str) -> Iterator[str]:
    """Split a script on the semicolons that end statements (trigger bodies hold semicolons of their own)."""
    pending = ""
    for piece in sql.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n\t;"):
                yield pending
            pending = ""
    if pending.strip(" \n\t;"):
        raise StoreError(f"migration script ends inside a statement: {pending.strip()[:80]!r}")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def known_doc_ids(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT doc_id FROM documents")}


def has_document(conn: sqlite3.Connection, doc_id: str) -> bool:
    return conn.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone() is not None


def write_coded(conn: sqlite3.Connection, coded: CodedDoc) -> bool:
    """Store one document and its events atomically. Returns False if it was already stored."""
    article, clean = coded.article, coded.clean
    conn.execute("BEGIN IMMEDIATE")
    try:
        cursor = conn.execute(
            """INSERT INTO documents (doc_id, source_id, format, status, error, title, section,
                   dateline, dateline_places, agency, published, url, author, site_name, language,
                   original, text, offsets, removed, created_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT(doc_id) DO NOTHING""",
            (
                coded.doc_id,
                coded.source_id,
                coded.format,
                coded.status,
                coded.error,
                (clean.title if clean and clean.title else None) or (article.title if article else None),
                clean.section if clean else None,
                clean.dateline if clean else None,
                json.dumps(list(clean.dateline_places)) if clean and clean.dateline_places else None,
                clean.agency if clean else None,
                article.published if article else None,
                article.url if article else None,
                article.author if article else None,
                article.site_name if article else None,
                clean.language if clean else None,
                coded.original,
                clean.body if clean else None,
                json.dumps(clean.offsets.to_json()) if clean else None,
                json.dumps(list(clean.removed)) if clean and clean.removed else None,
                _now(),
            ),
        )
        inserted = cursor.rowcount == 1
        if inserted:
            conn.executemany(
                """INSERT INTO events (event_id, doc_id, type, mode, cameo, quad, modality,
                       actor_name, actor_country, actor_sector, recipient_name, recipient_country,
                       recipient_sector, date, date_precision, location_name, location_country, geonameid,
                       lat, lon, dead, injured, arrested, displaced, sentence, sentence_start,
                       trigger_start, record)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT(event_id) DO NOTHING""",
                [_event_row(event) for event in coded.events],
            )
        conn.execute("COMMIT")
        return inserted
    except BaseException as exc:
        conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            raise StoreError(f"could not store document {coded.source_id!r}: {exc}") from exc
        raise


def _event_row(event: Any) -> tuple[Any, ...]:
    actor, recipient, place, counts = event.actor, event.recipient, event.location, event.counts
    return (
        event.event_id,
        event.doc_id,
        event.type,
        event.mode,
        event.cameo,
        event.quad,
        event.modality,
        actor.name if actor else None,
        actor.country if actor else None,
        actor.sector if actor else None,
        recipient.name if recipient else None,
        recipient.country if recipient else None,
        recipient.sector if recipient else None,
        event.when.date,
        event.when.precision,
        place.name if place else None,
        place.country if place else None,
        place.geonameid if place else None,
        place.lat if place else None,
        place.lon if place else None,
        counts.dead,
        counts.injured,
        counts.arrested,
        counts.displaced,
        event.evidence.sentence,
        event.evidence.start,
        event.evidence.trigger_start,
        json.dumps(event.to_record(), ensure_ascii=False),
    )


DOC_FIELDS = (
    "doc_id",
    "source_id",
    "status",
    "error",
    "title",
    "section",
    "dateline",
    "agency",
    "published",
    "url",
    "language",
    "text",
)


def iter_documents(conn: sqlite3.Connection, *, status: str | None = None) -> Iterator[dict[str, Any]]:
    """One record per document, in insertion order."""
    if status is not None and status not in ("ok", "skipped", "failed"):
        raise QueryError(f"unknown status {status!r}: use ok, skipped or failed")
    sql = f"SELECT {', '.join(DOC_FIELDS)} FROM documents"
    params: list[Any] = []
    if status:
        sql += " WHERE status = ?"
        params.append(status)
    sql += " ORDER BY rowid"
    for row in conn.execute(sql, params):
        yield dict(row)


def get_document(conn: sqlite3.Connection, doc_id: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT * FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
    if row is None:
        return None
    record = dict(row)
    for key in ("offsets", "dateline_places", "removed"):
        if record.get(key):
            record[key] = json.loads(record[key])
    return record


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Filters shared by the CLI and the HTTP API; every value is bound, never formatted into SQL."""

    type: str | None = None
    mode: str | None = None
    quad: str | None = None
    modality: str | None = None
    country: str | None = None  # actor or recipient
    actor: str | None = None  # actor name or country, substring
    recipient: str | None = None
    q: str | None = None  # text search in the evidence sentence
    date_from: str | None = None
    date_to: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    doc_id: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        for column in ("type", "mode", "quad", "modality", "doc_id"):
            value = getattr(self, column)
            if value is not None:
                clauses.append(f"{column} = ?")
                params.append(value)
        if self.country is not None:
            clauses.append("(actor_country = ? OR recipient_country = ?)")
            params += [self.country, self.country]
        for role, value in (("actor", self.actor), ("recipient", self.recipient)):
            if value is not None:
                clauses.append(f"({role}_name LIKE ? ESCAPE '\\' OR {role}_country = ?)")
                params += [f"%{_like_escape(value)}%", value.upper()]
        if self.q is not None:
            clauses.append("sentence LIKE ? ESCAPE '\\'")
            params.append(f"%{_like_escape(self.q)}%")
        if self.date_from is not None:
            clauses.append("date >= ?")
            params.append(self.date_from)
        if self.date_to is not None:
            clauses.append("date <= ?")
            params.append(self.date_to)
        if self.bbox is not None:
            min_lon, min_lat, max_lon, max_lat = self.bbox
            clauses.append("lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?")
            params += [min_lat, max_lat, min_lon, max_lon]
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


SORTS = {
    "date": "date ASC, event_id",
    "-date": "date DESC, event_id",
    "type": "type ASC, event_id",
    "doc": "doc_id, sentence_start, event_id",
}


def iter_events(
    conn: sqlite3.Connection,
    event_filter: EventFilter | None = None,
    *,
    sort: str = "doc",
    limit: int | None = None,
    offset: int = 0,
) -> Iterator[dict[str, Any]]:
    """Event records (DESIGN.md shape) matching the filter."""
    if sort not in SORTS:
        raise QueryError(f"unknown sort {sort!r}: use one of {', '.join(SORTS)}")
    where, params = (event_filter or EventFilter()).where()
    sql = f"SELECT record FROM events{where} ORDER BY {SORTS[sort]}"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    for row in conn.execute(sql, params):
        yield json.loads(row[0])


def count_events(conn: sqlite3.Connection, event_filter: EventFilter | None = None) -> int:
    where, params = (event_filter or EventFilter()).where()
    return int(conn.execute(f"SELECT COUNT(*) FROM events{where}", params).fetchone()[0])


def _and(where: str, clause: str) -> str:
    """Add a fixed clause (no values) to a WHERE built by EventFilter.where()."""
    return f"{where} AND {clause}" if where else f" WHERE {clause}"


def get_event(conn: sqlite3.Connection, event_id: str) -> dict[str, Any] | None:
    """One event record by id, or None."""
    row = conn.execute("SELECT record FROM events WHERE event_id = ?", (event_id,)).fetchone()
    return json.loads(row[0]) if row else None


def doc_events(conn: sqlite3.Connection, doc_id: str) -> list[dict[str, Any]]:
    """The event records of one document, in text order."""
    rows = conn.execute(
        "SELECT record FROM events WHERE doc_id = ? ORDER BY sentence_start, event_id", (doc_id,)
    )
    return [json.loads(row[0]) for row in rows]


def event_stats(conn: sqlite3.Connection, event_filter: EventFilter | None = None, *,
                top_countries: int = 50) -> dict[str, Any]:
    """Counts of the matching events: total, by type, quad, modality, day and country (actor or recipient)."""
    where, params = (event_filter or EventFilter()).where()
    # One pass over the filter into a materialized CTE, then every grouping over that small table.
    sql = f"""
        WITH f AS MATERIALIZED (
            SELECT type, quad, modality, date, actor_country, recipient_country FROM events{where})
        SELECT 'type', type, COUNT(*) FROM f GROUP BY 2
        UNION ALL SELECT 'quad', quad, COUNT(*) FROM f GROUP BY 2
        UNION ALL SELECT 'modality', modality, COUNT(*) FROM f GROUP BY 2
        UNION ALL SELECT 'day', date, COUNT(*) FROM f GROUP BY 2
        UNION ALL SELECT 'country', country, COUNT(*) FROM (
            SELECT actor_country AS country FROM f
            UNION ALL  -- an event counts once for a country its actor and recipient share
            SELECT recipient_country FROM f WHERE recipient_country IS NOT actor_country) GROUP BY 2"""
    groups: dict[str, dict[Any, int]] = {"type": {}, "quad": {}, "modality": {}, "day": {}, "country": {}}
    for kind, key, n in conn.execute(sql, params):
        groups[kind][key] = int(n)
    undated = groups["day"].pop(None, 0)
    countries = sorted(((k, n) for k, n in groups["country"].items() if k is not None), key=lambda kn: (-kn[1], kn[0]))
    return {
        "total": sum(groups["type"].values()),
        "by_type": {str(k): n for k, n in sorted(groups["type"].items())},
        "by_quad": {str(k): n for k, n in sorted(groups["quad"].items()) if k is not None},
        "by_modality": {str(k): n for k, n in sorted(groups["modality"].items())},
        "by_day": {str(k): n for k, n in sorted(groups["day"].items())},
        "by_country": dict(countries[:top_countries]),
        "undated": undated,
    }


def event_clusters(conn: sqlite3.Connection, event_filter: EventFilter | None = None, *, cell: float,
                   limit: int = 5000) -> list[dict[str, Any]]:
    """Located events grouped on a grid of ``cell`` degrees: centre, count, and the event id when alone."""
    if not cell > 0:
        raise QueryError(f"cluster cell size {cell!r} must be a positive number of degrees")
    where, params = (event_filter or EventFilter()).where()
    located = _and(where, "lat IS NOT NULL AND lon IS NOT NULL")
    sql = f"""
        SELECT CAST(floor(lat / ?) AS INTEGER) AS gy, CAST(floor(lon / ?) AS INTEGER) AS gx,
               COUNT(*) AS n, AVG(lat), AVG(lon), MIN(event_id), MIN(type), MAX(type)
        FROM events{located} GROUP BY gy, gx ORDER BY n DESC LIMIT ?"""
    out = []
    for _gy, _gx, n, lat, lon, event_id, type_min, type_max in conn.execute(sql, [cell, cell, *params, limit]):
        out.append({
            "lat": round(float(lat), 5), "lon": round(float(lon), 5), "count": int(n),
            "event_id": event_id if n == 1 else None,
            "type": type_min if type_min == type_max else None,
        })
    return out


def status_counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {row[0]: row[1] for row in conn.execute("SELECT status, COUNT(*) FROM documents GROUP BY status")}


def check_integrity(conn: sqlite3.Connection) -> list[str]:
    """Problems found by SQLite's integrity and foreign-key checks (empty when healthy)."""
    problems = [row[0] for row in conn.execute("PRAGMA integrity_check") if row[0] != "ok"]
    problems += [str(tuple(row)) for row in conn.execute("PRAGMA foreign_key_check")]
    return problems


def write_many(conn: sqlite3.Connection, coded_docs: Sequence[CodedDoc]) -> int:
    return sum(write_coded(conn, coded) for coded in coded_docs)
