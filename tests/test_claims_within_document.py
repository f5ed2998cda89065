"""Two tolls of one happening in one document ("20 killed, police said" ... "27 killed, hospital officials said")
are two claims of one disputed figure (``claims.py`` over ``Counts.also_stated``), coded by the real pipeline into
a real SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dragoman import claims, store
from dragoman.pipeline import code_files

pytestmark = pytest.mark.slow

TEXT = ("BAGHDAD - A car bomb exploded near a market in Baghdad on Thursday, killing at least 20 people, police said. "
        "Shops burned for hours. Hospital officials said 27 people were killed in the blast.")


def test_two_tolls_in_one_report_are_a_dispute_with_both_claimants(tmp_path: Path) -> None:
    source = tmp_path / "news.jsonl"
    source.write_text(json.dumps({"id": "one", "text": TEXT, "published": "2024-03-08",
                                  "url": "https://wire.example/baghdad"}) + "\n", encoding="utf-8")
    db = tmp_path / "news.db"
    code_files([source], db=db, workers=1)
    conn = store.connect(db)
    (key,) = [k for (k,) in conn.execute("SELECT happening FROM events WHERE type = 'ASSAULT' AND dead IS NOT NULL")]
    found = claims.happening_claims(conn, key)
    assert found is not None
    (dead,) = [f for f in found.figures if f.figure == "dead"]
    assert dead.disputed and (dead.low, dead.high, dead.default) == (20, 27, 20)
    assert {(c.value, c.claimant, c.attributed) for c in dead.claims} == {(20, "police", True),
                                                                          (27, "Hospital officials", True)}
    (later,) = [c for c in dead.claims if c.value == 27]
    original = conn.execute("SELECT original FROM documents").fetchone()[0]
    assert original[later.start:later.end] == "Hospital officials said 27 people were killed in the blast."


def test_a_passive_report_names_no_speaker() -> None:
    # "were reported" is a passive: the figure after it has no claimant of its own
    assert claims.sentence_claims("At least seven were reported dead in the capital, and 72 others were hurt.") == []
    assert [c[:3] for c in claims.sentence_claims("Police reported 7 were killed.")] == [("Police", "dead", 7)]


def test_a_wire_citing_a_source_as_saying_gives_that_claim() -> None:
    found = claims.sentence_claims("Spokesman Mark Tolchinsky said 14 insurgents were killed, but Interfax cited the "
                                   "Federal Security Service as saying 12 died.")
    assert [c[:3] for c in found] == [("Spokesman Mark Tolchinsky", "dead", 14),
                                      ("Interfax cited the Federal Security Service", "dead", 12)]


def test_a_figure_added_from_a_later_mention_keeps_that_mentions_claimants(tmp_path: Path) -> None:
    text = ("MAKHACHKALA - Fighting between police and insurgents in a forest of Dagestan ended Saturday, officials "
            "said. Spokesman Mark Tolchinsky said 14 insurgents were killed, but Interfax cited the Federal Security "
            "Service as saying 12 died.")
    source = tmp_path / "news.jsonl"
    source.write_text(json.dumps({"id": "one", "text": text, "published": "2010-02-06"}) + "\n", encoding="utf-8")
    code_files([source], db=tmp_path / "news.db", workers=1)
    conn = store.connect(tmp_path / "news.db")
    keys = {k for (k,) in conn.execute("SELECT happening FROM events WHERE type = 'ASSAULT' AND dead IS NOT NULL")}
    found = [claims.happening_claims(conn, k) for k in keys]
    dead = [f for h in found if h for f in h.figures if f.figure == "dead"]
    assert len(dead) == 1 and dead[0].disputed
    assert {(c.value, c.claimant) for c in dead[0].claims} == {
        (14, "Spokesman Mark Tolchinsky"), (12, "Interfax cited the Federal Security Service")}
