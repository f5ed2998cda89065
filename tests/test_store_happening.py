"""Migration 4: the happening key of each event (store.HAPPENING_KEY_SQL), kept by SQLite for new and changed rows,
backfilled for the rows a store held before, and its index."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from dragoman import query, store
from dragoman.errors import StoreError
from dragoman.model import Place
from factories import old_store, random_doc, report_doc

SAME = {}  # the defaults of report_event: RWA/REB shell COD/MIL at Sake on 2024-01-22
# Each changes one part of the key: none of these may share a key with SAME.
APART = {
    "type": {"type_": "PROTEST", "quad": "material_conflict"},
    "modality": {"modality": "future"},
    "actor country": {"actor": ("UGA", "REB")},
    "actor sector": {"actor": ("RWA", "MIL")},
    "recipient country": {"recipient": ("BDI", "MIL")},
    "recipient sector": {"recipient": ("COD", "CVL")},
    "no recipient": {"recipient": None},
    "date": {"date": "2024-01-23"},
    "place": {"place": Place(name="Goma", geonameid=216281, lat=-1.679, lon=29.228, country="COD")},
    "place without id, elsewhere": {"place": Place(name="a hill", lat=-1.60, lon=29.043)},
}
# Too vague to merge: no key at all.
KEYLESS = {
    "month date": {"date": "2024-01-01", "precision": "month"},
    "no date": {"date": None, "precision": None},
    "no place": {"place": None},
    "place with no point": {"place": Place(name="somewhere")},
}


def _keys(conn: object, doc: object) -> list[str | None]:
    return [conn.execute("SELECT happening FROM events WHERE event_id = ?",  # type: ignore[attr-defined]
                         (e.event_id,)).fetchone()[0] for e in doc.events]  # type: ignore[attr-defined]


def test_store_happening_key_rule(tmp_path: Path) -> None:
    conn = store.connect(tmp_path / "s.db")
    first, again = report_doc("Outlet one", SAME), report_doc("Outlet two", {**SAME, "mode": "artillery"})
    store.write_many(conn, [first, again])
    key = _keys(conn, first)[0]
    assert key == "ASSAULT|asserted|RWA|REB|COD|MIL|2024-01-22|g205970"
    assert _keys(conn, again) == [key]  # the mode is not part of the key
    apart = report_doc("Apart", *APART.values())
    store.write_coded(conn, apart)
    keys = _keys(conn, apart)
    assert None not in keys and key not in keys and len(set(keys)) == len(APART)
    keyless = report_doc("Vague", *KEYLESS.values())
    store.write_coded(conn, keyless)
    assert _keys(conn, keyless) == [None] * len(KEYLESS)
    # A place without a GeoNames id: the point rounded to 0.01 degree (and -0.001 rounds to the same 0 as 0.001).
    points = report_doc("Points", {"place": Place(name="a", lat=-1.5741, lon=0.001)},
                        {"place": Place(name="b", lat=-1.5739, lon=-0.001)},
                        {"place": Place(name="c", lat=-1.58, lon=0)})
    store.write_coded(conn, points)
    keys = _keys(conn, points)
    assert keys[0] == keys[1] != keys[2] and keys[0].endswith("|p-157,0")
    # The key follows the row: a changed date changes it, no SQL of ours to forget.
    conn.execute("UPDATE events SET date = '2024-02-01' WHERE event_id = ?", (again.events[0].event_id,))
    assert _keys(conn, again) == [key.replace("2024-01-22", "2024-02-01")]
    plan = " ".join(str(row[3]) for row in conn.execute(
        "EXPLAIN QUERY PLAN SELECT 1 FROM events e WHERE NOT EXISTS "
        "(SELECT 1 FROM events h WHERE h.happening = e.happening AND h.rowid < e.rowid)"))
    assert "INDEX events_happening (happening=? AND rowid<?)" in plan


@pytest.fixture()
def db3(tmp_path: Path) -> Path:
    """A store created and written under migrations 1 to 3 only."""
    docs = [report_doc("one", SAME, *APART.values()), report_doc("two", SAME, *KEYLESS.values())]
    return old_store(tmp_path / "store.db", 3, [*docs, *(random_doc(random.Random(d), d, 12) for d in range(10))])


def test_store_migration4_backfills_a_store_from_migration3(db3: Path, tmp_path: Path) -> None:
    conn = store.connect(db3, read_only=True)
    assert [row[0] for row in conn.execute("SELECT version FROM migrations ORDER BY version")] == [1, 2, 3]
    # Read-only opens never migrate: everything but distinct answers as before; distinct says how to upgrade.
    assert not query.has_happening(conn)
    before = [r["event_id"] for r in query.iter_events(conn)]
    with pytest.raises(StoreError, match=r"migration 4.*dragoman code"):
        query.count_events(conn, query.EventFilter(distinct=True))
    with pytest.raises(StoreError, match="migration 4"):
        list(query.iter_events(conn, query.EventFilter(distinct=True, country="COD")))
    conn.close()

    conn = store.connect(db3)  # applies migration 4 and every later one
    assert [row[0] for row in conn.execute("SELECT version FROM migrations ORDER BY version")] == \
        [version for version, _description, _sql in store.MIGRATIONS]
    assert query.has_happening(conn)
    backfilled = dict(conn.execute("SELECT event_id, happening FROM events").fetchall())
    assert [r["event_id"] for r in query.iter_events(conn)] == before
    # The same documents written into a store born at migration 4 get the same keys.
    fresh = store.connect(tmp_path / "fresh.db")
    store.write_many(fresh, [report_doc("one", SAME, *APART.values()), report_doc("two", SAME, *KEYLESS.values())])
    store.write_many(fresh, [random_doc(random.Random(d), d, 12) for d in range(10)])
    assert dict(fresh.execute("SELECT event_id, happening FROM events").fetchall()) == backfilled
    assert sum(key is not None for key in backfilled.values()) > len(backfilled) // 2
    # Backfilled keys are indexed: the distinct count reads the index and merges the two reports of SAME.
    assert query.count_events(conn, query.EventFilter(distinct=True, type="ASSAULT")) \
        < query.count_events(conn, query.EventFilter(type="ASSAULT"))
    assert conn.execute("SELECT COUNT(*) FROM events INDEXED BY events_happening WHERE happening IS NOT NULL"
                        ).fetchone()[0] == sum(key is not None for key in backfilled.values())
    conn.close()
    conn = store.connect(db3)  # applied once
    assert conn.execute("SELECT COUNT(*) FROM migrations").fetchone()[0] == len(store.MIGRATIONS) >= 4
