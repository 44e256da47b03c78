"""The pages of the main window (tabs), each a thin face over one core module.

Nothing here decides a rule: imports, checks, documents, bundles and the audit log are all the core's.
"""

from __future__ import annotations

import html
import shutil
import subprocess
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core import audit, reconcile
from ..core.errors import Cancelled
from . import fmt
from .chart import VotesChart
from .jobs import JobRunner
from .models import AuditModel, FindingsFilter, FindingsModel, ProvinceModel
from .widgets import TextDialog, confirm, inform


def page_factories(window):
    """[(key, title, factory)] for the pages after the editor, in tab order."""
    if getattr(window, "jobs", None) is None:
        window.jobs = JobRunner(window)
    return [
        ("import", QCoreApplication.translate("MainWindow", "Impor"), lambda: ImportPage(window)),
        ("findings", QCoreApplication.translate("MainWindow", "Temuan"), lambda: FindingsPage(window)),
        ("province", QCoreApplication.translate("MainWindow", "Provinsi"), lambda: ProvincePage(window)),
        ("documents", QCoreApplication.translate("MainWindow", "Dokumen"), lambda: DocumentsPage(window)),
        ("bundles", QCoreApplication.translate("MainWindow", "Bundel"), lambda: BundlesPage(window)),
        ("audit", QCoreApplication.translate("MainWindow", "Log audit"), lambda: AuditPage(window)),
    ]


class LazyPage(QWidget):
    """A page that reloads only when shown: a refresh while hidden just marks it out of date."""

    _dirty = True

    def refresh(self) -> None:
        if self.isVisible():
            self._dirty = False
            self.reload_page()
        else:
            self._dirty = True

    def showEvent(self, event):
        if self._dirty:
            self._dirty = False
            self.reload_page()
        super().showEvent(event)

    def reload_page(self) -> None:  # pragma: no cover - overridden
        pass


def _notice(parent_layout, text: str) -> QLabel:
    lab = QLabel(text)
    lab.setWordWrap(True)
    lab.setStyleSheet("color: #8a5a00; padding: 6px;")
    parent_layout.addWidget(lab)
    return lab


# ====================================================================== import
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
        from ..core import importer

        window = self.window_
        paths = [str(p) for p in paths]

        def work(ws, progress, cancelled):
            report = importer.ImportReport()
            for i, p in enumerate(paths):
                if cancelled():
                    report.files.append(importer.FileReport(Path(p).name, code="cancelled", message=(
                        f"Berkas {Path(p).name}: impor dibatalkan sebelum berkas ini; tidak ada yang disimpan.")))
                    continue
                progress(i, len(paths), f"{Path(p).name} ({i + 1}/{len(paths)})")
                part = importer.import_files(ws, [p], window.actor, accept_names=accept_names, reason=reason)
                report.files.extend(part.files)
            progress(len(paths), len(paths), "")
            return report

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
        from ..core.importer import template  # imported on first use (openpyxl is slow to load)

        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder untuk templat"), str(Path.home()))
        if not folder:
            return
        window = self.window_

        def work(ws, progress, cancelled):
            return template.write_templates(ws, [r.kode for r in ws.regencies()], folder)

        window.jobs.start(window.ws.path, work, self.tr("Membuat templat…"), self,
                          on_done=lambda r: inform(self, self.tr("Templat"), self.tr("Templat dibuat di %s") % folder),
                          on_failed=lambda m: inform(self, self.tr("Templat"), m, error=True))

    def refresh(self) -> None:
        pass


