"""The HTTP API and the browser UI over a SQLite store, opened read-only.

Routes (OpenAPI at ``/openapi.json``)::

    GET /api/events          filtered, sorted, paged event records (DESIGN.md shape)
    GET /api/events/{id}     one event record
    GET /api/docs/{id}       a document: cleaned text, metadata, its events with marks in that text
    GET /api/stats           counts by type, quad, modality, day and country
    GET /api/clusters        located events on a grid (the map's markers)
    GET /api/export          every matching event, streamed as CSV or JSONL
    GET /api/meta            the values the filters accept
    GET /                    the web UI (static files under /static)
    GET /docs                the API's documentation, rendered here from the OpenAPI contract (no scripts)

Every GET route answers HEAD too; a 405 names the methods allowed (``Allow``). Requests whose ``Host`` is not
one the server answers to get a 400 (DNS rebinding against a local server): ``create_app(allowed_hosts=...)``,
which ``dragoman serve`` fills with the bound host, localhost, 127.0.0.1 and ``--allowed-host`` values.
The response shapes are pydantic models in api_models.py; the CSV layout is export.py's.

A page of ``/api/events``::

    {"total": 1234, "total_exact": true, "limit": 50, "offset": 0, "sort": "-date", "next_offset": 50,
     "events": [...]}

``total`` is exact up to 10,000 matches; beyond, counting stops and ``total`` is the string ``"10000+"``
with ``total_exact`` false. With ``total=false`` both are null and nothing is counted.

``next_offset`` is null when there is no next page (always with ``limit=0``).

``distinct=true`` (on /api/events and /api/export) keeps one report per happening: the first stored event
matching the filters of each happening, and every event without a happening key (see query.py). The page and
``total`` count those rows (``total`` exact up to 1,000, else ``"1000+"``), and the page gains
``"reports": {event_id: n}``, how many stored events report each happening shown; with ``evidence=true`` also
``"happenings": {event_id: {reports, sources, documents, first_report, last_report, disputed, figures}}``
(query.happenings_with_claims: near-duplicate copies counted right; figures: each figure's claims side by side,
its range, ``disputed`` and the default, the most conservative attributed value). /api/stats and /api/clusters
count every report.

Every error, whatever its cause, has one JSON shape::

    {"error": {"status": 422, "code": "invalid_parameter", "message": "...", "parameter": "date_from"}}

pydantic lives only at the HTTP edge (here and api_models.py); the store speaks dataclasses and dicts.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import html
import logging
import math
import re
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from . import query, store
from .api_models import ClustersOut, DocOut, EventOut, EventPage, MetaOut, StatsOut, StoryOut, StoryPage, enum_of
from .codes import MODALITIES, PLOVER_TYPES, QUADS
from .errors import QueryError, StoreError
from .export import CSV_COLUMNS as CSV_COLUMNS  # the export's columns, named here for API clients
from .export import ExportAborted, Format, export_chunks

log = logging.getLogger("dragoman.api")

WEB_DIR = Path(__file__).resolve().parent / "web"
STATIC_DIR = WEB_DIR / "static"
# The UI needs these files, which `make ui` builds from npm packages; our own files are committed.
BUILT_ASSETS = ("vendor/leaflet.js", "vendor/leaflet.css", "vendor/countries.geojson")

MAX_LIMIT = 1000
DEFAULT_LIMIT = 50
DISTINCT_COUNT_CAP = 1000  # with distinct=true, total is exact up to here, else "1000+"
MAX_OFFSET = 2**31
MAX_TEXT = 200
_COUNTRY = re.compile(r"^[A-Za-z]{3}$")
# Control characters and lone surrogates cannot be meant as a filter, and surrogates cannot be encoded.
_BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")

# Host names a local server answers to by default (with the host it is bound to): see _HostAllowList.
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")

# The page is our own files only: nothing inline runs, nothing loads from elsewhere except optional map tiles.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: https: http:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'"
)


class ApiError(Exception):
    """An error answered with the one JSON error shape."""

    def __init__(self, status: int, code: str, message: str, *, parameter: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.parameter = parameter


class ErrorDetail(BaseModel):
    status: int
    code: str
    message: str
    parameter: str | None = None


class ErrorBody(BaseModel):
    error: ErrorDetail


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorBody, "description": "Not found"},
    422: {"model": ErrorBody, "description": "Invalid parameter"},
}


def _error_response(status: int, code: str, message: str, parameter: str | None = None) -> JSONResponse:
    body: dict[str, Any] = {"status": status, "code": code, "message": message}
    if parameter is not None:
        body["parameter"] = parameter
    return JSONResponse({"error": body}, status_code=status)


# ---------------------------------------------------------------- parameters


def _text(name: str, value: str | None, *, max_len: int = MAX_TEXT) -> str | None:
    """A free-text parameter: blank means absent; control characters and overlong values are refused."""
    if value is None or not value.strip():
        return None
    if len(value) > max_len:
        raise ApiError(422, "invalid_parameter", f"{name} is {len(value)} characters long: use at most {max_len}",
                       parameter=name)
    if _BAD_CHARS.search(value):
        raise ApiError(422, "invalid_parameter", f"{name} {value!r} contains control or invalid characters: "
                       "remove them", parameter=name)
    return value.strip()


def _choice(name: str, value: str | None, allowed: tuple[str, ...], *, upper: bool = False) -> str | None:
    value = _text(name, value)
    if value is None:
        return None
    value = value.upper() if upper else value.lower()
    if value not in allowed:
        raise ApiError(422, "invalid_parameter", f"unknown {name} {value!r}: use one of {', '.join(allowed)}",
                       parameter=name)
    return value


def _date(name: str, value: str | None) -> str | None:
    value = _text(name, value, max_len=10)
    if value is None:
        return None
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError(value)
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise ApiError(422, "invalid_parameter", f"{name} {value!r} is not a date: use YYYY-MM-DD",
                       parameter=name) from None


def _country(name: str, value: str | None) -> str | None:
    value = _text(name, value)
    if value is None:
        return None
    if not _COUNTRY.match(value):
        raise ApiError(422, "invalid_parameter", f"{name} {value!r} is not a code: use an ISO 3166-1 alpha-3 "
                       "code such as COD, or IGO, UNO, EUR, NGO, ISM, IMG, MNC", parameter=name)
    return value.upper()


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    value = _text("bbox", value)
    if value is None:
        return None
    hint = "use bbox=min_lon,min_lat,max_lon,max_lat in degrees, e.g. bbox=28,-3,30,-1"
    parts = value.split(",")
    try:
        if len(parts) != 4:
            raise ValueError(value)
        min_lon, min_lat, max_lon, max_lat = (float(p) for p in parts)
    except ValueError:
        raise ApiError(422, "invalid_parameter", f"bbox {value!r} is not four numbers: {hint}",
                       parameter="bbox") from None
    box = (min_lon, min_lat, max_lon, max_lat)
    if not all(math.isfinite(v) for v in box):
        raise ApiError(422, "invalid_parameter", f"bbox {value!r} has a non-finite number: {hint}", parameter="bbox")
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise ApiError(422, "invalid_parameter",
                       f"bbox {value!r} is out of range or inverted (longitudes -180..180, latitudes -90..90, "
                       f"min before max): {hint}", parameter="bbox")
    return box


# What each filter accepts, stated in the OpenAPI contract as the checks below enforce it. Text is case-folded
# by the server ("assault" is ASSAULT) and a blank value is no filter; the contract gives the canonical spelling.
# No control characters (tab and line breaks aside): the same class _BAD_CHARS refuses.
_PRINTABLE = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f]*$"
_TEXT = {"maxLength": MAX_TEXT, "pattern": _PRINTABLE}
_CODE = {"pattern": _COUNTRY.pattern, "minLength": 3, "maxLength": 3}
_DAY = {"format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_LON = r"-?(180(\.0+)?|(1[0-7][0-9]|[0-9]?[0-9])(\.[0-9]+)?)"
_LAT = r"-?(90(\.0+)?|[0-8]?[0-9](\.[0-9]+)?)"
# Four numbers in range; that each min is at most its max is checked too, but no pattern can say it.
_BBOX = {"pattern": f"^{_LON},{_LAT},{_LON},{_LAT}$", "maxLength": MAX_TEXT}


def event_filter(
    type: str | None = Query(None, description="PLOVER event type", json_schema_extra=enum_of(PLOVER_TYPES)),
    mode: str | None = Query(None, description="PLOVER mode, e.g. heavy-weapons", json_schema_extra=_TEXT),
    quad: str | None = Query(None, description="Quad class", json_schema_extra=enum_of(QUADS)),
    modality: str | None = Query(None, description="Modality", json_schema_extra=enum_of(MODALITIES)),
    country: str | None = Query(None, description="ISO alpha-3 code of the actor or the recipient",
                                json_schema_extra=_CODE),
    place_country: str | None = Query(None, description="ISO alpha-3 code of the country the event is located in "
                                                        "(what happened there)", json_schema_extra=_CODE),
    actor: str | None = Query(None, description="Actor name (substring) or country code", json_schema_extra=_TEXT),
    recipient: str | None = Query(None, description="Recipient name (substring) or country code",
                                  json_schema_extra=_TEXT),
    q: str | None = Query(None, description="Text in the evidence sentence (quotes, dashes and letter case folded)",
                          json_schema_extra=_TEXT),
    date_from: str | None = Query(None, description="Events on or after this date, YYYY-MM-DD",
                                  json_schema_extra=_DAY),
    date_to: str | None = Query(None, description="Events on or before this date, YYYY-MM-DD",
                                json_schema_extra=_DAY),
    bbox: str | None = Query(None, description="min_lon,min_lat,max_lon,max_lat in degrees (longitudes -180..180, "
                                               "latitudes -90..90, min before max)", json_schema_extra=_BBOX),
    doc_id: str | None = Query(None, description="Events of one document",
                               json_schema_extra={"maxLength": 64, "pattern": _PRINTABLE}),
) -> query.EventFilter:
    """The filters shared by events, stats, clusters and export, checked before any SQL runs."""
    date_from_v, date_to_v = _date("date_from", date_from), _date("date_to", date_to)
    if date_from_v and date_to_v and date_from_v > date_to_v:
        raise ApiError(422, "invalid_parameter", f"date_from {date_from_v} is after date_to {date_to_v}: "
                       "swap them", parameter="date_from")
    return query.EventFilter(
        type=_choice("type", type, PLOVER_TYPES, upper=True),
        mode=_text("mode", mode),
        quad=_choice("quad", quad, QUADS),
        modality=_choice("modality", modality, MODALITIES),
        country=_country("country", country),
        place_country=_country("place_country", place_country),
        actor=_text("actor", actor),
        recipient=_text("recipient", recipient),
        q=_text("q", q),
        date_from=date_from_v,
        date_to=date_to_v,
        bbox=_bbox(bbox),
        doc_id=_text("doc_id", doc_id, max_len=64),
    )


Filter = Annotated[query.EventFilter, Depends(event_filter)]


def _connection(request: Request) -> Iterator[sqlite3.Connection]:
    # One short-lived read-only connection per request: cheap, and never shared between threads.
    conn = store.connect(request.app.state.db_path, read_only=True)
    try:
        conn.execute("PRAGMA query_only = ON")
        yield conn
    finally:
        conn.close()


Conn = Annotated[sqlite3.Connection, Depends(_connection)]


DISTINCT_HELP = ("One row per happening: only the first stored report of each happening (same type, modality, "
                 "actor and recipient country and sector, day and place) among the matching events, plus every "
                 "event with no day-precision date or no place. Needs a store at migration 4.")


def _distinct(flt: query.EventFilter, distinct: bool, conn: sqlite3.Connection) -> query.EventFilter:
    """The filter with ``distinct`` set, refused up front on a store from before migration 4."""
    if not distinct:
        return flt
    flt = dataclasses.replace(flt, distinct=True)
    try:
        query.check_distinct(conn, flt)
    except StoreError as exc:
        raise ApiError(422, "invalid_parameter", f"distinct: {exc}", parameter="distinct") from None
    return flt


def _sort(value: str | None) -> str:
    value = _text("sort", value) or "-date"
    if value not in query.SORTS:
        raise ApiError(422, "invalid_parameter", f"unknown sort {value!r}: use one of {', '.join(query.SORTS)}",
                       parameter="sort")
    return value


# ---------------------------------------------------------------- documents


class _BodyMap:
    """Original-text offsets -> cleaned-body offsets: the inverse of model.OffsetMap's runs.

    Positions in text the cleaner dropped snap inward (a start to the next kept character, an end to
    the last kept one), so a span that was wholly dropped becomes empty and is not shown.
    """

    def __init__(self, runs: list[list[int]] | None, body_length: int) -> None:
        self.runs = sorted((int(o), int(b), int(n)) for b, o, n in (runs or []))
        self.starts = [run[0] for run in self.runs]
        self.body_length = body_length

    def start(self, pos: int) -> int:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0:
            o, b, n = self.runs[i]
            if pos < o + n:
                return b + pos - o
        if i + 1 < len(self.runs):
            return self.runs[i + 1][1]
        return self.body_length

    def end(self, pos: int) -> int:
        i = bisect.bisect_left(self.starts, pos) - 1
        if i >= 0:
            o, b, n = self.runs[i]
            return b + min(pos - o, n)
        return 0


def _span(obj: Any, original: str, sentence: tuple[int, int] | None, text_key: str) -> tuple[int, int] | None:
    """Original offsets of a record part: its own start/end when valid, else its text found in the sentence."""
    if not isinstance(obj, dict):
        return None
    start, end = obj.get("start"), obj.get("end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(original):
        return start, end
    needle = obj.get(text_key)
    if sentence and isinstance(needle, str) and needle.strip():
        at = original.find(needle, sentence[0], sentence[1])
        if at >= 0:
            return at, at + len(needle)
    return None


def _event_marks(record: dict[str, Any], original: str, to_body: _BodyMap | None) -> list[dict[str, Any]]:
    """Where the event's evidence, trigger, actors, place and date sit in the shown text."""
    evidence = record.get("evidence") or {}
    spans: list[tuple[str, tuple[int, int] | None]] = []
    sentence = _span(evidence, original, None, "sentence")
    spans.append(("evidence", sentence))
    trigger = {"start": evidence.get("trigger_start"), "end": evidence.get("trigger_end"),
               "text": evidence.get("trigger")}
    spans.append(("trigger", _span(trigger, original, sentence, "text")))
    for role in ("actor", "recipient", "attribution"):
        spans.append((role, _span(record.get(role), original, sentence, "text")))
    spans.append(("place", _span(record.get("location"), original, sentence, "name")))
    spans.append(("date", _span({"text": record.get("date_text")}, original, sentence, "text")))
    marks = []
    for kind, span in spans:
        if span is None:
            continue
        start, end = span
        if to_body is not None:
            start, end = to_body.start(start), to_body.end(end)
        if end > start:
            marks.append({"kind": kind, "start": start, "end": end})
    return marks


