"""Exports in the layouts analysts already load: an ACLED-style CSV and a GDELT-2.0-style TSV.

Each row is one stored event, written from its record (DESIGN.md shape), its document (URL, agency, when it was
stored) and the gazetteer (the place's kind, country and admin-1 region). The columns, their pandas dtypes and
the mappings (PLOVER type and mode -> ACLED event type, sector -> ACLED actor type, CAMEO code -> Goldstein
intensity) are written here and in the README ("Parquet, ACLED-style and GDELT-style exports"). Fields a source
layout has and dragoman does not know are left out rather than filled with guesses; an unknown value is an empty
cell. Events of PLOVER types ACLED does not code are kept with a clear label (``Not ACLED-coded``), never dropped.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal, TextIO
from urllib.parse import urlsplit

from . import query
from .codes import QUAD_NUMBER
from .export import Column, DocumentInfo, place_admin1
from .resources import read_lexicon

Style = Literal["acled", "gdelt"]

# ---------------------------------------------------------------- ACLED

# PLOVER type -> (disorder_type, event_type, sub_event_type) where the type alone decides; ASSAULT, PROTEST,
# COERCE and RETREAT are decided by mode, CAMEO code and recipient in ``acled_type``.
_VIOLENCE = "Political violence"
_STRATEGIC = "Strategic developments"
NOT_ACLED = "Not ACLED-coded"
_ACLED_BY_TYPE: dict[str, tuple[str, str, str]] = {
    "AGREE": (_STRATEGIC, _STRATEGIC, "Agreement"),
    "MOBILIZE": (_STRATEGIC, _STRATEGIC, "Change to group/activity"),
}
_ASSAULT_BY_MODE: dict[str, tuple[str, str]] = {
    "aerial": ("Explosions/Remote violence", "Air/drone strike"),
    "heavy-weapons": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "explosives": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "suicide-attack": ("Explosions/Remote violence", "Suicide bomb"),
    "sexual": ("Violence against civilians", "Sexual violence"),
    "abduct": ("Violence against civilians", "Abduction/forced disappearance"),
}
_COERCE_BY_MODE: dict[str, str] = {"arrest": "Arrests", "seize": "Looting/property destruction",
                                   "confiscate": "Looting/property destruction"}
_RETREAT_BY_MODE: dict[str, str] = {"ceasefire": "Agreement", "withdraw": "Non-violent transfer of territory"}
# Recipients that make an armed assault a battle (two armed sides); any other known sector is a civilian target.
_ARMED = frozenset({"MIL", "REB", "COP", "SPY", "UAF"})
# Sector -> ACLED actor type (inter1/inter2): 1 state forces, 2 rebel groups, 3 political militias, 7 civilians,
# 8 external/other forces (international bodies, a state's forces acting outside its country). 5 rioters and
# 6 protesters are the actors of PROTEST events. 4 identity militias: no PLOVER sector says so.
_INTER_BY_SECTOR: dict[str, int] = {
    **dict.fromkeys(("GOV", "MIL", "COP", "SPY", "JUD", "LEG"), 1), "REB": 2, "UAF": 3, "CRM": 8,
    **dict.fromkeys(("CVL", "REF", "JRN", "MED", "EDU", "BUS", "LAB", "AGR", "REL", "ELI", "OPP", "PTY", "NGO"), 7),
}
_INTERNATIONAL = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
# Who took territory (CAMEO 192) -> ACLED's battle sub-event; an actor of no such sector stays a strategic development.
_TERRITORY: dict[str, str] = {**dict.fromkeys(("REB", "UAF", "CRM"), "Non-state actor overtakes territory"),
                              **dict.fromkeys(("GOV", "MIL", "COP"), "Government regains territory")}
_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}


def acled_type(type_: str, mode: str | None, cameo: str | None, recipient_sector: str | None, *,
               actor_sector: str | None = None) -> tuple[str, str, str]:
    """(disorder_type, event_type, sub_event_type) of a PLOVER event; ``Not ACLED-coded`` and the PLOVER type for
    the verbal and cooperative types ACLED does not record."""
    cameo = cameo or ""
    if cameo.startswith("192") and actor_sector in _TERRITORY:  # CAMEO's "occupy territory": ACLED's battles
        return (_VIOLENCE, "Battles", _TERRITORY[actor_sector])
    if type_ == "ASSAULT":
        if cameo.startswith("195"):  # "drone strike" is heavy-weapons by mode, an air strike by code
            return (_VIOLENCE, "Explosions/Remote violence", "Air/drone strike")
        if cameo.startswith("183"):
            return (_VIOLENCE, "Explosions/Remote violence", "Suicide bomb")
        if mode in _ASSAULT_BY_MODE:
            return (_VIOLENCE, *_ASSAULT_BY_MODE[mode])
        if recipient_sector in _ARMED or (recipient_sector is None and cameo.startswith("19")):
            return (_VIOLENCE, "Battles", "Armed clash")
        return (_VIOLENCE, "Violence against civilians", "Attack")
    if type_ == "PROTEST":
        if mode == "riot" or cameo.startswith("145"):
            return ("Demonstrations", "Riots", "Violent demonstration")
        return ("Demonstrations", "Protests", "Peaceful protest")
    if type_ == "COERCE":
        return (_STRATEGIC, _STRATEGIC, _COERCE_BY_MODE.get(mode or "", "Other"))
    if type_ == "RETREAT":
        return (_STRATEGIC, _STRATEGIC, _RETREAT_BY_MODE.get(mode or "", "Other"))
    if type_ in _ACLED_BY_TYPE:
        return _ACLED_BY_TYPE[type_]
    return ("", NOT_ACLED, f"PLOVER {type_}")


def acled_inter(actor: dict[str, Any] | None, *, type_: str, mode: str | None, place_country: str | None,
                role: str) -> int | None:
    """ACLED's actor type code of an event's actor (``role`` "actor") or recipient; None when unknown."""
    if not actor:
        return None
    if role == "actor" and type_ == "PROTEST":
        return 5 if mode == "riot" else 6
    country, sector = actor.get("country"), actor.get("sector")
    if country in _INTERNATIONAL:
        return 8
    inter = _INTER_BY_SECTOR.get(sector or "")
    if inter == 1 and country and place_country and country != place_country:
        return 8  # a state's forces acting abroad are external forces in ACLED
    return inter


ACLED_COLUMNS: tuple[Column, ...] = (
    Column("event_id_cnty", "string", "the event's id (dragoman's 16 hex digits)"),
    Column("event_date", "string", "the event's date, YYYY-MM-DD (empty: the text gives none)"),
    Column("year", "Int64", "the event's year"),
    Column("time_precision", "Int64", "1 day, 2 week, 3 month or year (ACLED's codes)"),
    Column("disorder_type", "string", "Political violence, Demonstrations or Strategic developments"),
    Column("event_type", "string", "ACLED event type, or Not ACLED-coded (see the mapping table)"),
    Column("sub_event_type", "string", "ACLED sub-event type, or PLOVER TYPE for the not ACLED-coded"),
    Column("actor1", "string", "the actor's name (else its text)"),
    Column("inter1", "Int64", "ACLED actor type of actor1 (1 state, 2 rebels, 3 militia, 5 rioters, 6 protesters, "
                              "7 civilians, 8 external/other)"),
    Column("actor2", "string", "the recipient's name (else its text)"),
    Column("inter2", "Int64", "ACLED actor type of actor2"),
    Column("interaction", "Int64", "the two actor types, smaller first (17: state forces against civilians); "
                                   "actor1's times 10 when actor2 has none"),
    Column("civilian_targeting", "string", "\"Civilian targeting\" for political violence against civilians"),
    Column("iso3", "string", "ISO 3166-1 alpha-3 code of the event's country (ACLED gives a numeric iso)"),
    Column("country", "string", "the name of the country the event happened in"),
    Column("admin1", "string", "the admin-1 region of the place, from the gazetteer"),
    Column("location", "string", "the place's name"),
    Column("latitude", "Float64", "latitude, degrees"),
    Column("longitude", "Float64", "longitude, degrees"),
    Column("geo_precision", "Int64", "1 a town, 2 an admin region (admin-1/admin-2), 3 a country or larger region"),
    Column("source", "string", "the agency the document credits, else its web site, else the input's id"),
    Column("notes", "string", "the sentence the event was read from"),
    Column("fatalities", "Int64", "people killed as the text states (empty: not stated; ACLED writes 0)"),
    Column("timestamp", "Int64", "when the document was stored, Unix seconds"),
    Column("plover_type", "string", "dragoman's PLOVER type"),
    Column("plover_mode", "string", "dragoman's PLOVER mode"),
    Column("cameo", "string", "CAMEO code, text (\"040\")"),
    Column("modality", "string", "asserted, future, hypothetical, negated or historical"),
    Column("source_url", "string", "the document's URL"),
)

# ---------------------------------------------------------------- GDELT

# GDELT's QuadClass groups CAMEO roots (01-04, 05-08, 09-13, 14-20), not PLOVER types: a sanction (16) is material
# conflict there, verbal conflict in PLOVER's table.
_GDELT_QUAD_ROOTS = ((4, 1), (8, 2), (13, 3), (20, 4))
# PLOVER sectors whose CAMEO actor type code differs: media is MED in CAMEO, health HLH.
_CAMEO_TYPE = {"JRN": "MED", "MED": "HLH"}
# GeoNames feature code -> GDELT ActionGeo_Type (1 country, 2 US state, 3 US city, 4 world city, 5 world state).
_US = "US"
ROOT_EVENT_CHARS = 600  # GDELT's "lead paragraph": the first sentence with an event, if it starts this early

GDELT_COLUMNS: tuple[Column, ...] = (
    Column("GlobalEventID", "Int64", "the first 15 hex digits of the event id as a number (DragomanEventID has all)"),
    Column("Day", "Int64", "the event's date as YYYYMMDD (empty: the text gives none)"),
    Column("MonthYear", "Int64", "YYYYMM"),
    Column("Year", "Int64", "YYYY"),
    *(Column(f"Actor{n}{field}", "string", what.format(role=role)) for n, role in ((1, "actor"), (2, "recipient"))
      for field, what in (("Code", "the {role}'s CAMEO actor code: country + type (SDNMIL)"),
                          ("Name", "the {role}'s name, upper case"),
                          ("CountryCode", "the {role}'s ISO 3166-1 alpha-3 country (none for IGO, UNO, ...)"),
                          ("Type1Code", "the {role}'s CAMEO type: its PLOVER sector (JRN as MED, MED as HLH)"))),
    Column("IsRootEvent", "Int64", "1 when the event's sentence is its document's first event sentence and starts "
                                   f"in the first {ROOT_EVENT_CHARS} characters, else 0"),
    Column("EventCode", "string", "CAMEO code, text (\"0231\")"),
    Column("EventBaseCode", "string", "its first three digits"),
    Column("EventRootCode", "string", "its first two digits"),
    Column("QuadClass", "Int64", "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material "
                                 "conflict, by the CAMEO root as GDELT groups them (01-04, 05-08, 09-13, 14-20)"),
    Column("GoldsteinScale", "Float64", "Goldstein (1992) intensity of the CAMEO code (lexicon/goldstein.tsv)"),
    Column("NumMentions", "Int64", "stored reports of the same happening (1 when the store has no key)"),
    Column("NumSources", "Int64", "distinct agencies among those reports (a document with none counts alone)"),
    Column("NumArticles", "Int64", "distinct documents among those reports"),
    Column("ActionGeo_Type", "Int64", "1 country, 2 US state, 3 US city, 4 world city, 5 world state (admin region)"),
    Column("ActionGeo_FullName", "string", "place, admin-1 region, country"),
    Column("ActionGeo_CountryCode", "string", "ISO 3166-1 alpha-2 code (GDELT writes FIPS 10-4)"),
    Column("ActionGeo_ADM1Code", "string", "alpha-2 country + GeoNames admin-1 code (USNY, CD11)"),
    Column("ActionGeo_Lat", "Float64", "latitude, degrees"),
    Column("ActionGeo_Long", "Float64", "longitude, degrees"),
    Column("ActionGeo_FeatureID", "Int64", "GeoNames id of the place (GDELT writes GNS/GNIS ids)"),
    Column("DATEADDED", "Int64", "when the document was stored, YYYYMMDDHHMMSS UTC"),
    Column("SOURCEURL", "string", "the document's URL, else the input's id"),
    Column("DragomanEventID", "string", "the event's id (16 hex digits)"),
)

STYLE_COLUMNS: dict[Style, tuple[Column, ...]] = {"acled": ACLED_COLUMNS, "gdelt": GDELT_COLUMNS}
ACLED_DTYPES: dict[str, str] = {column.name: column.dtype for column in ACLED_COLUMNS}
GDELT_DTYPES: dict[str, str] = {column.name: column.dtype for column in GDELT_COLUMNS}


@lru_cache(maxsize=1)
def goldstein_table() -> dict[str, float]:
    """CAMEO code -> Goldstein intensity, from lexicon/goldstein.tsv."""
    table: dict[str, float] = {}
    for line in read_lexicon("goldstein.tsv").splitlines():
        if not line or line.startswith(("#", "cameo\t")):
            continue
        code, value = line.split("\t")[:2]
        table[code] = float(value)
    return table


def goldstein(cameo: str | None) -> float | None:
    """The intensity of a CAMEO code: its own, else its base code's, else its root's; None for no code."""
    if not cameo:
        return None
    table = goldstein_table()
    for code in (cameo, cameo[:3], cameo[:2]):
        if code in table:
            return table[code]
    return None


def actor_code(actor: dict[str, Any] | None) -> str | None:
    """A CAMEO-style actor code: country (or international body) then type, "SDNMIL", "UNO", "CVL"."""
    if not actor:
        return None
    country, sector = actor.get("country") or "", actor.get("sector") or ""
    kind = _CAMEO_TYPE.get(sector, sector)
    return (country + (kind if kind != country else "")) or None


# ---------------------------------------------------------------- shared lookups


@dataclass(frozen=True, slots=True)
class PlaceFacts:
    """What the gazetteer says of an event's place."""

    fcode: str | None
    cc2: str | None
    admin1_code: str | None
    admin1: str | None


