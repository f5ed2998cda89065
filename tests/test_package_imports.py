"""The dragoman package has no import cycle between its modules, and every module imports cleanly.

The import graph is read from the source with ``ast``: every ``import`` and ``from ... import`` at any
nesting level (inside functions and under ``if TYPE_CHECKING:`` too), relative imports resolved.
``from package import name`` imports ``package.name`` when that is a module, else ``package`` itself (its
``__init__``). A package importing its own submodules is an edge like any other; a submodule importing its
parent package's ``__init__`` (``from .. import X``, X defined there) closes a cycle with it.
"""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

import dragoman

PACKAGE_DIR = Path(dragoman.__file__).resolve().parent


def _module_name(path: Path) -> str:
    parts = ["dragoman", *path.relative_to(PACKAGE_DIR).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES: dict[str, Path] = {_module_name(path): path for path in sorted(PACKAGE_DIR.rglob("*.py"))}


def _owning_module(dotted: str) -> str | None:
    """``dotted`` if it is a module of the package, else the longest leading part that is (None: outside)."""
    parts = dotted.split(".")
    for end in range(len(parts), 0, -1):
        candidate = ".".join(parts[:end])
        if candidate in MODULES:
            return candidate
    return None


def _imported(name: str) -> set[str]:
    """The package's modules that module ``name`` imports anywhere in its source."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str | None] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(_owning_module(alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                source = f"{base}.{node.module}" if node.module else base
            else:
                source = node.module or ""
            for alias in node.names:
                submodule = f"{source}.{alias.name}"
                found.add(submodule if submodule in MODULES else _owning_module(source))
    return {module for module in found if module is not None and module != name}


GRAPH: dict[str, set[str]] = {name: _imported(name) for name in MODULES}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle (as a path that returns to its start) for each strongly connected group of modules."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def visit(node: str) -> None:  # Tarjan's algorithm; the graph is small enough for recursion
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return [_cycle_in(graph, group) for group in groups]


def _cycle_in(graph: dict[str, set[str]], group: set[str]) -> list[str]:
    """A shortest path from the group's first module back to itself, inside the group."""
    start = min(group)
    paths = {start: [start]}
    todo = [start]
    while todo:
        node = todo.pop(0)
        for nxt in sorted(graph[node] & group):
            if nxt == start:
                return [*paths[node], start]
            if nxt not in paths:
                paths[nxt] = [*paths[node], nxt]
                todo.append(nxt)
    raise AssertionError(f"no cycle through {start} in {sorted(group)}")


def test_the_graph_reads_the_package() -> None:
    assert len(MODULES) >= 50 and "dragoman" in MODULES and "dragoman.extract.events.detector" in MODULES
    assert "dragoman.nlp" in GRAPH["dragoman.pipeline"]  # imported inside a function
    assert "dragoman.errors" in GRAPH["dragoman.nlp"]  # a relative import at the top
    assert "dragoman.pipeline" in GRAPH["dragoman"]  # a package importing its own submodule


def test_cycles_are_found_and_printed() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"e2"}, "e2": set()}
    assert _cycles(graph) == [["a", "b", "c", "a"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_between_modules() -> None:
    cycles = _cycles(GRAPH)
    assert not cycles, "import cycles:\n" + "\n".join("  " + " -> ".join(cycle) for cycle in cycles)


@pytest.mark.parametrize("name", sorted(name for name in MODULES if name != "dragoman.__main__"))
def test_module_imports_cleanly(name: str) -> None:
    importlib.import_module(name)


def test_main_module_runs() -> None:
    """``dragoman.__main__`` runs the command line when imported (that is what ``python -m`` does)."""
    done = subprocess.run([sys.executable, "-m", "dragoman", "--help"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Usage" in done.stdout
