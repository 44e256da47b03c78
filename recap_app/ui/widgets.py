"""Small shared widgets: the totals bar, the mark banner, dialogs with our own button texts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from . import fmt

PAIR_COLOURS = ("#c62828", "#1565c0", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f")


class TotalsBar(QFrame):
    """Always-visible strip with the province totals per pair, valid votes and progress."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("totalsBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#totalsBar { background: #fbfbf8; border-top: 1px solid #bbb; }")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(10, 6, 10, 6)
        self.pairs: list[QLabel] = []
        self.valid = QLabel()
        self.progress = QLabel()

    #: True at a kabupaten/kota office (docs/tiers.md): the total is the regency's
    regency_office = False

    def update_totals(self, form, totals: dict, received: int, adopted: int, expected: int) -> None:
        """form: the election's form (its contestants); totals: core.totals.province_totals();
        counts of received/adopted/expected."""
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget():
                item.widget().setParent(None)
        self.pairs = []
        fields = totals.get("fields", {})
        sah = fields.get("suara_sah")
        title = QLabel(self.tr("<b>Total kabupaten/kota</b>") if self.regency_office else self.tr("<b>Total provinsi</b>"))
        self._layout.addWidget(title)
        # every figure whole: with many contestants (18 parties) the row scrolls sideways instead of
        # cutting a figure short (a clipped "425.629" reads as "4")
        strip = QWidget()
        row = QHBoxLayout(strip)
        row.setContentsMargins(0, 0, 0, 0)
        for i, p in enumerate(form.contestants):
            votes = fields.get(form.total_key(p))
            share = fmt.percent(votes, sah)
            colour = PAIR_COLOURS[i % len(PAIR_COLOURS)]
            lab = QLabel(
                f"<span style='background:{colour};color:white;font-weight:bold'>&nbsp;{p.nomor:02d}&nbsp;</span>"
                f"&nbsp;{p.short}: <b style='font-size:15px'>{fmt.number(votes, '–')}</b>"
                + (f" ({share})" if share else ""))
            lab.setObjectName(f"total_{form.total_key(p)}")
            lab.setToolTip(p.nama)
            lab.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
            self.pairs.append(lab)
            row.addWidget(lab)
            row.addSpacing(16)
        row.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("totalsStrip")
        scroll.setWidget(strip)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        scroll.setStyleSheet("QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }")
        scroll.setFixedHeight(strip.sizeHint().height() + scroll.horizontalScrollBar().sizeHint().height() + 2)
        self._layout.addWidget(scroll, 1)
        self.valid = QLabel(self.tr("Suara sah: <b>%s</b>") % fmt.number(sah, "–"))
        self.valid.setObjectName("total_suara_sah")
        self._layout.addWidget(self.valid)
        self.progress = QLabel(self.tr("Diterima %1 dari %2 · Ditetapkan %3 dari %2")
                               .replace("%1", str(received)).replace("%2", str(expected))
                               .replace("%3", str(adopted)))
        self.progress.setObjectName("total_progress")
        self._layout.addWidget(self.progress)


