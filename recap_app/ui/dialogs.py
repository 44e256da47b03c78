"""The registry of every dialog the program can show, each built from a factory over a window.

tests/ui/test_dialogs.py walks it: every dialog has its buttons, Esc cancels and changes nothing,
Enter (Ctrl+Enter in a text area) presses the default button. The same test reads the window's
source and fails for a QDialog subclass or a message/file/print box that is not listed here, so a
new dialog is added to :func:`dialog_factories` together with its code (docs/architecture.md).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt


@dataclass
class DialogCase:
    """One dialog of the program.

    Attributes:
        name: what it is ("reason", "settings", …).
        classes: the class names it stands for (the source scan matches them).
        build: () -> the dialog, ready to exec.
        prepare: fills in what Enter needs to be accepted (a typed reason), or None.
        submit: the key that submits (Enter; Ctrl+Enter in a text area) and its modifier.
        enter_accepts: whether the default answer is "yes" (a destructive question defaults to "no").
    """

    name: str
    classes: tuple[str, ...]
    build: Callable
    prepare: Callable | None = None
    submit: tuple = (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    enter_accepts: bool = True


def _type(text: str):
    def fill(dlg):
        edit = dlg.edit
        if hasattr(edit, "setPlainText"):
            edit.setPlainText(text)
        else:
            edit.setText(text)
    return fill


def dialog_factories(window) -> list[DialogCase]:
    """Every dialog the program shows, built over ``window`` (a MainWindow on a workspace with the
    demonstration certificates; the double-entry cases submit a second entry for 33.71)."""
    from ..core import double_entry
    from . import widgets
    from .double_entry import DoubleEntryDialog
    from .editor import adopt_box, reason_dialog
    from .help import GuideDialog
    from .printing import PrintDialog
    from .settings import LoginDialog, NewWorkspaceDialog, SettingsDialog
    from .tps_view import TpsDialog
    from .users import AccountDialog, KeyPassphraseDialog, PassphraseDialog, UsersDialog

    ws, ed = window.ws, window.editor

    def second_entry():
        info = ws.latest_revision("33.71")
        values = ws.revision_values(info.id)
        first = info.columns[0]
        values[first]["paslon_2"] = int("1" + str(values[first]["paslon_2"]))
        if double_entry.state(ws, "33.71")["status"] != "menunggu":
            double_entry.submit_second_entry(ws, "33.71", list(info.columns), values, "operator2")
        return DoubleEntryDialog(ws, "33.71", "koordinator", window)

    def adopt_question():
        window.open_region("33.75")
        return adopt_box(ed, "33.75")[0]

    return [
        DialogCase("message", ("QMessageBox",), lambda: widgets.inform_box(window, "Masuk", "Kata sandi salah.", True)),
        DialogCase("question", ("QMessageBox",),
                   lambda: widgets.confirm_box(window, "Konfirmasi", "Lanjutkan?", "Ya", "Tidak")[0]),
        DialogCase("destructive question", ("QMessageBox",),
                   lambda: widgets.confirm_box(window, "Buang draf", "Buang draf?", "Buang draf", "Batal",
                                               default_yes=False)[0], enter_accepts=False),
        DialogCase("adoption with open warnings", ("QMessageBox",), adopt_question, enter_accepts=False),
        DialogCase("reason", ("TextDialog",), lambda: reason_dialog(ed), _type("salah ketik")),
        DialogCase("reopen reason", ("TextDialog",),
                   lambda: widgets.TextDialog(window, "Buka kembali", "Alasan:", "Buka kembali", multiline=False),
                   _type("diperiksa ulang")),
        DialogCase("explanation", ("TextDialog",),
                   lambda: widgets.TextDialog(window, "Jelaskan peringatan", "Penjelasan:", "Catat penjelasan"),
                   _type("DPTb tidak dilaporkan"),
                   (Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)),
        DialogCase("office settings", ("SettingsDialog",), lambda: SettingsDialog(ws, window.actor, window)),
        DialogCase("login", ("LoginDialog",), lambda: LoginDialog(ws, window.actor, window)),
        DialogCase("new workspace", ("NewWorkspaceDialog",), lambda: NewWorkspaceDialog(window.actor, window)),
        DialogCase("double entry", ("DoubleEntryDialog",), second_entry),
        DialogCase("users and roles", ("UsersDialog",), lambda: UsersDialog(ws, window.actor, window)),
        DialogCase("new account", ("AccountDialog",), lambda: AccountDialog(window, first=True),
                   lambda d: (d.name.setText("admin1"), d.password.setText("rahasia-panjang-1"),
                              d.again.setText("rahasia-panjang-1"))),
        DialogCase("office key passphrase", ("PassphraseDialog",), lambda: PassphraseDialog(window, "bundel ini"),
                   _type("kata sandi kunci")),
        DialogCase("office key passphrase set", ("KeyPassphraseDialog",), lambda: KeyPassphraseDialog(window, False),
                   lambda d: (d.new.setText("kabut-pagi-di-dieng-2019"), d.again.setText("kabut-pagi-di-dieng-2019"))),
        DialogCase("print", ("PrintDialog",),
                   lambda: PrintDialog(window, ["Dokumen yang dicetak:", "• Berita acara (tegak)"], "F4",
                                       (["PDF", "Kantor"], "PDF"))),
        DialogCase("user guide", ("GuideDialog",), lambda: GuideDialog(window)),
        DialogCase("TPS behind a kecamatan figure", ("TpsDialog",),
                   lambda: TpsDialog(window, None, "paslon_2", message="Belum ada data TPS yang diimpor.")),
        DialogCase("open file", ("QFileDialog",),
                   lambda: widgets.file_dialog(window, "Buka ruang kerja", str(ws.path.parent), "*.sqlite", "open"),
                   lambda d: d.selectFile(str(ws.path))),
        DialogCase("save file", ("QFileDialog",),
                   lambda: widgets.file_dialog(window, "Simpan PDF", str(ws.path.parent), "PDF (*.pdf)", "save"),
                   lambda d: d.selectFile(str(ws.path.parent / "baru.pdf"))),
        DialogCase("folder", ("QFileDialog",),
                   lambda: widgets.file_dialog(window, "Folder templat", str(ws.path.parent), "", "folder")),
    ]
