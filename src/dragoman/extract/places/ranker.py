"""The optional learned ranker of place candidates: features per candidate and a linear scorer.

``bench/train_geo_ranker.py`` trains it on the tuning halves of the gold sets and writes
``data/geo_ranker.json`` only when it beats the hand weights of ``places.py`` on the check halves;
without that file (as shipped) the hand weights decide and no features are computed.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ...errors import GazetteerError
from ...gazetteer import Candidate
from .toponyms import list_groups

if TYPE_CHECKING:
    from .resolver import _Evidence
    from .toponyms import Toponym

# Words near a name that speak of a state or province rather than its city ("the New York border").
STATE_CONTEXT = {"state", "border", "governor", "gov", "legislature", "upstate", "statewide", "senator", "lawmakers",
                 "attorney", "province", "provincial"}
FEATURES = ("hand", "logpop", "main", "PCLI", "ADM1", "ADM2", "PPLC", "PPLA", "PPL", "region", "dateline_city",
            "contained_in", "contained_out", "country", "admin1", "held", "near50", "near200", "most_populous",
            "log_ratio", "ratio_unsupported", "world_city", "ratio_in_name", "state_context", "ratio_by_country",
            "in_name_city", "listed_city")
RANKER_PATH = Path(__file__).resolve().parents[2] / "data" / "geo_ranker.json"


def _features(cand: Candidate, scored: tuple[float, str, _Evidence], mention: Toponym,
              options: Sequence[Candidate], doc, listed: bool) -> list[float]:  # type: ignore[no-untyped-def]
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
    window = doc[max(0, mention.token_start - 3):min(len(doc), end + 3)]
    state_words = any(t.lower_.rstrip(".") in STATE_CONTEXT for t in window)
    return [hand, logpop, float(cand.main), float(fcode == "PCLI"), float(fcode == "ADM1"), float(fcode == "ADM2"),
            float(fcode == "PPLC"), float(fcode.startswith("PPLA")),
            float(fcode.startswith("PPL") and fcode != "PPLC" and not fcode.startswith("PPLA")),
            float(cand.fclass == "L"), float(ev.dateline_city), float(ev.contained > 0), float(ev.contained < 0),
            ev.country, ev.admin1, ev.held, ev.near50, max(0.0, ev.near200 - ev.near50), float(ratio == 0.0),
            ratio, ratio * (1.0 - min(1.0, local)), float(fcode.startswith("PPL") and cand.population >= 1_000_000),
            ratio * float(in_name), float(state_words and fcode == "ADM1"), ratio * ev.country,
            float(in_name and fcode.startswith("PPL") and cand.population >= 1_000_000),
            float(listed and fcode.startswith("PPL"))]


def _listed(mentions: Sequence[Toponym], doc) -> list[bool]:  # type: ignore[no-untyped-def]
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
        try:
            data = json.loads(path.read_text("utf-8"))
            weights = data["weights"]
            names = tuple(data["features"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise GazetteerError(f"cannot read the geo ranker {path} ({exc}): rebuild it with bench/"
                                 "train_geo_ranker.py or delete it to use the hand weights", stage="geo") from exc
        if names != FEATURES:
            raise GazetteerError(f"geo ranker {path} has features {names}, this code computes {FEATURES}: rebuild it "
                                 "with bench/train_geo_ranker.py", stage="geo")
        return cls(tuple(float(weights[n]) for n in names))


_RANKER: list[Ranker | None] = []


def get_ranker() -> Ranker | None:
    """The shipped ranker, read once; None (hand weights decide) when no ranker file is shipped."""
    if not _RANKER:
        _RANKER.append(Ranker.load(RANKER_PATH) if RANKER_PATH.exists() else None)
    return _RANKER[0]


def set_ranker(ranker: Ranker | None) -> None:
    """Replace the ranker in use (training and evaluation of a candidate ranker)."""
    _RANKER[:] = [ranker]
