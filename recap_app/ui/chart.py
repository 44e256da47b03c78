"""Bar chart of votes per pair, per regency and in total, drawn with QPainter (no QtCharts)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from . import fmt
from .widgets import PAIR_COLOURS


class VotesChart(QWidget):
    """Horizontal stacked bars, one per regency, each split by pair in proportion to its votes,
    plus a bold total bar; the figures are written on the bars so the plenary can read them.

    Feed with :meth:`set_data` (rows of (label, {vote key: votes or None})).
    """

    def __init__(self, parent=None, large: bool = False):
        super().__init__(parent)
        self.rows: list[tuple[str, dict]] = []
        self.total: tuple[str, dict] | None = None
        self.paslon: list = []
        self.large = large
        self.highlight: str | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(200)

    def set_data(self, series, rows, total=None, highlight: str | None = None) -> None:
        """series: [(vote key, legend text)] (fmt.series(form)); rows: [(label, {key: votes})];
        total: (label, {key: votes}) or None."""
        self.paslon = list(series)
        self.rows = list(rows)
        self.total = total
        self.highlight = highlight
        self.updateGeometry()
        self.update()

    def sizeHint(self):
        n = len(self.rows) + (2 if self.total else 0) + 2
        return QSize(600, int(n * (34 if self.large else 17)))

    def paintEvent(self, _event):
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        rows = list(self.rows)
        if self.total:
            rows = rows + [("", None), self.total]
        if not rows or not self.paslon:
            p.end()
            return
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * (1.8 if self.large else 0.9))
        p.setFont(font)
        fm = p.fontMetrics()
        legend_h = fm.height() + 8
        label_w = max(fm.horizontalAdvance(r[0]) for r in rows) + 12
        w = self.width() - label_w - 16
        h = (self.height() - legend_h - 8) / len(rows)
        bar_h = max(4.0, h * 0.72)
        # legend
        x = 8.0
        for i, (_key, text) in enumerate(self.paslon):
            colour = QColor(PAIR_COLOURS[i % len(PAIR_COLOURS)])
            p.fillRect(QRectF(x, 6, fm.height(), fm.height() - 2), colour)
            p.setPen(QColor("#222"))
            p.drawText(QRectF(x + fm.height() + 4, 4, fm.horizontalAdvance(text) + 4, fm.height()),
                       Qt.AlignmentFlag.AlignVCenter, text)
            x += fm.height() + fm.horizontalAdvance(text) + 24
        for r, (label, votes) in enumerate(rows):
            if votes is None:
                continue
            y = legend_h + r * h + (h - bar_h) / 2
            bold = r == len(rows) - 1 and self.total is not None
            f2 = QFont(font)
            f2.setBold(bold or label == self.highlight)
            p.setFont(f2)
            p.setPen(QColor("#222"))
            p.drawText(QRectF(4, y, label_w - 8, bar_h), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       label)
            figures = [votes.get(key) for key, _text in self.paslon]
            known = [v for v in figures if v is not None]
            whole = sum(known)
            if not whole:
                p.setPen(QColor("#888"))
                p.drawText(QRectF(label_w, y, w, bar_h), Qt.AlignmentFlag.AlignVCenter,
                           self.tr("belum ada data"))
                continue
            x = float(label_w)
            for i, v in enumerate(figures):
                if not v:
                    continue
                seg = w * v / whole
                rect = QRectF(x, y, seg, bar_h)
                p.fillRect(rect, QColor(PAIR_COLOURS[i % len(PAIR_COLOURS)]))
                text = f"{fmt.number(v)} ({fmt.percent(v, whole)})" if (bold or self.large) else fmt.number(v)
                if fm.horizontalAdvance(text) + 8 < seg:
                    p.setPen(QColor("white"))
                    p.drawText(rect.adjusted(4, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter
                               | (Qt.AlignmentFlag.AlignLeft if i == 0 else Qt.AlignmentFlag.AlignRight), text)
                x += seg
            if label == self.highlight:
                p.setPen(QPen(QColor("#111"), 2))
                p.drawRect(QRectF(label_w, y, w, bar_h))
        p.end()
