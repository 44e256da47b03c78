"""Architecture checks (docs/architecture.md): the layers, no import circles, Qt only in recap_app/ui."""

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent / "recap_app"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_and_cli_never_import_qt():
    offenders = []
    for path in PKG.rglob("*.py"):
        if "ui" in path.relative_to(PKG).parts:
            continue
        if any(m.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6"} for m in imported_modules(path)):
            offenders.append(str(path.relative_to(PKG)))
    assert offenders == []


def test_core_import_does_not_load_qt():
    import subprocess
    import sys

    code = ("import sys, recap_app.cli, recap_app.core.store, recap_app.core.demo; "
            "print(any(m.startswith('PySide6') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_ui_operations_never_import_qt():
    """The window's background jobs (recap_app/ui/operations.py) are plain functions over the core."""
    mods = imported_modules(PKG / "ui" / "operations.py")
    assert not any(m.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6"} for m in mods)


def ui_import_graph() -> dict[str, set[str]]:
    """{module: the recap_app.ui modules it imports}, counting imports inside functions too."""
    graph: dict[str, set[str]] = {}
    for path in (PKG / "ui").rglob("*.py"):
        parts = ("recap_app",) + path.relative_to(PKG).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        package = parts[:-1]  # what "." means in this file
        known = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                known.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = package[:len(package) - node.level + 1] if node.level else ()
                module = ".".join(base + tuple((node.module or "").split(".")) if node.module else base)
                known.add(module)
                known.update(f"{module}.{a.name}" for a in node.names)  # "from . import fmt"
        graph[name] = {m for m in known if m.startswith("recap_app.ui.") or m == "recap_app.ui"}
    return {k: {m for m in v if m in graph and m != k} for k, v in graph.items()}


def test_no_import_circle_in_the_ui():
    graph = ui_import_graph()
    assert "recap_app.ui.app" not in graph["recap_app.ui.main_window"]
    circles = []

    def visit(node, path):
        for nxt in sorted(graph[node]):
            if nxt in path:
                circles.append(path[path.index(nxt):] + [nxt])
            elif nxt not in done:
                visit(nxt, path + [nxt])
        done.add(node)

    done: set[str] = set()
    for start in sorted(graph):
        if start not in done:
            visit(start, [start])
    assert circles == []


#: the layers of docs/architecture.md, bottom first: a module imports only its own layer or lower ones
LAYERS = (
    ("errors", "clock", "formatting", "terbilang", "paths", "text", "domain", "cli_i18n", "faults", "files",
     "loading"),
    ("forms", "seats"),
    ("election", "rules"),
    ("schema", "store", "state", "headlog", "status", "continuity"),
    ("audit", "audit_text", "auth", "outputs", "totals", "office_key"),
    ("backup", "drafts", "compare", "reconcile", "anchors", "linked", "tps"),
    ("certificate", "integrity", "allocation", "tps_check", "startup"),
    ("double_entry", "importer", "documents", "export", "bundle", "demo", "publish", "restore", "dct", "tps_import"),
    ("commands", "ui"),
    ("cli", "__main__"),
)


def module_name(path: Path) -> str:
    parts = ("recap_app",) + path.relative_to(PKG).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """{module: the recap_app modules it imports}, counting imports inside functions too."""
    graph: dict[str, set[str]] = {}
    for path in PKG.rglob("*.py"):
        name = module_name(path)
        parts = tuple(name.split("."))
        package = parts if path.name == "__init__.py" else parts[:-1]
        known = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                known.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = package[:len(package) - node.level + 1] if node.level else ()
                module = ".".join(base + tuple(node.module.split("."))) if node.module else ".".join(base)
                known.add(module)
                known.update(f"{module}.{a.name}" for a in node.names)
        graph[name] = known
    return {k: {m for m in v if m in graph and m != k and not k.startswith(m + ".")} for k, v in graph.items()}


def layer_of(module: str) -> int:
    rest = module.split(".")[1:] or ["__init__"]
    if rest[0] == "core":
        rest = rest[1:] or ["errors"]
    for i, names in enumerate(LAYERS):
        if rest[0] in names:
            return i
    raise AssertionError(f"{module} is in no layer of docs/architecture.md")


def test_every_import_goes_down_or_across_the_layers():
    upward = [(a, b) for a, targets in import_graph().items() for b in targets
              if b != "recap_app" and layer_of(b) > layer_of(a)]
    assert upward == []


def test_no_import_circle_in_the_program():
    graph = import_graph()
    circles = []
    state: dict[str, int] = {}

    def visit(node, path):
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                circles.append(path[path.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = 2

    for start in sorted(graph):
        if start not in state:
            visit(start, [start])
    assert circles == []
