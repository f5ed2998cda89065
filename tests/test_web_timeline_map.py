"""The timeline and the map on stores like real ones, in a real headless Chromium.

A store of local news held one year-precision event from 1777 and a phone number read as 2060: the old
timeline spanned every day between them (capped at 3,700 days), showed no bars and its brush selected
nothing. The axis now spans the bulk of the dates (or the date filter) with day, week, month or year bins, and
counts the outliers at its edges. The map fits the events' extent instead of a fixed world view.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from dragoman import store
from dragoman.model import Place
from dragoman.pipeline import code_files
from factories import report_doc
from test_web_ui import _serve, launch_chromium, pytestmark  # noqa: F401 - the same skips: Chromium, the built UI

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
GOMA = Place(name="Goma", geonameid=216281, lat=-1.6792, lon=29.2228, country="COD", precision="city")
BUKAVU = Place(name="Bukavu", geonameid=217831, lat=-2.4908, lon=28.8428, country="COD", precision="city")


def _far_dates_store(path: Path) -> None:
    """90 days of reports around Goma and Bukavu, one event dated 1777 (year) and one dated 2060."""
    conn = store.connect(path)
    try:
        for day in range(90):
            date = (dt.date(2024, 1, 1) + dt.timedelta(days=day)).isoformat()  # to 2024-03-30
            reports = [{"date": date, "place": GOMA if k % 2 else BUKAVU, "sentence": f"Report {day}-{k}: shelling."}
                       for k in range(1 + day % 3)]
            store.write_coded(conn, report_doc(f"Day {day}", *reports))
        store.write_coded(conn, report_doc("History", {"date": "1777-01-01", "precision": "year", "place": GOMA,
                                                       "sentence": "In 1777 the town was sacked."}))
        store.write_coded(conn, report_doc("Call us", {"date": "2060-05-12", "place": GOMA,
                                                       "sentence": "Call 815-748-2060 for the talks."}))
    finally:
        conn.close()


@pytest.fixture(scope="module")
def far_dates_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("far") / "far.db"
    _far_dates_store(db)
    with _serve(db) as url:
        yield url


@pytest.fixture(scope="module")
def news_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("news") / "news.db"
    code_files([EXAMPLES], db=db, published="2024-01-23")
    with _serve(db) as url:
        yield url


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    with launch_chromium() as browser:
        yield browser


def _open(browser: Any, url: str) -> Any:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.goto(url + "/")
    page.wait_for_selector("body[data-ready='1']", timeout=15000)
    return page


def _markers_inside_the_map(page: Any) -> tuple[int, int]:
    box = page.locator("#map").bounding_box()
    inside = total = 0
    for marker in page.locator("#map .leaflet-marker-icon").all():
        m = marker.bounding_box()
        total += 1
        inside += (box["x"] <= m["x"] and m["x"] + m["width"] <= box["x"] + box["width"]
                   and box["y"] <= m["y"] and m["y"] + m["height"] <= box["y"] + box["height"])
    return inside, total


def test_web_timeline_spans_the_bulk_and_counts_far_dates_at_its_edges(chromium: Any, far_dates_url: str) -> None:
    page = _open(chromium, far_dates_url)
    svg = page.locator("#timeline")
    expect(svg).to_have_attribute("data-unit", "day")
    assert page.locator("#timeline rect.bar").count() == 90  # one bar per day of the bulk, none empty
    expect(page.locator("#timeline .outlier.earlier")).to_contain_text("1 earlier (from 1777)")
    expect(page.locator("#timeline .outlier.later")).to_contain_text("1 later (to 2060)")
    ticks = page.locator("#timeline text.axis:not(.outlier)").all_text_contents()
    assert ticks[0] == "2024-01-01" and ticks[-1].startswith("2024-03"), ticks

    box = svg.bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + 2, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.3, y, steps=5)
    page.mouse.up()
    expect(page.locator("#f-from")).to_have_value("2024-01-01")
    assert "2024-01-20" <= page.input_value("#f-to") <= "2024-02-05", page.input_value("#f-to")
    expect(page.locator("#summary")).to_have_text(re.compile(r"^\d+ events? match"))
    # Bars outside the brushed dates dimmed (waited for: the redraw may follow the summary on a busy machine).
    expect(page.locator("#timeline rect.bar.out").first).to_be_attached()
    page.context.close()


def test_web_timeline_bins_follow_the_span_of_the_date_filter(chromium: Any, far_dates_url: str) -> None:
    page = _open(chromium, far_dates_url)
    page.fill("#f-from", "2022-01-01")
    page.fill("#f-to", "2026-12-31")
    page.click("#filters button[type=submit]")
    expect(page.locator("#timeline")).to_have_attribute("data-unit", "month")
    expect(page.locator("#timeline-unit")).to_have_text("month")
    assert page.locator("#timeline rect.bar").count() == 3  # January to March 2024
    page.fill("#f-from", "1700-01-01")
    page.fill("#f-to", "2100-12-31")
    page.click("#filters button[type=submit]")
    expect(page.locator("#timeline")).to_have_attribute("data-unit", "year")
    assert page.locator("#timeline rect.bar").count() == 3  # 1777, 2024, 2060
    page.context.close()


def test_web_map_fits_the_events_of_one_region(chromium: Any, far_dates_url: str) -> None:
    page = _open(chromium, far_dates_url)
    expect(page.locator("#map .leaflet-marker-icon")).not_to_have_count(0)
    assert int(page.locator("#map").get_attribute("data-zoom")) >= 6  # eastern Congo, not the world view
    inside, total = _markers_inside_the_map(page)
    assert inside == total > 0
    page.context.close()


def test_web_map_and_timeline_on_real_news(chromium: Any, news_url: str) -> None:
    page = _open(chromium, news_url)
    expect(page.locator("#map .leaflet-marker-icon")).not_to_have_count(0)
    inside, total = _markers_inside_the_map(page)
    assert inside == total > 0, (inside, total)
    assert page.locator("#timeline rect.bar").count() > 0
    assert page.locator("#timeline").get_attribute("data-unit") in ("day", "week")
    page.context.close()
