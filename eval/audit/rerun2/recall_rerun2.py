"""Write rerun2/recall.psv from the previous re-run's rerun/recall.psv: a listed happening keeps its finding when its
finder is carried (an identical record in re-run 2); a happening not found keeps "not found" when its story gained
no fresh record (re-run 2 only removed or kept records there, and removing a record finds nothing); the happenings
of the stories with fresh records were checked again by hand (FRESH below, same rule: an asserted record of that
happening with its type or a neighbour and both countries; place and date ignored)."""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from rerun_tools import carry_recall  # noqa: E402

FRESH = {  # (story, fact id) -> (finder event id prefix or '-', note), for the stories holding a fresh record
    ("GeoWebNews:257", "G0"): ("-", "fresh: the release is no longer coded at all (the check dropped the caption's"
                                    " RETREAT 018518 and its duplicate 27bcf3)"),
    ("GeoWebNews:257", "G2"): ("-", "fresh: the December conviction is still coded ACCUSE only"),
    ("GeoWebNews:257", "G3"): ("-", "fresh: Mukhtarli's sentence is asserted again (b783cf) but coded ACCUSE, no"
                                    " neighbour of COERCE"),
}


if __name__ == "__main__":
    carry_recall(HERE, HERE.parent / "rerun", FRESH)
