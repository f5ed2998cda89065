"""The web UI in a real headless Chromium: filter, page, map, timeline brush, article view, hostile markup.

Needs Debian's `chromium` (/usr/bin/chromium) and the built UI (`make ui`); skipped with the reason otherwise.
Writes the README screenshots to docs/screenshots/.
"""

from __future__ import annotations

import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from dragoman.api import create_app, ui_built
from test_api_dataset import HOSTILE_MARKUP, SPECS, build_db

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists() and shutil.which("chromium") is None,
                       reason="headless Chromium not installed: apt-get install -y chromium"),
    pytest.mark.skipif(not ui_built(), reason="web UI not built: run `make ui` (needs Node.js and npm)"),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def _serve(db: Path) -> Iterator[str]:
    """`dragoman serve` in a thread: uvicorn on a free localhost port over the store at ``db``; yields its URL."""
    import uvicorn

    port = _free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start within 15 s")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    db = tmp_path_factory.mktemp("web") / "web.db"
    ids = build_db(db, examples=False)
    with _serve(db) as url:
        yield {"url": url, "ids": ids}


@contextmanager
def launch_chromium() -> Iterator[Any]:
    """Debian's Chromium, headless, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        exe = str(CHROMIUM) if CHROMIUM.exists() else shutil.which("chromium")
        chromium = pw.chromium.launch(executable_path=exe, headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launch_chromium() as chromium:
        yield chromium


@contextmanager
def offline_page(browser: Any, base_url: str) -> Iterator[Any]:
    """A fresh page on ``base_url`` that may talk to that server only: any other request is recorded
    (``outside_requests``) and refused; script errors are recorded (``page_errors``)."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    outside: list[str] = []
    errors: list[str] = []

    def route(route_: Any) -> None:
        if route_.request.url.startswith(base_url):
            route_.continue_()
        else:
            outside.append(route_.request.url)
            route_.abort()

    pg.route("**/*", route)
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.goto(base_url + "/")
    pg.wait_for_selector("body[data-ready='1']", timeout=15000)
    pg.outside_requests = outside
    pg.page_errors = errors
    try:
        yield pg
    finally:
        context.close()


@pytest.fixture()
def page(browser: Any, server: dict[str, Any]) -> Iterator[Any]:
    with offline_page(browser, server["url"]) as pg:
        yield pg


def _rows(pg: Any) -> list[str]:
    return pg.locator("#events tbody tr").evaluate_all("rows => rows.map(r => r.cells[1].textContent)")


def test_web_page_loads_offline_with_map_table_and_timeline(page: Any) -> None:
    assert page.locator("#events tbody tr").count() == 25
    assert page.locator("#page-info").text_content().startswith("1–25 of ")
    # Natural Earth outlines drawn, markers clustered at world zoom (fewer markers than events).
    assert page.locator("#map path.leaflet-interactive, #map path").count() > 100
    markers = page.locator("#map .cluster").count()
    assert 0 < markers < 34
    assert page.locator("#map .cluster:not(.single)").count() > 0
    assert page.locator("#timeline rect.bar").count() >= 5
    assert page.outside_requests == []
    assert page.page_errors == []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("#map").screenshot(path=str(SCREENSHOTS / "map.png"))
    page.locator("#timeline-box").screenshot(path=str(SCREENSHOTS / "timeline.png"))
    page.screenshot(path=str(SCREENSHOTS / "overview.png"))


def test_web_filters_and_pages(page: Any) -> None:
    page.click("#next")
    expect(page.locator("#page-info")).to_have_text(re.compile(r"^26–"))
    page.select_option("#f-type", "PROTEST")
    page.click("#f-apply")
    expect(page.locator("#page-info")).to_have_text("1–5 of 5")
    assert set(_rows(page)) == {"PROTEST"}
    assert "type=PROTEST" in page.url
    page.fill("#f-country", "sdn")
    page.select_option("#f-type", "")
    page.click("#f-apply")
    expect(page.locator("#page-info")).to_have_text("1–8 of 8")
    assert set(_rows(page)) == {"ASSAULT", "SANCTION"}
    # A bad value comes back as the API's message, shown to the user.
    page.fill("#f-country", "1")
    page.click("#f-apply")
    page.wait_for_selector("#alert:not([hidden])")
    assert "country" in page.locator("#alert").text_content()


