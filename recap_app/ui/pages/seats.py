"""The Kursi page: per dapil the quotient table (Sainte-Laguë), the seats and who is elected.

Read-only: it shows recap_app.core.allocation.compute() for the chosen dapil. Ties are shown as
the program reports them (never decided here); the plenary's decision, replacements and the
adoption are recorded with `recap seats decide | replace | adopt` (docs/seats.md).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout

from .. import fmt
from ..dapil import DapilBox
from . import has_seats  # noqa: F401 - defined with the page list (asked before any page is built)
from .base import LazyPage

WON_BG = QBrush(QColor("#d7ecd9"))
_BOLD = QFont()
_BOLD.setBold(True)




def _item(text: str, right: bool = False) -> QTableWidgetItem:
    it = QTableWidgetItem(text)
    it.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if right:
        it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return it


class SeatsPage(LazyPage):
    """The quotient table and the elected candidates of one dapil."""

    def __init__(self, window):
        super().__init__()
        self.window_ = window
        e = window.ws.election
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.dapil = DapilBox(e, everything=False)
        self.dapil.chosen.connect(lambda _k: self.reload_page())
        top.addWidget(QLabel(self.tr("Dapil:")))
        top.addWidget(self.dapil)
        top.addStretch(1)
        lay.addLayout(top)
        self.head = QLabel()
        self.head.setObjectName("seatsHead")
        self.head.setWordWrap(True)
        lay.addWidget(self.head)
        self.ties = QLabel()
        self.ties.setObjectName("seatsTies")
        self.ties.setWordWrap(True)
        self.ties.setStyleSheet("#seatsTies { color: #b00020; font-weight: bold; }")
        lay.addWidget(self.ties)
        split = QSplitter(Qt.Orientation.Vertical)
        self.quotients = QTableWidget()
        self.quotients.setObjectName("quotientTable")
        self.elected = QTableWidget()
        self.elected.setObjectName("electedTable")
        for t in (self.quotients, self.elected):
            t.verticalHeader().hide()
            t.setAlternatingRowColors(True)
        split.addWidget(self.quotients)
        split.addWidget(self.elected)
        lay.addWidget(split, 1)
        self.data: dict | None = None

    def reload_page(self) -> None:
        from ...core import allocation

        ws = self.window_.ws
        try:
            res = allocation.compute(ws)
        except Exception as exc:  # the window stays usable
            self.head.setText(self.tr("Kursi belum dapat dihitung: %s") % fmt.refusal(exc))
            return
        data = res.to_dict()
        self.data = data
        kode = self.dapil.kode() or data["dapil"][0]["kode"]
        d = next(x for x in data["dapil"] if x["kode"] == kode)
        kind = (self.tr("keputusan KPU Provinsi") if res.decision else
                self.tr("perhitungan saja; kursi ditetapkan %s") % res.decided_by)
        head = self.tr("%1 kursi · %2 dari %3 sertifikat · %4").replace("%1", str(d["kursi"])) \
            .replace("%2", str(d["masuk"])).replace("%3", str(d["diharapkan"])).replace("%4", kind)
        if data["penetapan"]:
            head += " · " + self.tr("ditetapkan %s") % fmt.when(data["penetapan"]["at"])
        self.head.setText(head)
        lines = [t["pesan"] for t in d["seri"]] + d["masalah"]
        self.ties.setText("\n".join(self.tr("SERI: %s") % x for x in lines) if lines else "")
        self._fill_quotients(d)
        self._fill_elected(d)

    def _fill_quotients(self, d: dict) -> None:
        parties = [p for p in d["partai"] if p["ikut"] and p["hasil_bagi"]]
        depth = max((len(p["hasil_bagi"]) for p in parties), default=0)
        t = self.quotients
        t.clear()
        heads = [self.tr("No"), self.tr("Partai"), self.tr("Suara")] + [f": {2 * i + 1}" for i in range(depth)] \
            + [self.tr("Kursi")]
        t.setColumnCount(len(heads))
        t.setHorizontalHeaderLabels(heads)
        t.setRowCount(len(parties))
        for r, p in enumerate(parties):
            t.setItem(r, 0, _item(str(p["nomor"]), True))
            t.setItem(r, 1, _item(p["nama_singkat"] or p["nama"]))
            t.setItem(r, 2, _item(fmt.number(p["suara"]), True))
            for i in range(depth):
                q = p["hasil_bagi"][i] if i < len(p["hasil_bagi"]) else None
                it = _item("" if q is None else q["hasil_bagi_tampil"] + (f"  [{q['kursi']}]" if q["kursi"] else ""),
                           True)
                if q is not None and q["kursi"]:
                    it.setBackground(WON_BG)
                    it.setFont(_BOLD)
                    it.setToolTip(self.tr("Kursi ke-%s") % q["kursi"])
                t.setItem(r, 3 + i, it)
            t.setItem(r, 3 + depth, _item(str(p["kursi"]), True))
        t.resizeColumnsToContents()

    def _fill_elected(self, d: dict) -> None:
        rows = [(p, c) for p in d["partai"] for c in p["terpilih"]]
        t = self.elected
        t.clear()
        heads = [self.tr("Partai"), self.tr("No. urut"), self.tr("Calon terpilih"), self.tr("L/P"), self.tr("Suara"),
                 self.tr("Dasar")]
        t.setColumnCount(len(heads))
        t.setHorizontalHeaderLabels(heads)
        t.setRowCount(len(rows))
        for r, (p, c) in enumerate(rows):
            why = next((x["catatan"] for x in p["peringkat"] if x["nomor_urut"] == c["nomor_urut"]), "")
            for col, (text, right) in enumerate(((p["nama_singkat"] or p["nama"], False), (str(c["nomor_urut"]), True),
                                                 (c["nama"], False), (c["jenis_kelamin"] or "", False),
                                                 (fmt.number(c["suara"]), True), (why, False))):
                t.setItem(r, col, _item(text, right))
        t.resizeColumnsToContents()
