"""Toponyms, geocoding and event locations. STUB: replaced by the geo work."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..model import CleanDoc, Place


class PlaceResolver:
    """Finds and resolves every toponym of one parsed document once; then locates events."""

    def __init__(self, doc, clean: CleanDoc) -> None:  # type: ignore[no-untyped-def]
        self.doc = doc

    def locate(self, trigger, arguments: Sequence = ()) -> Place | None:  # type: ignore[no-untyped-def]
        """Where the event headed by ``trigger`` (a Token) happened; offsets into the body."""
        return None


def toponyms_for_file(path: Path, *, published: str | None = None) -> Iterator[dict[str, Any]]:
    return iter(())
