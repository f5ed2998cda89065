"""Publication and event dates. STUB: replaced by the dates work."""

from __future__ import annotations

from ..model import CleanDoc


def published_from_text(clean: CleanDoc) -> str | None:
    """The publication date the text itself states (dateline, "Published ..."), or None."""
    return None
