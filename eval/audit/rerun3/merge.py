"""Write rerun3/judgements.psv: carried.psv + fresh.psv in the order of rerun3/coded.jsonl."""
from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    coded = [json.loads(line) for line in (HERE / "coded.jsonl").open(encoding="utf-8")]
    rows = [line.rstrip("\n").split("|") for name in ("carried.psv", "fresh.psv")
            for line in (HERE / name).open(encoding="utf-8") if line.strip()]
    out = []
    for e in coded:
        match = [r for r in rows if r[0] == e["story_id"] and e["event_id"].startswith(r[1])]
        assert len(match) == 1, (e["story_id"], e["event_id"], len(match))
        out.append("|".join(match[0]))
    assert len(out) == len(rows), (len(out), len(rows))
    (HERE / "judgements.psv").write_text("".join(r + "\n" for r in out), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
