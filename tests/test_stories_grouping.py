"""Stories through the real pipeline and store: reports of one happening from several outlets and days grouped,
other happenings apart, a near-duplicate in its original's story, a rerun linking nothing twice, and the
conflicting figures of the happening side by side with their claimants."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from dragoman import claims, store, stories
from dragoman.pipeline import code_files

BENI_1 = ("BENI, Congo - Rebels attacked the village of Mutwanga near Beni in eastern Congo on Tuesday, burning homes "
          "and looting shops. Officials said 12 people were killed in the attack, but a local rights group said 30 "
          "people died. The Allied Democratic Forces rebels fled into the forest, the army said.")
BENI_2 = ("GOMA, Congo - The toll from Tuesday's rebel attack on Mutwanga near Beni rose on Wednesday. Red Cross "
          "workers said 17 people were killed when Allied Democratic Forces rebels raided Mutwanga, burning homes "
          "and looting shops before fleeing into the forest.")
BENI_3 = ("KINSHASA - Congo's government condemned the Allied Democratic Forces attack on Mutwanga near Beni, which "
          "killed at least a dozen villagers on Tuesday, and promised to hunt the rebels in the forest.")
PROTEST_1 = ("NAIROBI, Kenya - Police fired tear gas at thousands of protesters marching against new fuel taxes in "
             "Nairobi on Thursday. Police arrested 40 demonstrators, a police spokesman said.")
PROTEST_2 = ("NAIROBI, Kenya - Kenyan opposition leaders vowed more marches on Friday after police broke up Thursday's "
             "protest against fuel taxes in Nairobi with tear gas and arrested 40 demonstrators.")
BUDGET = ("LIMA, Peru - Peru's congress approved the annual budget on Thursday after a long debate over spending on "
          "schools and roads. The finance minister welcomed the vote.")
# The same place, rebels and words six weeks on: a new happening, outside the window, a story of its own.
LATER = ("BENI, Congo - Allied Democratic Forces rebels raided Mutwanga near Beni again on Monday, burning homes and "
         "looting shops before fleeing into the forest, residents said.")

DOCS = [
    {"id": "beni-1", "title": "Rebels kill villagers near Beni", "published": "2024-03-05",
     "url": "https://first-outlet.example/beni", "text": BENI_1},
    {"id": "protest-1", "title": "Police tear-gas fuel tax protest in Nairobi", "published": "2024-03-07",
     "url": "https://first-outlet.example/protest", "text": PROTEST_1},
    {"id": "beni-2", "title": "Toll from Beni attack rises", "published": "2024-03-06",
     "url": "https://second-outlet.example/toll", "text": BENI_2},
    {"id": "budget", "title": "Peru passes budget", "published": "2024-03-07",
     "url": "https://third-outlet.example/peru", "text": BUDGET},
    {"id": "beni-copy", "title": "Villagers killed near Beni", "published": "2024-03-05",
     "url": "https://wire-client.example/beni", "text": "Advertisement\n\n" + BENI_1 + "\n\nShare this article"},
    {"id": "protest-2", "title": "Kenyan opposition vows more fuel tax marches", "published": "2024-03-08",
     "url": "https://second-outlet.example/marches", "text": PROTEST_2},
    {"id": "beni-3", "title": "Congo condemns Beni attack", "published": "2024-03-06",
     "url": "https://third-outlet.example/condemn", "text": BENI_3},
    {"id": "beni-later", "title": "Toll from Beni attack rises", "published": "2024-04-15",
     "url": "https://second-outlet.example/later", "text": LATER},
]


def _code(db: Path, folder: Path, docs: list[dict[str, str]]) -> None:
    source = folder / "news.jsonl"
    source.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    code_files([source], db=db, workers=1)


@pytest.fixture(scope="module")
def coded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("stories")
    db = folder / "news.db"
    _code(db, folder, DOCS)
    return db


def _story_of(conn: sqlite3.Connection) -> dict[str, str]:
    """Source id -> story id."""
    return dict(conn.execute("SELECT d.source_id, s.story_id FROM story_documents s JOIN documents d USING (doc_id)"))


def _by_name(conn: sqlite3.Connection) -> dict[str, str]:
    return {source.rsplit("#", 1)[-1].rsplit(":", 1)[-1]: story for source, story in _story_of(conn).items()}


def test_reports_of_one_happening_share_a_story_and_others_do_not(coded: Path) -> None:
    conn = store.connect(coded)
    story = _by_name(conn)
    assert len(story) == len(DOCS)
    assert story["beni-2"] == story["beni-1"] == story["beni-3"] == story["beni-copy"]
    assert story["protest-2"] == story["protest-1"]
    assert len({story["beni-1"], story["protest-1"], story["budget"], story["beni-later"]}) == 4
    assert conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0] == 4


def test_near_duplicate_joins_its_originals_story(coded: Path) -> None:
    conn = store.connect(coded)
    via = dict(conn.execute("SELECT d.source_id, s.via FROM story_documents s JOIN documents d USING (doc_id)"))
    copy = next(k for k in via if k.endswith("beni-copy"))
    assert via[copy] == "duplicate"


def test_story_has_title_span_outlets_and_places(coded: Path) -> None:
    conn = store.connect(coded)
    found = stories.story(conn, _by_name(conn)["beni-1"])
    assert found is not None
    assert found.title == "Rebels kill villagers near Beni"  # the earliest report's
    assert (found.first_date, found.last_date) == ("2024-03-05", "2024-03-06")
    assert found.outlets == ("first-outlet.example", "second-outlet.example", "third-outlet.example",
                             "wire-client.example")
    assert [d.day for d in found.documents] == sorted(d.day for d in found.documents)
    assert {p.country for p in found.places} == {"COD"}


def test_conflicting_figures_are_kept_side_by_side_with_claimants(coded: Path) -> None:
    conn = store.connect(coded)
    found = stories.story(conn, _by_name(conn)["beni-1"])
    assert found is not None and found.disputed
    dead = next(f for h in found.happenings for f in h.figures if f.figure == "dead" and f.disputed)
    by_claimant = {(c.claimant.lower(), c.value) for c in dead.claims}
    assert ("officials", 12) in by_claimant
    assert ("local rights group", 30) in by_claimant
    assert ("red cross workers", 17) in by_claimant
    assert (dead.low, dead.high) == (12, 30)
    assert dead.default == 12  # the most conservative attributed figure, not an average
    originals = dict(conn.execute("SELECT doc_id, original FROM documents"))
    for claim in dead.claims:
        assert str(claim.value) in originals[claim.doc_id][claim.start:claim.end] or claim.value == 12


def test_one_figure_everywhere_is_not_disputed(coded: Path) -> None:
    conn = store.connect(coded)
    found = stories.story(conn, _by_name(conn)["protest-1"])
    assert found is not None
    arrested = [f for h in found.happenings for f in h.figures if f.figure == "arrested"]
    assert arrested and all(not f.disputed for f in arrested)
    assert {c.value for f in arrested for c in f.claims} == {40}


def test_happening_claims_by_store_key(coded: Path) -> None:
    conn = store.connect(coded)
    key = conn.execute("SELECT happening FROM events WHERE happening IS NOT NULL AND dead IS NOT NULL "
                       "ORDER BY rowid LIMIT 1").fetchone()[0]
    found = claims.happening_claims(conn, key)
    assert found is not None and found.key == key and found.reports >= 1
    assert claims.happening_claims(conn, "NO|such|key") is None


def test_rerun_links_each_document_once(coded: Path, tmp_path: Path) -> None:
    before = _story_of(store.connect(coded))
    _code(coded, tmp_path, DOCS)
    conn = store.connect(coded)
    assert _story_of(conn) == before
    assert conn.execute("SELECT SUM(documents) FROM stories").fetchone()[0] == len(DOCS)
    assert conn.execute("SELECT n FROM story_df WHERE term = ''").fetchone()[0] == len(DOCS)


def test_rebuild_gives_the_same_stories(coded: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    with sqlite3.connect(coded) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    conn = store.connect(copy)
    before = sorted(_by_name(conn).items())
    assert stories.rebuild(conn) == len(DOCS)
    assert sorted(_by_name(conn).items()) == before


def test_sentence_claims_reads_each_speaker() -> None:
    found = claims.sentence_claims("Officials said 12 people were killed, but a rights group said 30 people died.")
    assert [(who, figure, value) for who, figure, value, _s, _e in found] == [
        ("Officials", "dead", 12), ("a rights group", "dead", 30)]
