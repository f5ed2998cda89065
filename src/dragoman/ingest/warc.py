"""WARC / WARC.gz archives (web crawls, Common Crawl's CC-NEWS) -> one Article or Rejected per captured page.

Read with warcio, record by record, so an archive of any size streams; ``max_bytes`` caps each record, not the
file. A page is a ``response`` record (HTTP 2xx, HTML or text/plain) or a ``resource`` record of HTML/text; HTTP
chunked transfer and gzip/deflate/br content encodings are undone by warcio. The charset is the HTTP header's
(``Content-Type: ...; charset=``), else sniffed as for files (``decode.decode_bytes``).

Metadata: ``url`` is the record's WARC-Target-URI (what was fetched, not the page's canonical link).
``published`` is the page's own date when it states one, else the day of WARC-Date (when it was crawled, on or
after publication), else the batch's ``--published``: the page's date is when the story came out.

Every captured page that is not coded gets its own Rejected (non-HTML, HTTP error or redirect, revisit, too
large, no article body), so a user looking up a URL finds why. Records that are no pages (warcinfo, request,
metadata, conversion, continuation) are counted in one skipped line per file. A damaged stretch (garbage, a
corrupt gzip member) is one failed Rejected and reading goes on at the next record; a record cut off at the end
(a truncated download) is one failed Rejected. ``source_id`` is ``<file>#<offset>``: the record's byte offset in
the file, which ``warcio extract <file> <offset>`` prints.
"""

from __future__ import annotations

import codecs
import mmap
import re
import stat
import zlib
from collections import Counter
from collections.abc import Generator, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import BinaryInputError, EmptyInputError, InputError, TooLargeError, WarcRecordError
from ..model import Article, Rejected, content_hash
from .decode import GZIP_MAGIC, binary_kind, decode_bytes, display_path, looks_binary
from .html import article_from_html, looks_like_html
from .text import article_from_text

_WARC_MAGIC = b"WARC/"
_PAGE_TYPES = ("response", "resource")
_CHARSET_RE = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
# Charsets servers send by default whatever the page is: bytes that are valid UTF-8 are read as UTF-8.
_DEFAULT_CHARSETS = {"iso8859-1", "latin-1", "iso-8859-1", "latin1", "us-ascii", "ascii", "windows-1252", "cp1252"}
# How often reading may restart after a damaged stretch before the rest of the file is given up.
_MAX_RESYNCS = 1000


