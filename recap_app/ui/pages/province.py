"""The province page: the recap table (one column per kabupaten/kota + JUMLAH) and the votes chart."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QSplitter, QTableView, QVBoxLayout

from .. import fmt
from ..chart import VotesChart
from ..models import ProvinceModel
from .base import LazyPage


class ProvincePage(LazyPage):
    """The province recap table (one column per kabupaten/kota + JUMLAH) and the votes chart."""

    def __init__(self, window):
        super().__init__()
        self.window_ = window
        lay = QVBoxLayout(self)
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
        totals = self.window_.current_totals()
        regencies = ws.regencies()
        self.model.set_data(ws.election.form.fields, regencies, totals)
        fm = self.view.horizontalHeader().fontMetrics()
        for i, r in enumerate(regencies):
            self.view.setColumnWidth(i, max(90, fm.horizontalAdvance(r.nama) + 16))
        rows = [(r.nama.replace("Kabupaten ", "Kab. "), totals["regencies"].get(r.kode, {})) for r in regencies]
        self.chart.set_data(fmt.series(ws.election.form), rows, (self.tr("PROVINSI"), totals["fields"]))
        self.chart.setMinimumHeight(self.chart.sizeHint().height())
