"""Carry the original verdicts to the re-run records that are unchanged (brief: same story, sentence and trigger
offsets, type, modality, actor and recipient country, place name and coordinates, date).

Writes rerun/carried.psv (judgements.psv rows, new event id prefix, reason prefixed "carried: ") and prints the
records to judge fresh (no original verdicts shown).
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from rerun_tools import AUDIT, carry  # noqa: E402

if __name__ == "__main__":
    carry(HERE, (AUDIT,), gone=False)
