"""The SQLite store: migrations, atomic writes, idempotence, reads."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dragoman import query, store
from dragoman.errors import QueryError, StoreError
from dragoman.model import Actor, CodedDoc, Counts, Event, Evidence, Place, When, event_id_for
from factories import coded_doc, identity_clean, text_article


def _coded(text: str, *, n_events: int = 1) -> CodedDoc:
    article = text_article(text, published="2024-01-23")
    doc_id = article.doc_id
    events = tuple(
        Event(
            event_id=event_id_for(doc_id, "ASSAULT", i, "COD", "RWA"),
            doc_id=doc_id,
            source_id=article.source_id,
            type="ASSAULT",
            mode="heavy-weapons",
            cameo="194",
            quad="material_conflict",
            modality="asserted",
            actor=Actor(text="Congolese troops", name="Congolese troops", country="COD", sector="MIL"),
            recipient=Actor(text="M23 rebels", name="M23 rebels", country="COD", sector="REB"),
            evidence=Evidence(sentence=text, start=0, end=len(text), trigger="shelled"),
            when=When(date="2024-01-22", precision="day", text="on Monday"),
            location=Place(name="Sake", geonameid=205970, lat=-1.574, lon=29.043, country="COD",
                           precision="city"),
            counts=Counts(dead=5, bounds=(("dead", "at_least"),)),
        )
        for i in range(n_events)
    )
    return coded_doc(article, events, clean=identity_clean(text, title="A title"))


def test_store_migrations_recorded_once(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    store.connect(db).close()
    conn = store.connect(db)
    versions = [row[0] for row in conn.execute("SELECT version FROM migrations")]
    assert versions == [m[0] for m in store.MIGRATIONS]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_store_write_is_idempotent_by_doc_id(tmp_path: Path) -> None:
    conn = store.connect(tmp_path / "x.db")
    coded = _coded("Congolese troops shelled M23 rebels near Sake on Monday.", n_events=2)
    assert store.write_coded(conn, coded) is True
    assert store.write_coded(conn, coded) is False
    assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 1
    assert query.count_events(conn) == 2


def test_store_event_record_roundtrip_has_design_fields(tmp_path: Path) -> None:
    conn = store.connect(tmp_path / "x.db")
    store.write_coded(conn, _coded("Congolese troops shelled M23 rebels near Sake on Monday."))
    (record,) = list(query.iter_events(conn))
    assert list(record)[:17] == [
        "event_id", "doc_id", "source_id", "type", "mode", "cameo", "quad", "modality", "actor", "recipient",
        "date", "date_precision", "date_text", "location", "counts", "attribution", "evidence",
    ]
    assert record["location"]["geonameid"] == 205970
    assert record["counts"]["dead"] == 5 and record["counts"]["bounds"] == {"dead": "at_least"}


def test_store_filters_bind_hostile_values(tmp_path: Path) -> None:
    conn = store.connect(tmp_path / "x.db")
    store.write_coded(conn, _coded("Congolese troops shelled M23 rebels near Sake on Monday."))
    hostile = "x' OR '1'='1"
    assert list(query.iter_events(conn, query.EventFilter(type=hostile))) == []
    assert list(query.iter_events(conn, query.EventFilter(q="%"))) == []
    assert len(list(query.iter_events(conn, query.EventFilter(country="COD", date_from="2024-01-01")))) == 1
    assert len(list(query.iter_events(conn, query.EventFilter(bbox=(29.0, -2.0, 30.0, -1.0))))) == 1
    assert list(query.iter_events(conn, query.EventFilter(bbox=(0.0, 0.0, 1.0, 1.0)))) == []
    with pytest.raises(QueryError):
        list(query.iter_events(conn, sort="; DROP TABLE events"))


def test_store_failed_write_leaves_nothing(tmp_path: Path) -> None:
    conn = store.connect(tmp_path / "x.db")
    coded = _coded("A sentence that fails halfway.", n_events=1)
    broken = CodedDoc(coded.doc_id, coded.source_id, "bogus", None, coded.original, "text")  # type: ignore[arg-type]
    with pytest.raises(StoreError):
        store.write_coded(conn, broken)
    assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 0
    assert store.check_integrity(conn) == []


def test_store_read_only_refuses_missing_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        store.connect(tmp_path / "missing.db", read_only=True)
    assert not (tmp_path / "missing.db").exists()


def test_store_rejects_non_database_file(tmp_path: Path) -> None:
    bogus = tmp_path / "not.db"
    bogus.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        store.connect(bogus)


def test_store_read_only_cannot_write(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    store.connect(db).close()
    conn = store.connect(db, read_only=True)
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM documents")
