"""The coordinator's side-by-side view of entry 1 and entry 2, deciding per differing figure."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..core.domain import JUMLAH
from ..core.errors import RecapError
from . import fmt
from .widgets import TextDialog, button_box, inform


class DoubleEntryDialog(QDialog):
    """Lists every figure where entry 2 differs from entry 1 (recap_app.core.double_entry.differences),
    with the typing-fault class when one fits; the coordinator keeps entry 1 or entry 2 for each,
    or sends the certificate back to be typed again. Everything is decided by the core.
    """

    def __init__(self, ws, kode: str, actor: str, parent=None):
        from ..core import double_entry

        super().__init__(parent)
        self.ws, self.kode, self.actor = ws, kode, actor
        self.setWindowTitle(self.tr("Keputusan entri ganda — %s") % kode)
        lay = QVBoxLayout(self)
        try:
            self.report = double_entry.differences(ws, kode)
        except RecapError as exc:
            self.report = None
            lay.addWidget(QLabel(fmt.refusal(exc)))
            lay.addWidget(button_box(self, self.tr("Tutup")))
            return
        names = {r.kode: r.nama for r in ws.columns_of(kode)}
        diffs = self.report.differences
        head = QLabel(self.tr("%1 isian berbeda dari %2 yang dibandingkan. Pilih nilai yang sesuai dengan "
                              "sertifikat kertas untuk setiap isian.").replace("%1", str(len(diffs)))
                      .replace("%2", str(self.report.compared)))
        head.setWordWrap(True)
        lay.addWidget(head)
        self.table = QTableWidget(len(diffs), 5)
        self.table.setObjectName("differences")
        self.table.setHorizontalHeaderLabels([self.tr("Kolom"), self.tr("Isian"), self.tr("Entri 1"),
                                              self.tr("Entri 2"), self.tr("Pakai")])
        self.choices: list[QComboBox] = []
        for i, d in enumerate(diffs):
            col = "JUMLAH" if d.column == JUMLAH else names.get(d.column, d.column)
            cells = (col, ws.election.form_of_region(kode).field_label(d.field), fmt.number(d.value_a, "—"), fmt.number(d.value_b, "—"))
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(d.message)
                self.table.setItem(i, j, item)
            combo = QComboBox()
            combo.addItem(self.tr("entri 1"), "entri_1")
            combo.addItem(self.tr("entri 2"), "entri_2")
            self.choices.append(combo)
            self.table.setCellWidget(i, 4, combo)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.table, 1)
        back = QPushButton(self.tr("Kembalikan untuk diketik ulang…"))
        back.clicked.connect(self.send_back)
        lay.addWidget(back)
        lay.addWidget(button_box(self, self.tr("Simpan keputusan"), self.tr("Batal")))
        self.resize(900, 420)

    def chosen(self) -> dict:
        """{(column, field): "entri_1" | "entri_2"} as set in the table."""
        return {(d.column, d.field): c.currentData() for d, c in zip(self.report.differences, self.choices,
                                                                    strict=True)}

    def accept(self) -> None:
        from ..core import double_entry

        if self.report is None:
            super().reject()
            return
        try:
            double_entry.resolve(self.ws, self.kode, self.chosen(), self.actor)
        except RecapError as exc:
            inform(self, self.tr("Entri ganda"), fmt.refusal(exc), error=True)
            return
        super().accept()

    def send_back(self) -> None:
        from ..core import double_entry

        dlg = TextDialog(self, self.tr("Kembalikan"), self.tr("Mengapa sertifikat ini harus diketik ulang?"),
                         self.tr("Kembalikan"))
        if not dlg.exec():
            return
        try:
            double_entry.send_back(self.ws, self.kode, self.actor, dlg.text())
        except RecapError as exc:
            inform(self, self.tr("Entri ganda"), fmt.refusal(exc), error=True)
            return
        super().accept()
