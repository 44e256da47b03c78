"""The bundles page: export, verify and import signed bundles; decide conflicts."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from ...core.errors import RecapError
from .. import fmt, operations
from ..widgets import add_button, choose_open, choose_save, dated_name, documents_folder, inform, start_page


class BundlesPage(QWidget):
    """Export a signed bundle, verify one, import one; results in plain words."""

    def __init__(self, window):
        super().__init__()
        lay = start_page(self, window, self.tr("Bundel adalah berkas bertanda tangan untuk mengirim data rekapitulasi ke tingkat "
                                               "atas atau menerima data dari kabupaten/kota. Verifikasi memeriksa tanda tangan, "
                                               "sidik jari setiap isi dan bentuk data sebelum apa pun disimpan."))
        row = QHBoxLayout()
        self.export_btn = add_button(row, self.tr("&Ekspor bundel…"), self.export)
        self.full = QCheckBox(self.tr("Seluruh &data (bukan hanya perubahan)"))
        self.sources = QCheckBox(self.tr("Sertakan berkas &asli"))
        for w in (self.full, self.sources):
            row.addWidget(w)
        row.addStretch(1)
        lay.addLayout(row)
        row2 = QHBoxLayout()
        self.verify_btn = add_button(row2, self.tr("&Verifikasi bundel…"), self.verify)
        self.import_btn = add_button(row2, self.tr("&Impor bundel…"), self.import_)
        window.gate(self.export_btn, "bundle_export")
        window.gate(self.import_btn, "bundle_import")
        self.accept_key = QCheckBox(self.tr("Percayai &kunci pengirim baru"))
        self.accept_key.setToolTip(self.tr("Hanya bila sidik jari kunci sudah dicocokkan dengan pengirim lewat jalur lain."))
        row2.addWidget(self.accept_key)
        window.gate(self.accept_key, "keys_trust")  # trusting a key is the admin's act
        row2.addStretch(1)
        lay.addLayout(row2)
        self.result = QPlainTextEdit()
        self.result.setObjectName("bundleResult")
        self.result.setReadOnly(True)
        lay.addWidget(self.result, 1)
        lay.addWidget(QLabel(self.tr("<b>Konflik menunggu keputusan</b> (sertifikat yang berubah di kedua sisi)")))
        self.conflicts = QListWidget()
        self.conflicts.setObjectName("bundleConflicts")
        self.conflicts.setMaximumHeight(120)
        lay.addWidget(self.conflicts)
        crow = QHBoxLayout()
        self.ours_btn = QPushButton(self.tr("Pakai data kita"))
        self.theirs_btn = QPushButton(self.tr("Pakai data kiriman"))
        self.ours_btn.clicked.connect(lambda: self.resolve("ours"))
        self.theirs_btn.clicked.connect(lambda: self.resolve("theirs"))
        crow.addWidget(self.ours_btn)
        crow.addWidget(self.theirs_btn)
        crow.addStretch(1)
        lay.addLayout(crow)

    def _say(self, lines) -> None:
        text = "\n".join(lines)
        self.result.setPlainText(text)

    def export(self, path: str | None = None):
        from ...core import auth

        try:  # who may not export is told before a file is chosen or the key's passphrase asked
            auth.require(self.window_.ws, self.window_.actor, "bundle_export")
        except RecapError as exc:
            self._say([self.tr("GAGAL: %s") % fmt.refusal(exc)])
            return None
        if path is None:
            path = choose_save(self, self.tr("Ekspor bundel"),
                               str(documents_folder() / dated_name(f"rekap-{self.window_.ws.election.id}", ".bundle.zip")),
                               self.tr("Bundel (*.zip)"), kind="bundel")
            if not path:
                return None
        from ..users import office_identity

        try:
            identity = office_identity(self, self.tr("bundel ini"))
        except RecapError as exc:
            self._say([self.tr("GAGAL: %s") % fmt.refusal(exc)])
            return None
        if identity is False:
            return None
        work = partial(operations.export_bundle, path=path, actor=self.window_.actor, full=self.full.isChecked(),
                       with_sources=self.sources.isChecked(), label=self.tr("Menyusun dan menandatangani bundel…"),
                       identity=identity)

        def done(r):
            self._say([self.tr("Bundel diekspor: %s") % r.path,
                       self.tr("Nomor urut %1 (dasar %2), %3 sertifikat, %4 revisi, %5 catatan audit, %6 bita.")
                       .replace("%1", str(r.sequence)).replace("%2", str(r.base_sequence))
                       .replace("%3", str(r.certificates)).replace("%4", str(r.revisions))
                       .replace("%5", str(r.audit)).replace("%6", fmt.number(r.size)),
                       self.tr("Sidik jari manifes: %s") % r.manifest_sha256, *r.key_notes])

        return self.window_.jobs.start(self.window_.ws.path, work, self.tr("Mengekspor bundel…"), self,
                                       refresh=self.window_.refresh,
                                       on_done=done, on_failed=lambda m: self._say([self.tr("GAGAL: %s") % m]))

    def verify(self, path: str | None = None):
        if path is None:
            path = choose_open(self, self.tr("Verifikasi bundel"), str(Path.home()),
                               self.tr("Bundel (*.zip);;Semua berkas (*)"), kind="bundel_masuk")
            if not path:
                return None
        work = partial(operations.verify_bundle, path=path)

        def done(vb):
            s = vb.sender
            m = vb.manifest
            lines = [self.tr("SAH: tanda tangan, sidik jari isi dan bentuk data benar."),
                     self.tr("Pengirim: %1 (%2), tingkat %3").replace("%1", str(s.get("office_name", "")))
                     .replace("%2", str(s.get("office_code", ""))).replace("%3", str(s.get("tier", ""))),
                     self.tr("Sidik jari kunci pengirim: %s") % s.get("fingerprint", ""),
                     self.tr("Pemilihan: %s") % m.get("election_id", ""),
                     self.tr("Nomor urut: %s") % m.get("sequence", ""),
                     self.tr("Sertifikat: %s") % len(vb.data.get("certificates", []) or [])]
            if m.get("simulation"):
                lines.append(self.tr("Bundel SIMULASI."))
            self._say(lines)

        return self.window_.jobs.start(self.window_.ws.path, work, self.tr("Memverifikasi bundel…"), self,
                                       on_done=done,
                                       on_failed=lambda m: self._say([self.tr("TIDAK SAH: %s") % m]))

    def import_(self, path: str | None = None, accept_key: bool | None = None):
        if path is None:
            path = choose_open(self, self.tr("Impor bundel"), str(Path.home()),
                               self.tr("Bundel (*.zip);;Semua berkas (*)"), kind="bundel_masuk")
            if not path:
                return None
        if accept_key is None:
            accept_key = self.accept_key.isChecked()
        work = partial(operations.import_bundle, path=path, actor=self.window_.actor, accept_key=accept_key)

        def done(r):
            self._say(r.lines())

        return self.window_.jobs.start(self.window_.ws.path, work, self.tr("Mengimpor bundel…"), self,
                                       refresh=self.window_.refresh,
                                       on_done=done, on_failed=lambda m: self._say([self.tr("DITOLAK: %s") % m]))

    def refresh(self) -> None:
        """List the open conflicts left by bundle imports."""
        from ...core.bundle.importer import open_conflicts  # imported on first use (cryptography is slow to load)

        self.conflicts.clear()
        try:
            items = open_conflicts(self.window_.ws)
        except Exception as exc:  # an older workspace without the bundle tables
            self.result.setPlainText(str(exc))
            items = []
        for c in items:
            region = self.window_.ws.region(c["region_kode"])
            text = self.tr("%1 %2 — dari %3 nomor %4, %5 isian berbeda").replace("%1", c["region_kode"]) \
                .replace("%2", region.nama if region else "").replace("%3", str(c["sender"])) \
                .replace("%4", str(c["sequence"])).replace("%5", str(len(c["fields"])))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, c["region_kode"])
            item.setToolTip("\n".join(f"{f.get('kolom')} {f.get('field')}: kita {f.get('ours')}, kiriman {f.get('theirs')}"
                                       for f in c["fields"][:30]))
            self.conflicts.addItem(item)
        has = self.conflicts.count() > 0
        self.ours_btn.setEnabled(has)
        self.theirs_btn.setEnabled(has)

    def resolve(self, keep: str) -> bool:
        """Keep our version or the incoming one for the selected conflict (a person's choice)."""
        from ...core.bundle.importer import resolve_conflict

        item = self.conflicts.currentItem()
        if item is None:
            return False
        try:
            text = resolve_conflict(self.window_.ws, item.data(Qt.ItemDataRole.UserRole), keep, self.window_.actor)
        except RecapError as exc:
            inform(self, self.tr("Konflik"), fmt.refusal(exc), error=True)
            return False
        self._say([text])
        self.window_.refresh()
        return True
