"""The suite's own checks can fail: the gold-floor helper and the place check reject what they should, and no test
asserts a shape that holds whatever the code does (``x or True``, ``y if c else True``, ``f(x) or x is not None``,
``len(...) >= 0``)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from dragoman.model import Place
from factories import SHARE_TOLERANCE, assert_not_below
from test_extract_evidence_fidelity import names_place

TESTS = Path(__file__).resolve().parent


def test_a_figure_below_its_floor_fails_and_one_at_the_floor_passes() -> None:
    assert_not_below({"f1": 0.70}, {"f1": 0.70 - SHARE_TOLERANCE + 1e-9})
    with pytest.raises(AssertionError, match="f1"):
        assert_not_below({"f1": 0.70}, {"f1": 0.70 - SHARE_TOLERANCE - 0.001})
    with pytest.raises(KeyError):
        assert_not_below({"f1": 0.70}, {"recall": 0.9})  # a figure the scorer no longer gives
    with pytest.raises(AssertionError, match="no figures"):
        assert_not_below({}, {"f1": 0.5})


@pytest.mark.slow
def test_place_offsets_must_name_the_place() -> None:
    congo = Place(name="Democratic Republic of the Congo", country="COD", precision="country")
    assert names_place("Congolese", congo)
    assert names_place("Sake", Place(name="Sake", country="COD"))
    assert not names_place("Goma", Place(name="Sake", country="COD"))
    assert not names_place("Kenyan", congo)


def _always_true(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and bool(node.value)


def _is_not_none_of(node: ast.expr) -> str | None:
    """``X`` of ``X is not None``, as source text."""
    if (isinstance(node, ast.Compare) and len(node.ops) == 1 and isinstance(node.ops[0], ast.IsNot)
            and isinstance(node.comparators[0], ast.Constant) and node.comparators[0].value is None):
        return ast.unparse(node.left)
    return None


def _vacuous(test: ast.expr) -> str | None:
    """Why ``assert test`` cannot fail or hardly constrains, if it is one of the known shapes."""
    if _always_true(test):
        return "a constant"
    if isinstance(test, ast.IfExp) and (_always_true(test.body) or _always_true(test.orelse)):
        return "a branch that is True"
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.Or):
        if any(_always_true(v) for v in test.values):
            return "an `or` with True"
        for value in test.values:
            name = _is_not_none_of(value)
            if name is not None and any(name in ast.unparse(other) for other in test.values if other is not value):
                return f"an `or` that holds whenever {name} is not None"
    if (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.GtE)
            and isinstance(test.left, ast.Call) and ast.unparse(test.left.func) == "len"
            and isinstance(test.comparators[0], ast.Constant) and test.comparators[0].value == 0):
        return "a length at least 0"
    return None


def test_vacuous_shapes_are_recognised() -> None:
    for source in ("True", "x == 1 if y else True", "f(x) or True", 'country(e.actor) == "EUR" or e.actor is not None',
                   "len(found) >= 0"):
        assert _vacuous(ast.parse(source, mode="eval").body) is not None, source
    for source in ("x == 1", "e.actor is None or e.actor.text == 'a'", "len(found) >= 1", "a or b"):
        assert _vacuous(ast.parse(source, mode="eval").body) is None, source


def test_no_assertion_in_the_suite_has_a_vacuous_shape() -> None:
    files = sorted(TESTS.glob("*.py"))
    assert len(files) > 50
    found = [f"{path.name}:{node.lineno}: {why}" for path in files
             for node in ast.walk(ast.parse(path.read_text("utf-8")))
             if isinstance(node, ast.Assert) and (why := _vacuous(node.test)) is not None]
    assert found == []
