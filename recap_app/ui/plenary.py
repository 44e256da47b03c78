"""Plenary mode: a full-screen, large-type view for the projector, one regency at a time."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..core import certificate
from ..core.totals import province_totals
from . import fmt
from .chart import VotesChart
from .dapil import district_view

# The projector's background, and the pair colours lightened so that a name reads on it (contrast
# at least 4.5:1, WCAG AA; tests/ui/test_desk.py measures it).
BACKGROUND = "#0f1b2d"
PLENARY_COLOURS = ("#ff8a80", "#82b1ff", "#b9f6ca", "#ea80fc", "#ffd180", "#84ffff")
# status -> the colour of its words on the projector
STATUS_BADGE = {"ditetapkan": "#b9f6ca", "ada kesalahan": "#ff8a80", "ada peringatan": "#ffd180",
                "sesuai": "#b9f6ca", "draf": "#cfd8e3", "belum masuk": "#cfd8e3"}


def contrast(fg: str, bg: str = BACKGROUND) -> float:
    """WCAG contrast ratio of two #rrggbb colours (1 to 21)."""
    def lum(c: str) -> float:
        ch = [int(c[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        ch = [x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in ch]
        return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2]
    a, b = sorted((lum(fg), lum(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


class PlenaryWindow(QWidget):
    """Steps through the kabupaten/kota as they are read out (→/Spasi next, ← back, Esc closes),
    showing the regency's figures and the running province total of the regencies read so far.

    Args:
        ws: the open workspace (read only here).
    """

    def __init__(self, ws, parent=None, dapil: str | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.ws = ws
        self.setObjectName("plenary")
        self.setWindowTitle(self.tr("Mode pleno"))
        self.setStyleSheet(f"#plenary {{ background: {BACKGROUND}; }} QLabel {{ color: white; }}")
        self.dapil = dapil  # a contest with several districts: the dapil read out
        form, self.regencies, self.totals = district_view(ws, province_totals(ws), dapil)
        self.statuses = {r["kode"]: r for r in certificate.statuses(ws)}
        self.pos = 0
        lay = QVBoxLayout(self)
        lay.setContentsMargins(40, 24, 40, 24)
        marks = []
        if ws.meta("demo") == "1":
            marks.append("CONTOH")
        if ws.simulation:
            marks.append("SIMULASI")
        self.header = QLabel()
        self.header.setStyleSheet("font-size: 22px; color: #cfd8e3;")
        lay.addWidget(self.header)
        if marks:
            m = QLabel(" · ".join(marks))
            m.setStyleSheet("font-size: 22px; font-weight: bold; color: #ffd54f;")
            lay.addWidget(m)
        self.title = QLabel()
        self.title.setObjectName("plenaryTitle")
        self.title.setStyleSheet("font-size: 48px; font-weight: bold;")
        lay.addWidget(self.title)
        self.badge = QLabel()
        self.badge.setObjectName("plenaryStatus")
        lay.addWidget(self.badge)
        grid = QGridLayout()
        grid.setHorizontalSpacing(40)
        lay.addLayout(grid)
        head_style = "font-size: 24px; color: #9fb3c8;"
        running = self.tr("Total provinsi berjalan") if dapil is None else self.tr("Total dapil berjalan")
        for c, text in enumerate(("", self.tr("Kabupaten/kota ini"), running)):
            lab = QLabel(text)
            lab.setStyleSheet(head_style)
            lab.setAlignment(Qt.AlignmentFlag.AlignRight)
            grid.addWidget(lab, 0, c)
        self.cells: dict[str, tuple[QLabel, QLabel]] = {}
        self.series = fmt.series(form)
        small = len(self.series) > 6  # 18 parties: smaller type so that every row fits the screen
        rows = [(key, text.replace(" ", "  ", 1), PLENARY_COLOURS[i % len(PLENARY_COLOURS)])
                for i, (key, text) in enumerate(self.series)]
        rows += [("suara_sah", self.tr("Suara sah"), "#ffffff"), ("suara_tidak_sah", self.tr("Suara tidak sah"),
                                                                   "#ffffff")]
        for r, (key, label, colour) in enumerate(rows, 1):
            name = QLabel(label)
            name.setStyleSheet(f"font-size: {16 if small else 34}px; color: "
                               f"{colour if colour != '#ffffff' else 'white'}; font-weight: bold;")
            grid.addWidget(name, r, 0)
            here, run = QLabel(), QLabel()
            for lab in (here, run):
                lab.setStyleSheet(f"font-size: {18 if small else 40}px; font-family: 'DejaVu Sans Mono';")
                lab.setAlignment(Qt.AlignmentFlag.AlignRight)
            grid.addWidget(here, r, 1)
            grid.addWidget(run, r, 2)
            self.cells[key] = (here, run)
        self.chart = VotesChart(large=True)
        lay.addWidget(self.chart, 1)
        nav = QHBoxLayout()
        self.prev_btn = QPushButton(self.tr("← Sebelumnya"))
        self.next_btn = QPushButton(self.tr("Berikutnya →"))
        self.close_btn = QPushButton(self.tr("Tutup (Esc)"))
        self.prev_btn.clicked.connect(lambda: self.step(-1))
        self.next_btn.clicked.connect(lambda: self.step(1))
        self.close_btn.clicked.connect(self.close)
        self.counter = QLabel()
        self.counter.setStyleSheet("font-size: 22px;")
        for w in (self.prev_btn, self.counter, self.next_btn):
            nav.addWidget(w)
        nav.addStretch(1)
        nav.addWidget(self.close_btn)
        for b in (self.prev_btn, self.next_btn, self.close_btn):
            b.setStyleSheet("font-size: 20px; padding: 6px 16px;")
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        lay.addLayout(nav)
        self.show_position()

    def running_total(self) -> dict:
        """Sum of the JUMLAH columns of the regencies read so far (blank stays blank)."""
        out: dict = {}
        for r in self.regencies[: self.pos + 1]:
            reg = self.totals["regencies"].get(r.kode)
            if not reg:
                continue
            for k, v in reg.items():
                if v is not None:
                    out[k] = out.get(k, 0) + v
        return out

    def show_position(self) -> None:
        if not self.regencies:
            return
        r = self.regencies[self.pos]
        plenary_text = self.tr("Rapat pleno rekapitulasi")
        where = ""
        if self.dapil is not None:
            d = self.ws.election.district_by_code[self.dapil]
            where = f" — dapil {d.kode} {d.nama}"
        self.header.setText(f"{self.ws.election.name} — {plenary_text}{where}")
        self.title.setText(f"{r.kode}  {r.nama.upper()}")
        self.show_status(r.kode)
        here = self.totals["regencies"].get(r.kode) or {}
        run = self.running_total()
        for key, (a, b) in self.cells.items():
            a.setText(fmt.number(here.get(key), "—"))
            b.setText(fmt.number(run.get(key), "—"))
        self.counter.setText(self.tr("%1 dari %2 dibacakan").replace("%1", str(self.pos + 1))
                             .replace("%2", str(len(self.regencies))))
        rows = [(self.tr("Kab/kota ini"), here),
                (self.tr("Provinsi (berjalan)") if self.dapil is None else self.tr("Dapil (berjalan)"), run)]
        self.chart.set_data(self.series, rows)

    def show_status(self, kode: str) -> None:
        """The regency's state in words and colour: adopted, an open error (how many), warnings."""
        row = self.statuses.get(kode) or {}
        status = str(row.get("status", "belum masuk"))
        words = {"ditetapkan": self.tr("✔ DITETAPKAN"), "ada kesalahan": self.tr("✖ ADA KESALAHAN TERBUKA"),
                 "ada peringatan": self.tr("▲ ada peringatan yang belum dijelaskan"), "sesuai": self.tr("✔ sesuai, belum ditetapkan"),
                 "draf": self.tr("belum diperiksa"), "belum masuk": self.tr("sertifikat belum masuk")}
        text = words.get(status, status)
        if status == "ada kesalahan" and row.get("errors"):
            text += f" ({row['errors']})"
        self.badge.setText(text)
        colour = STATUS_BADGE.get(status, "#ffffff")
        self.badge.setStyleSheet(f"font-size: 26px; font-weight: bold; color: {colour};"
                                 + (f" border: 3px solid {colour}; padding: 2px 10px;" if status == "ada kesalahan"
                                    else ""))
        self.status_code = status

    def step(self, delta: int) -> None:
        self.pos = max(0, min(len(self.regencies) - 1, self.pos + delta))
        self.show_position()

    def keyPressEvent(self, event):
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_PageDown, Qt.Key.Key_Down):
            self.step(1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Up):
            self.step(-1)
        elif key == Qt.Key.Key_Home:
            self.pos = 0
            self.show_position()
        elif key == Qt.Key.Key_End:
            self.pos = len(self.regencies) - 1
            self.show_position()
        elif key == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)
