"""Write rerun13/judgements.psv: carried.psv + fresh.psv in the order of rerun13/coded.jsonl."""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from rerun_tools import merge  # noqa: E402

if __name__ == "__main__":
    merge(HERE)
