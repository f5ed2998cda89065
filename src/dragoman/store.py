"""SQLite store: schema, migrations, one writer (reads are in ``query.py``).

WAL mode and foreign keys on; every document with its events is written in one
transaction, so a run killed at any point leaves either the whole document or nothing.
Documents are keyed by content hash (``doc_id``): writing the same input again adds nothing.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import ftfy

from . import duplicates, stories
from .codes import PLOVER_QUAD
from .errors import StoreError
from .model import CodedDoc

DEFAULT_DB = "dragoman.db"

# agg_grid counts located events on cells of GRID_CELL degrees (the map's grid at zoom GRID_ZOOM);
# coarser zooms add up whole cells, since each is 2^k of these.
GRID_ZOOM = 6
GRID_CELL = 60.0 / 2**GRID_ZOOM


def _read_side_triggers() -> str:
    """Triggers keeping migration 2's side tables in step with events (inserts, deletes, cascades, updates)."""
    cell = GRID_CELL
    add = f"""
        INSERT INTO event_countries
            SELECT new.actor_country, CASE WHEN new.actor_country = new.recipient_country THEN 3 ELSE 1 END,
                   CASE WHEN new.recipient_country IS NOT new.actor_country THEN new.recipient_country END,
                   new.date, new.type, new.quad, new.modality, new.event_id
            WHERE new.actor_country IS NOT NULL
            UNION ALL
            SELECT new.recipient_country, 2, new.actor_country, new.date, new.type, new.quad, new.modality,
                   new.event_id
            WHERE new.recipient_country IS NOT NULL AND new.recipient_country IS NOT new.actor_country;
        INSERT OR IGNORE INTO event_names
            SELECT 'actor', new.actor_name WHERE new.actor_name IS NOT NULL
            UNION ALL SELECT 'recipient', new.recipient_name WHERE new.recipient_name IS NOT NULL;
        INSERT INTO events_fts(rowid, sentence) VALUES (new.rowid, new.sentence);
        INSERT INTO agg_daily VALUES (coalesce(new.date, ''), new.type, coalesce(new.quad, ''), new.modality, 1)
            ON CONFLICT DO UPDATE SET n = n + 1;
        INSERT INTO agg_kind VALUES (new.type, coalesce(new.quad, ''), new.modality, 1)
            ON CONFLICT DO UPDATE SET n = n + 1;
        INSERT INTO agg_grid
            SELECT CAST(floor(new.lat / {cell}) AS INTEGER), CAST(floor(new.lon / {cell}) AS INTEGER), 1,
                   new.lat, new.lon, new.type, new.type
            WHERE new.lat IS NOT NULL AND new.lon IS NOT NULL
            ON CONFLICT DO UPDATE SET n = n + 1, sum_lat = sum_lat + excluded.sum_lat,
                sum_lon = sum_lon + excluded.sum_lon, min_type = min(min_type, excluded.min_type),
                max_type = max(max_type, excluded.max_type);
    """
    # Deleted names stay in event_names: a stale name only adds an empty branch to a name search.
    remove = f"""
        DELETE FROM event_countries
            WHERE country IN (old.actor_country, old.recipient_country) AND date IS old.date
              AND event_id = old.event_id;
        INSERT INTO events_fts(events_fts, rowid, sentence) VALUES ('delete', old.rowid, old.sentence);
        UPDATE agg_daily SET n = n - 1
            WHERE day = coalesce(old.date, '') AND type = old.type AND quad = coalesce(old.quad, '')
              AND modality = old.modality;
        DELETE FROM agg_daily
            WHERE day = coalesce(old.date, '') AND type = old.type AND quad = coalesce(old.quad, '')
              AND modality = old.modality AND n <= 0;
        UPDATE agg_kind SET n = n - 1
            WHERE type = old.type AND quad = coalesce(old.quad, '') AND modality = old.modality;
        DELETE FROM agg_kind
            WHERE type = old.type AND quad = coalesce(old.quad, '') AND modality = old.modality AND n <= 0;
        UPDATE agg_grid SET n = n - 1, sum_lat = sum_lat - old.lat, sum_lon = sum_lon - old.lon
            WHERE gy = CAST(floor(old.lat / {cell}) AS INTEGER) AND gx = CAST(floor(old.lon / {cell}) AS INTEGER);
        DELETE FROM agg_grid
            WHERE gy = CAST(floor(old.lat / {cell}) AS INTEGER) AND gx = CAST(floor(old.lon / {cell}) AS INTEGER)
              AND n <= 0;
    """
    country = """
        CREATE TRIGGER event_countries_ai AFTER INSERT ON event_countries BEGIN
            INSERT INTO agg_country VALUES (coalesce(new.date, ''), new.country, 1) ON CONFLICT DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER event_countries_ad AFTER DELETE ON event_countries BEGIN
            UPDATE agg_country SET n = n - 1 WHERE day = coalesce(old.date, '') AND country = old.country;
            DELETE FROM agg_country WHERE day = coalesce(old.date, '') AND country = old.country AND n <= 0;
        END;
    """
    return (
        f"CREATE TRIGGER events_read_ai AFTER INSERT ON events BEGIN {add} END;\n"
        f"CREATE TRIGGER events_read_ad AFTER DELETE ON events BEGIN {remove} END;\n"
        f"CREATE TRIGGER events_read_au AFTER UPDATE ON events BEGIN {remove} {add} END;\n"
        f"{country}"
    )


