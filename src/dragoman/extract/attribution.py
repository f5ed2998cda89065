"""Who says so: the source of a reported event. STUB: replaced by the attribution work."""

from __future__ import annotations

from ..model import Actor


def attribution_for(trigger, resolver) -> Actor | None:  # type: ignore[no-untyped-def]
    """The speaker a report of ``trigger`` (a Token) is attributed to, resolved with ``resolver``."""
    return None


def is_reporting_verb(token) -> bool:  # type: ignore[no-untyped-def]
    """True for speech/reporting predicates ("said", "told", "reported") that are not events themselves."""
    return token.lemma_ in {"say", "tell", "report", "add", "state", "claim"}
