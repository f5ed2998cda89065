"""The places package: no import cycle through private names, and the country lookup actors ask of it."""

from __future__ import annotations

import ast
from pathlib import Path

from dragoman.extract.places.lookup import PlaceCountries
from dragoman.gazetteer import get_gazetteer

PLACES = Path(__file__).resolve().parents[1] / "src" / "dragoman" / "extract" / "places"


def _imports(module: str) -> set[tuple[str, str]]:
    tree = ast.parse((PLACES / f"{module}.py").read_text("utf-8"))
    return {(node.module or "", alias.name) for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
            for alias in node.names}


def test_the_ranker_and_the_evidence_do_not_import_the_resolver() -> None:
    for module in ("ranker", "evidence", "lookup", "toponyms"):
        assert not any(source.endswith("resolver") for source, _name in _imports(module)), module
    assert not any(name.startswith("_") for _source, name in _imports("resolver")), "no private names imported"


def test_place_countries_takes_a_sizeable_town_or_a_large_region() -> None:
    countries = PlaceCountries(get_gazetteer())
    assert countries.of_town("Kinshasa") == "COD"
    assert countries.of_town("") is None
    assert countries.of_place("Darfur") == "SDN"