# The happening key (migration 4): events are reports of one happening when they share type, modality, actor
# country and sector, recipient country and sector, a day-precision date and a place (the same GeoNames id, or
# for a place without one the same point rounded to 0.01 degree, about a kilometre). An event without a
# day-precision date or without a located place has no key (NULL): too vague to be merged with anything. The
# rule lives here once, as the SQL of a generated column, so SQLite fills it on every insert and update and
# computes it for the rows already stored when the migration builds its index. The key is readable text, e.g.
# "ASSAULT|asserted|COD|REB|COD|MIL|2024-01-22|g205970" ('' for a missing code, "p<lat*100>,<lon*100>" for a point).
HAPPENING_KEY_SQL = """CASE WHEN date_precision = 'day' AND date IS NOT NULL
        AND (geonameid IS NOT NULL OR (lat IS NOT NULL AND lon IS NOT NULL))
    THEN type || '|' || modality || '|' || coalesce(actor_country, '') || '|' || coalesce(actor_sector, '')
        || '|' || coalesce(recipient_country, '') || '|' || coalesce(recipient_sector, '') || '|' || date || '|'
        || CASE WHEN geonameid IS NOT NULL THEN 'g' || geonameid
                ELSE 'p' || CAST(round(lat * 100) AS INTEGER) || ',' || CAST(round(lon * 100) AS INTEGER) END
    END"""

# Text search folds both sides (migration 5). Evidence text is stored as the source wrote it: curly or straight
# quotes, en/em dashes or hyphens, cp1252 punctuation read as C1 controls, mojibake, no-break spaces, the line
# breaks of wrapped text. A search typed either way must find it, so events.sentence, the column the trigram
# index and the LIKE scans read, holds the evidence sentence folded by fold_text (the sentence as written is in
# the record), and queries fold their text the same way.
_FOLDED_CHARS: dict[str, str] = {
    # cp1252 punctuation read as C1 controls (U+0091-U+0097) too: ftfy repairs it first, the backfill cannot
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u0091\u0092", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u0093\u0094", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u0096\u0097", "-"),
    "\u2026": "...",
    "\u0085": "...",
    **dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff", ""),  # invisible: the cleaner drops them too
}
_FOLD_TABLE = str.maketrans(_FOLDED_CHARS)
_SPACE_RUN = re.compile(r"\s+")


def fold_text(text: str) -> str:
    """``text`` as text search compares it: mojibake and cp1252 controls repaired (ftfy, as the cleaner does),
    quotes straight, dashes hyphens, "..." for the ellipsis, runs of spaces and line breaks one space.

    "Sheriff\u2019s Office", "Sheriff\u00e2\u20ac\u2122s Office" and "Sheriff's Office" all fold to the last.
    """
    if not text.isascii():
        text = ftfy.fix_text(text).translate(_FOLD_TABLE)
    return _SPACE_RUN.sub(" ", text)