# ====================================================================== findings
class FindingsPage(LazyPage):
    """Findings of reconciliation: filter, open the cell, explain a warning, override an error."""

    def __init__(self, window):
        super().__init__()
        self.window_ = window
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Jenis:")))
        self.severity = QComboBox()
        self.severity.setObjectName("severityFilter")
        self.severity.addItem(self.tr("Semua"), "")
        self.severity.addItem(self.tr("Kesalahan"), "error")
        self.severity.addItem(self.tr("Peringatan"), "warning")
        row.addWidget(self.severity)
        row.addWidget(QLabel(self.tr("Wilayah:")))
        self.region = QComboBox()
        self.region.setObjectName("regionFilter")
        self.region.addItem(self.tr("Semua"), "")
        self.region.addItem(self.tr("Provinsi"), window.ws.election.province_code)
        for r in window.ws.regencies():
            self.region.addItem(f"{r.kode} {r.nama}", r.kode)
        row.addWidget(self.region, 1)
        self.check_btn = QPushButton(self.tr("Periksa ulang"))
        self.check_btn.clicked.connect(self.recheck)
        row.addWidget(self.check_btn)
        lay.addLayout(row)
        self.count = QLabel("")
        self.count.setObjectName("findingsCount")
        lay.addWidget(self.count)
        self.model = FindingsModel(self)
        self.proxy = FindingsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setObjectName("findingsView")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.view.setColumnWidth(0, 105)
        self.view.setColumnWidth(1, 60)
        self.view.setColumnWidth(2, 170)
        self.view.setColumnWidth(3, 210)
        self.view.setColumnWidth(5, 120)
        self.view.setWordWrap(True)
        self.view.activated.connect(lambda _i: self.open_cell())  # Enter or double click
        lay.addWidget(self.view, 1)
        self.detail = QLabel("")
        self.detail.setObjectName("findingDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setStyleSheet("#findingDetail { background: #fafafa; border: 1px solid #ccc; padding: 6px; }")
        self.detail.setMinimumHeight(60)
        lay.addWidget(self.detail)
        self.view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._show_detail())
        btns = QHBoxLayout()
        self.open_btn = QPushButton(self.tr("Buka sel"))
        self.explain_btn = QPushButton(self.tr("Jelaskan peringatan…"))
        self.override_btn = QPushButton(self.tr("Kesampingkan kesalahan… (ketua)"))
        self.open_btn.clicked.connect(self.open_cell)
        self.explain_btn.clicked.connect(lambda: self.explain())
        self.override_btn.clicked.connect(lambda: self.override())
        for b in (self.open_btn, self.explain_btn, self.override_btn):
            btns.addWidget(b)
        btns.addStretch(1)
        lay.addLayout(btns)
        self.severity.currentIndexChanged.connect(self._filter)
        self.region.currentIndexChanged.connect(self._filter)

    def reload_page(self) -> None:
        ws = self.window_.ws
        names = {r.kode: r.nama for r in ws.regions()}
        names[ws.election.province_code] = ws.election.province_name.title()
        self.model.set_findings(self.window_.all_findings(), names, ws.election.field_label)
        self._filter()

    def _filter(self) -> None:
        self.proxy.set_filter(self.severity.currentData() or "", self.region.currentData() or "")
        total = self.model.rowCount()
        errors = sum(1 for i in range(total) if self.model.finding(i).severity == "error")
        self.count.setText(self.tr("%1 temuan ditampilkan dari %2 (%3 kesalahan, %4 peringatan)")
                           .replace("%1", str(self.proxy.rowCount())).replace("%2", str(total))
                           .replace("%3", str(errors)).replace("%4", str(total - errors)))

    def _show_detail(self) -> None:
        f = self.selected()
        if f is None:
            self.detail.setText("")
            return
        esc = html.escape
        lines = [f"<b>{esc(f.code)}</b> {esc(f.message)}"]
        if getattr(f, "explanation", None):
            lines.append(self.tr("Penjelasan (%1, %2): %3").replace("%1", f.explanation.get("by", ""))
                         .replace("%2", fmt.when(f.explanation.get("at"))).replace("%3", esc(f.explanation.get("text", ""))))
        if getattr(f, "override", None):
            lines.append(self.tr("Dikesampingkan (%1, %2): %3").replace("%1", f.override.get("by", ""))
                         .replace("%2", fmt.when(f.override.get("at"))).replace("%3", esc(f.override.get("reason", ""))))
        self.detail.setText("<br>".join(lines))

    def selected(self):
        idx = self.view.currentIndex()
        if not idx.isValid():
            return None
        return self.model.finding(self.proxy.mapToSource(idx).row())

    def open_cell(self) -> None:
        f = self.selected()
        if f is None:
            return
        ws = self.window_.ws
        if ws.region(f.region) is None or f.region == ws.election.province_code:
            self.window_.show_page("province")
            return
        self.window_.open_region(f.region, f.column, f.field)

    def recheck(self):
        window = self.window_

        def work(ws, progress, cancelled):
            progress(0, 1, self.tr("Memeriksa seluruh sertifikat…"))
            return reconcile.refresh_findings(ws, window.actor)

        return window.jobs.start(window.ws.path, work, self.tr("Memeriksa…"), self, refresh=window.refresh,
                                 on_done=None,
                                 on_failed=lambda m: inform(self, self.tr("Pemeriksaan"), m, error=True))

    def explain(self, text: str | None = None) -> bool:
        f = self.selected()
        if f is None:
            return False
        if text is None:
            dlg = TextDialog(self, self.tr("Jelaskan peringatan"),
                             self.tr("%1\n\nTuliskan penjelasan yang akan dicatat dan dicetak:").replace("%1", f.message),
                             self.tr("Catat penjelasan"))
            if not dlg.exec():
                return False
            text = dlg.text()
        return self._write(lambda: reconcile.explain(self.window_.ws, f.key, text, self.window_.actor))

    def override(self, reason: str | None = None) -> bool:
        f = self.selected()
        if f is None:
            return False
        if reason is None:
            dlg = TextDialog(self, self.tr("Kesampingkan kesalahan"),
                             self.tr("%1\n\nHanya ketua yang dapat mengesampingkan kesalahan. Tuliskan alasannya:")
                             .replace("%1", f.message), self.tr("Kesampingkan"))
            if not dlg.exec():
                return False
            reason = dlg.text()
        return self._write(lambda: reconcile.override(self.window_.ws, f.key, reason, self.window_.actor))

    def _write(self, fn) -> bool:
        from ..core.errors import RecapError

        try:
            fn()
        except RecapError as exc:
            inform(self, self.tr("Tidak dicatat"), exc.message, error=True)
            return False
        self.window_.refresh()
        return True


