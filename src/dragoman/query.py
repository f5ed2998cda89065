"""Reading the store: documents, filtered event pages, counts, stats and map clusters.

Every filter value is bound, never formatted into SQL. Stores with the read side of migration 2
(the per-country side table, the trigram text index, the count tables) and migration 3 (counts by
country and kind) take the fast paths; an older store opened read-only still answers through plain scans.

``EventFilter(distinct=True)`` keeps one report per happening (migration 4's key, see
``store.HAPPENING_KEY_SQL``): of the events matching the filter, those with no earlier matching report of
their happening (lowest rowid, i.e. first stored), and every event with no key. A store from before
migration 4 cannot answer it and says how to upgrade.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

# pydantic (a dependency, which brings typing_extensions) reads only this TypedDict on Python < 3.12 (the API's
# /api/countries is typed by CountryTable).
from typing_extensions import TypedDict

from .errors import QueryError, StoreError
from .store import GRID_CELL, fold_text

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
    place_country: str | None = None  # the event's location ("what happened in Mali"), ISO 3166-1 alpha-3
    actor: str | None = None  # actor name or country, substring
    recipient: str | None = None
    q: str | None = None  # text search in the evidence sentence
    date_from: str | None = None
    date_to: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    doc_id: str | None = None
    distinct: bool = False  # one row per happening: the first stored report of each (and every keyless event)

    def where(self) -> tuple[str, list[Any]]:
        """``WHERE ...`` over ``events e`` alone (plain scans: the text search is a LIKE, not the index)."""
        clauses, params = _residual(self, "e", None, dense_q=True)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


SORTS = {
    "date": "date ASC, event_id",
    "-date": "date DESC, event_id",
    "type": "type ASC, event_id",
    "doc": "doc_id, sentence_start, event_id",
}
# The same orders as (column, descending) pairs, to sort keys merged from several index walks in Python.
SORT_KEYS: dict[str, tuple[tuple[str, bool], ...]] = {
    "date": (("date", False), ("event_id", False)),
    "-date": (("date", True), ("event_id", False)),
    "type": (("type", False), ("event_id", False)),
    "doc": (("doc_id", False), ("sentence_start", False), ("event_id", False)),
}
# Counts stop here: counting every match of a broad filter over millions of events costs seconds.
COUNT_CAP = 10_000
# A name search with more matching distinct names than this is filtered row by row instead.
MAX_NAME_BRANCHES = 20
# Columns event_countries copies from events, so its covering index answers these filters alone.
_COPIED = ("type", "quad", "modality")


@dataclass(frozen=True, slots=True)
class _Branch:
    """One index walk: ``FROM ... WHERE ...`` over events ``e`` (and event_countries ``c`` when it drives)."""

    where: str
    params: list[Any]
    driver: str  # the alias whose date, type and event_id order the walk: "c" or "e"
    needs_e: bool  # a condition reads events' own columns

    def sql(self, *, join: bool = False) -> str:
        """``FROM ... WHERE ...``; ``join`` when the caller reads events' columns (records, the doc sort)."""
        if self.driver == "e":
            return "FROM events e" + self.where
        # Join events only when a condition or the caller needs its columns; CROSS JOIN keeps c as the outer loop.
        joined = " CROSS JOIN events e ON e.event_id = c.event_id" if join or self.needs_e else ""
        return "FROM event_countries c" + joined + self.where


def has_read_side(conn: sqlite3.Connection) -> bool:
    """True when migration 2 (side tables, text index, aggregates) is in this store."""
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'event_countries'").fetchone()
    return row is not None


# A text search matching at least this many events walks the sort index and tests each row instead:
# collecting every hit from the text index and sorting them all costs seconds on a big store.
DENSE_TEXT_HITS = 2000


def _dense_text(conn: sqlite3.Connection, q: str | None) -> bool:
    folded = fold_text(q) if q is not None else ""
    if len(folded) < 3:
        return False
    sql = "SELECT COUNT(*) FROM (SELECT rowid FROM events_fts WHERE events_fts MATCH ? LIMIT ?)"
    return int(conn.execute(sql, [_phrase(folded), DENSE_TEXT_HITS]).fetchone()[0]) >= DENSE_TEXT_HITS


def _phrase(folded: str) -> str:
    return '"' + folded.replace('"', '""') + '"'


def _sentence_like(row: str, q: str) -> tuple[str, list[Any]]:
    """Substring match that folds letter case as the trigram index does, accented capitals included.

    SQLite's LIKE folds ASCII only ("ÉTATS" would miss "États" here yet match through the index). A search with
    accented letters takes them as any character in the LIKE, then a GLOB with a class of each letter's cases
    ("é" -> "[Éé]") checks the rows it keeps: GLOB alone scans 8x slower than LIKE.
    """
    folded = fold_text(q)
    like = f"{row}.sentence LIKE ? ESCAPE '\\'"
    if not any(_accented_letter(ch) for ch in folded):
        return like, [f"%{_like_escape(folded)}%"]
    loose = "".join("_" if _accented_letter(ch) else _like_escape(ch) for ch in folded)
    return f"({like} AND {row}.sentence GLOB ?)", [f"%{loose}%", f"*{_glob_cases(folded)}*"]


