"""The documents page: choose documents and paper, preview the pages, save the PDF or print it."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from .. import operations, printing
from ..widgets import add_button, add_label, add_labelled, choose_save, dated_name, documents_folder, inform, tell


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


def document_titles() -> dict[str, str]:
    """The documents as the list shows them (translated; the CLI's own hints left out)."""
    return {
        "sertifikat": QCoreApplication.translate("DocumentsPage", "Sertifikat rekapitulasi tingkat provinsi (kolom per kabupaten/kota)"),
        "rekapitulasi": QCoreApplication.translate("DocumentsPage", "Rekapitulasi jumlah provinsi dengan huruf dan persentase"),
        "berita_acara": QCoreApplication.translate("DocumentsPage", "Berita acara rapat pleno rekapitulasi"),
        "kejadian_khusus": QCoreApplication.translate("DocumentsPage", "Kejadian khusus dan/atau keberatan saksi"),
        "kejadian_khusus_kosong": QCoreApplication.translate("DocumentsPage", "Formulir kejadian khusus dan/atau keberatan saksi (kosong)"),
        "temuan": QCoreApplication.translate("DocumentsPage", "Laporan temuan pemeriksaan (dokumen internal)"),
        "sertifikat_kabupaten": QCoreApplication.translate("DocumentsPage", "Sertifikat kabupaten/kota sebagaimana diterima (pilih di bawah)"),
    }


class DocumentsPage(QWidget):
    """Choose documents and paper, preview the pages, save the PDF or print it.

    The paper follows the office's setting (Pengaturan kantor › Kertas dokumen) until the clerk
    picks another one here.
    """

    ZOOMS = (0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 2.5)

    def __init__(self, window):
        super().__init__()
        self.window_ = window
        self.rendered = None
        self.images: list[QImage] = []
        self.zoom_index = 3
        lay = QHBoxLayout(self)
        left = QVBoxLayout()
        head = QLabel(self.tr("<b>&Dokumen</b>"))
        left.addWidget(head)
        self.list = QListWidget()
        self.list.setObjectName("documentList")
        head.setBuddy(self.list)
        left.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.paper = add_labelled(row, self.tr("&Kertas:"), QComboBox())
        self.paper.setObjectName("paperChoice")
        self.paper.addItem("A4", "A4")
        self.paper.addItem("F4 (215 × 330 mm)", "F4")
        self._paper_chosen = False
        self._office_paper()
        self.paper.activated.connect(lambda _i: setattr(self, "_paper_chosen", True))
        left.addLayout(row)
        row2 = QHBoxLayout()
        self.region = add_labelled(row2, self.tr("Ka&b/kota:"), QComboBox(), 1)
        for r in window.ws.regencies():
            self.region.addItem(f"{r.kode} {r.nama}", r.kode)
        left.addLayout(row2)
        self.preview_btn = add_button(left, self.tr("&Pratinjau"), self.preview)
        self.save_btn = add_button(left, self.tr("&Simpan PDF…"), self.save_pdf)
        self.print_btn = add_button(left, self.tr("&Cetak…"), self.print_documents)
        self.print_btn.setToolTip(self.tr("Ctrl+P"))
        self.info = add_label(left, "", "documentInfo", wrap=True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
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
            titles = document_titles()
            for name in documents.offered(self.window_.ws.election):  # no seat document for Pilpres, Pilkada
                title = documents.DOCUMENTS[name][1]
                item = QListWidgetItem(titles.get(name, title))
                item.setToolTip(titles.get(name, title))
                item.setData(Qt.ItemDataRole.UserRole, name)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if name in documents.PROVINCE_DOCUMENTS[:2]
                                   else Qt.CheckState.Unchecked)
                self.list.addItem(item)
            if self.list.count():
                self.list.setCurrentRow(0)
        return self._documents

    def showEvent(self, event):
        _ = self.documents
        super().showEvent(event)

    def _office_paper(self) -> None:
        """The paper chosen in the office settings, unless the clerk picked one on this page."""
        if not self._paper_chosen:
            paper = str(self.window_.ws.setting("office.paper") or "A4").upper()
            self.paper.setCurrentIndex(max(0, self.paper.findData(paper)))

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

    def _names_or_say(self) -> list[str]:
        names = self.chosen()
        if not names:
            inform(self, self.tr("Dokumen"), self.tr("Pilih sedikitnya satu dokumen (Spasi mencentang dokumen "
                                                     "di daftar)."))
        return names

    def preview(self):
        """Render the chosen documents on the worker and show the pages."""
        names = self._names_or_say()
        if not names:
            return None
        work = partial(operations.render_preview, names=names, paper=self.paper.currentData(),
                       region=self._region(names), rasterise=partial(pdf_pages_to_images, dpi=90),
                       labels=(self.tr("Menyusun PDF…"), self.tr("Menggambar halaman…")))
        return self.window_.jobs.start(self.window_.ws.path, work, self.tr("Menyiapkan pratinjau…"), self,
                                       on_done=self._show,
                                       on_failed=lambda m: tell(self, self.tr("Dokumen"), m, error=True))

    def _show(self, result) -> None:
        rendered, images = result
        self.rendered = rendered
        self.images = images or []
        pages = sum(p.pages for p in rendered.parts)
        self.info.setText(self.tr("%1 halaman. Sidik jari: %2").replace("%1", str(pages)).replace(
            "%2", ", ".join(f"{p.name} {p.fingerprint[:12]}" for p in rendered.parts)))
        self._lay_out_pages(images is None)

    def _lay_out_pages(self, missing_tool: bool = False) -> None:
        while self.pages_layout.count():
            w = self.pages_layout.takeAt(0).widget()
            if w:
                w.setParent(None)
        if missing_tool:
            add_label(self.pages_layout, self.tr("Pratinjau halaman memerlukan pdftoppm (paket poppler-utils). "
                                                 "PDF tetap dapat disimpan dan dibuka dengan penampil PDF."),
                      wrap=True, style="color: #8a5a00; padding: 6px;")
            return
        fit = max(300, self.scroll.viewport().width() - 40)
        factor = self.ZOOMS[self.zoom_index]
        for img in self.images:
            lab = QLabel()
            pm = QPixmap.fromImage(img)
            width = int(min(fit, pm.width()) * factor) if factor <= 1 else int(fit * factor)
            pm = pm.scaledToWidth(max(100, width), Qt.TransformationMode.SmoothTransformation)
            lab.setPixmap(pm)
            lab.setStyleSheet("border: 1px solid #333; background: white;")
            self.pages_layout.addWidget(lab)

    def zoom(self, step: int) -> None:
        """Larger or smaller preview pages (Ctrl++ / Ctrl+- / Ctrl+0)."""
        self.zoom_index = 3 if step == 0 else max(0, min(len(self.ZOOMS) - 1, self.zoom_index + step))
        if self.images:
            self._lay_out_pages()
        self.window_.show_message(self.tr("Pratinjau %s%%") % int(self.ZOOMS[self.zoom_index] * 100))

    def save_pdf(self, path: str | None = None):
        names = self._names_or_say()
        if not names:
            return None
        if path is None:
            stem = f"{names[0] if len(names) == 1 else 'dokumen'}-{self.window_.ws.election.id}"
            path = choose_save(self, self.tr("Simpan PDF"), str(documents_folder() / dated_name(stem, ".pdf")),
                               self.tr("PDF (*.pdf)"), kind="pdf")
            if not path:
                return None
        work = partial(operations.save_pdf, actor=self.window_.actor, path=path, names=names,
                       paper=self.paper.currentData(), region=self._region(names), label=self.tr("Menyimpan PDF…"))
        return self.window_.jobs.start(
            self.window_.ws.path, work, self.tr("Menyimpan PDF…"), self, refresh=self.window_.refresh,
            on_done=lambda r: self.info.setText(self.tr("PDF disimpan: %s") % path),
            on_failed=lambda m: tell(self, self.tr("Dokumen"), m, error=True))

    # ------------------------------------------------------------------ printing
    def print_summary(self, names: list[str]) -> list[str]:
        """What the print dialog says will be printed: each document with its orientation."""
        titles = document_titles()
        wide = {"sertifikat", "temuan", "sertifikat_kabupaten"}
        lines = [self.tr("Dokumen yang dicetak:")]
        for n in names:
            orient = self.tr("mendatar") if n in wide else self.tr("tegak")
            lines.append(f"• {titles.get(n, n)} ({orient})")
        if self.rendered is not None and [p.name for p in self.rendered.parts] == names:
            lines.append(self.tr("%s halaman per salinan.") % sum(p.pages for p in self.rendered.parts))
        return lines

    def print_documents(self, printer: str | None = None, copies: int | None = None):
        """Berkas › Cetak (Ctrl+P): the print dialog, then render and print on the worker; the print
        is recorded in the audit log once the printer took the job. Returns the job (or None)."""
        names = self._names_or_say()
        if not names:
            return None
        cups = shutil.which("lp") is not None
        printers = printing.cups_printers() if cups else printing.qt_printers()
        paper = self.paper.currentData()
        if printer is None:
            dlg = printing.PrintDialog(self, self.print_summary(names), paper, printers)
            if not dlg.exec():
                return None
            printer, copies = dlg.printer.currentData(), dlg.copies.value()
        if cups:
            send = printing.send_with_lp
        else:
            def send(pdf, name, n, _paper, _title):
                return printing.print_with_qt(pdf, name, n, lambda data, dpi: pdf_pages_to_images(data, dpi, 400))
        work = partial(operations.print_to_printer, actor=self.window_.actor, names=names, paper=paper,
                       region=self._region(names), printer=printer, copies=copies or 1, send=send,
                       labels=(self.tr("Menyusun PDF…"), self.tr("Mengirim ke printer…")))

        def done(result):
            rendered, job = result
            pages = sum(p.pages for p in rendered.parts)
            self.info.setText(self.tr("Dikirim ke printer %1: %2 salinan × %3 halaman%4. Dicatat di log audit.")
                              .replace("%1", printer).replace("%2", str(copies or 1)).replace("%3", str(pages))
                              .replace("%4", f" ({job})" if job else ""))
            self.window_.show_message(self.info.text())

        return self.window_.jobs.start(self.window_.ws.path, work, self.tr("Mencetak…"), self,
                                       refresh=self.window_.refresh, on_done=done,
                                       on_failed=lambda m: tell(self, self.tr("Cetak"), m, error=True))

    def refresh(self) -> None:
        self._office_paper()
