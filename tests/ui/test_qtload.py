"""PySide6's scan of every imported module's source, answered from the file's bytes (ui/qtload.py)."""

from __future__ import annotations

import subprocess
import sys
import types

from recap_app.ui import qtload


def test_the_quick_scan_gives_pyside_s_answer_for_every_loaded_module(qapp):
    import recap_app.ui.main_window  # noqa: F401 - the window's modules, and Babel's
    from recap_app.core import formatting

    formatting.local_time("2019-05-21T01:02:03+00:00")
    feature = sys.modules["shibokensupport.feature"]
    qtload.quick_source_scan()
    quick = feature._mod_uses_pyside
    assert quick.quick
    upstream = quick.upstream
    modules = [m for m in list(sys.modules.values()) if isinstance(getattr(m, "__file__", None), str)]
    assert len(modules) > 100
    answers = [(m.__name__, quick(m)) for m in modules]
    assert answers == [(m.__name__, upstream(m)) for m in modules]
    assert ("recap_app.ui.main_window", True) in answers and ("recap_app.core.store", False) in answers
    assert qtload.quick_source_scan() is False  # once only
    assert feature._mod_uses_pyside is quick


def test_a_module_without_a_readable_source_is_asked_the_way_pyside_asks(qapp, tmp_path):
    qtload.quick_source_scan()
    quick = sys.modules["shibokensupport.feature"]._mod_uses_pyside
    gone = types.ModuleType("gone")
    gone.__file__ = str(tmp_path / "gone.py")  # no such file
    assert quick(gone) is quick.upstream(gone) is False
    assert quick(sys) is False  # built in: no file at all


def test_without_pyside_loaded_nothing_is_replaced():
    code = ("import sys\nfrom recap_app.ui import qtload\n"
            "print(qtload.quick_source_scan(), 'shibokensupport.feature' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False"]
