"""Berkas › Pengguna dan peran…: the accounts of the workspace and their roles (the admin's work)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..core import auth
from ..core.errors import RecapError
from . import fmt, operations
from .widgets import add_button, button_box, inform, rows_table


def role_items(combo: QComboBox, current: str | None = None) -> None:
    """Fill a combo box with the roles, each with what it may do (core.auth.ROLE_TEXT)."""
    for role in auth.MATRIX:
        words = (auth.ROLE_TEXT_EN if fmt.LANG == "en" else auth.ROLE_TEXT).get(role, "")
        combo.addItem(f"{role} — {words}", role)
    if current:
        combo.setCurrentIndex(max(0, combo.findData(current)))


class AccountDialog(QDialog):
    """A new account (name, role, password twice) or a new password for one (``name`` given)."""

    def __init__(self, parent=None, name: str | None = None, first: bool = False):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kata sandi baru") if name else self.tr("Akun baru"))
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit(name or "")
        self.name.setObjectName("accountName")
        self.name.setReadOnly(bool(name))
        self.role = QComboBox()
        self.role.setObjectName("accountRole")
        role_items(self.role, "admin" if first else "operator")
        self.password = QLineEdit()
        self.password.setObjectName("accountPassword")
        self.again = QLineEdit()
        self.again.setObjectName("accountPasswordAgain")
        for edit in (self.password, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Nama pengguna"), self.name)
        if not name:
            form.addRow(self.tr("&Peran"), self.role)
        form.addRow(self.tr("&Kata sandi"), self.password)
        form.addRow(self.tr("&Ulangi kata sandi"), self.again)
        lay.addLayout(form)
        if first:
            note = QLabel(self.tr("Akun pertama harus admin. Sesudah itu setiap orang masuk dengan nama dan kata "
                                  "sandinya."))
            note.setWordWrap(True)
            lay.addWidget(note)
        lay.addWidget(button_box(self, self.tr("Simpan"), self.tr("Batal")))
        (self.password if name else self.name).setFocus()

    def accept(self) -> None:
        if self.password.text() != self.again.text():
            inform(self, self.windowTitle(), self.tr("Kedua kata sandi tidak sama; tulis ulang."), error=True)
            return
        if not self.name.text().strip():
            inform(self, self.windowTitle(), self.tr("Nama pengguna harus diisi."), error=True)
            return
        super().accept()


class UsersDialog(QDialog):
    """The accounts with their role and state; add, change role, disable/enable, new password.

    Every change goes through core.auth (which checks that the acting user is an admin, keeps the
    last admin and writes the audit record); a refusal is shown as the core words it.
    """

    def __init__(self, ws, actor: str, parent=None):
        super().__init__(parent)
        self.ws, self.actor = ws, actor
        self.setWindowTitle(self.tr("Pengguna dan peran"))
        lay = QVBoxLayout(self)
        self.note = QLabel("")
        self.note.setWordWrap(True)
        lay.addWidget(self.note)
        self.table = rows_table([self.tr("Nama"), self.tr("Peran"), self.tr("Keadaan"), self.tr("Dibuat")], "accounts")
        self.table.setSelectionMode(self.table.SelectionMode.SingleSelection)
        self.table.setColumnWidth(0, 160)
        self.table.setColumnWidth(1, 110)
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_btn = add_button(row, self.tr("&Tambah akun…"), self.add)
        self.role = QComboBox()
        self.role.setObjectName("roleChoice")
        role_items(self.role)
        row.addWidget(self.role)
        self.role_btn = add_button(row, self.tr("Ubah &peran"), self.change_role)
        self.active_btn = add_button(row, self.tr("&Nonaktifkan"), self.toggle_active)
        self.password_btn = add_button(row, self.tr("&Kata sandi baru…"), self.new_password)
        for b in (self.add_btn, self.role_btn, self.active_btn, self.password_btn):
            b.setAutoDefault(False)
        lay.addLayout(row)
        key_row = QHBoxLayout()
        self.key_note = QLabel("")
        self.key_note.setObjectName("officeKeyNote")
        self.key_note.setWordWrap(True)
        key_row.addWidget(self.key_note, 1)
        self.key_btn = add_button(key_row, self.tr("Kata sandi k&unci kantor…"), self.protect_key)
        self.key_btn.setAutoDefault(False)
        lay.addLayout(key_row)
        self.buttons = button_box(self, self.tr("Tutup"))
        lay.addWidget(self.buttons)
        self.table.currentCellChanged.connect(lambda *_: self._selected_changed())
        self.reload()
        self.resize(720, 380)

    def reload(self) -> None:
        accounts = auth.list_users(self.ws)
        self.accounts = accounts
        self.table.setRowCount(len(accounts))
        for i, a in enumerate(accounts):
            for j, text in enumerate((a.name, a.role, self.tr("aktif") if a.active else self.tr("nonaktif"),
                                      f"{fmt.when(a.created_at)} · {a.created_by}")):
                self.table.setItem(i, j, QTableWidgetItem(text))
        if auth.open_mode(self.ws):
            self.note.setText(self.tr("Belum ada akun: ruang kerja dalam mode terbuka (siapa pun dapat bertindak "
                                      "dengan menulis namanya). Buat akun admin pertama untuk mewajibkan kata sandi."))
        else:
            self.note.setText(self.tr("Hanya admin yang dapat mengubah akun. Peran menentukan apa yang boleh "
                                      "dilakukan; setiap perubahan tercatat di log audit."))
        if accounts and self.table.currentRow() < 0:
            self.table.selectRow(0)
        self._selected_changed()
        from ..core import office_key

        pub = office_key.public_identity()
        if pub is None:
            self.key_note.setText(self.tr("Kunci kantor: belum ada di komputer ini. Ruang kerja yang memakai akun "
                                          "menandatangani bundel dan situs hanya dengan kunci berkata sandi, yang "
                                          "dibuat ketua atau admin di sini."))
            return
        fp = office_key.grouped(pub.fingerprint)[:19]  # the first four groups: enough to tell keys apart aloud
        self.key_note.setText(self.tr("Kunci kantor: dilindungi kata sandi (sidik %s).") % fp if pub.protected else
                              self.tr("Kunci kantor: belum dilindungi kata sandi (sidik %s); ruang kerja yang "
                                      "memakai akun tidak menandatangani dengannya.") % fp)

    def selected(self):
        r = self.table.currentRow()
        return self.accounts[r] if 0 <= r < len(self.accounts) else None

    def _refused(self, permission: str) -> str:
        """"" when the acting user holds ``permission``, else why not, as a tooltip says it (the
        core still decides every act; a button that cannot work is only not offered)."""
        try:
            auth.require(self.ws, self.actor, permission)
        except RecapError as exc:
            return fmt.refusal(exc)
        return ""

    def _selected_changed(self) -> None:
        acc = self.selected()
        why = self._refused("users")
        self.add_btn.setEnabled(not why)
        for b in (self.add_btn, self.role_btn, self.active_btn, self.password_btn):
            b.setToolTip(why)
        for b in (self.role_btn, self.active_btn, self.password_btn):
            b.setEnabled(acc is not None and not why)
        key_why = self._refused("office_key")
        self.key_btn.setEnabled(not key_why)
        self.key_btn.setToolTip(key_why)
        if acc is not None:
            self.role.setCurrentIndex(max(0, self.role.findData(acc.role)))
            self.active_btn.setText(self.tr("&Nonaktifkan") if acc.active else self.tr("&Aktifkan"))

    def _write(self, operation, **args) -> bool:
        try:
            operations.run_here(self.ws, operation, actor=self.actor, **args)
        except RecapError as exc:
            inform(self, self.windowTitle(), fmt.refusal(exc), error=True)
            return False
        self.reload()
        return True

    def add(self, name: str | None = None, role: str | None = None, password: str | None = None) -> bool:
        """A new account; the dialog asks unless every value is given."""
        if name is None:
            dlg = AccountDialog(self, first=auth.open_mode(self.ws))
            if not dlg.exec():
                return False
            name, role, password = dlg.name.text().strip(), dlg.role.currentData(), dlg.password.text()
        return self._write(operations.add_user, name=name, role=role, password=password)

    def change_role(self) -> bool:
        acc = self.selected()
        return acc is not None and self._write(operations.set_role, name=acc.name, role=self.role.currentData())

    def toggle_active(self) -> bool:
        acc = self.selected()
        return acc is not None and self._write(operations.set_active, name=acc.name, active=not acc.active)

    def new_password(self, password: str | None = None) -> bool:
        acc = self.selected()
        if acc is None:
            return False
        if password is None:
            dlg = AccountDialog(self, name=acc.name)
            if not dlg.exec():
                return False
            password = dlg.password.text()
        return self._write(operations.set_password, name=acc.name, password=password)


    def protect_key(self, old: str | None = None, new: str | None = None) -> bool:
        """Set or change the office key's passphrase (the dialog asks unless ``new`` is given); the
        core checks the permission ("office_key": ketua or admin) and the password policy."""
        from ..core import office_key

        if new is None:
            try:  # who may not is told before typing three passphrases (the core checks again)
                auth.require(self.ws, self.actor, "office_key")
            except RecapError as exc:
                inform(self, self.tr("Kata sandi kunci kantor"), fmt.refusal(exc), error=True)
                return False
            dlg = KeyPassphraseDialog(self, office_key.key_exists(), office_key.is_protected())
            if not dlg.exec():
                return False
            old, new = (dlg.old.text() if dlg.old is not None else None), dlg.new.text()
        try:
            ident = operations.run_here(self.ws, operations.protect_key, actor=self.actor, old=old, new=new)
        except RecapError as exc:
            inform(self, self.tr("Kata sandi kunci kantor"), fmt.refusal(exc), error=True)
            return False
        self.reload()
        inform(self, self.tr("Kata sandi kunci kantor"),
               self.tr("Kunci kantor %s kini dilindungi kata sandi (sidik %s). Kata sandi itu diminta setiap kali "
                       "bundel atau situs ditandatangani; simpan di tempat aman.")
               % (ident.path, office_key.grouped(ident.fingerprint)))
        return True


class KeyPassphraseDialog(QDialog):
    """The office key's passphrase set or changed: the current one (when the key has one) and the
    new one twice. The key itself is kept (made now where there is none)."""

    def __init__(self, parent=None, exists: bool = True, protected: bool = False):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kata sandi kunci kantor"))
        lay = QVBoxLayout(self)
        if not exists:
            text = self.tr("Belum ada kunci kantor di komputer ini: kunci dibuat sekarang, dilindungi kata sandi ini.")
        elif protected:
            text = self.tr("Ganti kata sandi kunci kantor; kuncinya tetap sama.")
        else:
            text = self.tr("Kunci kantor belum dilindungi kata sandi: siapa pun yang dapat membaca berkasnya dapat "
                           "menandatangani atas nama kantor. Tetapkan kata sandinya; kuncinya tetap sama.")
        note = QLabel(text + " " + self.tr("Kata sandi baru: paling sedikit %s karakter dan tidak mudah ditebak "
                                           "(beberapa kata yang tidak berhubungan, misalnya).") % auth.MIN_PASSWORD)
        note.setWordWrap(True)
        lay.addWidget(note)
        form = QFormLayout()
        self.old = None
        if protected:
            self.old = QLineEdit()
            self.old.setObjectName("keyPassphraseOld")
            form.addRow(self.tr("Kata sandi &sekarang"), self.old)
        self.new = QLineEdit()
        self.new.setObjectName("keyPassphraseNew")
        self.again = QLineEdit()
        self.again.setObjectName("keyPassphraseAgain")
        form.addRow(self.tr("Kata sandi &baru"), self.new)
        form.addRow(self.tr("&Ulangi kata sandi baru"), self.again)
        for edit in (self.old, self.new, self.again):
            if edit is not None:
                edit.setEchoMode(QLineEdit.EchoMode.Password)
                edit.setMinimumWidth(280)
        lay.addLayout(form)
        lay.addWidget(button_box(self, self.tr("Simpan"), self.tr("Batal")))
        (self.old or self.new).setFocus()

    def accept(self) -> None:
        """Kept open, the new passphrase cleared and its field focused, when the two differ or the
        policy refuses it (auth.check_password, which the core applies again)."""
        problem = None
        if self.new.text() != self.again.text():
            problem = self.tr("Kedua kata sandi baru tidak sama; tulis ulang.")
        else:
            try:
                auth.check_password(self.new.text())
            except RecapError as exc:
                problem = fmt.refusal(exc)
        if problem:
            inform(self, self.windowTitle(), problem, error=True)
            self.new.clear()
            self.again.clear()
            self.new.setFocus()
            return
        super().accept()


class PassphraseDialog(QDialog):
    """The office key's passphrase, asked before a bundle or the public site is signed (the key
    file is encrypted: core.office_key). The passphrase is used once and never stored."""

    def __init__(self, parent=None, what: str = ""):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kata sandi kunci kantor"))
        lay = QVBoxLayout(self)
        note = QLabel(self.tr("Kunci kantor dilindungi kata sandi. Tulis kata sandinya untuk menandatangani %s.")
                      % (what or self.tr("berkas ini")))
        note.setWordWrap(True)
        lay.addWidget(note)
        form = QFormLayout()
        self.edit = QLineEdit()
        self.edit.setObjectName("keyPassphrase")
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Kata sandi kunci"), self.edit)
        lay.addLayout(form)
        lay.addWidget(button_box(self, self.tr("Tandatangani"), self.tr("Batal")))
        self.edit.setFocus()


def office_identity(parent, what: str):
    """The office key for a signature made from the window: loaded at once when its file is not
    encrypted or RECAP_KEY_PASSPHRASE is set, else after the clerk types the passphrase (asked
    again after a wrong one). Returns None when the core may load the key itself, False when the
    clerk cancels.

    Raises:
        OfficeKeyError: the key file cannot be used for another reason (unreadable, damaged).
    """
    import os

    from ..core import office_key

    if not office_key.is_protected() or os.environ.get("RECAP_KEY_PASSPHRASE") is not None:
        return None  # the core loads it itself (and refuses an unprotected key where accounts are used)
    while True:
        dlg = PassphraseDialog(parent, what)
        if not dlg.exec():
            return False
        try:
            return office_key.load_identity(create=False, passphrase=dlg.edit.text())
        except office_key.OfficeKeyError as exc:
            if exc.code != "bad_passphrase":
                raise
            inform(parent, dlg.windowTitle(), fmt.refusal(exc), error=True)
