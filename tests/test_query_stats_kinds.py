"""Stats filtered on type, quad or modality (no country) come from migration 3's counts by country and kind.

Each answer is checked against a brute-force count over the events table in Python and against the plain scan,
after inserts and after documents are deleted, re-coded (written again with other events) and events updated.
"""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from dragoman import query, store
from factories import random_doc
from stats_checks import FILTERS, brute_by_country, check_stats_by_kind, deny_events


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "store.db"
    conn = store.connect(path)
    store.write_many(conn, [random_doc(random.Random(d), d, 15) for d in range(20)])
    conn.close()
    return path


def test_query_stats_kinds_match_brute_force_after_inserts(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    conn = store.connect(db, read_only=True)
    assert query.count_events(conn) == 300
    assert brute_by_country(conn, FILTERS[0]) and not brute_by_country(conn, FILTERS[-1])
    conn.close()
    check_stats_by_kind(db, monkeypatch)


def test_query_stats_kinds_follow_deletes_recoding_and_updates(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    conn = store.connect(db)
    doc_ids = [row[0] for row in conn.execute("SELECT doc_id FROM documents ORDER BY rowid")]
    conn.execute(f"DELETE FROM documents WHERE doc_id IN ({', '.join('?' * 6)})", doc_ids[:6])
    # Re-coding: two documents go, then come back with other events under the same doc_id.
    conn.execute("DELETE FROM documents WHERE doc_id IN (?, ?)", doc_ids[6:8])
    for d in (6, 7):
        recoded = random_doc(random.Random(100 + d), d, 15)  # same text, so same doc_id; other events
        assert recoded.doc_id == doc_ids[d]
        assert store.write_coded(conn, recoded)
    # Events edited in place: another type and quad (one without a quad), date and countries.
    conn.execute("UPDATE events SET type = 'ASSAULT', quad = 'material_conflict', date = '2024-02-20' "
                 "WHERE rowid % 5 = 0")
    conn.execute("UPDATE events SET type = 'SANCTION', quad = NULL, actor_country = 'ETH' WHERE rowid % 11 = 0")
    conn.execute("UPDATE events SET recipient_country = actor_country, modality = 'future' WHERE rowid % 13 = 0")
    assert query.count_events(conn) == 14 * 15
    assert conn.execute("SELECT MIN(n) FROM agg_country_kind").fetchone()[0] >= 1  # emptied keys are gone
    conn.close()
    check_stats_by_kind(db, monkeypatch)
    conn = store.connect(db, read_only=True)
    assert brute_by_country(conn, query.EventFilter(type="SANCTION"))["ETH"] > 0
    conn.close()


def test_query_stats_kinds_quad_empty_is_left_to_the_scan(db: Path) -> None:
    # The count tables write a missing quad as '': an empty quad filter must not match the quad-less events.
    conn = store.connect(db)
    conn.execute("UPDATE events SET quad = NULL WHERE rowid % 3 = 0")
    conn.close()
    conn = store.connect(db, read_only=True)
    assert query.event_stats(conn, query.EventFilter(quad=""))["total"] == 0
    assert query.event_stats(conn, query.EventFilter(type="AID"))["by_quad"] == {
        "material_cooperation": conn.execute("SELECT COUNT(*) FROM events WHERE type = 'AID' AND quad IS NOT NULL")
        .fetchone()[0]}
    conn.close()


def test_query_stats_kinds_use_the_counts(db: Path) -> None:
    conn = store.connect(db, read_only=True)
    conn.set_authorizer(deny_events)
    with pytest.raises(sqlite3.DatabaseError, match="not authorized"):
        conn.execute("SELECT COUNT(*) FROM events").fetchone()
    assert query.event_stats(conn, query.EventFilter(type="ASSAULT"))["total"] > 0
    plan = " ".join(str(tuple(row)) for row in conn.execute(
        "EXPLAIN QUERY PLAN SELECT a.country, SUM(a.n) FROM agg_kind k CROSS JOIN agg_country_kind a "
        "ON a.type = k.type AND a.quad = k.quad AND a.modality = k.modality WHERE k.modality = ? GROUP BY 1",
        ("future",)))
    assert "SEARCH a USING PRIMARY KEY (type=? AND quad=? AND modality=?)" in plan
    conn.close()
