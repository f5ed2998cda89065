"""Write rerun5/recall.psv from re-run 4's rerun4/recall.psv: a listed happening keeps its finding when its
finder is carried (an identical record in re-run 5); a happening not found keeps "not found" when its story gained
no fresh record. At 60fb8fd every one of the 122 records is identical to a record of re-run 4 (and none of re-run 4
is gone), so no story holds a fresh record and no happening was checked again by hand (FRESH is empty)."""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from rerun_tools import carry_recall  # noqa: E402

FRESH: dict[tuple[str, str], tuple[str, str]] = {}  # (story, fact id) -> (finder prefix or '-', note)


if __name__ == "__main__":
    carry_recall(HERE, HERE.parent / "rerun4", FRESH)
