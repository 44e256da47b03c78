"""Find (Ctrl+F): one bar that searches where the clerk is — the regency list, the findings or the editor."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget


def matches(text: str, *haystack: str) -> bool:
    """True when ``text`` (case and dots ignored, so "12345" finds "12.345") is in any of ``haystack``."""
    needle = text.strip().lower()
    if not needle:
        return False
    plain = needle.replace(".", "")
    for h in haystack:
        h = (h or "").lower()
        if needle in h or (plain and plain.isdigit() and plain in h.replace(".", "")):
            return True
    return False


def pick(hits: list, here, step: int):
    """The match to go to: the first (``step`` 0), the next after ``here`` (1, wrapping round) or the
    one before it (-1). ``hits`` are sorted positions comparable with ``here``."""
    if step == 0:
        return hits[0]
    if step > 0:
        return next((h for h in hits if h > here), hits[0])
    return next((h for h in reversed(hits) if h < here), hits[-1])


class FindBar(QWidget):
    """A search line over the window: typing finds the first match, Enter the next one, Shift+Enter the
    one before, Esc closes and gives the focus back to where the search was.

    The window names the place searched (``scope``: "regencies", "findings" or "editor") and
    answers each search with :attr:`search` — a callable ``search(scope, text, step) -> (position,
    count)`` where ``step`` is 0 (from the start), 1 (next) or -1 (previous) and ``position`` is
    1-based (0 when nothing matches).
    """

    closed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("findBar")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 2, 6, 2)
        self.where = QLabel("")
        self.where.setObjectName("findWhere")
        self.edit = QLineEdit()
        self.edit.setObjectName("findEdit")
        self.edit.setClearButtonEnabled(True)
        self.count = QLabel("")
        self.count.setObjectName("findCount")
        self.next_btn = QPushButton(self.tr("Berikutnya"))
        self.prev_btn = QPushButton(self.tr("Sebelumnya"))
        self.close_btn = QPushButton(self.tr("Tutup"))
        for b in (self.next_btn, self.prev_btn, self.close_btn):
            b.setAutoDefault(False)
        self.where.setBuddy(self.edit)
        for w in (self.where, self.edit):
            lay.addWidget(w)
        lay.addWidget(self.count)
        for b in (self.prev_btn, self.next_btn, self.close_btn):
            lay.addWidget(b)
        self.scope = "regencies"
        self.search = None
        self.edit.textEdited.connect(lambda _t: self._run(0))
        self.edit.installEventFilter(self)  # Enter: next, Shift+Enter: previous, Esc: close
        self.next_btn.clicked.connect(lambda: self._run(1))
        self.prev_btn.clicked.connect(lambda: self._run(-1))
        self.close_btn.clicked.connect(self.close_bar)
        self.hide()

    def labels(self) -> dict[str, str]:
        return {"regencies": self.tr("Cari kabupaten/kota:"), "findings": self.tr("Cari di temuan:"),
                "editor": self.tr("Cari di sertifikat (kecamatan, isian, angka):")}

    def open(self, scope: str) -> None:
        """Show the bar for ``scope`` with its text selected (a second Ctrl+F searches again)."""
        self.scope = scope
        self.where.setText(self.labels().get(scope, ""))
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()
        if self.edit.text():
            self._run(0)

    def _run(self, step: int) -> None:
        if self.search is None:
            return
        text = self.edit.text()
        if not text.strip():
            self.count.setText("")
            self.search(self.scope, "", 0)
            return
        pos, n = self.search(self.scope, text, step)
        self.count.setText(self.tr("%1 dari %2").replace("%1", str(pos)).replace("%2", str(n)) if n
                           else self.tr("tidak ditemukan"))
        self.count.setStyleSheet("" if n else "color: #b00020; font-weight: bold;")

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit(self.scope)

    def eventFilter(self, obj, event):
        if obj is self.edit and event.type() == event.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._run(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(obj, event)
