"""Shared test set-up: offscreen Qt, a private data folder, workspace fixtures."""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Qt keeps its own settings (the file dialog's history) under XDG_CONFIG_HOME: never the tester's
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="recap-tests-qt-")

import pytest  # noqa: E402

from recap_app.core.store import Workspace  # noqa: E402


def pytest_collection_modifyitems(config, items):
    """Tests under tests/ui are GUI tests (run alone with -m "not gui" for the core suite)."""
    for item in items:
        if f"{os.sep}ui{os.sep}" in str(item.fspath):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def _private_home(tmp_path, monkeypatch):
    """Each test gets its own data folder and no inherited workspace or user settings."""
    monkeypatch.setenv("RECAP_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("RECAP_DB", raising=False)
    monkeypatch.setenv("RECAP_USER", "tester")
    monkeypatch.delenv("RECAP_PASSWORD", raising=False)
    monkeypatch.delenv("RECAP_KEY_PASSPHRASE", raising=False)
    monkeypatch.delenv("RECAP_KEY_FILE", raising=False)


@pytest.fixture
def ws(tmp_path):
    """A fresh, empty Pilpres 2019 Jawa Tengah workspace."""
    w = Workspace.create(tmp_path / "ws.sqlite", "pilpres-2019-jateng", actor="tester")
    yield w
    w.close()


@pytest.fixture
def demo_ws(tmp_path):
    """A workspace holding the 35 real Pilpres 2019 certificates (official recap figures)."""
    from recap_app.core.demo import make_demo

    w = make_demo(tmp_path / "demo.sqlite", actor="tester")
    yield w
    w.close()
