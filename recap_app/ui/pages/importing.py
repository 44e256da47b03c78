"""The import page: regency certificate files chosen or dropped, the report, templates."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QWidget

from ...core.outputs import write_atomic
from .. import fmt, operations
from ..widgets import (
    TextDialog,
    add_button,
    add_label,
    choose_folder,
    choose_open_many,
    choose_save,
    confirm,
    dated_name,
    documents_folder,
    inform,
    start_page,
    tell,
)


class ImportPage(QWidget):
    """Import regency certificate files: choose or drop, progress in the status bar (the window stays
    usable, Batal stops after the file being read), the list updated as each file lands, name
    confirmation, the report in the form's words."""

    def __init__(self, window):
        super().__init__()
        self.reports: list[str] = []
        lay = start_page(self, window, self.tr("Pilih berkas sertifikat kabupaten/kota (xlsx, xls, ods, csv) atau seret berkas ke "
                                               "jendela ini. Setiap berkas disimpan utuh atau tidak sama sekali; kemajuan tampil di "
                                               "bilah bawah dan jendela tetap dapat dipakai."))
        row = QHBoxLayout()
        self.choose_btn = add_button(row, self.tr("&Pilih berkas…"), self.choose_files)
        self.template_btn = add_button(row, self.tr("Buat &templat isian…"), self.write_templates)
        window.gate(self.choose_btn, "import")
        self.save_btn = add_button(row, self.tr("Simpan &laporan…"), self.save_report)
        row.addStretch(1)
        lay.addLayout(row)
        self.summary = add_label(lay, "", "importSummary", style="#importSummary { font-weight: bold; }")
        self.report = QPlainTextEdit()
        self.report.setObjectName("importReport")
        self.report.setReadOnly(True)
        self.report.setPlaceholderText(self.tr("Laporan impor akan tampil di sini dan disimpan selama program "
                                               "terbuka."))
        lay.addWidget(self.report, 1)
        self.last_report = None

    def choose_files(self) -> None:
        paths = choose_open_many(self, self.tr("Pilih berkas sertifikat"), str(Path.home()),
                                 self.tr("Lembar kerja (*.xlsx *.xls *.ods *.csv);;Semua berkas (*)"), kind="sertifikat")
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
                                 on_progress=lambda done, total, _text: self._landed(done, total),
                                 on_failed=lambda msg: tell(self, self.tr("Impor gagal"), msg, error=True))

    def _landed(self, done: int, total: int) -> None:
        """A file was stored (or refused): the list of kabupaten/kota shows it at once."""
        if done > 0:
            self.window_.refresh_regencies()
        self.summary.setText(self.tr("Mengimpor: %1 dari %2 berkas selesai…").replace("%1", str(done))
                             .replace("%2", str(total)) if done < total else "")

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
                       self.tr("Terima nama"), self.tr("Jangan impor"), default_yes=False):  # Enter: the safe answer
                self.start_import([p for p, f in zip(paths, report.files, strict=False) if f.code == "near_names"],
                                  accept_names=True)  # by position: two regencies may send files of one name
        self._ask_reason(report, paths)

    def _ask_reason(self, report, paths) -> None:
        """Files refused because they would replace a revision typed here or received in a bundle
        (core code "reason_needed"): the clerk reads what each would change and either gives the
        reason, recorded with the new revisions, or leaves the revisions as they are (Esc)."""
        over = [f for f in report.files if f.code == "reason_needed"]
        if not over:
            return
        from ...core.importer import replacement_text

        ws = self.window_.ws
        sheet = self.tr("lembar")
        what = "\n\n".join(f"{f.file}, {sheet} {f.sheet}: {replacement_text(ws, f, fmt.LANG)}"
                            if f.replaces else fmt.refusal(f) for f in over)
        prompt = self.tr("Berkas berikut akan mengganti revisi yang diketik di aplikasi atau diterima dari bundel:"
                         "\n\n%1\n\nBila berkas ini yang berlaku, tuliskan alasannya (dicatat pada revisi baru). "
                         "Batal: revisi yang ada tetap berlaku.").replace("%1", what)
        dlg = TextDialog(self, self.tr("Alasan mengganti revisi"), prompt, self.tr("Impor dengan alasan"),
                         multiline=False)
        dlg.resize(900, 600)  # the revisions and the figures they would change are read whole
        if dlg.exec():
            self.start_import([p for p, f in zip(paths, report.files, strict=False) if f.code == "reason_needed"],
                              reason=dlg.text())

    def _show(self, report) -> None:
        from ...core.importer import replacement_text

        sheet, asked = self.tr("lembar"), self.tr("Alasan ditanyakan; tanpa alasan revisi yang ada tetap berlaku.")
        for f in report.files:  # the window asks for the reason itself: its report gives no command-line advice
            if f.code == "reason_needed" and f.replaces:
                f.message = f"{f.file}, {sheet} {f.sheet}: {replacement_text(self.window_.ws, f)} {asked}"
        text = report.to_text(self.window_.ws.election, lang=fmt.LANG)
        self.reports.append(text)
        acc = sum(1 for f in report.files if f.status == "diterima")
        same = sum(1 for f in report.files if f.status == "sudah ada")
        ref = sum(1 for f in report.files if f.status == "ditolak")
        self.summary.setText(self.tr("Diterima %1 · sudah ada %2 · ditolak %3").replace("%1", str(acc))
                             .replace("%2", str(same)).replace("%3", str(ref)))
        self.report.setPlainText("\n\n".join(reversed(self.reports)))

    def save_report(self, path: str | None = None) -> None:
        """Write the reports to a text file (never over the workspace or another database)."""
        if not self.reports:
            return
        if path is None:
            path = choose_save(self, self.tr("Simpan laporan impor"),
                               str(documents_folder() / dated_name("laporan-impor", ".txt")), self.tr("Teks (*.txt)"),
                               kind="laporan")
            if not path:
                return
        try:
            write_atomic(path, ("\n\n".join(self.reports) + "\n").encode("utf-8"), self.window_.ws)
        except Exception as exc:  # a refused target or a full disk: said, nothing written
            inform(self, self.tr("Simpan laporan impor"), fmt.refusal(exc), error=True)

    def write_templates(self) -> None:
        folder = choose_folder(self, self.tr("Folder untuk templat"), str(documents_folder()), kind="templat")
        if not folder:
            return
        window = self.window_
        window.jobs.start(window.ws.path, partial(operations.write_templates, folder=folder),
                          self.tr("Membuat templat…"), self,
                          on_done=lambda r: tell(self, self.tr("Templat"), self.tr("Templat dibuat di %s") % folder),
                          on_failed=lambda m: tell(self, self.tr("Templat"), m, error=True))

    def refresh(self) -> None:
        pass