# ====================================================================== province
class ProvincePage(LazyPage):
    """The province recap table (one column per kabupaten/kota + JUMLAH) and the votes chart."""

    def __init__(self, window):
        super().__init__()
        self.window_ = window
        lay = QVBoxLayout(self)
        split = QSplitter(Qt.Orientation.Vertical)
        self.model = ProvinceModel(self)
        self.view = QTableView()
        self.view.setObjectName("provinceView")
        self.view.setModel(self.model)
        self.view.verticalHeader().setFixedWidth(360)
        self.view.horizontalHeader().setDefaultSectionSize(110)
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.chart = VotesChart()
        self.chart.setObjectName("votesChart")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.chart)
        split.addWidget(scroll)
        split.addWidget(self.view)
        split.setSizes([520, 300])
        lay.addWidget(split)

    def reload_page(self) -> None:
        ws = self.window_.ws
        totals = self.window_.current_totals()
        regencies = ws.regencies()
        self.model.set_data(ws.election.fields, regencies, totals)
        fm = self.view.horizontalHeader().fontMetrics()
        for i, r in enumerate(regencies):
            self.view.setColumnWidth(i, max(90, fm.horizontalAdvance(r.nama) + 16))
        rows = [(r.nama.replace("Kabupaten ", "Kab. "), totals["regencies"].get(r.kode, {})) for r in regencies]
        self.chart.set_data(ws.election.paslon, rows, (self.tr("PROVINSI"), totals["fields"]))
        self.chart.setMinimumHeight(self.chart.sizeHint().height())