def _sql_text(value: str) -> str:
    """A SQL literal for ``value``; char() for what is not printable ASCII, so the script stays readable."""
    if value.isascii() and value.isprintable():
        return "'" + value.replace("'", "''") + "'"
    return f"char({', '.join(str(ord(ch)) for ch in value)})"


def _fold_backfill(*, per_statement: int = 10) -> str:
    """UPDATEs folding the sentences stored before migration 5, as fold_text would.

    Those sentences are the cleaned body text, whose mojibake is repaired and quotes are straight already, so
    plain replacements are enough. Nested replace() calls are split over several statements: SQLite's parser
    refuses a few dozen levels. Only rows that change are written; the update trigger keeps the index in step.
    """
    pairs = [*_FOLDED_CHARS.items(), *((ch, " ") for ch in "\t\n\r\u00a0"), ("  ", " "), ("  ", " ")]
    statements = []
    for i in range(0, len(pairs), per_statement):
        expr = "sentence"
        for old, new in pairs[i:i + per_statement]:
            expr = f"replace({expr}, {_sql_text(old)}, {_sql_text(new)})"
        statements.append(f"UPDATE events SET sentence = {expr} WHERE sentence != {expr};")
    return "\n".join(statements)


def _quad_backfill() -> str:
    """An UPDATE setting each stored event's quad (column and record) to its type's in ``codes.PLOVER_QUAD``."""
    cases = " ".join(f"WHEN '{type_}' THEN '{quad}'" for type_, quad in PLOVER_QUAD.items())
    quad = f"CASE type {cases} ELSE quad END"
    return f"""
        UPDATE events SET quad = {quad}, record = json_set(record, '$.quad', {quad})
            WHERE quad IS NOT NULL AND quad IS NOT {quad};
    """


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
    (
        2,
        "read side: countries, names, text search, aggregates",
        # Side tables kept by triggers so that filtered pages walk one index in sort order and stop:
        # event_countries has one row per event per country (actor and recipient sharing a country make one
        # row, role 3), with the filterable columns copied so its covering index answers without the events
        # table; event_names lists the distinct actor/recipient names for substring search; events_fts is a
        # trigram index of the evidence sentences (substring search, rowid = events.rowid); agg_* hold the
        # counts /api/stats and /api/clusters need when nothing or little is filtered. Never ANALYZE the FTS
        # shadow tables: statistics of an empty text index make its own lookups scan (inserts 15x slower).
        f"""
        CREATE TABLE event_countries (
            country TEXT NOT NULL, role INTEGER NOT NULL, partner TEXT, date TEXT,
            type TEXT NOT NULL, quad TEXT, modality TEXT NOT NULL, event_id TEXT NOT NULL);
        CREATE INDEX event_countries_date ON event_countries(
            country, date, type, quad, modality, role, partner, event_id);
        CREATE TABLE event_names (
            role TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (role, name)) WITHOUT ROWID;
        CREATE INDEX events_actor_name ON events(actor_name, date, type, quad, modality, event_id);
        CREATE INDEX events_recipient_name ON events(recipient_name, date, type, quad, modality, event_id);
        CREATE INDEX events_quad_modality ON events(quad, modality, date);
        CREATE INDEX events_type_latlon ON events(type, lat, lon);
        CREATE VIRTUAL TABLE events_fts USING fts5(
            sentence, content='events', content_rowid='rowid', tokenize='trigram');
        CREATE TABLE agg_daily (
            day TEXT NOT NULL, type TEXT NOT NULL, quad TEXT NOT NULL, modality TEXT NOT NULL,
            n INTEGER NOT NULL, PRIMARY KEY (day, type, quad, modality)) WITHOUT ROWID;
        CREATE TABLE agg_kind (
            type TEXT NOT NULL, quad TEXT NOT NULL, modality TEXT NOT NULL, n INTEGER NOT NULL,
            PRIMARY KEY (type, quad, modality)) WITHOUT ROWID;
        CREATE TABLE agg_country (
            day TEXT NOT NULL, country TEXT NOT NULL, n INTEGER NOT NULL,
            PRIMARY KEY (day, country)) WITHOUT ROWID;
        CREATE TABLE agg_grid (
            gy INTEGER NOT NULL, gx INTEGER NOT NULL, n INTEGER NOT NULL, sum_lat REAL NOT NULL,
            sum_lon REAL NOT NULL, min_type TEXT, max_type TEXT, PRIMARY KEY (gy, gx)) WITHOUT ROWID;
        INSERT INTO event_countries
            SELECT actor_country, CASE WHEN actor_country = recipient_country THEN 3 ELSE 1 END,
                   CASE WHEN recipient_country IS NOT actor_country THEN recipient_country END,
                   date, type, quad, modality, event_id
            FROM events WHERE actor_country IS NOT NULL;
        INSERT INTO event_countries
            SELECT recipient_country, 2, actor_country, date, type, quad, modality, event_id
            FROM events WHERE recipient_country IS NOT NULL AND recipient_country IS NOT actor_country;
        INSERT OR IGNORE INTO event_names
            SELECT DISTINCT 'actor', actor_name FROM events WHERE actor_name IS NOT NULL;
        INSERT OR IGNORE INTO event_names
            SELECT DISTINCT 'recipient', recipient_name FROM events WHERE recipient_name IS NOT NULL;
        INSERT INTO events_fts(events_fts) VALUES ('rebuild');
        INSERT INTO agg_daily
            SELECT coalesce(date, ''), type, coalesce(quad, ''), modality, COUNT(*) FROM events GROUP BY 1, 2, 3, 4;
        INSERT INTO agg_kind SELECT type, quad, modality, SUM(n) FROM agg_daily GROUP BY 1, 2, 3;
        INSERT INTO agg_country
            SELECT coalesce(date, ''), country, COUNT(*) FROM event_countries GROUP BY 1, 2;
        INSERT INTO agg_grid
            SELECT CAST(floor(lat / {GRID_CELL}) AS INTEGER), CAST(floor(lon / {GRID_CELL}) AS INTEGER),
                   COUNT(*), SUM(lat), SUM(lon), MIN(type), MAX(type)
            FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL GROUP BY 1, 2;
        {_read_side_triggers()}
        ANALYZE events;
        ANALYZE event_countries;
        """,
    ),
    (
        3,
        "read side: country counts by type, quad and modality",
        # /api/stats filtered on type, quad or modality (no country) counts by country without a scan. Keyed
        # kind first, so each (type, quad, modality) present in agg_kind is one short range of this table,
        # with days in order inside it for a date range. Kept by triggers on event_countries, like agg_country.
        """
        CREATE TABLE agg_country_kind (
            type TEXT NOT NULL, quad TEXT NOT NULL, modality TEXT NOT NULL, day TEXT NOT NULL, country TEXT NOT NULL,
            n INTEGER NOT NULL, PRIMARY KEY (type, quad, modality, day, country)) WITHOUT ROWID;
        INSERT INTO agg_country_kind
            SELECT type, coalesce(quad, ''), modality, coalesce(date, ''), country, COUNT(*)
            FROM event_countries GROUP BY 1, 2, 3, 4, 5;
        CREATE TRIGGER event_countries_kind_ai AFTER INSERT ON event_countries BEGIN
            INSERT INTO agg_country_kind
                VALUES (new.type, coalesce(new.quad, ''), new.modality, coalesce(new.date, ''), new.country, 1)
                ON CONFLICT DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER event_countries_kind_ad AFTER DELETE ON event_countries BEGIN
            UPDATE agg_country_kind SET n = n - 1
                WHERE type = old.type AND quad = coalesce(old.quad, '') AND modality = old.modality
                  AND day = coalesce(old.date, '') AND country = old.country;
            DELETE FROM agg_country_kind
                WHERE type = old.type AND quad = coalesce(old.quad, '') AND modality = old.modality
                  AND day = coalesce(old.date, '') AND country = old.country AND n <= 0;
        END;
        """,
    ),
    (
        4,
        "happening keys: reports of the same happening",
        # A virtual generated column (ALTER TABLE may add those, SQLite >= 3.31) costs no space in the rows;
        # the partial index holds the keys of the events that have one, each entry (happening, rowid), so
        # "is there an earlier report of this happening?" is one probe of it. Building the index is the backfill.
        f"""
        ALTER TABLE events ADD COLUMN happening TEXT GENERATED ALWAYS AS ({HAPPENING_KEY_SQL}) VIRTUAL;
        CREATE INDEX events_happening ON events(happening) WHERE happening IS NOT NULL;
        """,
    ),
    (
        5,
        "text search: sentences folded (quotes, dashes, spaces)",
        # events.sentence becomes the folded search text of the evidence sentence (see fold_text); the record
        # keeps the sentence as the source wrote it. The trigram index follows through the update trigger.
        _fold_backfill(),
    ),
    (
        6,
        "events: the trained detector's confidence",
        # The probability the event detector gives the event's type in its sentence; rows coded before it
        # (and rules-only coding) keep null. Their records have no "confidence" key: query reads it as null.
        """
        ALTER TABLE events ADD COLUMN confidence REAL;
        """,
    ),
    (
        7,
        "events: index on the place's country",
        # The place_country filter ("what happened in Mali") walks this index in date order instead of scanning.
        """
        CREATE INDEX events_location_country ON events(location_country, date);
        """,
    ),
    (
        8,
        "documents: index on the url",
        # `dragoman watch` asks "is this feed item's link stored already?" once per item on every poll.
        """
        CREATE INDEX documents_url ON documents(url) WHERE url IS NOT NULL;
        """,
    ),
    (
        9,
        "near-duplicate documents: LSH band keys, links to originals",
        # duplicates.py: the band keys of the originals' MinHash (a new document probes only its own buckets), and
        # each near-duplicate's original with the exact Jaccard of their bodies. Stores coded before have no bands:
        # their documents are simply never found as originals (no backfill: no rescan).
        """
        ALTER TABLE documents ADD COLUMN duplicate_of TEXT REFERENCES documents(doc_id);
        ALTER TABLE documents ADD COLUMN similarity REAL;
        CREATE INDEX documents_duplicate_of ON documents(duplicate_of) WHERE duplicate_of IS NOT NULL;
        CREATE TABLE doc_bands (
            band INTEGER NOT NULL, doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
            PRIMARY KEY (band, doc_id)) WITHOUT ROWID;
        CREATE INDEX doc_bands_doc ON doc_bands(doc_id);
        """,
    ),
    (
        10,
        "stories: documents about the same happening across outlets and days",
        # stories.py: each document's story (written with the document, so a rerun links it once), the stories'
        # summed lead-term counts (cosine), document frequencies ('' counts the documents) and the probe index
        # (term or relaxed happening key, day, story) a new document looks up over its date window. Stores coded
        # before have no stories for their documents: they are never candidates (no backfill: no rescan).
        """
        CREATE TABLE stories (
            story_id TEXT PRIMARY KEY, title TEXT, first_date TEXT, last_date TEXT,
            documents INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX stories_last_date ON stories(last_date);
        CREATE TABLE story_documents (
            doc_id TEXT PRIMARY KEY REFERENCES documents(doc_id) ON DELETE CASCADE,
            story_id TEXT NOT NULL REFERENCES stories(story_id), day TEXT, score REAL, via TEXT);
        CREATE INDEX story_documents_story ON story_documents(story_id, day);
        CREATE TABLE story_terms (
            story_id TEXT NOT NULL, term TEXT NOT NULL, n INTEGER NOT NULL,
            PRIMARY KEY (story_id, term)) WITHOUT ROWID;
        CREATE TABLE story_df (term TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE story_index (
            term TEXT NOT NULL, day TEXT NOT NULL, story_id TEXT NOT NULL,
            PRIMARY KEY (term, day, story_id)) WITHOUT ROWID;
        CREATE INDEX story_index_story ON story_index(story_id, term);
        """,
    ),
    (
        11,
        "events: quad classes as the PLOVER manual's table gives them",
        # REQUEST and SANCTION are verbal conflict and CONCEDE verbal cooperation in PLOVER's table (codes.PLOVER_QUAD);
        # rows coded before carried CAMEO's grouping. The column and the record change together; the side tables
        # follow through the update trigger.
        _quad_backfill(),
    ),
)


