"""Write rerun13/recall.psv from re-run 12's rerun12/recall.psv: a listed happening keeps its finding when its
finder is carried (an identical record in re-run 13); a happening not found keeps "not found" when its story gained
no fresh record. At a4205bd (the changes of 12d0469..a4205bd: a crowd's number as a subject; both models retrained
twice, the check's threshold 0.14; who orders people released; one happening once where the mentions agree, a visit
and the meeting with its hosts one happening, a phone call hung on a fronted infinitive; a four-digit count of people
is no year; hyphenated crowd-control verbs; the accused of a complaint's clause; claims withdrawn are CONCEDE; crowds
turning out to support someone are a rally; forces brought in are MOBILIZE) six records of re-run 12 are gone (in
GeoWebNews:13, GeoWebNews:121, GeoWebNews:241, GeoWebNews:267 and LGL:44176373) and four are judged fresh (in
GeoWebNews:13, GeoWebNews:121, GeoWebNews:241 and LGL:44176373). Every listed happening of those five stories was
checked again by hand (FRESH below, same rule: an asserted record of that happening with its type or a neighbour and
both countries; place and date ignored)."""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from rerun_tools import carry_recall  # noqa: E402

FRESH = {  # (story, fact id) -> (finder event id prefix or '-', note), for the stories holding a gone or fresh record
    ("GeoWebNews:121", "G0"): ("-", "fresh: checked again: still not found: the Douma operations sentence is not"
                                    " coded; 9a9806 has no actor"),
    ("GeoWebNews:121", "G1"): ("-", "fresh: checked again: still not found: 9a9806 and the fresh 39ef0a (now"
                                    " undated) have no actor"),
    ("GeoWebNews:121", "G2"): ("9ec8f5", "fresh: checked again: the rebels' talks 9ec8f5 (SYR -> RUS) still find"
                                         " it"),
    ("GeoWebNews:121", "G3"): ("-", "fresh: checked again: still not found: the departures for Idlib are not coded;"
                                    " the rebels' agreement b90177 is AGREE, no neighbour of RETREAT"),
    ("GeoWebNews:13", "G0"): ("-", "fresh: checked again: still not found: the reception record 4c088c is gone;"
                                   " Shoigu's visit d7dde4, now the first record of it, is VNM -> VNM (implied)"),
    ("GeoWebNews:13", "G1"): ("-", "fresh: checked again: still not found: the talks 5d2008 have the actor RUS"),
    ("LGL:44176373", "G0"): ("-", "fresh: checked again: still not found: Schwarzenberg's criticism is not coded"
                                  " (the summit clause fe6469 is no criticism)"),
    ("LGL:44176373", "G1"): ("-", "fresh: checked again: still not found: the EU's warning is not coded"),
    ("LGL:44176373", "G2"): ("b55168", "fresh: found: the Peres-Mubarak call is now coded, b55168 (CONSULT 'phone',"
                                       " Peres ISR -> Mubarak EGY)"),
    ("LGL:44176373", "G3"): ("fafb18", "fresh: checked again: the Prague visit fafb18 (ISR -> CZE) still finds it;"
                                       " the gone ee68b1 ('met with', a dup) was merged into it"),
    ("GeoWebNews:267", "N267-1"): ("4a8352", "fresh: checked again: the arrest 4a8352 (COERCE, 'Indian police' IND"
                                             " -> IND) still finds it; the gone 564491 (the raid, a dup) told no other"
                                             " listed happening"),
    ("GeoWebNews:241", "N241-1"): ("192067", "fresh: checked again: the lawsuit record 192067 (CAN -> CAN) still"
                                             " finds it; the gone 3c727c ('alleging', a dup) was merged into it"),
    ("GeoWebNews:241", "N241-2"): ("0fb32b", "fresh: checked again: the inspectors' push 0fb32b (CAN -> CAN) still"
                                             " finds it"),
    ("GeoWebNews:241", "N241-3"): ("80b2b8", "fresh: found, by another record: the detention aefcfb is gone, merged"
                                             " into the later 'officers eventually arrested him' 80b2b8 (COERCE,"
                                             " officers CAN -> CAN implied), which finds it"),
    ("GeoWebNews:241", "N241-4"): ("-", "fresh: checked again: still not found: the release without charge is not"
                                        " coded (a RETREAT 'released' exists only with the check off: the check"
                                        " drops it)"),
}


if __name__ == "__main__":
    carry_recall(HERE, HERE.parent / "rerun12", FRESH)
