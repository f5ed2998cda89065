"""Happenings with their evidence counted (query.happening_evidence): reports, independent sources (a near-duplicate
counted as its original's outlet), documents, first and last report; on the API (distinct=true&evidence=true) and in
`dragoman events --distinct`."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from dragoman import query, store
from dragoman.api import create_app
from dragoman.cli import main
from dragoman.duplicates import band_keys
from dragoman.model import CodedDoc
from factories import coded_doc, report_event, text_article

SHELLING = "Rwandan-backed rebels shelled army positions near Sake on Monday, killing seven soldiers."
REUTERS = (
    f"{SHELLING} The army said it had repelled the attack and arrested twelve fighters, while residents fled "
    "towards Goma as the fighting spread along the main road. The United Nations mission said it was deeply "
    "concerned and called on all sides to protect civilians. Talks between Kigali and Kinshasa are expected to "
    "resume in Luanda next week, according to Angola's foreign ministry."
)
AP = (
    "Fighting flared again in eastern Congo, where a rebel group the United Nations says is backed by Rwanda has "
    f"seized a string of towns this year. {SHELLING} A hospital in Goma received dozens of wounded civilians, a "
    "doctor there told reporters, and aid groups said food stocks in the camps would last only days."
)


def _doc(text: str, *, site: str | None, url: str | None, published: str, place: bool = True) -> CodedDoc:
    article = replace(text_article(text), site_name=site, url=url, published=published)
    event = report_event(article, 0, sentence=SHELLING if place else "Report 0: rebels shelled the town.")
    coded = coded_doc(article, [event if place else replace(event, location=None)])
    return replace(coded, bands=band_keys(coded.clean.body))  # type: ignore[union-attr]


DOCS = [
    _doc(REUTERS, site="Reuters", url="https://www.reuters.com/a", published="2024-01-22"),
    # a reprint with the same words (other punctuation): linked, no events of its own, one more report
    _doc(REUTERS.replace(",", ";"), site="Daily Star", url=None, published="2024-01-23"),
    _doc(AP, site=None, url="https://apnews.com/article/x", published="2024-01-24"),
    # a light rewrite of AP's story on another site: its own event, but AP's outlet
    _doc(AP.replace("dozens of", "more than 40").replace("only days", "a week"), site="Town Herald", url=None,
         published="2024-01-25"),
    _doc("Police arrested 30 protesters in Nairobi. Report 0: rebels shelled the town.", site=None, url=None,
         published="2024-01-20", place=False),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("evidence") / "s.db"
    conn = store.connect(path)
    store.write_many(conn, DOCS)
    conn.close()
    return path


def test_links_and_counts(db: Path) -> None:
    conn = store.connect(db)
    links = dict(conn.execute("SELECT doc_id, similarity FROM documents WHERE duplicate_of IS NOT NULL").fetchall())
    assert set(links) == {DOCS[1].doc_id, DOCS[3].doc_id} and links[DOCS[1].doc_id] == 1.0 < 1 + links[DOCS[3].doc_id]
    assert conn.execute("SELECT COUNT(*) FROM events WHERE doc_id = ?", (DOCS[1].doc_id,)).fetchone()[0] == 0
    first = DOCS[0].events[0].event_id
    evidence = query.happening_evidence(conn, [first, DOCS[4].events[0].event_id, "nosuchevent"])
    assert evidence[first] == {"reports": 4, "documents": 4, "sources": 2, "first_report": "2024-01-22",
                               "last_report": "2024-01-25"}
    # Reuters (and its reprint), AP (and its rewrite): two outlets; the event with no place is its own happening
    assert evidence[DOCS[4].events[0].event_id] == {"reports": 1, "documents": 1, "sources": 1,
                                                    "first_report": "2024-01-20", "last_report": "2024-01-20"}
    assert set(evidence) == {first, DOCS[4].events[0].event_id}
    assert query.report_counts(conn, [first]) == {first: 3}  # stored events only, as before
    conn.close()


def test_api_evidence(db: Path) -> None:
    with TestClient(create_app(db)) as client:
        page = client.get("/api/events", params={"distinct": "true", "evidence": "true"}).json()
        first = DOCS[0].events[0].event_id
        assert {e["event_id"] for e in page["events"]} == {first, DOCS[4].events[0].event_id}
        assert page["happenings"][first]["sources"] == 2 and page["happenings"][first]["reports"] == 4
        plain = client.get("/api/events", params={"distinct": "true"}).json()
        assert "happenings" not in plain and set(page) == set(plain) | {"happenings"}
        refused = client.get("/api/events", params={"evidence": "true"})
        assert refused.status_code == 422 and refused.json()["error"]["parameter"] == "evidence"


def test_cli_distinct_table_shows_evidence(db: Path) -> None:
    result = CliRunner().invoke(main, ["events", "--db", str(db), "--distinct"])
    assert result.exit_code == 0, result.output
    header, *rows = result.stdout.splitlines()
    assert header.split()[-5:] == ["reports", "sources", "docs", "first", "last"]
    assert sorted(row.split()[-5:] for row in rows) == [["1", "1", "1", "2024-01-20", "2024-01-20"],
                                                         ["4", "2", "4", "2024-01-22", "2024-01-25"]]
    plain = CliRunner().invoke(main, ["events", "--db", str(db)]).stdout.splitlines()
    assert "reports" not in plain[0] and len(plain) == 1 + 4  # every stored report, no evidence columns
