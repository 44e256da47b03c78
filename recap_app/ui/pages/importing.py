"""The import page: regency certificate files chosen or dropped, the report, templates."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from .. import operations
from ..widgets import confirm, inform


class ImportPage(QWidget):
    """Import regency certificate files: choose or drop, progress, name confirmation, report."""

    def __init__(self, window):
        super().__init__()
        self.window_ = window
        self.reports: list[str] = []
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr("Pilih berkas sertifikat kabupaten/kota (xlsx, xls, ods, csv) atau seret berkas ke "
                               "jendela ini. Setiap berkas disimpan utuh atau tidak sama sekali."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        row = QHBoxLayout()
        self.choose_btn = QPushButton(self.tr("Pilih berkas…"))
        self.choose_btn.clicked.connect(self.choose_files)
        self.template_btn = QPushButton(self.tr("Buat templat isian…"))
        self.template_btn.clicked.connect(self.write_templates)
        self.save_btn = QPushButton(self.tr("Simpan laporan…"))
        self.save_btn.clicked.connect(self.save_report)
        for b in (self.choose_btn, self.template_btn, self.save_btn):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        self.summary = QLabel("")
        self.summary.setObjectName("importSummary")
        self.summary.setStyleSheet("#importSummary { font-weight: bold; }")
        lay.addWidget(self.summary)
        self.report = QPlainTextEdit()
        self.report.setObjectName("importReport")
        self.report.setReadOnly(True)
        self.report.setPlaceholderText(self.tr("Laporan impor akan tampil di sini dan disimpan selama program "
                                               "terbuka."))
        lay.addWidget(self.report, 1)
        self.last_report = None

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Pilih berkas sertifikat"), str(Path.home()),
                                                self.tr("Lembar kerja (*.xlsx *.xls *.ods *.csv);;Semua berkas (*)"))
        if paths:
            self.start_import(paths)

    def start_import(self, paths, accept_names: bool = False, reason: str | None = None):
        """Import the files on the worker (one transaction per file); returns the job."""
        window = self.window_
        paths = [str(p) for p in paths]
        work = partial(operations.import_files, paths=paths, actor=window.actor, accept_names=accept_names,
                       reason=reason)
        return window.jobs.start(window.ws.path, work, self.tr("Mengimpor berkas…"), self, refresh=window.refresh,
                                 on_done=lambda rep: self._done(rep, paths),
                                 on_failed=lambda msg: inform(self, self.tr("Impor gagal"), msg, error=True))

    def _done(self, report, paths) -> None:
        self.last_report = report
        near = [f for f in report.files if f.code == "near_names"]
        self._show(report)
        self.window_.check_stale()  # reconcile the new certificates on the worker
        if near:
            text = "\n\n".join(f.message for f in near)
            if confirm(self, self.tr("Konfirmasi nama kecamatan"),
                       self.tr("Nama kecamatan berikut tidak persis sama dengan daftar wilayah:\n\n%s\n\n"
                               "Terima kecocokan ini? Ejaan itu akan diingat.") % text,
                       self.tr("Terima nama"), self.tr("Jangan impor")):
                by_name = {Path(p).name: p for p in paths}
                self.start_import([by_name[f.file] for f in near if f.file in by_name], accept_names=True)

    def _show(self, report) -> None:
        text = report.to_text()
        self.reports.append(text)
        acc = sum(1 for f in report.files if f.status == "diterima")
        same = sum(1 for f in report.files if f.status == "sudah ada")
        ref = sum(1 for f in report.files if f.status == "ditolak")
        self.summary.setText(self.tr("Diterima %1 · sudah ada %2 · ditolak %3").replace("%1", str(acc))
                             .replace("%2", str(same)).replace("%3", str(ref)))
        self.report.setPlainText("\n\n".join(reversed(self.reports)))

    def save_report(self) -> None:
        if not self.reports:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan laporan impor"), "laporan-impor.txt",
                                              self.tr("Teks (*.txt)"))
        if path:
            Path(path).write_text("\n\n".join(self.reports) + "\n", encoding="utf-8")

    def write_templates(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder untuk templat"), str(Path.home()))
        if not folder:
            return
        window = self.window_
        window.jobs.start(window.ws.path, partial(operations.write_templates, folder=folder),
                          self.tr("Membuat templat…"), self,
                          on_done=lambda r: inform(self, self.tr("Templat"), self.tr("Templat dibuat di %s") % folder),
                          on_failed=lambda m: inform(self, self.tr("Templat"), m, error=True))

    def refresh(self) -> None:
        pass
