"""Carry judged verdicts to the re-run-11 records that are unchanged (same story, sentence and trigger offsets, type,
modality, actor and recipient country, place name and coordinates, date), looking first in re-run 10
(eval/audit/rerun10/), then re-run 9, 8, 7, 6, 5, 4, 3, 2, the first re-run (eval/audit/rerun/), then the original
audit (eval/audit/).

Writes rerun11/carried.psv (judgements.psv rows, new event id prefix, reason prefixed "carried: "; a verdict that
was already carried keeps one prefix), rerun11/gone.psv (re-run 10's records with no identical record now, with their
verdict: what the changes of a933620..b1ed794 removed or changed) and prints the records to judge fresh (no
earlier verdicts shown).
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from rerun_tools import AUDIT, carry  # noqa: E402

# identical records whose carried verdict is `dup` of a first record that is gone in re-run 11: the dup verdict no
# longer holds, so they are judged fresh (fresh.psv)
REJUDGE: set[tuple[str, str]] = set()

if __name__ == "__main__":
    carry(HERE, (AUDIT / "rerun10", AUDIT / "rerun9", AUDIT / "rerun8", AUDIT / "rerun7", AUDIT / "rerun6",
                 AUDIT / "rerun5", AUDIT / "rerun4", AUDIT / "rerun3", AUDIT / "rerun2", AUDIT / "rerun", AUDIT),
          rejudge=REJUDGE)
