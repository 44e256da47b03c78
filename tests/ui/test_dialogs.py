"""Every message box and question the program shows: buttons present, Esc safe, Enter on the default."""

# The boxes are driven with real key presses (QTest) while they run, as a clerk would close them.

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from recap_app.ui import widgets


@pytest.fixture
def app(qtbot):
    from recap_app.ui.app import make_app

    return make_app("id")


def _press_when_shown(qtbot, key):
    """Press ``key`` in the active modal box as soon as it is up."""
    from PySide6.QtTest import QTest

    def press():
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, press)
            return
        QTest.keyClick(box, key)

    QTimer.singleShot(20, press)


def QDialogExec(box):
    """Run the box with QDialog's own exec (the UI tests patch QMessageBox.exec to fail)."""
    from PySide6.QtWidgets import QDialog

    return QDialog.exec(box)


def test_inform_box_has_a_close_button_that_is_default_and_escape(app):
    box = widgets.inform_box(None, "Masuk", "Kata sandi salah.", error=True)
    buttons = box.findChildren(QPushButton)
    assert [b.text() for b in buttons] == ["Tutup"]
    assert box.defaultButton() is buttons[0]
    assert box.escapeButton() is buttons[0]


@pytest.mark.parametrize("key", [Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_inform_box_closes_with_keys(qtbot, app, key):
    box = widgets.inform_box(None, "Tetapkan", "Sertifikat tidak dapat ditetapkan.")
    _press_when_shown(qtbot, key)
    QDialogExec(box)
    assert not box.isVisible()


def test_inform_box_survives_garbage_collection(app):
    """The button belongs to Qt: collecting Python garbage does not take it away."""
    import gc

    box = widgets.inform_box(None, "A", "B")
    gc.collect()
    assert len(box.findChildren(QPushButton)) == 1


def test_confirm_box_has_both_buttons_and_escape_is_no(app):
    box, yes = widgets.confirm_box(None, "Buang draf", "Buang draf?", "Buang draf", "Batal", default_yes=False)
    texts = sorted(b.text() for b in box.findChildren(QPushButton))
    assert texts == ["Batal", "Buang draf"]
    assert box.escapeButton().text() == "Batal"
    assert box.defaultButton().text() == "Batal"
    assert yes.text() == "Buang draf"


@pytest.mark.parametrize(("key", "default_yes", "expected"), [
    (Qt.Key.Key_Escape, True, False),
    (Qt.Key.Key_Escape, False, False),
    (Qt.Key.Key_Return, True, True),
    (Qt.Key.Key_Return, False, False),
])
def test_confirm_answers_by_key(qtbot, app, monkeypatch, key, default_yes, expected):
    monkeypatch.setattr(QMessageBox, "exec", QDialogExec)
    _press_when_shown(qtbot, key)
    assert widgets.confirm(None, "Konfirmasi", "Sama?", "Ya", "Tidak", default_yes=default_yes) is expected


def test_text_dialog_buttons(qtbot, app):
    dlg = widgets.TextDialog(None, "Alasan perubahan", "Tulis alasannya.")
    qtbot.addWidget(dlg)
    texts = sorted(b.text() for b in dlg.findChildren(QPushButton))
    assert texts == ["Batal", "Simpan"]
