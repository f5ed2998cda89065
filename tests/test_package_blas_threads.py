"""The `dragoman` command runs with one OpenBLAS thread; a program importing dragoman keeps its own setting."""

from __future__ import annotations

import os
import subprocess
import sys

_PRINT = "import os, dragoman; print(os.environ.get('OPENBLAS_NUM_THREADS'))"


def _run(code: str, **env: str) -> str:
    environ = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"} | env
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=environ, check=True)
    return done.stdout.strip()


def test_command_sets_one_blas_thread() -> None:
    # sys.argv[0] as the console script sets it: the command's name
    assert _run(f"import sys; sys.argv = ['/usr/bin/dragoman', 'code']; {_PRINT}") == "1"


def test_command_keeps_a_count_already_set() -> None:
    assert _run(f"import sys; sys.argv = ['/usr/bin/dragoman', 'code']; {_PRINT}", OPENBLAS_NUM_THREADS="3") == "3"


def test_library_import_leaves_blas_alone() -> None:
    assert _run(_PRINT) == "None"
