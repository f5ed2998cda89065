"""The optional learned ranker of place candidates: features per candidate and a linear scorer.

``bench/train_geo_ranker.py`` trains it on the tuning halves of the gold sets and writes
``data/geo_ranker.json`` only when it beats the hand weights of ``resolver.py`` on the check halves;
without that file (as shipped) the hand weights decide and no features are computed.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ... import lexicon as lx
from ...errors import GazetteerError
from ...gazetteer import Candidate
from ...resources import DATA_DIR, read_json
from .evidence import ScoredCandidate
from .toponyms import Toponym, list_groups

if TYPE_CHECKING:
    from spacy.tokens import Doc

FEATURES = ("hand", "logpop", "main", "PCLI", "ADM1", "ADM2", "PPLC", "PPLA", "PPL", "region", "dateline_city",
            "contained_in", "contained_out", "country", "admin1", "held", "near50", "near200", "most_populous",
            "log_ratio", "ratio_unsupported", "world_city", "ratio_in_name", "state_context", "ratio_by_country",
            "in_name_city", "listed_city")
RANKER_PATH = DATA_DIR / "geo_ranker.json"
WORLD_CITY_POPULATION = 1_000_000  # a town this big is known by name the world over ("world_city")
STATE_WINDOW = 3  # tokens either side of a name searched for the state words of ``state_context``


def candidate_features(cand: Candidate, scored: ScoredCandidate, mention: Toponym,
                       options: Sequence[Candidate], doc: Doc, listed: bool) -> list[float]:
    """One candidate's features for the ranker, in the order of ``FEATURES``."""
    hand, _why, ev = scored
    fcode = cand.fcode
    logpop = math.log10(cand.population + 10)
    top = max(o.population for o in options)
    ratio = math.log10((top + 10) / (cand.population + 10))  # 0 for the most populous namesake
    local = max(ev.near50, ev.held, 1.0 if ev.contained > 0 else 0.0)
    end = mention.token_end
    in_name = mention.source in ("prefix", "suffix") or (
        end < len(doc) and doc[end].is_alpha and doc[end].text[:1].isupper())  # "Cambridge Analytica"
    window = doc[max(0, mention.token_start - STATE_WINDOW):min(len(doc), end + STATE_WINDOW)]
    near_words = lx.place_words().state_cues.near
    state_words = any(t.lower_.rstrip(".") in near_words for t in window)
    world_city = fcode.startswith("PPL") and cand.population >= WORLD_CITY_POPULATION
    return [hand, logpop, float(cand.main), float(fcode == "PCLI"), float(fcode == "ADM1"), float(fcode == "ADM2"),
            float(fcode == "PPLC"), float(fcode.startswith("PPLA")),
            float(fcode.startswith("PPL") and fcode != "PPLC" and not fcode.startswith("PPLA")),
            float(cand.fclass == "L"), float(ev.dateline_city), float(ev.contained > 0), float(ev.contained < 0),
            ev.country, ev.admin1, ev.held, ev.near50, max(0.0, ev.near200 - ev.near50), float(ratio == 0.0),
            ratio, ratio * (1.0 - min(1.0, local)), float(world_city),
            ratio * float(in_name), float(state_words and fcode == "ADM1"), ratio * ev.country,
            float(in_name and world_city),
            float(listed and fcode.startswith("PPL"))]


def in_lists(mentions: Sequence[Toponym], doc: Doc) -> list[bool]:
    """Whether each mention stands in a list with another one ("Los Angeles, Miami and New York")."""
    out = [False] * len(mentions)
    for group in list_groups(mentions, doc):
        for k in group:
            out[k] = True
    return out


@dataclass(frozen=True, slots=True)
class Ranker:
    """A linear scorer over ``FEATURES`` (a conditional logit trained by bench/train_geo_ranker.py)."""

    weights: tuple[float, ...]

    def score(self, features: Sequence[float]) -> float:
        return sum(w * f for w, f in zip(self.weights, features))

    @classmethod
    def load(cls, path: Path) -> Ranker:
        fix = "rebuild it with bench/train_geo_ranker.py or delete it to use the hand weights"
        data = read_json(path, what="geo ranker", fix=fix, error=GazetteerError)
        try:
            weights = data["weights"]
            names = tuple(data["features"])
        except (KeyError, TypeError) as exc:
            raise GazetteerError(f"cannot read the geo ranker {path} ({exc}): {fix}", stage="geo") from exc
        if names != FEATURES:
            raise GazetteerError(f"geo ranker {path} has features {names}, this code computes {FEATURES}: rebuild it "
                                 "with bench/train_geo_ranker.py", stage="geo")
        try:
            return cls(tuple(float(weights[n]) for n in names))
        except (ValueError, KeyError, TypeError) as exc:
            raise GazetteerError(f"cannot read the geo ranker {path} ({exc}): {fix}", stage="geo") from exc


_RANKER: list[Ranker | None] = []


def get_ranker() -> Ranker | None:
    """The shipped ranker, read once; None (hand weights decide) when no ranker file is shipped."""
    if not _RANKER:
        _RANKER.append(Ranker.load(RANKER_PATH) if RANKER_PATH.exists() else None)
    return _RANKER[0]


def set_ranker(ranker: Ranker | None) -> None:
    """Replace the ranker in use (training and evaluation of a candidate ranker)."""
    _RANKER[:] = [ranker]
