"""EventFilter(distinct=True): one row per happening — the first stored matching report of each, plus every event
without a happening key — in pages, counts, full listings, stats and clusters, on the fast and the plain paths."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from dragoman import query, store
from dragoman.model import CodedDoc
from factories import random_doc, report_doc
from test_store_happening import APART, KEYLESS, SAME


def _ids(conn: Any, flt: query.EventFilter, sort: str = "doc") -> list[str]:
    return [r["event_id"] for r in query.iter_events(conn, flt, sort=sort)]


def _write(path: Path, *docs: CodedDoc) -> Any:
    conn = store.connect(path)
    store.write_many(conn, docs)
    return conn


def test_query_distinct_two_outlets_one_happening(tmp_path: Path) -> None:
    first, second = report_doc("Outlet one", SAME), report_doc("Outlet two", {**SAME, "mode": "artillery"})
    conn = _write(tmp_path / "s.db", first, second)
    assert len(_ids(conn, query.EventFilter())) == 2
    distinct = query.EventFilter(distinct=True)
    assert _ids(conn, distinct) == [first.events[0].event_id]
    assert query.count_events(conn, distinct) == 1 and query.count_events(conn, distinct, cap=0) == 1
    records, total = query.event_page(conn, distinct, limit=10)
    # The record is the stored record, nothing added.
    assert total == 1 and records == [json.loads(json.dumps(first.events[0].to_record()))]
    assert query.report_counts(conn, [first.events[0].event_id]) == {first.events[0].event_id: 2}
    # Repeated inside one story: one row too.
    story = report_doc("Story", SAME, SAME, {**SAME, "date": "2024-01-21"})
    store.write_coded(conn, story)
    assert query.count_events(conn, query.EventFilter(doc_id=story.doc_id, distinct=True)) == 2


def test_query_distinct_never_merges_other_happenings_or_vague_events(tmp_path: Path) -> None:
    docs = [report_doc(f"{name} a", SAME, spec) for name, spec in APART.items()]
    docs += [report_doc(f"{name} b", spec) for name, spec in APART.items()]
    docs += [report_doc(f"{name} c", spec, spec) for name, spec in KEYLESS.items()]
    conn = _write(tmp_path / "s.db", *docs)
    everything = _ids(conn, query.EventFilter())
    kept = set(_ids(conn, query.EventFilter(distinct=True)))
    # Per changed part: SAME (once across all docs), the changed report in its first document; never its repeat.
    dropped = {e.event_id for doc in docs[1:len(APART)] for e in doc.events[:1]}
    dropped |= {doc.events[0].event_id for doc in docs[len(APART):2 * len(APART)]}
    assert kept == set(everything) - dropped
    for doc in docs[2 * len(APART):]:  # vague events: both kept, even when identical
        assert {e.event_id for e in doc.events} <= kept


def test_query_distinct_next_report_takes_over(tmp_path: Path) -> None:
    one, two, three = (report_doc(f"Outlet {n}", SAME) for n in ("one", "two", "three"))
    conn = _write(tmp_path / "s.db", one, two, three)
    distinct = query.EventFilter(distinct=True)
    assert _ids(conn, distinct) == [one.events[0].event_id]
    conn.execute("DELETE FROM documents WHERE doc_id = ?", (one.doc_id,))
    assert _ids(conn, distinct) == [two.events[0].event_id]
    # Re-coding the first document (deleted, then written again) stores it last: the next report stays first.
    conn.execute("DELETE FROM documents WHERE doc_id = ?", (two.doc_id,))
    store.write_coded(conn, two)
    assert _ids(conn, distinct) == [three.events[0].event_id]
    assert query.report_counts(conn, [three.events[0].event_id, "nope"]) == {three.events[0].event_id: 2}


def test_query_distinct_keeps_the_first_report_that_matches(tmp_path: Path) -> None:
    plain = report_doc("Outlet one", {**SAME, "sentence": "Rebels attacked Sake."})
    vivid = report_doc("Outlet two", {**SAME, "sentence": "Rebels shelled Sake with mortars.", "mode": "artillery"})
    conn = _write(tmp_path / "s.db", plain, vivid)
    # A filter outside the key picks among the reports instead of dropping the happening.
    for flt in (query.EventFilter(q="mortars", distinct=True), query.EventFilter(q="mor", distinct=True),
                query.EventFilter(mode="artillery", distinct=True),
                query.EventFilter(doc_id=vivid.doc_id, distinct=True)):
        assert _ids(conn, flt) == [vivid.events[0].event_id], flt
        assert query.count_events(conn, flt) == 1
    assert _ids(conn, query.EventFilter(q="Sake", distinct=True)) == [plain.events[0].event_id]


FILTERS = (
    query.EventFilter(),
    query.EventFilter(country="COD"),
    query.EventFilter(country="RWA", type="ASSAULT", date_from="2024-02-01", date_to="2024-03-31"),
    query.EventFilter(type="AID"),
    query.EventFilter(quad="verbal_conflict", modality="future"),
    query.EventFilter(actor="RWA"),
    query.EventFilter(actor="army"),
    query.EventFilter(recipient="SDN", type="AID"),
    query.EventFilter(q="50% of_the"),
    query.EventFilter(q="ence 1"),
    query.EventFilter(date_to="2024-02-15"),
    query.EventFilter(bbox=(20.0, -5.0, 30.0, 5.0), modality="asserted"),
)


@pytest.fixture(scope="module")
def random_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Random events over few types, countries, days and one place: many reports share a happening."""
    path = tmp_path_factory.mktemp("distinct") / "store.db"
    conn = store.connect(path)
    store.write_many(conn, [random_doc(random.Random(d), d, 12) for d in range(40)])
    conn.execute("DELETE FROM documents WHERE rowid % 7 = 3")  # gaps: earlier reports deleted
    store.write_many(conn, [random_doc(random.Random(d), d, 12) for d in range(40, 50)])
    conn.close()
    return path


