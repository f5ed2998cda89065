"""Readers per format -> Article (or Rejected with a reason): plain text, HTML (also gzipped), JSONL.

The format comes from the extension and is checked against the content: a ``.txt`` file that
is really an HTML page is read as HTML, gzip is recognised by its magic bytes, a ``.jsonl``
file is read record by record. Every problem becomes a ``Rejected`` naming the file (and
line) and the fix; the batch goes on.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from ..errors import InputError, TooLargeError, UnsupportedFormatError
from ..model import Article, Rejected, content_hash
from .decode import decode_bytes, is_gzip, maybe_gunzip
from .html import article_from_html, looks_like_html
from .jsonl import iter_jsonl
from .text import article_from_text

DEFAULT_MAX_BYTES = 5_000_000

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
SUPPORTED = ".txt, .html, .htm, .html.gz, .jsonl (also .jsonl.gz)"

__all__ = ["DEFAULT_MAX_BYTES", "article_from_html", "article_from_text", "count_inputs", "input_files",
           "iter_inputs"]


def _kind(path: Path) -> tuple[str | None, bool]:
    """(format by extension, gzipped by extension)."""
    name = path.name.lower()
    gzipped = name.endswith(".gz")
    if gzipped:
        name = name[:-3]
    for kind, suffixes in (("text", TEXT_SUFFIXES), ("html", HTML_SUFFIXES), ("jsonl", JSONL_SUFFIXES)):
        if name.endswith(suffixes):
            return kind, gzipped
    return None, gzipped


def input_files(paths: Sequence[str | Path]) -> Iterator[Path]:
    """Every file under ``paths`` in a stable order; hidden files inside folders are passed over."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for file in sorted(path.rglob("*")):
                relative = file.relative_to(path)
                if file.is_file() and not any(part.startswith(".") for part in relative.parts):
                    yield file
        else:
            yield path  # a missing file is reported by the reader


def count_inputs(paths: Sequence[str | Path]) -> int:
    """How many inputs ``iter_inputs`` will yield, for a progress bar: one per file, one per JSONL line."""
    total = 0
    for file in input_files(paths):
        kind, gzipped = _kind(file)
        if kind == "jsonl" and not gzipped and file.is_file():
            with file.open("rb") as handle:
                total += sum(1 for line in handle if line.strip())
        else:
            total += 1
    return total


def _rejected(exc: InputError, *, source_id: str, data: bytes = b"", fmt: str | None = None) -> Rejected:
    return Rejected(
        # The reason is part of the id: a rerun under other conditions (a larger --max-bytes) is tried again.
        doc_id=content_hash("rejected", source_id, exc.reason, data[:65536].hex()),
        source_id=source_id,
        status=exc.status,  # type: ignore[attr-defined]
        error=exc.reason,
        format=fmt,
    )


def iter_inputs(
    paths: Sequence[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES, published: str | None = None
) -> Iterator[Article | Rejected]:
    """Every input found under ``paths`` (files and folders, recursive), in a stable order.

    ``published`` (ISO date) fills ``Article.published`` for inputs that carry none.
    """
    for file in input_files(paths):
        yield from _read_file(file, max_bytes=max_bytes, published=published)


def _read_file(file: Path, *, max_bytes: int, published: str | None) -> Iterator[Article | Rejected]:
    source = str(file)
    kind, _gz = _kind(file)
    try:
        if not file.exists():
            raise InputError(f"{source}: no such file or folder; check the path")
        if kind is None:
            raise UnsupportedFormatError(
                f"{source}: unsupported file type '{file.suffix or '(no extension)'}'; dragoman reads {SUPPORTED}"
            )
        if kind == "jsonl":
            yield from _read_jsonl(file, max_bytes=max_bytes, published=published)
            return
        size = file.stat().st_size
        if size > max_bytes:
            raise TooLargeError(
                f"{source}: {size} bytes, over the limit of {max_bytes}; split the file or raise --max-bytes"
            )
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise InputError(f"{source}: cannot be read ({exc.strerror}); check its permissions") from exc
    except InputError as exc:
        yield _rejected(exc, source_id=source, fmt=kind)
        return
    try:
        yield _article_from_bytes(data, kind=kind, source=source, max_bytes=max_bytes, published=published)
    except InputError as exc:
        yield _rejected(exc, source_id=source, data=data, fmt=kind)


def _article_from_bytes(data: bytes, *, kind: str, source: str, max_bytes: int, published: str | None) -> Article:
    data = maybe_gunzip(data, source=source, max_bytes=max_bytes)
    text = decode_bytes(data, source=source)
    if kind == "html" or looks_like_html(data):
        if kind == "html" and "<" not in text:
            return article_from_text(text, source_id=source, published=published)  # a text file named .html
        return article_from_html(text, source_id=source, default_published=published)
    return article_from_text(text, source_id=source, published=published)


def _read_jsonl(file: Path, *, max_bytes: int, published: str | None) -> Iterator[Article | Rejected]:
    with file.open("rb") as head:
        gzipped = is_gzip(head.read(2))
    if gzipped:
        import gzip

        with gzip.open(file, "rb") as stream:
            yield from iter_jsonl(stream, path=file, max_bytes=max_bytes, published=published)  # type: ignore[arg-type]
    else:
        with file.open("rb") as stream:
            yield from iter_jsonl(stream, path=file, max_bytes=max_bytes, published=published)