def is_warc(path: Path) -> bool:
    """True when the file starts like a WARC archive: ``WARC/`` plainly or inside its first gzip member."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return False  # opening a pipe would wait for a writer
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    if head.startswith(_WARC_MAGIC):
        return True
    if head[:2] != GZIP_MAGIC:
        return False
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16).startswith(_WARC_MAGIC)
    except zlib.error:
        return False


@dataclass(frozen=True, slots=True)
class _Page:
    """A record that may be a page (response, resource, revisit) as read: headers and the body (capped)."""

    offset: int
    rec_type: str
    url: str | None
    warc_date: str | None
    status: int | None
    content_type: str
    body: bytes
    truncated: bool
    declared_length: int


@dataclass(frozen=True, slots=True)
class _Damage:
    """A stretch of the file that could not be read as records."""

    offset: int
    resumed_at: int | None  # where reading went on; None: nothing readable after it
    detail: str


@dataclass(frozen=True, slots=True)
class _Others:
    """Records that are no pages, by WARC-Type, counted over the whole file."""

    counts: tuple[tuple[str, int], ...]


def count_warc(path: Path) -> int:
    """How many items ``iter_warc`` yields for ``path`` (one pass over the records, bodies not decoded)."""
    return sum(1 for _item in _walk(path, max_bytes=0))


def iter_warc(path: Path, *, max_bytes: int, published: str | None = None) -> Iterator[Article | Rejected]:
    """Every page of a WARC file as an Article, every page not coded and every damaged stretch as a Rejected."""
    source = display_path(path)
    for item in _walk(path, max_bytes=max_bytes):
        if isinstance(item, _Page):
            yield _page_item(item, source=source, max_bytes=max_bytes, published=published)
        elif isinstance(item, _Damage):
            yield _damage_item(item, source=source)
        else:
            yield _others_item(item, source=source)


def _walk(path: Path, *, max_bytes: int) -> Iterator[_Page | _Damage | _Others]:
    """The file's page records, damaged stretches and (last) the count of other records.

    ``max_bytes`` = 0 reads no bodies (counting only)."""
    others: Counter[str] = Counter()
    size = path.stat().st_size
    gzipped = _starts_gzipped(path)
    if gzipped and _gzipped_whole(path):
        yield from _walk_whole_gzip(path, others=others, max_bytes=max_bytes)
        if others:
            yield _Others(tuple(sorted(others.items())))
        return
    with path.open("rb") as handle:
        start = 0
        for _attempt in range(_MAX_RESYNCS):
            handle.seek(start)
            end, error = yield from _records(handle, others=others, max_bytes=max_bytes)
            if error is None:
                if _unread_tail(handle, end, size):
                    yield _Damage(end, None, f"cut off: the last {size - end} bytes do not make a whole record, "
                                             "the file is truncated")
                break
            resume = _next_record_start(handle, after=end, gzipped=gzipped)
            yield _Damage(end, resume, error)
            if resume is None:
                break
            start = resume
        else:
            yield _Damage(start, None, f"over {_MAX_RESYNCS} damaged stretches: the rest of the file was not read")
    if others:
        yield _Others(tuple(sorted(others.items())))


def _gzipped_whole(path: Path) -> bool:
    """True for a WARC gzipped as one stream (``gzip file.warc``): a second record starts inside the first gzip
    member. A file gzipped record by record (CC-NEWS) ends its first member after one record."""
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    seen = b""
    with path.open("rb") as handle:
        while not decompressor.eof and (chunk := handle.read(1 << 16)):
            try:
                seen = seen[-16:] + decompressor.decompress(chunk)
            except zlib.error:
                return False  # damaged: read record by record, which reports it
            if b"\r\n\r\nWARC/1." in seen:
                return True
    return False


class _EndedEarly(Exception):
    """A gzip stream that ends before its end marker (warcio would take an EOFError for a clean end)."""


class _Stream:
    """The decompressed bytes of a WARC gzipped whole, for warcio: everything before a cut is handed out, and
    only then does reading fail (gzip.GzipFile would fail the whole last block)."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self.buffer = b""
        self.position = 0
        self.cut = False

    def _fill(self, size: int) -> None:
        while len(self.buffer) < size and not self.cut:
            chunk = self.decompressor.unused_data or self.raw.read(1 << 16)
            if self.decompressor.eof:  # concatenated members (cat a.gz b.gz) are one stream
                if not chunk:
                    return
                self.decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
            if not chunk:
                self.cut = True
                return
            self.buffer += self.decompressor.decompress(chunk)

    def read(self, size: int = -1) -> bytes:
        try:
            self._fill(size if size >= 0 else 1 << 62)
        except zlib.error as exc:
            raise _EndedEarly(f"damaged gzip data ({exc})") from exc
        if not self.buffer and self.cut:
            raise _EndedEarly("the compressed stream ends before its end marker")
        count = len(self.buffer) if size < 0 else size
        out, self.buffer = self.buffer[:count], self.buffer[count:]
        self.position += len(out)
        return out

    def tell(self) -> int:
        return self.position


def _walk_whole_gzip(path: Path, *, others: Counter[str], max_bytes: int) -> Iterator[_Page | _Damage]:
    """The records of a WARC gzipped as one stream; their offsets count in the decompressed stream."""
    with path.open("rb") as raw:
        end, error = yield from _records(_Stream(raw), others=others, max_bytes=max_bytes)  # type: ignore[arg-type]
    if error is not None:
        yield _Damage(end, None, f"{error} (it is gzipped as a whole: offsets count in the uncompressed stream)")


