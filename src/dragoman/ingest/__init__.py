"""Readers per format -> Article (or Rejected with a reason): plain text, HTML (also gzipped), JSONL.

The format comes from the extension and is checked against the content: a ``.txt`` file that
is really an HTML page is read as HTML, gzip is recognised by its magic bytes, a ``.jsonl``
file is read record by record, a WARC archive (``.warc``, ``.warc.gz``, or a file of another name that
starts like one) page by page (``warc.py``). Every problem becomes a ``Rejected`` naming the file (and
line) and the fix; the batch goes on.
"""

from __future__ import annotations

import contextlib
import errno
import stat
import zlib
from collections.abc import Generator, Iterator, Sequence
from pathlib import Path

from ..errors import BinaryInputError, EmptyInputError, InputError, TooLargeError, UnsupportedFormatError
from ..model import Article, Rejected, content_hash
from .decode import decode_bytes, display_path, is_gzip, maybe_gunzip
from .html import article_from_html, looks_like_html
from .jsonl import iter_jsonl
from .text import article_from_text
from .warc import count_warc, is_warc, iter_warc

DEFAULT_MAX_BYTES = 5_000_000

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
SUPPORTED = ".txt, .html, .htm, .html.gz, .jsonl (also .jsonl.gz), .warc (also .warc.gz: web archives, CC-NEWS)"

__all__ = ["DEFAULT_MAX_BYTES", "article_from_html", "article_from_text", "count_inputs", "display_path",
           "input_files", "iter_inputs"]


def _kind(path: Path) -> tuple[str | None, bool]:
    """(format by extension, gzipped by extension)."""
    name = path.name.lower()
    gzipped = name.endswith(".gz")
    if gzipped:
        name = name[:-3]
    for kind, suffixes in (("text", TEXT_SUFFIXES), ("html", HTML_SUFFIXES), ("jsonl", JSONL_SUFFIXES),
                           ("warc", (".warc",))):
        if name.endswith(suffixes):
            return kind, gzipped
    # A crawl's archive is often named by its crawler (CC-NEWS-20240305-00001.gz): recognised by its first bytes.
    if is_warc(path):
        return "warc", gzipped
    return None, gzipped


