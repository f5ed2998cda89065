"""The quad class of each PLOVER type is the PLOVER manual's (its table of quad categories), not CAMEO's grouping."""

from pathlib import Path

import pytest

from dragoman.codes import PLOVER_QUAD, PLOVER_TYPES
from dragoman.export_styles import gdelt_quad_class


def test_codes_quads_follow_the_plover_table() -> None:
    # PLOVER moved appeals and demands (REQUEST) and sanctions to verbal conflict, concessions to verbal cooperation
    assert PLOVER_QUAD["REQUEST"] == PLOVER_QUAD["SANCTION"] == PLOVER_QUAD["ACCUSE"] == "verbal_conflict"
    assert PLOVER_QUAD["CONCEDE"] == PLOVER_QUAD["AGREE"] == "verbal_cooperation"
    assert [t for t in PLOVER_TYPES if PLOVER_QUAD[t] == "material_conflict"] == [
        "PROTEST", "MOBILIZE", "COERCE", "ASSAULT"]


def test_codes_quads_match_the_manual_table(gold_dir: Path) -> None:
    text = (gold_dir / "events" / "plover-manual" / "PLOVER_MANUAL.tex").read_text("utf-8")
    table = text[text.index("Quad category & PLOVER categories"):]
    names = {"Verbal cooperation": "verbal_cooperation", "Material cooperation": "material_cooperation",
             "Verbal conflict": "verbal_conflict", "Material conflict": "material_conflict"}
    for line in table.splitlines()[2:6]:
        quad, types, _number = (cell.strip() for cell in line.split("&"))
        for type_ in types.split(","):
            assert PLOVER_QUAD[type_.strip()] == names[quad], type_


@pytest.mark.parametrize(("cameo", "quad", "expected"), [
    ("163", "verbal_conflict", 4),  # GDELT groups by CAMEO root: reduce relations (16) is material conflict
    ("0231", "verbal_conflict", 1),  # an appeal
    ("057", "verbal_cooperation", 2),
    ("112", "verbal_conflict", 3),
    ("", "verbal_conflict", 3),  # no code: the PLOVER quad
    ("", None, None),
])
def test_export_styles_gdelt_quad_class_by_cameo_root(cameo: str, quad: str | None, expected: int | None) -> None:
    assert gdelt_quad_class(cameo, quad) == expected
