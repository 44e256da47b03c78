"""The audit page: the audit log with filters and a chain check."""

from __future__ import annotations

import datetime as _dt
import json

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
)

from ...core import audit, audit_text
from ...core.formatting import office_zone
from .. import fmt
from ..models import AuditModel
from ..widgets import add_button, add_label
from .base import LazyPage


def utc_bound(day: str, start: bool) -> str:
    """The UTC ISO bound of an office-zone day ("2019-05-08" WIB starts at 2019-05-07T17:00:00+00:00)."""
    d = _dt.date.fromisoformat(day)
    t = _dt.datetime.combine(d, _dt.time.min if start else _dt.time(23, 59, 59), tzinfo=office_zone())
    return t.astimezone(_dt.UTC).isoformat()


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
        self.text.setObjectName("auditText")
        self.text.setPlaceholderText(self.tr("cari teks di rincian…"))
        for w in (self.region, self.user, self.action, self.use_dates, self.since, QLabel("–"), self.until):
            row.addWidget(w)
        lay.addLayout(row)
        row2 = QHBoxLayout()
        row2.addWidget(self.text, 1)
        self.verify_btn = add_button(row2, self.tr("&Periksa rantai"), self.verify)
        lay.addLayout(row2)
        self.status = add_label(lay, "", "auditStatus")
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
        ws = self.window_.ws
        for combo, items, label, text in (
                (self.user, audit.actors(ws), self.tr("Semua pengguna"), str),
                (self.action, audit.actions(ws), self.tr("Semua tindakan"),
                 lambda a: audit_text.action_text(a, fmt.LANG))):
            cur = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(label, "")
            for it in items:
                combo.addItem(text(it), it)
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
        if self.use_dates.isChecked():  # the dates the clerk picks are office (WIB) dates
            kw["since"] = utc_bound(self.since.date().toString("yyyy-MM-dd"), start=True)
            kw["until"] = utc_bound(self.until.date().toString("yyyy-MM-dd"), start=False)
        if self.text.text().strip():
            kw["text"] = self.text.text().strip()
        recs = audit.query(self.window_.ws, limit=2000, **kw)
        lang = fmt.LANG
        self.model.set_rows([(r.id, fmt.when(r.at), r.actor, audit_text.action_text(r.action, lang),
                              audit_text.entity_text(r.entity, lang),
                              audit_text.details(r.action, r.before, r.after, lang),
                              json.dumps({"action": r.action, "entity": r.entity, "before": r.before,
                                          "after": r.after}, ensure_ascii=False, indent=1))
                             for r in recs])
        self.status.setText(self.tr("%1 catatan ditampilkan (terbaru di atas; paling banyak 2000).")
                            .replace("%1", str(len(recs))))

    def verify(self) -> None:
        """The whole check of ``recap audit verify`` (chain, figures, state, anchors), in the status line."""
        from ...core import integrity

        rep = integrity.verify(self.window_.ws)
        used = ", ".join(f"{n} {src}" for src, n in sorted(rep.anchor_sources.items())) or self.tr("tidak ada")
        if getattr(rep, "ok", False):
            self.status.setText(self.tr("Rantai audit utuh: %s catatan diperiksa.") % rep.records
                                + " " + self.tr("Jangkar: %s.") % used)
        else:
            self.status.setText(self.tr("RANTAI AUDIT RUSAK: %s") % "; ".join(fmt.problem(p) for p in rep.problems[:3]))
        self.status.setToolTip("\n".join(rep.notes))
