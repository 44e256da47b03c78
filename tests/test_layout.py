"""Architecture checks: the core never imports Qt; only recap_app/ui does."""

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
