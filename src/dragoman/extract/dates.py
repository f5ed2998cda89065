"""Publication and event dates. STUB: replaced by the dates work."""

from __future__ import annotations

from ..model import CleanDoc, When


def published_from_text(clean: CleanDoc) -> str | None:
    """The publication date the text itself states (dateline, "Published ..."), or None."""
    return None


class DateResolver:
    """Finds and normalises the temporal expressions of one parsed document against its publication date."""

    def __init__(self, doc, *, published: str | None) -> None:  # type: ignore[no-untyped-def]
        self.doc = doc
        self.published = published

    def when(self, trigger) -> When:  # type: ignore[no-untyped-def]
        """The date of the event headed by ``trigger``; offsets into the body."""
        return When(date=self.published, precision="day" if self.published else None)