def connect(path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> sqlite3.Connection:
    """Open (and migrate) the store. Read-only connections never create or migrate.

    A read-only connection to a store on a read-only mount (or in a folder this user cannot write) falls back to
    SQLite's immutable mode: WAL mode needs a ``-shm`` file beside the database, which cannot be created there.
    """
    path = Path(path)
    try:
        if read_only:
            if not path.exists():
                raise StoreError(
                    f"database {_shown(path)!r} does not exist: code some documents first "
                    f"(dragoman code PATH --db {_shown(path)})"
                )
            conn = _open_read_only(path)
        else:
            if path.parent and not path.parent.exists():
                raise StoreError(f"folder {_shown(path.parent)!r} for database does not exist: create it first")
            # The busy timeout covers every lock below, also a first open racing other processes' first opens.
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False)
            _retry_busy(lambda: conn.execute("PRAGMA journal_mode=WAL"))
            conn.execute("PRAGMA synchronous=NORMAL")
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys=ON")
        if not read_only:
            migrate(conn)
        return conn
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot open database {_shown(path)!r}: {exc}; is it a dragoman SQLite file?") from exc


# Seconds a connection waits for another process's lock before giving up ("database is locked").
BUSY_TIMEOUT = 30.0


def _retry_busy(step: Callable[[], object], *, seconds: float = BUSY_TIMEOUT) -> None:
    """Run ``step``, again while SQLite answers "locked" without waiting (it does when switching a brand-new file
    to WAL while another process does the same: the busy handler is not called for that lock)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            step()
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _shown(path: Path) -> str:
    """A path as text that can always be printed and stored (bytes that are not UTF-8 shown as \\xNN)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _open_read_only(path: Path) -> sqlite3.Connection:
    """``mode=ro``; on a read-only mount or folder, where that fails, ``immutable=1`` (read side only)."""
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, check_same_thread=False)
    try:
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()  # the first read opens the -wal/-shm files
        return conn
    except sqlite3.DatabaseError as exc:
        conn.close()
        # Only "cannot open/write" in a place we cannot write is the read-only mount; anything else is the file's.
        if not isinstance(exc, sqlite3.OperationalError) or (_writable(path) and _writable(path.parent)):
            raise
    # Immutable mode never reads the write-ahead log: a store whose last changes are still in it would lose them.
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise StoreError(
            f"database {_shown(path)!r} is on a read-only mount or folder and its latest changes are still in "
            f"{_shown(wal)!r}, which cannot be read there: where it is writable, run "
            f"`sqlite3 {_shown(path)} 'PRAGMA wal_checkpoint(TRUNCATE)'` once, or copy the folder to a writable place"
        )
    conn = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, check_same_thread=False)
    conn.execute("PRAGMA query_only=ON")
    return conn


