"""The main window: the kabupaten/kota with status, progress, the pages, and the province totals."""

from __future__ import annotations

import contextlib
import os
from functools import partial

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core import certificate
from ..core.errors import RecapError
from ..core.totals import province_totals
from . import dapil, fmt, operations
from .editor import CertificateEditor
from .find import FindBar, matches, pick
from .icons import app_icon
from .models import RegencyModel
from .widgets import JobStatus, ProgressPanel, TotalsBar, choose_open, confirm, inform, mark_banner, window_settings

# The size the window asks for on a large screen; on a smaller one it opens inside the screen.
PREFERRED_SIZE = (1440, 900)
#: pixels a window manager's title bar and frame take above and below the client area
FRAME_ROOM = 40


def office_name(ws) -> str:
    """The office shown in the title: the office setting, else "KPU Provinsi <province>" or "KPU Kota
    <name>" (the workspace's office, docs/tiers.md)."""
    name = ws.setting("office.name")
    return name or ws.election.kpu_short


def workspace_marks(ws) -> list[str]:
    """Marks of the workspace: ["CONTOH"] for the demonstration, ["SIMULASI"] for training."""
    marks = []
    if ws.meta("demo") == "1":
        marks.append("CONTOH")
    if ws.simulation:
        marks.append("SIMULASI")
    return marks


def file_identity(path) -> tuple[int, int] | None:
    """(device, inode) of the workspace file, to notice when it is replaced under the window."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


class LazyPages(dict):
    """The window's pages by key, built on first access (``pages["findings"]``, ``pages.get``)."""

    def __init__(self, window, built: dict):
        super().__init__(built)
        self.window = window
        self.factories: dict[str, tuple] = {}

    def build(self, key: str):
        """Build a page now (once) and put it in its tab in place of the placeholder."""
        if dict.__contains__(self, key):
            return dict.__getitem__(self, key)
        title, factory, placeholder = self.factories[key]
        w = self.window
        try:
            page = factory()
        except ImportError:
            raise  # a broken import of the program's own modules fails loudly, it never hides a page
        except Exception as exc:  # a page that cannot be built must not stop the window
            page = QLabel(QCoreApplication.translate("MainWindow", "Halaman ini belum tersedia: %s") % exc)
            page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        dict.__setitem__(self, key, page)
        index = w.tabs.indexOf(placeholder)
        current = w.tabs.currentIndex() == index
        w.tabs.blockSignals(True)
        w.tabs.removeTab(index)
        w.tabs.insertTab(index, page, title)
        if current:
            w.tabs.setCurrentIndex(index)
        w.tabs.blockSignals(False)
        placeholder.deleteLater()
        if hasattr(page, "refresh"):
            page.refresh()
        return page

    def __missing__(self, key):
        if key in self.factories:
            return self.build(key)
        raise KeyError(key)

    def get(self, key, default=None):
        if key in self.factories or dict.__contains__(self, key):
            return self[key]
        return default

    def key_of(self, widget) -> str | None:
        """The key of a page (or its placeholder) in the tabs."""
        for key, page in dict.items(self):
            if page is widget:
                return key
        for key, (_t, _f, placeholder) in self.factories.items():
            if placeholder is widget:
                return key
        return None


