"""Carry judged verdicts to the re-run-12 records that are unchanged (same story, sentence and trigger offsets, type,
modality, actor and recipient country, place name and coordinates, date), looking first in re-run 11
(eval/audit/rerun11/), then re-run 10, 9, 8, 7, 6, 5, 4, 3, 2, the first re-run (eval/audit/rerun/), then the
original audit (eval/audit/).

Writes rerun12/carried.psv (judgements.psv rows, new event id prefix, reason prefixed "carried: "; a verdict that
was already carried keeps one prefix), rerun12/gone.psv (re-run 11's records with no identical record now, with their
verdict: what the changes of b1ed794..12d0469 removed or changed) and prints the records to judge fresh (no
earlier verdicts shown). At 12d0469 every record is identical to one of re-run 11: nothing is to judge fresh
(fresh.psv is empty).
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from rerun_tools import AUDIT, carry  # noqa: E402

# identical records whose carried verdict is `dup` of a first record that is gone in re-run 12: the dup verdict no
# longer holds, so they are judged fresh (fresh.psv). None: the three gone records (GeoWebNews:257) are no dup's
# first record.
REJUDGE: set[tuple[str, str]] = set()

if __name__ == "__main__":
    carry(HERE, (AUDIT / "rerun12", AUDIT / "rerun11", AUDIT / "rerun10", AUDIT / "rerun9", AUDIT / "rerun8", AUDIT / "rerun7",
                 AUDIT / "rerun6", AUDIT / "rerun5", AUDIT / "rerun4", AUDIT / "rerun3", AUDIT / "rerun2", AUDIT / "rerun",
                 AUDIT), rejudge=REJUDGE)