class ProgressPanel(QWidget):
    """Progress of the certificates: received and adopted, as bars with text."""

    def __init__(self, parent=None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.received = QProgressBar()
        self.adopted = QProgressBar()
        for bar, name in ((self.received, "received"), (self.adopted, "adopted")):
            bar.setObjectName(name)
            bar.setTextVisible(True)
            lay.addWidget(bar)

    def set_counts(self, received: int, adopted: int, expected: int) -> None:
        for bar, n, label in ((self.received, received, self.tr("Diterima")),
                              (self.adopted, adopted, self.tr("Ditetapkan"))):
            bar.setMaximum(max(expected, 1))
            bar.setValue(n)
            bar.setFormat(f"{label}: {n} / {expected}")


def mark_banner(demo: bool, simulation: bool) -> QLabel | None:
    """The CONTOH / SIMULASI banner shown above everything, or None for a real workspace."""
    if not (demo or simulation):
        return None
    if demo:
        text = QCoreApplication.translate("Marks", "CONTOH — data nyata Pilpres 2019 Jawa Tengah untuk latihan; bukan hasil "
                                          "resmi. Data itu hanya memuat DPT dan perolehan suara: isian lain kosong, "
                                          "jadi setiap sertifikat ada peringatan.")
    else:
        text = QCoreApplication.translate("Marks", "SIMULASI — ruang kerja latihan; dokumen dan bundel ditandai SIMULASI.")
    lab = QLabel(text)
    lab.setObjectName("markBanner")
    lab.setWordWrap(True)  # never wider than the window
    lab.setAlignment(Qt.AlignmentFlag.AlignCenter)
    lab.setStyleSheet("#markBanner { background: #ffe08a; color: #3a2a00; font-weight: bold; padding: 4px;"
                      " border-bottom: 2px solid #c99a00; }")
    return lab


def add_label(layout, text: str = "", name: str | None = None, wrap: bool = False,
              style: str | None = None) -> QLabel:
    """A label added to ``layout`` (an introduction, a count, a status line)."""
    lab = QLabel(text)
    if name:
        lab.setObjectName(name)
    lab.setWordWrap(wrap)
    if style:
        lab.setStyleSheet(style)
    layout.addWidget(lab)
    return lab


def start_page(page, window, intro: str) -> QVBoxLayout:
    """The top of a page: it remembers its window, its layout opens with an introduction."""
    page.window_ = window
    lay = QVBoxLayout(page)
    add_label(lay, intro, wrap=True)
    return lay


def add_labelled(layout, text: str, widget, stretch: int = 0):
    """``widget`` added to ``layout`` after its label, the label's mnemonic (&) giving it the keyboard."""
    lab = QLabel(text)
    lab.setBuddy(widget)
    layout.addWidget(lab)
    layout.addWidget(widget, stretch)
    return widget


def add_button(layout, text: str, slot, name: str | None = None) -> QPushButton:
    """A button added to ``layout`` that calls ``slot()`` when pressed."""
    b = QPushButton(text)
    if name:
        b.setObjectName(name)
    b.clicked.connect(lambda _checked=False: slot())
    layout.addWidget(b)
    return b


def rows_table(headers: list[str], name: str):
    """A read-only table that selects whole rows (attendance, accounts, differences)."""
    from PySide6.QtWidgets import QAbstractItemView, QTableWidget

    t = QTableWidget(0, len(headers))
    t.setObjectName(name)
    t.setHorizontalHeaderLabels(headers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.verticalHeader().hide()
    t.horizontalHeader().setStretchLastSection(True)
    return t


class CtrlEnter(QObject):
    """Ctrl+Enter in a text area calls ``callback`` (Enter there starts a new line)."""

    def __init__(self, edit, callback):
        super().__init__(edit)
        self.callback = callback
        edit.installEventFilter(self)

    def eventFilter(self, obj, event):
        if (event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.callback()
            return True
        return False


def button_box(parent, ok_text: str, cancel_text: str | None = None) -> QDialogButtonBox:
    """A button box with our own (translated) texts instead of Qt's untranslated standard ones.

    The buttons are made by Qt (``addButton(text, role)``) so that Qt owns them: a QPushButton
    made here and handed over could be collected by Python and vanish from the dialog.
    """
    box = QDialogButtonBox(parent)
    ok = box.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setDefault(True)
    ok.setAutoDefault(True)
    if cancel_text:
        box.addButton(cancel_text, QDialogButtonBox.ButtonRole.RejectRole)
    box.accepted.connect(parent.accept)
    box.rejected.connect(parent.reject)
    return box


class TextDialog(QDialog):
    """Asks for a required text (a reason, an explanation): OK stays disabled while it is empty.

    ``multiline`` False gives a one-line edit where Enter submits (reasons); True a text area where
    Ctrl+Enter submits (explanations, which may run over lines). Esc and Batal cancel.
    """

    def __init__(self, parent, title: str, prompt: str, ok_text: str | None = None, multiline: bool = True,
                 text: str = ""):
        super().__init__(parent)
        self.setWindowTitle(title)
        lay = QVBoxLayout(self)
        lab = add_label(lay, prompt, wrap=True)
        self.multiline = multiline
        self.edit = QPlainTextEdit(text) if multiline else QLineEdit(text)
        self.edit.setObjectName("reasonEdit")
        lab.setBuddy(self.edit)
        lay.addWidget(self.edit)
        add_label(lay, self.tr("Ctrl+Enter: simpan · Esc: batal") if multiline else self.tr("Enter: simpan · Esc: batal"),
                  style="color: #555;")
        self.buttons = button_box(self, ok_text or self.tr("Simpan"), self.tr("Batal"))
        lay.addWidget(self.buttons)
        self._ok = self.buttons.buttons()[0]
        self._ok.setEnabled(bool(self.text()))
        self.edit.textChanged.connect(lambda *_: self._ok.setEnabled(bool(self.text())))
        if multiline:
            self.edit.setTabChangesFocus(True)  # Tab goes on to the buttons, as everywhere else
            CtrlEnter(self.edit, self._submit)
            self.resize(520, 240)
        else:
            self.edit.returnPressed.connect(self._submit)
            self.resize(520, 150)
        self.edit.setFocus()

    def _submit(self) -> None:
        if self._ok.isEnabled():
            self.accept()

    def text(self) -> str:
        raw = self.edit.toPlainText() if self.multiline else self.edit.text()
        return raw.strip()


def inform_box(parent, title: str, text: str, error: bool = False) -> QMessageBox:
    """The message box ``inform`` shows: one "Tutup" button that is the default and the Esc key.

    Kept apart from ``inform`` so that tests can look at the box without running it.
    """
    box = QMessageBox(QMessageBox.Icon.Warning if error else QMessageBox.Icon.Information, title, text,
                      QMessageBox.StandardButton.NoButton, parent)
    close = box.addButton(QCoreApplication.translate("Dialog", "Tutup"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(close)
    box.setEscapeButton(close)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return box


def inform(parent, title: str, text: str, error: bool = False) -> None:
    """Show a message with our own "Tutup" button; Enter, Esc and the title-bar close all close it."""
    inform_box(parent, title, text, error).exec()


def tell(parent, title: str, text: str, error: bool = False) -> None:
    """A background job's outcome, told without taking the clerk's keys: it may end while the clerk
    types in another page, and a modal box there would swallow the figures typed and send Enter to
    it. Said in the window's status bar; a failure also in the amber banner above the pages (until
    a later job tells its success, or a job started from the same page succeeds; never over a red
    integrity banner). Without the main window (a dialog of its own): the usual message box."""
    win = parent.window() if parent is not None else None
    if win is None or not hasattr(win, "show_message") or not hasattr(win, "show_alert"):
        inform(parent, title, text, error)
        return
    line = f"{title}: {text}"
    win.show_message(line)
    kind = getattr(win, "_alert_kind", "")
    if error and kind != "integrity":
        win.show_alert(line, "job", source=parent)  # cleared when a job of the same widget succeeds
    elif not error and kind == "job":
        win.hide_alert()


def confirm_box(parent, title: str, text: str, yes: str, no: str,
                default_yes: bool = True) -> tuple[QMessageBox, QPushButton]:
    """The question ``confirm`` asks: returns the box and its ``yes`` button.

    Esc (and the title-bar close) always answer ``no``: the safe answer. Enter presses the default,
    ``yes`` unless ``default_yes`` is False (for destructive actions such as discarding a draft).
    """
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    yes_b = box.addButton(yes, QMessageBox.ButtonRole.YesRole)
    no_b = box.addButton(no, QMessageBox.ButtonRole.NoRole)
    box.setEscapeButton(no_b)
    box.setDefaultButton(yes_b if default_yes else no_b)
    return box, yes_b


def confirm(parent, title: str, text: str, yes: str, no: str, default_yes: bool = True) -> bool:
    """Ask a yes/no question with our own button texts. True only when ``yes`` was pressed."""
    box, yes_b = confirm_box(parent, title, text, yes, no, default_yes)
    box.exec()
    return box.clickedButton() is yes_b


# ---------------------------------------------------------------------- file dialogs
def file_dialog(parent, title: str, directory: str = "", filters: str = "", mode: str = "open") -> QFileDialog:
    """The file dialog the program shows: Qt's own (not the desktop's), so that every text is ours in
    Indonesian; Enter accepts the chosen name, Esc and Batal cancel. ``mode``: "open", "open_many",
    "save" or "folder". Kept apart from the choose_* helpers so that tests can look at it."""
    dlg = QFileDialog(parent, title, directory, filters)
    dlg.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dlg.resize(900, 520)
    if mode == "save":
        dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dlg.setFileMode(QFileDialog.FileMode.AnyFile)
        accept = QCoreApplication.translate("Dialog", "Simpan")
    elif mode == "folder":
        dlg.setFileMode(QFileDialog.FileMode.Directory)
        dlg.setOption(QFileDialog.Option.ShowDirsOnly, True)
        accept = QCoreApplication.translate("Dialog", "Pilih folder")
    else:
        dlg.setFileMode(QFileDialog.FileMode.ExistingFiles if mode == "open_many" else QFileDialog.FileMode.ExistingFile)
        accept = QCoreApplication.translate("Dialog", "Buka")
    for label, text in ((QFileDialog.DialogLabel.Accept, accept),
                        (QFileDialog.DialogLabel.Reject, QCoreApplication.translate("Dialog", "Batal")),
                        (QFileDialog.DialogLabel.LookIn, QCoreApplication.translate("Dialog", "Lihat di:")),
                        (QFileDialog.DialogLabel.FileName, QCoreApplication.translate("Dialog", "Nama berkas:")),
                        (QFileDialog.DialogLabel.FileType, QCoreApplication.translate("Dialog", "Jenis berkas:"))):
        dlg.setLabelText(label, text)
    return dlg


def _chosen(dlg: QFileDialog, kind: str | None = None) -> list[str]:
    files = dlg.selectedFiles() if dlg.exec() else []
    if kind and files:
        chosen = Path(files[0])
        remember_folder(kind, chosen if dlg.fileMode() == QFileDialog.FileMode.Directory else chosen.parent)
    return files


def window_settings():
    """What the window remembers per user (size, position, page, regency, widths, zoom, the folders
    of its file dialogs): an ini file in the user's data folder (core.paths.data_dir, RECAP_HOME for
    tests and portable installs)."""
    from PySide6.QtCore import QSettings

    from ..core.paths import data_dir

    return QSettings(str(data_dir() / "jendela.ini"), QSettings.Format.IniFormat)


def start_folder(kind: str, fallback: str | Path) -> str:
    """Where a file dialog of ``kind`` ("sertifikat", "pdf", "bundel", ...) opens: the folder the
    clerk chose last time for that kind, while it still exists, else ``fallback``. Kept with the
    window's settings (per user, core.paths.data_dir)."""
    last = window_settings().value(f"folders/{kind}", "", str)
    return last if last and Path(last).is_dir() else str(fallback)


def remember_folder(kind: str, folder: str | Path) -> None:
    """Note the folder chosen for a file dialog of ``kind`` (:func:`start_folder`)."""
    settings = window_settings()
    settings.setValue(f"folders/{kind}", str(folder))
    settings.sync()


def documents_folder() -> Path:
    """The user's documents folder when there is one (platformdirs), else the home folder: where a
    written file (a PDF, a bundle, a report) is offered first."""
    import platformdirs

    docs = Path(platformdirs.user_documents_dir())
    return docs if docs.is_dir() else Path.home()


def choose_open(parent, title: str, directory: str = "", filters: str = "", kind: str | None = None) -> str | None:
    """One existing file chosen by the clerk, or None when cancelled. With ``kind`` the dialog opens
    where the clerk last chose a file of that kind (``directory`` the first time)."""
    start = start_folder(kind, directory) if kind else directory
    files = _chosen(file_dialog(parent, title, start, filters, "open"), kind)
    return files[0] if files else None


def choose_open_many(parent, title: str, directory: str = "", filters: str = "", kind: str | None = None) -> list[str]:
    """Existing files chosen by the clerk (empty when cancelled); ``kind`` as for :func:`choose_open`."""
    start = start_folder(kind, directory) if kind else directory
    return _chosen(file_dialog(parent, title, start, filters, "open_many"), kind)


def choose_save(parent, title: str, path: str = "", filters: str = "", kind: str | None = None) -> str | None:
    """A file name to write, or None when cancelled (the core refuses a name it must not write).
    With ``kind`` the name in ``path`` is offered in the folder last chosen for that kind."""
    if kind and path:
        path = str(Path(start_folder(kind, Path(path).parent)) / Path(path).name)
    files = _chosen(file_dialog(parent, title, path, filters, "save"), kind)
    return files[0] if files else None


def choose_folder(parent, title: str, directory: str = "", kind: str | None = None) -> str | None:
    """A folder chosen by the clerk, or None when cancelled; ``kind`` as for :func:`choose_open`."""
    start = start_folder(kind, directory) if kind else directory
    files = _chosen(file_dialog(parent, title, start, "", "folder"), kind)
    return files[0] if files else None


def dated_name(stem: str, suffix: str) -> str:
    """A file name offered for a written file: ``stem``, today's date in the office's zone (WIB), ``suffix``
    ("rekap-pilpres-2019-jateng-2026-12-02.pdf")."""
    from ..core.clock import now_iso
    from ..core.formatting import to_local

    return f"{stem}-{to_local(now_iso()).date().isoformat()}{suffix}"


# ---------------------------------------------------------------------- long work in the window
class JobStatus(QWidget):
    """The running job in the status bar: what it does, a progress bar and a Batal button.

    Hidden while nothing runs; the window stays usable meanwhile (nothing modal). The job runner
    (jobs.JobRunner) drives it: :meth:`begin`, :meth:`step`, :meth:`end`.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("jobStatus")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.label = add_label(lay, "", "jobLabel")
        self.bar = QProgressBar()
        self.bar.setObjectName("jobProgress")
        self.bar.setFixedWidth(180)
        lay.addWidget(self.bar)
        self.on_cancel = None
        self.cancel_btn = add_button(lay, self.tr("Batal"), lambda: self.on_cancel() if self.on_cancel else None,
                                     "jobCancel")
        self.cancel_btn.setToolTip(self.tr("Hentikan setelah langkah yang sedang berjalan (satu berkas, satu "
                                           "dokumen); langkah itu disimpan utuh."))
        self.hide()

    def begin(self, title: str, on_cancel, waiting: int = 0) -> None:
        """Show a job starting: busy bar until its first progress step."""
        self.title = title
        self.on_cancel = on_cancel
        self.bar.setRange(0, 0)
        self.cancel_btn.setEnabled(True)
        self._set_label(title, waiting)
        self.show()

    def step(self, done: int, total: int, text: str, waiting: int = 0) -> None:
        """Progress of the running job: ``done`` of ``total`` steps, what it works on now."""
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
            self.bar.setFormat(f"{done} / {total}")
        self._set_label(text or self.title, waiting)

    def end(self) -> None:
        self.on_cancel = None
        self.hide()

    def cancelling(self) -> None:
        """Batal was pressed: say so until the running step has finished."""
        self.cancel_btn.setEnabled(False)
        self.label.setText(self.tr("Membatalkan setelah langkah ini…"))

    def _set_label(self, text: str, waiting: int) -> None:
        more = self.tr(" (+%s menunggu)") % waiting if waiting else ""
        self.label.setText(text + more)