def _doc_payload(doc: dict[str, Any], events: list[dict[str, Any]]) -> dict[str, Any]:
    original = doc.get("original") or ""
    body = doc.get("text") or None  # an empty cleaned body shows the original instead
    to_body = _BodyMap(doc.get("offsets"), len(body)) if body is not None else None
    meta_keys = ("doc_id", "source_id", "format", "status", "error", "title", "section", "dateline",
                 "dateline_places", "agency", "published", "url", "author", "site_name", "language", "removed",
                 "created_at")
    return {
        "doc": {key: doc.get(key) for key in meta_keys},
        "text": body if body is not None else original,
        "text_kind": "clean" if body is not None else "original",
        "events": [{**record, "marks": _event_marks(record, original, to_body)} for record in events],
    }


# ---------------------------------------------------------------- export


def _export_lines(db: Path, event_filter: query.EventFilter, sort: str, fmt: str) -> Iterator[str]:
    """The export body (export.py's chunks), read from its own connection: a streamed body is iterated after
    the request's connection is closed. A failure is logged once; the body already ends with its error line."""
    kind: Format = "csv" if fmt == "csv" else "jsonl"
    try:
        try:
            conn = store.connect(db, read_only=True)
        except Exception as exc:  # noqa: BLE001 - the header, then the error line: never a bare broken body
            yield from export_chunks(None, _failing(exc), kind)
            return
        try:
            yield from export_chunks(conn, query.iter_events(conn, event_filter, sort=sort), kind)
        finally:
            conn.close()
    except ExportAborted as exc:
        log.error("/api/export from %s: %s", db, exc)
        raise