# ====================================================================== documents
def pdf_pages_to_images(pdf: bytes, dpi: int = 60, limit: int = 40) -> list[QImage] | None:
    """Render PDF pages to images with pdftoppm (poppler-utils); None when it is not installed."""
    exe = shutil.which("pdftoppm")
    if exe is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "doc.pdf"
        src.write_bytes(pdf)
        subprocess.run([exe, "-png", "-r", str(dpi), "-l", str(limit), str(src), str(Path(tmp) / "p")],
                       check=True, capture_output=True, timeout=120)
        return [QImage(str(p)) for p in sorted(Path(tmp).glob("p-*.png"), key=lambda p: int(p.stem.split("-")[-1]))]


class DocumentsPage(QWidget):
    """Choose documents and paper, preview the pages, save the PDF or print it."""

    def __init__(self, window):
        super().__init__()
        self.window_ = window
        self.rendered = None
        self.images: list[QImage] = []
        lay = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("<b>Dokumen</b>")))
        self.list = QListWidget()
        self.list.setObjectName("documentList")
        left.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Kertas:")))
        self.paper = QComboBox()
        self.paper.addItem("A4", "A4")
        self.paper.addItem("F4 (215 × 330 mm)", "F4")
        self.paper.setCurrentIndex(max(0, self.paper.findData(window.ws.setting("office.paper") or "A4")))
        row.addWidget(self.paper)
        left.addLayout(row)
        row2 = QHBoxLayout()
        row2.addWidget(QLabel(self.tr("Kab/kota:")))
        self.region = QComboBox()
        for r in window.ws.regencies():
            self.region.addItem(f"{r.kode} {r.nama}", r.kode)
        row2.addWidget(self.region, 1)
        left.addLayout(row2)
        self.preview_btn = QPushButton(self.tr("Pratinjau"))
        self.save_btn = QPushButton(self.tr("Simpan PDF…"))
        self.print_btn = QPushButton(self.tr("Cetak…"))
        self.preview_btn.clicked.connect(lambda: self.preview())
        self.save_btn.clicked.connect(lambda: self.save_pdf())
        self.print_btn.clicked.connect(self.print_pages)
        for b in (self.preview_btn, self.save_btn, self.print_btn):
            left.addWidget(b)
        self.info = QLabel("")
        self.info.setWordWrap(True)
        self.info.setObjectName("documentInfo")
        left.addWidget(self.info)
        lay.addLayout(left, 2)
        self.list.setWordWrap(True)
        self.pages_box = QWidget()
        self.pages_layout = QVBoxLayout(self.pages_box)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.pages_box)
        scroll.setStyleSheet("QScrollArea { background: #777; }")
        self.scroll = scroll
        lay.addWidget(scroll, 5)
        self._documents = None
        self._left = left

    @property
    def documents(self):
        """recap_app.core.documents, imported on first use (reportlab is slow to load)."""
        if self._documents is None:
            from ..core import documents

            self._documents = documents
            for name, (_b, title) in documents.DOCUMENTS.items():
                item = QListWidgetItem(title)
                item.setToolTip(title)
                item.setData(Qt.ItemDataRole.UserRole, name)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if name in documents.PROVINCE_DOCUMENTS[:2]
                                   else Qt.CheckState.Unchecked)
                self.list.addItem(item)
        return self._documents

    def showEvent(self, event):
        _ = self.documents
        super().showEvent(event)

    def chosen(self) -> list[str]:
        _ = self.documents
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def set_chosen(self, names: list[str]) -> None:
        _ = self.documents
        for i in range(self.list.count()):
            it = self.list.item(i)
            it.setCheckState(Qt.CheckState.Checked if it.data(Qt.ItemDataRole.UserRole) in names
                             else Qt.CheckState.Unchecked)

    def _region(self, names):
        return self.region.currentData() if "sertifikat_kabupaten" in names else None

    def preview(self):
        """Render the chosen documents on the worker and show the pages."""
        names = self.chosen()
        if not names:
            inform(self, self.tr("Dokumen"), self.tr("Pilih sedikitnya satu dokumen."))
            return None
        documents, paper, region = self.documents, self.paper.currentData(), self._region(names)

        def work(ws, progress, cancelled):
            progress(0, 2, self.tr("Menyusun PDF…"))
            rendered = documents.render(ws, names, paper=paper, region=region)
            if cancelled():
                raise Cancelled()
            progress(1, 2, self.tr("Menggambar halaman…"))
            return rendered, pdf_pages_to_images(rendered.pdf)

        return self.window_.jobs.start(self.window_.ws.path, work, self.tr("Menyiapkan pratinjau…"), self,
                                       on_done=self._show,
                                       on_failed=lambda m: inform(self, self.tr("Dokumen"), m, error=True))

    def _show(self, result) -> None:
        rendered, images = result
        self.rendered = rendered
        self.images = images or []
        while self.pages_layout.count():
            w = self.pages_layout.takeAt(0).widget()
            if w:
                w.setParent(None)
        pages = sum(p.pages for p in rendered.parts)
        self.info.setText(self.tr("%1 halaman. Sidik jari: %2").replace("%1", str(pages)).replace(
            "%2", ", ".join(f"{p.name} {p.fingerprint[:12]}" for p in rendered.parts)))
        if images is None:
            _notice(self.pages_layout, self.tr("Pratinjau halaman memerlukan pdftoppm (paket poppler-utils). "
                                                "PDF tetap dapat disimpan dan dibuka dengan penampil PDF."))
            return
        width = max(300, self.scroll.viewport().width() - 40)
        for img in images:
            lab = QLabel()
            pm = QPixmap.fromImage(img)
            if pm.width() > width:
                pm = pm.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
            lab.setPixmap(pm)
            lab.setStyleSheet("border: 1px solid #333; background: white;")
            self.pages_layout.addWidget(lab)

    def save_pdf(self, path: str | None = None):
        names = self.chosen()
        if not names:
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan PDF"), str(Path.home() / "rekap.pdf"),
                                                  self.tr("PDF (*.pdf)"))
            if not path:
                return None
        documents, paper, region, actor = self.documents, self.paper.currentData(), self._region(names), \
            self.window_.actor

        def work(ws, progress, cancelled):
            progress(0, 1, self.tr("Menyimpan PDF…"))
            return documents.print_documents(ws, actor, path, names, paper=paper, region=region)

        return self.window_.jobs.start(
            self.window_.ws.path, work, self.tr("Menyimpan PDF…"), self, refresh=self.window_.refresh,
            on_done=lambda r: self.info.setText(self.tr("PDF disimpan: %s") % path),
            on_failed=lambda m: inform(self, self.tr("Dokumen"), m, error=True))

    def print_pages(self) -> None:
        """Print the previewed pages on a printer chosen in the system dialog."""
        if not self.images:
            inform(self, self.tr("Cetak"), self.tr("Buat pratinjau dulu; halaman yang tampil itulah yang dicetak. "
                                                   "Tanpa pdftoppm, simpan PDF lalu cetak dari penampil PDF."))
            return
        from PySide6.QtGui import QPainter
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dlg = QPrintDialog(printer, self)
        if not dlg.exec():
            return
        images = pdf_pages_to_images(self.rendered.pdf, dpi=200) or self.images
        p = QPainter(printer)
        for i, img in enumerate(images):
            if i:
                printer.newPage()
            rect = p.viewport()
            size = img.size().scaled(rect.size(), Qt.AspectRatioMode.KeepAspectRatio)
            p.drawImage(rect.x(), rect.y(), img.scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                                                       Qt.TransformationMode.SmoothTransformation))
        p.end()

    def refresh(self) -> None:
        pass


