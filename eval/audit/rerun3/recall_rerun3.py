"""Write rerun3/recall.psv from re-run 2's rerun2/recall.psv: a listed happening keeps its finding when its
finder is carried (an identical record in re-run 3); a happening not found keeps "not found" when its story gained
no fresh record (re-run 3 only removed or kept records there, and removing a record finds nothing); the happenings
of the stories with fresh records were checked again by hand (FRESH below, same rule: an asserted record of that
happening with its type or a neighbour and both countries; place and date ignored)."""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from rerun_tools import carry_recall  # noqa: E402

FRESH = {  # (story, fact id) -> (finder event id prefix or '-', note), for the stories holding a fresh record
    ("LGL:40520550", "G0"): ("95558a", "fresh: the headline arrest 0a15aa is gone (a later mention took its place);"
                                       " the three other arrests of the same bust (95558a, LBN -> LBN) tell G0"),
    ("LGL:40520550", "G1"): ("-", "fresh: b9e8e7 still has no actor"),
    ("LGL:40648857", "G1"): ("-", "fresh: still coded AGREE (b6e0aa) only"),
    ("LGL:40648857", "G2"): ("-", "fresh: the dispersal 811daf is gone; the arrests 24e5e5 have the recipient ISR"),
    ("LGL:38991174", "N3899-1"): ("98da04", "fresh: the charge record 'charged with robbing two Indiana banks',"
                                            " USA -> USA (the headline record 8b6232 is gone)"),
    ("LGL:38991174", "N3899-2"): ("-", "fresh: the stop and custody still not coded"),
}


if __name__ == "__main__":
    carry_recall(HERE, HERE.parent / "rerun2", FRESH)
