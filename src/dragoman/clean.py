"""Cleaning scraped text. STUB: replaced by the cleaning work."""

from __future__ import annotations

from .model import Article, CleanDoc, OffsetMap


def clean_article(article: Article) -> CleanDoc:
    return CleanDoc(body=article.original, offsets=OffsetMap.identity(len(article.original)), title=article.title)
