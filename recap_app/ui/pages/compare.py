"""The comparison page: the workspace against a second source of the same figures (the program's own
CSV export, a CSV keyed by region code, or spreadsheets of the certificates such as Situng's)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QTableWidgetItem, QWidget

from ...core.domain import JUMLAH
from .. import fmt, operations
from ..widgets import add_button, add_label, choose_open, rows_table, start_page, tell


class ComparePage(QWidget):
    """Choose the other source, compare on the worker, list every difference with its likely typing
    fault; Enter (or a double click) on a difference opens the cell in the editor. Writes nothing."""

    def __init__(self, window):
        super().__init__()
        self.report = None
        lay = start_page(self, window, self.tr("Bandingkan angka ruang kerja dengan sumber kedua: berkas CSV ekspor program ini "
                                               "(recap export --format csv), CSV berkunci kode wilayah, atau lembar kerja berisi "
                                               "sertifikat (misalnya lembar kerja Situng). Tidak ada yang disimpan."))
        row = QHBoxLayout()
        self.choose_btn = add_button(row, self.tr("&Pilih berkas pembanding…"), self.compare)
        self.prefix = QLineEdit()
        self.prefix.setObjectName("comparePrefix")
        self.prefix.setPlaceholderText(self.tr("awalan kolom CSV, mis. situng_ (boleh kosong)"))
        hint = self.prefix.fontMetrics().horizontalAdvance(self.prefix.placeholderText()) + 24
        self.prefix.setMinimumWidth(min(hint, 420))  # the hint is read whole, in either language
        row.addWidget(self.prefix)
        row.addStretch(1)
        lay.addLayout(row)
        self.summary = add_label(lay, "", "compareSummary", wrap=True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = rows_table([self.tr("Wilayah / kolom"), self.tr("Isian"), self.tr("Ruang kerja"),
                                 self.tr("Sumber lain"), self.tr("Selisih"), self.tr("Mirip salah ketik")], "differences")
        self.table.setSortingEnabled(True)
        for i, w in enumerate((230, 230, 100, 100, 80)):
            self.table.setColumnWidth(i, w)
        self.table.activated.connect(lambda _i: self.open_cell())
        self.table.doubleClicked.connect(lambda _i: self.open_cell())
        lay.addWidget(self.table, 1)

    def fault_text(self, fault: str, detail: str, form) -> str:
        words = {"digit_extra": self.tr("kelebihan satu angka"), "digit_missing": self.tr("kekurangan satu angka"),
                 "digits_swapped": self.tr("dua angka tertukar"), "digit_wrong": self.tr("satu angka berbeda"),
                 "wrong_row": self.tr("nilai baris lain")}
        text = words.get(fault, "")
        if fault == "wrong_row" and detail:
            text += f" ({form.label(detail, fmt.LANG)})"
        return text

    def compare(self, path: str | None = None, name: str | None = None):
        """Compare with ``path`` (asked when None) on the worker; returns the job."""
        if path is None:
            path = choose_open(self, self.tr("Pilih berkas pembanding"), str(Path.home()),
                               self.tr("CSV dan lembar kerja (*.csv *.xlsx *.xls *.ods);;Semua berkas (*)"),
                               kind="pembanding")
            if not path:
                return None
        work = partial(operations.compare_source, path=path, name=name or Path(path).name,
                       prefix=self.prefix.text().strip(), label=self.tr("Membaca %s…") % Path(path).name)
        return self.window_.jobs.start(self.window_.ws.path, work, self.tr("Membandingkan…"), self,
                                       on_done=self.show_report,
                                       on_failed=lambda m: tell(self, self.tr("Bandingkan"), m, error=True))

    def show_report(self, report) -> None:
        ws = self.window_.ws
        self.report = report
        faults = sum(1 for d in report.differences if d.fault)
        lines = [self.tr("%1 dibandingkan dengan %2: %3 angka dibandingkan, %4 berbeda (%5 mirip salah ketik).")
                 .replace("%1", self.tr("Ruang kerja")).replace("%2", report.source_b)
                 .replace("%3", fmt.number(report.compared)).replace("%4", fmt.number(len(report.differences)))
                 .replace("%5", str(faults))]
        if report.not_received:
            lines.append(self.tr("Belum ada di ruang kerja: %s") % ", ".join(report.not_received[:15]))
        if report.unknown_codes:
            lines.append(self.tr("Kode tidak dikenal: %s") % ", ".join(report.unknown_codes[:15]))
        lines += report.notes
        self.summary.setText("\n".join(lines))
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(report.differences))
        for i, d in enumerate(report.differences):
            form = ws.election.form_at(d.region)
            region = ws.region(d.region)
            col = "JUMLAH" if d.column in (JUMLAH, "PROVINSI") else (ws.region(d.column).nama if ws.region(d.column)
                                                                      else d.column)
            where = f"{region.nama if region else d.region} · {col}"
            cells = (where, form.field_label(d.field, fmt.LANG), fmt.number(d.value_a, "—"),
                     fmt.number(d.value_b, "—"), fmt.number(d.difference, ""), self.fault_text(d.fault, d.fault_detail,
                                                                                              form))
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(d.message)
                item.setData(Qt.ItemDataRole.UserRole, i)
                if j in (2, 3, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, j, item)
        self.table.setSortingEnabled(True)
        if report.differences:
            self.table.selectRow(0)

    def open_cell(self) -> None:
        row = self.table.currentRow()
        if self.report is None or row < 0 or self.table.item(row, 0) is None:
            return
        d = self.report.differences[self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)]
        if self.window_.ws.region(d.region) is None or d.region == self.window_.ws.election.office_code:
            self.window_.show_page("province")
            return
        self.window_.open_region(d.region, d.column, d.field)

    def refresh(self) -> None:
        pass