def _failing(exc: Exception) -> Iterator[dict[str, Any]]:
    """Records that are not there: the reason they could not be read."""
    raise exc
    yield  # a generator: the error surfaces where the export reads its first record


class _HostAllowList:
    """Answers only requests whose ``Host`` names this server: a web page elsewhere that re-points its own domain
    at 127.0.0.1 (DNS rebinding) sends its domain as Host and gets a 400 instead of the store's data."""

    def __init__(self, app: ASGIApp, *, hosts: Iterable[str]) -> None:
        self.app = app
        self.hosts = frozenset(_host_name(host) for host in hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = Headers(scope=scope).get("host", "")
        if _host_name(given) in self.hosts:
            await self.app(scope, receive, send)
            return
        allowed = ", ".join(sorted(self.hosts))
        name = _host_name(given) or "NAME"
        response = _error_response(
            400, "host_not_allowed",
            f"the Host header {given!r} is not a name this server answers to (it answers to {allowed}); this "
            "guards a local server against DNS rebinding. Open it by one of those names, or start it with "
            f"`dragoman serve --allowed-host {name}` to add this one")
        await response(scope, receive, send)


def _host_name(host: str) -> str:
    """The name part of a Host header, lower-cased: "[::1]:8000" -> "::1", "LocalHost.:80" -> "localhost"."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host
    if host.count(":") == 1:  # name:port; a bare IPv6 address has several colons
        host = host.split(":", 1)[0]
    return host.rstrip(".")


class _HeadAsGet:
    """HEAD wherever GET works: the GET route answers, its status and headers go out, its body does not."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return
        ended = False

        async def send_head(message: Message) -> None:
            nonlocal ended
            if message["type"] != "http.response.body":
                await send(message)
            elif not ended:
                ended = True
                await send({"type": "http.response.body", "body": b"", "more_body": False})

        await self.app({**scope, "method": "GET"}, receive, send_head)


class _SecurityHeaders:
    """Adds the security headers to every response. Plain ASGI on purpose: Starlette's ``@app.middleware("http")``
    ends a streamed body cleanly when the app fails mid-stream (and raises only afterwards), which made a broken
    export look complete; passing the messages through keeps the abort."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("Content-Security-Policy", CSP)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("Referrer-Policy", "no-referrer")
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _quiet_aborted_exports(record: logging.LogRecord) -> bool:
    """Keep the server's "Exception in ASGI application" traceback out of the log for a broken export: the
    export logged its one line already, and the abort is how the client learns of it."""
    return not (record.exc_info and isinstance(record.exc_info[1], ExportAborted))


# ---------------------------------------------------------------- the app


def _no_ui_page() -> str:
    return """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>dragoman</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto">
<h1>dragoman</h1>
<p>The API is running: see <a href="/docs">/docs</a> and <a href="/api/events">/api/events</a>.</p>
<p>The web UI has not been built. It needs Node.js and npm once, to fetch the map library and the
world outlines; then it works offline. In the project folder run:</p>
<pre>make ui</pre>
<p>and reload this page.</p>
</body></html>"""


def ui_built(static_dir: Path = STATIC_DIR) -> bool:
    """True when the npm-built files the UI needs are in place."""
    return all((static_dir / name).is_file() for name in BUILT_ASSETS)


def create_app(db: str | Path, *, allowed_hosts: Iterable[str] | None = None) -> FastAPI:
    """The FastAPI app over the store at ``db`` (read-only). Raises StoreError when it cannot be read.

    ``allowed_hosts``: the host names requests may carry in ``Host`` (others get a 400); None answers any, for an
    app embedded behind a server that checks them itself, or tests. ``dragoman serve`` always gives a list.
    """
    db_path = Path(db)
    store.connect_existing(db_path).close()
    server_log = logging.getLogger("uvicorn.error")
    if _quiet_aborted_exports not in server_log.filters:
        server_log.addFilter(_quiet_aborted_exports)

    # No CDN-served Swagger UI or ReDoc (the CSP forbids their scripts, and offline they are blank): /docs is ours.
    app = FastAPI(
        title="dragoman",
        summary="Political event data coded from news: PLOVER/CAMEO events with their evidence.",
        version="0.1.0",
        responses=ERROR_RESPONSES,
        docs_url=None,
        redoc_url=None,
    )

    app.state.db_path = db_path

    _add_error_handlers(app)
    _add_event_routes(app)
    _add_summary_routes(app)
    _add_export_route(app, db_path)
    _add_story_routes(app)
    _add_ui_routes(app)
    _add_docs_route(app)
    _tidy_openapi(app)
    # Outermost last: HEAD is a GET to everything inside; the Host check answers before any route runs; every
    # answer, a refused Host's too, carries the security headers.
    # The country outlines are 1.5 MB of JSON: compressed they cross a slow link in a blink.
    app.add_middleware(GZipMiddleware, minimum_size=2048)
    if allowed_hosts is not None:
        app.add_middleware(_HostAllowList, hosts=allowed_hosts)
    app.add_middleware(_SecurityHeaders)
    app.add_middleware(_HeadAsGet)
    if STATIC_DIR.is_dir():
        app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app


def _add_error_handlers(app: FastAPI) -> None:
    """Every error, whatever raised it, as the one JSON shape (see the module's docstring)."""

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return _error_response(exc.status, exc.code, exc.message, exc.parameter)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        loc = [str(part) for part in first.get("loc", ()) if part not in ("query", "path", "body")]
        parameter = loc[0] if loc else None
        message = f"{parameter}: {first.get('msg', 'invalid value')}" if parameter else str(first.get("msg"))
        return _error_response(422, "invalid_parameter", message, parameter)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        codes = {404: "not_found", 405: "method_not_allowed"}
        message = str(exc.detail) if exc.status_code != 404 else f"no route {request.url.path!r}: see /docs"
        response = _error_response(exc.status_code, codes.get(exc.status_code, "http_error"), message)
        allow = (exc.headers or {}).get("Allow")
        if exc.status_code == 405 and allow:
            methods = [m.strip() for m in allow.split(",") if m.strip()]
            if "GET" in methods and "HEAD" not in methods:
                methods.append("HEAD")  # answered by _HeadAsGet wherever GET is
            response.headers["Allow"] = ", ".join(methods)
            response.body = _error_response(405, "method_not_allowed", f"{request.method} is not allowed on "
                                            f"{request.url.path!r}: use {' or '.join(methods)}").body
            response.headers["Content-Length"] = str(len(response.body))
        return response

    @app.exception_handler(QueryError)
    async def _query_error(_request: Request, exc: QueryError) -> JSONResponse:
        return _error_response(422, "invalid_parameter", str(exc))

    @app.exception_handler(StoreError)
    async def _store_error(_request: Request, exc: StoreError) -> JSONResponse:
        return _error_response(503, "store_unavailable", str(exc))

    @app.exception_handler(sqlite3.Error)
    async def _sqlite_error(_request: Request, exc: sqlite3.Error) -> JSONResponse:
        log.error("database error: %s", exc)
        return _error_response(503, "store_unavailable", f"the database could not answer: {exc}")


def _ok(model: type[BaseModel], description: str) -> dict[int | str, dict[str, Any]]:
    """The 200 answer of a route that returns the store's plain records: documented by ``model``, not re-validated
    (records are served as stored, at the speed of json.dumps)."""
    return {200: {"model": model, "description": description}}


def _add_event_routes(app: FastAPI) -> None:
    """/api/events (a page), /api/events/{id} and /api/docs/{id}."""

    @app.get("/api/events", summary="Filtered, sorted, paged event records", response_model=None,
             responses=_ok(EventPage, "A page of event records"))
    def list_events(
        flt: Filter,
        conn: Conn,
        sort: str | None = Query(None, description="Order of the events (default -date)",
                                 json_schema_extra=enum_of(list(query.SORTS))),
        limit: int = Query(DEFAULT_LIMIT, ge=0, le=MAX_LIMIT, description="Events per page (0: count only)"),
        offset: int = Query(0, ge=0, le=MAX_OFFSET),
        total: bool = Query(True, description="Count matching events: exact up to 10000, else total is \"10000+\""),
        distinct: bool = Query(False, description=DISTINCT_HELP + " total then counts happenings, exact up to 1000 "
                               "(else \"1000+\"); the page also gives \"reports\": how many stored events report "
                               "each happening shown, by event_id."),
        evidence: bool = Query(False, description="With distinct=true: the page also gives \"happenings\", by "
                               "event_id, the evidence of each happening shown: reports (same-words copies "
                               "included), independent sources (outlets; a near-duplicate counts as its original's), "
                               "documents, first_report and last_report (publication dates), and its claims: for "
                               "each figure the values side by side with claimant and document, the range, "
                               "disputed, and the default (most conservative attributed) value."),
    ) -> dict[str, Any]:
        sort_v = _sort(sort)
        if evidence and not distinct:
            raise ApiError(422, "invalid_parameter", "evidence=true counts the reports of happenings: add "
                           "distinct=true", parameter="evidence")
        flt = _distinct(flt, distinct, conn)
        # Counting stops past COUNT_CAP: an exact count of a broad filter over millions of events takes seconds.
        # A distinct count probes each row for an earlier report (~10 us a row), so it stops sooner.
        cap = DISTINCT_COUNT_CAP if distinct else query.COUNT_CAP
        events, count = query.event_page(conn, flt, sort=sort_v, limit=limit, offset=offset, count=total, cap=cap)
        exact = count is not None and count <= cap
        # A full page may have a next one; an empty page (limit=0 too) never has: a client following
        # next_offset must reach null.
        more = limit > 0 and len(events) == limit and (not exact or offset + limit < (count or 0))
        shown: int | str | None = count if count is None or exact else f"{cap}+"
        page: dict[str, Any] = {"total": shown, "total_exact": exact if count is not None else None, "limit": limit,
                "offset": offset, "sort": sort_v, "next_offset": offset + limit if more else None, "events": events}
        if distinct:
            page["reports"] = query.report_counts(conn, [record["event_id"] for record in events])
        if evidence:
            page["happenings"] = query.happenings_with_claims(conn, [record["event_id"] for record in events])
        return page

    @app.get("/api/events/{event_id}", summary="One event record", response_model=None,
             responses=_ok(EventOut, "The event record"))
    def one_event(event_id: str, conn: Conn) -> dict[str, Any]:
        record = query.get_event(conn, _text("event_id", event_id, max_len=64) or "")
        if record is None:
            raise ApiError(404, "not_found", f"no event {event_id!r}: list events at /api/events")
        return record

    @app.get("/api/docs/{doc_id}", summary="A document: cleaned text, metadata, its events with marks",
             response_model=None, responses=_ok(DocOut, "The document"))
    def one_doc(doc_id: str, conn: Conn) -> dict[str, Any]:
        key = _text("doc_id", doc_id, max_len=64) or ""
        doc = query.get_document(conn, key)
        if doc is None:
            raise ApiError(404, "not_found", f"no document {doc_id!r}: event records name theirs in doc_id")
        return _doc_payload(doc, query.doc_events(conn, key))


def _add_summary_routes(app: FastAPI) -> None:
    """/api/stats and /api/clusters: every stored report counts."""

    @app.get("/api/stats", summary="Counts by type, quad, modality, day and country",
             description="Every stored report counts: the one-row-per-happening `distinct` of /api/events and "
                         "/api/export is not applied here.", response_model=None,
             responses=_ok(StatsOut, "Counts of the matching events"))
    def stats(
        flt: Filter,
        conn: Conn,
        top: int = Query(50, ge=1, le=500, description="How many countries to list"),
    ) -> dict[str, Any]:
        return {**query.event_stats(conn, flt, top_countries=top), "documents": store.status_counts(conn)}

    @app.get("/api/clusters", summary="Located events grouped on a grid for the map",
             description="Every stored report counts: the one-row-per-happening `distinct` of /api/events and "
                         "/api/export is not applied here.", response_model=None,
             responses=_ok(ClustersOut, "The map's markers"))
    def clusters(
        flt: Filter,
        conn: Conn,
        zoom: int = Query(2, ge=0, le=22, description="Map zoom: the grid cell is 60 / 2^zoom degrees"),
        limit: int = Query(5000, ge=1, le=20000),
    ) -> dict[str, Any]:
        # At zoom 12 and beyond a cell is well under a kilometre: markers stand alone.
        cell = 60.0 / (2 ** min(zoom, 16))
        return {"zoom": zoom, "cell": cell, "clusters": query.event_clusters(conn, flt, cell=cell, limit=limit)}


_EXPORT_BODY = {"type": "string", "description": "The body, streamed"}


def _add_story_routes(app: FastAPI) -> None:
    """/api/stories (a page, latest first) and /api/stories/{id} (reports, outlets, places, claims)."""
    from . import stories

    @app.get("/api/stories", summary="Stories: documents about the same happening across outlets and days",
             response_model=None, responses=_ok(StoryPage, "A page of stories, latest first"))
    def list_stories(
        conn: Conn,
        since: str | None = Query(None, description="Stories reported on or after this day, YYYY-MM-DD",
                                  json_schema_extra=_DAY),
        until: str | None = Query(None, description="Stories reported on or before this day, YYYY-MM-DD",
                                  json_schema_extra=_DAY),
        country: str | None = Query(None, description="ISO alpha-3 code of a country the story's events are in",
                                    json_schema_extra=_CODE),
        q: str | None = Query(None, description="Text in the story's title", json_schema_extra=_TEXT),
        limit: int = Query(DEFAULT_LIMIT, ge=0, le=MAX_LIMIT, description="Stories per page (0: count only)"),
        offset: int = Query(0, ge=0, le=MAX_OFFSET),
    ) -> dict[str, Any]:
        flt = stories.StoryFilter(since=_date("since", since), until=_date("until", until),
                                  country=_country("country", country), q=_text("q", q))
        if not stories.has_stories(conn):  # a store from before migration 10 has no stories yet
            return {"total": 0, "limit": limit, "offset": offset, "next_offset": None, "stories": []}
        page, total = stories.story_page(conn, flt, limit=limit, offset=offset)
        more = limit > 0 and offset + limit < total
        return {"total": total, "limit": limit, "offset": offset, "next_offset": offset + limit if more else None,
                "stories": [stories.summary_record(item) for item in page]}

    @app.get("/api/stories/{story_id}", summary="One story: its reports, outlets, places, date span and happenings "
             "with their claims side by side", response_model=None, responses=_ok(StoryOut, "The story"))
    def one_story(story_id: str, conn: Conn) -> dict[str, Any]:
        key = _text("story_id", story_id, max_len=64) or ""
        found = stories.story(conn, key) if stories.has_stories(conn) else None
        if found is None:
            raise ApiError(404, "not_found", f"no story {story_id!r}: list stories at /api/stories")
        return stories.story_record(found)


def _add_export_route(app: FastAPI, db_path: Path) -> None:
    """/api/export: every matching event, streamed from its own connection to ``db_path``."""

    @app.get("/api/export", summary="Every matching event, streamed as CSV or JSONL",
             description="CSV: the flattened layout of `dragoman events --format csv` (the README's column table), "
                         "byte for byte; JSONL: one event record a line. The CSV header comes first, also when no "
                         "event matches. If the store fails mid-stream, the body ends with an error line (JSONL: the "
                         "error object; CSV: one field starting with #ERROR) and the chunked response is aborted, so "
                         "a download never looks complete.",
             response_class=StreamingResponse,
             responses={200: {"description": "The events: text/csv with format=csv, else application/x-ndjson",
                              "content": {"text/csv": {"schema": _EXPORT_BODY},
                                          "application/x-ndjson": {"schema": _EXPORT_BODY}}}})
    def export(
        flt: Filter,
        conn: Conn,
        format: str = Query("jsonl", description="csv or jsonl", json_schema_extra=enum_of(["csv", "jsonl"])),
        sort: str | None = Query(None, description="Order of the events (default -date; doc is the CLI's order)",
                                 json_schema_extra=enum_of(list(query.SORTS))),
        distinct: bool = Query(False, description=DISTINCT_HELP),
    ) -> StreamingResponse:
        fmt = _choice("format", format, ("csv", "jsonl")) or "jsonl"
        sort_v = _sort(sort)
        flt = _distinct(flt, distinct, conn)  # checked before the stream starts: an error mid-stream is lost
        media = "text/csv; charset=utf-8" if fmt == "csv" else "application/x-ndjson; charset=utf-8"
        headers = {"Content-Disposition": f'attachment; filename="dragoman-events.{fmt}"'}
        return StreamingResponse(_export_lines(db_path, flt, sort_v, fmt), media_type=media, headers=headers)


def _add_ui_routes(app: FastAPI) -> None:
    """/api/meta (what the UI's filters offer), the UI's page and the favicon."""

    @app.get("/api/meta", summary="The values the filters accept", response_model=None,
             responses=_ok(MetaOut, "The filters' values"))
    def meta() -> dict[str, Any]:
        return {"types": list(PLOVER_TYPES), "quads": list(QUADS), "modalities": list(MODALITIES),
                "sorts": list(query.SORTS), "max_limit": MAX_LIMIT, "ui_built": ui_built()}

    # Added by H1 for the web UI's country boxes (names or codes): the countries lexicon, read-only.
    @app.get("/api/countries", summary="Country codes and the names the UI's country boxes accept")
    def countries() -> query.CountryTable:
        return query.country_table()

    @app.get("/favicon.ico", include_in_schema=False, status_code=204)
    def favicon() -> None:
        return None

    @app.get("/", include_in_schema=False, response_model=None)
    def index() -> FileResponse | HTMLResponse:
        if ui_built():
            return FileResponse(STATIC_DIR / "index.html", media_type="text/html")
        return HTMLResponse(_no_ui_page())


def _tidy_openapi(app: FastAPI) -> None:
    """The contract as clients read it: an optional query parameter is a string (or number) that may be left
    out, not ``anyOf [string, null]`` (a query string cannot carry null); its enum and limits sit on it.

    Built once here, after every route: app.openapi() serves the stored document from then on."""
    for operations in app.openapi().get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                schema = parameter.get("schema", {})
                options = [part for part in schema.pop("anyOf", []) if part.get("type") != "null"]
                if len(options) == 1:
                    schema.update({key: value for key, value in options[0].items() if key not in schema})
                elif options:
                    schema["anyOf"] = options
                if isinstance(schema.get("enum"), list):
                    schema["enum"] = [value for value in schema["enum"] if value is not None]
                if "default" in schema and schema["default"] is None:
                    del schema["default"]


def _add_docs_route(app: FastAPI) -> None:
    """/docs: the OpenAPI contract as a plain page rendered here (no script runs, nothing loads from elsewhere)."""

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs() -> HTMLResponse:
        return HTMLResponse(docs_page(app.openapi()))


def docs_page(spec: dict[str, Any]) -> str:
    """The API's documentation from its OpenAPI document: each route, its parameters with what they accept, and
    its answers with their media types and shapes."""
    esc = html.escape
    out = [f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{esc(spec['info']['title'])} API
</title><style>body{{font-family:sans-serif;max-width:72em;margin:2em auto;padding:0 1em}}
table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}}
code{{background:#f4f4f4}}</style></head><body><h1>{esc(spec['info']['title'])} API
{esc(spec['info']['version'])}</h1><p>{esc(spec['info'].get('summary', ''))}</p>
<p>The machine-readable contract: <a href="/openapi.json">/openapi.json</a> (OpenAPI
{esc(spec.get('openapi', ''))}). Every GET also answers HEAD.</p>"""]
    for path, operations in spec.get("paths", {}).items():
        for method, operation in operations.items():
            out.append(f"<h2><code>{esc(method.upper())} {esc(path)}</code></h2>"
                       f"<p>{esc(operation.get('summary', ''))}</p>")
            if operation.get("description"):
                out.append(f"<p>{esc(operation['description'])}</p>")
            parameters = operation.get("parameters", [])
            if parameters:
                out.append("<table><tr><th>parameter</th><th>in</th><th>accepts</th><th>what</th></tr>")
                for parameter in parameters:
                    out.append(f"<tr><td><code>{esc(parameter['name'])}</code></td><td>{esc(parameter['in'])}</td>"
                               f"<td>{esc(_accepts(parameter.get('schema', {})))}</td>"
                               f"<td>{esc(parameter.get('description', ''))}</td></tr>")
                out.append("</table>")
            out.append("<ul>")
            for status, answer in operation.get("responses", {}).items():
                shapes = [f"{media} {_shape_name(content.get('schema', {}))}"
                          for media, content in answer.get("content", {}).items()]
                out.append(f"<li>{esc(str(status))} {esc(answer.get('description', ''))}: "
                           f"{esc(', '.join(shapes) or 'no body')}</li>")
            out.append("</ul>")
    out.append("<h2>Shapes</h2>")
    for name, schema in spec.get("components", {}).get("schemas", {}).items():
        out.append(f"<h3 id=\"{esc(name)}\">{esc(name)}</h3><table><tr><th>field</th><th>type</th><th>what</th></tr>")
        required = set(schema.get("required", []))
        for field, sub in schema.get("properties", {}).items():
            mark = "" if field in required else " (optional)"
            out.append(f"<tr><td><code>{esc(field)}</code>{mark}</td><td>{esc(_accepts(sub))}</td>"
                       f"<td>{esc(sub.get('description', ''))}</td></tr>")
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out)


def _shape_name(schema: dict[str, Any]) -> str:
    ref = schema.get("$ref", "")
    return ref.rsplit("/", 1)[-1] if ref else str(schema.get("type", ""))


def _accepts(schema: dict[str, Any]) -> str:
    """A short reading of a JSON schema: type, enum, limits, pattern."""
    if "anyOf" in schema:
        text = " or ".join(_accepts(part) for part in schema["anyOf"])
    elif "$ref" in schema:
        text = _shape_name(schema)
    elif schema.get("type") == "array":
        text = f"list of {_accepts(schema.get('items', {}))}"
    elif schema.get("type") == "object" and isinstance(schema.get("additionalProperties"), dict):
        text = f"object of {_accepts(schema['additionalProperties'])}"
    else:
        text = str(schema.get("type", "any"))
    if "enum" in schema:
        text += " one of " + ", ".join("null" if value is None else str(value) for value in schema["enum"])
    for key, label in (("minimum", ">="), ("maximum", "<="), ("maxLength", "length <="), ("pattern", "matching"),
                       ("default", "default")):
        if key in schema:
            text += f" {label} {schema[key]}"
    return text