def _accented_letter(ch: str) -> bool:
    return not ch.isascii() and ch.lower() != ch.upper()


def _glob_cases(text: str) -> str:
    out = []
    for ch in text:
        cases = sorted({ch, *(c for c in (ch.lower(), ch.upper()) if len(c) == 1)})
        if len(cases) > 1 or ch in "*?[":
            out.append("[" + "".join(cases) + "]")
        else:
            out.append(ch)
    return "".join(out)


def _text_clause(q: str, *, dense: bool = False) -> tuple[str, list[Any]]:
    """Substring search in the evidence sentence: the trigram index from 3 characters, a scan below
    (and for text so common that a page fills after a few rows of the sort index).

    Both sides are folded (``store.fold_text``): events.sentence holds the folded sentence, and so does the
    index, so "Sheriff\u2019s Office" and "Sheriff's Office" find the same events. A store from before
    migration 5 opened read-only holds the cleaned sentences: straight quotes, but dashes as written.
    """
    folded = fold_text(q)
    if len(folded) >= 3 and not dense:
        return "e.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)", [_phrase(folded)]
    return _sentence_like("e", q)


def _residual(flt: EventFilter, driver: str, skip: str | None, *, dense_q: bool = False, row: str = "e",
              stream: bool = False) -> tuple[list[str], list[Any]]:
    """Conditions of ``flt`` other than the driving group ``skip``, on the driver's copies where it has them.

    ``row`` is the alias of the events row tested (``h`` inside the distinct probe, which tests earlier reports).
    ``stream``: the rows are read to the end in sort order (exports, the CLI); a modality is then tested row by
    row ("+" keeps SQLite off events_modality): most events are asserted, and walking that index would sort the
    whole store in a temporary table before the first row comes out.
    """
    clauses: list[str] = []
    params: list[Any] = []
    for column in ("type", "mode", "quad", "modality", "doc_id"):
        value = getattr(flt, column)
        if value is not None:
            alias = driver if column in _COPIED else row
            plus = "+" if stream and column == "modality" and alias == "e" else ""
            clauses.append(f"{plus}{alias}.{column} = ?")
            params.append(value)
    if flt.country is not None and skip != "country":
        clauses.append(f"({row}.actor_country = ? OR {row}.recipient_country = ?)")
        params += [flt.country, flt.country]
    if flt.place_country is not None:
        clauses.append(f"{row}.location_country = ?")
        params.append(flt.place_country)
    for role, value in (("actor", flt.actor), ("recipient", flt.recipient)):
        if value is not None and skip != role:
            clauses.append(f"({row}.{role}_name LIKE ? ESCAPE '\\' OR {row}.{role}_country = ?)")
            params += [f"%{_like_escape(value)}%", value.upper()]
    if flt.q is not None:
        if row == "e":
            clause, values = _text_clause(flt.q, dense=dense_q)
        else:  # a probe tests a handful of rows: LIKE matches what the trigram index matches
            clause, values = _sentence_like(row, flt.q)
        clauses.append(clause)
        params += values
    if flt.date_from is not None:
        clauses.append(f"{driver}.date >= ?")
        params.append(flt.date_from)
    if flt.date_to is not None:
        clauses.append(f"{driver}.date <= ?")
        params.append(flt.date_to)
    if flt.bbox is not None:
        min_lon, min_lat, max_lon, max_lat = flt.bbox
        clauses.append(f"{row}.lat BETWEEN ? AND ? AND {row}.lon BETWEEN ? AND ?")
        params += [min_lat, max_lat, min_lon, max_lon]
    if flt.distinct and row == "e":
        clause, values = _first_report_clause(flt)
        clauses.append(clause)
        params += values
    return clauses, params


def _first_report_clause(flt: EventFilter) -> tuple[str, list[Any]]:
    """``e`` is the first stored report of its happening among the events matching ``flt`` (or has no key).

    The probe walks events_happening from (e.happening, lowest rowid) and stops at the first earlier report
    that also matches the filter: one index seek when, as usual, a happening has a few reports. The filter is
    applied to the earlier reports too, so a filter on something outside the key (text, names, mode, document)
    keeps the first report that matches it instead of dropping the happening.
    """
    clauses, params = _residual(flt, "h", None, row="h")
    extra = "".join(f" AND {clause}" for clause in clauses)
    return (f"(e.happening IS NULL OR NOT EXISTS (SELECT 1 FROM events h WHERE h.happening = e.happening "
            f"AND h.rowid < e.rowid{extra}))", params)


