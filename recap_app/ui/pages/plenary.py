"""The plenary page: date, times and place of the recap plenary, the attendance, and the special
events and witness objections (form DC2) — what the minutes print."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
)

from .. import fmt, operations
from ..widgets import CtrlEnter, add_button, inform, rows_table, tell
from .base import LazyPage


class PlenaryPage(LazyPage):
    """Record the plenary as it happens: when and where, who attended, what was objected.

    Every write is an operation of the core (documents.plenary: checked, one transaction, audited)
    run on the worker; the berita acara and the DC2 form print what is recorded here.
    """

    ROLES = ("Ketua KPU Provinsi", "Anggota KPU Provinsi", "Sekretaris KPU Provinsi", "Bawaslu Provinsi",
             "Saksi pasangan calon", "KPU Kabupaten/Kota", "Pemantau")

    def __init__(self, window):
        super().__init__()
        self.window_ = window
        grid = QGridLayout(self)
        # --- when and where
        box = QGroupBox(self.tr("Rapat pleno"))
        form = QFormLayout(box)
        self.date = QDateEdit()
        self.date.setObjectName("plenaryDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd-MM-yyyy")
        self.time_start = QLineEdit()
        self.time_start.setObjectName("plenaryStart")
        self.time_end = QLineEdit()
        self.time_end.setObjectName("plenaryEnd")
        self.time_start.setPlaceholderText(self.tr("misalnya 09.00"))
        self.time_end.setPlaceholderText(self.tr("misalnya 17.30"))
        for t in (self.time_start, self.time_end):
            t.setToolTip(self.tr("JJ.MM, misalnya 09.00"))
            t.setMaximumWidth(150)
        self.place = QLineEdit()
        self.place.setObjectName("plenaryPlace")
        self.place.setPlaceholderText(self.tr("misalnya Hotel Patra Semarang"))
        self.when_note = QLabel("")
        self.when_note.setObjectName("plenaryNote")
        self.when_note.setWordWrap(True)
        self.save_btn = QPushButton(self.tr("&Simpan data rapat"))
        self.save_btn.setObjectName("plenarySave")
        times = QHBoxLayout()
        times.addWidget(self.time_start)
        times.addWidget(QLabel(self.tr("sampai")))
        times.addWidget(self.time_end)
        times.addStretch(1)
        form.addRow(self.tr("&Tanggal"), self.date)
        start_label = QLabel(self.tr("&Jam mulai"))
        start_label.setBuddy(self.time_start)
        form.addRow(start_label, times)
        form.addRow(self.tr("Tem&pat"), self.place)
        form.addRow(self.when_note)
        form.addRow(self.save_btn)
        grid.addWidget(box, 0, 0)
        # --- attendance
        lay, self.attendance = self._section(grid, (1, 0, 1, 1), self.tr("Daftar hadir"), "attendance",
                                             [self.tr("Nama"), self.tr("Jabatan / unsur"), self.tr("Kehadiran")],
                                             (140, 150))
        row = QHBoxLayout()
        self.person = QLineEdit()
        self.person.setObjectName("attendeeName")
        self.person.setPlaceholderText(self.tr("Nama"))
        self.person_role = QComboBox()
        self.person_role.setObjectName("attendeeRole")
        self.person_role.setEditable(True)
        self.person_role.addItems(self.ROLES)
        self.present = QCheckBox(self.tr("ha&dir"))
        self.present.setChecked(True)
        for w in (self.person, self.person_role, self.present):
            row.addWidget(w)
        self.add_btn = add_button(row, self.tr("T&ambah"), self.add_person)
        lay.addLayout(row)
        row = QHBoxLayout()
        self.remove_btn = add_button(row, self.tr("&Hapus yang dipilih"), self.remove_selected)
        self.office_btn = add_button(row, self.tr("Isi dari &pengaturan kantor"), self.fill_from_office)
        self.office_btn.setToolTip(self.tr("Ketua dan anggota dari Pengaturan kantor yang belum ada di daftar."))
        row.addStretch(1)
        lay.addLayout(row)
        # --- DC2
        lay, self.objections = self._section(grid, (0, 1, 2, 1),
                                             self.tr("Kejadian khusus dan keberatan saksi (formulir DC2)"), "objections",
                                             [self.tr("No"), self.tr("Jenis dan pihak"), self.tr("Uraian")], (36, 220))
        self.objections.setWordWrap(True)
        form = QFormLayout()
        self.kind = QComboBox()
        self.kind.setObjectName("objectionKind")
        self.kind.addItem(self.tr("Keberatan saksi"), "keberatan")
        self.kind.addItem(self.tr("Kejadian khusus"), "kejadian_khusus")
        self.pair = QComboBox()
        self.pair.setObjectName("objectionPair")
        self.pair.addItem(self.tr("— tidak ada —"), None)
        for c in window.ws.election.form.contestants:
            self.pair.addItem(f"{c.nomor:02d} {c.short}", c.nomor)
        self.obj_region = QComboBox()
        self.obj_region.setObjectName("objectionRegion")
        self.obj_region.addItem(self.tr("— tidak ada —"), None)
        for r in window.ws.regencies():
            self.obj_region.addItem(f"{r.kode} {r.nama}", r.kode)
        self.text = QPlainTextEdit()
        self.text.setObjectName("objectionText")
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(self.tr("Uraian selengkapnya, sebagaimana disampaikan dalam rapat"))
        self.record_btn = QPushButton(self.tr("&Catat kejadian/keberatan (Ctrl+Enter)"))
        form.addRow(self.tr("J&enis"), self.kind)
        form.addRow(self.tr("Saksi pa&slon"), self.pair)
        form.addRow(self.tr("&Kab/kota"), self.obj_region)
        form.addRow(self.tr("&Uraian"), self.text)
        lay.addLayout(form)
        lay.addWidget(self.record_btn)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(1, 1)
        self.save_btn.clicked.connect(lambda: self.save_plenary())
        self.person.returnPressed.connect(lambda: self.add_person())
        self.record_btn.clicked.connect(lambda: self.record_objection())
        CtrlEnter(self.text, self.record_objection)  # the text runs over lines: Ctrl+Enter records it
        self.people: list[dict] = []

    @staticmethod
    def _section(grid, at: tuple, title: str, name: str, headers: list[str], widths: tuple):
        """A titled box at ``at`` (row, column, rows, columns) of the page holding a table; (layout, table)."""
        box = QGroupBox(title)
        lay = QVBoxLayout(box)
        table = rows_table(headers, name)
        for i, w in enumerate(widths):
            table.setColumnWidth(i, w)
        lay.addWidget(table, 1)
        grid.addWidget(box, *at)
        return lay, table

    # ------------------------------------------------------------------ showing
    def reload_page(self) -> None:
        from ...core.documents import plenary

        pl = plenary.plenary(self.window_.ws)
        self.date.setDate(QDate.fromString(pl.date, "yyyy-MM-dd") if pl.date else QDate.currentDate())
        self.time_start.setText(pl.time_start)
        self.time_end.setText(pl.time_end)
        self.place.setText(pl.place)
        self.when_note.setText(self.tr("Tercatat: %s") % ", ".join(x for x in (
            fmt.date(pl.date) if pl.date else "", f"{pl.time_start}–{pl.time_end}" if pl.time_start else "", pl.place)
            if x) if pl.date or pl.place else self.tr("Belum dicatat: berita acara mencetak titik-titik untuk diisi "
                                                      "tangan."))
        self.people = list(pl.attendance)
        self.attendance.setRowCount(len(self.people))
        for i, a in enumerate(self.people):
            for j, text in enumerate((a["name"], a["role"], self.tr("hadir") if a["present"] else self.tr("tidak hadir"))):
                self.attendance.setItem(i, j, QTableWidgetItem(text))
        self.objections.setRowCount(len(pl.objections))
        names = {r.kode: r.nama for r in self.window_.ws.regencies()}
        for i, o in enumerate(pl.objections):
            who = [self.tr("Keberatan saksi") if o["kind"] == "keberatan" else self.tr("Kejadian khusus")]
            if o["nomor_urut"] is not None:
                who.append(self.tr("paslon %s") % f"{o['nomor_urut']:02d}")
            if o["region"]:
                who.append(names.get(o["region"], o["region"]))
            for j, text in enumerate((str(i + 1), " · ".join(who), o["text"])):
                item = QTableWidgetItem(text)
                item.setToolTip(o["text"])
                self.objections.setItem(i, j, item)
        self.objections.resizeRowsToContents()

    # ------------------------------------------------------------------ writing
    def _run(self, work, title: str, done_text: str, after=None):
        window = self.window_

        def done(_r):
            if after is not None:
                after()
            window.show_message(done_text)
            self.reload_page()

        return window.jobs.start(window.ws.path, work, title, self, refresh=window.refresh, on_done=done,
                                 on_failed=lambda m: tell(self, self.tr("Rapat pleno"), m, error=True))

    def save_plenary(self):
        """Store date, times and place (the core checks the date and the JJ.MM times)."""
        work = partial(operations.set_plenary, actor=self.window_.actor, place=self.place.text(),
                       date=self.date.date().toString("yyyy-MM-dd"),
                       time_start=self.time_start.text().strip() or None, time_end=self.time_end.text().strip() or None)
        return self._run(work, self.tr("Menyimpan data rapat…"), self.tr("Data rapat pleno disimpan."))

    def add_person(self):
        name = self.person.text().strip()
        role = self.person_role.currentText().strip()
        if not name:
            inform(self, self.tr("Daftar hadir"), self.tr("Tulis nama peserta rapat dulu."))
            return None
        work = partial(operations.add_attendance, actor=self.window_.actor,
                       people=[(name, role, self.present.isChecked())])
        return self._run(work, self.tr("Mencatat peserta…"), self.tr("%s dicatat dalam daftar hadir.") % name,
                         after=lambda: (self.person.clear(), self.person.setFocus()))

    def remove_selected(self):
        rows = sorted({i.row() for i in self.attendance.selectedIndexes()})
        if not rows:
            return None
        person = self.people[rows[0]]
        work = partial(operations.remove_attendance, actor=self.window_.actor, attendance_id=person["id"])
        return self._run(work, self.tr("Menghapus peserta…"), self.tr("%s dihapus dari daftar hadir.") % person["name"])

    def fill_from_office(self):
        """The chair and members of the office settings that are not on the list yet."""
        from ...core.documents import plenary

        office = plenary.office(self.window_.ws)
        have = {p["name"].casefold() for p in self.people}
        people = [(office.chair, self.ROLES[0], True)] if office.chair else []
        people += [(m, self.ROLES[1], True) for m in office.members]
        people = [p for p in people if p[0].casefold() not in have]
        if not people:
            inform(self, self.tr("Daftar hadir"), self.tr("Ketua dan anggota di Pengaturan kantor sudah ada di daftar "
                                                          "(atau belum diisi di Berkas › Pengaturan kantor)."))
            return None
        work = partial(operations.add_attendance, actor=self.window_.actor, people=people)
        return self._run(work, self.tr("Mencatat peserta…"), self.tr("%s peserta dari pengaturan kantor dicatat.")
                         % len(people))

    def record_objection(self):
        text = self.text.toPlainText().strip()
        if not text:
            inform(self, self.tr("Kejadian khusus"), self.tr("Tulis uraian kejadian atau keberatan dulu."))
            return None
        work = partial(operations.add_objection, actor=self.window_.actor, kind=self.kind.currentData(), text=text,
                       nomor_urut=self.pair.currentData(), region=self.obj_region.currentData())
        return self._run(work, self.tr("Mencatat…"), self.tr("Dicatat untuk formulir DC2."),
                         after=self.text.clear)

