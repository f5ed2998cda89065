"""RSS and Atom feeds read from a real HTTP server on 127.0.0.1 (and from files): items become Articles.

Items with their full story are read from the feed; the others are fetched from their link, over real sockets.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from dragoman import __version__
from dragoman.errors import FeedError, NoArticleError, TooLargeError
from dragoman.ingest.feeds import item_article, iter_feed, read_feed
from dragoman.model import Article, Rejected
from factories import KENYA, NIGERIA

INDIA = (
    "India and Bangladesh signed an agreement on water sharing in New Delhi on Friday, the foreign ministry said. "
    "The Indian prime minister met his Bangladeshi counterpart to discuss border security and trade. Both "
    "governments pledged to expand cooperation on energy."
)
UKRAINE = (
    "Ukrainian officials accused Russia of shelling the city of Kharkiv on Wednesday, wounding nine civilians. "
    "The mayor of Kharkiv said rescue teams were searching the rubble. Ukraine's foreign minister called for "
    "more air defence aid from European partners."
)


def page(title: str, body: str) -> bytes:
    return (f"<!DOCTYPE html><html><head><title>{title}</title></head><body><nav>Home | World | Sport</nav>"
            f"<article><h1>{title}</h1><p>{body}</p></article><footer>Example Times</footer></body></html>").encode()


def rss(items: list[tuple[str, str, str]]) -> bytes:
    """An RSS 2.0 feed of (title, link, pubDate) items with a short description only (no full content)."""
    body = "".join(f"<item><title>{t}</title><link>{link}</link><guid>{link}</guid><pubDate>{d}</pubDate>"
                   "<description>Read the full story on our site.</description></item>" for t, link, d in items)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Example Times</title>'
            f"<link>http://example.org/</link><description>News</description>{body}</channel></rss>").encode()


def atom(entries: list[tuple[str, str, str, str]]) -> bytes:
    """An Atom feed of (title, link, updated, full story) entries carrying the story as HTML content."""
    body = "".join(
        f'<entry><title>{t}</title><link href="{link}"/><id>{link}</id><updated>{d}</updated>'
        f'<content type="html">&lt;p&gt;{story}&lt;/p&gt;</content></entry>' for t, link, d, story in entries)
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Wire</title><id>urn:wire</id><updated>2024-03-05T10:00:00Z</updated>{body}</feed>").encode()


class LocalSite:
    """Pages served by a real HTTP server on 127.0.0.1; ``routes`` may change while it runs."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, str, bytes]] = {}
        self.requests: list[tuple[str, str]] = []  # (path, User-Agent)
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the http.server name
                site.requests.append((self.path, self.headers.get("User-Agent", "")))
                if self.path == "/slow":
                    time.sleep(1)
                status, content_type, body = site.routes.get(self.path, (404, "text/plain", b"not found"))
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except OSError:
                    pass  # the client gave up (the timeout test)

            def log_message(self, *_args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def __enter__(self) -> LocalSite:
        self.thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site() -> Iterator[LocalSite]:
    with LocalSite() as running:
        yield running


def test_rss_items_without_content_are_fetched_from_their_links(site: LocalSite) -> None:
    site.routes["/world/kenya"] = (200, "text/html; charset=utf-8", page("Police arrest protesters", KENYA))
    site.routes["/world/zamfara"] = (200, "text/html", page("Village attacked", NIGERIA))
    site.routes["/feed.xml"] = (200, "application/rss+xml", rss([
        ("Police arrest protesters", site.url("/world/kenya"), "Tue, 05 Mar 2024 09:30:00 GMT"),
        ("Village attacked", site.url("/world/zamfara"), "Mon, 04 Mar 2024 23:30:00 -0500"),
    ]))
    items = list(iter_feed(site.url("/feed.xml"), max_bytes=1_000_000))
    assert all(isinstance(item, Article) for item in items)
    assert [(a.url, a.title, a.published, a.source_id) for a in items] == [
        (site.url("/world/kenya"), "Police arrest protesters", "2024-03-05", site.url("/world/kenya")),
        (site.url("/world/zamfara"), "Village attacked", "2024-03-05", site.url("/world/zamfara")),  # in UTC
    ]
    assert "32 protesters in Nairobi" in items[0].original and "Example Times" not in items[0].original
    assert {agent for _path, agent in site.requests} == {f"dragoman/{__version__}"}
    assert [path for path, _agent in site.requests] == ["/feed.xml", "/world/kenya", "/world/zamfara"]


def test_relative_item_links_are_resolved_against_the_feed_address(site: LocalSite) -> None:
    site.routes["/world/kenya"] = (200, "text/html", page("Police arrest protesters", KENYA))
    site.routes["/feeds/rss.xml"] = (200, "application/rss+xml", rss([
        ("Police arrest protesters", "/world/kenya", "Tue, 05 Mar 2024 09:30:00 GMT")]))
    (article,) = iter_feed(site.url("/feeds/rss.xml"), max_bytes=1_000_000)
    assert isinstance(article, Article) and article.url == site.url("/world/kenya")


def test_atom_entries_with_full_content_are_read_from_the_feed_file(tmp_path: Path) -> None:
    feed = tmp_path / "wire.atom"
    feed.write_bytes(atom([
        ("Water deal signed", "http://127.0.0.1:9/india-bangladesh", "2024-03-01T12:00:00Z", INDIA),
        ("Kharkiv shelled", "http://127.0.0.1:9/kharkiv", "2024-02-28T18:00:00Z", UKRAINE),
    ]))
    parsed = read_feed(str(feed), max_bytes=1_000_000)
    assert parsed.title == "Wire" and len(parsed.items) == 2
    articles = [item_article(item, max_bytes=1_000_000) for item in parsed.items]  # port 9: nothing is fetched
    assert [(a.url, a.published, a.title) for a in articles] == [
        ("http://127.0.0.1:9/india-bangladesh", "2024-03-01", "Water deal signed"),
        ("http://127.0.0.1:9/kharkiv", "2024-02-28", "Kharkiv shelled"),
    ]
    assert articles[0].original == INDIA and articles[1].original == UKRAINE


def test_feeds_that_cannot_be_read_say_why(site: LocalSite, tmp_path: Path) -> None:
    site.routes["/page.html"] = (200, "text/html", page("Not a feed", KENYA))
    with pytest.raises(FeedError, match=r"/missing.xml: the server answered HTTP 404"):
        read_feed(site.url("/missing.xml"), max_bytes=1_000_000)
    with pytest.raises(FeedError, match=r"/page.html: not an RSS or Atom feed"):
        read_feed(site.url("/page.html"), max_bytes=1_000_000)
    with pytest.raises(FeedError, match=r"/slow: no answer within 0.3s"):
        read_feed(site.url("/slow"), timeout=0.3, max_bytes=1_000_000)
    with pytest.raises(TooLargeError, match=r"/page.html: over the limit of 100 bytes; raise --max-bytes"):
        read_feed(site.url("/page.html"), max_bytes=100)
    with pytest.raises(FeedError, match=r"the feed file cannot be read"):
        read_feed(str(tmp_path / "absent.rss"), max_bytes=1_000_000)


def test_items_whose_page_is_missing_or_empty_are_rejected_with_their_reason(site: LocalSite) -> None:
    site.routes["/menu"] = (200, "text/html", b"<html><body><nav>Home | World</nav></body></html>")
    site.routes["/feed.xml"] = (200, "application/rss+xml", rss([
        ("Gone", site.url("/gone"), "Tue, 05 Mar 2024 09:30:00 GMT"),
        ("Menu", site.url("/menu"), "Tue, 05 Mar 2024 09:30:00 GMT"),
    ]))
    parsed = read_feed(site.url("/feed.xml"), max_bytes=1_000_000)
    with pytest.raises(FeedError, match="HTTP 404"):
        item_article(parsed.items[0], max_bytes=1_000_000)
    with pytest.raises(NoArticleError):
        item_article(parsed.items[1], max_bytes=1_000_000)
    rejected = list(iter_feed(site.url("/feed.xml"), max_bytes=1_000_000))
    assert all(isinstance(item, Rejected) for item in rejected)
    assert [(r.source_id, r.status) for r in rejected] == [  # type: ignore[union-attr]
        (site.url("/gone"), "failed"), (site.url("/menu"), "skipped")]
