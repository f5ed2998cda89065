"""Lexicons the team writes (TSV data files beside this module), loaded once and cached.

Files and entry kinds (each file's header says its columns):
  countries.tsv      ISO3 -> aliases, adjectives, demonyms, capitals (pycountry adds the ISO names), and the
                     names the place index files as the country's (:func:`country_place_names`)
  international.tsv  international bodies -> UNO / EUR / IGO / NGO / MNC (+ optional sector)
  groups.tsv         named national institutions, armed groups, parties -> country + sector
  sectors.tsv        sector nouns, person titles, generic heads and modifiers -> PLOVER sector
  people.tsv         well-known leaders -> country + sector (for names the text gives without a title)
  place_words.yaml   open word lists of the place finder and resolver (:func:`place_words`)
  actor_words.yaml   open word lists of the actor resolver (:func:`actor_words`)

Every file is read through :func:`dragoman.resources.read_lexicon`; a missing or malformed one is a
:class:`~dragoman.errors.LexiconError` naming the file and the line or list to fix.

Keys are normalised with :func:`norm` (lower case, one space, curly quotes straightened,
periods of "U.S."-style acronyms kept). All-capital acronyms ("UN", "US", "WHO", "IS") are
kept case-sensitive so that "who", "us" or "is" never match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any, Literal, cast

import pycountry
import yaml

from ..errors import LexiconError
from ..resources import load_yaml, read_lexicon

SectorKind = Literal["noun", "title", "generic", "modifier"]
CountryKind = Literal["name", "alias", "adjective", "demonym", "capital"]
SECTOR_KINDS: tuple[str, ...] = ("noun", "title", "generic", "modifier")
SECTOR_CODES: frozenset[str] = frozenset(
    "GOV MIL REB COP OPP PTY LEG JUD SPY CVL REF JRN MED EDU BUS LAB AGR REL CRM ELI UAF NGO".split()
)
INTERNATIONAL: frozenset[str] = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
_SPACES = re.compile(r"\s+")
_ACRONYM = re.compile(r"^[A-Z0-9][A-Z0-9.&+\-/]*$")


@lru_cache(maxsize=100_000)  # the actor resolver asks for the same phrases over and over
def norm(text: str) -> str:
    """The lookup key of a term: straight quotes, one space, no leading "the", lower case unless an acronym."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2010", "-").replace("\u2011", "-")
    text = _SPACES.sub(" ", text).strip()
    if text[:4].lower() == "the ":
        text = text[4:]
    if _ACRONYM.match(text) and any(c.isalpha() for c in text) and len(text.replace(".", "")) <= 6:
        return text  # acronym: case-sensitive ("WHO" is not "who")
    return text.lower()


@dataclass(frozen=True, slots=True)
class CountryEntry:
    iso3: str
    kind: CountryKind


@dataclass(frozen=True, slots=True)
class BodyEntry:
    """A named body: an international organisation or a national group/institution."""

    code: str  # ISO3 or an international code; "" when the name alone does not tell
    sector: str | None
    name: str


def _rows(filename: str, columns: int) -> list[list[str]]:
    """Data rows of a lexicon TSV (comments, blank lines and the header row dropped)."""
    text = read_lexicon(filename)
    rows: list[list[str]] = []
    header_seen = False
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != columns:
            raise LexiconError(
                f"lexicon {filename} line {lineno}: {len(cells)} columns, expected {columns}; "
                "fix the tabs in that line",
            )
        if not header_seen:
            header_seen = True
            continue
        rows.append([c.strip() for c in cells])
    return rows


def _split(cell: str) -> list[str]:
    return [v.strip() for v in cell.split("|") if v.strip() and v.strip() != "-"]


COUNTRIES_FILE = "countries.tsv"
COUNTRY_COLUMNS = 6  # iso3, aliases, adjectives, demonyms, capitals, place_names


@lru_cache(maxsize=1)
def country_place_names() -> dict[str, tuple[str, ...]]:
    """ISO3 -> the names the place index files as that country's main names (the ``place_names`` column; the
    file's header says why they are not simply its aliases). Read by ``dragoman.gazetteer`` when it builds."""
    return {iso3: tuple(names) for iso3, *_forms, cell in _rows(COUNTRIES_FILE, COUNTRY_COLUMNS)
            if (names := _split(cell))}