class _Lookups:
    """The per-export caches: documents, places, country names, each document's first event sentence."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.documents = DocumentInfo(conn, ("url", "agency", "created_at"))
        self.first_sentence: dict[str, int | None] = {}
        self.happening = conn is not None and query.has_happening(conn)
        self.place = lru_cache(maxsize=50_000)(self._place)
        self.country_names = {row["code"]: row["name"] for row in query.country_table()["countries"]}

    def _place(self, geonameid: Any) -> PlaceFacts:
        region = place_admin1(geonameid)
        fcode = cc2 = None
        if isinstance(geonameid, int) and geonameid > 0:
            from .gazetteer import get_gazetteer

            found = get_gazetteer().get(geonameid)
            if found is not None:
                fcode, cc2 = found.fcode, found.cc2 or None
        return PlaceFacts(fcode, cc2, *(region if region else (None, None)))

    def is_first_sentence(self, doc_id: str | None, start: int | None) -> bool:
        if self.conn is None or doc_id is None or start is None:
            return False
        if doc_id not in self.first_sentence:
            if len(self.first_sentence) > 4096:  # records come document by document: keep the cache small
                self.first_sentence.clear()
            row = self.conn.execute("SELECT MIN(sentence_start) FROM events WHERE doc_id = ?", (doc_id,)).fetchone()
            self.first_sentence[doc_id] = row[0] if row else None
        return self.first_sentence[doc_id] == start

    def reports(self, event_id: str) -> tuple[int, int, int]:
        """(mentions, sources, articles) of the event's happening: every stored report of it, 1 each without."""
        if not self.happening:
            return (1, 1, 1)
        row = self.conn.execute(
            "SELECT COUNT(*), COUNT(DISTINCT COALESCE(d.agency, h.doc_id)), COUNT(DISTINCT h.doc_id) FROM events e "
            "JOIN events h ON h.happening = e.happening JOIN documents d ON d.doc_id = h.doc_id "
            "WHERE e.event_id = ?", (event_id,)).fetchone()
        return (int(row[0]), int(row[1]), int(row[2])) if row and row[0] else (1, 1, 1)