def test_web_one_row_per_happening(page: Any) -> None:
    page.check("#f-distinct")
    page.click("#f-apply")
    # The test store holds no two reports of one happening: the same 34 rows, now counted as happenings.
    expect(page.locator("#summary")).to_have_text(re.compile(r"^34 happenings match"))
    assert "distinct=true" in page.url
    assert "distinct=true" in page.locator("#export-csv").get_attribute("href")
    assert page.locator("#events tbody tr").count() == 25
    page.reload()
    page.wait_for_selector("body[data-ready='1']")
    assert page.is_checked("#f-distinct")  # kept in the address
    page.click("#f-reset")
    expect(page.locator("#summary")).to_have_text(re.compile(r"^34 events match"))
    assert page.page_errors == []


def test_web_timeline_brush_sets_the_date_filter(page: Any) -> None:
    box = page.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + 2, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.15, y, steps=5)
    page.mouse.up()
    expect(page.locator("#f-to")).not_to_have_value("")
    assert page.input_value("#f-from") == "2024-01-03"
    assert "2024-01-03" <= page.input_value("#f-to") < "2024-01-15"
    expect(page.locator("#page-info")).to_have_text(re.compile(r" of 8$"))
    expect(page.locator("#timeline rect.bar.out")).not_to_have_count(0)
    page.locator("#timeline").dblclick()
    expect(page.locator("#f-from")).to_have_value("")


def test_web_article_view_highlights_the_evidence(page: Any, server: dict[str, Any]) -> None:
    page.fill("#f-q", "on 2024-01-25")
    page.click("#f-apply")
    expect(page.locator("#page-info")).to_have_text("1–1 of 1")
    page.click(f"#events tr[data-event-id='{server['ids']['furniture_event']}']")
    page.wait_for_selector("#article:not([hidden])")
    evidence = "".join(page.locator("#article-text .m-evidence").all_text_contents())
    assert evidence == "Congolese troops shelled M23 rebels in Sake on 2024-01-25."
    assert page.locator("#article-text .m-trigger").all_text_contents() == ["shelled"]
    assert page.locator("#article-text .m-actor").all_text_contents() == ["Congolese troops"]
    assert page.locator("#article-text .m-recipient").all_text_contents() == ["M23 rebels"]
    assert page.locator("#article-text .m-place").all_text_contents() == ["Sake"]
    assert page.locator("#article-text .m-date").all_text_contents() == ["2024-01-25"]
    # The cleaned text is shown: the furniture the cleaner dropped is not.
    assert "Share this story" not in page.locator("#article-text").text_content()
    fields = page.locator("#event-fields").text_content()
    assert "ASSAULT" in fields and "heavy-weapons" in fields and "Sake" in fields
    page.click("#article-close")
    assert page.locator("#article").is_hidden()
    # A longer article for the README: several events, the chosen one highlighted, the others underlined.
    page.fill("#f-q", "Nyala on 2024-01-22")
    page.click("#f-apply")
    expect(page.locator("#page-info")).to_have_text("1–1 of 1")
    page.click("#events tbody tr")
    expect(page.locator("#article-text .m-trigger")).to_have_text("bombed")
    assert page.locator("#article-text .other-event").count() == len(SPECS) - 1
    page.screenshot(path=str(SCREENSHOTS / "article.png"))


def test_web_hostile_markup_in_an_article_never_runs(page: Any, server: dict[str, Any]) -> None:
    page.fill("#f-q", "Yangon on 2024-01-27")
    page.click("#f-apply")
    expect(page.locator("#page-info")).to_have_text("1–1 of 1")
    page.click(f"#events tr[data-event-id='{server['ids']['hostile_event']}']")
    page.wait_for_selector("#article:not([hidden])")
    page.wait_for_timeout(300)  # time for an injected onerror handler to fire, if one had been created
    assert page.evaluate("typeof window.__dragomanPwned") == "undefined"
    assert page.locator("#article script, #article img").count() == 0
    assert HOSTILE_MARKUP in page.locator("#article-text").text_content()
    assert HOSTILE_MARKUP in page.locator("#article-title").text_content()
    assert HOSTILE_MARKUP in "".join(page.locator("#article-text .m-evidence").all_text_contents())
    assert page.page_errors == []
