"""The main window: the kabupaten/kota with status, progress, the pages, and the province totals."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
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
from ..core.totals import province_totals
from . import dapil, operations
from .editor import CertificateEditor
from .icons import app_icon
from .models import RegencyModel
from .widgets import ProgressPanel, TotalsBar, inform, mark_banner


def office_name(ws) -> str:
    """The office shown in the title: the office setting, else "KPU Provinsi <province>"."""
    name = ws.setting("office.name")
    return name or f"KPU Provinsi {ws.election.province_name.title()}"


def workspace_marks(ws) -> list[str]:
    """Marks of the workspace: ["CONTOH"] for the demonstration, ["SIMULASI"] for training."""
    marks = []
    if ws.meta("demo") == "1":
        marks.append("CONTOH")
    if ws.simulation:
        marks.append("SIMULASI")
    return marks


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
            page = QLabel(w.tr("Halaman ini belum tersedia: %s") % exc)
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


class MainWindow(QMainWindow):
    """The clerk's workstation over one open workspace.

    Args:
        ws: the open Workspace (its single write connection is used on this thread only).
        actor: the acting user's name (recorded in the audit log).

    Signals:
        workspace_changed(): the workspace was written and everything shown was reloaded.
        workspace_requested(str): the clerk chose a workspace file to open (or created one); the
            program (app.create_window) connects it to switch_workspace.
    """

    workspace_changed = Signal()
    workspace_requested = Signal(str)

    def __init__(self, ws, actor: str, parent=None, auto_check: bool = False):
        super().__init__(parent)
        self.ws = ws
        self.actor = actor
        self.setWindowIcon(app_icon())
        self.setObjectName("mainWindow")
        self.pages: dict[str, QWidget] = {}
        self._findings: list | None = None
        self._totals: dict | None = None
        self._findings_by_region: dict[str, list] = {}

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.banner = mark_banner(ws.meta("demo") == "1", ws.simulation)
        if self.banner is not None:
            outer.addWidget(self.banner)

        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(6, 6, 6, 6)
        head = QLabel(self.tr("<b>Kabupaten/Kota</b>"))
        ll.addWidget(head)
        self.dapil_box = None
        if dapil.several(ws.election):  # regencies grouped per dapil, or one dapil at a time
            self.dapil_box = dapil.DapilBox(ws.election)
            self.dapil_box.chosen.connect(lambda _k: self.refresh_regencies())
            ll.addWidget(self.dapil_box)
        self.progress = ProgressPanel()
        ll.addWidget(self.progress)
        self.regency_model = RegencyModel(self)
        self.regency_view = QTableView()
        self.regency_view.setObjectName("regencyView")
        self.regency_view.setModel(self.regency_model)
        self.regency_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.regency_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.regency_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.regency_view.verticalHeader().hide()
        self.regency_view.verticalHeader().setDefaultSectionSize(22)
        hh = self.regency_view.horizontalHeader()
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.regency_view.setColumnWidth(0, 52)
        self.regency_view.setColumnWidth(2, 140)
        self.regency_view.setColumnWidth(3, 66)
        self.regency_view.activated.connect(self._open_index)
        self.regency_view.clicked.connect(self._open_index)
        ll.addWidget(self.regency_view, 1)
        left.setMinimumWidth(440)
        split.addWidget(left)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("pages")
        self.editor = CertificateEditor(ws, actor)
        self.editor.findings_source = self.findings_for
        self.editor.saved.connect(self._after_save)
        self.editor.draft_changed.connect(lambda _k: self.refresh_regencies())
        self.editor.message.connect(self.show_message)
        self.tabs.addTab(self.editor, self.tr("Sertifikat"))
        self.pages["editor"] = self.editor
        self._add_pages()
        self.editor.jobs = self.jobs
        self.editor.refresh_window = self.refresh
        split.addWidget(self.tabs)
        split.setStretchFactor(1, 1)
        split.setSizes([450, 990])
        outer.addWidget(split, 1)

        self.totals_bar = TotalsBar()
        outer.addWidget(self.totals_bar)
        self.setCentralWidget(central)
        self.user_label = QLabel(self.tr("Pengguna: %s") % actor)
        self.user_label.setObjectName("userLabel")
        self.statusBar().addPermanentWidget(self.user_label)
        self._build_menus()
        self.setAcceptDrops(True)
        self.update_title()
        self.refresh()
        if auto_check:
            QTimer.singleShot(0, self.check_stale)

    def _after_save(self, _kode: str) -> None:
        self.refresh()
        self.check_stale()

    def check_stale(self):
        """Re-run reconciliation on the worker for certificates whose findings are out of date."""
        from ..core import reconcile

        try:
            stale = reconcile.stale_regions(self.ws)
        except Exception as exc:  # the window stays usable without findings
            self.show_message(self.tr("Pemeriksaan tidak dapat dijalankan: %s") % exc)
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

    def _build_menus(self) -> None:
        mb = self.menuBar()
        m = mb.addMenu(self.tr("&Berkas"))
        self.act_open = QAction(self.tr("Buka ruang kerja…"), self)
        self.act_open.setShortcut(QKeySequence.StandardKey.Open)
        self.act_open.triggered.connect(self.open_workspace_dialog)
        m.addAction(self.act_open)
        self.act_new = QAction(self.tr("Ruang kerja baru…"), self)
        self.act_new.setShortcut(QKeySequence.StandardKey.New)
        self.act_new.triggered.connect(self.new_workspace_dialog)
        m.addAction(self.act_new)
        self.act_import = QAction(self.tr("Impor berkas sertifikat…"), self)
        self.act_import.setShortcut(QKeySequence("Ctrl+I"))
        self.act_import.triggered.connect(lambda: self.show_page("import", choose=True))
        m.addAction(self.act_import)
        self.act_user = QAction(self.tr("Ganti pengguna…"), self)
        self.act_user.triggered.connect(self.switch_user)
        m.addAction(self.act_user)
        self.act_settings = QAction(self.tr("Pengaturan kantor…"), self)
        self.act_settings.triggered.connect(self.edit_settings)
        m.addAction(self.act_settings)
        m.addSeparator()
        act_quit = QAction(self.tr("Keluar"), self)
        act_quit.setShortcut(QKeySequence("Ctrl+Q"))
        act_quit.triggered.connect(self.close)
        m.addAction(act_quit)

        e = mb.addMenu(self.tr("&Sunting"))
        undo = self.editor.undo_stack.createUndoAction(self, self.tr("Urungkan"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.editor.undo_stack.createRedoAction(self, self.tr("Ulangi"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        save = QAction(self.tr("Simpan sertifikat"), self)
        save.setShortcut(QKeySequence.StandardKey.Save)
        save.triggered.connect(lambda: self.editor.save())
        for a in (undo, redo, save):
            e.addAction(a)

        v = mb.addMenu(self.tr("&Tampilan"))
        self.act_plenary = QAction(self.tr("Mode pleno (layar penuh)"), self)
        self.act_plenary.setShortcut(QKeySequence("F11"))
        self.act_plenary.triggered.connect(self.open_plenary)
        v.addAction(self.act_plenary)
        for i in range(self.tabs.count()):
            act = QAction(self.tabs.tabText(i), self)
            act.setShortcut(QKeySequence(f"Alt+{i + 1}"))
            act.triggered.connect(lambda _=False, i=i: self.tabs.setCurrentIndex(i))
            v.addAction(act)

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
                self.show_message(self.tr("Temuan tidak dapat dimuat: %s") % exc)
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
        self._findings = None
        self._totals = None
        if snapshot is not None:
            self._totals = snapshot["totals"]
            if snapshot["findings"] is not None:
                self._findings = snapshot["findings"]
                self._findings_by_region = {}
                for f in self._findings:
                    self._findings_by_region.setdefault(f.region, []).append(f)
        self.refresh_regencies(snapshot)
        totals = self.current_totals()
        received, adopted, expected = self._counts
        self.totals_bar.update_totals(dapil.bar_form(self.ws.election, totals), totals, received, adopted, expected)
        for page in self.pages.values():
            if page is not self.editor and hasattr(page, "refresh"):
                try:
                    page.refresh()
                except Exception as exc:  # one page failing must not blank the others
                    self.show_message(self.tr("Halaman tidak dapat dimuat: %s") % exc)
        if self.editor.kode:
            self.editor.refresh_findings()
        self.workspace_changed.emit()

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 10000)

    # ------------------------------------------------------------------ navigation
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
            self.open_region(self.regency_model.row_data(index.row())["kode"])

    def open_region(self, kode: str, column: str | None = None, field: str | None = None) -> None:
        """Open a regency's certificate in the editor (and select a cell when given)."""
        if self.editor.kode != kode:
            self.editor.open_region(kode)
        self._select(kode)
        self.tabs.setCurrentWidget(self.editor)
        if column and field:
            self.editor.focus_cell(column, field)

    def show_page(self, key: str, choose: bool = False) -> None:
        page = self.pages.get(key)
        if page is not None:
            self.tabs.setCurrentWidget(page)
            if choose and hasattr(page, "choose_files"):
                page.choose_files()

    # ------------------------------------------------------------------ actions
    def open_workspace_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Buka ruang kerja"), str(self.ws.path.parent),
                                              self.tr("Ruang kerja recap_app (*.sqlite)"))
        if path:
            self.workspace_requested.emit(path)

    def set_actor(self, actor: str) -> None:
        """Who acts from now on (recorded in every audit record)."""
        self.actor = actor
        self.editor.actor = actor
        self.editor.update_buttons()  # what this user may do now
        self.user_label.setText(self.tr("Pengguna: %s") % actor)

    def switch_user(self) -> None:
        from .settings import LoginDialog

        dlg = LoginDialog(self.ws, self.actor, self)
        if dlg.exec() and dlg.actor:
            self.set_actor(dlg.actor)

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
        jobs = getattr(self, "jobs", None)
        if jobs is not None:
            jobs.shutdown()  # the running step finishes whole; queued jobs are cancelled
        super().closeEvent(event)