def _source(url: str | None, agency: str | None, source_id: str | None) -> str | None:
    if agency:
        return agency
    if url:
        host = urlsplit(url).hostname
        if host:
            return host.removeprefix("www.")
    return source_id


def _stored_at(created_at: str | None) -> dt.datetime | None:
    if not created_at:
        return None
    try:
        when = dt.datetime.fromisoformat(created_at)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=dt.timezone.utc)


def _geo_precision(fcode: str | None, precision: str | None) -> int | None:
    if fcode:
        return 1 if fcode.startswith("PPL") else 2 if fcode.startswith("ADM") else 3
    return {"city": 1, "admin1": 2, "admin2": 2, "country": 3, "region": 3}.get(precision or "")


def _label(actor: dict[str, Any] | None) -> str | None:
    return (actor.get("name") or actor.get("text")) if actor else None


def acled_row(record: dict[str, Any], lookups: _Lookups) -> dict[str, Any]:
    """One event as an ACLED-style row (``ACLED_COLUMNS``)."""
    location = record.get("location") or {}
    place = lookups.place(location.get("geonameid"))
    url, agency, created_at = lookups.documents(record.get("doc_id"))
    type_, mode, day = record["type"], record.get("mode"), record.get("date")
    disorder, event_type, sub_event_type = acled_type(type_, mode, record.get("cameo"),
                                                      (record.get("recipient") or {}).get("sector"),
                                                      actor_sector=(record.get("actor") or {}).get("sector"))
    place_country = location.get("country")
    inter1 = acled_inter(record.get("actor"), type_=type_, mode=mode, place_country=place_country, role="actor")
    inter2 = acled_inter(record.get("recipient"), type_=type_, mode=mode, place_country=place_country,
                         role="recipient")
    pair = sorted(x for x in (inter1, inter2) if x is not None)
    stored = _stored_at(created_at)
    return {
        "event_id_cnty": record["event_id"], "event_date": day, "year": int(day[:4]) if day else None,
        "time_precision": _TIME_PRECISION.get(record.get("date_precision") or ""),
        "disorder_type": disorder or None, "event_type": event_type, "sub_event_type": sub_event_type,
        "actor1": _label(record.get("actor")), "inter1": inter1,
        "actor2": _label(record.get("recipient")), "inter2": inter2,
        "interaction": (pair[0] * 10 + pair[1] if len(pair) == 2 else pair[0] * 10) if pair else None,
        "civilian_targeting": "Civilian targeting" if disorder == _VIOLENCE and inter2 == 7 else None,
        "iso3": place_country,
        "country": lookups.country_names.get(place_country, place_country) if place_country else None,
        "admin1": place.admin1, "location": location.get("name"),
        "latitude": location.get("lat"), "longitude": location.get("lon"),
        "geo_precision": _geo_precision(place.fcode, location.get("precision")) if location else None,
        "source": _source(url, agency, record.get("source_id")),
        "notes": (record.get("evidence") or {}).get("sentence"),
        "fatalities": (record.get("counts") or {}).get("dead"),
        "timestamp": int(stored.timestamp()) if stored else None,
        "plover_type": type_, "plover_mode": mode, "cameo": record.get("cameo"),
        "modality": record.get("modality"), "source_url": url,
    }


