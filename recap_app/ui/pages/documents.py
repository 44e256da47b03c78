"""The documents page: choose documents and paper, preview the pages, save the PDF or print it."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from .. import operations
from ..widgets import inform


def _notice(parent_layout, text: str) -> QLabel:
    lab = QLabel(text)
    lab.setWordWrap(True)
    lab.setStyleSheet("color: #8a5a00; padding: 6px;")
    parent_layout.addWidget(lab)
    return lab


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
            from ...core import documents

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
        work = partial(operations.render_preview, names=names, paper=self.paper.currentData(),
                       region=self._region(names), rasterise=pdf_pages_to_images,
                       labels=(self.tr("Menyusun PDF…"), self.tr("Menggambar halaman…")))
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
        work = partial(operations.save_pdf, actor=self.window_.actor, path=path, names=names,
                       paper=self.paper.currentData(), region=self._region(names), label=self.tr("Menyimpan PDF…"))
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
