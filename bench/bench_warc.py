"""WARC reading speed (not part of the test run): the same pages read from one CC-NEWS-style WARC.gz and from
one .html file each, in the same run, so the ratio is what the archive format costs or saves.

Times, for N pages (each a news page of ~2.5 KB, one gzip member per record, with a request and a metadata
record beside each response as crawlers write them): the count pass ``count_inputs`` makes for the progress bar,
and ``iter_inputs`` (decompress, parse the record, decode, extract the article with trafilatura) for the WARC
and for the HTML files. Coding itself (spaCy) is the same for both and far slower; see bench_coding.py.

    .venv/bin/python bench/bench_warc.py [--pages 3000]
"""

from __future__ import annotations

import argparse
import io
import tempfile
import time
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dragoman.ingest import count_inputs, iter_inputs

PARAGRAPHS = (
    "Police in the capital arrested {n} protesters on Tuesday after demonstrators marched on parliament "
    "against a proposed tax increase, a police spokesman said.",
    "Officers fired tear gas to disperse the crowd near the city centre, witnesses told reporters at the scene.",
    "The opposition leader condemned the arrests and demanded the release of the detained students within days.",
    "The interior ministry said {n} officers had been injured and that an inquiry into the clashes would begin.",
    "Talks between the government and union leaders are expected to resume next week, officials said.",
)


def _page(i: int) -> bytes:
    body = "".join(f"<p>{p.format(n=i % 97 + 3)}</p>" for p in PARAGRAPHS * 3)
    return (f"<!DOCTYPE html><html><head><title>Story {i}</title></head><body><nav>Home | World</nav>"
            f"<article><h1>Story {i}</h1>{body}</article><footer>Example News</footer></body></html>").encode()


def _write(folder: Path, pages: int) -> Path:
    archive = folder / "CC-NEWS-bench.warc.gz"
    html = folder / "html"
    html.mkdir()
    with archive.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for i in range(pages):
            url = f"https://news.example.org/world/story-{i}"
            data = _page(i)
            (html / f"story-{i:06d}.html").write_bytes(data)
            request = io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
            writer.write_record(writer.create_warc_record(url, "request", payload=request))
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(data), http_headers=http))
            writer.write_record(writer.create_warc_record(url, "metadata", payload=io.BytesIO(b"fetchTimeMs: 90\r\n"),
                                                          warc_content_type="application/warc-fields"))
    return archive


def _timed(step: object) -> tuple[float, int]:
    started = time.perf_counter()
    n = step()  # type: ignore[operator]
    return time.perf_counter() - started, n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=3000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        archive = _write(folder, args.pages)
        size = archive.stat().st_size
        count_s, counted = _timed(lambda: count_inputs([archive]))
        warc_s, warc_n = _timed(lambda: sum(1 for _ in iter_inputs([archive])))
        html_s, html_n = _timed(lambda: sum(1 for _ in iter_inputs([folder / "html"])))
    print(f"{args.pages} pages, WARC.gz {size / 1e6:.1f} MB ({3 * args.pages} records)")
    print(f"count pass (progress bar): {count_s:.2f}s for {counted} items = {3 * args.pages / count_s:,.0f} records/s")
    print(f"read WARC.gz:  {warc_s:.2f}s, {warc_n} items, {args.pages / warc_s:,.1f} pages/s")
    print(f"read .html:    {html_s:.2f}s, {html_n} items, {args.pages / html_s:,.1f} pages/s")
    print(f"WARC / html read time: {warc_s / html_s:.2f}; count pass / WARC read: {count_s / warc_s:.3f}")


if __name__ == "__main__":
    main()