@lru_cache(maxsize=1)
def countries() -> dict[str, CountryEntry]:
    """Every country form (ISO name, alias, adjective, demonym and its plural, capital) -> entry."""
    table: dict[str, CountryEntry] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                table.setdefault(norm(value), CountryEntry(country.alpha_3, "name"))
    written: dict[str, CountryEntry] = {}
    for iso3, aliases, adjectives, demonyms, capitals, _place_names in _rows(COUNTRIES_FILE, COUNTRY_COLUMNS):
        kinds: tuple[tuple[CountryKind, str], ...] = (
            ("alias", aliases), ("adjective", adjectives), ("demonym", demonyms), ("capital", capitals))
        for kind, cell in kinds:
            for term in _split(cell):
                key = norm(term)
                if key in written and written[key].iso3 != iso3:
                    raise LexiconError(
                        f"lexicon countries.tsv: {term!r} is given for both {written[key].iso3} and {iso3}; "
                        "keep it in one row",
                    )
                written.setdefault(key, CountryEntry(iso3, kind))
                if kind in ("adjective", "demonym"):
                    plural = _plural(key)
                    if plural != key:
                        written.setdefault(plural, CountryEntry(iso3, "demonym"))
    table.update(written)  # the team's reading wins over pycountry's (e.g. "Congo")
    return table


def _plural(key: str) -> str:
    if key.endswith(("s", "ch", "sh")):  # "Chinese", "Swiss", "Dutch", "Irish" are already plural
        return key
    if key.endswith("man"):
        return key[:-3] + "men"
    if key.isupper():
        return key
    return key + "s"


@lru_cache(maxsize=1)
def bodies() -> dict[str, BodyEntry]:
    """Named bodies: international.tsv and groups.tsv, name -> entry (groups win over nothing: names are unique)."""
    table: dict[str, BodyEntry] = {}
    for filename in ("international.tsv", "groups.tsv"):
        for code, sector, names in _rows(filename, 3):
            code = "" if code == "-" else code
            sec = None if sector == "-" else sector
            if sec is not None and sec not in SECTOR_CODES:
                raise LexiconError(
                    f"lexicon {filename}: unknown sector {sector!r}; use one of {sorted(SECTOR_CODES)}"
                )
            for name in _split(names):
                key = norm(name)
                if key in table and table[key].code != code:
                    raise LexiconError(
                        f"lexicon {filename}: {name!r} is given for both {table[key].code} and {code}; keep one",
                    )
                table.setdefault(key, BodyEntry(code, sec, name))
    return table


@dataclass(frozen=True, slots=True)
class SectorEntry:
    sector: str | None
    kind: SectorKind


@lru_cache(maxsize=1)
def sectors() -> dict[str, SectorEntry]:
    """Head terms (nouns, titles, generic heads): lemma phrase -> entry."""
    return _sector_table(head=True)


@lru_cache(maxsize=1)
def sector_modifiers() -> dict[str, str]:
    """Modifier words/phrases that give the sector of a generic head ("military" -> MIL)."""
    table = {term: entry.sector for term, entry in _sector_table(head=False).items() if entry.sector}
    # every head noun with a sector also works as a modifier ("army spokesman", "police chief")
    for term, entry in _sector_table(head=True).items():
        if entry.sector and entry.kind in ("noun", "title"):
            table.setdefault(term, entry.sector)
    return table


@lru_cache(maxsize=2)
def _sector_table(*, head: bool) -> dict[str, SectorEntry]:
    table: dict[str, SectorEntry] = {}
    for term, sector, kind in _rows("sectors.tsv", 3):
        if kind not in SECTOR_KINDS:
            raise LexiconError(
                f"lexicon sectors.tsv: {term!r} has kind {kind!r}; use one of {SECTOR_KINDS}"
            )
        sec = None if sector == "-" else sector
        if sec is not None and sec not in SECTOR_CODES:
            raise LexiconError(f"lexicon sectors.tsv: {term!r} has unknown sector {sector!r}")
        if (kind == "modifier") == head:
            continue
        key = norm(term)
        if key in table:
            raise LexiconError(f"lexicon sectors.tsv: {term!r} is listed twice as a {kind}; keep one")
        table[key] = SectorEntry(sec, cast(SectorKind, kind))  # checked against SECTOR_KINDS above
    return table


@lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    """Person titles (kind "title"), as lookup keys."""
    return frozenset(term for term, entry in sectors().items() if entry.kind == "title")


@lru_cache(maxsize=1)
def people() -> dict[str, BodyEntry]:
    """Well-known leaders, name (full or distinctive surname) -> country code and sector."""
    table: dict[str, BodyEntry] = {}
    for code, sector, names in _rows("people.tsv", 3):
        for name in _split(names):
            table.setdefault(norm(name), BodyEntry(code, None if sector == "-" else sector, name))
    return table


@dataclass(frozen=True, slots=True)
class StateCues:
    """Words that say a state rather than its namesake city; one table, its three uses named
    (``place_words.yaml`` says why the lists differ)."""

    before: frozenset[str]  # the word right before the name ("upstate New York"): the hand score
    after: frozenset[str]  # the word right after it, a possessive skipped ("New York's governor"): the hand score
    near: frozenset[str]  # any word within a few of it, a final period dropped: the ranker's feature


@dataclass(frozen=True, slots=True)
class PlaceWords:
    """The lists of ``place_words.yaml`` (its comments say what each is for)."""

    settlement_nouns: frozenset[str]
    directions: frozenset[str]
    common_words: frozenset[str]
    prefix_words: frozenset[str]
    admin_words: frozenset[str]
    feature_heads: frozenset[str]
    abbreviated_saints: frozenset[str]
    town_sections: frozenset[str]
    topic_verbs: frozenset[str]
    state_cues: StateCues


@dataclass(frozen=True, slots=True)
class ActorWords:
    """The lists of ``actor_words.yaml`` (its comments say what each is for)."""

    charge_verbs: frozenset[str]
    place_verbs: frozenset[str]
    attack_on_words: frozenset[str]
    place_nouns: frozenset[str]
    seat_nouns: frozenset[str]
    backing_verbs: frozenset[str]
    former_words: frozenset[str]
    dispatch_verbs: frozenset[str]
    state_leaders: frozenset[str]
    allegiance_words: frozenset[str]
    holding_verbs: frozenset[str]
    receiving_verbs: frozenset[str]
    mediating_verbs: frozenset[str]
    pair_nouns: frozenset[str]
    relation_nouns: frozenset[str]
    state_anaphors: frozenset[str]
    arresting_verbs: frozenset[str]
    judging_verbs: frozenset[str]
    bail_verbs: frozenset[str]
    speaking_verbs: frozenset[str]


def _yaml_mapping(filename: str) -> dict[str, Any]:
    try:
        data = load_yaml(read_lexicon(filename))
    except yaml.YAMLError as exc:
        raise LexiconError(f"lexicon {filename} is not valid YAML ({exc}): fix the line it names") from exc
    if not isinstance(data, dict):
        raise LexiconError(f"lexicon {filename} holds no named lists: write one `name: [words]` per list")
    return data


def _word_list(filename: str, data: dict[str, Any], name: str) -> frozenset[str]:
    words = data.get(name)
    # a bare word YAML reads as a boolean or a number ("on", "no", "1") is a mistake of the file, not a word
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
        raise LexiconError(f"lexicon {filename}: {name!r} must be a non-empty list of words (quote words such as "
                           "'on' or 'no' that YAML reads as other values)")
    return frozenset(w.strip() for w in words)


@lru_cache(maxsize=1)
def place_words() -> PlaceWords:
    """The place finder's and resolver's open word lists (``place_words.yaml``)."""
    filename = "place_words.yaml"
    data = _yaml_mapping(filename)
    cues = data.get("state_cues")
    if not isinstance(cues, dict):
        raise LexiconError(f"lexicon {filename}: 'state_cues' must map before, after and near to lists of words")
    state_cues = StateCues(**{f.name: _word_list(filename, cues, f.name) for f in fields(StateCues)})
    lists = {f.name: _word_list(filename, data, f.name) for f in fields(PlaceWords) if f.name != "state_cues"}
    return PlaceWords(**lists, state_cues=state_cues)


@lru_cache(maxsize=1)
def actor_words() -> ActorWords:
    """The actor resolver's open word lists (``actor_words.yaml``)."""
    filename = "actor_words.yaml"
    data = _yaml_mapping(filename)
    return ActorWords(**{f.name: _word_list(filename, data, f.name) for f in fields(ActorWords)})