def _starts_gzipped(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(2) == GZIP_MAGIC


def _records(handle: IO[bytes], *, others: Counter[str], max_bytes: int
             ) -> Generator[_Page, None, tuple[int, str | None]]:
    """Page records from the handle's position on; returns (offset reached, error or None)."""
    iterator = ArchiveIterator(handle)
    try:
        for record in iterator:
            offset = iterator.offset  # the current record's start (warcio moves it on at the next record)
            rec_type = str(record.rec_type or "")
            if not rec_type or not (record.rec_headers.get_header("Content-Length") or "").strip().isdigit():
                # warcio would read such a record to the end of the file, swallowing the records after it
                return offset, "a record header without WARC-Type or Content-Length"
            if rec_type not in _PAGE_TYPES and rec_type != "revisit":
                others[rec_type or "untyped"] += 1
                continue
            yield _read_page(record, offset=offset, iterator=iterator, max_bytes=max_bytes)
        return iterator.offset, None
    except _EndedEarly as exc:
        return iterator.offset, f"cut off: {exc}, the file is truncated"
    except ArchiveLoadFailed:
        return iterator.offset, "no WARC record header where a record should start: damaged bytes or gzip member"
    except Exception as exc:  # noqa: BLE001 - warcio raises many types on damaged bytes; the file goes on
        shown = "".join(c if c.isprintable() else "?" for c in " ".join(str(exc).split())[:160])
        return iterator.offset, f"unreadable record: {type(exc).__name__}: {shown}"


def _read_page(record: Any, *, offset: int, iterator: ArchiveIterator, max_bytes: int) -> _Page:
    headers = record.rec_headers
    http = record.http_headers
    declared = int(record.length or 0)
    body = b""
    if 0 < max_bytes and declared <= max_bytes and record.rec_type != "revisit":
        body = record.content_stream().read(max_bytes + 1)
    iterator.read_to_end()
    content_type = (http.get_header("Content-Type") if http is not None else None) \
        or headers.get_header("Content-Type") or ""
    status = None
    if http is not None and record.rec_type == "response":
        code = (http.get_statuscode() or "").strip()
        status = int(code) if code.isdigit() else 0
    return _Page(
        offset=offset, rec_type=str(record.rec_type), url=headers.get_header("WARC-Target-URI"),
        warc_date=headers.get_header("WARC-Date"), status=status,
        content_type=content_type, body=body, truncated=getattr(record.raw_stream, "limit", 0) > 0,
        declared_length=declared,
    )


def _unread_tail(handle: IO[bytes], end: int, size: int) -> bool:
    """True when bytes other than blank lines follow the last whole record."""
    if end >= size:
        return False
    handle.seek(end)
    return bool(handle.read(4096).strip())


def _next_record_start(handle: IO[bytes], *, after: int, gzipped: bool) -> int | None:
    """The offset of the first record after ``after`` that warcio can read (a gzip member or a line
    starting ``WARC/``); None when there is none."""
    handle.seek(0)
    try:
        view = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (ValueError, OSError):
        return None
    with view:
        marker = GZIP_MAGIC + b"\x08" if gzipped else b"\n" + _WARC_MAGIC
        found = view.find(marker, after + 1)
        for _probe in range(_MAX_RESYNCS):
            if found < 0:
                return None
            candidate = found if gzipped else found + 1
            if _readable_record_at(handle, candidate):
                return candidate
            found = view.find(marker, found + 1)
    return None


def _readable_record_at(handle: IO[bytes], offset: int) -> bool:
    handle.seek(offset)
    try:
        record = next(iter(ArchiveIterator(handle)), None)
    except Exception:  # noqa: BLE001 - no record starts here
        return False
    return record is not None and bool(record.rec_type)


def _rejected(exc: InputError, *, source_id: str, extra: str = "") -> Rejected:
    return Rejected(
        doc_id=content_hash("rejected", source_id, exc.reason, extra),
        source_id=source_id,
        status="skipped" if exc.status == "skipped" else "failed",
        error=exc.reason,
        format="warc",
    )


def _damage_item(damage: _Damage, *, source: str) -> Rejected:
    where = f"{source}#{damage.offset}"
    if damage.detail.startswith("cut off"):
        then = "download the file again to get the rest"
    elif damage.resumed_at is None:
        then = "nothing readable follows; download the file again"
    else:
        then = f"reading went on at the next record (offset {damage.resumed_at}); download the file again to get it"
    return _rejected(WarcRecordError(f"{where}: damaged WARC record ({damage.detail}); {then}"), source_id=where)


def _others_item(others: _Others, *, source: str) -> Rejected:
    total = sum(n for _t, n in others.counts)
    parts = ", ".join(f"{n} {kind}" for kind, n in others.counts)
    exc = EmptyInputError(
        f"{source}: {total} WARC record{'s are' if total != 1 else ' is'} no captured page{'s' if total != 1 else ''}"
        f" ({parts}), passed over; "
        "only response and resource records of HTML or text are coded"
    )
    return _rejected(exc, source_id=f"{source}#other-records")


def _page_item(page: _Page, *, source: str, max_bytes: int, published: str | None) -> Article | Rejected:
    where = f"{source}#{page.offset}"
    try:
        return _page_article(page, where=where, max_bytes=max_bytes, published=published)
    except InputError as exc:
        return _rejected(exc, source_id=where, extra=page.body[:65536].hex())


def _page_article(page: _Page, *, where: str, max_bytes: int, published: str | None) -> Article:
    url = page.url or "(no WARC-Target-URI)"
    _check_page(page, where=where, url=url, max_bytes=max_bytes)
    text = decode_http_body(page.body, content_type=page.content_type, source=where)
    default = _day(page.warc_date) or published
    media = page.content_type.split(";")[0].strip().lower()
    if media == "text/plain" or (not media and not looks_like_html(page.body)):
        article = article_from_text(text, source_id=where, published=default)
        return replace(article, url=page.url)
    return article_from_html(text, source_id=where, default_published=default, url=page.url)


def _check_page(page: _Page, *, where: str, url: str, max_bytes: int) -> None:
    """Raise the reason a page record is not coded, if it is not."""
    if page.rec_type == "revisit":
        raise EmptyInputError(f"{where}: revisit record for {url} (the page was unchanged since an earlier capture, "
                              "whose record holds it); nothing new to code")
    if page.declared_length > max_bytes or len(page.body) > max_bytes:
        raise TooLargeError(f"{where}: record for {url} is {page.declared_length} bytes, over the limit of "
                            f"{max_bytes}; raise --max-bytes to code it")
    if page.truncated:
        raise WarcRecordError(f"{where}: record for {url} is cut off (shorter than its Content-Length "
                              f"{page.declared_length}); the file is truncated or damaged: download it again")
    if page.status is not None and not 200 <= page.status < 300:
        raise EmptyInputError(f"{where}: HTTP status {page.status} for {url}, not a page with an article; "
                              "passed over")
    media = page.content_type.split(";")[0].strip().lower()
    if media and not (media.startswith("text/html") or media in ("application/xhtml+xml", "text/plain")):
        raise EmptyInputError(f"{where}: {url} is {media}, not HTML or text; passed over")


def _day(warc_date: str | None) -> str | None:
    if warc_date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", warc_date[:10]):
        return warc_date[:10]
    return None


def decode_http_body(body: bytes, *, content_type: str, source: str) -> str:
    """The body as text in the HTTP header's charset, as a browser reads it (bytes that are not in it become
    U+FFFD); sniffed (``decode_bytes``) when the header names none or an unknown one, or a server default
    (ISO-8859-1, ...) while the bytes are UTF-8."""
    match = _CHARSET_RE.search(content_type)
    declared = match.group(1).lower() if match else ""
    charset = _codec(declared) if declared else None
    if charset is None or (declared in _DEFAULT_CHARSETS and _is_utf8(body)):
        return decode_bytes(body, source=source)
    if not body.strip():
        raise EmptyInputError(f"{source}: the page is empty; nothing to code")
    kind = binary_kind(body)
    wide = "16" in charset or "32" in charset  # NULs are part of UTF-16/32 text
    if kind is not None or (not wide and looks_binary(body)):
        raise BinaryInputError(f"{source}: binary content ({kind or 'not text'}) sent as {content_type!r}; "
                               "passed over")
    return body.decode(charset, errors="replace").removeprefix("\ufeff")


def _codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None  # an unknown charset in the header: sniff instead


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