def _writable(path: Path) -> bool:
    # access() answers for the caller and the mount: False on a read-only mount and for immutable files, even for root.
    return os.access(path, os.W_OK)


def connect_existing(path: str | Path) -> sqlite3.Connection:
    """A read-only connection to a store that holds dragoman's tables; StoreError when ``path`` is no such store."""
    conn = connect(path, read_only=True)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"cannot read database {str(path)!r}: {exc}; is it a dragoman SQLite file?") from exc
    if not {"documents", "events"} <= tables:
        conn.close()
        raise StoreError(f"database {str(path)!r} has no dragoman tables: code some documents into it first "
                         f"(dragoman code PATH --db {path})")
    return conn


def migrate(conn: sqlite3.Connection) -> None:
    """Apply the migrations not yet recorded, each in its own write transaction.

    Which migrations are done is read inside that transaction (BEGIN IMMEDIATE holds the write lock), so
    processes opening a new store at the same time apply each migration once: the others wait (busy timeout)
    and then find it recorded.
    """
    if _applied(conn) >= {version for version, _d, _s in MIGRATIONS}:
        return  # the usual case, answered without taking the write lock
    for version, description, sql in MIGRATIONS:
        _retry_busy(lambda: conn.execute("BEGIN IMMEDIATE"))
        try:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, description TEXT, applied_at TEXT)"
            )
            if version not in _applied(conn):
                for statement in _statements(sql):
                    conn.execute(statement)
                conn.execute("INSERT INTO migrations VALUES (?, ?, ?)", (version, description, _now()))
            conn.execute("COMMIT")
        except BaseException:
            _rollback(conn)
            raise