def has_happening(conn: sqlite3.Connection) -> bool:
    """True when migration 4 (happening keys) is in this store."""
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'events_happening'").fetchone()
    return row is not None


def check_distinct(conn: sqlite3.Connection, flt: EventFilter) -> None:
    """StoreError naming the fix when ``flt`` asks for distinct rows of a store from before migration 4."""
    if flt.distinct and not has_happening(conn):
        raise StoreError(
            "this store was written before migration 4 (happening keys), so one row per happening (distinct) "
            "cannot be answered: upgrade it by opening it for writing once, e.g. run `dragoman code PATH --db "
            "FILE` with any input (stored documents are not coded again), then ask again"
        )


def _branch(head: str, head_params: list[Any], flt: EventFilter, driver: str, skip: str | None,
            *, dense_q: bool = False, stream: bool = False) -> _Branch:
    clauses, params = _residual(flt, driver, skip, dense_q=dense_q, stream=stream)
    if head:
        clauses.insert(0, head)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    needs_e = any(re.search(r"\be\.", clause) for clause in clauses)
    return _Branch(where, head_params + params, driver, needs_e)


def _branches(conn: sqlite3.Connection, flt: EventFilter, *, stream: bool = False) -> list[_Branch]:
    """The filter as a union of index walks, each in sort order. Countries drive through event_countries;
    an actor/recipient search is its country code plus one walk per matching distinct name."""
    dense = _dense_text(conn, flt.q)
    if flt.country is not None:
        return [_branch("c.country = ?", [flt.country], flt, "c", "country", dense_q=dense, stream=stream)]
    for role, value, bit in (("actor", flt.actor, 1), ("recipient", flt.recipient, 2)):
        if value is None:
            continue
        out = [_branch("c.country = ? AND (c.role & ?) != 0", [value.upper(), bit], flt, "c", role, dense_q=dense,
                       stream=stream)]
        names = [row[0] for row in conn.execute(
            "SELECT name FROM event_names WHERE role = ? AND name LIKE ? ESCAPE '\\' LIMIT ?",
            (role, f"%{_like_escape(value)}%", MAX_NAME_BRANCHES + 1))]
        if len(names) > MAX_NAME_BRANCHES:
            # Too many names to walk one by one: filter every row (slow on huge stores, still correct).
            return [_branch("", [], flt, "e", None, dense_q=dense, stream=stream)]
        out += [_branch(f"e.{role}_name = ?", [name], flt, "e", role, dense_q=dense, stream=stream)
                for name in names]
        return out
    return [_branch("", [], flt, "e", None, dense_q=dense, stream=stream)]


def _key_columns(sort: str, driver: str) -> list[str]:
    return [f"{driver if column in ('date', 'type', 'event_id') else 'e'}.{column}" for column, _ in SORT_KEYS[sort]]


def _order_sql(sort: str, driver: str) -> str:
    return ", ".join(f"{col}{' DESC' if desc else ''}"
                     for col, (_, desc) in zip(_key_columns(sort, driver), SORT_KEYS[sort], strict=True))


def _sort_rows(rows: list[tuple[Any, ...]], sort: str) -> list[tuple[Any, ...]]:
    """Sort key rows as SQLite would (NULL first ascending, last descending), one stable pass per column."""
    for i, (_, desc) in reversed(list(enumerate(SORT_KEYS[sort]))):
        rows.sort(key=_nulls_first(i), reverse=desc)
    return rows


def _nulls_first(column: int) -> Callable[[tuple[Any, ...]], tuple[bool, Any]]:
    """The sort key of a row by its ``column``, NULL before any value."""

    def key(row: tuple[Any, ...]) -> tuple[bool, Any]:
        return (row[column] is not None, row[column])

    return key


def _check_sort(sort: str) -> None:
    if sort not in SORTS:
        raise QueryError(f"unknown sort {sort!r}: use one of {', '.join(SORTS)}")


def _plan(conn: sqlite3.Connection, flt: EventFilter, *, stream: bool = False) -> list[_Branch] | None:
    """The index walks answering ``flt``, or None for a store without the read side (plain scans)."""
    check_distinct(conn, flt)
    return _branches(conn, flt, stream=stream) if has_read_side(conn) else None


def _page_ids(conn: sqlite3.Connection, flt: EventFilter, branches: list[_Branch] | None, sort: str, limit: int,
              offset: int) -> list[str]:
    if branches is None:
        where, params = flt.where()
        rows = conn.execute(f"SELECT event_id FROM events e{where} ORDER BY {SORTS[sort]} LIMIT ? OFFSET ?",
                            [*params, limit, offset])
        return [row[0] for row in rows]

    def keys_sql(b: _Branch) -> str:
        return (f"SELECT {', '.join(_key_columns(sort, b.driver))} {b.sql(join=sort == 'doc')} "
                f"ORDER BY {_order_sql(sort, b.driver)}")

    if len(branches) == 1:
        b = branches[0]
        return [row[-1] for row in conn.execute(keys_sql(b) + " LIMIT ? OFFSET ?", [*b.params, limit, offset])]
    merged: dict[str, tuple[Any, ...]] = {}
    for b in branches:
        for row in conn.execute(keys_sql(b) + " LIMIT ?", [*b.params, offset + limit]):
            merged[row[-1]] = tuple(row)
    return [row[-1] for row in _sort_rows(list(merged.values()), sort)[offset:offset + limit]]


