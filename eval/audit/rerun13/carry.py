"""Carry judged verdicts to the re-run-13 records that are unchanged (same story, sentence and trigger offsets, type,
modality, actor and recipient country, place name and coordinates, date), looking first in re-run 12
(eval/audit/rerun12/), then re-run 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, the first re-run (eval/audit/rerun/), then the
original audit (eval/audit/).

Writes rerun13/carried.psv (judgements.psv rows, new event id prefix, reason prefixed "carried: "; a verdict that
was already carried keeps one prefix), rerun13/gone.psv (re-run 12's records with no identical record now, with their
verdict: what the changes of 12d0469..a4205bd removed or changed) and prints the records to judge fresh (no
earlier verdicts shown). At a4205bd two records are new or changed (GeoWebNews:121 39ef0a, LGL:44176373 b55168) and
two identical records lost the first record their `dup` verdict pointed at (REJUDGE): four are judged fresh
(fresh.psv).
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from rerun_tools import AUDIT, carry  # noqa: E402

# identical records whose carried verdict is `dup` of a first record that is gone in re-run 13 (a later mention took
# its place, 78d3aff): the dup verdict no longer holds, so they are judged fresh (fresh.psv).
# GeoWebNews:13 d7dde4 (Shoigu's visit) was the dup of the reception 4c088c; GeoWebNews:241 80b2b8 ('officers
# eventually arrested him') was the dup of the detention aefcfb.
REJUDGE = {("GeoWebNews:13", "d7dde4"), ("GeoWebNews:241", "80b2b8")}

if __name__ == "__main__":
    carry(HERE, (AUDIT / "rerun12", AUDIT / "rerun11", AUDIT / "rerun10", AUDIT / "rerun9", AUDIT / "rerun8",
                 AUDIT / "rerun7", AUDIT / "rerun6", AUDIT / "rerun5", AUDIT / "rerun4", AUDIT / "rerun3", AUDIT / "rerun2",
                 AUDIT / "rerun", AUDIT), rejudge=REJUDGE)
