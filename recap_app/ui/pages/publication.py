"""The publication page: the last publication, what changed since, Publish and Verify (with progress)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from ...core.errors import RecapError
from .. import fmt, operations
from ..widgets import choose_folder, start_folder
from .base import LazyPage


class PublicationPage(LazyPage):
    """Publish the results as a static, signed web site and check a published folder.

    Shows the last publication (from the audit log), the data changes since its chain head,
    the site folder and an optional rclone destination; Publish and Verify run as named
    operations (operations.publish_site, operations.verify_site) on the window's JobRunner.
    """

    def __init__(self, window):
        super().__init__()
        self.window_ = window
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr("Publikasi menulis hasil rekapitulasi sebagai situs statis (halaman, grafik, data JSON "
                               "dan CSV) yang dapat dipasang di server web mana pun. Setiap berkas tercatat dengan "
                               "sidiknya di manifest yang ditandatangani kunci kantor; hanya berkas yang berubah "
                               "yang ditulis ulang."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.last = QLabel()
        self.last.setObjectName("publicationLast")
        self.last.setWordWrap(True)
        self.last.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(self.last)
        self.since = QLabel()
        self.since.setObjectName("publicationSince")
        self.since.setWordWrap(True)
        lay.addWidget(self.since)
        form = QFormLayout()
        row = QHBoxLayout()
        self.folder = QLineEdit()
        self.folder.setObjectName("publicationFolder")
        self.folder.setPlaceholderText(self.tr("Folder situs (baru, kosong, atau publikasi sebelumnya)"))
        choose = QPushButton(self.tr("Pilih…"))
        choose.clicked.connect(lambda: self.choose_folder())
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        form.addRow(self.tr("Folder situs:"), row)
        self.remote = QLineEdit()
        self.remote.setObjectName("publicationRemote")
        self.remote.setPlaceholderText(self.tr("opsional: tujuan rclone, misalnya situs:hasil"))
        form.addRow(self.tr("Kirim ke:"), self.remote)
        lay.addLayout(form)
        buttons = QHBoxLayout()
        self.publish_btn = QPushButton(self.tr("Terbitkan"))
        self.publish_btn.setObjectName("publishButton")
        self.verify_btn = QPushButton(self.tr("Verifikasi situs"))
        self.verify_btn.setObjectName("verifyButton")
        self.publish_btn.clicked.connect(lambda: self.publish())
        window.gate(self.publish_btn, "publish")
        self.verify_btn.clicked.connect(lambda: self.verify())
        buttons.addWidget(self.publish_btn)
        buttons.addWidget(self.verify_btn)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        self.result = QPlainTextEdit()
        self.result.setObjectName("publicationResult")
        self.result.setReadOnly(True)
        lay.addWidget(self.result, 1)

    # ------------------------------------------------------------------ what is shown
    def reload_page(self) -> None:
        """Read the last publication and the changes since from the workspace."""
        from ...core import publish

        ws = self.window_.ws
        last = publish.last_publication(ws)
        if last is None:
            self.last.setText(self.tr("Belum pernah diterbitkan dari ruang kerja ini."))
            self.since.setText("")
            return
        head = last.get("chain_head") or {}
        self.last.setText(
            self.tr("Publikasi terakhir: %1 oleh %2, ke %3 — %4 berkas (%5 berubah); data per %6; manifest %7.")
            .replace("%1", fmt.when(last.get("at")) or "–").replace("%2", str(last.get("actor", "")))
            .replace("%3", str(last.get("out", ""))).replace("%4", str(last.get("files", "")))
            .replace("%5", str(last.get("changed", ""))).replace("%6", fmt.when(last.get("data_time")) or "–")
            .replace("%7", str(last.get("manifest_sha256", ""))[:16]))
        if not self.folder.text() and last.get("out"):
            self.folder.setText(str(last["out"]))
        since = publish.changes_since(ws, int(head.get("id") or 0))
        if not since["records"]:
            self.since.setText(self.tr("Tidak ada perubahan data sejak publikasi terakhir."))
            return
        names = []
        for kode in since["certificates"]:
            r = ws.region(kode)
            names.append(f"{kode} {r.nama}" if r else kode)
        text = self.tr("Sejak itu: %1 perubahan data.").replace("%1", str(since["records"]))
        if names:
            text += " " + self.tr("Sertifikat yang berubah: %1.").replace("%1", ", ".join(names))
        self.since.setText(text)

    def _say(self, lines) -> None:
        self.result.setPlainText("\n".join(lines))

    def choose_folder(self) -> str | None:
        """Ask for the site folder; None when the clerk cancels."""
        start = self.folder.text() or start_folder("situs", Path.home())
        path = choose_folder(self, self.tr("Folder situs"), start, kind="situs")
        if path:
            self.folder.setText(path)
        return path or None

    # ------------------------------------------------------------------ actions
    def publish(self, folder: str | None = None, remote: str | None = None):
        """Publish to the folder (and push to the remote when one is given), in the background."""
        from ...core import auth

        try:  # who may not publish is told before a folder is chosen or the key's passphrase asked
            auth.require(self.window_.ws, self.window_.actor, "publish")
        except RecapError as exc:
            self.window_.show_message(fmt.refusal(exc))
            return None
        folder = folder if folder is not None else self.folder.text().strip()
        if not folder:
            folder = self.choose_folder()
            if not folder:
                return None
        self.folder.setText(folder)
        remote = self.remote.text().strip() if remote is None else remote
        labels = (self.tr("Memeriksa folder tujuan…"), self.tr("Menyusun halaman, data dan manifest bertanda tangan…"),
                  self.tr("Menulis berkas yang berubah…"), self.tr("Mengirim berkas yang berubah lewat rclone…"))
        from ..users import office_identity

        try:
            identity = office_identity(self, self.tr("situs ini"))
        except RecapError as exc:
            self.window_.show_message(fmt.refusal(exc))
            return None
        if identity is False:
            return None
        work = partial(operations.publish_site, out=folder, actor=self.window_.actor, remote=remote or None,
                       labels=labels, identity=identity)

        def done(r):
            lines = [self.tr("Situs diterbitkan ke %1: %2 berkas; %3 baru/berubah, %4 dihapus, %5 tetap.")
                     .replace("%1", str(r.out)).replace("%2", str(r.files)).replace("%3", str(len(r.changed)))
                     .replace("%4", str(len(r.removed))).replace("%5", str(r.unchanged)),
                     self.tr("SHA-256 manifest: %s") % r.manifest_sha256]
            if r.marks:
                lines.append(self.tr("Bertanda %s: setiap halaman dan berkas data memuat tanda itu.") % " + ".join(r.marks))
            if r.push_error:
                lines.append(self.tr("Pengiriman GAGAL (situs di folder sudah diterbitkan): %s") % r.push_error)
            if r.push is not None:
                lines.append(self.tr("Dikirim ke %1: %2 berkas diunggah, %3 dihapus.").replace("%1", r.push.remote)
                             .replace("%2", str(len(r.push.uploaded))).replace("%3", str(len(r.push.deleted))))
            if r.changed:
                lines.append(self.tr("Berkas yang berubah:"))
                lines += [f"  + {p}" for p in r.changed] + [f"  - {p}" for p in r.removed]
            else:
                lines.append(self.tr("Tidak ada yang berubah sejak publikasi sebelumnya."))
            self._say(lines)
            self.refresh()

        return self.window_.jobs.start(self.window_.ws.path, work, self.tr("Menerbitkan situs…"), self,
                                       refresh=self.window_.refresh, on_done=done,
                                       on_failed=lambda m: self._say([self.tr("GAGAL: %s") % m]))

    def verify(self, folder: str | None = None):
        """Verify a published folder (signature, every file, nothing extra), in the background."""
        folder = folder if folder is not None else self.folder.text().strip()
        if not folder:
            folder = self.choose_folder()
            if not folder:
                return None
        work = partial(operations.verify_site, folder=folder, label=self.tr("Memeriksa tanda tangan dan setiap berkas…"))

        def done(rep):
            if rep.ok:
                lines = [self.tr("SAH: tanda tangan manifest benar dan %1 berkas cocok; tidak ada berkas tambahan.")
                         .replace("%1", str(rep.checked))]
            else:
                lines = [self.tr("TIDAK SAH: %1 masalah.").replace("%1", str(len(rep.problems)))]
                lines += [f"  {fmt.problem(p)}" for p in rep.problems]
            self._say(lines + [""] + rep.describe())

        return self.window_.jobs.start(self.window_.ws.path, work, self.tr("Memverifikasi situs…"), self,
                                       on_done=done, on_failed=lambda m: self._say([self.tr("GAGAL: %s") % m]))
