"""Readers per format -> Article (or Rejected with a reason). STUB: replaced by the ingest work."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from ..model import Article, Rejected, content_hash

DEFAULT_MAX_BYTES = 5_000_000


def iter_inputs(
    paths: Sequence[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES, published: str | None = None
) -> Iterator[Article | Rejected]:
    """Every input found under ``paths`` (files and folders, recursive), in a stable order."""
    for raw in paths:
        path = Path(raw)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            text = file.read_text("utf-8", errors="replace")
            yield Article(
                doc_id=content_hash(text), source_id=str(file), format="text", original=text,
                published=published,
            )


def article_from_text(text: str, *, source_id: str = "<text>", published: str | None = None) -> Article:
    return Article(doc_id=content_hash(text), source_id=source_id, format="text", original=text, published=published)
