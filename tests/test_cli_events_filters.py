"""`dragoman events` filters: the API's names and values (modality, quad, q, place country, ...), asserted events by
default with the others one flag away, and `place_country` in the query layer (pages, counts, stats, clusters)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dragoman import query, store
from dragoman.cli import main
from dragoman.model import Place
from factories import SAKE, report_doc

BAMAKO = Place(name="Bamako", geonameid=2460596, lat=12.65, lon=-8.0, country="MLI", precision="city")
GOMA = Place(name="Goma", geonameid=216281, lat=-1.679, lon=29.228, country="COD", precision="city")
GAO = Place(name="Gao", geonameid=2457163, lat=16.27, lon=-0.04, country="MLI", precision="city")
# (title, report_event options): what happened where, and who did it.
REPORTS = {
    # A protest in Bamako by people of no stated country: --country MLI cannot find it, --place-country MLI must.
    "bamako protest": {"type_": "PROTEST", "quad": "material_conflict", "actor": (None, "CVL"), "recipient": None,
                       "place": BAMAKO, "sentence": "Hundreds protested in Bamako against the fuel prices."},
    # Malian soldiers in Congo: actor country MLI, placed in COD.
    "malians at sake": {"actor": ("MLI", "MIL"), "place": SAKE, "date": "2024-01-20",
                        "sentence": "Malian peacekeepers shelled positions near Sake."},
    "gao denied": {"modality": "negated", "place": GAO, "actor": ("MLI", "MIL"), "recipient": None,
                   "date": "2024-01-21", "sentence": "The army denied that it shelled Gao."},
    "goma planned": {"type_": "PROTEST", "quad": "material_conflict", "modality": "future", "actor": ("COD", "CVL"),
                     "recipient": None, "date": "2024-01-25", "place": GOMA,
                     "sentence": "Traders will protest in Goma next week."},
}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("filters") / "s.db"
    conn = store.connect(path)
    for title, options in REPORTS.items():
        store.write_coded(conn, report_doc(title, options))
    conn.close()
    return str(path)


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["events", *args])
    return result.exit_code, result.stdout, result.stderr


def _sentences(db: str, *args: str) -> set[str]:
    code, out, err = _run("--db", db, "--format", "jsonl", *args)
    assert code == 0, err
    return {json.loads(line)["evidence"]["sentence"] for line in out.splitlines()}


def _said(*titles: str) -> set[str]:
    return {REPORTS[title]["sentence"] for title in titles}


def test_events_default_shows_asserted_with_the_others_one_flag_away(db: str) -> None:
    assert _sentences(db) == _said("bamako protest", "malians at sake")
    assert _sentences(db, "--modality", "all") == set(_said(*REPORTS))
    assert _sentences(db, "--modality", "negated") == _said("gao denied")
    assert _sentences(db, "--modality", "FUTURE") == _said("goma planned")  # case as the API: folded
    assert _sentences(db, "--modality", "hypothetical") == set()
    code, table, note = _run("--db", db)
    assert code == 0
    assert table.splitlines()[0].split() == ["type", "cameo", "actor", "recipient", "date", "place", "trigger"]
    assert len(table.splitlines()) == 3  # header and the two asserted events
    assert note.strip() == "not shown: 1 future, 1 negated events (--modality all lists them too, --modality NAME " \
        "one kind)"
    code, table, note = _run("--db", db, "--modality", "all")
    header, *rows = table.splitlines()
    assert code == 0 and note == "" and header.split()[:3] == ["type", "cameo", "modality"]
    at = header.index("modality")
    assert sorted(row[at:].split()[0] for row in rows) == ["asserted", "asserted", "future", "negated"]
    # csv and jsonl carry the modality in every row whatever the filter, and never the note
    code, out, err = _run("--db", db, "--format", "csv", "--modality", "all")
    assert code == 0 and err == ""
    assert sorted(row["modality"] for row in csv.DictReader(io.StringIO(out))) == \
        ["asserted", "asserted", "future", "negated"]


def test_events_place_country_is_where_it_happened(db: str) -> None:
    assert _sentences(db, "--place-country", "MLI") == _said("bamako protest")
    assert _sentences(db, "--place-country", "mli", "--modality", "all") == _said("bamako protest", "gao denied")
    assert _sentences(db, "--country", "MLI") == _said("malians at sake")  # actor or recipient: not the protest
    assert _sentences(db, "--country", "MLI", "--place-country", "MLI", "--modality", "all") == _said("gao denied")
    assert _sentences(db, "--place-country", "COD", "--modality", "all") == _said("malians at sake", "goma planned")


def test_events_filters_match_the_api(db: str) -> None:
    # protests and shelling are material conflict
    assert _sentences(db, "--quad", "verbal_conflict", "--modality", "all") == set()
    assert _sentences(db, "--quad", "material_conflict", "--modality", "all") == _said(*REPORTS)
    assert _sentences(db, "--q", "bamako") == _said("bamako protest")
    assert _sentences(db, "--q", "shelled", "--modality", "all") == _said("malians at sake", "gao denied")
    assert _sentences(db, "--actor", "MLI", "--modality", "all") == _said("malians at sake", "gao denied")
    assert _sentences(db, "--bbox", "-10,10,5,20", "--modality", "all") == _said("bamako protest", "gao denied")
    assert _sentences(db, "--type", "protest", "--since", "2024-01-22") == _said("bamako protest")
    assert _sentences(db, "--mode", "none-such") == set()


@pytest.mark.parametrize(("args", "message"), [
    (("--modality", "maybe"), "'maybe' is not one of 'asserted', 'future', 'hypothetical', 'negated', 'historical', "
                              "'all'"),
    (("--quad", "conflict"), "'conflict' is not one of 'verbal_cooperation'"),
    (("--place-country", "Mali"), "--place-country 'Mali' is not a code: use an ISO 3166-1 alpha-3 code"),
    (("--country", "Mali"), "--country 'Mali' is not a code"),
    (("--bbox", "1,2,3"), "--bbox '1,2,3' is not four numbers"),
    (("--bbox", "5,2,3,4"), "out of range or inverted"),
    (("--q", "  "), "--q is empty"),
])
def test_events_bad_filter_values_say_what_to_use(db: str, args: tuple[str, ...], message: str) -> None:
    result = CliRunner().invoke(main, ["events", "--db", db, *args])
    assert result.exit_code in (1, 2) and message in result.output, result.output
    assert "Traceback" not in result.output


def test_query_place_country_in_counts_stats_and_clusters(db: str) -> None:
    conn = store.connect(db, read_only=True)
    mali = query.EventFilter(place_country="MLI")
    assert query.count_events(conn, mali) == 2
    stats = query.event_stats(conn, mali)
    assert stats["total"] == 2 and stats["by_modality"] == {"asserted": 1, "negated": 1}
    clusters = query.event_clusters(conn, mali, cell=1.0)
    assert sorted((c["count"], round(c["lat"])) for c in clusters) == [(1, 13), (1, 16)]
    # driven by the country side table, the place is tested on each row
    both = query.EventFilter(country="MLI", place_country="MLI")
    assert [r["evidence"]["sentence"] for r in query.iter_events(conn, both, limit=10)] == list(_said("gao denied"))
    assert query.count_events(conn, both) == 1
    assert query.event_stats(conn, both)["total"] == 1
    distinct = query.EventFilter(place_country="COD", distinct=True)
    assert query.count_events(conn, distinct) == 2
    conn.close()


def test_events_stream_in_sort_order_under_the_default_modality(db: str) -> None:
    """The default filter must not make SQLite sort the whole store before the first row (exports stream)."""
    conn = store.connect(db, read_only=True)
    branches = query._plan(conn, query.EventFilter(modality="asserted"), stream=True)
    assert branches is not None and len(branches) == 1
    b = branches[0]
    plan = " ".join(str(row[3]) for row in conn.execute(
        f"EXPLAIN QUERY PLAN SELECT e.record {b.sql(join=True)} ORDER BY {query._order_sql('doc', b.driver)}",
        b.params))
    assert "events_doc" in plan and "events_modality" not in plan, plan
    conn.close()
    assert Path(db).exists()
