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


# ---------------------------------------------------------------------- every dialog of the program
import ast  # noqa: E402
from pathlib import Path  # noqa: E402

from PySide6.QtWidgets import QDialog, QFileDialog  # noqa: E402

from recap_app.ui.dialogs import dialog_factories  # noqa: E402

UI = Path(widgets.__file__).resolve().parent
#: Qt's own boxes; the window builds them only through the helpers of widgets.py
QT_BOXES = {"QMessageBox", "QFileDialog", "QInputDialog", "QProgressDialog", "QPrintDialog", "QColorDialog",
            "QFontDialog", "QPageSetupDialog", "QErrorMessage"}


def dialog_classes_and_boxes():
    """(QDialog subclasses defined in recap_app/ui, [(file, Qt box constructed)])."""
    classes, boxes = set(), []
    for path in UI.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and any(getattr(b, "id", "") == "QDialog" or
                                                      getattr(b, "id", "") in classes for b in node.bases):
                classes.add(node.name)
            if isinstance(node, ast.Call):
                f = node.func
                name = f.id if isinstance(f, ast.Name) else (f.value.id if isinstance(f, ast.Attribute) and
                                                             isinstance(f.value, ast.Name) else "")
                if name in QT_BOXES:
                    boxes.append((path.name, name))
    return classes, boxes


@pytest.fixture
def cases(window):
    return dialog_factories(window)


def test_every_dialog_of_the_program_is_in_the_registry(cases):
    classes, boxes = dialog_classes_and_boxes()
    covered = {c for case in cases for c in case.classes}
    assert classes and classes <= covered, sorted(classes - covered)
    # Qt's own boxes are made in one place, with our buttons and texts
    assert {f for f, _ in boxes} <= {"widgets.py"}, boxes
    assert {b for _, b in boxes} <= covered


def _run_with_key(qtbot, dlg, key, modifier=Qt.KeyboardModifier.NoModifier):
    """Run ``dlg`` and press ``key`` in it once it is up; 99 when the dialog ignored the key."""
    import shiboken6
    from PySide6.QtTest import QTest

    def press():
        box = QApplication.activeModalWidget()
        if box is not dlg:
            QTimer.singleShot(20, press)
            return
        target = dlg.focusWidget() or dlg
        QTest.keyClick(target, key, modifier)
        QTimer.singleShot(300, lambda: dlg.done(99) if shiboken6.isValid(dlg) and dlg.isVisible() else None)

    QTimer.singleShot(60, press)
    return QDialog.exec(dlg)


def _audit_count(ws):
    return ws.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0]


def test_every_dialog_has_buttons_esc_cancels_and_changes_nothing(qtbot, window, cases):
    for case in cases:
        dlg = case.build()
        buttons = [b for b in dlg.findChildren(QPushButton) if b.text()]
        assert buttons, case.name
        if isinstance(dlg, QMessageBox):
            assert dlg.escapeButton() is not None and dlg.defaultButton() is not None, case.name
        elif not isinstance(dlg, QFileDialog):
            assert any(b.isDefault() or b.autoDefault() for b in buttons), case.name
        if case.prepare:
            case.prepare(dlg)
        before = _audit_count(window.ws)
        result = _run_with_key(qtbot, dlg, Qt.Key.Key_Escape)
        assert result != 99, f"{case.name}: Esc left the dialog open"
        if isinstance(dlg, QMessageBox):
            assert dlg.clickedButton() is dlg.escapeButton(), case.name
        else:
            assert result == QDialog.DialogCode.Rejected, case.name
        assert _audit_count(window.ws) == before, f"{case.name}: Esc wrote to the workspace"


def test_enter_presses_every_dialogs_default_button(qtbot, window, cases):
    for case in cases:
        dlg = case.build()
        if case.prepare:
            case.prepare(dlg)
        result = _run_with_key(qtbot, dlg, *case.submit)
        assert result != 99, f"{case.name}: Enter did nothing"
        if isinstance(dlg, QMessageBox):
            assert dlg.clickedButton() is dlg.defaultButton(), case.name
            yes_role = dlg.buttonRole(dlg.clickedButton()) in (QMessageBox.ButtonRole.YesRole,
                                                                 QMessageBox.ButtonRole.AcceptRole)
            assert yes_role == case.enter_accepts, case.name
        else:
            assert (result == QDialog.DialogCode.Accepted) == case.enter_accepts, case.name


def test_reason_dialogs_submit_from_the_keyboard(qtbot, app):
    from recap_app.ui.editor import reason_dialog
    from recap_app.ui.main_window import MainWindow  # noqa: F401 - the editor's translations

    one_line = widgets.TextDialog(None, "Buka kembali", "Alasan:", "Buka kembali", multiline=False)
    qtbot.addWidget(one_line)
    qtbot.keyClicks(one_line.edit, "diperiksa ulang")
    with qtbot.waitSignal(one_line.accepted):
        qtbot.keyClick(one_line.edit, Qt.Key.Key_Return)
    assert one_line.text() == "diperiksa ulang"
    area = widgets.TextDialog(None, "Jelaskan", "Penjelasan:")
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    qtbot.keyClicks(area.edit, "baris satu")
    qtbot.keyClick(area.edit, Qt.Key.Key_Return)  # a new line in a text area ...
    qtbot.keyClicks(area.edit, "baris dua")
    with qtbot.waitSignal(area.accepted):  # ... and Ctrl+Enter submits
        qtbot.keyClick(area.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert area.text() == "baris satu\nbaris dua"
    empty = widgets.TextDialog(None, "Alasan", "Alasan:", multiline=False)
    qtbot.addWidget(empty)
    qtbot.keyClick(empty.edit, Qt.Key.Key_Return)  # nothing typed: nothing submitted
    assert empty.result() != QDialog.DialogCode.Accepted
    assert reason_dialog
