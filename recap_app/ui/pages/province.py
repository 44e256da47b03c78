"""The province page: the recap table (one column per kabupaten/kota + JUMLAH) and the votes chart."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QSplitter, QTableView, QVBoxLayout

from .. import dapil, fmt
from ..chart import VotesChart
from ..models import ProvinceModel
from .base import LazyPage


class ProvincePage(LazyPage):
    """The province recap table (one column per kabupaten/kota + JUMLAH) and the votes chart."""

    def __init__(self, window):
        super().__init__()
        self.window_ = window
        lay = QVBoxLayout(self)
        self.dapil = None
        if dapil.several(window.ws.election):  # one dapil at a time: its regencies, its parties
            self.dapil = dapil.DapilBox(window.ws.election, everything=False)
            self.dapil.setObjectName("provinceDapil")
            self.dapil.chosen.connect(lambda _k: self.reload_page())
            lay.addWidget(self.dapil)
        split = QSplitter(Qt.Orientation.Vertical)
        self.model = ProvinceModel(self)
        self.view = QTableView()
        self.view.setObjectName("provinceView")
        self.view.setModel(self.model)
        self.view.verticalHeader().setFixedWidth(360)
        self.view.horizontalHeader().setDefaultSectionSize(110)
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.chart = VotesChart()
        self.chart.setObjectName("votesChart")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.chart)
        split.addWidget(scroll)
        split.addWidget(self.view)
        split.setSizes([520, 300])
        lay.addWidget(split)

    def reload_page(self) -> None:
        ws = self.window_.ws
        form, regencies, totals = dapil.district_view(ws, self.window_.current_totals(),
                                                     self.dapil.kode() if self.dapil is not None else None)
        self.model.set_data(form.fields, regencies, totals)
        fm = self.view.horizontalHeader().fontMetrics()
        for i, r in enumerate(regencies):
            self.view.setColumnWidth(i, max(90, fm.horizontalAdvance(r.nama) + 16))
        rows = [(r.nama.replace("Kabupaten ", "Kab. "), totals["regencies"].get(r.kode, {})) for r in regencies]
        total = self.tr("PROVINSI") if self.dapil is None else self.tr("DAPIL %s") % self.dapil.kode()
        self.chart.set_data(fmt.series(form), rows, (total, totals["fields"]))
        self.chart.setMinimumHeight(self.chart.sizeHint().height())
