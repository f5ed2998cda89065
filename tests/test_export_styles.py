"""ACLED-style CSV and GDELT-style TSV exports: the files load in pandas with the documented columns and dtypes, a
known event comes out with the values the mappings say (event type by mode and recipient, actor types, admin-1,
Goldstein, quad class, place kind, reports of one happening), and no PLOVER type is dropped."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from dragoman import export_styles as es
from dragoman.cli import main
from dragoman.codes import PLOVER_TYPES
from factories import report_doc
from test_api_dataset import N_SYNTHETIC_EVENTS, build_db


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The API's synthetic events (written through store.write_coded) and two reports of one happening."""
    from dragoman import store

    path = tmp_path_factory.mktemp("styles") / "store.db"
    build_db(path, examples=False)
    conn = store.connect(path)
    for title in ("First report", "Second report"):
        store.write_coded(conn, report_doc(title, {}))
    conn.close()
    return path


def _export(db: Path, out: Path, fmt: str, *args: str) -> None:
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", fmt, "--out", str(out), *args])
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def acled(db: Path, tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    out = tmp_path_factory.mktemp("acled") / "events.csv"
    _export(db, out, "acled")
    return pd.read_csv(out, dtype=es.ACLED_DTYPES, keep_default_na=False, na_values=[""])


@pytest.fixture(scope="module")
def gdelt(db: Path, tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    out = tmp_path_factory.mktemp("gdelt") / "events.tsv"
    _export(db, out, "gdelt")
    assert "\t" in out.read_text(encoding="utf-8").splitlines()[0]
    return pd.read_csv(out, sep="\t", quoting=csv.QUOTE_NONE, dtype=es.GDELT_DTYPES, keep_default_na=False,
                       na_values=[""])


def _one(frame: pd.DataFrame, **where: object) -> dict[str, object]:
    mask = pd.Series(True, index=frame.index)
    for column, value in where.items():
        mask &= frame[column] == value
    rows = frame[mask].to_dict("records")
    assert len(rows) == 1, (where, len(rows))
    return rows[0]


def test_export_styles_acled_columns_dtypes_and_count(acled: pd.DataFrame) -> None:
    assert list(acled.columns) == [column.name for column in es.ACLED_COLUMNS]
    assert {str(acled[c.name].dtype) for c in es.ACLED_COLUMNS if c.dtype == "Int64"} == {"Int64"}
    assert str(acled["latitude"].dtype) == "Float64" and str(acled["event_date"].dtype) == "string"
    assert len(acled) == N_SYNTHETIC_EVENTS + 2
    for name in ("event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1", "location",
                 "latitude", "longitude", "geo_precision", "source", "notes", "fatalities"):
        assert name in acled.columns


def test_export_styles_acled_known_events(acled: pd.DataFrame) -> None:
    shelling = _one(acled, location="Sake", event_date="2024-01-03")
    assert (shelling["disorder_type"], shelling["event_type"], shelling["sub_event_type"]) == (
        "Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert (shelling["actor1"], shelling["inter1"], shelling["actor2"], shelling["inter2"]) == (
        "Congolese troops", 1, "M23 rebels", 2)
    assert shelling["interaction"] == 12 and pd.isna(shelling["civilian_targeting"])
    assert (shelling["iso3"], shelling["country"], shelling["admin1"]) == (
        "COD", "The Democratic Republic of the Congo", "Nord-Kivu")
    assert (shelling["latitude"], shelling["longitude"], shelling["geo_precision"]) == (-1.5736, 29.0452, 1)
    assert shelling["fatalities"] == 12 and shelling["year"] == 2024 and shelling["time_precision"] == 1
    assert shelling["notes"] == "Congolese troops shelled M23 rebels in Sake on 2024-01-03."
    assert shelling["source"] == "roundup-1.txt" and shelling["plover_type"] == "ASSAULT"
    strike = _one(acled, location="Nyala", event_date="2024-01-03")
    assert (strike["sub_event_type"], strike["inter2"], strike["interaction"], strike["civilian_targeting"]) == (
        "Air/drone strike", 7, 17, "Civilian targeting")
    assert strike["admin1"] == "North Darfur" and strike["fatalities"] == 30
    protest = _one(acled, location="Yangon", event_date="2024-01-03")
    assert (protest["disorder_type"], protest["event_type"], protest["inter1"]) == ("Demonstrations", "Protests", 6)
    accuse = _one(acled, location="Kigali", event_date="2024-01-03")
    assert (accuse["event_type"], accuse["sub_event_type"]) == (es.NOT_ACLED, "PLOVER ACCUSE")
    # a state's forces acting in another country are external forces (8)
    assert accuse["inter2"] == 8 and accuse["inter1"] == 1
    battle = acled[acled["actor1"] == "rebels"]
    assert set(battle["event_type"]) == {"Battles"} and set(battle["fatalities"].isna()) == {True}


def test_export_styles_gdelt_columns_and_known_event(gdelt: pd.DataFrame) -> None:
    assert list(gdelt.columns) == [column.name for column in es.GDELT_COLUMNS]
    for name in ("GlobalEventID", "Day", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor2Code", "Actor2Name",
                 "Actor2CountryCode", "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                 "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "ActionGeo_Type", "ActionGeo_FullName",
                 "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_Lat", "ActionGeo_Long",
                 "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL"):
        assert name in gdelt.columns
    assert str(gdelt["GlobalEventID"].dtype) == "Int64" and str(gdelt["EventCode"].dtype) == "string"
    assert str(gdelt["GoldsteinScale"].dtype) == "Float64"
    assert len(gdelt) == N_SYNTHETIC_EVENTS + 2
    row = _one(gdelt, ActionGeo_FeatureID=205970, Day=20240103)
    assert row["GlobalEventID"] == int(str(row["DragomanEventID"])[:15], 16)
    assert (row["MonthYear"], row["Year"]) == (202401, 2024)
    assert (row["Actor1Code"], row["Actor1Name"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == (
        "CODMIL", "CONGOLESE TROOPS", "COD", "MIL")
    assert (row["Actor2Code"], row["Actor2CountryCode"]) == ("CODREB", "COD")
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("18", "18", "18")
    assert (row["QuadClass"], row["GoldsteinScale"]) == (4, -9.0)
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == (1, 1, 1)
    assert row["IsRootEvent"] == 1  # the first event sentence of its roundup, near the top
    assert (row["ActionGeo_Type"], row["ActionGeo_FullName"]) == (4, "Sake, Nord-Kivu, The Democratic Republic of "
                                                                     "the Congo")
    assert (row["ActionGeo_CountryCode"], row["ActionGeo_ADM1Code"]) == ("CD", "CD11")
    assert (row["ActionGeo_Lat"], row["ActionGeo_Long"]) == (-1.5736, 29.0452)
    assert row["SOURCEURL"] == "roundup-1.txt" and len(str(row["DATEADDED"])) == 14
    later = _one(gdelt, ActionGeo_FeatureID=364933, Day=20240103)  # the second sentence of the same roundup
    assert later["IsRootEvent"] == 0 and later["Actor2Code"] == "SDNCVL"
    # the two reports of one happening in two documents: each knows the other
    reports = gdelt[gdelt["Actor1Name"] == "REBELS"]
    assert len(reports) == 2 and set(reports["NumMentions"]) == {2} and set(reports["NumArticles"]) == {2}


def test_export_styles_goldstein_table_and_fallbacks() -> None:
    table = es.goldstein_table()
    assert all(-10.0 <= value <= 10.0 for value in table.values())
    assert {f"{i:02d}" for i in range(1, 21)} <= set(table)
    assert es.goldstein("195") == -10.0 and es.goldstein("057") == 8.0 and es.goldstein("0874") == 10.0
    assert es.goldstein("0234") == table["023"] and es.goldstein("1383") == table["138"]  # base code
    assert es.goldstein("1999") == table["19"] and es.goldstein(None) is None  # root code


def test_export_styles_every_plover_type_has_a_label() -> None:
    for type_ in PLOVER_TYPES:
        disorder, event_type, sub_event_type = es.acled_type(type_, None, None, None)
        assert event_type and sub_event_type, type_
        if event_type == es.NOT_ACLED:
            assert sub_event_type == f"PLOVER {type_}" and disorder == ""
    assert es.acled_type("ASSAULT", "heavy-weapons", "195", "CVL")[2] == "Air/drone strike"
    assert es.acled_type("ASSAULT", "firearms", "193", "MIL")[1:] == ("Battles", "Armed clash")
    assert es.acled_type("ASSAULT", "firearms", "193", "CVL")[1:] == ("Violence against civilians", "Attack")
    assert es.acled_type("ASSAULT", None, "190", None)[1] == "Battles"
    assert es.acled_type("PROTEST", "riot", "145", None)[1:] == ("Riots", "Violent demonstration")
    assert es.acled_type("COERCE", "arrest", "173", "CVL")[1:] == ("Strategic developments", "Arrests")
    assert es.acled_type("COERCE", None, "192", "MIL", actor_sector="REB")[1:] == (
        "Battles", "Non-state actor overtakes territory")
    assert es.acled_type("COERCE", None, "192", None, actor_sector="MIL")[2] == "Government regains territory"
    assert es.acled_type("COERCE", None, "192", None)[1:] == ("Strategic developments", "Other")
    assert es.actor_code({"country": "UNO", "sector": "IGO"}) == "UNOIGO"
    assert es.actor_code({"country": None, "sector": "JRN"}) == "MED" and es.actor_code(None) is None


def test_export_styles_columns_documented_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Parquet, ACLED-style and GDELT-style exports"):]
    rows = re.findall(r"^\| `([A-Za-z_0-9]+)` \| (string|Int64|Float64) \|", section, flags=re.M)
    assert rows == [(c.name, c.dtype) for c in (*es.ACLED_COLUMNS, *es.GDELT_COLUMNS)]
