"""Write rerun4/recall.psv from re-run 3's rerun3/recall.psv: a listed happening keeps its finding when its
finder is carried (an identical record in re-run 4); a happening not found keeps "not found" when its story gained
no fresh record (re-run 4 only removed or kept records there, and removing a record finds nothing); the happenings
of the story with fresh records (GeoWebNews:193: two records changed their place) were checked again by hand
(FRESH below, same rule: an asserted record of that happening with its type or a neighbour and both countries;
place and date ignored), and so were the happenings whose note named a record that is gone now (GeoWebNews:20 G1)
or that a gone real record told about (LGL:44176373 G2): their finding does not change, their note does."""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from rerun_tools import carry_recall  # noqa: E402

FRESH = {  # (story, fact id) -> (finder event id prefix or '-', note), for the stories holding a fresh record
    ("GeoWebNews:193", "G0"): ("2c54ad", "fresh: checked again: the 'met with' record 2c54ad (CHN -> RUS, Moscow,"
                                         " 2018-04-05) still tells the Wang-Lavrov meeting; the two changed records"
                                         " (8e7bfd, 14f260) tell no listed happening"),
    ("GeoWebNews:20", "G1"): ("-", "fresh: the US expulsion has no record now: 6f2cd2 (no actor) was merged into the"
                                   " headline's Russian expulsion 20446f, whose place is guessed from the story"),
    ("LGL:44176373", "G2"): ("-", "fresh: still not found: the Peres-Mubarak call is not coded; the talks with foreign"
                                  " leaders (e5d0b5, not the call) are gone, merged into the Prague visit fafb18"),
}


if __name__ == "__main__":
    carry_recall(HERE, HERE.parent / "rerun3", FRESH)
