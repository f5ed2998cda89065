"""Actor mentions -> {text, name, country, sector}. STUB: replaced by the actor work."""

from __future__ import annotations

from ..model import Actor


class ActorResolver:
    """Resolves actor mentions in one parsed document; remembers titled people and the last actor."""

    def __init__(self, doc, *, dateline_places: tuple[str, ...] = ()) -> None:  # type: ignore[no-untyped-def]
        self.doc = doc

    def actor_for(self, head) -> Actor | None:  # type: ignore[no-untyped-def]
        """The actor whose mention is headed by token ``head`` (offsets into the body), or None."""
        return None


def country_of(text: str) -> str | None:
    """ISO3 (or international code) for a country name, adjective, demonym or capital."""
    return None
