"""Migration 9 on a store written before it: columns and band table added, nothing backfilled; evidence counts read
a store without it (read-only) and with it; a document of the old store is no original until recoded."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from dragoman import query, store
from dragoman.duplicates import band_keys
from dragoman.model import CodedDoc
from factories import old_store
from test_duplicates_happenings import DOCS


def _banded(doc: CodedDoc) -> CodedDoc:
    return replace(doc, bands=band_keys(doc.clean.body))  # type: ignore[union-attr]


def test_old_store_upgrades_and_counts(tmp_path: Path) -> None:
    path = old_store(tmp_path / "old.db", 8, [DOCS[0], DOCS[2]])
    first = DOCS[0].events[0].event_id
    conn = store.connect(path, read_only=True)  # still at migration 8: no links, each document its own outlet
    assert not query.has_duplicates(conn)
    assert query.happening_evidence(conn, [first])[first] == {
        "reports": 2, "documents": 2, "sources": 2, "first_report": "2024-01-22", "last_report": "2024-01-24"}
    conn.close()

    conn = store.connect(path)  # migration 9
    assert query.has_duplicates(conn)
    assert conn.execute("SELECT COUNT(*) FROM doc_bands").fetchone()[0] == 0  # no backfill, no rescan
    store.write_coded(conn, _banded(DOCS[1]))  # a same-words copy of DOCS[0], which has no band keys yet
    assert conn.execute("SELECT duplicate_of FROM documents WHERE doc_id = ?", (DOCS[1].doc_id,)).fetchone()[0] is None
    # DOCS[0] recoded: indexed as an original from now on; a later copy links to it
    store.write_coded(conn, _banded(DOCS[0]), replace=True)
    assert conn.execute("SELECT COUNT(DISTINCT doc_id) FROM doc_bands").fetchone()[0] == 2  # DOCS[0] and DOCS[1]
    store.write_coded(conn, _banded(DOCS[3]))
    store.write_coded(conn, _banded(DOCS[2]), replace=True)
    store.write_coded(conn, _banded(replace(DOCS[3], doc_id="another-copy")))
    rows = dict(conn.execute("SELECT doc_id, duplicate_of FROM documents").fetchall())
    assert rows[DOCS[3].doc_id] is None  # written before its original was indexed
    assert rows["another-copy"] == DOCS[3].doc_id  # its very words (1.0) beat the recoded DOCS[2]
    assert store.check_integrity(conn) == []
    conn.close()
