"""RSS and Atom feeds (feedparser) -> one Article per item, from a feed file or URL.

An item that carries its full story (RSS ``content:encoded``, Atom ``<content>``) is read from the feed through
the HTML path; otherwise (or when that content is only a teaser with no article body) the item's link is fetched
and the page goes through the HTML path. The item's title, link (the Article's url) and date (its published day,
which wins over the page's own: the feed says when it was published) are kept.

Fetching uses the standard library: a timeout, a size cap (``max_bytes``), the User-Agent ``dragoman/<version>``,
the charset of the HTTP header (else sniffed). A feed or page that cannot be fetched raises ``FeedError`` (a
network or server problem, worth trying again later); an item whose page is read but holds no article raises the
InputError that says so (``NoArticleError``, ...), which is the page's own, final state.
"""

from __future__ import annotations

import calendar
import html
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import feedparser

from .. import __version__
from ..errors import FeedError, InputError, NoArticleError, TooLargeError
from ..model import Article, Rejected, content_hash
from .decode import display_path
from .html import article_from_html
from .text import article_from_text
from .warc import decode_http_body

USER_AGENT = f"dragoman/{__version__}"
DEFAULT_TIMEOUT = 20.0
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One item of a feed as the feed gives it."""

    feed: str
    key: str  # the item's link, else its guid, else its place in the feed: what names it in the store
    link: str | None
    title: str | None
    published: str | None  # YYYY-MM-DD (UTC) of the item's published, else updated, date
    content: str | None  # the full story when the feed carries it
    content_type: str | None


@dataclass(frozen=True, slots=True)
class Feed:
    source: str
    title: str | None
    items: tuple[FeedItem, ...]


def is_url(location: str) -> bool:
    return urlsplit(location).scheme.lower() in ("http", "https")


def fetch(url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int) -> tuple[bytes, str]:
    """(body, Content-Type) of ``url``; FeedError naming the URL and the fix when it cannot be had, TooLargeError
    when it is over ``max_bytes``."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) checked by callers
            body = response.read(max_bytes + 1)
            content_type = response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as exc:
        raise FeedError(f"{url}: the server answered HTTP {exc.code} ({exc.reason}); check the address") from exc
    except urllib.error.URLError as exc:
        raise FeedError(f"{url}: cannot be fetched ({exc.reason}); check the address and the network") from exc
    except TimeoutError as exc:
        raise FeedError(f"{url}: no answer within {timeout:g}s; try again later or raise the timeout") from exc
    except OSError as exc:
        raise FeedError(f"{url}: cannot be fetched ({exc}); check the address and the network") from exc
    if len(body) > max_bytes:  # the page's own state, not the network's: TooLargeError, not FeedError
        raise TooLargeError(f"{url}: over the limit of {max_bytes} bytes; raise --max-bytes to read it")
    return body, content_type


def read_feed(location: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int) -> Feed:
    """The items of the feed at ``location`` (an http(s) URL or a file); FeedError when it is no readable feed."""
    if is_url(location):
        data, _type = fetch(location, timeout=timeout, max_bytes=max_bytes)
        source = location
    else:
        path = Path(location.removeprefix("file://"))
        source = display_path(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise FeedError(f"{source}: the feed file cannot be read ({exc.strerror}); check the path") from exc
    # Bytes, never the location: given a string, feedparser would fetch it itself (no timeout, no size cap). The
    # feed's address resolves relative item links ("/world/story").
    headers = {"content-location": location} if is_url(location) else {}
    parsed = feedparser.parse(data, response_headers=headers)
    if not parsed.get("version"):
        problem = parsed.get("bozo_exception")
        detail = f" ({problem})" if problem else ""
        raise FeedError(f"{source}: not an RSS or Atom feed{detail}; give the address of the feed itself")
    title = parsed.feed.get("title") or None
    return Feed(source=source, title=title, items=tuple(_item(source, i, entry) for i, entry in
                                                         enumerate(parsed.entries)))


def _item(feed: str, index: int, entry: Any) -> FeedItem:
    link = (entry.get("link") or "").strip() or None
    guid = (entry.get("id") or "").strip() or None
    content, content_type = _full_content(entry)
    return FeedItem(
        feed=feed, key=link or (f"{feed}#{guid}" if guid else f"{feed}#item-{index + 1}"), link=link,
        title=(entry.get("title") or "").strip() or None, published=_published(entry), content=content,
        content_type=content_type,
    )


def _full_content(entry: Any) -> tuple[str | None, str | None]:
    for part in entry.get("content") or ():
        value = (part.get("value") or "").strip()
        if value:
            return value, (part.get("type") or "text/html").lower()
    return None, None


def _published(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        stamp = entry.get(key)
        if stamp:
            return datetime.fromtimestamp(calendar.timegm(stamp), tz=timezone.utc).date().isoformat()
    return None


def item_article(item: FeedItem, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int) -> Article:
    """The item as an Article: its full content when the feed has it, else its linked page.

    Raises FeedError when the page cannot be fetched, another InputError when it holds no article."""
    if item.content is not None:
        try:
            return _content_article(item)
        except NoArticleError:
            if item.link is None or not is_url(item.link):
                raise  # a teaser and nothing to fetch: its reason stands
    if item.link is None or not is_url(item.link):
        raise NoArticleError(f"{item.key}: the feed item has no content and no web link to fetch; nothing to code")
    body, content_type = fetch(item.link, timeout=timeout, max_bytes=max_bytes)
    page = decode_http_body(body, content_type=content_type, source=item.key)
    return article_from_html(page, source_id=item.key, published=item.published, url=item.link, title=item.title,
                             doc_id=content_hash(page))


def _content_article(item: FeedItem) -> Article:
    content = item.content or ""
    if item.content_type and not item.content_type.startswith(_HTML_TYPES):
        article = article_from_text(content, source_id=item.key, published=item.published)
        return replace(article, url=item.link, title=item.title)
    # The feed holds a fragment: a page around it lets the extractor read it as any article page.
    title = html.escape(item.title or "")
    page = f"<html><head><title>{title}</title></head><body><article>{content}</article></body></html>"
    return article_from_html(page, source_id=item.key, published=item.published, url=item.link, title=item.title,
                             doc_id=content_hash(content))


def iter_feed(location: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int) -> Iterator[Article | Rejected]:
    """Every item of a feed as an Article, or a Rejected with its reason (the other items go on)."""
    for item in read_feed(location, timeout=timeout, max_bytes=max_bytes).items:
        try:
            yield item_article(item, timeout=timeout, max_bytes=max_bytes)
        except InputError as exc:
            yield rejected_item(item, exc)


def rejected_item(item: FeedItem, exc: InputError) -> Rejected:
    return Rejected(
        doc_id=content_hash("rejected", item.key, exc.reason),
        source_id=item.key,
        status="skipped" if exc.status == "skipped" else "failed",
        error=exc.reason,
        format="feed",
    )

