"""Write rerun6/recall.psv from re-run 5's rerun5/recall.psv: a listed happening keeps its finding when its
finder is carried (an identical record in re-run 6); a happening not found keeps "not found" when its story gained
no fresh record. At e623153 the coding with the check off is re-run 5's record for record; the retrained check
keeps 7 records re-run 5 did not have (6 identical to records judged in earlier runs, carried; one fresh) and drops
7 that re-run 5 had. The happenings of the story with the fresh record (GeoWebNews:241: the check now keeps the
'captured on video' slip of the text's repeated second copy, bcac08, and drops the first copy's) were checked again
by hand (FRESH below, same rule: an asserted record of that happening with its type or a neighbour and both
countries; place and date ignored), and so were the happenings whose note named a record that is gone now
(LGL:44176373 G0: the summit clause fe6469) or that a gone real record told about (GeoWebNews:121 G3: the rebels'
agreement to surrender deals b90177): their finding does not change, their note does."""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from rerun_tools import carry_recall  # noqa: E402

FRESH = {  # (story, fact id) -> (finder event id prefix or '-', note), for the stories holding a fresh record
    ("GeoWebNews:241", "N241-1"): ("704bf2", "fresh: checked again: the lawsuit record 704bf2 (CAN -> CAN) still"
                                             " finds it; the fresh 'captured on video' record bcac08 tells no listed"
                                             " happening"),
    ("GeoWebNews:241", "N241-2"): ("0fb32b", "fresh: checked again: the inspectors' push 0fb32b (CAN -> CAN) still"
                                             " finds it"),
    ("GeoWebNews:241", "N241-3"): ("-", "fresh: still not found: the detention aefcfb and the arrest 80b2b8 have no"
                                        " recipient; bcac08 (COERCE, 'captured on video') is filming, not the arrest"),
    ("GeoWebNews:241", "N241-4"): ("-", "fresh: still not found: the release without charge is not coded"),
    ("LGL:44176373", "G0"): ("-", "fresh: still not found: Schwarzenberg's criticism is not coded, and the summit"
                                  " clause coded in its sentence before (fe6469) is gone"),
    ("GeoWebNews:121", "G3"): ("-", "fresh: still not found: the departures for Idlib are not coded; the rebels'"
                                    " agreement to surrender deals (b90177, AGREE, not RETREAT) is gone"),
}


if __name__ == "__main__":
    carry_recall(HERE, HERE.parent / "rerun5", FRESH)
