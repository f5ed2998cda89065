"""The place index: built once, cached, found by any spelling, rebuilt when stale."""

from __future__ import annotations

import sqlite3

import pytest

from dragoman import gazetteer
from dragoman.gazetteer import Gazetteer, build_index, normalize


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer(build_index())


def test_normalize_folds_accents_case_and_punctuation() -> None:
    assert normalize("Côte d'Ivoire") == "cote divoire"
    assert normalize("  The Hague ") == "hague"
    assert normalize("St. Louis") == "st louis"


def test_regions_news_names_are_indexed(gaz: Gazetteer) -> None:
    kivu = gaz.lookup("North Kivu")[0]
    assert (kivu.country, kivu.fcode) == ("COD", "ADM1")
    assert -2.5 < kivu.lat < 1.5 and 27 < kivu.lon < 30.5
    assert gaz.lookup("Tigray")[0].country == "ETH"
    assert gaz.lookup("Donetsk Oblast")[0].country == "UKR"
    sahel = max(gaz.lookup("the Sahel"), key=lambda c: c.population)
    assert sahel.fcode == "RGN" and sahel.geonameid < 0  # our own table: no GeoNames id
    assert gaz.lookup("Darfur")[0].country == "SDN"


def test_us_states_with_ap_abbreviations(gaz: Gazetteer) -> None:
    assert gaz.lookup("Calif.")[0].name == "California"
    tenn = gaz.lookup("Tenn.")[0]
    assert (tenn.fcode, tenn.admin1) == ("ADM1", "TN")


def test_cities_by_alternate_and_transliterated_names(gaz: Gazetteer) -> None:
    assert any(c.name == "Kyiv" for c in gaz.lookup("Kiev"))
    assert any(c.country == "COD" and c.fcode.startswith("PPL") for c in gaz.lookup("Sake"))
    assert gaz.lookup("New York")[0].name in {"New York City", "New York"}


def test_country_names_demonyms_and_aliases(gaz: Gazetteer) -> None:
    assert gaz.lookup("U.S.")[0].country == "USA"
    assert gaz.lookup("DRC")[0].country == "COD"
    assert gaz.lookup("Sudanese")[0].country == "SDN"
    assert gaz.lookup("turkey")  # lookups fold case; the extractor decides when a word is a place


def test_unknown_name_has_no_candidates(gaz: Gazetteer) -> None:
    assert gaz.lookup("Xqzzyville") == ()
    assert gaz.lookup("") == ()


def test_index_is_rebuilt_only_when_the_signature_changes(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DRAGOMAN_DATA_DIR", str(tmp_path))
    builds: list[str] = []

    def small_build(path, signature: str) -> None:  # type: ignore[no-untyped-def]
        # A real (tiny) SQLite index: only the rebuild decision is under test here.
        builds.append(signature)
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT)")
        conn.execute("INSERT INTO meta VALUES ('signature', ?)", (signature,))
        conn.commit()
        conn.close()

    monkeypatch.setattr(gazetteer, "_build", small_build)
    monkeypatch.setattr(gazetteer, "source_signature", lambda: "sources-1")
    path = build_index()
    assert path.parent == tmp_path and builds == ["sources-1"]
    assert build_index() == path and builds == ["sources-1"]  # cached
    monkeypatch.setattr(gazetteer, "source_signature", lambda: "sources-2")
    build_index()
    assert builds == ["sources-1", "sources-2"]  # stale: rebuilt
    build_index(force=True)
    assert len(builds) == 3
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary files left


def test_data_dir_honours_override(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DRAGOMAN_DATA_DIR", str(tmp_path / "geo"))
    assert gazetteer.data_dir() == tmp_path / "geo" and (tmp_path / "geo").is_dir()
    monkeypatch.delenv("DRAGOMAN_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert gazetteer.data_dir() == tmp_path / "xdg" / "dragoman"


def test_a_town_is_found_without_its_arabic_article() -> None:
    from dragoman.gazetteer import Gazetteer

    gazetteer = Gazetteer()
    assert [(c.country, c.main) for c in gazetteer.lookup("Qamishli") if c.fclass == "P"][:1] == [("SYR", True)]
    assert [c.country for c in gazetteer.lookup("Fasher") if c.fclass == "P"][:1] == ["SDN"]
    # too little left after the article: "Paso" is no name of El Paso
    assert all(c.population < 15_000 for c in gazetteer.lookup("Paso"))
