"""Write rerun9/recall.psv from re-run 8's rerun8/recall.psv: a listed happening keeps its finding when its
finder is carried (an identical record in re-run 9); a happening not found keeps "not found" when its story gained
no fresh record. At 91c8771 (the changes of 7a30695..91c8771: forces arriving are a deployment, MOBILIZE or AID, and
the place a visitor arrives in is the host; the content of a demand, refusal, threat or agreement goes only when
read as asserted, never through a non-act noun; the legacy classifier ranks by the set's classes; the detector and
the event check retrained, the check's threshold 0.12) one record is fresh: GeoWebNews:193 14f260, 'meet each other
half way' (hypothetical, inside Wang's 'relevant parties should ...'), back because hypothetical content stays. No
record of re-run 8 is gone. The happening of GeoWebNews:193 was checked again by hand (FRESH below, same rule: an
asserted record of that happening with its type or a neighbour and both countries; place and date ignored)."""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from rerun_tools import carry_recall  # noqa: E402

FRESH = {  # (story, fact id) -> (finder event id prefix or '-', note), for the stories holding a fresh or gone record
    ("GeoWebNews:193", "G0"): ("2c54ad", "fresh: checked again: the 'met with' record 2c54ad (CONSULT, CHN -> RUS)"
                                         " still finds it; the fresh 14f260 is hypothetical and tells no listed"
                                         " happening"),
}


if __name__ == "__main__":
    carry_recall(HERE, HERE.parent / "rerun8", FRESH)
