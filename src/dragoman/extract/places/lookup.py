"""The country a place name stands for, asked by the actor resolver: the one geocoding policy for actors.

An actor phrase names a place ("rebels in Darfur", "the government in Kinshasa", a dateline "GOMA") and the
actor takes its country. The answer comes from the place side, not from a lookup of the actor code's own:
``PlaceResolver.countries`` gives the document's ``PlaceCountries`` to the ``ActorResolver``. A name is read
without its sentence: the most populous town of that main name, if sizeable (a small namesake is too often
another place), else a large region or province of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...gazetteer import Gazetteer

# Towns smaller than this are too often namesakes to tell the country of an actor.
CITY_MIN_POPULATION = 15_000
# Regions smaller than this are too often namesakes; large provinces and regions tell the country.
REGION_MIN_POPULATION = 200_000


@dataclass(frozen=True, slots=True)
class PlaceCountries:
    """Country (ISO3) of a place name, by the policy above, over one gazetteer."""

    gazetteer: Gazetteer

    def of_town(self, text: str) -> str | None:
        """ISO3 of the most populous sizeable town called ``text`` (its main name)."""
        if not text.strip():
            return None
        for candidate in self.gazetteer.lookup(text.strip()):
            if candidate.fclass == "P" and candidate.main and candidate.population >= CITY_MIN_POPULATION:
                return candidate.country or None
        return None

    def of_place(self, text: str) -> str | None:
        """ISO3 of a town (as :meth:`of_town`) or else of a large region or province called ``text``."""
        if not text.strip():
            return None
        region: str | None = None
        candidates = self.gazetteer.lookup(text.strip())
        if any(c.geonameid < 0 and not c.country for c in candidates):
            return None  # a sea or region of several countries we list ("the Red Sea"): it names no state
        for candidate in candidates:
            if not candidate.main:
                continue
            if candidate.fclass == "P" and candidate.population >= CITY_MIN_POPULATION:
                return candidate.country or None
            if region is None and candidate.fclass in ("A", "L") and candidate.population >= REGION_MIN_POPULATION:
                region = candidate.country or ""
        return region or None
