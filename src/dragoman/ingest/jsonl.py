"""JSONL exports -> one Article (or Rejected) per line: ``id``, ``text`` or ``html``, optional
``title``, ``url``, ``published``. The size limit applies to each record, so large exports stream."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import BadRecordError, InputError, TooLargeError
from ..model import Article, Rejected, content_hash
from .decode import decode_bytes, display_path, without_surrogates
from .html import article_from_html

_ISO_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _rejected(exc: InputError, *, source_id: str, raw: str) -> Rejected:
    return Rejected(
        doc_id=content_hash("rejected", source_id, exc.reason, raw),
        source_id=source_id,
        status="skipped" if exc.status == "skipped" else "failed",  # errors.py types status as str
        error=exc.reason,
        original=raw[:10_000],
        format="jsonl",
    )


def _optional_str(record: dict[str, Any], key: str, where: str) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    # A number is a fine id; true/false, lists and objects are mistakes in the export.
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise BadRecordError(
            f"{where}: field '{key}' is {_json_type(value)} {_preview(value)}, expected a string; fix the record"
        )
    return without_surrogates(str(value))


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "a string" if isinstance(value, str) else type(value).__name__


def _preview(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:39] + "…"


def _published(record: dict[str, Any], where: str) -> str | None:
    """The record's publication date as YYYY-MM-DD; a date-time keeps its date part."""
    value = record.get("published")
    if value is None or value == "":
        return None
    fix = "give it as YYYY-MM-DD (a date-time such as 2024-06-25T10:00:00Z is fine) or leave it out"
    if not isinstance(value, str):
        raise BadRecordError(f"{where}: 'published' is {_json_type(value)} {_preview(value)}, not a date; {fix}")
    text = value.strip()
    if not _ISO_DATE_RE.match(text):
        raise BadRecordError(f"{where}: 'published' is {value!r}, not an ISO date (YYYY-MM-DD); {fix}")
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        raise BadRecordError(f"{where}: 'published' is {value!r}, which is no calendar date; {fix}") from None


def record_to_article(record: Any, *, where: str, default_published: str | None) -> Article:
    """One parsed JSON value -> Article; BadRecordError names the line and the fix."""
    if not isinstance(record, dict):
        raise BadRecordError(
            f"{where}: a JSON {type(record).__name__}, not an object; each line must be one JSON object "
            'like {"id": ..., "text": ...}'
        )
    record_id = _optional_str(record, "id", where)
    source_id = record_id or where
    title = _optional_str(record, "title", where)
    url = _optional_str(record, "url", where)
    published = _published(record, where)
    text = record.get("text")
    html = record.get("html")
    # JSON may spell lone surrogates ("\\udc80"), which no store can hold: one U+FFFD each keeps the offsets.
    text = without_surrogates(text) if isinstance(text, str) else text
    html = without_surrogates(html) if isinstance(html, str) else html
    if isinstance(text, str) and text.strip():
        return Article(
            doc_id=content_hash(text), source_id=source_id, format="jsonl", original=text, title=title,
            published=published or default_published, url=url,
        )
    if isinstance(html, str) and html.strip():
        article = article_from_html(
            html, source_id=source_id, published=published, default_published=default_published, url=url,
            title=title, doc_id=content_hash(html),
        )
        # Keep "jsonl" as the format: the record, not a page file, is what was read.
        return Article(**{**_as_dict(article), "format": "jsonl"})
    for key, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            raise BadRecordError(
                f"{where}: field '{key}' is {_json_type(value)} {_preview(value)}, expected the article as a string; "
                "fix the record"
            )
    raise BadRecordError(
        f"{where}: the record has no 'text' or 'html' with content; add one of them (a non-empty string)"
    )


def _as_dict(article: Article) -> dict[str, Any]:
    return {name: getattr(article, name) for name in Article.__slots__}


def iter_jsonl(
    stream: Iterable[bytes], *, path: Path, max_bytes: int, published: str | None
) -> Iterator[Article | Rejected]:
    """Every line of an open JSONL file; blank lines are passed over, bad lines become Rejected."""
    shown = display_path(path)
    for lineno, raw_line in enumerate(stream, start=1):
        where = f"{shown}:{lineno}"
        if not raw_line.strip():
            continue
        raw_text = raw_line[:10_000].decode("utf-8", errors="replace")
        record: Any = None
        try:
            if len(raw_line) > max_bytes:
                raise TooLargeError(
                    f"{where}: the record is {len(raw_line)} bytes, over the limit of {max_bytes}; "
                    "split it or raise --max-bytes"
                )
            line = decode_bytes(raw_line, source=where)
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise BadRecordError(
                    f"{where}: not valid JSON ({exc.msg} at column {exc.colno}); "
                    "each line must be one complete JSON object"
                ) from exc
            yield record_to_article(record, where=where, default_published=published)
        except InputError as exc:
            record_id = record.get("id") if isinstance(record, dict) else None
            usable = isinstance(record_id, (str, int)) and not isinstance(record_id, bool) and str(record_id)
            source_id = without_surrogates(str(record_id)) if usable else where
            yield _rejected(exc, source_id=source_id, raw=raw_text)
