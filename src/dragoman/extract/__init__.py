"""Event extraction over a parsed document. STUB: replaced by the event-coding work."""

from __future__ import annotations

from ..model import Article, CleanDoc, Event


def extract_events(doc, article: Article, clean: CleanDoc) -> list[Event]:  # type: ignore[no-untyped-def]
    """All events in the parsed cleaned body ``doc`` (a spaCy Doc over ``clean.body``)."""
    return []