# ====================================================================== bundles
class BundlesPage(QWidget):
    """Export a signed bundle, verify one, import one; results in plain words."""

    def __init__(self, window):
        super().__init__()
        self.window_ = window
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr("Bundel adalah berkas bertanda tangan untuk mengirim data rekapitulasi ke tingkat "
                               "atas atau menerima data dari kabupaten/kota. Verifikasi memeriksa tanda tangan, "
                               "sidik jari setiap isi dan bentuk data sebelum apa pun disimpan."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        row = QHBoxLayout()
        self.full = QCheckBox(self.tr("Seluruh data (bukan hanya perubahan)"))
        self.sources = QCheckBox(self.tr("Sertakan berkas asli"))
        self.export_btn = QPushButton(self.tr("Ekspor bundel…"))
        self.verify_btn = QPushButton(self.tr("Verifikasi bundel…"))
        self.import_btn = QPushButton(self.tr("Impor bundel…"))
        self.export_btn.clicked.connect(lambda: self.export())
        self.verify_btn.clicked.connect(lambda: self.verify())
        self.import_btn.clicked.connect(lambda: self.import_())
        self.accept_key = QCheckBox(self.tr("Percayai kunci pengirim baru"))
        self.accept_key.setToolTip(self.tr("Hanya bila sidik jari kunci sudah dicocokkan dengan pengirim lewat jalur lain."))
        for w in (self.export_btn, self.full, self.sources):
            row.addWidget(w)
        row.addStretch(1)
        lay.addLayout(row)
        row2 = QHBoxLayout()
        for w in (self.verify_btn, self.import_btn, self.accept_key):
            row2.addWidget(w)
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
        from ..core.bundle.export import export_bundle

        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Ekspor bundel"), str(Path.home() / "rekap.bundle.zip"),
                                                  self.tr("Bundel (*.zip)"))
            if not path:
                return None
        full, sources, actor = self.full.isChecked(), self.sources.isChecked(), self.window_.actor

        def work(ws, progress, cancelled):
            progress(0, 1, self.tr("Menyusun dan menandatangani bundel…"))
            return export_bundle(ws, path, actor, full=full, with_sources=sources)

        def done(r):
            self._say([self.tr("Bundel diekspor: %s") % r.path,
                       self.tr("Nomor urut %1 (dasar %2), %3 sertifikat, %4 revisi, %5 catatan audit, %6 bait.")
                       .replace("%1", str(r.sequence)).replace("%2", str(r.base_sequence))
                       .replace("%3", str(r.certificates)).replace("%4", str(r.revisions))
                       .replace("%5", str(r.audit)).replace("%6", fmt.number(r.size)),
                       self.tr("Sidik jari manifes: %s") % r.manifest_sha256])

        return self.window_.jobs.start(self.window_.ws.path, work, self.tr("Mengekspor bundel…"), self,
                                       refresh=self.window_.refresh,
                                       on_done=done, on_failed=lambda m: self._say([self.tr("GAGAL: %s") % m]))

    def verify(self, path: str | None = None):
        from ..core.bundle.verify import verify_bundle

        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Verifikasi bundel"), str(Path.home()),
                                                  self.tr("Bundel (*.zip);;Semua berkas (*)"))
            if not path:
                return None

        def work(ws, progress, cancelled):
            return verify_bundle(path)

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
        from ..core.bundle.importer import import_bundle

        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Impor bundel"), str(Path.home()),
                                                  self.tr("Bundel (*.zip);;Semua berkas (*)"))
            if not path:
                return None
        actor = self.window_.actor
        if accept_key is None:
            accept_key = self.accept_key.isChecked()

        def work(ws, progress, cancelled):
            return import_bundle(ws, path, actor, accept_key=accept_key)

        def done(r):
            self._say(r.lines())

        return self.window_.jobs.start(self.window_.ws.path, work, self.tr("Mengimpor bundel…"), self,
                                       refresh=self.window_.refresh,
                                       on_done=done, on_failed=lambda m: self._say([self.tr("DITOLAK: %s") % m]))

    def refresh(self) -> None:
        """List the open conflicts left by bundle imports."""
        from ..core.bundle.importer import open_conflicts  # imported on first use (cryptography is slow to load)

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
        from ..core.bundle.importer import resolve_conflict
        from ..core.errors import RecapError

        item = self.conflicts.currentItem()
        if item is None:
            return False
        try:
            text = resolve_conflict(self.window_.ws, item.data(Qt.ItemDataRole.UserRole), keep, self.window_.actor)
        except RecapError as exc:
            inform(self, self.tr("Konflik"), exc.message, error=True)
            return False
        self._say([text])
        self.window_.refresh()
        return True