def input_files(paths: Sequence[str | Path]) -> Iterator[Path]:
    """Every file under ``paths`` in a stable order; hidden files inside folders are passed over.

    Symbolic links to folders are followed once (a link loop is not walked twice). Entries that
    cannot be walked (broken links, link loops, unreadable folders) are yielded too, so that the
    reader stores them with a reason instead of passing over them in silence.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path, seen=set())
        else:
            yield path  # a missing file is reported by the reader


def _walk(folder: Path, *, seen: set[tuple[int, int]]) -> Iterator[Path]:
    try:
        info = folder.stat()
    except OSError:
        yield folder
        return
    key = (info.st_dev, info.st_ino)
    if key in seen:
        return  # reached again through a symbolic link: its files are already read
    seen.add(key)
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        yield folder  # unreadable folder: the reader says so
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry, seen=seen)
        else:
            yield entry


def count_inputs(paths: Sequence[str | Path]) -> int:
    """How many inputs ``iter_inputs`` will yield, for a progress bar: one per file, one per JSONL line."""
    total = 0
    for file in input_files(paths):
        kind, gzipped = _kind(file)
        if kind == "jsonl" and not gzipped and file.is_file():
            with file.open("rb") as handle:
                total += sum(1 for line in handle if line.strip())
        elif kind == "warc" and file.is_file():
            try:
                total += count_warc(file)
            except OSError:
                total += 1  # the reader reports it
        else:
            total += 1
    return total


def _rejected(exc: InputError, *, source_id: str, data: bytes = b"", fmt: str | None = None) -> Rejected:
    return Rejected(
        # The reason is part of the id: a rerun under other conditions (a larger --max-bytes) is tried again.
        doc_id=content_hash("rejected", source_id, exc.reason, data[:65536].hex()),
        source_id=source_id,
        status="skipped" if exc.status == "skipped" else "failed",  # errors.py types status as str
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
    # The file's own name as storable text: a name that is not UTF-8 would stop the store (and every rerun).
    source = display_path(file)
    kind, _gz = _kind(file)
    try:
        _check_readable(file, source)
        if kind is None:
            raise UnsupportedFormatError(
                f"{source}: unsupported file type '{file.suffix or '(no extension)'}'; dragoman reads {SUPPORTED}"
            )
        if kind == "jsonl":
            yield from _read_jsonl(file, max_bytes=max_bytes, published=published)
            return
        if kind == "warc":  # capped per record, not per file: an archive holds thousands of pages
            yield from _read_warc(file, source=source, max_bytes=max_bytes, published=published)
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


def _read_warc(file: Path, *, source: str, max_bytes: int, published: str | None) -> Iterator[Article | Rejected]:
    try:
        yield from iter_warc(file, max_bytes=max_bytes, published=published)
    except OSError as exc:
        raise InputError(f"{source}: cannot be read ({exc.strerror}); check its permissions") from exc


def _check_readable(file: Path, source: str) -> None:
    """Raise InputError naming what is wrong with a path that is no readable regular file."""
    try:
        info = file.stat()
    except OSError as exc:
        if file.is_symlink():
            try:
                target = display_path(file.readlink())
            except OSError:
                target = "?"
            if exc.errno == errno.ELOOP:
                raise InputError(f"{source}: symbolic link loop (-> {target}); fix or remove the link") from exc
            raise InputError(
                f"{source}: broken symbolic link (-> {target}, which does not exist); fix or remove the link"
            ) from exc
        if exc.errno == errno.ENOENT:
            raise InputError(f"{source}: no such file or folder; check the path") from exc
        raise InputError(f"{source}: cannot be read ({exc.strerror}); check the path and its permissions") from exc
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{source}: folder cannot be listed (permission denied); check its permissions")
    if not stat.S_ISREG(info.st_mode):
        raise UnsupportedFormatError(
            f"{source}: not a regular file (a pipe, socket or device); give files or folders of news"
        )


def _article_from_bytes(data: bytes, *, kind: str, source: str, max_bytes: int, published: str | None) -> Article:
    data = maybe_gunzip(data, source=source, max_bytes=max_bytes)
    text = decode_bytes(data, source=source)
    if kind == "html" or looks_like_html(data):
        if kind == "html" and "<" not in text:
            return article_from_text(text, source_id=source, published=published)  # a text file named .html
        return article_from_html(text, source_id=source, default_published=published)
    return article_from_text(text, source_id=source, published=published)


def _read_jsonl(file: Path, *, max_bytes: int, published: str | None) -> Iterator[Article | Rejected]:
    source = display_path(file)
    try:
        with file.open("rb") as head:
            gzipped = is_gzip(head.read(2))
    except OSError as exc:
        raise InputError(f"{source}: cannot be read ({exc.strerror}); check its permissions") from exc
    records = 0
    try:
        with _open_jsonl(file, gzipped=gzipped, max_bytes=max_bytes) as stream:
            for item in iter_jsonl(stream, path=file, max_bytes=max_bytes, published=published):
                records += 1
                yield item
    except (OSError, EOFError, zlib.error) as exc:
        # A damaged .jsonl.gz: the records read so far stay, the rest of the file is reported.
        if not gzipped:
            raise InputError(f"{source}: reading stopped after {records} records ({exc}); check the file") from exc
        raise BinaryInputError(
            f"{source}: the gzip stream is damaged or truncated after {records} records ({exc}); "
            "re-compress the export with gzip or give it uncompressed"
        ) from exc
    if records == 0:
        raise EmptyInputError(f"{source}: no records (the file is empty or blank lines only); remove it or add records")


def _open_jsonl(file: Path, *, gzipped: bool, max_bytes: int) -> contextlib.closing[Generator[bytes, None, None]]:
    chunks = _gzip_chunks(file) if gzipped else _plain_chunks(file)
    return contextlib.closing(_lines(chunks, max_bytes=max_bytes))


def _plain_chunks(file: Path, *, chunk_size: int = 1 << 16) -> Iterator[bytes]:
    with file.open("rb") as raw:
        while chunk := raw.read(chunk_size):
            yield chunk


def _gzip_chunks(file: Path, *, chunk_size: int = 1 << 16) -> Iterator[bytes]:
    """Decompressed pieces of a gzip file; EOFError at the end when the stream is cut off."""
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    with file.open("rb") as raw:
        while chunk := raw.read(chunk_size):
            while chunk:
                yield decompressor.decompress(chunk, chunk_size * 16)
                chunk = decompressor.unconsumed_tail
                if not chunk and decompressor.eof and decompressor.unused_data:
                    # Concatenated gzip members (cat a.gz b.gz) are one valid stream: go on with the next member.
                    chunk = decompressor.unused_data
                    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    if not decompressor.eof:
        raise EOFError("the compressed stream ends before its end marker")


def _lines(chunks: Iterator[bytes], *, max_bytes: int) -> Generator[bytes, None, None]:
    """Lines of a byte stream, every complete one before any error of the stream (a truncated export loses
    only its cut-off tail). A line over ``max_bytes`` is cut to ``max_bytes + 1`` bytes, its rest passed over,
    so one giant record never sits in memory and is still reported as too large."""
    pending = b""
    oversized = False  # inside a line already reported as too large: pass over the rest of it
    for chunk in chunks:
        *lines, pending = (pending + chunk).split(b"\n")
        for line in lines:
            if not oversized:
                yield line + b"\n"
            oversized = False
        if len(pending) > max_bytes:
            if not oversized:
                yield pending[: max_bytes + 1]
            oversized = True
            pending = b""
    if pending and not oversized:
        yield pending