def _gdelt_actor(n: int, actor: dict[str, Any] | None) -> dict[str, Any]:
    country = (actor or {}).get("country")
    sector = (actor or {}).get("sector")
    name = _label(actor)
    return {f"Actor{n}Code": actor_code(actor), f"Actor{n}Name": name.upper() if name else None,
            f"Actor{n}CountryCode": country if country not in _INTERNATIONAL else None,
            f"Actor{n}Type1Code": _CAMEO_TYPE.get(sector, sector) if sector else None}


def _action_geo(location: dict[str, Any], place: PlaceFacts, country_name: str | None) -> dict[str, Any]:
    fcode, cc2 = place.fcode, place.cc2
    kind: int | None = None
    if fcode == "PCLI" or (fcode is None and location.get("precision") == "country"):
        kind = 1
    elif fcode and fcode.startswith("ADM"):
        kind = 2 if cc2 == _US else 5
    elif fcode and fcode.startswith("PPL"):
        kind = 3 if cc2 == _US else 4
    parts = [location.get("name"), place.admin1, country_name]
    names = [part for i, part in enumerate(parts) if part and part not in parts[:i]]
    return {"ActionGeo_Type": kind, "ActionGeo_FullName": ", ".join(names) or None, "ActionGeo_CountryCode": cc2,
            "ActionGeo_ADM1Code": f"{cc2}{place.admin1_code}" if cc2 and place.admin1_code else None,
            "ActionGeo_Lat": location.get("lat"), "ActionGeo_Long": location.get("lon"),
            "ActionGeo_FeatureID": location.get("geonameid") if (location.get("geonameid") or 0) > 0 else None}


