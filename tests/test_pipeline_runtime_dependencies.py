"""Coding, story linking and the API run on the runtime dependencies alone: the development-only packages
(scikit-learn, pandas, duckdb, ...) are not installed on a user's machine. A real subprocess codes the examples
into a real SQLite file with those packages made unimportable."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

DEV_ONLY = ("sklearn", "pandas", "duckdb", "pytest", "playwright", "schemathesis")


def test_code_and_serve_without_development_packages(examples_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "runtime.db"
    script = textwrap.dedent(f"""
        import sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in {DEV_ONLY!r}:
                    raise ModuleNotFoundError(f"{{name}} is a development dependency", name=name)
                return None
        sys.meta_path.insert(0, Block())
        from dragoman.cli import main
        sys.argv = ["dragoman", "code", {str(examples_dir)!r}, "--db", {str(db)!r}, "--published", "2024-01-23",
                    "--workers", "1"]
        try:
            main()
        except SystemExit as exit:
            if exit.code:
                raise
        from dragoman.api import create_app
        create_app({str(db)!r})
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    import sqlite3

    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] > 0
        assert conn.execute("SELECT COUNT(*) FROM story_documents").fetchone()[0] > 0
