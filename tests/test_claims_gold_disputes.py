"""The real disputes of eval/story_groups/disputes.jsonl (wire reports of the 1998 embassy bombings and one LGL
report), found with both claimants: the documents of the stories they sit in, coded by the real pipeline into a
real SQLite file. bench/eval_story_groups.py scores them among all 1,044 documents;
here only those stories' documents are coded, to stay fast."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dragoman import store
from dragoman.evaluate import story_groups
from dragoman.pipeline import code_files

pytestmark = pytest.mark.slow

FOLDER = Path(__file__).resolve().parents[1] / "eval" / "story_groups"
# Measured: 8 of 11 here (9 of 11 among all 1,044 documents, where the two reports recalling the Nairobi toll two
# weeks on join the bombing's own story; here they stay apart); the floor allows no loss.
FLOOR = 8


def test_disputes_are_found_with_both_claimants(gold_dir: Path, tmp_path: Path) -> None:
    disputes = story_groups.read_disputes(FOLDER / "disputes.jsonl")
    wanted = {d.story for d in disputes}
    # the stories holding disputes and every AQUAINT wire report beside them: linking weighs words by how rare they
    # are in the store, so the reports are read among the others of their collection, as in the full evaluation
    groups = [g for g in story_groups.read_groups(FOLDER / "groups.jsonl")
              if g.story in wanted or all(ref.startswith("TBAQ-cleaned/AQUAINT/") for ref in g.refs)]
    assert wanted <= {g.story for g in groups}
    records = story_groups.gold_records(gold_dir, [ref for g in groups for ref in g.refs])
    source = tmp_path / "reports.jsonl"
    source.write_text("".join(json.dumps(records[ref]) + "\n" for ref in sorted(records)), encoding="utf-8")
    code_files([source], db=tmp_path / "reports.db", workers=1)
    conn = store.connect(tmp_path / "reports.db")
    found = {d.dispute for d in disputes if story_groups.dispute_found(conn, d, records)}
    assert len(found) >= FLOOR, sorted({d.dispute for d in disputes} - found)
