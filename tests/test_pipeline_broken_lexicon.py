"""A broken lexicon is the installation's fault, not the documents': the batch stops with the fix.

Before, a bare DragomanError from the lexicon was taken for a per-document failure, so every document of the
batch was stored as failed with the same reason. A real subprocess of the CLI reads a lexicon file on disk
with a bad entry.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from dragoman.errors import BROKEN_INSTALLATION, LexiconError
from dragoman.extract.events.triggers import LEXICON_PATH

_RUN_WITH_LEXICON = (
    "import sys; from pathlib import Path; import dragoman.extract.events.triggers as t; "
    "t.LEXICON_PATH = Path(sys.argv[1]); sys.argv = ['dragoman', *sys.argv[2:]]; "
    "from dragoman.cli import main; main()"
)


def test_lexicon_error_is_a_broken_installation() -> None:
    assert issubclass(LexiconError, BROKEN_INSTALLATION)
    assert LexiconError("x").stage == "lexicon"


def test_pipeline_broken_lexicon_stops_the_batch_and_fails_no_document(tmp_path: Path) -> None:
    lexicon = tmp_path / "events.yaml"
    # a bad entry inside the verbs list (a second "verbs:" key would be refused first, as a key given twice)
    text = LEXICON_PATH.read_text("utf-8").replace("\nverbs:\n", "\nverbs:\n  smite: NOT_A_TYPE 190\n", 1)
    lexicon.write_text(text, "utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for k in range(3):
        (corpus / f"story{k}.txt").write_text(f"Police arrested {k + 2} protesters in Nairobi on Tuesday.\n")
    db = tmp_path / "out.db"
    run = subprocess.run([sys.executable, "-c", _RUN_WITH_LEXICON, str(lexicon), "code", str(corpus), "--db", str(db),
                          "--workers", "1"], capture_output=True, text=True, timeout=600)
    assert run.returncode == 1, run
    assert "Traceback" not in run.stderr
    assert "NOT_A_TYPE" in run.stderr and str(lexicon) in run.stderr  # the value and the file to fix
    if db.exists():
        failed = sqlite3.connect(db).execute("SELECT COUNT(*) FROM documents WHERE status = 'failed'").fetchone()[0]
        assert failed == 0
