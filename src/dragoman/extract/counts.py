"""Casualty and other counts attached to an event. STUB: replaced by the counts work."""

from __future__ import annotations

from ..model import Counts


def counts_for(sentence, trigger) -> Counts:  # type: ignore[no-untyped-def]
    """dead/injured/arrested/displaced stated in ``sentence`` (a Span) that belong to ``trigger`` (a Token)."""
    return Counts()
