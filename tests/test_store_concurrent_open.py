"""Processes opening a new store at the same time: each migration applied once, every process gets a store.

Before the check moved inside the write transaction, two first opens both saw "nothing applied" and the second
failed with "table documents already exists"; switching a brand-new file to WAL failed with "database is locked".
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from dragoman import store

PROCESSES = 4
ROUNDS = 3

# Every process imports dragoman (seconds on a busy machine), says it is ready, waits for the go file, then opens
# the store and records a row of its own.
_OPEN_AT_ONCE = """
import os, sys, time
from dragoman import store
print("ready", flush=True)
while not os.path.exists(sys.argv[2]):
    time.sleep(0.001)
conn = store.connect(sys.argv[1])
conn.execute("INSERT INTO migrations VALUES (?, 'process', 'now')", (1000 + int(sys.argv[3]),))
conn.close()
"""


def test_store_first_opens_at_once(tmp_path: Path) -> None:
    versions = sorted(version for version, _d, _s in store.MIGRATIONS)
    for round_ in range(ROUNDS):
        db, go = tmp_path / f"new{round_}.db", tmp_path / f"go{round_}"
        procs = [subprocess.Popen([sys.executable, "-c", _OPEN_AT_ONCE, str(db), str(go), str(n)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for n in range(PROCESSES)]
        for proc in procs:
            assert proc.stdout is not None and proc.stdout.readline() == "ready\n", proc.communicate()
        go.touch()
        results = [(proc.wait(timeout=120), proc.communicate()[1]) for proc in procs]
        assert [code for code, _err in results] == [0] * PROCESSES, [err for _code, err in results]
        conn = sqlite3.connect(db)
        recorded = [row[0] for row in conn.execute("SELECT version FROM migrations ORDER BY version")]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        conn.close()
        assert recorded == versions + [1000 + n for n in range(PROCESSES)]
        assert {"documents", "events", "event_countries", "agg_country_kind"} <= tables
