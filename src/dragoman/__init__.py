"""dragoman: raw news in, PLOVER/CAMEO political event data out."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def _started_as_command() -> bool:
    """Whether this process is the ``dragoman`` command (``dragoman ...`` or ``python -m dragoman ...``)."""
    argv = getattr(sys, "orig_argv", [])
    by_module = any(flag == "-m" and name == "dragoman" for flag, name in zip(argv, argv[1:]))
    return by_module or Path(sys.argv[0] if sys.argv else "").stem in ("dragoman", "dragoman-script")


# One OpenBLAS thread in the command's processes (its coding workers are forked from it), set before NumPy loads
# OpenBLAS (spaCy imports it below; the count is read once, when the library loads: setting it later did not
# help). The model's matrices are small: with a thread per core, OpenBLAS parsed the 300 LGL articles with
# ~12 % more CPU and wall time in one process, and the workers' threads compete for the same cores. The
# results are the same (bench/bench_coding.py's outputs are identical). Only for the command: a program that
# imports dragoman keeps its own setting, and an OPENBLAS_NUM_THREADS already set is kept.
if _started_as_command():
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from .errors import DragomanError  # noqa: E402 - after the thread count
from .model import Actor, Article, CleanDoc, Counts, Event, Evidence, Place, When  # noqa: E402
from .pipeline import BatchSummary, code_articles, code_files, code_text  # noqa: E402

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "BatchSummary",
    "CleanDoc",
    "Counts",
    "DragomanError",
    "Event",
    "Evidence",
    "Place",
    "When",
    "code_articles",
    "code_files",
    "code_text",
]
