"""Plain-text files (text dumps of news pages) -> Article."""

from __future__ import annotations

import datetime as dt

from ..errors import InputError
from ..model import Article, content_hash

PublishedValue = str | dt.date | None


def published_date(value: PublishedValue) -> str | None:
    """A publication date given by a caller as a date, a datetime or an ISO string, as YYYY-MM-DD (or None)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):  # before date: a datetime is a date too
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        try:
            if len(text) == 10 or text[10:11] in ("T", " "):
                return dt.date.fromisoformat(text[:10]).isoformat()
        except ValueError:
            pass
    raise InputError(f"published={value!r} is not a date: pass a datetime.date, a datetime or an ISO string "
                     "such as '2024-06-25' or '2024-06-25T10:00:00Z'")


def article_from_text(text: str, *, source_id: str = "<text>", published: PublishedValue = None) -> Article:
    """An Article whose original is ``text`` exactly as given."""
    return Article(doc_id=content_hash(text), source_id=source_id, format="text", original=text,
                   published=published_date(published))
