"""The TPS behind a kecamatan figure: the polling-station rows of one kecamatan for one field, their
sum, the certificate's figure and the difference, with the typing-fault hints (core/tps_check.behind).

Opened from a kecamatan cell of the certificate editor or from a finding on such a cell
(MainWindow.show_tps, Ctrl+T). The TPS figures are a source to compare with, never the legal
result: the dialog only shows them and writes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QTableWidgetItem, QVBoxLayout

from . import fmt
from .widgets import add_label, add_labelled, button_box, rows_table

BROKEN = QColor("#fde0dc")  # a TPS that breaks an identity of the form
WARNED = QColor("#fff3c4")  # a TPS with more votes than DPT
HINTED = QColor("#ffd54f")  # a TPS a hint names for the field shown


class TpsDialog(QDialog):
    """One kecamatan's TPS for one field, against its certificate column.

    Args:
        parent: the window.
        view: core.tps_check.KecamatanView, or None when there is nothing to show (then ``message``
            says why: no TPS data imported, a column that is no kecamatan).
        field: the field key shown first (the cell's row); None: the first field that differs,
            else the first field.
        labels: {field key: label in the window's language}; defaults to the form's short labels.
        message: the text shown when ``view`` is None.

    Attributes (read by the tests): table (one row per TPS: desa, TPS, baris, figure, findings),
    summary (sum, certificate, difference), hints (the differences' sentences for the field).
    """

    def __init__(self, parent, view, field: str | None = None, labels: dict[str, str] | None = None,
                 message: str = ""):
        super().__init__(parent)
        self.setObjectName("tpsDialog")
        self.view = view
        lay = QVBoxLayout(self)
        self.heading = add_label(lay, "", "tpsHeading", wrap=True)
        self.heading.setStyleSheet("#tpsHeading { font-size: 14px; font-weight: bold; }")
        self.note = add_label(lay, "", "tpsNote", wrap=True, style="color: #555;")
        self.field = QComboBox()
        self.field.setObjectName("tpsField")
        self.table = rows_table([self.tr("Desa/kelurahan"), self.tr("TPS"), self.tr("Baris berkas"), self.tr("Angka"),
                                 self.tr("Temuan TPS")], "tpsTable")
        self.summary = QLabel("")
        self.summary.setObjectName("tpsSummary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setStyleSheet("#tpsSummary { background: #fafafa; border: 1px solid #ccc; padding: 6px; }")
        self.hints = QLabel("")
        self.hints.setObjectName("tpsHints")
        self.hints.setWordWrap(True)
        self.hints.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = button_box(self, self.tr("Tutup"))
        if view is None:
            self.setWindowTitle(self.tr("Data TPS"))
            self.heading.setText(self.tr("Data TPS tidak dapat ditampilkan"))
            self.note.setText(message)
            lay.addWidget(self.buttons)
            self.resize(520, 180)
            return
        self.labels = labels or dict(view.labels)
        self.setWindowTitle(self.tr("Data TPS di balik angka kecamatan %1").replace("%1", view.nama))
        self.heading.setText(self.tr("Kecamatan %1 (%2), %3: %4 TPS di %5 desa/kelurahan")
                             .replace("%1", view.nama).replace("%2", view.kode).replace("%3", view.regency_name)
                             .replace("%4", fmt.number(view.jumlah_tps)).replace("%5", fmt.number(len(view.desa))))
        self.note.setText(self.tr("Data TPS sumber %1, impor #%2 (berkas %3): bahan pembanding, bukan hasil resmi. "
                                  "Tidak ada yang diubah dari sini.")
                          .replace("%1", view.info.sumber).replace("%2", str(view.info.id))
                          .replace("%3", view.info.berkas))
        row = QHBoxLayout()
        add_labelled(row, self.tr("&Isian:"), self.field, 1)
        lay.addLayout(row)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.summary)
        lay.addWidget(self.hints)
        lay.addWidget(self.buttons)
        selisih = view.selisih()
        for k in view.isian:
            mark = " ≠" if selisih.get(k) else ""
            self.field.addItem(self.labels.get(k, k) + mark, k)
        first = field if field in view.isian else next((k for k in view.isian if selisih.get(k)), view.isian[0])
        self.field.setCurrentIndex(view.isian.index(first))
        self.field.currentIndexChanged.connect(lambda _i: self.show_field(self.field.currentData()))
        self.show_field(first)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setColumnWidth(0, 220)
        self.table.setColumnWidth(1, 60)
        self.table.setColumnWidth(2, 100)
        self.table.setColumnWidth(3, 170)
        self.resize(760, 640)
        self.table.setFocus()

    def current_field(self) -> str | None:
        return self.field.currentData() if self.view is not None else None

    def show_field(self, k: str) -> None:
        """Fill the table, the summary and the hints for field ``k``."""
        v = self.view
        named = {(t["baris"]) for d in v.differences if d.field == k for h in d.petunjuk for t in h.tps
                 if t.get("field") == k}
        rows = [(d, t) for d in v.desa for t in d["tps"]]
        self.table.setRowCount(len(rows))
        self.table.horizontalHeaderItem(3).setText(v.labels.get(k, k))  # short: the long label is above
        bold = QFont()
        bold.setBold(True)
        for r, (d, t) in enumerate(rows):
            figure = t["angka"][k]
            desa = d["nama"] or self.tr("(tanpa nama)")
            cells = [f"{desa} ({d['kode']})" if d["kode"] else desa, str(t["no_tps"]), str(t["baris"]),
                     fmt.number(figure, "–"), ", ".join(t["temuan"])]
            colour = HINTED if t["baris"] in named else (
                BROKEN if any(c != "lebih_dpt" for c in t["temuan"]) else WARNED if t["temuan"] else None)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in (1, 2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if colour is not None:
                    item.setBackground(QBrush(colour))
                if t["baris"] in named:
                    item.setFont(bold)
                self.table.setItem(r, c, item)
        first = next((r for r, (_d, t) in enumerate(rows) if t["baris"] in named), None)
        if first is not None:  # the table opens on the TPS a hint names
            self.table.setCurrentCell(first, 0)
            self.table.scrollToItem(self.table.item(first, 0))
        total, blank = v.jumlah[k], v.kosong[k]
        parts = [self.tr("Jumlah %1 TPS: <b>%2</b>").replace("%1", fmt.number(v.jumlah_tps))
                 .replace("%2", fmt.number(total))]
        if blank:
            parts[0] += " " + self.tr("(%1 TPS kosong: jumlahnya belum lengkap)").replace("%1", fmt.number(blank))
        if v.sertifikat is None:
            parts.append(self.tr("Belum ada sertifikat yang memuat kecamatan ini."))
        else:
            cert = v.sertifikat.get(k)
            parts.append(self.tr("Sertifikat %1, revisi %2: <b>%3</b>").replace("%1", v.regency_name)
                         .replace("%2", str(v.revisi)).replace("%3", fmt.number(cert, "–")))
            diff = v.selisih().get(k)
            if diff is None:
                parts.append(self.tr("Selisih: – (angka sertifikat kosong)"))
            else:
                colour = "#b71c1c" if diff else "#1b5e20"
                parts.append(self.tr("Selisih (sertifikat − jumlah TPS): <b style='color:%1'>%2</b>")
                             .replace("%1", colour).replace("%2", fmt.number(diff)))
        self.summary.setText(" · ".join(parts))
        hints = [h.teks for d in v.differences if d.field == k for h in d.petunjuk]
        self.hints.setText(self.tr("Petunjuk salah ketik: %1.").replace("%1", "; ".join(hints)) if hints else "")
        self.hints.setVisible(bool(hints))

    def figures_shown(self) -> list[int | None]:
        """The figures of the table's rows, as numbers (tests)."""
        k = self.current_field()
        return [t["angka"][k] for d in self.view.desa for t in d["tps"]]