def _count(conn: sqlite3.Connection, flt: EventFilter, branches: list[_Branch] | None, cap: int | None) -> int:
    stop = [] if cap is None else [cap + 1]
    limit_sql = "" if cap is None else " LIMIT ?"
    if branches is None:
        where, params = flt.where()
        return int(conn.execute(f"SELECT COUNT(*) FROM (SELECT 1 FROM events e{where}{limit_sql})",
                                [*params, *stop]).fetchone()[0])
    if len(branches) == 1:
        b = branches[0]
        sql = f"SELECT COUNT(*) FROM (SELECT 1 {b.sql()}{limit_sql})"
        return int(conn.execute(sql, [*b.params, *stop]).fetchone()[0])
    seen: set[str] = set()
    for b in branches:
        rows = conn.execute(f"SELECT {b.driver}.event_id {b.sql()}{limit_sql}", [*b.params, *stop])
        seen.update(row[0] for row in rows)
        if cap is not None and len(seen) > cap:
            return cap + 1
    return len(seen)


def page_event_ids(conn: sqlite3.Connection, event_filter: EventFilter | None = None, *, sort: str = "-date",
                   limit: int, offset: int = 0) -> list[str]:
    """The ids of one page of matching events, in order: each branch walks an index and stops early."""
    _check_sort(sort)
    flt = event_filter or EventFilter()
    return _page_ids(conn, flt, _plan(conn, flt), sort, limit, offset)


def event_page(conn: sqlite3.Connection, event_filter: EventFilter | None = None, *, sort: str = "-date",
               limit: int, offset: int = 0, count: bool = True, cap: int | None = None
               ) -> tuple[list[dict[str, Any]], int | None]:
    """One page of records and (with ``count``) how many match, capped as in count_events.

    The filter is planned once for both: its text-density probe and name lookups are not run twice.
    """
    _check_sort(sort)
    flt = event_filter or EventFilter()
    branches = _plan(conn, flt)
    records = records_by_id(conn, _page_ids(conn, flt, branches, sort, limit, offset))
    return records, (_count(conn, flt, branches, cap) if count else None)


def event_record(stored: str) -> dict[str, Any]:
    """A stored event record as served: rows written before the detector (store migration 6) and rules-only
    coding read ``"confidence": null``."""
    record = json.loads(stored)
    record.setdefault("confidence", None)
    return record


def records_by_id(conn: sqlite3.Connection, event_ids: Sequence[str]) -> list[dict[str, Any]]:
    """Event records for these ids, in the same order (ids not found are left out)."""
    found: dict[str, str] = {}
    for chunk in range(0, len(event_ids), 500):
        ids = list(event_ids[chunk:chunk + 500])
        marks = ", ".join("?" * len(ids))
        found.update(conn.execute(f"SELECT event_id, record FROM events WHERE event_id IN ({marks})", ids).fetchall())
    return [event_record(found[event_id]) for event_id in event_ids if event_id in found]


def report_counts(conn: sqlite3.Connection, event_ids: Sequence[str]) -> dict[str, int]:
    """How many stored events report the happening of each of these events (1 for an event with no key).

    All stored reports are counted, whatever filter found the event: one probe of events_happening each.
    """
    check_distinct(conn, EventFilter(distinct=True))
    found: dict[str, int] = {}
    for chunk in range(0, len(event_ids), 500):
        ids = list(event_ids[chunk:chunk + 500])
        marks = ", ".join("?" * len(ids))
        found.update(conn.execute(
            "SELECT e.event_id, CASE WHEN e.happening IS NULL THEN 1 ELSE (SELECT COUNT(*) FROM events h "
            f"WHERE h.happening = e.happening) END FROM events e WHERE e.event_id IN ({marks})", ids).fetchall())
    return {event_id: int(found[event_id]) for event_id in event_ids if event_id in found}


def has_duplicates(conn: sqlite3.Connection) -> bool:
    """True when migration 9 (near-duplicate links, documents.duplicate_of) is in this store."""
    return any(row[1] == "duplicate_of" for row in conn.execute("PRAGMA table_info(documents)"))


