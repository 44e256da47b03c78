"""Bantuan › Panduan petugas (F1): the clerk's guide (docs/user-guide.md) inside the program."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QLabel, QTextBrowser, QVBoxLayout

from ..core.election import RESOURCES
from .widgets import button_box

# The guide as shipped (the repository's docs/, or docs/ beside resources/ in the frozen build).
GUIDE = RESOURCES.parent / "docs" / "user-guide.md"


class GuideDialog(QDialog):
    """The user guide (Indonesian) with its screenshots; Tutup, Enter and Esc close it."""

    def __init__(self, parent=None, path=GUIDE):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Panduan petugas"))
        lay = QVBoxLayout(self)
        self.view = QTextBrowser()
        self.view.setObjectName("guide")
        self.view.setOpenExternalLinks(False)
        self.view.setSearchPaths([str(path.parent)])
        try:
            self.view.setMarkdown(path.read_text(encoding="utf-8"))
        except OSError:
            self.view.setPlainText(self.tr("Panduan tidak ditemukan di %s.") % path)
        lay.addWidget(self.view, 1)
        note = QLabel(self.tr("Panduan ini juga ada sebagai berkas docs/user-guide.md."))
        note.setStyleSheet("color: #555;")
        lay.addWidget(note)
        self.buttons = button_box(self, self.tr("Tutup"))
        lay.addWidget(self.buttons)
        screen = (parent.screen() if parent is not None else QGuiApplication.primaryScreen()).availableGeometry()
        self.resize(min(960, screen.width() - 40), min(700, screen.height() - 60))
        self.buttons.buttons()[0].setFocus()
