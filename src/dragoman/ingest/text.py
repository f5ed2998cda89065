"""Plain-text files (text dumps of news pages) -> Article."""

from __future__ import annotations

from ..model import Article, content_hash


def article_from_text(text: str, *, source_id: str = "<text>", published: str | None = None) -> Article:
    """An Article whose original is ``text`` exactly as given."""
    return Article(doc_id=content_hash(text), source_id=source_id, format="text", original=text, published=published)