def happening_evidence(conn: sqlite3.Connection, event_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """The evidence of each event's happening, GDELT's NumMentions/NumSources/NumArticles made right for copies.

    ``reports``: the stored events of the happening, plus one per event for each copy of its document with the same
    words (stored without events of its own, see duplicates.py); ``documents``: the documents those reports are in;
    ``sources``: the independent outlets among them, a near-duplicate counted as its original's outlet (the
    original's site_name, else its URL's host, else the original document itself); ``first_report`` and
    ``last_report``: the earliest and latest publication date of those documents (null when none states one).
    An event with no happening key is its own happening.
    """
    check_distinct(conn, EventFilter(distinct=True))
    links = has_duplicates(conn)
    out: dict[str, dict[str, Any]] = {}
    for event_id in event_ids:
        row = conn.execute("SELECT happening, doc_id FROM events WHERE event_id = ?", (event_id,)).fetchone()
        if row is None:
            continue
        docs = [row[1]] if row[0] is None else [r[0] for r in conn.execute(
            "SELECT doc_id FROM events WHERE happening = ?", (row[0],))]
        out[event_id] = _evidence(conn, docs, links=links)
    return out


def happenings_with_claims(conn: sqlite3.Connection, event_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """``happening_evidence`` with each happening's claims added: ``disputed`` and ``figures`` (each figure's claims
    side by side, range, disputed, default), read for all the events at once (claims.claims_by_event)."""
    from .claims import claims_by_event, figures_record

    found = happening_evidence(conn, event_ids)
    claimed = claims_by_event(conn, event_ids)
    for event_id, counts in found.items():
        item = claimed.get(event_id)
        counts.update(disputed=bool(item and item.disputed), figures=figures_record(item) if item else [])
    return found


def _evidence(conn: sqlite3.Connection, reported_in: list[str], *, links: bool) -> dict[str, Any]:
    """Counts over the documents holding the reports (one entry per report) and their same-words copies."""
    # Ids go in as one JSON array: a happening reported thousands of times would pass SQLite's limit of variables.
    copies: dict[str, list[str]] = {}
    if links:
        for copy, original in conn.execute(
                "SELECT doc_id, duplicate_of FROM documents WHERE duplicate_of IN (SELECT value FROM json_each(?)) "
                "AND similarity = 1.0", (json.dumps(sorted(set(reported_in))),)):
            copies.setdefault(original, []).append(copy)
    reports = [*reported_in, *(c for doc in reported_in for c in copies.get(doc, []))]
    wanted = sorted(set(reports))
    columns = "doc_id, site_name, url, published, " + ("duplicate_of" if links else "NULL")
    select = f"SELECT {columns} FROM documents WHERE doc_id IN (SELECT value FROM json_each(?))"
    info = {r[0]: r for r in conn.execute(select, (json.dumps(wanted),))}
    missing = sorted({info[d][4] or d for d in wanted if d in info} - set(info))  # originals reporting nothing
    if missing:
        info.update({r[0]: r for r in conn.execute(select, (json.dumps(missing),))})
    dates = sorted(info[d][3] for d in wanted if d in info and info[d][3])
    return {"reports": len(reports), "documents": len(wanted),
            "sources": len({_outlet(info.get(info[d][4] or d, info[d])) for d in wanted if d in info}),
            "first_report": dates[0] if dates else None, "last_report": dates[-1] if dates else None}


def _outlet(doc: Sequence[Any]) -> str:
    """An outlet's name for counting sources: the site's name, else the URL's host, else the document itself."""
    if doc[1]:
        return f"site:{str(doc[1]).strip().lower()}"
    try:
        host = urlsplit(doc[2]).hostname if doc[2] else None
    except ValueError:  # a stored URL that is no URL ("http://[oops"): the document is its own outlet
        host = None
    if host:
        return f"site:{host.removeprefix('www.')}"
    return f"doc:{doc[0]}"


def iter_events(
    conn: sqlite3.Connection,
    event_filter: EventFilter | None = None,
    *,
    sort: str = "doc",
    limit: int | None = None,
    offset: int = 0,
) -> Iterator[dict[str, Any]]:
    """Event records (DESIGN.md shape) matching the filter."""
    _check_sort(sort)
    flt = event_filter or EventFilter()
    if limit is not None:
        # Sort and page on the narrow keys first, then read only the page's JSON records.
        yield from records_by_id(conn, page_event_ids(conn, flt, sort=sort, limit=limit, offset=offset))
        return
    branches = _plan(conn, flt, stream=True) or []
    if len(branches) == 1:
        b = branches[0]
        sql = f"SELECT e.record {b.sql(join=True)} ORDER BY {_order_sql(sort, b.driver)}"
        params = b.params
    else:
        clauses, params = _residual(flt, "e", None, dense_q=True, stream=True)
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        sql = f"SELECT record FROM events e{where} ORDER BY {SORTS[sort]}"
    # A store that breaks mid-read (damaged pages, a file changed under us) is a StoreError with its fix, so that
    # exports end loudly instead of looking complete; callers say how many records came out before it.
    try:
        for row in conn.execute(sql, params):
            yield event_record(row[0])
    except (sqlite3.DatabaseError, ValueError) as exc:
        raise StoreError(
            f"the events could not be read ({type(exc).__name__}: {exc}): the database is damaged or another "
            "program changed it; check it with `sqlite3 FILE 'PRAGMA integrity_check'`, then restore it from a "
            "backup or code the inputs again into a new --db"
        ) from exc


def export_error_line(fmt: str, message: str) -> str:
    """The last line of a broken export (API and CLI), which no reader can take for an event: in JSONL the API's
    error object (no ``event_id``), in CSV one quoted field starting with "#ERROR" where rows hold 16 hex digits."""
    if fmt == "jsonl":
        return json.dumps({"error": {"status": 500, "code": "export_failed", "message": message}},
                          ensure_ascii=False) + "\n"
    text = f"#ERROR: {message}".replace('"', '""')
    return f'"{text}"\r\n'


def count_events(conn: sqlite3.Connection, event_filter: EventFilter | None = None, *,
                 cap: int | None = None) -> int:
    """How many events match; with ``cap``, counting stops at ``cap + 1`` (read: more than ``cap``)."""
    flt = event_filter or EventFilter()
    return _count(conn, flt, _plan(conn, flt), cap)


def _and(where: str, clause: str) -> str:
    """Add a fixed clause (no values) to a WHERE built by EventFilter.where()."""
    return f"{where} AND {clause}" if where else f" WHERE {clause}"


def get_event(conn: sqlite3.Connection, event_id: str) -> dict[str, Any] | None:
    """One event record by id, or None."""
    row = conn.execute("SELECT record FROM events WHERE event_id = ?", (event_id,)).fetchone()
    return event_record(row[0]) if row else None


def doc_events(conn: sqlite3.Connection, doc_id: str) -> list[dict[str, Any]]:
    """The event records of one document, in text order."""
    rows = conn.execute(
        "SELECT record FROM events WHERE doc_id = ? ORDER BY sentence_start, event_id", (doc_id,)
    )
    return [event_record(row[0]) for row in rows]


_STATS_GROUPS = """
        SELECT 'type', type, COUNT(*) FROM f GROUP BY 2
        UNION ALL SELECT 'quad', quad, COUNT(*) FROM f GROUP BY 2
        UNION ALL SELECT 'modality', modality, COUNT(*) FROM f GROUP BY 2
        UNION ALL SELECT 'day', date, COUNT(*) FROM f GROUP BY 2"""


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


def _count_clauses(fields: dict[str, Any], *, kind_alias: str, day_alias: str) -> tuple[list[str], list[Any]]:
    """Conditions of a kind/date filter on the count tables (day '' is the undated day, quad '' no quad)."""
    clauses: list[str] = []
    params: list[Any] = []
    for name in _COPIED:
        if name in fields:
            clauses.append(f"{kind_alias}{name} = ?")
            params.append(fields[name])
    if "date_from" in fields or "date_to" in fields:
        clauses.append(f"{day_alias}day != ''")
    for name, op in (("date_from", ">="), ("date_to", "<=")):
        if name in fields:
            clauses.append(f"{day_alias}day {op} ?")
            params.append(fields[name])
    return clauses, params


def _stats_from_counts(conn: sqlite3.Connection, fields: dict[str, Any]) -> Iterator[tuple[str, Any, int]]:
    """Stats rows for a filter of only type, quad, modality and dates, read off the count tables."""
    clauses, params = _count_clauses(fields, kind_alias="", day_alias="")
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    dated = "date_from" in fields or "date_to" in fields
    # Undated, the 80-odd rows of agg_kind; dated, the days in range of agg_daily.
    kinds = f"SELECT type, quad, modality, SUM(n) FROM agg_daily{where} GROUP BY 1, 2, 3" if dated else \
        f"SELECT type, quad, modality, n FROM agg_kind{where}"
    for type_, quad, modality, n in conn.execute(kinds, params):
        yield "type", type_, n
        yield "quad", quad or None, n
        yield "modality", modality, n
    for day, n in conn.execute(f"SELECT day, SUM(n) FROM agg_daily{where} GROUP BY 1", params):
        yield "day", day or None, n
    if not any(name in fields for name in _COPIED):
        countries = f"SELECT country, SUM(n) FROM agg_country{where} GROUP BY 1"
    else:
        # The kinds present (agg_kind, a few rows) drive: each is one key range of agg_country_kind, so a
        # quad or modality alone does not scan it. CROSS JOIN keeps agg_kind the outer loop.
        clauses, params = _count_clauses(fields, kind_alias="k.", day_alias="a.")
        countries = ("SELECT a.country, SUM(a.n) FROM agg_kind k CROSS JOIN agg_country_kind a "
                     "ON a.type = k.type AND a.quad = k.quad AND a.modality = k.modality "
                     f"WHERE {' AND '.join(clauses)} GROUP BY 1")
    for key, n in conn.execute(countries, params):
        yield "country", key, n


def _stats_rows(conn: sqlite3.Connection, flt: EventFilter) -> Iterator[tuple[str, Any, int]]:
    """(kind, key, count) rows for event_stats, from the cheapest source that answers the filter."""
    check_distinct(conn, flt)
    # distinct=False is no filter; distinct=True takes the scan below (the count tables count every report).
    fields = {name: getattr(flt, name) for name in flt.__dataclass_fields__
              if getattr(flt, name) is not None and getattr(flt, name) is not False}
    read_side = has_read_side(conn)
    kind_filtered = any(name in fields for name in _COPIED)
    # Only dates, or type, quad and modality with them: the count tables the triggers keep (those by country
    # and kind come with migration 3). They store a missing quad as '': a filter on quad '' is left to the scan.
    if read_side and set(fields) <= {"date_from", "date_to", *_COPIED} and (
            not kind_filtered or (fields.get("quad") != "" and _has_table(conn, "agg_country_kind"))):
        yield from _stats_from_counts(conn, fields)
        return
    if read_side and "country" in fields and set(fields) <= {"country", "date_from", "date_to", *_COPIED}:
        # One country: its covering index holds every column counted; the partner is the other country.
        # Three short walks of that index beat one pass into a temporary table.
        b = _branch("c.country = ?", [flt.country], flt, "c", "country")
        total = 0
        for type_, quad, modality, n in conn.execute(f"SELECT c.type, c.quad, c.modality, COUNT(*) {b.sql()} "
                                                     "GROUP BY 1, 2, 3", b.params):
            total += n
            yield "type", type_, n
            yield "quad", quad, n
            yield "modality", modality, n
        for day, n in conn.execute(f"SELECT c.date, COUNT(*) {b.sql()} GROUP BY 1", b.params):
            yield "day", day, n
        for partner, n in conn.execute(f"SELECT c.partner, COUNT(*) {b.sql()} AND c.partner IS NOT NULL GROUP BY 1",
                                       b.params):
            yield "country", partner, n
        yield "country", flt.country, total
        return
    where, params = flt.where()
    # One pass over the filter into a materialized CTE, then every grouping over that small table.
    sql = f"""
        WITH f AS MATERIALIZED (
            SELECT type, quad, modality, date, actor_country, recipient_country FROM events e{where})
        {_STATS_GROUPS}
        UNION ALL SELECT 'country', country, COUNT(*) FROM (
            SELECT actor_country AS country FROM f
            UNION ALL  -- an event counts once for a country its actor and recipient share
            SELECT recipient_country FROM f WHERE recipient_country IS NOT actor_country) GROUP BY 2"""
    yield from conn.execute(sql, params)


def event_stats(conn: sqlite3.Connection, event_filter: EventFilter | None = None, *,
                top_countries: int = 50) -> dict[str, Any]:
    """Counts of the matching events: total, by type, quad, modality, day and country (actor or recipient)."""
    groups: dict[str, dict[Any, int]] = {"type": {}, "quad": {}, "modality": {}, "day": {}, "country": {}}
    for kind, key, n in _stats_rows(conn, event_filter or EventFilter()):
        if n:
            groups[kind][key] = groups[kind].get(key, 0) + int(n)
    undated = groups["day"].pop(None, 0)
    countries = sorted(((k, n) for k, n in groups["country"].items() if k is not None), key=lambda kn: (-kn[1], kn[0]))
    return {
        "total": sum(groups["type"].values()),
        "by_type": {str(k): n for k, n in sorted(groups["type"].items())},
        "by_quad": {str(k): n for k, n in sorted((k, n) for k, n in groups["quad"].items() if k is not None)},
        "by_modality": {str(k): n for k, n in sorted(groups["modality"].items())},
        "by_day": {str(k): n for k, n in sorted(groups["day"].items())},
        "by_country": dict(countries[:top_countries]),
        "undated": undated,
    }


def _cluster(conn: sqlite3.Connection, n: int, lat: float, lon: float, rowid: int | None,
             type_min: str | None, type_max: str | None) -> dict[str, Any]:
    event_id = None
    if n == 1 and rowid is not None:
        row = conn.execute("SELECT event_id, type FROM events WHERE rowid = ?", (rowid,)).fetchone()
        if row is not None:
            event_id, type_min, type_max = row[0], row[1], row[1]
    return {"lat": round(float(lat), 5), "lon": round(float(lon), 5), "count": int(n), "event_id": event_id,
            "type": type_min if type_min == type_max else None}


def event_clusters(conn: sqlite3.Connection, event_filter: EventFilter | None = None, *, cell: float,
                   limit: int = 5000) -> list[dict[str, Any]]:
    """Located events grouped on a grid of ``cell`` degrees: centre, count, and the event id when alone."""
    if not cell > 0:
        raise QueryError(f"cluster cell size {cell!r} must be a positive number of degrees")
    flt = event_filter or EventFilter()
    check_distinct(conn, flt)
    factor = cell / GRID_CELL
    if flt == EventFilter() and factor >= 1 and factor == 2 ** round(math.log2(factor)) and has_read_side(conn):
        # Unfiltered and no finer than the stored grid: add up its cells. A lone event is found again by place.
        sql = """SELECT CAST(floor(gy / ?) AS INTEGER) AS y, CAST(floor(gx / ?) AS INTEGER) AS x, SUM(n) AS total,
                        SUM(sum_lat) / SUM(n), SUM(sum_lon) / SUM(n), MIN(min_type), MAX(max_type)
                 FROM agg_grid GROUP BY y, x ORDER BY total DESC LIMIT ?"""
        out = []
        for gy, gx, n, lat, lon, type_min, type_max in conn.execute(sql, [factor, factor, limit]):
            rowid = None
            if n == 1:
                found = conn.execute(
                    "SELECT rowid FROM events WHERE lat >= ? AND lat < ? AND lon >= ? AND lon < ? LIMIT 1",
                    (gy * cell, (gy + 1) * cell, gx * cell, (gx + 1) * cell)).fetchone()
                rowid = found[0] if found else None
            out.append(_cluster(conn, n, lat, lon, rowid, type_min, type_max))
        return out
    where, params = flt.where()
    located = _and(where, "lat IS NOT NULL AND lon IS NOT NULL")
    # MIN(rowid), not MIN(event_id): rowid is in every index, so a covering index answers the grouping.
    sql = f"""
        SELECT CAST(floor(lat / ?) AS INTEGER) AS gy, CAST(floor(lon / ?) AS INTEGER) AS gx,
               COUNT(*) AS n, AVG(lat), AVG(lon), MIN(rowid), MIN(type), MAX(type)
        FROM events e{located} GROUP BY gy, gx ORDER BY n DESC LIMIT ?"""
    rows = conn.execute(sql, [cell, cell, *params, limit]).fetchall()
    return [_cluster(conn, n, lat, lon, rowid, type_min, type_max)
            for _gy, _gx, n, lat, lon, rowid, type_min, type_max in rows]


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A value safe to open in a spreadsheet: text that would start a formula gets a leading apostrophe.

    News text is untrusted; "=HYPERLINK(...)" in a headline must stay text in Excel or LibreOffice.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


class CountryName(TypedDict):
    code: str  # ISO 3166-1 alpha-3
    name: str


class CountryTable(TypedDict):
    """What a country box may take: every country code with its name, each name form folded -> code, and the
    actor codes that name no country (IGO, UNO, ...: an actor's "country", never a place's)."""

    countries: list[CountryName]
    forms: dict[str, str]
    actor_codes: list[str]


def fold_country(text: str) -> str:
    """A country name as the UI's box compares it: accents off, lower case, runs of other characters one space
    ("Côte d'Ivoire" -> "cote d ivoire"). app.js folds what is typed the same way."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", " ", bare).strip()


def _display_name(country: Any) -> str:
    # "Iran, Islamic Republic of" -> "Islamic Republic of Iran": ISO's inverted names read badly in a list.
    name = str(getattr(country, "common_name", None) or country.name)
    head, sep, tail = name.partition(", ")
    return f"{tail} {head}" if sep else name


@lru_cache(maxsize=1)
def country_table() -> CountryTable:
    """The countries lexicon (``lexicon.countries``: ISO names, the aliases, adjectives and demonyms we write) as
    the UI's country boxes read it, so "Mali", "mali", "Malian" and "MLI" all mean MLI. Capitals are left out: in a
    country box "Bamako" is more likely a mistake than a country. A folded form naming two countries is dropped."""
    import pycountry

    from .lexicon import bodies, countries

    forms: dict[str, str] = {}
    ambiguous: set[str] = set()
    first_name: dict[str, str] = {}  # code -> its first name or alias in the lexicon (for codes ISO lacks: XKX)
    for form, entry in countries().items():
        key = fold_country(form)
        if entry.kind == "capital" or not key:
            continue
        if entry.kind in ("name", "alias"):
            first_name.setdefault(entry.iso3, form)
        if forms.setdefault(key, entry.iso3) != entry.iso3:
            ambiguous.add(key)
    for key in ambiguous:
        del forms[key]
    names = {c.alpha_3: _display_name(c) for c in pycountry.countries}
    for code, form in first_name.items():
        names.setdefault(code, form if form.isupper() else form.title())
    for code, name in names.items():
        forms.setdefault(fold_country(name), code)
    actor_codes = sorted({entry.code for entry in bodies().values() if entry.code and entry.code not in names})
    rows = [CountryName(code=code, name=name) for code, name in names.items()]
    return CountryTable(countries=sorted(rows, key=lambda row: fold_country(row["name"])), forms=forms,
                        actor_codes=actor_codes)
