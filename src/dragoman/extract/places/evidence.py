"""What the context says for one place candidate: the parts of its hand score, shared by the resolver that
computes them and the ranker that reads them (``resolver.py`` -> ``evidence.py`` <- ``ranker.py``, no cycle)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias


@dataclass(frozen=True, slots=True)
class CandidateEvidence:
    """The parts of one candidate's hand score, kept for the ranker's features."""

    dateline_city: bool  # a town named by a capitals dateline
    admin_word: bool  # a county named with its admin word ("Henry County")
    contained: int  # 1 inside an explicit container, -1 outside the one given, 0 none given
    country: float  # share of the document's country focus
    admin1: float  # share of its admin-1 focus
    held: float  # a country or state holding the co-mentioned places
    near50: float  # co-mentioned places within 50 km
    near200: float  # ... within 200 km


# A candidate's hand score, the reasons that explain it (empty before the last round) and its evidence.
ScoredCandidate: TypeAlias = tuple[float, str, CandidateEvidence]
