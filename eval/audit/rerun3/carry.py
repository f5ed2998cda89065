"""Carry judged verdicts to the re-run-3 records that are unchanged (brief: same story, sentence and trigger
offsets, type, modality, actor and recipient country, place name and coordinates, date), looking first in re-run 2
(eval/audit/rerun2/), then the first re-run (eval/audit/rerun/), then the original audit (eval/audit/).

Writes rerun3/carried.psv (judgements.psv rows, new event id prefix, reason prefixed "carried: "; a verdict that
was already carried keeps one prefix), rerun3/gone.psv (re-run 2's records with no identical record
now, with their verdict: what the event check and the rule changes removed or changed) and prints the records to
judge fresh (no earlier verdicts shown).
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from rerun_tools import AUDIT, carry  # noqa: E402

# identical records whose carried verdict is `dup` of a first record that is gone in re-run 3 (a later mention took
# its place, events/story.py): the dup verdict no longer holds, so they are judged fresh (fresh.psv)
REJUDGE = {("LGL:40648857", "24e5e5"), ("LGL:40520550", "95558a"), ("LGL:38991174", "98da04")}

if __name__ == "__main__":
    carry(HERE, (AUDIT / "rerun2", AUDIT / "rerun", AUDIT), rejudge=REJUDGE)
