"""`dragoman watch`: feeds served on 127.0.0.1 polled into a real SQLite store, again, after a restart (a new
process), with a new item, with a broken feed, and stopped by SIGTERM."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dragoman.watch import parse_every, poll_once
from test_ingest_feeds_items import INDIA, KENYA, NIGERIA, UKRAINE, LocalSite, atom, page, rss


def _dragoman(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dragoman", *args], capture_output=True, text=True, timeout=300)


def _stored(db: Path) -> list[tuple[str, str, str, int]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT url, status, coalesce(published, ''), (SELECT count(*) FROM events e WHERE e.doc_id = d.doc_id) "
            "FROM documents d ORDER BY url").fetchall()


def test_new_items_are_coded_once_across_polls_restarts_and_copies(tmp_path: Path) -> None:
    db = tmp_path / "watch.db"
    with LocalSite() as site:
        rss_items = [("Police arrest protesters", site.url("/world/kenya"), "Tue, 05 Mar 2024 09:30:00 GMT"),
                     ("Village attacked", site.url("/world/zamfara"), "Mon, 04 Mar 2024 08:00:00 GMT")]
        site.routes["/world/kenya"] = (200, "text/html", page("Police arrest protesters", KENYA))
        site.routes["/world/zamfara"] = (200, "text/html", page("Village attacked", NIGERIA))
        site.routes["/rss.xml"] = (200, "application/rss+xml", rss(rss_items))
        site.routes["/wire.atom"] = (200, "application/atom+xml", atom([
            ("Water deal signed", site.url("/wire/india"), "2024-03-01T12:00:00Z", INDIA),
            ("Kharkiv shelled", site.url("/wire/kharkiv"), "2024-02-28T18:00:00Z", UKRAINE)]))
        feeds = [site.url("/rss.xml"), site.url("/wire.atom"), site.url("/gone.xml")]

        first = poll_once(feeds, db=db)
        assert (first.new, first.seen, first.failed, first.feeds_failed) == (4, 0, 0, 1)
        assert first.problems == (f"feed {site.url('/gone.xml')}: {site.url('/gone.xml')}: the server answered "
                                  "HTTP 404 (Not Found); check the address",)
        stored = _stored(db)
        assert [(url, status, published) for url, status, published, _n in stored] == [
            (site.url("/wire/india"), "ok", "2024-03-01"), (site.url("/wire/kharkiv"), "ok", "2024-02-28"),
            (site.url("/world/kenya"), "ok", "2024-03-05"), (site.url("/world/zamfara"), "ok", "2024-03-04")]
        assert all(events > 0 for *_rest, events in stored)
        assert first.events == sum(events for *_rest, events in stored)

        fetched = len(site.requests)
        second = poll_once(feeds[:2], db=db)
        assert (second.new, second.seen, second.failed, second.problems) == (0, 4, 0, ())
        assert len(site.requests) == fetched + 2  # the two feeds only: stored links are not fetched again

        restarted = _dragoman("watch", *feeds[:2], "--db", str(db), "--once")
        assert restarted.returncode == 0, restarted.stderr
        assert "poll of 2 feeds: new 0 (0 events), seen 4, failed 0" in restarted.stdout

        # A new item, and the Kenya story again under a second address: only the new story is coded.
        site.routes["/world/kharkiv-aid"] = (200, "text/html", page("Aid call", UKRAINE.replace("nine", "ten")))
        site.routes["/copy/kenya"] = (200, "text/html", page("Police arrest protesters", KENYA))
        site.routes["/rss.xml"] = (200, "application/rss+xml", rss(rss_items + [
            ("Aid call", site.url("/world/kharkiv-aid"), "Wed, 06 Mar 2024 07:00:00 GMT"),
            ("Police arrest protesters", site.url("/copy/kenya"), "Wed, 06 Mar 2024 07:00:00 GMT")]))
        third = poll_once(feeds[:2], db=db)
        assert (third.new, third.seen, third.failed) == (1, 5, 0)
        assert [url for url, *_rest in _stored(db)] == [
            site.url("/wire/india"), site.url("/wire/kharkiv"), site.url("/world/kenya"),
            site.url("/world/kharkiv-aid"), site.url("/world/zamfara")]

        broken = _dragoman("watch", site.url("/rss.xml"), site.url("/index.html"), "--db", str(db), "--once")
        assert broken.returncode == 3
        assert "poll of 2 feeds (1 unreadable): new 0 (0 events), seen 4, failed 0" in broken.stdout
        assert f"[feeds] feed {site.url('/index.html')}: {site.url('/index.html')}: the server answered HTTP 404" \
            in broken.stderr


def test_an_item_page_that_fails_is_tried_again_and_an_empty_one_is_not(tmp_path: Path) -> None:
    db = tmp_path / "watch.db"
    with LocalSite() as site:
        site.routes["/menu"] = (200, "text/html", b"<html><body><nav>Home | World</nav></body></html>")
        site.routes["/rss.xml"] = (200, "application/rss+xml", rss([
            ("Soon", site.url("/soon"), "Tue, 05 Mar 2024 09:30:00 GMT"),
            ("Menu", site.url("/menu"), "Tue, 05 Mar 2024 09:30:00 GMT")]))
        first = poll_once([site.url("/rss.xml")], db=db)
        assert (first.new, first.seen, first.failed) == (1, 0, 1)  # /soon is 404: not stored; /menu stored skipped
        assert first.problems[0].startswith(f"item {site.url('/soon')}: ")
        assert [(url, status) for url, status, *_rest in _stored(db)] == [(site.url("/menu"), "skipped")]
        site.routes["/soon"] = (200, "text/html", page("Village attacked", NIGERIA))
        second = poll_once([site.url("/rss.xml")], db=db)
        assert (second.new, second.seen, second.failed) == (1, 1, 0)
        assert [path for path, _agent in site.requests].count("/menu") == 1


def test_watch_stops_on_sigterm_between_polls(tmp_path: Path) -> None:
    feed = tmp_path / "empty.rss"
    feed.write_bytes(rss([]))
    process = subprocess.Popen([sys.executable, "-m", "dragoman", "watch", str(feed), "--db", str(tmp_path / "w.db"),
                                "--every", "1h"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()  # the first poll is done
        assert "poll of 1 feed: new 0 (0 events), seen 0, failed 0" in line
        started = time.monotonic()
        process.send_signal(signal.SIGTERM)
        _out, err = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 0 and time.monotonic() - started < 10
    assert "stopped; every stored document is complete" in err


@pytest.mark.parametrize(("text", "seconds"), [("30s", 30.0), ("10m", 600.0), ("1h", 3600.0), ("90", 90.0)])
def test_every_reads_seconds_minutes_and_hours(text: str, seconds: float) -> None:
    assert parse_every(text) == seconds


def test_every_refuses_what_is_no_interval() -> None:
    with pytest.raises(ValueError, match="use a number with s, m or h"):
        parse_every("10 minutes")
    result = _dragoman("watch", "feed.rss", "--every", "0s", "--once")
    assert result.returncode == 2 and "is not an interval" in result.stderr
