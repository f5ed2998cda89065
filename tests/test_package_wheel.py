"""The wheel users install holds the whole product: the built web UI, the trained models, the lexicons.

A wheel built without the UI served an empty page. The test builds the wheel from a copy of the source (the
checkout is not touched), installs it into a fresh virtual environment outside the repository, codes an
example with that installation and fetches the UI from its `dragoman serve`. The fresh environment sees the
dependencies of the project's own environment through a path file (installing spaCy and the rest again from
the index would take minutes and the network); dragoman itself comes from the wheel alone, which the test
checks.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import sysconfig
import time
import zipfile
from pathlib import Path

import httpx
import pytest

from dragoman.api import BUILT_ASSETS, ui_built

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "sudan_darfur_airstrike.txt"

pytestmark = pytest.mark.skipif(not ui_built(), reason="web UI not built: run `make ui` (needs Node.js and npm)")


def _run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    run = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=600, cwd=cwd)
    assert run.returncode == 0, f"{args}: {run.stdout[-2000:]}\n{run.stderr[-2000:]}"
    return run


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(ROOT / "src", source / "src",
                    ignore=shutil.ignore_patterns("*.egg-info", "__pycache__", "node_modules"))
    out = tmp_path_factory.mktemp("dist")
    _run(sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", out, source)
    (built,) = out.glob("dragoman-*.whl")
    return built


def test_package_wheel_holds_the_ui_models_and_lexicons(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for asset in BUILT_ASSETS:
        assert f"dragoman/web/static/{asset}" in names, asset
    for shipped in ("dragoman/web/static/index.html", "dragoman/web/static/app.js", "dragoman/data/detector.json",
                    "dragoman/lexicon/events.yaml", "dragoman/lexicon/countries.tsv"):
        assert shipped in names, shipped
    assert not any(n.startswith(("tests/", "bench/")) or "node_modules" in n for n in names)


def test_package_wheel_installed_elsewhere_codes_and_serves_the_ui(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / "bin" / "python"
    site = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").stdout.strip())
    (site / "project_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", "-q", wheel)
    where = _run(python, "-c", "import dragoman; print(dragoman.__file__)", cwd=tmp_path).stdout.strip()
    assert Path(where).is_relative_to(venv), where  # the wheel's copy, not the checkout's

    db = tmp_path / "events.db"
    coded = _run(python, "-m", "dragoman", "code", EXAMPLE, "--db", db, "--published", "2024-01-23", cwd=tmp_path)
    assert "coded 1" in coded.stdout + coded.stderr
    port = _free_port()
    server = subprocess.Popen([str(python), "-m", "dragoman", "serve", "--db", str(db), "--port", str(port)],
                              cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                page = httpx.get(url + "/", timeout=5)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail(f"dragoman serve did not answer: {server.communicate(timeout=5)}")
                time.sleep(0.2)
        assert page.status_code == 200 and "dragoman" in page.text and "app.js" in page.text
        assert httpx.get(url + "/static/vendor/leaflet.js", timeout=5).status_code == 200
        events = httpx.get(url + "/api/events", timeout=5).json()
        assert events["total"] > 0
    finally:
        server.terminate()
        server.wait(timeout=20)
