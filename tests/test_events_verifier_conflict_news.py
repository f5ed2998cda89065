"""The event check on conflict and diplomatic news (issue 12): it was trained on annotated articles that are mostly
local news, where a release, a withdrawal or an aid pledge is rarely a political event, and it dropped such events
in conflict news. Each sentence below reports one clear event (written for this test); set in a short story so that
the check runs, its event must survive the check."""

from __future__ import annotations

import pytest

from dragoman.extract.events.verifier import checking
from dragoman.ingest import article_from_text
from dragoman.pipeline import code_articles

pytestmark = pytest.mark.slow

# Paragraphs that report nothing, so that each text is a story of four sentences (the check abstains on shorter ones).
FILLER = ("The ministry did not comment on Monday.\n\nOfficials said more details would follow.\n\n"
          "The situation remained tense, residents said.")

CLEAR_EVENTS = [
    ("The rebels released 15 hostages on Sunday.", "RETREAT"),
    ("Israel handed over the bodies of three Palestinians.", "RETREAT"),
    ("The army withdrew from the disputed town.", "RETREAT"),
    ("The militia laid down its weapons under the peace deal.", "RETREAT"),
    ("Japan pledged $2 billion in aid to Ukraine.", "AID"),
    ("The World Bank approved a $500 million loan to Kenya.", "AID"),
    ("The United Nations airlifted food to the besieged city.", "AID"),
    ("Gunmen kidnapped 20 schoolchildren in Kaduna state.", "ASSAULT"),
    ("Turkey shelled Kurdish positions in northern Syria.", "ASSAULT"),
    ("The government expelled the French ambassador.", "SANCTION"),
    ("China summoned the Japanese envoy over the visit.", "ACCUSE"),
    ("The government lifted the state of emergency.", "CONCEDE"),
]


def test_clear_conflict_and_diplomatic_events_survive_the_check() -> None:
    articles = [article_from_text(f"{text}\n\n{FILLER}", source_id=f"clear-{i}", published="2024-05-02")
                for i, (text, _type) in enumerate(CLEAR_EVENTS)]
    with checking(False):
        unchecked = code_articles(articles)
    checked = code_articles(articles)
    coded = kept = 0
    for (text, type_), before, after in zip(CLEAR_EVENTS, unchecked, checked):
        leads = [e for e in before.events if e.type == type_ and e.evidence.start < len(text)]
        assert leads, f"the rules code no {type_} in {text!r}"
        coded += 1
        kept += any(e.type == type_ and e.evidence.start < len(text) for e in after.events)
    # 5 of 12 survived before the check abstained on types its training articles hold too few right examples of
    assert kept >= coded - 1, (kept, coded)
