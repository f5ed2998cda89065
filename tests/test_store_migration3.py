"""Migration 3 (counts by country and kind) on a store built at migration 2: applied once, backfilled from the
rows already there, then kept by its triggers; before the upgrade, read-only stats still answer by scanning."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from dragoman import query, store
from factories import old_store, random_doc
from stats_checks import FILTERS, brute_by_country, brute_country_kind, check_stats_by_kind


@pytest.fixture()
def db2(tmp_path: Path) -> Path:
    """A store created and written under migrations 1 and 2 only."""
    return old_store(tmp_path / "store.db", 2, [random_doc(random.Random(d), d, 12) for d in range(20)],
                     then="UPDATE events SET quad = NULL, date = NULL WHERE rowid % 9 = 0")


def test_store_migration3_backfills_an_existing_store(db2: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    conn = store.connect(db2, read_only=True)
    assert [row[0] for row in conn.execute("SELECT version FROM migrations ORDER BY version")] == [1, 2]
    # Not yet upgraded (read-only connections never migrate): the stats fall back to the scan, same answers.
    before = {flt: query.event_stats(conn, flt, top_countries=100) for flt in FILTERS}
    assert before[FILTERS[0]]["by_country"] == dict(
        sorted(brute_by_country(conn, FILTERS[0]).items(), key=lambda kn: (-kn[1], kn[0])))
    conn.close()

    conn = store.connect(db2)  # applies migration 3
    assert [tuple(row)[:2] for row in conn.execute("SELECT version, description FROM migrations ORDER BY version")] \
        == [(v, d) for v, d, _ in store.MIGRATIONS]
    assert conn.execute("SELECT SUM(n) FROM agg_country_kind").fetchone()[0] \
        == conn.execute("SELECT COUNT(*) FROM event_countries").fetchone()[0] > 0
    assert conn.execute("SELECT COUNT(*) FROM agg_country_kind WHERE day = '' AND quad = ''").fetchone()[0] > 0
    conn.close()
    check_stats_by_kind(db2, monkeypatch)
    conn = store.connect(db2, read_only=True)
    assert {flt: query.event_stats(conn, flt, top_countries=100) for flt in FILTERS} == before
    conn.close()

    # Applied once: opening again changes nothing; later writes and deletes go through the new triggers.
    conn = store.connect(db2)
    assert conn.execute("SELECT COUNT(*) FROM migrations").fetchone()[0] == len(store.MIGRATIONS)
    store.write_many(conn, [random_doc(random.Random(d), d, 12) for d in range(20, 26)])
    conn.execute("DELETE FROM documents WHERE rowid % 4 = 1")
    assert brute_country_kind(conn)
    conn.close()
    check_stats_by_kind(db2, monkeypatch)