def gdelt_row(record: dict[str, Any], lookups: _Lookups) -> dict[str, Any]:
    """One event as a GDELT-2.0-style row (``GDELT_COLUMNS``)."""
    location = record.get("location") or {}
    place = lookups.place(location.get("geonameid"))
    url, _agency, created_at = lookups.documents(record.get("doc_id"))
    day, cameo = record.get("date"), record.get("cameo") or ""
    evidence = record.get("evidence") or {}
    start = evidence.get("start")
    root = lookups.is_first_sentence(record.get("doc_id"), start) and (start or 0) < ROOT_EVENT_CHARS
    mentions, sources, articles = lookups.reports(record["event_id"])
    stored = _stored_at(created_at)
    country = location.get("country")
    return {
        "GlobalEventID": int(record["event_id"][:15], 16), "Day": int(day.replace("-", "")) if day else None,
        "MonthYear": int(day[:7].replace("-", "")) if day else None, "Year": int(day[:4]) if day else None,
        **_gdelt_actor(1, record.get("actor")), **_gdelt_actor(2, record.get("recipient")),
        "IsRootEvent": int(root), "EventCode": cameo or None, "EventBaseCode": cameo[:3] or None,
        "EventRootCode": cameo[:2] or None, "QuadClass": gdelt_quad_class(cameo, record.get("quad")),
        "GoldsteinScale": goldstein(cameo), "NumMentions": mentions, "NumSources": sources, "NumArticles": articles,
        **_action_geo(location, place, lookups.country_names.get(country, country) if country else None),
        "DATEADDED": int(stored.astimezone(dt.timezone.utc).strftime("%Y%m%d%H%M%S")) if stored else None,
        "SOURCEURL": url or record.get("source_id"), "DragomanEventID": record["event_id"],
    }