def _applied(conn: sqlite3.Connection) -> set[int]:
    """The versions recorded in the migrations table (none when there is no such table yet)."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'").fetchone() is None:
        return set()
    return {row[0] for row in conn.execute("SELECT version FROM migrations")}


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


def _rollback(conn: sqlite3.Connection) -> None:
    # An interrupt (Ctrl-C) can land before BEGIN took effect or after COMMIT finished: then there is
    # nothing to roll back, and the interrupt, not a rollback error, is what the caller must see.
    if conn.in_transaction:
        conn.execute("ROLLBACK")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def known_doc_ids(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT doc_id FROM documents")}


# The columns a recode (write_coded(replace=True)) sets again: all but the keys and the first storing's time.
_DOC_COLUMNS = ("source_id", "format", "status", "error", "title", "section", "dateline", "dateline_places", "agency",
                "published", "url", "author", "site_name", "language", "original", "text", "offsets", "removed")
_EVENT_COLUMNS = ("doc_id", "type", "mode", "cameo", "quad", "modality", "actor_name", "actor_country", "actor_sector",
                  "recipient_name", "recipient_country", "recipient_sector", "date", "date_precision",
                  "location_name", "location_country", "geonameid", "lat", "lon", "dead", "injured", "arrested",
                  "displaced", "sentence", "sentence_start", "trigger_start", "record", "confidence")


def _set_again(columns: Sequence[str]) -> str:
    return ", ".join(f"{column} = excluded.{column}" for column in columns)


def write_coded(conn: sqlite3.Connection, coded: CodedDoc, *, replace: bool = False) -> bool:
    """Store one document and its events atomically. Returns False if it was already stored (and not replaced).

    ``replace`` (a recode): a document already stored takes the new coding in the same one transaction, so a run
    killed at any point leaves it wholly old or wholly new. Its row is updated (doc_id and created_at kept); an
    event produced again (same id: same document, type, trigger offset, actor and recipient) is updated in place,
    keeping its id and its rowid (so its place among the reports of a happening, ``--distinct``); an event no
    longer produced is deleted; a new one is added. The read side follows through the triggers.
    """
    article, clean = coded.article, coded.clean
    conflict = f"DO UPDATE SET {_set_again(_DOC_COLUMNS)}" if replace else "DO NOTHING"
    conn.execute("BEGIN IMMEDIATE")
    try:
        cursor = conn.execute(
            f"""INSERT INTO documents (doc_id, source_id, format, status, error, title, section,
                   dateline, dateline_places, agency, published, url, author, site_name, language,
                   original, text, offsets, removed, created_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT(doc_id) {conflict}""",
            _storable((
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
            )),
        )
        inserted = cursor.rowcount == 1
        if inserted:
            # A copy with its original's very words is one more report of the original's happenings: no events.
            link = _near_duplicate(conn, coded, recode=replace)
            events = () if link is not None and link.same_words else coded.events
            # a store opened under fewer migrations (tests build old stores so) has no confidence column yet
            rows = [_storable(_event_row(event)) for event in events]
            columns = _EVENT_COLUMNS if _has_confidence(conn) else _EVENT_COLUMNS[:-1]
            rows = [row[:1 + len(columns)] for row in rows]
            stored: set[str] = set()
            if replace:
                # Events of the old coding that the new one does not produce again go; the others are updated.
                conn.execute("DELETE FROM events WHERE doc_id = ? AND event_id NOT IN (SELECT value FROM json_each(?))",
                             (coded.doc_id, json.dumps([row[0] for row in rows])))
                stored = {r[0] for r in conn.execute("SELECT event_id FROM events WHERE doc_id = ?", (coded.doc_id,))}
                # A plain UPDATE, not an upsert: inside an upsert the triggers' INSERT OR IGNORE would abort.
                conn.executemany(f"UPDATE events SET {', '.join(f'{c} = ?' for c in columns)} WHERE event_id = ?",
                                 [(*row[1:], row[0]) for row in rows if row[0] in stored])
            fresh = [row for row in rows if row[0] not in stored]
            if fresh:
                conn.executemany(
                    f"""INSERT INTO events (event_id, {", ".join(columns)})
                       VALUES ({", ".join("?" * (1 + len(columns)))})
                       ON CONFLICT(event_id) DO NOTHING""",
                    fresh,
                )
            _story(conn, coded, events)
        conn.execute("COMMIT")
        return inserted
    except BaseException as exc:
        _rollback(conn)
        if isinstance(exc, sqlite3.Error):
            raise StoreError(f"could not store document {coded.source_id!r}: {exc}") from exc
        raise


def _near_duplicate(conn: sqlite3.Connection, coded: CodedDoc, *, recode: bool) -> duplicates.Link | None:
    """Link the document to its original or index it as one (migration 9), in the caller's transaction."""
    if not coded.bands or coded.clean is None or coded.status != "ok":
        return None
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'doc_bands'").fetchone() is None:
        return None  # a store held under fewer migrations (tests build old stores so)
    return duplicates.record(conn, coded.doc_id, coded.clean.body, coded.bands, recode=recode)


def _story(conn: sqlite3.Connection, coded: CodedDoc, events: Sequence[Any]) -> None:
    """Put the document into a story (migration 10), in the caller's transaction; a linked one keeps its story."""
    if coded.clean is None or coded.status != "ok":
        return
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'stories'").fetchone() is None:
        return  # a store held under fewer migrations (tests build old stores so)
    article = coded.article
    title = coded.clean.title or (article.title if article else None)
    rows = [(e.type, e.modality, e.when.date, e.when.precision, e.location.country if e.location else None)
            for e in (events or coded.events)]
    stories.link(conn, coded.doc_id, title=title, body=coded.clean.body,
                 published=article.published if article else None, events=rows, stored=_now())


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _storable(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """``row`` with each lone surrogate as U+FFFD (one character for one: offsets stay true). SQLite takes UTF-8
    only; a name Python decoded from bytes that are not UTF-8, or JSON's "\\udc80", must not stop the batch and
    every rerun with it. Ingest already keeps file names as escaped text; this is the writer's own guard."""
    return tuple(_LONE_SURROGATE.sub("\ufffd", v) if isinstance(v, str) and not v.isascii() else v for v in row)


def _has_confidence(conn: sqlite3.Connection) -> bool:
    return any(row[1] == "confidence" for row in conn.execute("PRAGMA table_info(events)"))


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
        fold_text(event.evidence.sentence),  # the search text; the record holds the sentence as written
        event.evidence.start,
        event.evidence.trigger_start,
        json.dumps(event.to_record(), ensure_ascii=False),
        event.confidence,
    )


def status_counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {row[0]: row[1] for row in conn.execute("SELECT status, COUNT(*) FROM documents GROUP BY status")}


def check_integrity(conn: sqlite3.Connection) -> list[str]:
    """Problems found by SQLite's integrity and foreign-key checks (empty when healthy)."""
    problems = [row[0] for row in conn.execute("PRAGMA integrity_check") if row[0] != "ok"]
    problems += [str(tuple(row)) for row in conn.execute("PRAGMA foreign_key_check")]
    return problems


def write_many(conn: sqlite3.Connection, coded_docs: Sequence[CodedDoc]) -> int:
    return sum(write_coded(conn, coded) for coded in coded_docs)
