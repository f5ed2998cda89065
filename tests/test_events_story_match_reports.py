"""A match report's contests are play, not violence: a story with a score and the words of a match codes no
assault between teams; the police's arrests around a match and a story of a war that names a score-like figure
stay."""

from __future__ import annotations

from dragoman.pipeline import code_text

MATCH = ("Liverpool beat Chelsea to go top\n\nLONDON (AP) — Liverpool beat Chelsea 2-1 on Sunday to go top of the "
         "Premier League, with Mohamed Salah scoring twice.\n\nChelsea attacked relentlessly in the second half but "
         "could not find an equalizer. The Blues' captain was shown a red card after clashing with a Liverpool "
         "defender.")


def test_a_match_report_codes_no_assault_between_teams() -> None:
    assert not [e for e in code_text(MATCH, published="2024-06-25") if e.type in ("ASSAULT", "THREATEN")]


def test_police_acts_around_a_match_stay() -> None:
    text = MATCH + " Police arrested 12 fans after the match for throwing flares."
    arrests = [e for e in code_text(text, published="2024-06-25") if e.type == "COERCE"]
    assert [e.counts.arrested for e in arrests] == [12]


def test_a_war_story_with_a_vote_tally_is_no_match() -> None:
    text = ("The Security Council voted 13-2 on a resolution on Monday. Russian troops attacked the town of Avdiivka "
            "on Tuesday, killing five civilians.")
    assert [e.counts.dead for e in code_text(text, published="2024-06-25") if e.type == "ASSAULT"] == [5]
