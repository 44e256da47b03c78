"""Printing the documents: the print dialog (all in Indonesian) and sending the PDF to the printer.

The PDF the core renders is already at the document's paper (A4 or F4) with each page in its own
orientation (the province certificate landscape, the minutes portrait). With CUPS (Linux; the
office PCs) the PDF itself goes to the queue with ``lp``, so the pages stay vector and the
printer receives kilobytes, not page images; CUPS turns a landscape page onto the sheet as a whole.
Without ``lp`` (another system) the pages are drawn with Qt's printer, each with its own page size
and orientation, at 300 ppi.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QSpinBox, QVBoxLayout

from ..core.errors import RecapError
from .widgets import button_box

# The media name CUPS is given for each paper (F4 has no standard name: a custom size).
MEDIA = {"A4": "A4", "F4": "Custom.215x330mm"}


class PrintError(RecapError):
    """The printer or the print system refused the job; nothing was recorded as printed."""


def cups_printers() -> tuple[list[str], str | None]:
    """(printer queues, the default queue) from CUPS (``lpstat``); ([], None) without CUPS."""
    lpstat = shutil.which("lpstat")
    if lpstat is None:
        return [], None
    try:
        names = subprocess.run([lpstat, "-e"], capture_output=True, text=True, timeout=10).stdout.split()
        default = subprocess.run([lpstat, "-d"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return [], None
    chosen = default.rsplit(":", 1)[-1].strip() if ":" in default else None
    return names, chosen if chosen in names else None


def qt_printers() -> tuple[list[str], str | None]:
    """(printers, default) as Qt sees them (the fallback without CUPS)."""
    from PySide6.QtPrintSupport import QPrinterInfo

    names = list(QPrinterInfo.availablePrinterNames())
    default = QPrinterInfo.defaultPrinterName()
    return names, default if default in names else None


def send_with_lp(pdf: bytes, printer: str, copies: int, paper: str, title: str) -> str:
    """Send a PDF to a CUPS queue as it is (vector pages). Returns CUPS's job id ("PDF-12").

    Raises PrintError (code "print_failed") with CUPS's own words when the job is refused.
    """
    lp = shutil.which("lp")
    if lp is None:
        raise PrintError("Perintah cetak lp (CUPS) tidak ada di komputer ini.", "print_failed")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "dokumen.pdf"
        path.write_bytes(pdf)
        cmd = [lp, "-d", printer, "-n", str(int(copies)), "-t", title, "-o", f"media={MEDIA.get(paper, paper)}",
               "-o", "collate=true", str(path)]
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        except (OSError, subprocess.SubprocessError) as exc:
            raise PrintError(f"Printer {printer} tidak dapat dihubungi: {exc}.", "print_failed") from exc
    if done.returncode != 0:
        why = (done.stderr or done.stdout).strip() or f"kode keluar {done.returncode}"
        raise PrintError(f"Printer {printer} menolak pekerjaan cetak: {why}.", "print_failed")
    out = done.stdout.strip()
    return out.split(" is ", 1)[1].split(" ", 1)[0] if " is " in out else out


def print_with_qt(pdf: bytes, printer: str, copies: int, rasterise) -> str:
    """Draw the pages with Qt's printer, each page with its own size and orientation (no CUPS).

    ``rasterise(pdf, dpi)`` gives the page images. Returns "" (no job id).
    """
    from PySide6.QtCore import QMarginsF, QRectF, QSizeF
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter
    from PySide6.QtPrintSupport import QPrinter

    images = rasterise(pdf, 300)
    if not images:
        raise PrintError("Halaman tidak dapat disiapkan untuk printer (pdftoppm tidak ada).", "print_failed")
    qp = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    qp.setPrinterName(printer)
    qp.setCopyCount(int(copies))
    qp.setFullPage(True)

    def layout(img):
        w_mm, h_mm = img.width() / 300 * 25.4, img.height() / 300 * 25.4
        size = QPageSize(QSizeF(min(w_mm, h_mm), max(w_mm, h_mm)), QPageSize.Unit.Millimeter)
        orient = QPageLayout.Orientation.Landscape if w_mm > h_mm else QPageLayout.Orientation.Portrait
        return QPageLayout(size, orient, QMarginsF(0, 0, 0, 0))

    qp.setPageLayout(layout(images[0]))
    painter = QPainter()
    if not painter.begin(qp):
        raise PrintError(f"Printer {printer} tidak dapat dibuka.", "print_failed")
    for i, img in enumerate(images):
        if i:
            qp.setPageLayout(layout(img))
            qp.newPage()
        painter.drawImage(QRectF(painter.viewport()), img)
    painter.end()
    return ""


class PrintDialog(QDialog):
    """Where and how many: the printer (the default queue first chosen), copies, and what will be
    printed (documents, pages, paper and orientation). Cetak is the default (Enter); Esc cancels.

    Args:
        summary: lines describing what is printed (from the documents page).
        paper: the documents' paper ("A4" / "F4"), shown, not chosen here: the pages are made at it.
        printers: (names, default) — cups_printers() or qt_printers().
    """

    def __init__(self, parent, summary: list[str], paper: str, printers: tuple[list[str], str | None]):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cetak dokumen"))
        lay = QVBoxLayout(self)
        what = QLabel("\n".join(summary))
        what.setObjectName("printSummary")
        what.setWordWrap(True)
        lay.addWidget(what)
        form = QFormLayout()
        self.printer = QComboBox()
        self.printer.setObjectName("printerChoice")
        names, default = printers
        for n in names:
            self.printer.addItem(n, n)
        if default:
            self.printer.setCurrentIndex(max(0, self.printer.findData(default)))
        self.copies = QSpinBox()
        self.copies.setObjectName("printCopies")
        self.copies.setRange(1, 99)
        self.copies.setValue(1)
        paper_text = {"A4": "A4 (210 × 297 mm)", "F4": "F4 (215 × 330 mm)"}.get(paper, paper)
        form.addRow(self.tr("&Printer"), self.printer)
        form.addRow(self.tr("&Jumlah salinan"), self.copies)
        form.addRow(self.tr("Kertas"), QLabel(paper_text + " — " + self.tr("setiap halaman dengan arahnya sendiri "
                                                                          "(tegak atau mendatar)")))
        lay.addLayout(form)
        if not names:
            warn = QLabel(self.tr("Tidak ada printer yang terpasang. Simpan PDF lalu cetak dari komputer lain."))
            warn.setWordWrap(True)
            warn.setStyleSheet("color: #b00020;")
            lay.addWidget(warn)
        note = QLabel(self.tr("Setiap pencetakan dicatat di log audit: siapa, dokumen, sidik data, printer dan "
                              "jumlah salinan."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        lay.addWidget(note)
        self.buttons = button_box(self, self.tr("Cetak"), self.tr("Batal"))
        self.buttons.buttons()[0].setEnabled(bool(names))
        lay.addWidget(self.buttons)
        self.printer.setFocus()
        self.resize(520, 260)
