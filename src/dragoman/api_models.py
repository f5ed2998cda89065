"""The HTTP API's response shapes, as pydantic models: they type the OpenAPI contract (``/openapi.json``).

The routes return the store's plain records; these models say what those records are, field by field, so a
client (or schemathesis in the tests) can check every answer. ``extra="forbid"``: a field the contract does not
name is a contract change, not a silent addition. pydantic lives only at the HTTP edge (api.py and here).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from .codes import PLOVER_TYPES
from .model import DatePrecision, Modality, PlacePrecision, Quad, Status

# A count capped at the API's limit reads "10000+" (or "1000+" for happenings).
CAPPED_TOTAL = r"^[0-9]+\+$"
HEX_ID = r"^[0-9a-f]{16}$"


def enum_of(values: tuple[str, ...] | list[str], *, nullable: bool = False) -> dict[str, Any]:
    """A JSON-schema ``enum`` for a field typed ``str`` (a Literal of a runtime tuple is no type for mypy)."""
    return {"enum": [*values, None] if nullable else list(values)}


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ActorOut(_Record):
    text: str = Field(description="The actor as the text writes it")
    name: str | None = Field(None, description="Its name, without articles, numbers and titles")
    country: str | None = Field(None, description="ISO 3166-1 alpha-3, or IGO, UNO, EUR, NGO, ISM, IMG, MNC")
    sector: str | None = Field(None, description="PLOVER sector code (GOV, MIL, REB, COP, CVL, ...)")
    start: int | None = Field(None, ge=0, description="Offset into the document as read")
    end: int | None = Field(None, ge=0)
    backer: str | None = Field(None, description="The country backing the actor (\"Rwanda-backed\": RWA)")


class PlaceOut(_Record):
    name: str
    geonameid: int | None = None
    lat: float | None = Field(None, ge=-90, le=90)
    lon: float | None = Field(None, ge=-180, le=180)
    country: str | None = None
    precision: PlacePrecision | None = None
    start: int | None = Field(None, ge=0)
    end: int | None = Field(None, ge=0)


class StatedFigureOut(_Record):
    figure: Literal["dead", "injured", "arrested", "displaced"]
    value: int = Field(ge=0)
    claimant: str | None = Field(None, description="Who the other mention says gives it, if the text names anyone")
    sentence: str
    start: int = Field(ge=0, description="Sentence offsets into the document as read")
    end: int = Field(ge=0)


class CountsOut(_Record):
    dead: int | None = Field(None, ge=0)
    injured: int | None = Field(None, ge=0)
    arrested: int | None = Field(None, ge=0)
    displaced: int | None = Field(None, ge=0)
    bounds: dict[str, Literal["at_least", "at_most", "approx"]] | None = Field(
        None, description="Which figures are bounds, by count name")
    also_stated: list[StatedFigureOut] | None = Field(
        None, description="The same figures as other mentions of this happening in the document give them, where "
                          "they differ: kept side by side, never averaged")


class EvidenceOut(_Record):
    sentence: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    trigger: str
    trigger_start: int | None = Field(None, ge=0)
    trigger_end: int | None = Field(None, ge=0)


class EventOut(_Record):
    """One event record (the README's "One event record")."""

    event_id: str = Field(pattern=HEX_ID)
    doc_id: str = Field(pattern=HEX_ID)
    source_id: str
    type: str = Field(json_schema_extra=enum_of(PLOVER_TYPES))
    mode: str | None = None
    cameo: str | None = Field(None, description="CAMEO code, text: \"040\"")
    quad: Quad | None = None
    modality: Modality
    actor: ActorOut | None = None
    recipient: ActorOut | None = None
    date: str | None = Field(None, description="YYYY-MM-DD")
    date_precision: DatePrecision | None = None
    date_text: str | None = None
    location: PlaceOut | None = None
    counts: CountsOut
    attribution: ActorOut | None = None
    evidence: EvidenceOut
    confidence: float | None = Field(None, ge=0, le=1)


class ClaimOut(_Record):
    value: int = Field(ge=0)
    claimant: str = Field(description="Who gives the figure: the attribution in the text, else the outlet")
    attributed: bool = Field(description="The claimant is named in the text (not only the outlet)")
    outlet: str
    doc_id: str
    event_id: str
    start: int = Field(ge=0, description="Evidence offsets into the document as read")
    end: int = Field(ge=0)
    sentence: str


class FigureOut(_Record):
    figure: Literal["dead", "injured", "arrested", "displaced"]
    low: int = Field(ge=0)
    high: int = Field(ge=0)
    disputed: bool = Field(description="The claims give more than one value")
    default: int = Field(ge=0, description="The most conservative (lowest) attributed figure (ACLED's rule)")
    claims: list[ClaimOut]


class HappeningOut(_Record):
    reports: int = Field(ge=1, description="Reports of the happening: its stored events and the same-words copies "
                                          "of their documents")
    sources: int = Field(ge=1, description="Independent outlets reporting it; a near-duplicate counts as its "
                                          "original's outlet")
    documents: int = Field(ge=1, description="Documents reporting it")
    first_report: str | None = Field(description="Earliest publication date of those documents (YYYY-MM-DD)")
    last_report: str | None = Field(description="Latest publication date of those documents (YYYY-MM-DD)")
    disputed: bool = Field(description="Some figure (dead, injured, arrested, displaced) is claimed differently")
    figures: list[FigureOut] = Field(description="Each figure the reports give: its claims side by side (value, "
                                     "claimant, document), range, disputed, and the default (the most conservative "
                                     "attributed value)")


class EventPage(_Record):
    total: int | str | None = Field(description="Matching events; \"10000+\" (\"1000+\" with distinct) past the "
                                                "cap; null with total=false",
                                    json_schema_extra={"anyOf": [{"type": "integer", "minimum": 0},
                                                                 {"type": "string", "pattern": CAPPED_TOTAL},
                                                                 {"type": "null"}]})
    total_exact: bool | None
    limit: int = Field(ge=0)
    offset: int = Field(ge=0)
    sort: str
    next_offset: int | None = Field(description="The offset of the next page; null when there is none")
    events: list[EventOut]
    reports: dict[str, int] | None = Field(None, description="With distinct=true: how many stored events report "
                                                             "the happening of each event shown, by event_id")
    happenings: dict[str, HappeningOut] | None = Field(None, description="With distinct=true and evidence=true: the "
                                                       "evidence and claims of each happening shown, by event_id")


class Mark(_Record):
    kind: Literal["evidence", "trigger", "actor", "recipient", "attribution", "place", "date"]
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class DocEventOut(EventOut):
    marks: list[Mark] = Field(description="Where the event's parts sit in the text shown")


class DocMeta(_Record):
    doc_id: str
    source_id: str
    format: str | None = None
    status: Status
    error: str | None = None
    title: str | None = None
    section: str | None = None
    dateline: str | None = None
    dateline_places: list[str] | None = None
    agency: str | None = None
    published: str | None = None
    url: str | None = None
    author: str | None = None
    site_name: str | None = None
    language: str | None = None
    removed: list[str] | None = Field(None, description="Kinds of page furniture the cleaner removed")
    created_at: str | None = None


class DocOut(_Record):
    doc: DocMeta
    text: str
    text_kind: Literal["clean", "original"]
    events: list[DocEventOut]


class StatsOut(_Record):
    total: int = Field(ge=0)
    by_type: dict[str, int]
    by_quad: dict[str, int]
    by_modality: dict[str, int]
    by_day: dict[str, int] = Field(description="Events by date (YYYY-MM-DD); undated ones are in undated")
    by_country: dict[str, int] = Field(description="Events by actor or recipient country, the top ones")
    undated: int = Field(ge=0)
    documents: dict[str, int] = Field(description="Stored documents by status (ok, skipped, failed)")


class Cluster(_Record):
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    count: int = Field(ge=1)
    event_id: str | None = Field(description="The event's id when the cluster holds one event")
    type: str | None = Field(description="The type shared by every event of the cluster, else null")


class ClustersOut(_Record):
    zoom: int
    cell: float = Field(description="Grid cell size in degrees")
    clusters: list[Cluster]


class MetaOut(_Record):
    types: list[str]
    quads: list[str]
    modalities: list[str]
    sorts: list[str]
    max_limit: int
    ui_built: bool


class StoryHappeningOut(_Record):
    key: str = Field(description="Type and country of the happening within the story (TYPE|COUNTRY)")
    type: str
    date: str | None
    place: str | None
    country: str | None
    reports: int = Field(ge=1)
    documents: int = Field(ge=1)
    disputed: bool
    figures: list[FigureOut]


class StoryDocumentOut(_Record):
    doc_id: str
    title: str | None
    date: str | None = Field(description="The day the document is placed at (published, else its events' day)")
    outlet: str
    url: str | None
    duplicate_of: str | None
    linked_by: Literal["new", "text", "happening", "duplicate", "kept"]
    score: float | None


class StoryPlaceOut(_Record):
    name: str
    country: str | None
    geonameid: int | None
    reports: int = Field(ge=1)
    lat: float | None = Field(ge=-90, le=90, description="Where the map puts it (null: a place without a point)")
    lon: float | None = Field(ge=-180, le=180)


class StorySummaryOut(_Record):
    story_id: str
    title: str | None
    first_date: str | None
    last_date: str | None
    documents: int = Field(ge=0)
    outlets: int = Field(ge=0)
    places: list[str] = Field(description="Its most reported places, most first (up to three)")


class StoryPage(_Record):
    total: int = Field(ge=0)
    limit: int = Field(ge=0)
    offset: int = Field(ge=0)
    next_offset: int | None
    stories: list[StorySummaryOut]


class StoryOut(_Record):
    story_id: str
    title: str | None
    first_date: str | None
    last_date: str | None
    disputed: bool = Field(description="Some figure of some happening is claimed differently")
    outlets: list[str]
    documents: list[StoryDocumentOut]
    places: list[StoryPlaceOut]
    happenings: list[StoryHappeningOut]
