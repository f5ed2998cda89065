"""Checks shared by the stats tests: brute-force counts by country and kind over the events table."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from dragoman import query, store

FILTERS = (
    query.EventFilter(type="ASSAULT"),
    query.EventFilter(type="AID", date_from="2024-02-01", date_to="2024-03-15"),
    query.EventFilter(quad="material_conflict", modality="future"),
    query.EventFilter(modality="asserted", date_to="2024-02-14"),
    query.EventFilter(quad="verbal_conflict", date_from="2024-03-01"),
    query.EventFilter(type="ASSAULT", quad="material_conflict", modality="asserted"),
    query.EventFilter(type="SANCTION"),  # no such events
)
_EVENT_COLUMNS = "type, quad, modality, date, actor_country, recipient_country"


def _matches(flt: query.EventFilter, type_: str, quad: str | None, modality: str, date: str | None) -> bool:
    if any(value is not None and value != have
           for value, have in ((flt.type, type_), (flt.quad, quad), (flt.modality, modality))):
        return False
    if flt.date_from is not None and (date is None or date < flt.date_from):
        return False
    return not (flt.date_to is not None and (date is None or date > flt.date_to))


def brute_by_country(conn: sqlite3.Connection, flt: query.EventFilter) -> dict[str, int]:
    """Events per country (actor or recipient, once per event) matching ``flt``, counted row by row in Python."""
    counts: Counter[str] = Counter()
    for type_, quad, modality, date, actor, recipient in conn.execute(f"SELECT {_EVENT_COLUMNS} FROM events"):
        if _matches(flt, type_, quad, modality, date):
            counts.update({actor, recipient} - {None})
    return dict(counts)


def brute_country_kind(conn: sqlite3.Connection) -> dict[tuple[str, str, str, str, str], int]:
    """What agg_country_kind must hold, recomputed from the events table."""
    counts: Counter[tuple[str, str, str, str, str]] = Counter()
    for type_, quad, modality, date, actor, recipient in conn.execute(f"SELECT {_EVENT_COLUMNS} FROM events"):
        for country in {actor, recipient} - {None}:
            counts[(type_, quad or "", modality, date or "", country)] += 1
    return dict(counts)


def stored_country_kind(conn: sqlite3.Connection) -> dict[tuple[str, str, str, str, str], int]:
    return {(row[0], row[1], row[2], row[3], row[4]): row[5] for row in conn.execute("SELECT * FROM agg_country_kind")}


def deny_events(action: int, table: str | None, *_: Any) -> int:
    """Authorizer that refuses any statement reading the events table: proves the stats never scan it."""
    return sqlite3.SQLITE_DENY if action == sqlite3.SQLITE_READ and table == "events" else sqlite3.SQLITE_OK


def _stats(path: Path, flt: query.EventFilter) -> dict[str, Any]:
    conn = store.connect(path, read_only=True)
    try:
        if query.has_read_side(conn):
            conn.set_authorizer(deny_events)
        return query.event_stats(conn, flt, top_countries=100)
    finally:
        conn.close()


def check_stats_by_kind(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """agg_country_kind equals its recount from events; stats equal the brute-force counts and the plain scan."""
    conn = store.connect(path, read_only=True)
    try:
        assert stored_country_kind(conn) == brute_country_kind(conn)
        expected = {flt: brute_by_country(conn, flt) for flt in FILTERS}
    finally:
        conn.close()
    fast = {flt: _stats(path, flt) for flt in FILTERS}
    for flt in FILTERS:
        assert fast[flt]["by_country"] == dict(sorted(expected[flt].items(), key=lambda kn: (-kn[1], kn[0]))), flt
    with monkeypatch.context() as m:
        m.setattr(query, "has_read_side", lambda _conn: False)
        assert fast == {flt: _stats(path, flt) for flt in FILTERS}
