"""`dragoman code --cluster`: local:N through the real CLI, Ctrl-C and resume, and addresses it refuses.

Two LocalCluster starts in this module: the interrupted run and the run that finishes the batch.
"""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from conftest import EXAMPLES_DIR
from dragoman.cli import main
from dragoman.cluster import CONNECT_SECONDS, parse_address

STORIES = 48
_STORY = "Police in {place} arrested {n} people on Monday after a march on the governor's office, a spokesman said."
_PLACES = ("Goma", "Mogadishu", "Khartoum", "Nairobi", "Yangon", "Juba")


def _inputs(folder: Path) -> Path:
    folder.mkdir()
    sources = sorted(EXAMPLES_DIR.glob("*.txt"))
    for n in range(STORIES):
        base = sources[n % len(sources)].read_text(encoding="utf-8").rstrip()
        story = _STORY.format(place=_PLACES[n % len(_PLACES)], n=n + 3)
        (folder / f"story_{n:02d}.txt").write_text(f"{base}\n\n{story}\n", encoding="utf-8")
    return folder


def _stored(db: Path) -> int:
    try:
        conn = sqlite3.connect(db)
        try:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:  # not created or not migrated yet
        return 0


def _dragoman(*args: str, **popen: object) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "dragoman", "code", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **popen)  # type: ignore[call-overload]


def test_cluster_cli_ctrl_c_then_rerun_finishes_the_batch(tmp_path: Path) -> None:
    news = _inputs(tmp_path / "news")
    db = tmp_path / "dask.db"
    # Its own process group, as a terminal's Ctrl-C reaches the command and the workers it started.
    run = _dragoman(str(news), "--db", str(db), "--published", "2024-03-05", "--cluster", "local:2",
                    start_new_session=True)
    deadline = time.monotonic() + 120
    while _stored(db) == 0 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    os.killpg(run.pid, signal.SIGINT)
    _out, err = run.communicate(timeout=60)
    assert run.returncode == 130, err
    assert "interrupted: coded" in err and "Run the same command again to finish the batch." in err
    assert "Traceback" not in err
    stopped_at = _stored(db)
    assert 0 < stopped_at < STORIES
    alive = subprocess.run(["ps", "-o", "stat=", "-g", str(run.pid)], capture_output=True, text=True).stdout.split()
    assert all(state.startswith("Z") for state in alive)  # no worker left running

    rerun = CliRunner().invoke(main, ["code", str(news), "--db", str(db), "--published", "2024-03-05",
                                      "--cluster", "local:2"])
    assert rerun.exit_code == 0, rerun.output
    assert f"coded {STORIES - stopped_at}, skipped 0, failed 0, already stored {stopped_at};" in rerun.output
    assert _stored(db) == STORIES  # that the rows equal a one-process run's: tests/test_cluster_identical.py


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_cluster_cli_unreachable_scheduler_exits_2_naming_it(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(_STORY.format(place="Goma", n=3), encoding="utf-8")
    address = f"tcp://127.0.0.1:{_closed_port()}"
    started = time.monotonic()
    run = _dragoman(str(tmp_path / "a.txt"), "--db", str(tmp_path / "x.db"), "--cluster", address)
    _out, err = run.communicate(timeout=60)
    assert run.returncode == 2, err
    assert f"[cluster] no Dask scheduler answered at {address} within {CONNECT_SECONDS:.0f} s" in err
    assert "--cluster local:N" in err and "Traceback" not in err
    assert time.monotonic() - started < CONNECT_SECONDS + 20
    assert _stored(tmp_path / "x.db") == 0


def test_cluster_cli_refuses_what_is_no_address(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(_STORY.format(place="Goma", n=3), encoding="utf-8")
    for bad, said in (("local:0", "is no local cluster"), ("local:two", "is no local cluster"),
                      ("tcp://nohost", "is no Dask scheduler address"), ("", "is no Dask scheduler address")):
        result = CliRunner().invoke(main, ["code", str(tmp_path / "a.txt"), "--db", str(tmp_path / "x.db"),
                                           "--cluster", bad])
        assert result.exit_code == 2 and said in result.output, (bad, result.output)
        assert not (tmp_path / "x.db").exists()


def test_cluster_addresses_accepted() -> None:
    assert parse_address("local:2") == "local:2"
    assert parse_address(" LOCAL:03 ") == "local:3"
    assert parse_address("10.0.0.5:8786") == "tcp://10.0.0.5:8786"
    assert parse_address("tls://scheduler.example:8786") == "tls://scheduler.example:8786"
