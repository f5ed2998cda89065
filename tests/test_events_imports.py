"""No module of dragoman.extract.events imports (at any level, inside functions too) a module that imports it back."""

from __future__ import annotations

import ast
from pathlib import Path

import dragoman

ROOT = Path(dragoman.__file__).resolve().parent.parent


def _name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_name(p): p for p in (ROOT / "dragoman").rglob("*.py")}


def _imports(name: str) -> set[str]:
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            out |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rsplit(".", 1)[0]
            module = (f"{base}.{node.module}" if node.module else base) if node.level else str(node.module)
            submodules = {f"{module}.{alias.name}" for alias in node.names} & MODULES.keys()
            # "from package import submodule" imports the submodule; the package is a parent, imported anyway
            out |= submodules if len(submodules) == len(node.names) else submodules | {module}
    return out & MODULES.keys()


def test_no_import_cycle_through_the_events_package() -> None:
    graph = {name: _imports(name) for name in MODULES}

    def reachable(start: str) -> set[str]:
        seen: set[str] = set()
        todo = [start]
        while todo:
            for nxt in graph[todo.pop()] - seen:
                seen.add(nxt)
                todo.append(nxt)
        return seen

    events = [name for name in MODULES if name.startswith("dragoman.extract.events")]
    assert len(events) >= 10
    cycles = [f"{name} -> {other}" for name in events for other in graph[name] if name in reachable(other)]
    assert cycles == []
