"""The read side (migration 2): side tables kept by triggers answer exactly what a plain scan of events answers.

Every fast path (event_countries walks, name branches, the trigram index, daily/grid aggregates) is checked
against the generic SQL over ``events`` alone, which ``has_read_side`` returning False selects.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from dragoman import query, store
from factories import random_doc as _doc

FILTERS = (
    query.EventFilter(),
    query.EventFilter(country="COD"),
    query.EventFilter(country="RWA", type="ASSAULT", date_from="2024-02-01", date_to="2024-03-31"),
    query.EventFilter(quad="verbal_conflict", modality="future"),
    query.EventFilter(actor="RWA"),
    query.EventFilter(actor="army"),
    query.EventFilter(recipient="SDN", type="AID"),
    query.EventFilter(recipient="e", country="COD"),  # a one-letter name search
    query.EventFilter(q="50% of_the"),
    query.EventFilter(q="ce 3 ab", country="SDN"),
    query.EventFilter(q="of"),
    query.EventFilter(date_to="2024-02-15"),
    query.EventFilter(bbox=(20.0, -5.0, 30.0, 5.0), modality="asserted"),
)


def _generic(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(query, "has_read_side", lambda _conn: False)


@pytest.fixture()
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A store written under migration 1 only, then migrated: migration 2 must fill its tables from old rows."""
    path = tmp_path / "store.db"
    rng = random.Random(3)
    with monkeypatch.context() as m:
        m.setattr(store, "MIGRATIONS", store.MIGRATIONS[:1])
        conn = store.connect(path)
        store.write_many(conn, [_doc(rng, d, 12) for d in range(15)])
        conn.close()
    conn = store.connect(path)  # migration 2 now, over 180 events; then more written through the triggers
    store.write_many(conn, [_doc(rng, d, 12) for d in range(15, 30)])
    conn.close()
    return path


def _answers(path: Path, flt: query.EventFilter) -> dict[str, Any]:
    conn = store.connect(path, read_only=True)
    try:
        records, capped = query.event_page(conn, flt, sort="doc", limit=9, offset=4, cap=5)
        # One plan for page and count answers as the separate calls do.
        assert [r["event_id"] for r in records] == query.page_event_ids(conn, flt, sort="doc", limit=9, offset=4)
        assert capped == query.count_events(conn, flt, cap=5)
        assert query.event_page(conn, flt, limit=3, count=False)[1] is None
        return {
            "pages": {sort: query.page_event_ids(conn, flt, sort=sort, limit=9, offset=4) for sort in query.SORTS},
            "all": [r["event_id"] for r in query.iter_events(conn, flt, sort="-date")],
            "first": [r["event_id"] for r in query.iter_events(conn, flt, sort="date", limit=5)],
            "count": query.count_events(conn, flt),
            "capped": query.count_events(conn, flt, cap=5),
            "stats": query.event_stats(conn, flt),
            "clusters": sorted(map(str, query.event_clusters(conn, flt, cell=60 / 2**3))),
        }
    finally:
        conn.close()


@pytest.mark.parametrize("flt", FILTERS, ids=lambda f: repr({k: v for k, v in vars_of(f).items() if v}))
def test_query_readside_matches_plain_scan(db: Path, flt: query.EventFilter, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = _answers(db, flt)
    _generic(monkeypatch)
    plain = _answers(db, flt)
    assert fast == plain
    assert plain["count"] > 0 or flt.q == "ce 3 ab"


def vars_of(flt: query.EventFilter) -> dict[str, Any]:
    return {name: getattr(flt, name) for name in flt.__dataclass_fields__}


def test_query_readside_count_stops_at_cap(db: Path) -> None:
    conn = store.connect(db, read_only=True)
    total = query.count_events(conn)
    assert total == 360
    assert query.count_events(conn, cap=10) == 11
    assert query.count_events(conn, query.EventFilter(actor="RWA"), cap=10) == 11
    assert query.count_events(conn, cap=total) == total


def test_query_readside_follows_deletes(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    conn = store.connect(db)
    doc_ids = [row[0] for row in conn.execute("SELECT doc_id FROM documents ORDER BY rowid LIMIT 20")]
    conn.execute(f"DELETE FROM documents WHERE doc_id IN ({', '.join('?' * len(doc_ids))})", doc_ids)
    conn.execute("UPDATE events SET actor_country = 'SDN', date = '2024-05-01' WHERE rowid % 7 = 0")
    assert query.count_events(conn) == 120
    assert conn.execute("SELECT COUNT(*) FROM events_fts WHERE events_fts MATCH '\"Sentence 3 \"'").fetchone()[0] \
        == conn.execute("SELECT COUNT(*) FROM events WHERE sentence LIKE '%Sentence 3 %'").fetchone()[0]
    conn.close()
    fast = [_answers(db, flt) for flt in FILTERS[:7]]
    _generic(monkeypatch)
    assert fast == [_answers(db, flt) for flt in FILTERS[:7]]


def test_query_readside_is_used(db: Path) -> None:
    conn = store.connect(db, read_only=True)
    assert query.has_read_side(conn)
    plan = " ".join(str(tuple(row)) for row in conn.execute(
        "EXPLAIN QUERY PLAN SELECT c.date, c.event_id FROM event_countries c WHERE c.country = ? "
        "ORDER BY c.date DESC, c.event_id LIMIT 5", ("COD",)))
    assert "event_countries_date" in plan


def test_query_readside_common_text_walks_the_sort_index(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Text found in most events: the page is read off the date index, filtered row by row, with the
    # same answers as the text-index path.
    flt = query.EventFilter(q="the")
    indexed = _answers(db, flt)
    assert indexed["count"] > 3
    monkeypatch.setattr(query, "DENSE_TEXT_HITS", 3)
    conn = store.connect(db, read_only=True)
    assert query._dense_text(conn, "the")
    conn.close()
    assert _answers(db, flt) == indexed
