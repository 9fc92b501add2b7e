"""Imports go one way: storage imports nothing above it, and the read side does not reach the
write side (ingest) nor extraction. Read from the source with ``ast``, so nothing is imported."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SERVICE = ROOT / "service"
#: The leaf storage may import: the vocabularies.
STORAGE_MAY_IMPORT: frozenset[str] = frozenset({"service.vocabulary"})


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
            # ``from . import search`` imports the module service.storage.search; the package
            # itself counts when a name defined in it is imported (``from .. import create_app``)
            modules = {
                f"{base}.{alias.name}"
                for alias in node.names
                if module_path(f"{base}.{alias.name}") is not None
            }
            found |= modules
            if len(modules) < len(node.names):
                found.add(base)
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


#: Leaf modules: they import no module of the service (standard library and third parties only).
LEAVES = (
    "service.vocabulary",
    "service.exceptions",
    "service.text",
    "service.shapes",
    "service.budget",
)

#: What each part may import of the service (itself always): the architecture, one rule per
#: part. api -> read/write (and the edge's pieces a view needs) -> storage; events and temporal
#: are pure; the read side never reaches the write side or extraction; the edge knows no view.
MAY_IMPORT: dict[str, tuple[str, ...]] = {
    **{leaf: () for leaf in LEAVES},
    "service.config": (),
    "service.data": (),
    "service.temporal": ("service.vocabulary",),
    "service.events": ("service.temporal", "service.vocabulary", "service.text"),
    "service.storage": ("service.vocabulary",),
    "service.formats": LEAVES,
    "service.read": ("service.storage", *LEAVES),
    "service.write": ("service.storage", "service.events", "service.temporal", "schemas", *LEAVES),
    "service.errors": ("service.exceptions",),
    "service.db": ("service.storage",),
    "service.edge": ("service.storage", "service.errors", "service.config", *LEAVES),
    "service.api": (
        "service.queue",
        "service.config",
        "service.read",
        "service.write",
        "service.edge",
        "service.formats",
        "service.storage",
        "service.temporal",
        "service.errors",
        "schemas",
        *LEAVES,
    ),
    "service.web": ("service.storage", *LEAVES),
    # the job queue: an entry point like the command (its workers build the app's context)
    "service.queue": ("service.write", "service.storage", "service.errors", "schemas", *LEAVES),
    "service.cli": (
        "service.write",
        "service.edge",
        "service.queue",
        "service.storage",
        "service.config",
        *LEAVES,
    ),
    "schemas": ("service.vocabulary",),
}
#: Parts that run without Flask or a database (no flask, werkzeug, peewee or playhouse).
PURE = (
    "service.temporal",
    "service.events",
    "service.formats.common",
    "service.read.rendering",
    *LEAVES,
)
#: Parts that may use peewee but never Flask's request or app.
NO_FLASK = ("service.storage", "service.read", "service.write", "service.formats", "schemas")


def part_of(name: str) -> str | None:
    """The part (a key of MAY_IMPORT) module ``name`` belongs to: the longest that holds it."""
    parts = [p for p in MAY_IMPORT if within(name, p)]
    return max(parts, key=len) if parts else None


def all_modules() -> list[Path]:
    files = sorted((ROOT / "service").rglob("*.py")) + sorted((ROOT / "schemas").rglob("*.py"))
    return [p for p in files if "static" not in p.parts]


MODULES = all_modules()


def test_every_module_belongs_to_a_part():
    # The package's own __init__ (the app factory) may import any part; every other module
    # needs a rule, so a new package or module is placed on purpose.
    homeless = [module_name(p) for p in MODULES if module_name(p) != "service"]
    homeless = [m for m in homeless if part_of(m) is None]
    assert not homeless, f"modules with no rule in MAY_IMPORT: {homeless}"


def backwards(path: Path) -> set[str]:
    """The service modules ``path`` imports that its part may not."""
    name = module_name(path)
    part = part_of(name)
    if part is None:
        return set()
    allowed = (part, *MAY_IMPORT[part])
    found = {m for m in imports_of(path) if is_service(m) or within(m, "schemas")}
    return {m for m in found if not any(within(m, a) for a in allowed)}


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_imports_go_one_way(path):
    wrong = backwards(path)
    assert not wrong, f"{module_name(path)} ({part_of(module_name(path))}) imports {sorted(wrong)}"


def third_party_roots(path: Path) -> set[str]:
    return {m.split(".")[0] for m in imports_of(path)}


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_pure_parts_use_neither_flask_nor_the_database(path):
    name = module_name(path)
    roots = third_party_roots(path)
    if any(within(name, p) for p in PURE):
        assert not roots & {"flask", "werkzeug", "peewee", "playhouse"}, (name, roots)
    if any(within(name, p) for p in NO_FLASK):
        assert "flask" not in roots, name


def import_cycles() -> list[list[str]]:
    """Rings of service modules importing each other, lazy imports included (Tarjan)."""
    graph = {module_name(p): {m for m in imports_of(p) if module_path(m)} for p in MODULES}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph.get(v, ()):
            if w not in graph:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            ring = []
            while True:
                w = stack.pop()
                ring.append(w)
                if w == v:
                    break
            if len(ring) > 1:
                cycles.append(sorted(ring))

    for v in graph:
        if v not in index:
            visit(v)
    return cycles


def test_no_import_cycles():
    assert import_cycles() == []


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


READ_MODULES = sorted(module_name(p) for p in (SERVICE / "read").glob("*.py"))


@pytest.mark.parametrize("forbidden", ["service.write", "service.events", "service.temporal"])
@pytest.mark.parametrize("start", READ_MODULES)
def test_the_read_side_does_not_reach_ingest_nor_extraction(start, forbidden):
    reached = {m for m in reachable(start) if within(m, forbidden)}
    assert not reached, f"{start} reaches {sorted(reached)}"


def test_the_check_fails_on_a_planted_backwards_import(tmp_path, monkeypatch):
    # storage importing the read side, and the read side importing the write side: both found.
    planted = ROOT / "service" / "read" / "planted_for_test.py"
    source = "from ..write import pipeline\nfrom .. import events\n"
    monkeypatch.setattr(Path, "read_text", lambda self, *a, **k: source)
    assert backwards(planted) == {"service.write.pipeline", "service.events"}
    planted = ROOT / "service" / "storage" / "planted_for_test.py"
    source = "from ..read import queries\n"
    assert backwards(planted) == {"service.read.queries"}


def test_the_cycle_check_finds_a_planted_ring(monkeypatch):
    sources = {
        "service/read/cache.py": "from .rendering import to_json\n",
        "service/read/rendering.py": "from .cache import RenderedEvents\n",
    }
    real = Path.read_text

    def read_text(self, *args, **kwargs):
        key = str(self.relative_to(ROOT)) if self.is_relative_to(ROOT) else None
        return sources.get(key) or real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", read_text)
    assert ["service.read.cache", "service.read.rendering"] in import_cycles()


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
    assert {"service.storage.search", "service.storage.connection"} <= found
    assert "service.storage" not in found  # only modules were imported from the package
    assert "peewee" in found


def test_the_check_resolves_a_package_s_own_relative_imports():
    found = imported_modules("from . import order\nfrom .. import text", "service.storage", True)
    assert found == {"service.storage.order", "service.text"}
    # a name defined in a package's __init__ imports the package itself
    assert imported_modules("from .. import create_app", "service.edge.server", False) == {
        "service"
    }


def private_names_taken(source: str, name: str) -> set[str]:
    """Names starting with one underscore that module ``name`` (its ``source``) takes from
    another module of ours: ``from .x import _name``, or ``x._name`` on a module it imported."""
    package = name.rpartition(".")[0]
    tree = ast.parse(source)
    modules: set[str] = set()  # local names bound to our modules
    taken: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            for alias in node.names:
                local = alias.asname or alias.name
                if module_path(f"{base}.{alias.name}") is not None:
                    modules.add(local)
                elif alias.name.startswith("_") and not alias.name.startswith("__"):
                    taken.add(f"{base}.{alias.name}")
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in modules
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
        ):
            taken.add(f"{node.value.id}.{node.attr}")
    return taken


EVENTS_MODULES = sorted((SERVICE / "events").glob("*.py"))
#: Known exceptions, to go: entities.py reads the actors' gazetteer (actors.py does not
#: expose it yet).
PRIVATE_KNOWN = {"entities.py": {"service.events.actors._gazetteer"}}


@pytest.mark.parametrize("path", EVENTS_MODULES, ids=lambda p: p.name)
def test_event_stages_take_no_private_names_from_each_other(path):
    """Each stage of the events package reads alone: no module reaches into another's
    private helpers (issue 26: phrases.py used to import predicates.py's)."""
    taken = private_names_taken(path.read_text(), module_name(path))
    assert taken <= PRIVATE_KNOWN.get(path.name, set())


def test_the_private_name_check_sees_both_spellings():
    planted = (
        "from service.events.lexicon import _rule\nfrom service.events import syntax\n"
        "x = syntax._hidden\n"
    )
    found = private_names_taken(planted, "service.events.planted")
    assert found == {"service.events.lexicon._rule", "syntax._hidden"}