# ====================================================================== audit
class AuditPage(LazyPage):
    """The audit log with filters (kabupaten/kota, user, action, time) and a chain check."""

    def __init__(self, window):
        super().__init__()
        self.window_ = window
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        self.region = QComboBox()
        self.region.setObjectName("auditRegion")
        self.region.addItem(self.tr("Semua wilayah"), "")
        for r in window.ws.regencies():
            self.region.addItem(f"{r.kode} {r.nama}", r.kode)
        self.user = QComboBox()
        self.user.setObjectName("auditUser")
        self.action = QComboBox()
        self.action.setObjectName("auditAction")
        self.use_dates = QCheckBox(self.tr("Tanggal:"))
        self.since = QDateEdit(QDate.currentDate().addDays(-7))
        self.until = QDateEdit(QDate.currentDate())
        for d in (self.since, self.until):
            d.setCalendarPopup(True)
            d.setDisplayFormat("dd-MM-yyyy")
        for combo in (self.region, self.user, self.action):
            combo.setMinimumWidth(150)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("cari teks…"))
        for w in (self.region, self.user, self.action, self.use_dates, self.since, QLabel("–"), self.until,
                  self.text):
            row.addWidget(w)
        self.verify_btn = QPushButton(self.tr("Periksa rantai"))
        self.verify_btn.clicked.connect(self.verify)
        row.addWidget(self.verify_btn)
        lay.addLayout(row)
        self.status = QLabel("")
        self.status.setObjectName("auditStatus")
        lay.addWidget(self.status)
        self.model = AuditModel(self)
        self.view = QTableView()
        self.view.setObjectName("auditView")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        for i, wdt in enumerate((50, 170, 90, 170, 150)):
            self.view.setColumnWidth(i, wdt)
        lay.addWidget(self.view, 1)
        for combo in (self.region, self.user, self.action):
            combo.currentIndexChanged.connect(self.reload)
        self.use_dates.toggled.connect(self.reload)
        self.since.dateChanged.connect(self.reload)
        self.until.dateChanged.connect(self.reload)
        self.text.editingFinished.connect(self.reload)

    def reload_page(self) -> None:
        for combo, items, label in ((self.user, audit.actors(self.window_.ws), self.tr("Semua pengguna")),
                                    (self.action, audit.actions(self.window_.ws), self.tr("Semua tindakan"))):
            cur = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(label, "")
            for it in items:
                combo.addItem(it, it)
            i = combo.findData(cur)
            combo.setCurrentIndex(max(i, 0))
            combo.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        kw = {}
        if self.region.currentData():
            kw["entity"] = f"certificate:{self.region.currentData()}"
        if self.user.currentData():
            kw["actor"] = self.user.currentData()
        if self.action.currentData():
            kw["action"] = self.action.currentData()
        if self.use_dates.isChecked():
            kw["since"] = self.since.date().toString("yyyy-MM-dd")
            kw["until"] = self.until.date().toString("yyyy-MM-dd") + "T23:59:59+99:99"
        if self.text.text().strip():
            kw["text"] = self.text.text().strip()
        import json

        recs = audit.query(self.window_.ws, limit=2000, **kw)
        self.model.set_rows([(r.id, fmt.when(r.at), r.actor, r.action, r.entity,
                              "" if r.after is None else json.dumps(r.after, ensure_ascii=False))
                             for r in recs])
        self.status.setText(self.tr("%1 catatan ditampilkan (terbaru di atas; paling banyak 2000).")
                            .replace("%1", str(len(recs))))

    def verify(self) -> None:
        rep = audit.verify_chain(self.window_.ws)
        if getattr(rep, "ok", False):
            self.status.setText(self.tr("Rantai audit utuh: %s catatan diperiksa.") % rep.records)
        else:
            self.status.setText(self.tr("RANTAI AUDIT RUSAK: %s") % "; ".join(p.message for p in rep.problems[:3]))


__all__ = ["page_factories"]
