"""Carry judged verdicts to the re-run-2 records that are unchanged (brief: same story, sentence and trigger
offsets, type, modality, actor and recipient country, place name and coordinates, date), looking first in the
previous re-run (eval/audit/rerun/) and then in the original audit (eval/audit/).

Writes rerun2/carried.psv (judgements.psv rows, new event id prefix, reason prefixed "carried: "; a verdict that
was already carried keeps one prefix), rerun2/gone.psv (the previous re-run's records with no identical record
now, with their verdict: what the event check and the rule changes removed or changed) and prints the records to
judge fresh (no earlier verdicts shown).
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from rerun_tools import AUDIT, carry  # noqa: E402

if __name__ == "__main__":
    carry(HERE, (AUDIT / "rerun", AUDIT))
