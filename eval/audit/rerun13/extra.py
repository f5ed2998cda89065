"""Figures of rerun13/README.md that compile_audit.py does not print: the per-story table, `confidence` against
the verdicts (rank AUC), and what left since re-run 12 (rerun13/gone.psv, split by the record's presence in
coded_nocheck.jsonl: the same code at the same commit with the check off)."""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from rerun_tools import print_figures  # noqa: E402

if __name__ == "__main__":
    print_figures(HERE, HERE.parent / "rerun12", "re-run 12")