class MainWindow(QMainWindow):
    """The clerk's workstation over one open workspace.

    Args:
        ws: the open Workspace (its single connection is used on this thread only; background
            jobs open their own).
        actor: the acting user's name (recorded in the audit log).

    Signals:
        workspace_changed(): the workspace was written and everything shown was reloaded.
        workspace_requested(str): the clerk chose a workspace file to open (or created one, or the
            file was restored or replaced); the program (app.create_window) connects it to
            switch_workspace.
    """

    workspace_changed = Signal()
    workspace_requested = Signal(str)

    def __init__(self, ws, actor: str, parent=None, auto_check: bool = False):
        super().__init__(parent)
        self.ws = ws
        self.actor = actor
        self._file_id = file_identity(ws.path)
        self.setWindowIcon(app_icon())
        self.setObjectName("mainWindow")
        self.pages: dict[str, QWidget] = {}
        self._findings: list | None = None
        self._totals: dict | None = None
        self._findings_by_region: dict[str, list] = {}
        self._replaced_told = False
        self._gates: list[tuple] = []  # (button, permission, its own tooltip): see gate()
        self._data_version = None  # SQLite's count of other connections' commits when last shown (refresh)

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.banner = mark_banner(ws.meta("demo") == "1", ws.simulation)
        if self.banner is not None:
            outer.addWidget(self.banner)
        # what the clerk must know at once, without a dialog in the way: a workspace changed outside
        # the program (red), an automatic backup that failed (amber); Esc or the next good refresh hides it
        self.alert = QLabel()
        self.alert.setObjectName("alertBanner")
        self.alert.setWordWrap(True)
        self.alert.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.alert.hide()
        outer.addWidget(self.alert)
        self._alert_kind = ""
        self._alert_source = None  # the widget whose failure the amber banner tells (clear_failure_of)
        self.find_bar = FindBar()
        self.find_bar.search = self.search
        self.find_bar.closed.connect(self._find_closed)
        outer.addWidget(self.find_bar)

        self.split = split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("mainSplit")
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(6, 6, 6, 6)
        kecamatan = self.ws.election.child_tier == "kecamatan"  # a kabupaten/kota office (docs/tiers.md)
        head = QLabel(self.tr("<b>Kecamatan</b>") if kecamatan else self.tr("<b>Kabupaten/Kota</b>"))
        ll.addWidget(head)
        self.dapil_box = None
        if dapil.several(ws.election):  # regencies grouped per dapil, or one dapil at a time
            self.dapil_box = dapil.DapilBox(ws.election)
            self.dapil_box.chosen.connect(lambda _k: self.refresh_regencies())
            ll.addWidget(self.dapil_box)
        self.progress = ProgressPanel()
        ll.addWidget(self.progress)
        self.regency_model = RegencyModel(self)
        self.regency_model.kecamatan = kecamatan
        self.regency_model.districts = dapil.several(ws.election)
        self.regency_view = QTableView()
        self.regency_view.setObjectName("regencyView")
        head.setBuddy(self.regency_view)
        self.regency_view.setModel(self.regency_model)
        self.regency_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.regency_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.regency_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.regency_view.verticalHeader().hide()
        self.regency_view.setWordWrap(False)  # a name too long loses its end ("Kab. Banjarneg…"), not its second word
        self.regency_view.verticalHeader().setDefaultSectionSize(22)
        hh = self.regency_view.horizontalHeader()
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)  # "ada peringatan · draf" whole
        self.regency_view.setColumnWidth(0, 48)
        hh.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)  # "Revisi", "Revision" whole
        if self.regency_model.districts:
            hh.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)  # "Dapil", "VIII"
        self.regency_view.activated.connect(self._open_index)
        self.regency_view.clicked.connect(self._open_index)
        ll.addWidget(self.regency_view, 1)
        left.setMinimumWidth(360)  # the longest name (Kab. Karanganyar) whole beside its status
        split.addWidget(left)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("pages")
        self.tabs.setUsesScrollButtons(True)
        self.editor = CertificateEditor(ws, actor)
        self.editor.findings_source = self.findings_for
        self.editor.saved.connect(self._after_save)
        self.editor.draft_changed.connect(lambda _k: self.refresh_regencies())
        self.editor.message.connect(self.show_message)
        self.tabs.addTab(self.editor, self.tr("Sertifikat"))
        self.pages["editor"] = self.editor
        self._add_pages()
        self.job_status = JobStatus()
        self.jobs.status = self.job_status
        self.jobs.warned.connect(self.show_warnings)
        self.editor.jobs = self.jobs
        self.editor.refresh_window = self.refresh
        split.addWidget(self.tabs)
        split.setStretchFactor(1, 1)
        split.setSizes([430, 930])  # a narrower window gives the list less (restore_state), unless the clerk set it
        outer.addWidget(split, 1)

        self.totals_bar = TotalsBar()
        self.totals_bar.regency_office = kecamatan
        outer.addWidget(self.totals_bar)
        self.setCentralWidget(central)
        self.user_label = QLabel(self.tr("Pengguna: %s") % actor)
        self.user_label.setObjectName("userLabel")
        self.statusBar().addPermanentWidget(self.job_status)
        self.statusBar().addPermanentWidget(self.user_label)
        self._build_menus()
        self.setAcceptDrops(True)
        self.update_title()
        self.refresh()
        self.setMinimumSize(760, 520)
        if auto_check:
            QTimer.singleShot(0, self.check_stale)
        # another window or process (a `recap import` beside the window, a second clerk's window on
        # this file) may write: looked for every few seconds and when the window is activated
        self._outside = QTimer(self)
        self._outside.setInterval(3000)
        self._outside.timeout.connect(self.check_outside_changes)
        self._outside.start()

    def _after_save(self, _kode: str) -> None:
        self.refresh()
        self.check_stale()

    def check_stale(self):
        """Re-run reconciliation on the worker for certificates whose findings are out of date."""
        from ..core import reconcile

        try:
            stale = reconcile.stale_regions(self.ws)
        except Exception as exc:  # the window stays usable without findings
            self.show_message(self.tr("Pemeriksaan tidak dapat dijalankan: %s") % fmt.refusal(exc))
            return None
        if not stale:
            return None
        self.show_message(self.tr("Memeriksa %s sertifikat di latar belakang…") % len(stale))
        return self.jobs.start(self.ws.path, partial(operations.refresh_stale_findings, actor=self.actor),
                               self.tr("Memeriksa…"), self, show_progress=False, refresh=self.refresh,
                               on_done=lambda _r: self.show_message(self.tr("Pemeriksaan selesai.")),
                               on_failed=self.show_message)

    # ------------------------------------------------------------------ structure
    def _add_pages(self) -> None:
        """Tabs for the pages; each page is built when first shown or asked for (fast start)."""
        from . import pages

        self.pages = LazyPages(self, self.pages)
        for key, title, factory in pages.page_factories(self):
            placeholder = QWidget()
            placeholder.setObjectName(f"placeholder_{key}")
            self.pages.factories[key] = (title, factory, placeholder)
            self.tabs.addTab(placeholder, title)
        self.tabs.currentChanged.connect(self._build_current)

    def _build_current(self, index: int) -> None:
        for key, (_title, _f, placeholder) in list(self.pages.factories.items()):
            if self.tabs.widget(index) is placeholder:
                self.pages.build(key)
                break

    def _action(self, menu, text: str, slot, shortcut=None, name: str | None = None) -> QAction:
        act = QAction(text, self)
        if shortcut is not None:
            keys = shortcut if isinstance(shortcut, list) else [shortcut]
            act.setShortcuts([QKeySequence(k) for k in keys])
        act.triggered.connect(lambda _checked=False: slot())
        menu.addAction(act)
        if name:
            setattr(self, name, act)
        return act

    def _build_menus(self) -> None:
        mb = self.menuBar()
        m = mb.addMenu(self.tr("&Berkas"))
        self._action(m, self.tr("&Buka ruang kerja…"), self.open_workspace_dialog, QKeySequence.StandardKey.Open,
                     "act_open")
        self._action(m, self.tr("Ruang kerja &baru…"), self.new_workspace_dialog, QKeySequence.StandardKey.New,
                     "act_new")
        self._action(m, self.tr("&Impor berkas sertifikat…"), lambda: self.show_page("import", choose=True),
                     "Ctrl+I", "act_import")
        self._action(m, self.tr("&Cetak dokumen…"), self.print_documents, QKeySequence.StandardKey.Print, "act_print")
        m.addSeparator()
        self._action(m, self.tr("&Ganti pengguna…"), self.switch_user, None, "act_user")
        self._action(m, self.tr("&Pengguna dan peran…"), self.manage_users, None, "act_users")
        self._action(m, self.tr("Pengaturan &kantor…"), self.edit_settings, None, "act_settings")
        self._action(m, self.tr("P&ulihkan dari cadangan…"), self.restore_backup, None, "act_restore")
        m.setToolTipsVisible(True)  # a greyed entry says which role may use it
        for act, permission in ((self.act_import, "import"), (self.act_print, "print"),
                                (self.act_settings, "settings"), (self.act_restore, "restore")):
            self.gate(act, permission)
        m.addSeparator()
        self._action(m, self.tr("&Keluar"), self.close, "Ctrl+Q")

        e = mb.addMenu(self.tr("&Sunting"))
        undo = self.editor.undo_stack.createUndoAction(self, self.tr("&Urungkan"))
        undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        redo = self.editor.undo_stack.createRedoAction(self, self.tr("U&langi"))
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.act_undo, self.act_redo = undo, redo
        for a in (undo, redo):
            e.addAction(a)
        self._action(e, self.tr("&Simpan sertifikat"), lambda: self.editor.save(), QKeySequence.StandardKey.Save,
                     "act_save")
        e.addSeparator()
        self._action(e, self.tr("&Cari…"), self.open_find, QKeySequence.StandardKey.Find, "act_find")

        v = mb.addMenu(self.tr("&Tampilan"))
        self._action(v, self.tr("Pindah antara &daftar dan halaman"), self.switch_pane, "F6", "act_pane")
        self._action(v, self.tr("Mode &pleno (layar penuh)"), self.open_plenary, "F11", "act_plenary")
        self._action(v, self.tr("Per&besar"), lambda: self.zoom(1), ["Ctrl++", "Ctrl+="], "act_zoom_in")
        self._action(v, self.tr("Per&kecil"), lambda: self.zoom(-1), "Ctrl+-", "act_zoom_out")
        self._action(v, self.tr("&Ukuran biasa"), lambda: self.zoom(0), "Ctrl+0", "act_zoom_reset")
        self._action(v, self.tr("Data &TPS di balik angka kecamatan…"), lambda: self.show_tps(), "Ctrl+T", "act_tps")
        v.addSeparator()
        for i in range(self.tabs.count()):
            # Alt+1 … Alt+9, then Alt+0 for the tenth (the Log audit), as the digits lie on the keyboard
            key = f"Alt+{i + 1}" if i < 9 else "Alt+0" if i == 9 else None
            self._action(v, self.tabs.tabText(i), lambda i=i: self.show_tab(i), key)

        h = mb.addMenu(self.tr("Ba&ntuan"))
        self._action(h, self.tr("&Panduan petugas"), self.show_guide, QKeySequence.StandardKey.HelpContents,
                     "act_guide")
        self._action(h, self.tr("&Tentang recap_app"), self.show_about)

    # ------------------------------------------------------------------ refresh
    def update_title(self) -> None:
        marks = workspace_marks(self.ws)
        prefix = "".join(f"[{m}] " for m in marks)
        self.setWindowTitle(f"{prefix}{office_name(self.ws)} — {self.ws.election.name} — recap_app")

    def refresh_regencies(self, snapshot: dict | None = None) -> None:
        """Reload the status list (keeps the selection)."""
        from ..core import drafts

        current = self.current_region()
        if snapshot is not None:
            rows, draft_set = snapshot["status"], set(snapshot["drafts"])
        else:
            rows, draft_set = certificate.statuses(self.ws), set(drafts.draft_regions(self.ws))
        chosen = self.dapil_box.kode() if self.dapil_box is not None else None
        rows = dapil.order_by_district(self.ws.election, rows, chosen)
        self.regency_model.set_rows(rows, draft_set)
        received = sum(1 for r in rows if r["status"] != "belum masuk")
        adopted = sum(1 for r in rows if r["status"] == "ditetapkan")
        self.progress.set_counts(received, adopted, len(rows))
        self._counts = (received, adopted, len(rows))
        if current:
            self._select(current)

    def all_findings(self) -> list:
        """Every stored finding (reconcile.findings), read once per refresh and shared by the pages."""
        if self._findings is None:
            from ..core import reconcile

            self._findings, self._findings_by_region = [], {}
            try:
                self._findings = reconcile.findings(self.ws)
            except Exception as exc:  # the window stays usable without findings
                self.show_message(self.tr("Temuan tidak dapat dimuat: %s") % fmt.refusal(exc))
            for f in self._findings:
                self._findings_by_region.setdefault(f.region, []).append(f)
        return self._findings

    def findings_for(self, region: str) -> list:
        """The stored findings of one region (from the shared read)."""
        self.all_findings()
        return self._findings_by_region.get(region, [])

    def current_totals(self) -> dict:
        """core.totals.province_totals(), read once per refresh and shared by the pages."""
        if self._totals is None:
            self._totals = province_totals(self.ws)
        return self._totals

    def refresh(self, snapshot: dict | None = None) -> None:
        """Reload everything shown from the workspace (after any write).

        ``snapshot``: status, drafts, totals and findings already read on the worker (jobs), so
        the UI thread does not query them again.
        """
        if self.workspace_replaced():
            return
        self._data_version = self._read_data_version()
        self._findings = None
        self._totals = None
        if snapshot is not None:
            self._totals = snapshot["totals"]
            if snapshot["findings"] is not None:
                self._findings = snapshot["findings"]
                self._findings_by_region = {}
                for f in self._findings:
                    self._findings_by_region.setdefault(f.region, []).append(f)
        try:
            self.refresh_regencies(snapshot)
            totals = self.current_totals()
        except RecapError as exc:  # figures or state changed outside the program: say so, show no figure
            self._totals = None
            self.show_integrity_problem(fmt.refusal(exc))
        else:
            received, adopted, expected = self._counts
            self.totals_bar.update_totals(dapil.bar_form(self.ws.election, totals), totals, received, adopted,
                                          expected)
            if self._alert_kind == "integrity":
                self.hide_alert()
        self.show_warnings(self.ws.warnings)
        for page in self.pages.values():
            if page is not self.editor and hasattr(page, "refresh"):
                try:
                    page.refresh()
                except Exception as exc:  # one page failing must not blank the others
                    self.show_message(self.tr("Halaman tidak dapat dimuat: %s") % fmt.refusal(exc))
        if self.editor.kode:
            try:
                reloaded = self.editor.reload_if_stale()  # a newer revision, an adoption: never shown stale
            except RecapError as exc:
                reloaded = False
                self.show_message(self.tr("Sertifikat tidak dapat dimuat ulang: %s") % fmt.refusal(exc))
            if not reloaded:
                self.editor.refresh_findings()
                self.editor.update_buttons()
        self.update_gates()
        self.workspace_changed.emit()

    # ------------------------------------------------------------------ who may press what
    def gate(self, button, permission: str) -> None:
        """A button whose act needs ``permission`` (core.auth.PERMISSIONS): enabled only while the
        acting user holds it, its tooltip then saying why not (the role and the roles that hold it).
        The core still decides every act: this only spares a clerk a button that cannot work."""
        self._gates.append((button, permission, button.toolTip()))
        self._apply_gate(button, permission, button.toolTip())

    def update_gates(self) -> None:
        """Apply every :meth:`gate` again (another user acts, a role changed)."""
        for button, permission, tip in self._gates:
            self._apply_gate(button, permission, tip)

    def _apply_gate(self, button, permission: str, tip: str) -> None:
        from ..core import auth

        try:
            auth.require(self.ws, self.actor, permission)
        except RecapError as exc:  # not this role's, or the accounts cannot be read as stored: said on the button
            button.setEnabled(False)
            button.setToolTip(fmt.refusal(exc))
            return
        button.setEnabled(True)
        button.setToolTip(tip)

    def show_message(self, text: str) -> None:
        """A message in the status bar for ten seconds; one longer than the bar (a refusal with its
        reasons) is also shown whole in the banner above the pages, where it wraps, until the next
        message that fits (a banner already telling something else is never covered by it)."""
        bar = self.statusBar()
        lines = text.strip().splitlines() or [""]
        fits = len(lines) == 1 and bar.fontMetrics().horizontalAdvance(text) < bar.width() - 40
        bar.showMessage(text if fits else lines[0], 10000)
        if not fits and (self._alert_kind == "message" or not self.alert.isVisible()):
            self.show_alert(text, "message")
        elif fits and self._alert_kind == "message":
            self.hide_alert()

    def show_alert(self, text: str, kind: str = "warning", source=None) -> None:
        """A banner above the pages (no dialog): ``kind`` "integrity" in red, else amber; ``source``:
        the widget whose job's failure it tells (:meth:`clear_failure_of`)."""
        colour = ("#b00020", "#ffffff") if kind == "integrity" else ("#ffe08a", "#3d2c00")
        self.alert.setStyleSheet(f"#alertBanner {{ background: {colour[0]}; color: {colour[1]};"
                                 " padding: 6px 10px; font-weight: bold; }")
        self.alert.setText(text)
        self.alert.show()
        self._alert_kind = kind
        self._alert_source = source

    def hide_alert(self) -> None:
        self.alert.hide()
        self.alert.clear()
        self._alert_kind = ""
        self._alert_source = None

    def clear_failure_of(self, source) -> None:
        """Hide the amber banner when it tells a failure of a job ``source`` started and a job of
        the same widget has now succeeded (the clerk corrected what was refused); another page's
        failure stays."""
        if self._alert_kind == "job" and self._alert_source is source:
            self.hide_alert()

    def show_integrity_problem(self, message: str) -> None:
        """The workspace refused a read because figures or state were changed outside the program
        (core.store / core.state): the banner names it and what to do; no figure is shown."""
        self.show_alert(self.tr("Ruang kerja tidak utuh: %1 (Di jendela ini: halaman Log audit, Periksa; "
                                "Berkas › Pulihkan dari cadangan.)")
                        .replace("%1", message), "integrity")

    def show_warnings(self, warnings: list) -> None:
        """Warnings of the core for the person acting (an automatic backup that failed, ...): shown
        in the amber banner, then forgotten by the connection that gathered them."""
        if not warnings:
            return
        text = " ".join(str(w) for w in warnings)
        if isinstance(warnings, list):
            warnings.clear()
        if self._alert_kind != "integrity":
            self.show_alert(text, "warning")
        self.show_message(text)

    # ------------------------------------------------------------------ the workspace file
    def workspace_replaced(self) -> bool:
        """True (and the workspace reopened in a new window) when the file under the window's
        connection was replaced or removed outside this window (a restore from the command line,
        a copy over it): the old connection would otherwise read a file that is no longer there."""
        now = file_identity(self.ws.path)
        if now == self._file_id or self._replaced_told:
            return self._replaced_told
        self._replaced_told = True
        self.jobs.shutdown()
        self.ws.close()
        if now is None:
            inform(self, self.tr("Ruang kerja"), self.tr("Berkas ruang kerja %s tidak ada lagi (dipindah atau "
                                                         "dihapus di luar jendela ini). Jendela ditutup; data "
                                                         "yang tersimpan ada di berkas itu.") % self.ws.path,
                   error=True)
            self.close()
            return True
        inform(self, self.tr("Ruang kerja"), self.tr("Berkas ruang kerja diganti di luar jendela ini (misalnya "
                                                     "dipulihkan dari cadangan). Ruang kerja dibuka ulang."))
        self.workspace_requested.emit(str(self.ws.path))
        return True

    def connection_lost(self, exc) -> bool:
        """The window's connection failed on its own file (``exc``, an sqlite3.DatabaseError not
        caught where it happened): the connection is closed and the workspace opened again in a new
        window, the clerk told why. Returns False when this window had already given it up."""
        if self._replaced_told:
            return False
        self._replaced_told = True
        with contextlib.suppress(Exception):
            self.jobs.shutdown()
        with contextlib.suppress(Exception):
            self.ws.close()
        inform(self, self.tr("Ruang kerja"), self.tr(
            "Jendela tidak lagi dapat membaca berkas ruang kerja seperti yang ditulis SQLite (%1): berkas itu, atau "
            "berkas pendampingnya -wal/-shm, diubah atau dihapus di luar jendela ini. Ruang kerja dibuka ulang dan "
            "diperiksa; yang sudah tersimpan di berkas tidak hilang.").replace("%1", str(exc)), error=True)
        self.workspace_requested.emit(str(self.ws.path))
        return True

    def _check_login(self) -> None:
        """Accounts were made outside this window while it acted without one (open mode): whoever
        acts now logs in, as after Berkas › Pengguna dan peran."""
        from ..core import auth

        if auth.open_mode(self.ws) or auth.get_account(self.ws, self.actor) is not None:
            return
        inform(self, self.tr("Pengguna dan peran"), self.tr("Ruang kerja kini memakai akun: masuk dengan akun "
                                                            "Anda."))
        self.switch_user()

    def _read_data_version(self):
        """SQLite's ``PRAGMA data_version`` of the window's connection: it changes when any other
        connection (the window's own jobs, another window, another process) commits to the file."""
        try:
            return self.ws.conn.execute("PRAGMA data_version").fetchone()[0]
        except Exception:  # noqa: BLE001 - a closed or replaced workspace: workspace_replaced says it
            return None

    def check_outside_changes(self) -> bool:
        """Show the workspace again when another connection wrote to it since the window last did
        (an import from the command line, a second window): the figures, the lists and the open
        certificate are never left stale. Not while a job of the window runs (it refreshes when
        done). Returns whether it refreshed."""
        from PySide6.QtWidgets import QApplication

        if QApplication.activeModalWidget() is not None:  # a dialog open: when it closes (activation)
            return False
        if self._replaced_told or self.picture_only or self.workspace_replaced() or self.jobs.busy():
            return False
        now = self._read_data_version()
        if now is None or now == self._data_version:
            return False
        self.statusBar().showMessage(self.tr("Ruang kerja diubah di luar jendela ini; tampilan dimuat ulang."), 10000)
        self.refresh()  # the open certificate, reloaded, says so in its own words after this
        try:
            self._check_login()
        except RecapError as exc:
            self.show_message(fmt.refusal(exc))
        return True

    def eventFilter(self, obj, event):
        """A dialog closed: once no window has the keyboard (an X display without a window manager
        does not give it back), the main window takes it again, so that its shortcuts keep working."""
        if event.type() == QEvent.Type.Hide and isinstance(obj, QDialog):
            for ms in (50, 250):
                QTimer.singleShot(ms, self._reclaim_keyboard)
        return False

    def _reclaim_keyboard(self) -> None:
        from PySide6.QtWidgets import QApplication

        if (self.isVisible() and QGuiApplication.focusWindow() is None and QApplication.activeModalWidget() is None
                and QApplication.activePopupWidget() is None):
            self.activateWindow()
            self.raise_()

    def showEvent(self, event):
        super().showEvent(event)
        if not getattr(self, "_shown_once", False):
            self._shown_once = True
            QTimer.singleShot(0, self._first_focus)
            if not self.picture_only:  # a picture of the window takes no keyboard and opens no dialog
                QTimer.singleShot(0, self._watch_dialogs)

    def _watch_dialogs(self) -> None:
        """From the first showing on, a dialog that closes gives the keyboard back (eventFilter).

        Installed once the window is on screen, not while it is built: an application-wide filter
        sees every event of the program, and its first one makes PySide create every Qt type.
        """
        QGuiApplication.instance().installEventFilter(self)

    def _first_focus(self) -> None:
        """The keyboard starts where the clerk works: the certificate left open, else the list."""
        from PySide6.QtWidgets import QApplication

        if QApplication.activeModalWidget() is not None:  # a dialog opened first keeps the keyboard
            return
        self.activateWindow()
        if self.editor.kode and self.tabs.currentWidget() is self.editor:
            self.editor.focus_first_cell() if not self.editor.table.currentIndex().isValid() \
                else self.editor.table.setFocus()
            return
        if not self.regency_view.currentIndex().isValid() and self.regency_model.rowCount():
            self._select(self.first_region())
        self.regency_view.setFocus()

    def changeEvent(self, event):
        if event.type() == event.Type.ActivationChange and self.isActiveWindow() and not self._replaced_told:
            QTimer.singleShot(0, self.check_outside_changes)  # replaced, or written by another: said and shown
        super().changeEvent(event)

    # ------------------------------------------------------------------ navigation
    def first_region(self) -> str | None:
        """Where a window that remembers no certificate starts: the first received one in the list's
        order (a legislative list is in dapil order, not by code), else the list's first row; None
        for an empty list."""
        rows = [self.regency_model.row_data(i) for i in range(self.regency_model.rowCount())]
        for r in rows:
            if r["status"] != "belum masuk":
                return r["kode"]
        return rows[0]["kode"] if rows else None

    def current_region(self) -> str | None:
        idx = self.regency_view.currentIndex()
        return self.regency_model.row_data(idx.row())["kode"] if idx.isValid() else None

    def _select(self, kode: str) -> None:
        row = self.regency_model.row_of(kode)
        if row >= 0:
            idx = self.regency_model.index(row, 0)
            self.regency_view.selectionModel().setCurrentIndex(
                idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def _open_index(self, index) -> None:
        if index.isValid():
            self.open_region(self.regency_model.row_data(index.row())["kode"], focus=True)

    def open_region(self, kode: str, column: str | None = None, field: str | None = None,
                    focus: bool = False) -> None:
        """Open a regency's certificate in the editor (and select a cell when given).

        ``focus``: the keyboard goes to the editor (its first cell, or the given cell), as when the
        clerk opens a regency from the list; a cell given always takes the focus.
        """
        if self.editor.kode != kode:
            try:
                self.editor.open_region(kode)
            except RecapError as exc:
                self.show_integrity_problem(fmt.refusal(exc))
                return
        self._select(kode)
        self.tabs.setCurrentWidget(self.editor)
        if column and field:
            self.editor.focus_cell(column, field)
        elif focus:
            self.editor.focus_first_cell()

    def show_page(self, key: str, choose: bool = False) -> None:
        page = self.pages.get(key)
        if page is not None:
            self.tabs.setCurrentWidget(page)
            if choose and hasattr(page, "choose_files"):
                page.choose_files()

    # ------------------------------------------------------------------ find
    def open_find(self) -> None:
        """Ctrl+F: search where the clerk is (the list, the findings page or the certificate)."""
        page = self.tabs.currentWidget()
        findings = dict.get(self.pages, "findings")
        if self.regency_view.hasFocus():
            scope = "regencies"
        elif findings is not None and page is findings:
            scope = "findings"
        elif page is self.editor and self.editor.kode:
            scope = "editor"
        else:
            scope = "regencies"
        self.find_bar.open(scope)

    def search(self, scope: str, text: str, step: int) -> tuple[int, int]:
        """Answer the find bar (FindBar.search): select the match and return (position, count)."""
        if scope == "findings":
            return self.pages["findings"].find_text(text, step)
        if scope == "editor":
            return self.editor.find_text(text, step)
        rows = [i for i in range(self.regency_model.rowCount())
                if matches(text, self.regency_model.row_data(i)["kode"], self.regency_model.row_data(i)["nama"])]
        if not rows:
            return 0, 0
        chosen = pick(rows, self.regency_view.currentIndex().row(), step)
        self._select(self.regency_model.row_data(chosen)["kode"])
        self.regency_view.scrollTo(self.regency_model.index(chosen, 0))
        return rows.index(chosen) + 1, len(rows)

    def _find_closed(self, scope: str) -> None:
        if scope == "regencies":
            self.regency_view.setFocus()  # Enter there opens the regency found
        elif scope == "editor":
            self.editor.table.setFocus()
        elif scope == "findings":
            self.pages["findings"].view.setFocus()

    # ------------------------------------------------------------------ the TPS behind a figure
    def tps_target(self) -> tuple[str | None, str | None]:
        """(column code, field key) the clerk points at: the selected finding when the findings page
        is shown, else the current cell of the certificate; (None, None) when there is neither."""
        page = self.tabs.currentWidget()
        findings = dict.get(self.pages, "findings")
        if findings is not None and page is findings:
            f = findings.selected()
            return (f.column, f.field) if f is not None else (None, None)
        if self.editor.kode and self.editor.table.currentIndex().isValid():
            idx = self.editor.table.currentIndex()
            cell = self.editor.model.cell(idx.row(), idx.column())
            if cell is not None:
                return cell
            return self.editor.model.columns[idx.column()], None
        return None, None

    def show_tps(self, column: str | None = None, field: str | None = None):
        """Ctrl+T: the TPS behind a kecamatan figure (tps_view.TpsDialog), read on the worker.

        ``column``/``field``: the kecamatan and field (default: :meth:`tps_target`). A column that is
        no kecamatan (JUMLAH, a regency) is answered in the status bar. Returns the job, or None.
        """
        if column is None:
            column, field = self.tps_target()
        region = self.ws.region(column) if column else None
        if region is None or region.tingkat != "kecamatan":
            self.show_message(self.tr("Pilih sel di kolom kecamatan (di sertifikat atau di halaman Temuan) untuk "
                                      "melihat data TPS di baliknya."))
            return None
        return self.jobs.start(self.ws.path, partial(operations.tps_behind, kode=column,
                                                     label=self.tr("Membaca data TPS…")),
                               self.tr("Membaca data TPS…"), self,
                               on_done=lambda view: self._show_tps_dialog(view, field),
                               on_failed=lambda message: self._show_tps_dialog(None, field, message))

    def _show_tps_dialog(self, view, field: str | None, message: str = "") -> None:
        from .tps_view import TpsDialog

        labels = None
        if view is not None:
            from ..core.errors import ElectionError

            try:
                form = self.ws.election.form_of_region(view.regency)
                labels = {k: form.field_label(k, fmt.LANG) for k in view.isian}
            except ElectionError:  # a kecamatan outside every district: the short labels of the view
                labels = None
        self.tps_dialog = TpsDialog(self, view, field, labels, message)  # kept: not modal, the window stays usable
        self.tps_dialog.show()
        self.tps_dialog.raise_()
        self.tps_dialog.activateWindow()

    # ------------------------------------------------------------------ view
    def switch_pane(self) -> None:
        """F6: the keyboard from the regency list to the page shown, and back (a table keeps Tab)."""
        if self.regency_view.hasFocus():
            self.focus_page()
        else:
            self.regency_view.setFocus()

    def show_tab(self, index: int) -> None:
        """Alt+1 … Alt+9: show a page and put the keyboard in it."""
        self.tabs.setCurrentIndex(index)
        self.focus_page()

    def focus_page(self) -> None:
        """The keyboard to the page shown: the certificate's table, else its first field or button."""
        page = self.tabs.currentWidget()
        if page is self.editor:
            self.editor.table.setFocus()
            return
        w = page.nextInFocusChain()
        while w is not None and w is not page:
            if (page.isAncestorOf(w) and w.isVisible() and w.isEnabled()
                    and w.focusPolicy() & Qt.FocusPolicy.TabFocus):
                w.setFocus(Qt.FocusReason.TabFocusReason)
                return
            w = w.nextInFocusChain()

    def zoom(self, step: int) -> None:
        """Larger or smaller figures in the current page (editor, preview): +1, -1, 0 for normal."""
        page = self.tabs.currentWidget()
        target = page if hasattr(page, "zoom") else self.editor
        target.zoom(step)
        if target is self.editor:
            window_settings().setValue("editor/zoom", self.editor.zoom_level)

    def show_guide(self) -> None:
        from .help import GuideDialog

        GuideDialog(self).exec()

    def show_about(self) -> None:
        from .. import __version__

        inform(self, self.tr("Tentang recap_app"),
               self.tr("recap_app %s — rekapitulasi suara berjenjang untuk KPU Provinsi, bekerja tanpa jaringan. "
                       "Hasil resmi tetap rekapitulasi manual berjenjang dalam rapat pleno.") % __version__)

    # ------------------------------------------------------------------ window state
    #: a window made only to save a picture of it (``recap gui --screenshot``) leaves the clerk's
    #: remembered size and place alone
    picture_only = False

    def restore_state(self) -> None:
        """Size, position, page and regency as the clerk left them, always inside the screen."""
        s = window_settings()
        screen = (self.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        rect = s.value("window/rect")
        try:
            x, y, w, h = (int(v) for v in rect) if rect else (None, None, *PREFERRED_SIZE)
        except (TypeError, ValueError):
            x, y, w, h = None, None, *PREFERRED_SIZE
        # a window larger than this screen (left on a bigger one, or the preferred size on a small
        # screen) is maximised, so that the window manager fits its frame and title bar in too (a
        # client area of the screen's whole height put its status line below the screen's edge);
        # never smaller than its minimum, never outside the screen
        # the frame and title bar the window manager adds are not in w x h: the preferred size within
        # FRAME_ROOM of the screen's height would put the status line below its edge (a size the
        # clerk left is one that fitted)
        room = 0 if rect else FRAME_ROOM
        too_big = w > screen.width() or h > screen.height() - room
        w = max(self.minimumWidth(), min(w, screen.width()))
        h = max(self.minimumHeight(), min(h, screen.height()))
        if x is None or y is None:
            x, y = screen.x() + (screen.width() - w) // 2, screen.y() + (screen.height() - h) // 2
        x = min(max(x, screen.x()), screen.x() + max(0, screen.width() - w))
        y = min(max(y, screen.y()), screen.y() + max(0, screen.height() - h))
        self.resize(w, h)
        self.move(x, y)
        if too_big or s.value("window/maximized", False, type=bool):
            self.showMaximized()
        split = s.value("window/split")
        if split is not None:
            self.split.restoreState(split)
        else:  # the list a third of a narrow window (1024 px), never under 360 px nor over 430
            left = max(360, min(430, self.width() // 3))
            self.split.setSizes([left, max(1, self.width() - left)])
        self.editor.set_label_width(s.value("editor/label_width", 0, type=int) or None)
        self.editor.set_zoom(s.value("editor/zoom", 0, type=int))
        kode = s.value("window/regency", "", type=str)
        if kode and self.ws.region(kode) is not None and self.regency_model.row_of(kode) >= 0:
            self.open_region(kode)
        page = s.value("window/page", "", type=str)
        if page and page != "editor" and page in self.pages.factories:
            self.show_page(page)
        elif page == "editor":
            self.tabs.setCurrentWidget(self.editor)

    def save_state(self) -> None:
        s = window_settings()
        g = self.normalGeometry() if self.isMaximized() else self.geometry()
        s.setValue("window/rect", [g.x(), g.y(), g.width(), g.height()])
        s.setValue("window/maximized", self.isMaximized())
        s.setValue("window/split", self.split.saveState())
        s.setValue("window/page", self.pages.key_of(self.tabs.currentWidget()) or "editor")
        s.setValue("window/regency", self.editor.kode or "")
        s.setValue("editor/label_width", self.editor.label_width())
        s.setValue("editor/zoom", self.editor.zoom_level)
        s.sync()

    # ------------------------------------------------------------------ actions
    def open_workspace_dialog(self) -> None:
        path = choose_open(self, self.tr("Buka ruang kerja"), str(self.ws.path.parent),
                           self.tr("Ruang kerja recap_app (*.sqlite)"))
        if path:
            self.workspace_requested.emit(path)

    def set_actor(self, actor: str) -> None:
        """Who acts from now on (recorded in every audit record); what a page said to the one
        before (an export refused to them) is cleared."""
        if actor != self.actor and dict.__contains__(self.pages, "bundles"):
            self.pages["bundles"].result.clear()
        if actor != self.actor and self._alert_kind in ("message", "job"):
            self.hide_alert()  # a refusal said to the one before
        self.actor = actor
        self.editor.actor = actor
        if self.editor.kode:
            try:
                self.editor.reload_if_stale()  # the next user sees the certificate as stored now
            except RecapError as exc:
                self.show_message(self.tr("Sertifikat tidak dapat dimuat ulang: %s") % fmt.refusal(exc))
        self.editor.update_buttons()  # what this user may do now
        self.update_gates()
        self.user_label.setText(self.tr("Pengguna: %s") % actor)

    def switch_user(self) -> None:
        from .settings import LoginDialog

        dlg = LoginDialog(self.ws, self.actor, self)
        if dlg.exec() and dlg.actor:
            self.set_actor(dlg.actor)

    def manage_users(self) -> None:
        """Berkas › Pengguna dan peran…; once the first account exists, whoever acts logs in."""
        from ..core import auth
        from .users import UsersDialog

        was_open = auth.open_mode(self.ws)
        UsersDialog(self.ws, self.actor, self).exec()
        if was_open and not auth.open_mode(self.ws) and auth.get_account(self.ws, self.actor) is None:
            inform(self, self.tr("Pengguna dan peran"), self.tr("Ruang kerja kini memakai akun: masuk dengan akun "
                                                                "Anda."))
            self.switch_user()
        self.refresh()

    def new_workspace_dialog(self) -> None:
        from .settings import NewWorkspaceDialog

        dlg = NewWorkspaceDialog(self.actor, self)
        if dlg.exec() and dlg.path:
            self.workspace_requested.emit(str(dlg.path))

    def edit_settings(self) -> None:
        from .settings import SettingsDialog

        dlg = SettingsDialog(self.ws, self.actor, self)
        if dlg.exec():
            self.update_title()
            self.refresh()

    def print_documents(self) -> None:
        """Berkas › Cetak dokumen… (Ctrl+P): the documents page and its print dialog."""
        page = self.pages["documents"]
        self.tabs.setCurrentWidget(page)
        page.print_documents()

    def restore_backup(self) -> None:
        """Replace the workspace with a backup: the window's jobs stop and its connection closes first,
        the core restores (keeping the old file aside), and the workspace reopens in a new window."""
        from ..core import auth, backup
        from ..core import restore as restoring

        start = backup.backup_dir(self.ws.path)
        source = choose_open(self, self.tr("Pulihkan dari cadangan"), str(start if start.is_dir() else self.ws.path.parent),
                             self.tr("Cadangan ruang kerja (*.sqlite)"))
        if not source:
            return
        losses = restoring.restore_losses(source, self.ws.path)
        text = self.tr("Ruang kerja %1 akan diganti dengan cadangan %2. Ruang kerja sekarang disimpan di "
                       "sampingnya, tidak dihapus.").replace("%1", str(self.ws.path)).replace("%2", str(source))
        if losses:
            text += "\n\n" + self.tr("Perhatian:") + "\n" + "\n".join(f"• {line}" for line in losses)
        if not confirm(self, self.tr("Pulihkan dari cadangan"), text, self.tr("Pulihkan"), self.tr("Batal"),
                       default_yes=False):
            return
        password = None
        if not auth.open_mode(self.ws):
            from .settings import LoginDialog

            dlg = LoginDialog(self.ws, self.actor, self, purpose=self.tr("Kata sandi Anda untuk memulihkan:"))
            if not dlg.exec():
                return
            password = dlg.password.text()
        path = self.ws.path
        self.jobs.shutdown()  # nothing may still write through another connection
        self.ws.close()  # the window's connection is closed before the file is replaced
        self._replaced_told = True
        other = False
        while True:
            try:
                aside, _info = restoring.restore(source, path, self.actor, password, other_workspace=other)
            except RecapError as exc:
                if exc.code == "other_workspace" and not other and confirm(
                        self, self.tr("Pulihkan dari cadangan"),
                        self.tr("Cadangan %1 berasal dari ruang kerja lain (rantai audit lain). Tetap pulihkan? "
                                "Pilihan ini dicatat di log audit.").replace("%1", str(source)),
                        self.tr("Tetap pulihkan"), self.tr("Batal"), default_yes=False):
                    other = True
                    continue
                inform(self, self.tr("Pulihkan dari cadangan"), fmt.refusal(exc), error=True)
                break
            else:
                inform(self, self.tr("Pulihkan dari cadangan"),
                       self.tr("Ruang kerja dipulihkan dari %1.").replace("%1", str(source))
                       + (" " + self.tr("Yang lama disimpan sebagai %1.").replace("%1", str(aside)) if aside else ""))
                break
        self.workspace_requested.emit(str(path))  # reopened (restored or as it was) in a new window

    def open_plenary(self) -> None:
        from .plenary import PlenaryWindow

        chosen = self.dapil_box.kode() if self.dapil_box is not None else None
        self.plenary = PlenaryWindow(self.ws, self, dapil=chosen or (self.ws.election.districts[0].kode
                                                                     if dapil.several(self.ws.election) else None))
        self.plenary.showFullScreen()

    def dragEnterEvent(self, event):
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event):
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        page = self.pages.get("import")
        if paths and page is not None and hasattr(page, "start_import"):
            self.tabs.setCurrentWidget(page)
            page.start_import(paths)
        elif paths:
            inform(self, self.tr("Impor"), self.tr("Impor belum tersedia di versi ini."))

    def closeEvent(self, event):
        editor = getattr(self, "editor", None)
        if editor is not None and not self._replaced_told and not self.picture_only and not editor.before_close():
            event.ignore()  # back to the cell whose text is not a figure
            return
        jobs = getattr(self, "jobs", None)
        if jobs is not None:
            jobs.shutdown()  # the running step finishes whole; queued jobs are cancelled
        if not self._replaced_told and not self.picture_only:
            self.save_state()
        super().closeEvent(event)
