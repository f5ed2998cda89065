"""The stories view in a real headless Chromium: the list, a story's reports, sources, places on the map, its
timeline and its disputed figure with both claimants; one row per happening marks the dispute too; a hostile title
renders as text. Two reports of one attack from two outlets, coded by the real pipeline (test_api_distinct_claims).

Needs Debian's `chromium` and the built UI (`make ui`), as tests/test_web_ui.py; skipped with the reason otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from test_api_distinct_claims import HOSTILE_TITLE, code_pair
from test_web_ui import SCREENSHOTS, _serve, launch_chromium, offline_page
from test_web_ui import pytestmark as web_marks

pytestmark = web_marks


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with _serve(code_pair(tmp_path_factory.mktemp("web_stories"))) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launch_chromium() as chromium:
        yield chromium


@pytest.fixture()
def page(browser: Any, server: str) -> Iterator[Any]:
    with offline_page(browser, server) as pg:
        yield pg


def _open_the_story(pg: Any) -> None:
    pg.click("#view-stories")
    expect(pg.locator("#story-list .story-item")).to_have_count(1)
    pg.click("#story-list .story-title")
    pg.wait_for_selector("#story:not([hidden])")


def test_stories_list_shows_the_story(page: Any) -> None:
    page.click("#view-stories")
    item = page.locator("#story-list .story-item")
    expect(item).to_have_count(1)
    assert item.locator(".story-title").text_content() == "Rebels kill 12 near Beni"
    assert item.locator(".meta").text_content() == "2024-03-06 · 2 documents · 2 outlets · Beni"
    assert "view=stories" in page.url
    assert page.locator("#events").is_hidden() and page.locator("#filters").is_hidden()


def test_story_page_lists_both_reports_and_the_disputed_figure(page: Any) -> None:
    _open_the_story(page)
    rows = page.locator("#story-reports tbody tr")
    expect(rows).to_have_count(2)
    assert sorted(rows.evaluate_all("rows => rows.map(r => r.cells[1].textContent)")) == [
        "first-outlet.example", "second-outlet.example"]
    assert page.locator("#story-sources li").all_text_contents() == [
        "first-outlet.example (1 report)", "second-outlet.example (1 report)"]
    assert page.locator("#story-disputed").is_visible()
    disputed = page.locator("#story-happenings .figure.is-disputed")
    expect(disputed).to_have_count(1)
    assert disputed.locator(".disputed").text_content() == "disputed"
    assert disputed.locator(".claims").text_content() == (
        "dead: 12 (Officials, first-outlet.example) · 30 (local rights group, second-outlet.example)")
    assert disputed.locator(".default").text_content() == "default 12"
    # Its place on the map (the clusters of events give way), its reports on the timeline.
    expect(page.locator("#map .story-place")).to_have_count(1)
    # the events placed there, of both reports: each report's attack with its toll folded in, and the first's burning
    assert page.locator("#map .story-place").text_content() == "3"
    assert page.locator("#story-places li").all_text_contents() == ["Beni (COD): 3 events"]
    assert page.locator("#story-timeline rect.bar").evaluate_all("bars => bars.map(b => b.dataset.reports)") == ["2"]
    # A report opens in the article view; back to the list, then the events view with its map again.
    page.locator("#story-reports tbody tr").first.locator("button.link").click()
    page.wait_for_selector("#article:not([hidden])")
    assert "Officials said 12 people were killed" in page.locator("#article-text").text_content()
    page.click("#article-close")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "story.png"))
    page.click("#story-back")
    expect(page.locator("#story-list .story-item")).to_have_count(1)
    page.click("#view-events")
    expect(page.locator("#events")).to_be_visible()
    expect(page.locator("#map .story-place")).to_have_count(0)
    assert page.outside_requests == [] and page.page_errors == []


def test_one_row_per_happening_marks_the_dispute(page: Any) -> None:
    page.check("#f-distinct")
    page.click("#f-apply")
    expect(page.locator("#summary")).to_have_text(re.compile(r"happenings? match"))
    badge = page.locator("#events tbody .disputed")
    expect(badge).to_have_count(1)
    title = badge.get_attribute("title")
    assert "12 (Officials, first-outlet.example)" in title and "30 (local rights group, second-outlet.example)" in title
    page.uncheck("#f-distinct")
    page.click("#f-apply")
    expect(page.locator("#events tbody .disputed")).to_have_count(0)


def test_hostile_title_renders_as_text(page: Any) -> None:
    _open_the_story(page)
    titles = page.locator("#story-reports tbody button.link").all_text_contents()
    assert HOSTILE_TITLE in titles
    page.wait_for_timeout(300)  # time for an injected onerror handler to fire, if one had been created
    assert page.evaluate("document.body.dataset.pwned") is None
    assert page.locator("#stories-view img, #stories-view script").count() == 0
    assert page.page_errors == []


def test_story_address_opens_the_story_directly(page: Any, server: str) -> None:
    _open_the_story(page)
    address = page.url
    page.goto(server + "/")
    page.goto(address)
    page.wait_for_selector("body[data-ready='1']")
    expect(page.locator("#story-title")).to_have_text("Rebels kill 12 near Beni")
    page.go_back()
    expect(page.locator("#events")).to_be_visible()
