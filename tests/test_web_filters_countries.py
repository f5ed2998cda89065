"""The web UI's country boxes (names or codes, from the countries lexicon; an unknown name is refused, never cut to
three letters), the "happened in" place-country box, and asserted events first with the others one click away.

Real headless Chromium over a real store served by uvicorn, as tests/test_web_ui.py (same skips).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from dragoman import store
from factories import report_doc
from test_cli_events_filters import REPORTS
from test_web_ui import _serve, launch_chromium, pytestmark  # noqa: F401 - the same skips: Chromium, the built UI


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("countries") / "c.db"
    conn = store.connect(db)
    for title, options in REPORTS.items():
        store.write_coded(conn, report_doc(title, options))
    conn.close()
    with _serve(Path(db)) as served:
        yield served


@pytest.fixture()
def page(url: str) -> Iterator[Any]:
    with launch_chromium() as chromium:
        context = chromium.new_context(viewport={"width": 1400, "height": 900})
        pg = context.new_page()
        errors: list[str] = []
        pg.on("pageerror", lambda exc: errors.append(str(exc)))
        pg.goto(url + "/")
        pg.wait_for_selector("body[data-ready='1']", timeout=15000)
        pg.page_errors = errors
        yield pg
        context.close()


def _sentences(pg: Any) -> set[str]:
    """The evidence of the rows shown, read through the API the table was filled from (one request per row)."""
    ids = pg.locator("#events tbody tr").evaluate_all("rows => rows.map(r => r.dataset.eventId)")
    return {pg.evaluate("id => fetch('/api/events/' + id).then(r => r.json()).then(e => e.evidence.sentence)", i)
            for i in ids}


def _said(*titles: str) -> set[str]:
    return {REPORTS[title]["sentence"] for title in titles}


def _apply(pg: Any, expected_rows: int) -> None:
    """Apply the filters and wait for the table to be filled again (the rows shown before are marked stale)."""
    pg.evaluate("document.querySelector('#events tbody').replaceChildren("
                "...[...document.querySelectorAll('#events tbody tr')].map(r => { r.dataset.stale = '1'; return r; }),"
                " Object.assign(document.createElement('tr'), {className: 'stale-marker'}))")
    pg.click("#f-apply")
    expect(pg.locator("#events tbody tr.stale-marker")).to_have_count(0)
    expect(pg.locator("#events tbody tr")).to_have_count(expected_rows)


def test_web_asserted_first_and_the_others_one_click_away(page: Any) -> None:
    assert page.is_checked("#f-asserted")
    expect(page.locator("#summary")).to_have_text(re.compile(r"^2 events match \(asserted only"))
    assert _sentences(page) == _said("bamako protest", "malians at sake")
    assert page.locator("#events .modality").count() == 0
    assert "modality=asserted" in page.locator("#export-csv").get_attribute("href")
    page.uncheck("#f-asserted")
    _apply(page, 4)
    assert sorted(page.locator("#events .modality").all_text_contents()) == ["future", "negated"]
    assert "modality=all" in page.url and "modality" not in page.locator("#export-csv").get_attribute("href")
    expect(page.locator("#summary")).to_have_text("4 events match.")
    page.reload()
    page.wait_for_selector("body[data-ready='1']")
    assert not page.is_checked("#f-asserted")  # kept in the address
    expect(page.locator("#events tbody tr")).to_have_count(4)
    page.click("#f-reset")
    expect(page.locator("#events tbody tr")).to_have_count(2)
    assert page.is_checked("#f-asserted") and page.page_errors == []


@pytest.mark.parametrize("typed", ["Mali", "mali", "MLI", "mli", "Malian", " Republic of Mali "])
def test_web_country_box_takes_names_or_codes(page: Any, typed: str) -> None:
    page.fill("#f-country", typed)
    _apply(page, 1)
    assert _sentences(page) == _said("malians at sake")  # actor or recipient of Mali, placed in Congo
    assert "country=MLI" in page.url
    shown = page.locator("#f-country-code").text_content()
    assert shown == ("Mali" if typed.strip().upper() == "MLI" else "MLI")
    assert page.locator("#alert").is_hidden()


def test_web_unknown_country_says_so_instead_of_truncating(page: Any) -> None:
    page.fill("#f-country", "Mali")
    _apply(page, 1)
    for typed in ("Mal", "Atlantis"):
        page.fill("#f-country", typed)
        page.click("#f-apply")
        page.wait_for_selector("#alert:not([hidden])")
        message = page.locator("#alert").text_content()
        assert f'Unknown country "{typed}" in "Parties from"' in message and "MLI" in message
        # The last good filter stays applied; nothing was asked of the server for "MAL".
        assert "country=MLI" in page.url and "MAL" not in page.url
        assert _sentences(page) == _said("malians at sake")
    # A code that is an actor's but no country's is taken for parties, refused for a place.
    page.fill("#f-country", "UNO")
    _apply(page, 0)
    page.fill("#f-country", "")
    page.fill("#f-place-country", "UNO")
    page.click("#f-apply")
    page.wait_for_selector("#alert:not([hidden])")
    assert 'Unknown country "UNO" in "Happened in"' in page.locator("#alert").text_content()


def test_web_place_country_is_where_it_happened(page: Any) -> None:
    page.fill("#f-place-country", "mali")
    _apply(page, 1)
    assert _sentences(page) == _said("bamako protest")  # no party of Mali: only the place says so
    assert "place_country=MLI" in page.url
    assert "place_country=MLI" in page.locator("#export-jsonl").get_attribute("href")
    page.uncheck("#f-asserted")
    _apply(page, 2)
    assert _sentences(page) == _said("bamako protest", "gao denied")
    page.fill("#f-place-country", "Democratic Republic of the Congo")
    _apply(page, 2)
    assert _sentences(page) == _said("malians at sake", "goma planned")
    # The map shows the same filter: two located events in Congo.
    expect(page.locator("#map .leaflet-marker-icon")).not_to_have_count(0)
    assert page.page_errors == []
