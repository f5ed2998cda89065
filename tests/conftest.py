"""Shared fixtures for the whole suite."""

from __future__ import annotations

from pathlib import Path

import pytest

# The gold data lives next to the project checkout, never inside it.
GOLD_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "gold"
EXAMPLES_DIR = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    """The shared gold folder; the test is skipped when it is absent (a user's checkout has no ../shared)."""
    if not GOLD_DIR.is_dir():
        pytest.skip(f"gold data not found at {GOLD_DIR} (development only; see ../shared/gold/README.md)")
    return GOLD_DIR


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    """The bundled examples/ folder."""
    return EXAMPLES_DIR