def gdelt_quad_class(cameo: str, quad: str | None) -> int | None:
    """GDELT's QuadClass of a CAMEO code (by its root); the PLOVER quad's class when there is no code."""
    if cameo[:2].isdigit():
        root = int(cameo[:2])
        return next((cls for last, cls in _GDELT_QUAD_ROOTS if 1 <= root <= last), None)
    return QUAD_NUMBER.get(quad or "")


def write_style(conn: Any, records: Iterable[dict[str, Any]], style: Style, out: TextIO) -> int:
    """Write the records in ``style`` to ``out`` (header first); returns the number of rows.

    ACLED: CSV (RFC 4180, CRLF), text a spreadsheet would run as a formula made inert as in the plain CSV.
    GDELT: tab-separated, one header line, tabs and line breaks inside text turned into spaces, no quoting (read
    with ``quoting=csv.QUOTE_NONE``).
    """
    lookups = _Lookups(conn)
    columns = [column.name for column in STYLE_COLUMNS[style]]
    n = 0
    if style == "acled":
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(columns)
        for record in records:
            row = acled_row(record, lookups)
            writer.writerow(["" if row[name] is None else query.csv_cell(row[name]) for name in columns])
            n += 1
        return n
    out.write("\t".join(columns) + "\n")
    for record in records:
        row = gdelt_row(record, lookups)
        out.write("\t".join(_tsv(row[name]) for name in columns) + "\n")
        n += 1
    return n


def _tsv(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return str(query.csv_cell(" ".join(value.replace("\t", " ").splitlines())))
    return str(value)
