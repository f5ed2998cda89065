"""Migration 11: events stored with CAMEO's grouping take the PLOVER manual's quad classes, records and counts alike."""

import json
from pathlib import Path

from dragoman import query, store
from factories import old_store, report_doc

# What stores of migration 10 held: SANCTION material conflict, REQUEST verbal cooperation, CONCEDE material coop.
OLD_QUAD = ("CASE type WHEN 'SANCTION' THEN 'material_conflict' WHEN 'REQUEST' THEN 'verbal_cooperation' "
            "WHEN 'CONCEDE' THEN 'material_cooperation' ELSE quad END")


def test_store_quads_migration_regroups_stored_events(tmp_path: Path) -> None:
    doc = report_doc("Sanctions and talks",
                     {"type_": "SANCTION", "quad": "verbal_conflict", "sentence": "The EU imposed sanctions."},
                     {"type_": "REQUEST", "quad": "verbal_conflict", "sentence": "Kenya urged talks."},
                     {"type_": "CONCEDE", "quad": "verbal_cooperation", "sentence": "The army lifted the curfew."},
                     {"type_": "ASSAULT", "sentence": "Rebels shelled the town."})
    db = old_store(tmp_path / "old.db", 10, [doc],
                   then=f"UPDATE events SET quad = {OLD_QUAD}, record = json_set(record, '$.quad', {OLD_QUAD})")
    conn = store.connect(db, read_only=True)
    assert query.event_stats(conn)["by_quad"] == {"material_conflict": 2, "material_cooperation": 1,
                                                  "verbal_cooperation": 1}
    conn.close()

    conn = store.connect(db)  # applies migration 11
    rows = {t: (q, json.loads(r)["quad"]) for t, q, r in conn.execute("SELECT type, quad, record FROM events")}
    assert rows == {"SANCTION": ("verbal_conflict",) * 2, "REQUEST": ("verbal_conflict",) * 2,
                    "CONCEDE": ("verbal_cooperation",) * 2, "ASSAULT": ("material_conflict",) * 2}
    assert query.event_stats(conn)["by_quad"] == {"material_conflict": 1, "verbal_conflict": 2,
                                                  "verbal_cooperation": 1}
    assert query.count_events(conn, query.EventFilter(quad="verbal_conflict")) == 2
    assert [r["quad"] for r in query.iter_events(conn, query.EventFilter(type="SANCTION"))] == ["verbal_conflict"]
    conn.close()
