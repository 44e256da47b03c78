"""The findings page: findings grouped by rule and regency, filtered, sorted and searched; open the
cell, explain a group or a selection of warnings at once, override errors (the chair)."""

from __future__ import annotations

import html
from functools import partial

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeView,
    QVBoxLayout,
)

from .. import fmt, operations
from ..models import FindingsFilter, FindingsTree, finding_text
from ..widgets import TextDialog, add_button, add_label, add_labelled, inform, tell
from .base import LazyPage


class FindingsPage(LazyPage):
    """Findings of reconciliation: grouped (one row per rule and regency, opening onto its findings),
    filtered (kind, region, open only), sorted (click a column), searched (Ctrl+F); open the cell,
    explain every warning of the selected rows at once, the chair overrides errors."""

    def __init__(self, window):
        super().__init__()
        self.window_ = window
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        self.severity = add_labelled(row, self.tr("&Jenis:"), QComboBox())
        self.severity.setObjectName("severityFilter")
        for text, data in ((self.tr("Semua"), ""), (self.tr("Kesalahan"), "error"), (self.tr("Peringatan"), "warning")):
            self.severity.addItem(text, data)
        self.region = add_labelled(row, self.tr("&Wilayah:"), QComboBox(), 1)
        self.region.setObjectName("regionFilter")
        self.region.addItem(self.tr("Semua"), "")
        self.region.addItem(window.ws.election.office_name.title(), window.ws.election.office_code)
        for r in window.ws.regencies():
            self.region.addItem(f"{r.kode} {r.nama}", r.kode)
        self.open_only = QCheckBox(self.tr("Hanya yang &terbuka"))
        self.open_only.setObjectName("openOnly")
        row.addWidget(self.open_only)
        self.check_btn = add_button(row, self.tr("&Periksa ulang"), self.recheck)
        lay.addLayout(row)
        self.count = add_label(lay, "", "findingsCount")
        self.model = FindingsTree(self)
        self.proxy = FindingsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTreeView()
        self.view.setObjectName("findingsView")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setUniformRowHeights(True)
        self.view.setSortingEnabled(True)
        self.proxy.sort(-1)  # the order of the checks until the clerk clicks a column
        self.view.header().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        for i, w in enumerate((132, 56, 200, 210)):
            self.view.setColumnWidth(i, w)
        self.view.setColumnWidth(5, 150)
        self.view.header().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.activated.connect(lambda _i: self.open_cell())  # Enter or double click
        lay.addWidget(self.view, 1)
        self.detail = QLabel("")
        self.detail.setObjectName("findingDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setStyleSheet("#findingDetail { background: #fafafa; border: 1px solid #ccc; padding: 6px; }")
        self.detail.setMinimumHeight(54)
        lay.addWidget(self.detail)
        self.view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._show_detail())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._show_detail())
        btns = QHBoxLayout()
        self.open_btn = add_button(btns, self.tr("&Buka sel"), self.open_cell)
        self.tps_btn = add_button(btns, self.tr("&Data TPS…"), self.show_tps, "tpsButton")
        self.tps_btn.setToolTip(self.tr("Data TPS di balik angka kecamatan temuan ini (Ctrl+T): bahan pembanding, "
                                        "bukan hasil resmi."))
        self.explain_btn = add_button(btns, self.tr("&Jelaskan peringatan…"), self.explain)
        self.override_btn = add_button(btns, self.tr("&Kesampingkan kesalahan… (ketua)"), self.override)
        window.gate(self.explain_btn, "explain")
        window.gate(self.override_btn, "override")
        btns.addStretch(1)
        add_label(btns, self.tr("Pilih satu kelompok atau beberapa baris (Shift/Ctrl) untuk menjelaskan sekaligus."),
                  wrap=True, style="color: #555;")
        lay.addLayout(btns)
        self.severity.currentIndexChanged.connect(self._filter)
        self.region.currentIndexChanged.connect(self._filter)
        self.open_only.toggled.connect(self._filter)

    # ------------------------------------------------------------------ showing
    def reload_page(self) -> None:
        ws = self.window_.ws
        names = {r.kode: r.nama for r in ws.regions()}
        names[ws.election.office_code] = ws.election.office_name.title()
        order = {r.kode: i for i, r in enumerate(ws.regencies())}
        order[ws.election.office_code] = -1

        def place(f) -> str:
            col = ""
            if f.column:
                col = names.get(f.column, f.column).upper() if f.column not in ("JUMLAH", "PROVINSI") else f.column
            field = ws.election.form_at(f.region).field_label(f.field, fmt.LANG) if f.field else ""
            return " · ".join(x for x in (col, field) if x)

        self.model.set_findings(self.window_.all_findings(), names, place, fmt.LANG, order)
        self._filter()

    def _filter(self) -> None:
        self.proxy.set_filter(self.severity.currentData() or "", self.region.currentData() or "",
                              self.open_only.isChecked())
        found = list(self.model._findings.values())
        errors = sum(1 for f in found if f.severity == "error")
        shown = self._visible_leaves()
        self.count.setText(self.tr("%1 temuan ditampilkan dari %2 (%3 kesalahan, %4 peringatan) dalam %5 baris")
                           .replace("%1", fmt.number(len(shown))).replace("%2", fmt.number(len(found)))
                           .replace("%3", fmt.number(errors)).replace("%4", fmt.number(len(found) - errors))
                           .replace("%5", fmt.number(self.proxy.rowCount())))

    def _visible_leaves(self) -> list:
        """Proxy indices of the findings shown (the children of groups, and single findings)."""
        out = []
        for r in range(self.proxy.rowCount()):
            top = self.proxy.index(r, 0)
            n = self.proxy.rowCount(top)
            out += [self.proxy.index(i, 0, top) for i in range(n)] if n else [top]
        return out

    def keys_of(self, index) -> list[str]:
        """The findings under a row (a group: those of its findings the filter shows)."""
        if not index.isValid():
            return []
        index = index.siblingAtColumn(0)
        n = self.proxy.rowCount(index)
        if n:
            return [k for i in range(n) for k in self.model.keys_at(self.proxy.mapToSource(self.proxy.index(i, 0, index)))]
        return self.model.keys_at(self.proxy.mapToSource(index))

    def selected_findings(self) -> list:
        """Every finding of the selected rows (a selected group counts with all its shown findings)."""
        rows = self.view.selectionModel().selectedRows(0) or ([self.view.currentIndex()]
                                                               if self.view.currentIndex().isValid() else [])
        keys: list[str] = []
        for idx in rows:
            for k in self.keys_of(idx):
                if k not in keys:
                    keys.append(k)
        return [self.model.finding(k) for k in keys if self.model.finding(k) is not None]

    def selected(self):
        """The finding of the current row (a group: its first)."""
        keys = self.keys_of(self.view.currentIndex())
        return self.model.finding(keys[0]) if keys else None

    def _show_detail(self) -> None:
        chosen = self.selected_findings()
        f = self.selected()
        if f is None:
            self.detail.setText("")
            return
        esc = html.escape
        lines = [f"<b>{esc(f.code)}</b> {esc(finding_text(f, fmt.LANG))}"]
        if len(chosen) > 1:
            warn = sum(1 for x in chosen if x.severity == "warning")
            lines.append(self.tr("%1 temuan dipilih (%2 peringatan, %3 kesalahan).").replace("%1", str(len(chosen)))
                         .replace("%2", str(warn)).replace("%3", str(len(chosen) - warn)))
        if getattr(f, "explanation", None):
            lines.append(self.tr("Penjelasan (%1, %2): %3").replace("%1", f.explanation.get("by", ""))
                         .replace("%2", fmt.when(f.explanation.get("at"))).replace("%3", esc(f.explanation.get("text", ""))))
        if getattr(f, "override", None):
            lines.append(self.tr("Dikesampingkan (%1, %2): %3").replace("%1", f.override.get("by", ""))
                         .replace("%2", fmt.when(f.override.get("at"))).replace("%3", esc(f.override.get("reason", ""))))
        self.detail.setText("<br>".join(lines))

    # ------------------------------------------------------------------ find (Ctrl+F)
    def find_text(self, text: str, step: int) -> tuple[int, int]:
        """Show only the findings holding ``text``; step to the next (1) or previous (-1) one."""
        self.proxy.set_filter(self.severity.currentData() or "", self.region.currentData() or "", text=text)
        if self.proxy.text:
            self.view.expandAll()
        self._filter()
        leaves = self._visible_leaves()
        if not text.strip() or not leaves:
            return 0, len(leaves) if text.strip() else 0
        cur = self.view.currentIndex().siblingAtColumn(0)
        pos = next((i for i, x in enumerate(leaves) if x == cur), -1)
        pos = 0 if step == 0 or pos < 0 else (pos + step) % len(leaves)
        self.view.selectionModel().setCurrentIndex(
            leaves[pos], QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(leaves[pos])
        return pos + 1, len(leaves)

    # ------------------------------------------------------------------ acting
    def open_cell(self) -> None:
        f = self.selected()
        if f is None:
            return
        ws = self.window_.ws
        if ws.region(f.region) is None or f.region == ws.election.office_code:
            self.window_.show_page("province")
            return
        self.window_.open_region(f.region, f.column, f.field)

    def show_tps(self):
        """The TPS behind the selected finding's kecamatan figure (MainWindow.show_tps)."""
        f = self.selected()
        if f is None:
            return None
        return self.window_.show_tps(f.column, f.field)

    def recheck(self):
        window = self.window_
        work = partial(operations.recheck_findings, actor=window.actor, label=self.tr("Memeriksa seluruh sertifikat…"))
        return window.jobs.start(window.ws.path, work, self.tr("Memeriksa…"), self, refresh=window.refresh,
                                 on_done=None,
                                 on_failed=lambda m: tell(self, self.tr("Pemeriksaan"), m, error=True))

    def _write(self, work, title: str, done_text: str):
        window = self.window_
        return window.jobs.start(window.ws.path, work, title, self, refresh=window.refresh,
                                 on_done=lambda n: window.show_message(done_text.replace("%n", str(n))),
                                 on_failed=lambda m: tell(self, self.tr("Tidak dicatat"), m, error=True))

    def _ask(self, title: str, head: str, prompt: str, ok: str) -> str | None:
        """The text asked for (an explanation, a reason), or None when the clerk cancels."""
        dlg = TextDialog(self, title, f"{head}\n\n{prompt}", ok)
        return dlg.text() if dlg.exec() else None

    def explain(self, text: str | None = None):
        """One explanation for every warning of the selected rows (a group: all of it), one record."""
        warnings = [f for f in self.selected_findings() if f.severity == "warning"]
        if not warnings:
            if self.selected_findings():
                inform(self, self.tr("Jelaskan peringatan"), self.tr("Yang dipilih adalah kesalahan: perbaiki angkanya "
                                                                     "atau minta ketua mengesampingkannya."))
            return None
        if text is None:
            codes = sorted({f.code for f in warnings})
            head = (warnings[0].message if len(warnings) == 1 else
                    self.tr("%1 peringatan dipilih (%2).").replace("%1", str(len(warnings))).replace("%2", ", ".join(codes)))
            text = self._ask(self.tr("Jelaskan peringatan"), head,
                             self.tr("Tuliskan penjelasan yang akan dicatat dan dicetak untuk semuanya:"),
                             self.tr("Catat penjelasan"))
            if text is None:
                return None
        work = partial(operations.explain_findings, actor=self.window_.actor, keys=[f.key for f in warnings], text=text)
        return self._write(work, self.tr("Mencatat penjelasan…"), self.tr("Penjelasan dicatat untuk %n peringatan."))

    def override(self, reason: str | None = None):
        """The chair overrides every error of the selected rows with one reason."""
        errors = [f for f in self.selected_findings() if f.severity == "error"]
        if not errors:
            return None
        if reason is None:
            head = errors[0].message if len(errors) == 1 else self.tr("%s kesalahan dipilih.") % len(errors)
            reason = self._ask(self.tr("Kesampingkan kesalahan"), head,
                               self.tr("Hanya ketua yang dapat mengesampingkan kesalahan. Tuliskan alasannya:"),
                               self.tr("Kesampingkan"))
            if reason is None:
                return None
        work = partial(operations.override_findings, actor=self.window_.actor, keys=[f.key for f in errors],
                       reason=reason)
        return self._write(work, self.tr("Mencatat pengesampingan…"), self.tr("%n kesalahan dikesampingkan."))
