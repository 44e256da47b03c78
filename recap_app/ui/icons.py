"""Icons drawn with QPainter: each certificate status has its own shape, not only a colour."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

#: status (as core.certificate.statuses() gives it) -> (shape, colour)
STATUS_STYLE = {
    "belum masuk": ("ring", "#8a8a8a"),
    "draf": ("half", "#2f6fb3"),
    "ada kesalahan": ("cross", "#c62828"),
    "ada peringatan": ("triangle", "#e08600"),
    "sesuai": ("check", "#2e7d32"),
    "ditetapkan": ("seal", "#1b4f72"),
}


def _paint(shape: str, colour: str, size: int) -> QPixmap:
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    c = QColor(colour)
    m = size * 0.1
    r = QRectF(m, m, size - 2 * m, size - 2 * m)
    white = QPen(QColor("white"), max(1.5, size * 0.12), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                 Qt.PenJoinStyle.RoundJoin)
    if shape == "ring":
        p.setPen(QPen(c, max(1.5, size * 0.1)))
        p.drawEllipse(r.adjusted(size * 0.05, size * 0.05, -size * 0.05, -size * 0.05))
    elif shape == "half":
        p.setPen(QPen(c, max(1.5, size * 0.1)))
        p.drawEllipse(r.adjusted(size * 0.05, size * 0.05, -size * 0.05, -size * 0.05))
        p.setBrush(c)
        p.drawPie(r.adjusted(size * 0.05, size * 0.05, -size * 0.05, -size * 0.05), 90 * 16, 180 * 16)
    elif shape == "cross":
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(c)
        p.drawEllipse(r)
        p.setPen(white)
        a, b = size * 0.33, size * 0.67
        p.drawLine(QPointF(a, a), QPointF(b, b))
        p.drawLine(QPointF(a, b), QPointF(b, a))
    elif shape == "triangle":
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(c)
        p.drawPolygon(QPolygonF([QPointF(size / 2, m), QPointF(size - m, size - m), QPointF(m, size - m)]))
        p.setPen(white)
        p.drawLine(QPointF(size / 2, size * 0.4), QPointF(size / 2, size * 0.65))
        p.drawPoint(QPointF(size / 2, size * 0.78))
    elif shape in ("check", "seal"):
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(c)
        if shape == "seal":
            p.drawRoundedRect(r, size * 0.15, size * 0.15)
        else:
            p.drawEllipse(r)
        p.setPen(white)
        path = QPainterPath(QPointF(size * 0.3, size * 0.52))
        path.lineTo(QPointF(size * 0.45, size * 0.67))
        path.lineTo(QPointF(size * 0.72, size * 0.36))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)
        if shape == "seal":
            p.drawLine(QPointF(size * 0.28, size * 0.8), QPointF(size * 0.72, size * 0.8))
    p.end()
    return pm


@cache
def status_icon(status: str, size: int = 18) -> QIcon:
    """The icon of a certificate status ("belum masuk", "draf", "ada kesalahan", ...)."""
    shape, colour = STATUS_STYLE.get(status, ("ring", "#8a8a8a"))
    return QIcon(_paint(shape, colour, size))


@cache
def severity_icon(severity: str, size: int = 14) -> QIcon:
    """Icon for a finding's severity: "error" (red cross) or "warning" (orange triangle)."""
    return status_icon("ada kesalahan" if severity == "error" else "ada peringatan", size)


@cache
def app_icon() -> QIcon:
    """The program's icon: a ballot box drawn in the KPU's red."""
    size = 64
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setBrush(QColor("#b71c1c"))
    p.setPen(Qt.PenStyle.NoPen)
    p.drawRoundedRect(QRectF(6, 22, 52, 36), 6, 6)
    p.setBrush(QColor("white"))
    p.drawRect(QRectF(18, 26, 28, 4))
    p.setBrush(QColor("#fafafa"))
    p.setPen(QPen(QColor("#555"), 2))
    p.drawRect(QRectF(22, 6, 20, 22))
    p.end()
    return QIcon(pm)
