"""HTML nested past the parser's default depth (256 elements) still gives its article text.

libxml2 stops reading at 256 nested elements and lxml returns the part read so far, so a story
deeper than that used to vanish and the page was skipped as "navigation or boilerplate".
"""

from __future__ import annotations

from pathlib import Path

from dragoman.clean import clean_article
from dragoman.ingest import iter_inputs
from dragoman.ingest.html import HUGE_DEPTH_LIMIT
from dragoman.model import Article, Rejected

STORY = ("Police in the northern town of Dori arrested twelve protesters on Tuesday after a march against "
         "rising fuel prices turned violent, a police spokesman said. Officials said the curfew imposed on "
         "the market district would stay in place until Friday.")
SECOND = "Shops in the district reopened on Wednesday morning under a heavy police presence."


def _page(depth: int, *, shallow_menu: bool = False) -> str:
    menu = "<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li></ul></nav>"
    return ("<!DOCTYPE html><html><head><title>Curfew stays after fuel protest in Dori</title></head><body>"
            + (menu if shallow_menu else "")
            + "<div><span>" * (depth // 2)
            + f"<article><p>{STORY}</p><p>{SECOND}</p></article>"
            + "</span></div>" * (depth // 2)
            + "</body></html>")


def _read(tmp_path: Path, name: str, html: str) -> Article | Rejected:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    items = list(iter_inputs([path]))
    assert len(items) == 1
    return items[0]


def test_story_nested_a_thousand_levels_deep_is_read(tmp_path: Path) -> None:
    item = _read(tmp_path, "deep.html", _page(1000, shallow_menu=True))
    assert isinstance(item, Article), item
    assert item.title == "Curfew stays after fuel protest in Dori"
    body = clean_article(item).body
    assert STORY in body and SECOND in body


def test_shallow_page_is_read_as_before(tmp_path: Path) -> None:
    item = _read(tmp_path, "shallow.html", _page(40))
    assert isinstance(item, Article), item
    assert STORY in clean_article(item).body


def test_page_deeper_than_the_parser_can_go_fails_with_that_reason(tmp_path: Path) -> None:
    item = _read(tmp_path, "abyss.html", _page(HUGE_DEPTH_LIMIT + 500))
    assert isinstance(item, Rejected)
    assert item.status == "failed"
    assert f"nested more than {HUGE_DEPTH_LIMIT} elements deep" in item.error
    assert "navigation or boilerplate" not in item.error
    assert "abyss.html" in item.error
