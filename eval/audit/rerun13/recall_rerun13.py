"""Write rerun12/recall.psv from re-run 11's rerun11/recall.psv: a listed happening keeps its finding when its
finder is carried (an identical record in re-run 12); a happening not found keeps "not found" when its story gained
no fresh record. At 12d0469 (the changes of b1ed794..12d0469: the check's political side refactored; an event noun
takes its governor's modality; an attack and its toll in one sentence are one event; a town tagged a nationality
after 'in' is the town; ground taken 'from' a side; a base established is MOBILIZE; 'a man accused of theft' is no
accusation; a place inside what a verbal act says is not where it was made; present-passive custody states are no
arrests; a finite verb as a preposition's object is a noun misread; complaints 'against'; 'told X in a phone call';
news releases; 'hit out at'; 'protested to'; no model addition of a rule event's CAMEO family; both models
retrained, the check's threshold 0.14) three records of re-run 11 are gone, all in GeoWebNews:257, and none is
fresh. Every listed happening of that story (G0-G3) was checked again by hand (FRESH below, same rule: an asserted
record of that happening with its type or a neighbour and both countries; place and date ignored)."""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from rerun_tools import carry_recall  # noqa: E402

FRESH = {  # (story, fact id) -> (finder event id prefix or '-', note), for the story holding the gone records
    ("GeoWebNews:257", "G0"): ("27bcf3", "fresh: checked again: the supreme court's release 27bcf3 (RETREAT, an"
                                         " accepted neighbour of CONCEDE, AZE -> AZE implied) still finds it; the"
                                         " gone b53da4 (Amnesty's recognition) told no listed happening"),
    ("GeoWebNews:257", "G1"): ("4e173f", "fresh: checked again: the arrest 4e173f (COERCE, AZE -> AZE) still finds"
                                         " it"),
    ("GeoWebNews:257", "G2"): ("457b25", "fresh: checked again: the conviction 457b25 (SANCTION 'convict', AZE ->"
                                         " AZE) still finds it"),
    ("GeoWebNews:257", "G3"): ("64aa35", "fresh: checked again: Mukhtarli's sentence 64aa35 (COERCE, AZE -> AZE)"
                                         " still finds it; the gone 44a003 ('are imprisoned') and 20ec8a ('languish"
                                         " in ... jails') were states, no listed happening"),
}


if __name__ == "__main__":
    carry_recall(HERE, HERE.parent / "rerun11", FRESH)
