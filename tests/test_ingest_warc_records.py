"""WARC archives read record by record: pages in, everything else counted with a reason; damage is per record.

Archives are real WARC.gz / WARC files written with warcio's WARCWriter (per-record gzip, as CC-NEWS ships them).
"""

from __future__ import annotations

import gzip
import io
import os
import threading
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dragoman.ingest import count_inputs, iter_inputs
from dragoman.model import Article, Rejected
from factories import KENYA, NIGERIA

CRAWLED = "2024-03-05T10:15:00Z"

IVORY = (
    "Les manifestants de Côte d'Ivoire: protesters in Abidjan gathered outside the ministry on Thursday to "
    "demand higher wages for teachers, union leaders said. Riot police blocked the road to the presidency."
)


def news_page(title: str, body: str, *, date_meta: str | None = None) -> str:
    meta = f'<meta property="article:published_time" content="{date_meta}">' if date_meta else ""
    return (f"<!DOCTYPE html><html><head><title>{title}</title>{meta}</head><body>"
            "<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
            f"<article><h1>{title}</h1><p>{body}</p></article>"
            "<footer>Copyright Example News</footer></body></html>")


class Archive:
    """A WARC file written record by record with warcio (gzip per record unless ``gzip=False``)."""

    def __init__(self, *, gzip_records: bool = True) -> None:
        self.buffer = io.BytesIO()
        self.writer = WARCWriter(self.buffer, gzip=gzip_records)
        self.offsets: list[int] = []

    def response(self, url: str, body: bytes, *, content_type: str = "text/html; charset=utf-8",
                 status: str = "200 OK", encoding: str | None = None, date: str = CRAWLED) -> int:
        headers = [("Content-Type", content_type)]
        if encoding == "gzip":
            body = gzip.compress(body)
            headers.append(("Content-Encoding", "gzip"))
        elif encoding == "chunked":
            headers.append(("Transfer-Encoding", "chunked"))
            half = len(body) // 2
            body = b"%x\r\n%s\r\n%x\r\n%s\r\n0\r\n\r\n" % (half, body[:half], len(body) - half, body[half:])
        http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
        return self._write(self.writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=http, warc_headers_dict={"WARC-Date": date}))

    def other(self, url: str, rec_type: str, payload: bytes = b"GET / HTTP/1.1\r\nHost: example\r\n\r\n") -> int:
        content_type = "application/warc-fields" if rec_type in ("metadata", "warcinfo") else ""
        return self._write(self.writer.create_warc_record(url, rec_type, payload=io.BytesIO(payload),
                                                          warc_content_type=content_type))

    def revisit(self, url: str) -> int:
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = self.writer.create_revisit_record(url, digest="sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                                                   refers_to_uri=url, refers_to_date=CRAWLED, http_headers=http)
        return self._write(record)

    def _write(self, record: object) -> int:
        offset = self.buffer.tell()
        self.writer.write_record(record)
        self.offsets.append(offset)
        return offset

    def bytes(self) -> bytes:
        return self.buffer.getvalue()


def _items(path: Path, **kwargs: object) -> list[Article | Rejected]:
    return list(iter_inputs([path], **kwargs))  # type: ignore[arg-type]


def test_pages_get_the_record_url_and_the_pages_own_date_else_the_crawl_date(tmp_path: Path) -> None:
    archive = Archive()
    archive.other("", "warcinfo", b"software: test\r\n")
    dated = archive.response("https://news.example.org/africa/kenya-protest-arrests",
                             news_page("Police arrest protesters", KENYA, date_meta="2024-03-04T08:00:00Z").encode())
    undated = archive.response("https://news.example.org/africa/zamfara-attack",
                               news_page("Gunmen attack village", NIGERIA).encode(), encoding="gzip")
    path = tmp_path / "CC-NEWS-20240305101500-00001.warc.gz"
    path.write_bytes(archive.bytes())

    items = _items(path, published="2020-01-01")
    articles = [item for item in items if isinstance(item, Article)]
    assert [(a.source_id, a.url, a.published) for a in articles] == [
        (f"{path}#{dated}", "https://news.example.org/africa/kenya-protest-arrests", "2024-03-04"),
        (f"{path}#{undated}", "https://news.example.org/africa/zamfara-attack", "2024-03-05"),
    ]
    assert "32 protesters in Nairobi" in articles[0].original
    assert "Zamfara state" in articles[1].original  # gzip content encoding undone
    assert "Copyright" not in articles[0].original
    assert count_inputs([path]) == len(items) == 3  # two pages and the warcinfo line


def test_records_that_are_no_pages_are_counted_and_each_page_not_coded_says_why(tmp_path: Path) -> None:
    archive = Archive()
    archive.other("https://news.example.org/a", "request")
    page = archive.response("https://news.example.org/a", news_page("Arrests", KENYA).encode(), encoding="chunked")
    archive.other("https://news.example.org/a", "metadata", b"fetchTimeMs: 120\r\n")
    image = archive.response("https://news.example.org/a.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 200,
                             content_type="image/jpeg")
    moved = archive.response("https://news.example.org/old", b"", status="301 Moved Permanently")
    revisit = archive.revisit("https://news.example.org/a")
    archive.other("https://news.example.org/b", "request")
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(archive.bytes())

    items = _items(path)
    assert [type(item).__name__ for item in items] == ["Article", "Rejected", "Rejected", "Rejected", "Rejected"]
    assert items[0].source_id == f"{path}#{page}" and "tear gas" in items[0].original  # chunked transfer undone
    rejected = {item.source_id: item for item in items if isinstance(item, Rejected)}
    assert rejected[f"{path}#{image}"].status == "skipped"
    assert "https://news.example.org/a.jpg is image/jpeg, not HTML or text" in rejected[f"{path}#{image}"].error
    assert "HTTP status 301" in rejected[f"{path}#{moved}"].error
    assert "revisit record" in rejected[f"{path}#{revisit}"].error
    others = rejected[f"{path}#other-records"]
    assert others.status == "skipped"
    assert "3 WARC records are no captured pages (1 metadata, 2 request)" in others.error
    assert count_inputs([path]) == 5


def test_a_truncated_archive_keeps_its_whole_records_and_reports_the_cut_one(tmp_path: Path) -> None:
    archive = Archive()
    archive.response("https://news.example.org/1", news_page("Arrests", KENYA).encode())
    last = archive.response("https://news.example.org/2", news_page("Attack", NIGERIA).encode())
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(archive.bytes()[:-120])  # a download that stopped inside the last record

    items = _items(path)
    assert isinstance(items[0], Article) and items[0].url == "https://news.example.org/1"
    assert isinstance(items[1], Rejected) and items[1].status == "failed"
    assert items[1].source_id == f"{path}#{last}"
    assert "https://news.example.org/2 is cut off" in items[1].error and "download it again" in items[1].error
    assert len(items) == 2 == count_inputs([path])


def test_a_damaged_record_in_the_middle_is_reported_and_reading_goes_on(tmp_path: Path) -> None:
    archive = Archive()
    archive.response("https://news.example.org/1", news_page("Arrests", KENYA).encode())
    second = archive.response("https://news.example.org/2", news_page("Attack", NIGERIA).encode())
    third = archive.response("https://news.example.org/3", news_page("Wages", IVORY).encode())
    data = archive.bytes()
    damaged = data[:second] + data[second:second + 60] + data[third:]  # the second gzip member cut short
    path = tmp_path / "damaged.warc.gz"
    path.write_bytes(damaged)

    items = _items(path)
    assert [item.source_id for item in items] == [f"{path}#0", f"{path}#{second}", f"{path}#{second + 60}"]
    assert isinstance(items[1], Rejected) and items[1].status == "failed"
    assert f"reading went on at the next record (offset {second + 60})" in items[1].error
    assert isinstance(items[2], Article) and items[2].url == "https://news.example.org/3"


def test_uncompressed_warc_charset_from_the_header_and_per_record_size_cap(tmp_path: Path) -> None:
    archive = Archive(gzip_records=False)
    latin = archive.response("https://news.example.org/abidjan", news_page("Grève", IVORY).encode("latin-1"),
                             content_type="text/html; charset=ISO-8859-1")
    big = archive.response("https://news.example.org/big", news_page("Big", KENYA * 40).encode())
    text = archive.response("https://news.example.org/wire.txt", NIGERIA.encode(), content_type="text/plain")
    path = tmp_path / "site.warc"
    path.write_bytes(archive.bytes())

    items = _items(path, max_bytes=5_000)
    assert items[0].source_id == f"{path}#{latin}" and "Côte d'Ivoire" in items[0].original
    assert isinstance(items[1], Rejected) and items[1].source_id == f"{path}#{big}"
    assert items[1].status == "skipped" and "over the limit of 5000; raise --max-bytes" in items[1].error
    assert isinstance(items[2], Article) and items[2].source_id == f"{path}#{text}"
    assert items[2].format == "text" and items[2].original == NIGERIA
    assert items[2].url == "https://news.example.org/wire.txt" and items[2].published == "2024-03-05"


def test_an_archive_named_by_its_crawler_is_recognised_by_its_first_bytes(tmp_path: Path) -> None:
    archive = Archive()
    archive.response("https://news.example.org/1", news_page("Arrests", KENYA).encode())
    path = tmp_path / "CC-NEWS-20240305101500-00001"
    path.write_bytes(archive.bytes())
    items = _items(path)
    assert len(items) == 1 and isinstance(items[0], Article) and items[0].url == "https://news.example.org/1"


def test_a_record_header_without_length_does_not_swallow_the_records_after_it(tmp_path: Path) -> None:
    archive = Archive(gzip_records=False)
    archive.response("https://news.example.org/1", news_page("Arrests", KENYA).encode())
    broken = b"WARC/1.0\r\nWARC-Type: response\r\n\r\n"
    path = tmp_path / "broken.warc"
    path.write_bytes(broken + archive.bytes())
    items = _items(path)
    assert [item.source_id for item in items] == [f"{path}#0", f"{path}#{len(broken)}"]
    assert isinstance(items[0], Rejected)
    assert items[0].status == "failed" and "damaged WARC record" in items[0].error
    assert f"reading went on at the next record (offset {len(broken)})" in items[0].error
    assert isinstance(items[1], Article) and items[1].url == "https://news.example.org/1"


def test_sniffing_for_warc_never_opens_a_pipe(tmp_path: Path) -> None:
    fifo = tmp_path / "stream"  # no extension: the content would be sniffed, but a pipe is never opened
    os.mkfifo(fifo)
    done: list[list[Article | Rejected]] = []
    reader = threading.Thread(target=lambda: done.append(_items(fifo)), daemon=True)
    reader.start()
    reader.join(timeout=20)
    assert done and len(done[0]) == 1 and isinstance(done[0][0], Rejected)
    assert "not a regular file" in done[0][0].error


def test_a_warc_gzipped_as_a_whole_is_read_and_its_cut_end_reported(tmp_path: Path) -> None:
    archive = Archive(gzip_records=False)  # `gzip crawl.warc`: one gzip stream, not one member per record
    archive.other("", "warcinfo", b"software: test\r\n")
    first = archive.response("https://news.example.org/1", news_page("Arrests", KENYA).encode())
    second = archive.response("https://news.example.org/2", news_page("Attack", NIGERIA).encode())
    whole = tmp_path / "whole.warc.gz"
    whole.write_bytes(gzip.compress(archive.bytes()))
    items = _items(whole)
    assert [item.source_id for item in items] == [f"{whole}#{first}", f"{whole}#{second}", f"{whole}#other-records"]
    assert [item.url for item in items[:2]] == ["https://news.example.org/1", "https://news.example.org/2"]
    assert count_inputs([whole]) == 3

    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(gzip.compress(archive.bytes())[:-150])
    items = _items(cut)
    assert isinstance(items[0], Article) and items[0].url == "https://news.example.org/1"
    assert isinstance(items[1], Rejected) and items[1].source_id == f"{cut}#{second}"
    assert "cut off: the compressed stream ends before its end marker" in items[1].error
    assert "gzipped as a whole: offsets count in the uncompressed stream" in items[1].error
