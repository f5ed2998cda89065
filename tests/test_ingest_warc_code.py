"""A CC-NEWS-style WARC.gz coded end to end by the real `dragoman code` into a real SQLite file."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from test_ingest_warc_records import IVORY, KENYA, NIGERIA, Archive, news_page


def _dragoman(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dragoman", *args], capture_output=True, text=True, timeout=600)


def test_a_cc_news_archive_is_coded_with_record_urls_dates_and_reasons(tmp_path: Path) -> None:
    archive = Archive()  # CC-NEWS: one gzip member per record, a warcinfo record first, then the captures
    archive.other("", "warcinfo", b"software: StormCrawler\r\nformat: WARC File Format 1.1\r\n")
    kenya = archive.response("https://news.example.org/africa/kenya-protest-arrests",
                             news_page("Police arrest protesters", KENYA, date_meta="2024-03-04T08:00:00Z").encode())
    archive.other("https://news.example.org/africa/kenya-protest-arrests", "request")
    nigeria = archive.response("https://news.example.org/africa/zamfara-attack",
                               news_page("Gunmen attack village", NIGERIA).encode(), encoding="gzip")
    archive.other("https://news.example.org/africa/zamfara-attack", "metadata", b"fetchTimeMs: 87\r\n")
    pdf = archive.response("https://news.example.org/report.pdf", b"%PDF-1.7\n" + b"0" * 300,
                           content_type="application/pdf")
    ivory = archive.response("https://news.example.org/africa/abidjan-teachers",
                             news_page("Teachers protest", IVORY).encode("latin-1"),
                             content_type="text/html; charset=iso-8859-1", encoding="chunked")
    last = archive.response("https://news.example.org/africa/cut", news_page("Cut", KENYA).encode())
    path = tmp_path / "CC-NEWS-20240305101500-00042.warc.gz"
    path.write_bytes(archive.bytes()[:-100])  # the download stopped inside the last record
    db = tmp_path / "news.db"

    result = _dragoman("code", str(path), "--db", str(db), "--workers", "1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("coded 3, skipped 2, failed 1, already stored 0;")
    assert f"1 x skipped: {path}#{pdf}: https://news.example.org/report.pdf is application/pdf" in result.stdout
    assert f"1 x skipped: {path}: 3 WARC records are no captured pages (1 metadata, 1 request, 1 warcinfo)" \
        in result.stdout
    assert f"1 x failed: {path}#{last}: " in result.stdout

    with sqlite3.connect(db) as conn:
        docs = conn.execute("SELECT source_id, status, url, published, title FROM documents WHERE status = 'ok' "
                            "ORDER BY source_id").fetchall()
        events = dict(conn.execute("SELECT d.url, count(*) FROM events e JOIN documents d USING (doc_id) "
                                   "GROUP BY d.url").fetchall())
        abidjan = conn.execute("SELECT original FROM documents WHERE source_id = ?", (f"{path}#{ivory}",)).fetchone()
    assert sorted(docs) == sorted([
        (f"{path}#{kenya}", "ok", "https://news.example.org/africa/kenya-protest-arrests", "2024-03-04",
         "Police arrest protesters"),  # the page's own date wins over the crawl's
        (f"{path}#{nigeria}", "ok", "https://news.example.org/africa/zamfara-attack", "2024-03-05",
         "Gunmen attack village"),  # no date on the page: the day of WARC-Date
        (f"{path}#{ivory}", "ok", "https://news.example.org/africa/abidjan-teachers", "2024-03-05",
         "Teachers protest"),
    ])
    assert set(events) == {url for _s, _st, url, _p, _t in docs} and all(n > 0 for n in events.values())
    assert "Les manifestants de Côte d'Ivoire" in abidjan[0]  # ISO-8859-1 from the HTTP header, chunked undone

    again = _dragoman("code", str(path), "--db", str(db), "--workers", "1")
    assert again.returncode == 0 and again.stdout.startswith("coded 0, skipped 0, failed 0, already stored 6;")
