"""The findings page: filter the findings, open their cell, explain a warning, override an error."""

from __future__ import annotations

import html
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from ...core import reconcile
from .. import fmt, operations
from ..models import FindingsFilter, FindingsModel
from ..widgets import TextDialog, inform
from .base import LazyPage


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
        self.model.set_findings(self.window_.all_findings(), names, lambda key, region="": ws.election.form_at(region or ws.election.districts[0].kode).field_label(key))
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
        work = partial(operations.recheck_findings, actor=window.actor, label=self.tr("Memeriksa seluruh sertifikat…"))
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
        from ...core.errors import RecapError

        try:
            fn()
        except RecapError as exc:
            inform(self, self.tr("Tidak dicatat"), exc.message, error=True)
            return False
        self.window_.refresh()
        return True
