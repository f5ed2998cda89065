"""The package's public Python API: what ``import dragoman`` offers, that the README documents it, and that
the installed package says it is typed (PEP 561's ``py.typed``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import dragoman

ROOT = Path(__file__).resolve().parents[1]

# Changing this list changes the public API: the README's Python API section documents every name.
PUBLIC_NAMES = [
    "Actor",
    "Article",
    "BatchSummary",
    "CleanDoc",
    "Counts",
    "DragomanError",
    "Event",
    "Evidence",
    "Place",
    "When",
    "code_articles",
    "code_files",
    "code_text",
]


def _python_api_section() -> str:
    """The README's Python API section: from "The Python API" to the next heading."""
    readme = (ROOT / "README.md").read_text("utf-8")
    start = readme.find("The Python API")
    assert start >= 0, "README.md has no Python API section (a paragraph starting 'The Python API')"
    heading = re.compile(r"^#{1,6} ", re.MULTILINE).search(readme, start)
    return readme[start:heading.start() if heading else len(readme)]


def test_all_is_pinned_and_sorted() -> None:
    assert dragoman.__all__ == PUBLIC_NAMES
    assert PUBLIC_NAMES == sorted(set(PUBLIC_NAMES))


def test_every_public_name_is_importable() -> None:
    namespace: dict[str, object] = {}
    exec("from dragoman import *", namespace)  # what a user's star import gets
    for name in PUBLIC_NAMES:
        assert getattr(dragoman, name, None) is not None, name
        assert namespace.get(name) is getattr(dragoman, name), name


@pytest.mark.parametrize("name", PUBLIC_NAMES)
def test_every_public_name_is_documented_in_the_readme(name: str) -> None:
    section = _python_api_section()
    assert re.search(rf"(?<![\w.]){re.escape(name)}\b|dragoman\.{re.escape(name)}\b", section), (
        f"dragoman.{name} is public (in __all__) but the README's Python API section does not name it"
    )


def test_package_is_marked_typed() -> None:
    assert (Path(dragoman.__file__).parent / "py.typed").is_file()
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        tomllib = pytest.importorskip("tomli")
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    assert "py.typed" in pyproject["tool"]["setuptools"]["package-data"]["dragoman"]
