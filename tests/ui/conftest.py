"""Fixtures for the desktop program's tests: a main window over the CONTOH workspace."""

import pytest


def pytest_collection_modifyitems(config, items):
    """The offscreen platform warns that it cannot propagate size hints, raise a window or grab the
    keyboard (a file dialog's completer): not our fault."""
    for item in items:
        item.add_marker(pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise",
                                                  "grabbing the keyboard"))


@pytest.fixture
def window(qtbot, demo_ws):
    """The main window over the 35 real certificates (CONTOH), shown offscreen."""
    from recap_app.ui.app import make_app
    from recap_app.ui.main_window import MainWindow

    make_app("id")
    w = MainWindow(demo_ws, "tester")
    qtbot.addWidget(w)
    w.resize(1440, 900)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def editor(window):
    """The certificate editor with Kabupaten Cilacap (33.01) open."""
    window.open_region("33.01")
    return window.editor


@pytest.fixture(autouse=True)
def _no_blocking_message_boxes(monkeypatch):
    """A message box in a test would wait for a click forever: fail with its text instead."""
    from PySide6.QtWidgets import QMessageBox

    def fail(box):
        raise AssertionError(f"unexpected message box: {box.windowTitle()}: {box.text()}")

    monkeypatch.setattr(QMessageBox, "exec", fail)


@pytest.fixture(scope="session")
def _demo_master(tmp_path_factory):
    """The CONTOH workspace made once per session (closed, so the file is complete)."""
    from recap_app.core.demo import make_demo

    path = tmp_path_factory.mktemp("demo") / "master.sqlite"
    make_demo(path, actor="tester").close()
    return path


@pytest.fixture
def demo_ws(tmp_path, _demo_master):
    """A private copy of the 35 real certificates (same content as tests/conftest.py's, made faster)."""
    import shutil

    from recap_app.core.store import Workspace

    path = tmp_path / "demo.sqlite"
    shutil.copy(_demo_master, path)
    w = Workspace.open(path)
    yield w
    w.close()