def _brute(conn: Any, flt: query.EventFilter) -> set[str]:
    """The first matching report of each happening, by rowid, from the plain filter's matches."""
    matching = set(_ids(conn, flt))
    first: dict[str, str] = {}
    kept: set[str] = set()
    for event_id, key in conn.execute("SELECT event_id, happening FROM events ORDER BY rowid"):
        if event_id not in matching:
            continue
        if key is None:
            kept.add(event_id)
        elif key not in first:
            first[key] = event_id
    return kept | set(first.values())


def _fields(flt: query.EventFilter) -> dict[str, Any]:
    return {name: getattr(flt, name) for name in flt.__dataclass_fields__}


@pytest.mark.parametrize("flt", FILTERS, ids=lambda f: repr({k: v for k, v in _fields(f).items() if v}))
@pytest.mark.parametrize("read_side", [True, False], ids=["indexed", "plain"])
def test_query_distinct_matches_brute_force(random_db: Path, flt: query.EventFilter, read_side: bool,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    if not read_side:
        monkeypatch.setattr(query, "has_read_side", lambda _conn: False)
    conn = store.connect(random_db, read_only=True)
    distinct = query.EventFilter(**{**_fields(flt), "distinct": True})
    expected = _brute(conn, flt)
    assert len(expected) < query.count_events(conn, flt) or flt.q == "ence 1"
    assert set(_ids(conn, distinct)) == expected
    assert query.count_events(conn, distinct) == len(expected)
    assert query.count_events(conn, distinct, cap=5) == min(len(expected), 6)
    for sort in query.SORTS:
        everything = _ids(conn, distinct, sort=sort)
        assert [r["event_id"] for r in query.event_page(conn, distinct, sort=sort, limit=9, offset=4)[0]] \
            == everything[4:13]
    stats = query.event_stats(conn, distinct)
    assert stats["total"] == len(expected)
    assert sum(c["count"] for c in query.event_clusters(conn, distinct, cell=60 / 2**3)) \
        == len(expected) - sum(1 for r in query.records_by_id(conn, sorted(expected)) if r["location"] is None)
    conn.close()
