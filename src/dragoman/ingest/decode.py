"""Bytes -> text: UTF-8 first, then charset detection; binary and empty inputs are refused."""

from __future__ import annotations

import os
import re
import zlib

from charset_normalizer import from_bytes

from ..errors import BinaryInputError, EmptyInputError, TooLargeError

GZIP_MAGIC = b"\x1f\x8b"
# Control characters that never occur in text files (tab, newline, CR, form feed and ESC excluded).
_CONTROL = set(range(0, 9)) | {11} | set(range(14, 27)) | set(range(28, 32))
_SAMPLE = 65536


# File signatures of formats people save next to news by mistake; named in the reason.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx/.epub)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (.doc/.xls)"),
    (b"{\\rtf", "an RTF document"),
    (b"%!PS", "a PostScript document"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x7fELF", "a program (ELF)"),
)


def binary_kind(data: bytes) -> str | None:
    """The name of a known binary format ``data`` starts with, else None."""
    head = data[:16]
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    return None


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding we would decode (NULs, control bytes)."""
    sample = data[:_SAMPLE]
    if not sample:
        return False
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a BOM is text
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b in _CONTROL)
    return controls / len(sample) > 0.01


def gunzip(data: bytes, *, source: str, max_bytes: int) -> bytes:
    """Decompress a gzip payload, refusing one that inflates past ``max_bytes`` (a zip bomb)."""
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = decompressor.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise BinaryInputError(
            f"{source}: not a valid gzip file ({exc}); re-compress it with gzip or save it uncompressed"
        ) from exc
    if len(out) > max_bytes or decompressor.unconsumed_tail:
        raise TooLargeError(
            f"{source}: decompressed size is over the limit of {max_bytes} bytes; "
            "split the file or raise --max-bytes"
        )
    if not decompressor.eof:
        # zlib returns what it could inflate without complaint: a cut-off download would pass as a short page.
        raise BinaryInputError(
            f"{source}: the gzip file is truncated ({len(data)} bytes, the compressed stream does not end); "
            "download or compress it again"
        )
    return out


def display_path(path: str | os.PathLike[str]) -> str:
    """A file name as text that can always be stored and printed: the name itself when its bytes are UTF-8;
    else every byte that is not UTF-8 as ``\\xNN`` and every backslash doubled, so that the exact bytes come
    back with ``codecs.escape_decode(name.encode())[0]`` (the same file is the same text on every run)."""
    text = os.fspath(path)
    try:
        raw = os.fsencode(text)
    except UnicodeEncodeError:  # lone surrogates that are no escaped bytes (made by a program, not a disk)
        raw = text.encode("utf-8", "backslashreplace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.replace(b"\\", b"\\\\").decode("utf-8", "backslashreplace")


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """``text`` with each lone surrogate (JSON's ``"\\ud800"``, which no UTF-8 store can hold) as U+FFFD; one
    character for one, so offsets into the text stay true."""
    return _LONE_SURROGATE.sub("\ufffd", text) if not text.isascii() else text


def is_gzip(data: bytes) -> bool:
    return data[:2] == GZIP_MAGIC


def decode_bytes(data: bytes, *, source: str) -> str:
    """Decode ``data`` as text; UTF-8 (with or without BOM) first, else the detected charset.

    Raises EmptyInputError for empty or whitespace-only input and BinaryInputError for bytes
    that are not text.
    """
    if not data.strip():
        raise EmptyInputError(f"{source}: the file is empty or whitespace only; remove it or add the article text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        data = utf16
    kind = binary_kind(data)
    if kind is not None:
        raise BinaryInputError(
            f"{source}: binary content ({kind}), not text; extract its text to a .txt file or remove it from the input"
        )
    if looks_binary(data):
        raise BinaryInputError(
            f"{source}: binary content (not text) behind a text extension; "
            "convert it to .txt/.html/.jsonl or remove it from the input"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(data[: 4 * _SAMPLE]).best()
        if best is None or best.encoding is None:
            raise BinaryInputError(
                f"{source}: bytes are neither UTF-8 nor any known text encoding; re-save the file as UTF-8"
            ) from None
        text = data.decode(_prefer_western(data, best.encoding), errors="replace")
    text = text.removeprefix("\ufeff")  # a UTF-16/32 byte-order mark is no character of the article
    if not text.strip():
        raise EmptyInputError(f"{source}: the file is empty or whitespace only; remove it or add the article text")
    return text


def _utf16_without_bom(data: bytes) -> bytes | None:
    """UTF-8 bytes of UTF-16 text saved without a byte-order mark, else None.

    Such text has a NUL in nearly every other byte (the high byte of Latin letters), which would
    otherwise make it look binary.
    """
    sample = data[: _SAMPLE - _SAMPLE % 2]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    half = len(sample) // 2
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    for zeros, other, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros >= 0.3 * half and other <= 0.02 * half:
            try:
                text = data[: len(data) - len(data) % 2].decode(encoding)
            except UnicodeDecodeError:
                return None
            return text.encode("utf-8")
    return None


# Single-byte Latin code pages that short texts are easily mistaken between; for news in
# English (and most Western European languages) Windows-1252 is by far the likeliest.
_LATIN_FAMILY = {
    "cp1250", "cp1252", "cp1254", "cp1257", "latin_1", "iso8859_2", "iso8859_4", "iso8859_9", "iso8859_13",
    "iso8859_15", "iso8859_16", "mac_roman", "mac_latin2",
}


def _prefer_western(data: bytes, guess: str) -> str:
    if guess in _LATIN_FAMILY:
        try:
            data.decode("cp1252")
        except UnicodeDecodeError:
            return guess
        return "cp1252"
    return guess


def maybe_gunzip(data: bytes, *, source: str, max_bytes: int) -> bytes:
    return gunzip(data, source=source, max_bytes=max_bytes) if is_gzip(data) else data


__all__ = ["binary_kind", "decode_bytes", "gunzip", "is_gzip", "looks_binary", "maybe_gunzip"]
