"""Imports go one way: storage imports nothing above it, and the read side does not reach the
write side (ingest) nor extraction. Read from the source with ``ast``, so nothing is imported."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SERVICE = ROOT / "service"
#: Pure leaf modules storage may import (none today: storage keeps what it needs).
STORAGE_MAY_IMPORT: frozenset[str] = frozenset()


def module_path(name: str) -> Path | None:
    """The file of module ``name`` (``service.x.y``), or None when it is not a module of ours."""
    base = ROOT.joinpath(*name.split("."))
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(source: str, name: str, is_package: bool) -> set[str]:
    """Every module ``source`` (module ``name``) imports, anywhere in it, absolute names."""
    package = name if is_package else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            else:
                base = node.module or ""
            found.add(base)
            # ``from . import search`` imports the module service.storage.search
            found |= {
                f"{base}.{alias.name}"
                for alias in node.names
                if module_path(f"{base}.{alias.name}") is not None
            }
    return found


def imports_of(path: Path) -> set[str]:
    return imported_modules(path.read_text(), module_name(path), path.name == "__init__.py")


def is_service(name: str) -> bool:
    return name == "service" or name.startswith("service.")


def reachable(start: str) -> set[str]:
    """The service modules ``start`` imports, directly or through others (a package's own
    ``__init__`` is only counted when it is imported by name)."""
    seen, todo = set(), [start]
    while todo:
        name = todo.pop()
        path = module_path(name)
        if name in seen or path is None:
            continue
        seen.add(name)
        todo += [m for m in imports_of(path) if is_service(m)]
    return seen - {start}


def within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


STORAGE_MODULES = sorted((SERVICE / "storage").glob("*.py"))


@pytest.mark.parametrize("path", STORAGE_MODULES, ids=lambda p: p.name)
def test_storage_imports_nothing_above_it(path):
    outside = {
        m
        for m in imports_of(path)
        if is_service(m) and not within(m, "service.storage") and m not in STORAGE_MAY_IMPORT
    }
    assert not outside, f"{module_name(path)} imports {sorted(outside)}"


def test_storage_modules_are_found():
    names = {p.stem for p in STORAGE_MODULES}
    assert {"connection", "models", "search", "indexes", "schema", "order"} <= names


@pytest.mark.parametrize("forbidden", ["service.write.pipeline", "service.events"])
def test_the_read_side_does_not_reach_ingest_nor_extraction(forbidden):
    reached = {m for m in reachable("service.read.queries") if within(m, forbidden)}
    assert not reached, f"service.read.queries reaches {sorted(reached)}"


BAD = """
from __future__ import annotations

import peewee as pw

from . import search
from .connection import database


def f():
    from ..write.pipeline import ingest
"""


def test_the_check_sees_a_relative_import_from_above_even_inside_a_function():
    found = imported_modules(BAD, "service.storage.indexes", is_package=False)
    assert "service.write.pipeline" in found
    assert {"service.storage", "service.storage.search", "service.storage.connection"} <= found
    assert "peewee" in found


def test_the_check_resolves_a_package_s_own_relative_imports():
    found = imported_modules("from . import order\nfrom .. import text", "service.storage", True)
    assert found == {"service.storage", "service.storage.order", "service", "service.text"}


@pytest.mark.parametrize("name", ["service.read.rendering", "service.text"])
def test_pure_modules_import_only_the_standard_library(name):
    third_party = {"flask", "peewee", "playhouse", "marshmallow", "service", "schemas"}
    found = {m.split(".")[0] for m in imports_of(module_path(name))} & third_party
    assert not found, f"{name} imports {sorted(found)}"


def import_cycle(package: str) -> list[str] | None:
    """A cycle among ``package``'s modules (a package's ``__init__`` left out, since ``from .
    import x`` names it without running anything of it), or None."""
    folder = module_path(package).parent
    graph = {
        module_name(path): {
            m
            for m in imports_of(path)
            if within(m, package) and module_path(m) != folder / "__init__.py"
        }
        for path in sorted(folder.glob("*.py"))
        if path.name != "__init__.py"
    }
    done: set[str] = set()

    def visit(name: str, trail: list[str]) -> list[str] | None:
        if name in trail:
            return trail[trail.index(name) :] + [name]
        if name in done:
            return None
        for nxt in sorted(graph.get(name, ())):
            if cycle := visit(nxt, trail + [name]):
                return cycle
        done.add(name)
        return None

    return next((c for name in graph if (c := visit(name, []))), None)


@pytest.mark.parametrize("package", ["service.temporal"])
def test_imports_within_a_pure_package_run_one_way(package):
    cycle = import_cycle(package)
    assert cycle is None, " -> ".join(cycle or [])


def test_the_cycle_check_finds_a_lazy_import_cycle(tmp_path, monkeypatch):
    package = tmp_path / "service" / "loop"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("from .a import f\n")
    (package / "a.py").write_text("from . import b\n")
    (package / "b.py").write_text("def g():\n    from .a import f\n")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert import_cycle("service.loop") == ["service.loop.a", "service.loop.b", "service.loop.a"]
