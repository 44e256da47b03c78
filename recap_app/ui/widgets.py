"""Small shared widgets: the totals bar, the mark banner, dialogs with our own button texts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
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
        title = QLabel(self.tr("<b>Total provinsi</b>"))
        self._layout.addWidget(title)
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
            self.pairs.append(lab)
            self._layout.addWidget(lab)
            self._layout.addSpacing(16)
        self.valid = QLabel(self.tr("Suara sah: <b>%s</b>") % fmt.number(sah, "–"))
        self.valid.setObjectName("total_suara_sah")
        self._layout.addWidget(self.valid)
        self._layout.addStretch(1)
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
        text = QCoreApplication.translate("Marks", "CONTOH — data nyata Pilpres 2019 Jawa Tengah untuk latihan; bukan hasil resmi.")
    else:
        text = QCoreApplication.translate("Marks", "SIMULASI — ruang kerja latihan; dokumen dan bundel ditandai SIMULASI.")
    lab = QLabel(text)
    lab.setObjectName("markBanner")
    lab.setAlignment(Qt.AlignmentFlag.AlignCenter)
    lab.setStyleSheet("#markBanner { background: #ffe08a; color: #3a2a00; font-weight: bold; padding: 4px;"
                      " border-bottom: 2px solid #c99a00; }")
    return lab


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
    """Asks for a required text (a reason, an explanation): OK stays disabled while it is empty."""

    def __init__(self, parent, title: str, prompt: str, ok_text: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        lay = QVBoxLayout(self)
        lab = QLabel(prompt)
        lab.setWordWrap(True)
        lay.addWidget(lab)
        self.edit = QPlainTextEdit()
        self.edit.setObjectName("reasonEdit")
        lay.addWidget(self.edit)
        self.buttons = button_box(self, ok_text or self.tr("Simpan"), self.tr("Batal"))
        lay.addWidget(self.buttons)
        self._ok = self.buttons.buttons()[0]
        self._ok.setEnabled(False)
        self.edit.textChanged.connect(lambda: self._ok.setEnabled(bool(self.text())))
        self.resize(460, 220)

    def text(self) -> str:
        return self.edit.toPlainText().strip()


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
