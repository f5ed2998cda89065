"""The actor lexicons: every entry kind loads and answers as written (no spaCy model needed)."""

from __future__ import annotations

import pycountry
import pytest

from dragoman import lexicon as lx
from dragoman.extract.actors.resolver import country_of


def test_lexicon_country_names_from_pycountry_and_aliases() -> None:
    assert country_of("Ethiopia") == "ETH"  # ISO name from pycountry
    assert country_of("DR Congo") == "COD"  # alias
    assert country_of("Ivory Coast") == "CIV"
    assert country_of("Britain") == "GBR"
    assert country_of("UK") == "GBR"
    assert country_of("the United States") == "USA"
    assert country_of("U.S.") == "USA"
    assert country_of("Congo-Brazzaville") == "COG"


def test_lexicon_country_adjectives() -> None:
    assert country_of("Congolese") == "COD"
    assert country_of("Sudanese") == "SDN"
    assert country_of("South Sudanese") == "SSD"
    assert country_of("Kenyan") == "KEN"
    assert country_of("North Korean") == "PRK"


def test_lexicon_country_demonyms_and_plurals() -> None:
    assert country_of("Russians") == "RUS"
    assert country_of("Iraqis") == "IRQ"
    assert country_of("Filipinos") == "PHL"
    assert country_of("Briton") == "GBR"
    assert country_of("Frenchmen") == "FRA"
    assert lx.countries()["russians"].kind == "demonym"


def test_lexicon_capitals() -> None:
    assert country_of("Kinshasa") == "COD"
    assert country_of("Kigali") == "RWA"
    assert country_of("Washington") == "USA"
    assert country_of("Kremlin") == "RUS"
    assert lx.countries()["addis ababa"].kind == "capital"


def test_lexicon_international_bodies() -> None:
    assert country_of("UNHCR") == "UNO"
    assert country_of("Security Council") == "UNO"
    assert country_of("MONUSCO") == "UNO"
    assert country_of("European Commission") == "EUR"
    assert country_of("African Union") == "IGO"
    assert country_of("ECOWAS") == "IGO"
    assert country_of("International Criminal Court") == "IGO"
    assert country_of("Human Rights Watch") == "NGO"
    assert country_of("Doctors Without Borders") == "NGO"
    assert lx.bodies()[lx.norm("Gazprom")].code == "MNC"


def test_lexicon_acronyms_are_case_sensitive() -> None:
    assert country_of("WHO") == "UNO"
    assert country_of("who") is None
    assert country_of("US") == "USA"
    assert country_of("us") is None


def test_lexicon_groups() -> None:
    def group(name: str) -> tuple[str, str | None]:
        entry = lx.bodies()[lx.norm(name)]
        return entry.code, entry.sector

    assert group("M23") == ("COD", "REB")
    assert group("al-Shabaab") == ("SOM", "REB")
    assert group("Boko Haram") == ("NGA", "REB")
    assert group("ISIS") == ("IMG", "REB")
    assert group("Knesset") == ("ISR", "LEG")


@pytest.mark.parametrize(
    ("term", "sector", "kind"),
    [
        ("soldier", "MIL", "noun"),
        ("refugee", "REF", "noun"),
        ("journalist", "JRN", "noun"),
        ("protester", "CVL", "noun"),
        ("parliament", "LEG", "noun"),
        ("security force", "COP", "noun"),
        ("president", "GOV", "title"),
        ("interior minister", "GOV", "title"),
        ("bishop", "REL", "title"),
        ("judge", "JUD", "title"),
        ("spokesman", None, "generic"),
        ("force", "MIL", "generic"),
    ],
)
def test_lexicon_sector_heads_and_titles(term: str, sector: str | None, kind: str) -> None:
    entry = lx.sectors()[term]
    assert (entry.sector, entry.kind) == (sector, kind)
    if kind == "title":
        assert term in lx.titles()


def test_lexicon_sector_modifiers() -> None:
    mods = lx.sector_modifiers()
    assert mods["military"] == "MIL"
    assert mods["rebel"] == "REB"
    assert mods["police"] == "COP"
    assert mods["army"] == "MIL"  # head nouns work as modifiers too


def test_lexicon_coverage_is_broad() -> None:
    rows = lx._rows(lx.COUNTRIES_FILE, lx.COUNTRY_COLUMNS)
    codes = {row[0] for row in rows}
    members = {c.alpha_3 for c in pycountry.countries}
    assert codes - members <= {"XKX"}, "every row is an ISO 3166-1 alpha-3 code (Kosovo's XKX aside)"
    assert len(codes) >= 193
    assert sum(1 for row in rows if row[2]) >= 190, "adjectives for nearly every state"
    assert sum(1 for row in rows if row[4]) >= 185, "capitals for nearly every state"
    assert len(lx.sectors()) >= 400
    assert all(entry.sector in lx.SECTOR_CODES for entry in lx.sectors().values() if entry.sector)


def test_lexicon_people() -> None:
    putin = lx.people()[lx.norm("Vladimir Putin")]
    assert (putin.code, putin.sector) == ("RUS", "GOV")
    assert lx.people()[lx.norm("Guterres")].code == "UNO"
    assert lx.norm("Abbas") not in lx.people(), "common given names are not keys on their own"
