"""HTML pages -> Article through trafilatura (main text plus title, date, author, site name, url)."""

from __future__ import annotations

import logging
import re

import lxml.html
import trafilatura
from trafilatura.settings import Document

from ..errors import InputError, NoArticleError
from ..model import Article, content_hash

log = logging.getLogger("dragoman")

# Markup that must never reach stored text, even when a page shows it escaped as text.
_SCRIPT_RE = re.compile(r"<(script|style|iframe|object|embed)\b.*?(?:<\s*/\s*\1\s*>|$)", re.I | re.S)
_TAG_RE = re.compile(r"</?[a-z][a-z0-9]*\b[^<>]*>", re.I)
_HANDLER_RE = re.compile(r"\bon[a-z]+\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+)", re.I)
_JS_URL_RE = re.compile(r"javascript\s*:", re.I)
_HTML_SNIFF_RE = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|div|p)\b", re.I | re.S)


def looks_like_html(head: bytes) -> bool:
    """True when the first bytes of a file are HTML markup."""
    return bool(_HTML_SNIFF_RE.match(head[:4096]))


def strip_active_markup(text: str) -> str:
    """Drop scripts, tags, event-handler attributes and javascript: URLs from extracted text."""
    text = _SCRIPT_RE.sub("", text)
    text = _TAG_RE.sub("", text)
    text = _HANDLER_RE.sub("", text)
    return _JS_URL_RE.sub("", text)


def _paragraphs(text: str) -> str:
    # trafilatura puts one block per line; a blank line between blocks marks our paragraph breaks.
    lines = [line.strip() for line in text.splitlines()]
    return "\n\n".join(line for line in lines if line)


def _has_prose(text: str) -> bool:
    """At least one paragraph that reads like prose (six words, or 50 characters in scripts
    written without spaces), not only menu items."""
    return any(len(line.split()) >= 6 or len(line) >= 50 for line in text.split("\n\n"))


def _iso_date(value: str | None) -> str | None:
    if value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value[:10]):
        return value[:10]
    return None


# libxml2 stops reading a page at 256 nested elements (2048 with its "huge" option) and lxml
# hands back the part read so far: a story nested deeper would vanish without an error.
DEFAULT_DEPTH_LIMIT = 256
HUGE_DEPTH_LIMIT = 2048


def _parser(*, huge: bool) -> lxml.html.HTMLParser:
    # trafilatura's own parser settings, so a deep page is read the way any other page is.
    return lxml.html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                                remove_comments=True, remove_pis=True, huge_tree=huge)


def _too_deep(parser: lxml.html.HTMLParser) -> bool:
    return any("Excessive depth" in error.message for error in parser.error_log)


def _deep_tree(html: str) -> tuple[lxml.html.HtmlElement | None, bool]:
    """(tree, cut short) of a page nested past the default depth limit; (None, False) for other pages.

    ``cut short``: the page is nested deeper than even the huge limit, so its deepest text is missing.
    """
    if html.count("<") < DEFAULT_DEPTH_LIMIT:
        return None, False  # too few tags to nest that deep: skip the extra parse
    data = html.encode("utf-8", "surrogatepass")
    parser = _parser(huge=False)
    try:
        lxml.html.fromstring(data, parser=parser)
    except Exception:  # noqa: BLE001 - trafilatura reports unparseable pages itself
        return None, False
    if not _too_deep(parser):
        return None, False
    parser = _parser(huge=True)
    try:
        tree = lxml.html.fromstring(data, parser=parser)
    except Exception:  # noqa: BLE001
        return None, False
    return tree, _too_deep(parser)


def _document(page: str | lxml.html.HtmlElement, *, source: str, url: str | None) -> Document | None:
    """trafilatura's reading of a page (text and metadata); None when it finds nothing to read."""
    try:
        document = trafilatura.bare_extraction(
            page, url=url, with_metadata=True, include_comments=False, include_tables=True,
        )
    except Exception as exc:  # noqa: BLE001 - trafilatura raises many types on broken markup
        raise InputError(
            f"{source}: the HTML could not be parsed ({type(exc).__name__}: {exc}); check the file is a web page"
        ) from exc
    # A dict comes back only when asked for (as_dict=True, not used here).
    return document if isinstance(document, Document) else None


def extract_html(html: str, *, source: str, url: str | None = None) -> tuple[str, dict[str, str | None]]:
    """The article text (paragraphs separated by blank lines) and metadata of an HTML page."""
    tree, cut_short = _deep_tree(html)
    document = _document(html if tree is None else tree, source=source, url=url)
    text = _paragraphs(strip_active_markup(document.text or "")) if document is not None else ""
    if cut_short and not _has_prose(text):
        raise InputError(
            f"{source}: the HTML is nested more than {HUGE_DEPTH_LIMIT} elements deep, past the HTML parser's "
            "limit, and no article text was found above that depth; give the article's text as .txt"
        )
    if cut_short:
        log.warning("%s: the HTML is nested more than %d elements deep; text below that depth was not read",
                    source, HUGE_DEPTH_LIMIT)
    if document is None or not _has_prose(text):
        raise NoArticleError(
            f"{source}: no article body found in the HTML page (navigation or boilerplate only); "
            "give the article page itself, or its text as .txt"
        )
    meta = {
        "title": _clean_meta(document.title),
        "published": _iso_date(document.date),
        "author": _clean_meta(document.author),
        "site_name": _clean_meta(document.sitename),
        "url": _clean_meta(document.url) or url,
    }
    return text, meta


def _clean_meta(value: str | None) -> str | None:
    if not value:
        return None
    value = strip_active_markup(value).strip()
    return value or None


def article_from_html(
    html: str, *, source_id: str, published: str | None = None, default_published: str | None = None,
    url: str | None = None, title: str | None = None, doc_id: str | None = None,
) -> Article:
    """An Article from an HTML page.

    ``published``/``url``/``title`` given by the caller (a JSONL record) win over the page's own;
    ``default_published`` (the CLI's --published) only fills a date the page does not carry.
    """
    text, meta = extract_html(html, source=source_id, url=url)
    return Article(
        doc_id=doc_id or content_hash(html),
        source_id=source_id,
        format="html",
        original=text,
        title=title or meta["title"],
        published=published or meta["published"] or default_published,
        url=url or meta["url"],
        author=meta["author"],
        site_name=meta["site_name"],
        raw_html=html,
    )
