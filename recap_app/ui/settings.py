"""The settings dialogs: office settings (name, code, chair, members, witnesses, paper), new workspace, login."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QHBoxLayout, QLineEdit, QPlainTextEdit, QVBoxLayout

from ..core.errors import RecapError
from . import fmt
from .widgets import button_box, choose_save, inform


class SettingsDialog(QDialog):
    """Edits the office settings kept in the workspace (one transaction, audited by the core).

    Keys: office.name, office.city, office.chair, office.members (recap_app.core.documents.plenary),
    office_code (bundles), office.paper (the window's default paper), and each
    pair's witness through documents.plenary.set_witness when that module is present.
    """

    def __init__(self, ws, actor: str, parent=None):
        super().__init__(parent)
        self.ws, self.actor = ws, actor
        self.setWindowTitle(self.tr("Pengaturan kantor"))
        lay = QVBoxLayout(self)
        form = QFormLayout()
        default = ws.election.kpu_name
        self.name = QLineEdit(ws.setting("office.name") or default)
        self.code = QLineEdit(ws.setting("office_code") or ws.election.office_code)
        self.city = QLineEdit(ws.setting("office.city") or "")
        self.chair = QLineEdit(ws.setting("office.chair") or "")
        self.members = QPlainTextEdit("\n".join(ws.setting("office.members") or []))
        self.members.setMaximumHeight(90)
        self.members.setTabChangesFocus(True)  # Tab goes on to the next field, as everywhere else
        self.paper = QComboBox()
        self.paper.addItem("A4", "A4")
        self.paper.addItem("F4 (215 × 330 mm)", "F4")
        self.paper.setCurrentIndex(max(0, self.paper.findData(ws.setting("office.paper") or "A4")))
        form.addRow(self.tr("&Nama kantor"), self.name)
        form.addRow(self.tr("Ko&de kantor"), self.code)
        form.addRow(self.tr("K&ota"), self.city)
        form.addRow(self.tr("&Ketua"), self.chair)
        form.addRow(self.tr("&Anggota (satu per baris)"), self.members)
        self.witnesses: dict[int, QLineEdit] = {}
        self.witness_status: dict[int, QComboBox] = {}
        from ..core.documents import plenary  # imported on first use (reportlab is slow to load)

        current, witnesses_known = {}, True
        try:
            current = plenary.plenary(ws).witnesses or {}
        except RecapError:
            witnesses_known = False
        statuses = (("present", self.tr("hadir")), ("absent", self.tr("tidak hadir")),
                    ("refused", self.tr("hadir, menolak menandatangani")))
        party = ws.election.form_kind == "partai"
        for p in ws.election.ballot_contestants:
            w = current.get(p.nomor) or current.get(str(p.nomor)) or {}
            w = w if isinstance(w, dict) else {}
            edit = QLineEdit(w.get("name", ""))
            edit.setEnabled(witnesses_known)
            status = QComboBox()
            for code, label in statuses:
                status.addItem(label, code)
            status.setCurrentIndex(max(0, status.findData(w.get("status", "present"))))
            status.setEnabled(witnesses_known)
            self.witnesses[p.nomor] = edit
            self.witness_status[p.nomor] = status
            row = QHBoxLayout()
            row.addWidget(edit, 2)
            row.addWidget(status, 1)
            form.addRow((self.tr("Saksi %s") % p.short) if party else self.tr("Saksi paslon %s") % f"{p.nomor:02d}",
                        row)
        form.addRow(self.tr("Ke&rtas dokumen"), self.paper)
        lay.addLayout(form)
        lay.addWidget(button_box(self, self.tr("Simpan"), self.tr("Batal")))
        self.resize(560, 420)

    def accept(self) -> None:
        try:
            self.save()
        except RecapError as exc:
            inform(self, self.tr("Pengaturan"), fmt.refusal(exc), error=True)
            return
        super().accept()

    def save(self) -> None:
        """Write every setting in one transaction (all or nothing)."""
        ws, actor = self.ws, self.actor
        members = [m.strip() for m in self.members.toPlainText().splitlines() if m.strip()]
        from ..core.documents import plenary

        with ws.transaction():
            plenary.set_office(ws, actor, name=self.name.text(), city=self.city.text(),
                               chair=self.chair.text() or None, members=members)
            for nomor, edit in self.witnesses.items():
                if edit.text().strip():
                    plenary.set_witness(ws, actor, nomor, edit.text().strip(),
                                        self.witness_status[nomor].currentData())
            for key, value in (("office_code", self.code.text().strip()),
                               ("office.paper", self.paper.currentData())):
                if value and ws.setting(key) != value:
                    ws.set_setting(key, value, actor)


class NewWorkspaceDialog(QDialog):
    """Create a workspace for an election: choose the election, the file, and simulation mode.

    On accept, :attr:`path` holds the new workspace file (created by Workspace.create, which
    never overwrites a file).
    """

    def __init__(self, actor: str, parent=None):
        from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton

        from ..core.election import list_elections
        from ..core.paths import default_workspace_path

        super().__init__(parent)
        self.actor = actor
        self.path = None
        self.setWindowTitle(self.tr("Ruang kerja baru"))
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.election = QComboBox()
        for e in sorted(list_elections(), key=lambda e: e.polling_day, reverse=True):  # the newest first
            self.election.addItem(f"{e.name} ({e.id})", e.id)
        self.election.setCurrentIndex(0)
        self.file = QLineEdit()
        browse = QPushButton(self.tr("Pi&lih…"))
        browse.setAutoDefault(False)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(browse)
        self.simulation = QCheckBox(self.tr("Simulasi (latihan; semua dokumen ditandai SIMULASI)"))
        form.addRow(self.tr("&Pemilihan"), self.election)
        from PySide6.QtWidgets import QLabel

        file_label = QLabel(self.tr("&Berkas"))
        file_label.setBuddy(self.file)  # a row of widgets: the label names the file edit
        form.addRow(file_label, row)
        form.addRow("", self.simulation)
        lay.addLayout(form)
        lay.addWidget(button_box(self, self.tr("Buat"), self.tr("Batal")))

        def suggest():
            self.file.setText(str(default_workspace_path(self.election.currentData())))

        def pick():
            path = choose_save(self, self.tr("Berkas ruang kerja"), self.file.text(),
                               self.tr("Ruang kerja recap_app (*.sqlite)"))
            if path:
                self.file.setText(path)

        self.election.currentIndexChanged.connect(suggest)
        browse.clicked.connect(pick)
        suggest()
        self.resize(640, 180)

    def accept(self) -> None:
        from pathlib import Path

        from ..core.store import Workspace

        try:
            ws = Workspace.create(Path(self.file.text().strip()), self.election.currentData(), actor=self.actor,
                                  simulation=self.simulation.isChecked())
        except RecapError as exc:
            inform(self, self.tr("Ruang kerja baru"), fmt.refusal(exc), error=True)
            return
        self.path = ws.path
        ws.close()
        super().accept()


class LoginDialog(QDialog):
    """Who is acting: a user name, and a password when the workspace has accounts.

    In open mode (no accounts) any name is accepted and recorded in the audit log; otherwise
    recap_app.core.auth.authenticate checks the password. On accept, :attr:`actor` holds the name.
    """

    def __init__(self, ws, current: str | None = None, parent=None, purpose: str | None = None):
        from ..core import auth

        super().__init__(parent)
        self.ws = ws
        self.actor: str | None = None
        self.setWindowTitle(self.tr("Pengguna"))
        lay = QVBoxLayout(self)
        if purpose:
            from PySide6.QtWidgets import QLabel

            lay.addWidget(QLabel(purpose))
        form = QFormLayout()
        self.user = QLineEdit(current or "")
        self.user.setObjectName("loginUser")
        self.password = QLineEdit()
        self.password.setObjectName("loginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.open_mode = auth.open_mode(ws)
        form.addRow(self.tr("&Nama pengguna"), self.user)
        if not self.open_mode:
            form.addRow(self.tr("&Kata sandi"), self.password)
            if current:
                self.password.setFocus()
        lay.addLayout(form)
        if self.open_mode:
            from PySide6.QtWidgets import QLabel

            note = QLabel(self.tr("Ruang kerja ini belum memakai akun: nama yang ditulis dicatat di log audit."))
            note.setWordWrap(True)
            lay.addWidget(note)
        lay.addWidget(button_box(self, self.tr("Masuk"), self.tr("Batal")))
        self.resize(420, 150)

    def accept(self) -> None:
        from ..core import auth

        try:
            self.actor = auth.authenticate(self.ws, self.user.text().strip() or None,
                                           None if self.open_mode else self.password.text())
        except RecapError as exc:
            inform(self, self.tr("Pengguna"), fmt.refusal(exc), error=True)
            return
        super().accept()
