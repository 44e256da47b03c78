"""The certificate editor: one regency's certificate laid out like the paper form, its model and view."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core import certificate
from ..core.domain import JUMLAH
from ..core.errors import RecapError
from . import fmt, operations
from .icons import severity_icon
from .models import finding_text
from .widgets import TextDialog, confirm, confirm_box, inform, tell

DISPLAY = Qt.ItemDataRole.DisplayRole
EDIT = Qt.ItemDataRole.EditRole
DERIVED_BG = QColor("#e6ecf3")
HEADING_BG = QColor("#d9d9d9")
ERROR_BG = QColor("#f8c9c4")
WARNING_BG = QColor("#fde7b0")

# Painting asks data() for many roles per cell: compare plain ints and reuse objects.
R_DISPLAY, R_DECORATION, R_EDIT, R_TOOLTIP = 0, 1, 2, 3
R_FONT, R_ALIGN, R_BACKGROUND, R_FOREGROUND = 6, 7, 8, 9
_ROLES = frozenset((R_DISPLAY, R_DECORATION, R_EDIT, R_TOOLTIP, R_FONT, R_ALIGN, R_BACKGROUND, R_FOREGROUND))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_READ_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDIT_FLAGS = _READ_FLAGS | Qt.ItemFlag.ItemIsEditable
_HEADING_BRUSH = QBrush(HEADING_BG)
_DERIVED_BRUSH = QBrush(DERIVED_BG)
_ERROR_BRUSH = QBrush(ERROR_BG)
_WARNING_BRUSH = QBrush(WARNING_BG)
_CHANGED_BRUSH = QBrush(QColor("#0d47a1"))
_BOLD = QFont()
_BOLD.setBold(True)


def _no_progress(done: int, total: int, text: str = "") -> None:
    """The progress callback of an operation run on the UI thread (no dialog to update)."""


def _never_cancelled() -> bool:
    return False


def plan_changes(values: dict, edits: dict, form, columns: list[str]) -> dict:
    """The full set of cell changes an edit causes, including the sums it keeps up to date.

    A derived cell (a form sum such as JML = LK + PR, or a JUMLAH cell = sum of the kecamatan)
    follows its parts only when it was blank or agreed with them before the edit; a figure
    that disagreed is left as typed (never a silent correction) for reconciliation to flag.

    Args:
        values: {column: {field: int or None}} before the edit.
        edits: {(column, field): new value} typed or pasted by the clerk.
    Returns:
        {(column, field): new value} for every cell that changes (the edits first).
    """
    parents: dict[str, list] = {}
    for f in form.fields:
        for part in f.parts:
            parents.setdefault(part, []).append(f)
    kec = [c for c in columns if c != JUMLAH]
    changes = dict(edits)

    def old(c, k):
        return values.get(c, {}).get(k)

    def cur(c, k):
        return changes[(c, k)] if (c, k) in changes else old(c, k)

    def dependents(c, k):
        for f in parents.get(k, ()):
            yield (c, f.key), [(c, p) for p in f.parts]
        if c != JUMLAH and JUMLAH in columns:
            yield (JUMLAH, k), [(x, k) for x in kec]

    queue = list(edits)
    seen = 0
    while queue and seen < 10000:
        seen += 1
        c, k = queue.pop(0)
        for (dc, dk), parts in dependents(c, k):
            if (dc, dk) in edits:
                continue
            before = [old(pc, pk) for pc, pk in parts]
            was = old(dc, dk)
            consistent = was is None or (None not in before and was == sum(before))
            if not consistent:
                continue
            now = [cur(pc, pk) for pc, pk in parts]
            target = None if None in now else sum(now)
            if target is None and was is not None:
                continue
            if cur(dc, dk) != target:
                changes[(dc, dk)] = target
                queue.append((dc, dk))
    return changes


class CertificateModel(QAbstractTableModel):
    """Table model of one certificate: rows = form rows (headings and figures), columns = kecamatan + JUMLAH.

    Edits from the view go through :attr:`undo_stack` (set by the editor) as :class:`SetCellsCommand`.
    """

    changed = Signal()

    def __init__(self, form, parent=None):
        super().__init__(parent)
        self._set_form(form)
        self.columns: list[str] = []
        self.column_names: list[str] = []
        self.values: dict = {}
        self.base: dict = {}
        self.marks: dict = {}
        self.readonly = False
        self.readonly_reason = ""  # what the clerk is told on typing while the figures are read-only
        self.marks_enabled = True
        self.undo_stack: QUndoStack | None = None

    def _set_form(self, form) -> None:
        """Lay the rows out after a form (the certificate's district decides it)."""
        self.form = form
        self.rows: list[tuple[str, object]] = []
        for r in form.rows:
            if r.fields:
                self.rows.extend(("field", f) for f in r.fields)
            else:
                self.rows.append(("heading", r))
        self.row_of_key = {f.key: i for i, (kind, f) in enumerate(self.rows) if kind == "field"}
        self._row_headers = [self._row_header(i) for i in range(len(self.rows))]

    # ------------------------------------------------------------------ loading
    def load(self, columns: list[str], names: dict[str, str], values: dict, base: dict | None = None,
             form=None) -> None:
        """Show a certificate. columns: codes in order; names: {code: name}; values/base: Values;
        form: the certificate's form when it differs from the one shown (another district)."""
        self.beginResetModel()
        if form is not None and form is not self.form:
            self._set_form(form)
        self.columns = list(columns)
        self.column_names = [names.get(c, c) if c != JUMLAH else "JUMLAH" for c in columns]
        keys = self.form.field_keys
        self.values = {c: {k: values.get(c, {}).get(k) for k in keys} for c in columns}
        self.base = base if base is not None else {}
        self.marks = {}
        self.endResetModel()

    def set_findings(self, findings: list) -> None:
        """Mark cells with findings: list of objects with column, field, severity, message."""
        marks: dict = {}
        for f in findings if self.marks_enabled else ():
            if getattr(f, "override", None):
                continue
            fields = [f.field] if f.field else []
            cols = [f.column] if f.column in self.columns else []
            for c in cols:
                for k in fields:
                    marks.setdefault((c, k), []).append(f)
        self.marks = marks
        if self.rows and self.columns:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns) - 1))

    def cell(self, row: int, col: int):
        """(column code, field key) of a figure cell, or None for a heading row."""
        kind, f = self.rows[row]
        if kind != "field":
            return None
        return self.columns[col], f.key

    def index_of(self, column: str, key: str) -> QModelIndex:
        if column not in self.columns or key not in self.row_of_key:
            return QModelIndex()
        return self.index(self.row_of_key[key], self.columns.index(column))

    # ------------------------------------------------------------------ Qt model API
    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index):
        if not index.isValid() or self.rows[index.row()][0] == "heading":
            return _NO_FLAGS
        return _READ_FLAGS if self.readonly else _EDIT_FLAGS

    def _row_header(self, section: int) -> str:
        kind, item = self.rows[section]
        if kind == "heading":
            return f"{item.number}  {fmt.form_label(item)}"
        sex = fmt.sex_text(item.sex)
        label = fmt.form_label(item)
        if label.startswith("Jumlah ") and len(label) > 30:
            label = label[7].upper() + label[8:]
        label = label if len(label) <= 46 else label[:44] + "…"
        return f"{item.row}  {label}" + (f"  · {sex}" if sex else "")

    def headerData(self, section, orientation, role=DISPLAY):
        role = int(role)
        if orientation == Qt.Orientation.Horizontal:
            if role == R_DISPLAY and 0 <= section < len(self.columns):
                return self.column_names[section]
            if role == R_TOOLTIP and 0 <= section < len(self.columns):
                return self.columns[section]
            return None
        if not (0 <= section < len(self.rows)):
            return None
        if role == R_DISPLAY:
            return self._row_headers[section]
        kind, item = self.rows[section]
        if role == R_TOOLTIP:  # the label printed on the form, and its English where the window speaks it
            official = item.label if kind == "heading" else self.form.field_label(item.key)
            english = fmt.form_label(item) if fmt.LANG == "en" else ""
            return f"{official}\n({english})" if english and english != item.label else official
        if role == R_FONT and kind == "heading":
            return _BOLD
        return None

    def data(self, index, role=DISPLAY):
        role = int(role)
        if role not in _ROLES or not index.isValid():
            return None
        kind, f = self.rows[index.row()]
        if kind == "heading":
            return _HEADING_BRUSH if role == R_BACKGROUND else None
        col = self.columns[index.column()]
        value = self.values[col].get(f.key)
        if role == R_DISPLAY:
            return fmt.number(value)
        if role == R_ALIGN:
            return _RIGHT
        if role == R_EDIT:
            return "" if value is None else str(value)
        marks = self.marks.get((col, f.key))
        derived = f.derived or col == JUMLAH
        if role == R_BACKGROUND:
            if marks:
                return _ERROR_BRUSH if any(m.severity == "error" for m in marks) else _WARNING_BRUSH
            return _DERIVED_BRUSH if derived else None
        if role == R_DECORATION:
            if marks:
                return severity_icon("error" if any(m.severity == "error" for m in marks) else "warning")
            return None
        changed = bool(self.base) and self.base.get(col, {}).get(f.key) != value
        if role == R_TOOLTIP:
            lines = [f"{m.code}: {finding_text(m, fmt.LANG)}" for m in marks or ()]
            if derived:
                lines.append(self.tr("Sel jumlah (diisi otomatis dari bagian-bagiannya bila cocok)."))
            if changed:
                base = self.base.get(col, {}).get(f.key)
                lines.append(self.tr("Sebelumnya: %s") % (fmt.number(base) or self.tr("kosong")))
            return "\n".join(lines) or None
        if role == R_FONT:
            return _BOLD if changed else None
        if role == R_FOREGROUND:
            return _CHANGED_BRUSH if changed else None
        return None

    def setData(self, index, value, role=EDIT):
        if role != EDIT or not index.isValid() or self.readonly:
            return False
        target = self.cell(index.row(), index.column())
        if target is None:
            return False
        if isinstance(value, str):
            try:
                value = fmt.parse_cell(value)
            except fmt.NumberError as exc:
                self.rejected.emit(str(exc))
                return False
        return self.request({target: value}, self.tr("Ubah sel"))

    rejected = Signal(str)

    # ------------------------------------------------------------------ edits
    def request(self, edits: dict, text: str) -> bool:
        """Apply edits {(column, field): value} as one undoable command (with their sums)."""
        edits = {k: v for k, v in edits.items() if self.values.get(k[0], {}).get(k[1], object()) != v}
        if not edits or self.readonly:
            return False
        changes = plan_changes(self.values, edits, self.form, self.columns)
        before = {k: self.values[k[0]][k[1]] for k in changes}
        cmd = SetCellsCommand(self, before, changes, text)
        if self.undo_stack is not None:
            self.undo_stack.push(cmd)
        else:
            cmd.redo()
        return True

    def apply(self, cells: dict) -> None:
        """Write cells {(column, field): value} without undo (used by the undo commands)."""
        for (c, k), v in cells.items():
            self.values[c][k] = v
            idx = self.index_of(c, k)
            if idx.isValid():
                self.dataChanged.emit(idx, idx)
        self.changed.emit()


class SetCellsCommand(QUndoCommand):
    """One undoable change of one or more cells (a typed figure, a pasted block, a clear)."""

    def __init__(self, model: CertificateModel, before: dict, after: dict, text: str):
        super().__init__(text)
        self.model, self.before, self.after = model, before, after

    def redo(self):
        self.model.apply(self.after)

    def undo(self):
        self.model.apply(self.before)


class NumberDelegate(QStyledItemDelegate):
    """Line editor for a figure: digits and dots, selected on entry."""

    def createEditor(self, parent, option, index):
        ed = QLineEdit(parent)
        ed.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        ed.setObjectName("cellEditor")
        ed.setFont(parent.font())
        return ed

    def setEditorData(self, editor, index):
        if not editor.property("refused"):  # a refused text stays as typed
            editor.setText(index.data(EDIT) or "")

    def setModelData(self, editor, model, index):
        model.setData(index, editor.text(), EDIT)


def refusal(text: str) -> str | None:
    """Why a typed text is not a figure (Indonesian, with an example), or None when it is one."""
    try:
        fmt.parse_cell(text)
    except fmt.NumberError as exc:
        return str(exc)
    return None


class LabelHeader(QHeaderView):
    """The row labels (form rows) at the left of the certificate: drag its right edge to widen it,
    double-click the edge to fit the longest label."""

    width_changed = Signal(int)
    EDGE = 5

    def __init__(self, parent=None):
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setMouseTracking(True)
        self._drag: int | None = None

    def _on_edge(self, x: int) -> bool:
        return self.width() - self.EDGE <= x <= self.width() + 1

    def mousePressEvent(self, event):
        if self._on_edge(int(event.position().x())):
            self._drag = int(event.globalPosition().x()) - self.width()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event):
        x = int(event.position().x())
        if self._drag is not None:
            self.set_width(int(event.globalPosition().x()) - self._drag)
            return
        self.setCursor(Qt.CursorShape.SplitHCursor if self._on_edge(x) else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event):
        if self._drag is not None:
            self._drag = None
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event):
        if self._on_edge(int(event.position().x())):
            self.fit()
            return
        super().mouseDoubleClickEvent(event)

    def set_width(self, width: int) -> None:
        width = max(160, min(900, width))
        self.setFixedWidth(width)
        self.width_changed.emit(width)

    def fit(self) -> None:
        """As wide as the longest label (within limits)."""
        model = self.model()
        fm = self.fontMetrics()
        widest = max((fm.horizontalAdvance(str(model.headerData(i, Qt.Orientation.Vertical)))
                      for i in range(model.rowCount())), default=200) if model else 200
        self.set_width(widest + 24)


class CertificateTable(QTableView):
    """Spreadsheet-like view: Enter moves down (back to the column where a run of Tabs began, as in
    Excel), Tab right, arrows; copy, paste and Delete on blocks.

    A typed text that is not a figure ("x", "1,5", "1.2345") is refused where it is: the cell keeps
    the cursor and the text, a note beside it says why (:attr:`refused` carries the sentence), and
    neither Enter, Tab, an arrow nor a click moves on until it is corrected or Esc reverts it.
    """

    paste_requested = Signal()
    clear_requested = Signal()
    copy_requested = Signal()
    refused = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("certificateTable")
        self.setItemDelegate(NumberDelegate(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.labels = LabelHeader(self)
        self.setVerticalHeader(self.labels)
        self.horizontalHeader().setDefaultSectionSize(96)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.verticalHeader().setDefaultSectionSize(24)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.verticalHeader().setFixedWidth(360)
        self.setAlternatingRowColors(False)
        self.tab_anchor: int | None = None  # the column where a run of Tabs began
        self._note: QLabel | None = None  # the refusal note, made when a text is first refused

    @property
    def note(self) -> QLabel:
        """The red note beside a cell whose text is refused (a child of the viewport, hidden until
        needed). Made on first use: reading the viewport from Python makes PySide create every
        widget type it has, which the window's first paint does not need."""
        if self._note is None:
            self._note = note = QLabel(self.viewport())
            note.setObjectName("cellRefusal")
            note.setWordWrap(True)
            note.setStyleSheet("#cellRefusal { background: #b00020; color: white; padding: 4px 6px; "
                               "border-radius: 3px; }")
            note.hide()
        return self._note

    # ------------------------------------------------------------------ moving
    def _first_editable(self, r: int, col: int, step: int = 1) -> int:
        model = self.model()
        while 0 <= r < model.rowCount() and not (model.flags(model.index(r, col)) & Qt.ItemFlag.ItemIsEnabled):
            r += step
        return r

    def move_down(self):
        """Enter: one row down; after Tabs, in the column where they began (Excel). From the last
        field of a column, to the first field of the next column (the next kecamatan is typed
        from the top): the cursor never stays on a cell that the next figure would type over."""
        cur = self.currentIndex()
        model = self.model()
        if not cur.isValid():
            return
        col = self.tab_anchor if self.tab_anchor is not None else cur.column()
        self.tab_anchor = None
        r = self._first_editable(cur.row() + 1, col)
        if r >= model.rowCount() and col + 1 < model.columnCount():
            col += 1
            r = self._first_editable(0, col)
        if r < model.rowCount():
            nxt = model.index(r, col)
            self.setCurrentIndex(nxt)
            self.selectionModel().select(nxt, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    # ------------------------------------------------------------------ refusing a typed text
    def open_editor(self) -> QLineEdit | None:
        """The cell editor open now, if any (a closed one may linger until Qt deletes it)."""
        if self.state() != QAbstractItemView.State.EditingState:
            return None
        return next((e for e in self.findChildren(QLineEdit, "cellEditor") if e.isVisible()), None)

    def _refuse(self, editor: QLineEdit) -> bool:
        """True (and the note shown) when the editor holds a text that is not a figure."""
        why = refusal(editor.text())
        if why is None:
            self._clear_refusal(editor)
            return False
        editor.setProperty("refused", True)
        editor.setStyleSheet("QLineEdit { border: 2px solid #b00020; background: #fde8ea; }")
        self.note.setText(why)
        self.note.setFixedWidth(280)
        self.note.adjustSize()
        r = editor.geometry()
        x = r.right() + 4 if r.right() + 290 < self.viewport().width() else max(0, r.left() - 288)
        y = min(r.top(), max(0, self.viewport().height() - self.note.height()))
        self.note.move(x, y)
        self.note.show()
        self.note.raise_()
        editor.setFocus()
        editor.selectAll()
        self.refused.emit(why)
        return True

    def _clear_refusal(self, editor: QLineEdit | None = None) -> None:
        if editor is not None:
            editor.setProperty("refused", False)
            editor.setStyleSheet("")
        if self._note is not None:
            self._note.hide()

    def commitData(self, editor):
        if isinstance(editor, QLineEdit) and self._refuse(editor):
            return
        super().commitData(editor)

    def closeEditor(self, editor, hint):
        if isinstance(editor, QLineEdit):
            if hint == QAbstractItemDelegate.EndEditHint.RevertModelCache:  # Esc: the text is dropped
                self._clear_refusal(editor)
            elif editor.property("refused") and refusal(editor.text()) is not None:
                return  # the cell keeps the cursor and the text
        if hint == QAbstractItemDelegate.EndEditHint.EditNextItem and self.tab_anchor is None:
            self.tab_anchor = self.currentIndex().column()
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            self.move_down()

    def currentChanged(self, current, previous):
        ed = self.open_editor()
        super().currentChanged(current, previous)
        if ed is not None and ed.property("refused") and previous.isValid() and current != previous:
            QTimer.singleShot(0, lambda: self._back_to(previous, ed))

    def _back_to(self, index, editor) -> None:
        self.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        editor.setFocus()

    def keyPressEvent(self, event):
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_requested.emit()
            return
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_requested.emit()
            return
        editing = self.state() == QAbstractItemView.State.EditingState
        model = self.model()
        if (not editing and getattr(model, "readonly", False) and getattr(model, "readonly_reason", "")
                and event.text().strip() and event.text().isprintable()
                and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)):
            self.refused.emit(model.readonly_reason)  # typing into an adopted certificate: said, not ignored
            return
        if editing:
            ed = self.open_editor()
            if ed is not None and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp,
                                                  Qt.Key.Key_PageDown) and self._refuse(ed):
                return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not editing:
            self.clear_requested.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not editing:
            self.move_down()
            return
        if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not editing and self.tab_anchor is None:
            self.tab_anchor = self.currentIndex().column()
        elif event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right,
                             Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.tab_anchor = None
        super().keyPressEvent(event)

    def mousePressEvent(self, event):
        self.tab_anchor = None
        super().mousePressEvent(event)


def reason_dialog(parent) -> TextDialog:
    """The reason asked before a received certificate is changed (one line: Enter saves)."""
    title = QCoreApplication.translate("CertificateEditor", "Alasan perubahan")  # one context, any parent
    text = QCoreApplication.translate("CertificateEditor", "Sertifikat ini sudah diterima. Tuliskan alasan perubahan "
                                      "(misalnya: salah ketik, dicocokkan dengan sertifikat asli):")
    return TextDialog(parent, title, text, QCoreApplication.translate("CertificateEditor", "Simpan perubahan"),
                      multiline=False)


def adopt_box(editor, kode: str):
    """The question before adoption: what is adopted, and every warning still without an explanation
    (core.certificate.open_warnings). Enter adopts when nothing is open; with open warnings Enter
    and Esc both cancel. Returns (box, the adopt button)."""
    region = editor.ws.region(kode)
    name = f"{region.nama} ({kode})" if region else kode
    rev = editor.latest_shown if editor.kode == kode else editor.ws.latest_revision(kode)
    if rev is not None:  # the revision on the screen, which is the one adopted (the core checks it)
        name += " " + QCoreApplication.translate("CertificateEditor", "revisi %1 (%2 oleh %3)") \
            .replace("%1", str(rev.number)).replace("%2", fmt.when(rev.created_at)).replace("%3", rev.created_by)
    open_ = certificate.open_warnings(editor.ws, kode)
    text = QCoreApplication.translate(
        "CertificateEditor", "Tetapkan sertifikat %s? Sesudah ditetapkan, sertifikat hanya dapat dibaca sampai ketua "
        "membukanya kembali.") % name
    if open_:
        by_code: dict[str, list] = {}
        for f in open_:
            by_code.setdefault(f.code, []).append(f)
        lines = []
        for code, fs in by_code.items():
            places = "; ".join(editor.place(f) for f in fs[:3]) + ("; …" if len(fs) > 3 else "")
            lines.append(f"• {code} × {len(fs)}: {places}")
        text += ("\n\n" + QCoreApplication.translate(
            "CertificateEditor", "Masih terbuka: %s peringatan belum dijelaskan (jelaskan di halaman Temuan):")
                 % len(open_) + "\n" + "\n".join(lines))
    return confirm_box(editor, QCoreApplication.translate("CertificateEditor", "Tetapkan sertifikat"), text,
                       QCoreApplication.translate("CertificateEditor", "&Tetapkan"),
                       QCoreApplication.translate("CertificateEditor", "&Batal"), default_yes=not open_)


class CertificateEditor(QWidget):
    """Editor for one regency's certificate: table, undo/redo, draft, save with reason.

    Rows are the form's blocks I–V (split rows as LK / PR / JML), columns are the kecamatan plus
    JUMLAH. Typing works like a spreadsheet; every edit is an undoable command and is written to
    the workspace draft at once (recap_app.core.drafts), so nothing typed is lost. Saving stores a
    new revision through core.certificate.save; a change to a certificate already received needs
    a reason. The editor holds no rule: findings come from recap_app.core.reconcile.

    Signals:
        saved(str): a new revision was stored for the region code.
        draft_changed(str): the draft of the region code was written or discarded.
    """

    saved = Signal(str)
    draft_changed = Signal(str)
    message = Signal(str)

    def __init__(self, ws, actor: str, parent=None):
        super().__init__(parent)
        self.ws = ws
        self.actor = actor
        self.kode: str | None = None
        self.base_revision_id: int | None = None
        self.shown: tuple[int | None, bool] = (None, False)  # (latest revision id, adopted) when opened
        self.latest_shown = None  # that latest revision (store.RevisionInfo), None before receipt
        self.own_write: str | None = None  # the region this editor is writing (save, adopt, reopen)
        self.findings_source = None  # region code -> findings; the main window shares one read
        self.second_entry = False  # typing a second entry: entry 1 hidden, stored apart
        self.jobs = None  # the window's JobRunner (long writes run on its worker)
        self._draft_known = False  # whether a draft is stored (kept current by has_draft and edits)
        self.refresh_window = None  # the window's refresh(snapshot)
        self.undo_stack = QUndoStack(self)
        self.model = CertificateModel(ws.election.form_for(ws.election.districts[0]), self)
        self.model.undo_stack = self.undo_stack
        self.model.changed.connect(self._on_changed)
        self.model.rejected.connect(self._on_rejected)
        self._loading = False

        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        self.title = QLabel(self.tr("Pilih kabupaten/kota di daftar kiri untuk membuka sertifikatnya."))
        self.title.setObjectName("editorTitle")
        self.title.setStyleSheet("#editorTitle { font-size: 15px; font-weight: bold; }")
        lay.addWidget(self.title)
        self.info = QLabel("")
        self.info.setObjectName("editorInfo")
        self.info.setWordWrap(True)
        lay.addWidget(self.info)
        bar = QHBoxLayout()
        self.undo_btn = QPushButton(self.tr("Urungkan"))
        self.redo_btn = QPushButton(self.tr("Ulangi"))
        self.save_btn = QPushButton(self.tr("Simpan sertifikat"))
        self.save_btn.setObjectName("saveButton")
        self.discard_btn = QPushButton(self.tr("Buang draf"))
        self.undo_btn.clicked.connect(self.undo_stack.undo)
        self.redo_btn.clicked.connect(self.undo_stack.redo)
        self.save_btn.clicked.connect(lambda: self.save())
        self.discard_btn.clicked.connect(lambda: self.discard())
        self.undo_stack.canUndoChanged.connect(self.undo_btn.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_btn.setEnabled)
        for b in (self.undo_btn, self.redo_btn):
            b.setEnabled(False)
            bar.addWidget(b)
        self.party_index = QComboBox()  # long legislative forms: jump to a party's block
        self.party_index.setObjectName("partyIndex")
        self.party_index.setToolTip(self.tr("Lompat ke blok partai (suara partai, calon, jumlah)."))
        self.party_index.activated.connect(self._jump_to_party)
        self.party_index.hide()
        bar.addWidget(self.party_index)
        bar.addStretch(1)
        legend = QLabel(self.tr("Sel biru muda: jumlah · merah: kesalahan · kuning: peringatan · tebal: diubah"))
        legend.setStyleSheet("color: #555;")
        self.entry2_btn = QPushButton(self.tr("Entri kedua"))
        self.entry2_btn.setObjectName("entry2Button")
        self.entry2_btn.setCheckable(True)
        self._entry2_tip = self.tr("Ketik ulang sertifikat oleh orang lain tanpa melihat entri pertama.")
        self.entry2_btn.setToolTip(self._entry2_tip)
        self.entry2_btn.toggled.connect(self.set_second_entry)
        self.decide_btn = QPushButton(self.tr("Keputusan entri ganda…"))
        self.decide_btn.clicked.connect(lambda: self.decide())
        bar.addWidget(self.entry2_btn)
        bar.addWidget(self.decide_btn)
        self.adopt_btn = QPushButton(self.tr("Tetapkan"))
        self.adopt_btn.setObjectName("adoptButton")
        self.adopt_btn.setToolTip(self.tr("Tetapkan sertifikat ini (ditolak selama ada kesalahan yang belum diselesaikan)."))
        self.reopen_btn = QPushButton(self.tr("Buka kembali…"))
        self.adopt_btn.clicked.connect(lambda: self.adopt())
        self.reopen_btn.clicked.connect(lambda: self.reopen())
        bar.addWidget(self.discard_btn)
        bar.addWidget(self.save_btn)
        bar.addWidget(self.adopt_btn)
        bar.addWidget(self.reopen_btn)
        lay.addLayout(bar)
        # a narrow window: the storing buttons on a second row rather than cut (see _fit_buttons)
        self._bar, self._bar_low = bar, QHBoxLayout()
        self._bar_low.addStretch(1)
        lay.addLayout(self._bar_low)
        self._storing = (self.discard_btn, self.save_btn, self.adopt_btn, self.reopen_btn)
        self.table = CertificateTable(self)
        self.table.setModel(self.model)
        self.table.paste_requested.connect(self.paste)
        self.table.copy_requested.connect(self.copy)
        self.table.clear_requested.connect(self.clear_selection)
        self.table.refused.connect(self.message)
        lay.addWidget(self.table, 1)
        foot = QHBoxLayout()
        foot.addWidget(legend, 1)
        self.live = QLabel("")
        self.live.setObjectName("liveCheck")
        foot.addWidget(self.live)
        lay.addLayout(foot)
        self.zoom_level = 0
        self._base_point = self.table.font().pointSizeF()
        self._checker = None  # (regency, kecamatan) for the live check of the open certificate
        self.update_buttons()

    # ------------------------------------------------------------------ opening
    def open_region(self, kode: str) -> None:
        """Show the certificate of a region: its draft if one is kept, else its latest revision."""
        from ..core import drafts

        self._loading = True
        try:
            region = self.ws.region(kode)
            self.kode = kode
            names = {r.kode: r.nama for r in self.ws.columns_of(kode)}
            form = self.ws.election.form_of_region(kode)
            latest = self.ws.latest_revision(kode)
            base_values = self.ws.revision_values(latest.id) if latest else {}
            self.base_revision_id = latest.id if latest else None
            draft = drafts.load_draft(self.ws, kode, self._kind)
            adopted = self.ws.adoption(kode)
            self.shown = (latest.id if latest else None, bool(adopted))  # what reload_if_stale compares
            self.latest_shown = latest
            if self.second_entry and latest and not adopted:
                # entry 1 stays hidden: same columns, nothing filled, no "before" values
                values = draft.values if draft is not None else {}
                self.model.load(list(latest.columns), names, values, {}, form=form)
                note = self.tr("ENTRI KEDUA: ketik ulang seluruh sertifikat dari kertasnya; entri pertama "
                               "disembunyikan.")
                if draft is not None:
                    note += " " + self.tr("Draf entri kedua dipulihkan.")
            elif draft is not None and not adopted:
                self.model.load(list(draft.columns), names, draft.values, base_values, form=form)
                note = self.tr("Draf yang belum disimpan dipulihkan (terakhir %1 oleh %2).") \
                    .replace("%1", fmt.when(draft.saved_at)).replace("%2", draft.saved_by)
                self.base_revision_id = draft.base_revision_id  # what the typing began from: a save checks it
                if latest is not None and draft.base_revision_id != latest.id:
                    note += " " + self.tr("Perhatian: sertifikat ini sudah disimpan lagi (revisi %1 oleh %2) sejak "
                                          "draf ini dimulai; periksa sebelum menyimpan.") \
                        .replace("%1", str(latest.number)).replace("%2", latest.created_by)
            elif latest:
                self.model.load(list(latest.columns), names, base_values, base_values, form=form)
                note = self.tr("Revisi %1, %2 oleh %3.").replace("%1", str(latest.number)) \
                    .replace("%2", fmt.when(latest.created_at)).replace("%3", latest.created_by)
            else:
                cols = [r.kode for r in self.ws.columns_of(kode)] + [JUMLAH]
                self.model.load(cols, names, {}, {}, form=form)
                note = self.tr("Belum ada sertifikat yang masuk; isian baru.")
            self.model.readonly = bool(adopted)
            self.model.readonly_reason = self.tr(
                "Sertifikat ini sudah ditetapkan: hanya dapat dibaca. Ketua dapat membukanya kembali "
                "(Buka kembali) bila angkanya harus diubah.") if adopted else ""
            if adopted and self.second_entry:
                self.second_entry = False
            if adopted:
                note += " " + self.tr("Sertifikat sudah ditetapkan: hanya dapat dibaca (buka kembali oleh ketua).")
            self.undo_stack.clear()
            title = self.tr("Sertifikat %1 — %2 %3").replace("%1", self.ws.election.received_form) \
                .replace("%2", kode).replace("%3", region.nama if region else "")
            if self.second_entry:
                title = self.tr("ENTRI KEDUA") + " · " + title
            self.title.setText(title)
            self.model.marks_enabled = not self.second_entry
            self.info.setText(note)
            self._checker = (region, list(self.ws.columns_of(kode))) if region else None
            self.refresh_findings()
            self._fit_columns()
            first = self.model.index_of(self.model.columns[0], self.model.form.field_keys[0]) \
                if self.model.columns else QModelIndex()
            if first.isValid():
                self.table.setCurrentIndex(first)
            self.table.scrollToTop()
            self.table.horizontalScrollBar().setValue(0)
            self._fill_party_index()
        finally:
            self._loading = False
        self.update_buttons()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._fit_buttons()

    def _fit_buttons(self) -> None:
        """Keep every button whole: when the row of buttons is wider than the editor, the storing
        buttons (Buang draf, Simpan, Tetapkan, Buka kembali) go to a second row, and back when it fits."""
        shown = [w for w in (self.undo_btn, self.redo_btn, self.party_index, self.entry2_btn, self.decide_btn,
                             *self._storing) if not w.isHidden()]
        spacing = max(self._bar.spacing(), 0)
        needed = sum(w.sizeHint().width() for w in shown) + spacing * len(shown) + 8
        low = self._bar_low.indexOf(self.save_btn) >= 0
        if needed > self.width() and not low:
            for b in self._storing:
                self._bar.removeWidget(b)
                self._bar_low.addWidget(b)
        elif needed <= self.width() and low:
            for b in self._storing:
                self._bar_low.removeWidget(b)
                self._bar.addWidget(b)

    def _fill_party_index(self) -> None:
        """The party index of a party form (DPR, DPRD Provinsi): one entry per party, in ballot order."""
        box = self.party_index
        box.clear()
        parties = [(i, r) for i, (kind, r) in enumerate(self.model.rows)
                   if kind == "heading" and getattr(r, "group", None) is not None and r.group.kind == "partai"]
        if not parties:
            box.hide()
            return
        box.addItem(self.tr("Lompat ke partai…"), -1)
        for i, r in parties:
            box.addItem(f"{r.group.nomor}. {r.group.short}", i)
        box.show()
        self._fit_buttons()

    def _jump_to_party(self, index: int) -> None:
        """Scroll to the chosen party's heading and select its first figure (the party-only votes)."""
        row = self.party_index.itemData(index)
        if row is None or row < 0 or not self.model.columns:
            return
        target = self.model.index(min(row + 1, self.model.rowCount() - 1), self.table.currentIndex().column()
                                  if self.table.currentIndex().isValid() else 0)
        self.table.scrollTo(self.model.index(row, target.column()), QAbstractItemView.ScrollHint.PositionAtTop)
        self.table.setCurrentIndex(target)
        self.table.setFocus()
        self.party_index.setCurrentIndex(0)

    def jump_to_party(self, nomor: int) -> bool:
        """Select the party-only cell of party ``nomor`` (the index's action); True when it exists."""
        i = self.party_index.findText(f"{nomor}. ", Qt.MatchFlag.MatchStartsWith)
        if i < 0:
            return False
        self._jump_to_party(i)
        return True

    def refresh_findings(self) -> None:
        """Mark the cells: the rules run on the figures as they are now (typed, not yet saved), in
        memory; a finding already explained or overridden for the same figures keeps its record."""
        if self.kode is None:
            return
        if self.findings_source is not None:
            stored = self.findings_source(self.kode)
        else:
            from ..core import reconcile

            try:
                stored = reconcile.findings(self.ws, region=self.kode)
            except Exception as exc:  # a failing check must not stop the clerk from typing
                self.message.emit(self.tr("Temuan tidak dapat dimuat: %s") % fmt.refusal(exc))
                stored = []
        self.model.set_findings(self.live_findings(stored))

    def live_findings(self, stored: list) -> list:
        """The findings of the open certificate's current figures (core.rules.check_certificate, no
        write), each replaced by its stored record when that has the same figures."""
        if self._checker is None or not self.model.columns:
            return list(stored)
        from ..core.rules import check_certificate

        region, kecamatan = self._checker
        e = self.ws.election
        if all(v is None for col in self.model.values.values() for v in col.values()):
            # nothing received or typed yet: every field blank is not worth 39 warnings
            self.live.setText(self.tr("Pemeriksaan langsung: belum ada angka (semua isian kosong)"))
            return list(stored)
        try:
            live = check_certificate(self.model.form, region, kecamatan, self.model.columns, self.model.values,
                                     column_tier=e.column_tier, office_tier=e.tier)
        except Exception as exc:  # the marks stay as stored; typing goes on
            self.message.emit(self.tr("Pemeriksaan langsung tidak dapat dijalankan: %s") % fmt.refusal(exc))
            return list(stored)
        by_key = {f.key: f for f in stored}
        out = []
        for f in live:
            old = by_key.get(f.key)
            out.append(old if old is not None and (old.expected, old.actual) == (f.expected, f.actual) else f)
        errors = sum(1 for f in out if f.severity == "error" and not getattr(f, "override", None))
        warnings = sum(1 for f in out if f.severity == "warning")
        self.live.setText(self.tr("Pemeriksaan langsung: %1 kesalahan, %2 peringatan")
                          .replace("%1", str(errors)).replace("%2", str(warnings)))
        return out

    def focus_cell(self, column: str, key: str) -> bool:
        """Select the cell of (column, field); True when it exists."""
        idx = self.model.index_of(column, key)
        if not idx.isValid():
            return False
        self.table.setCurrentIndex(idx)
        self.table.scrollTo(idx, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.table.setFocus()
        return True

    def focus_first_cell(self) -> bool:
        """The keyboard to the first figure of the first column (opening a regency from the list)."""
        if not self.model.columns:
            return False
        return self.focus_cell(self.model.columns[0], self.model.form.field_keys[0])

    def place(self, f) -> str:
        """Where a finding is, in the clerk's words: "kolom KESUGIHAN · I.A.2 Pemilih DPTb (LK)"."""
        parts = []
        if f.column:
            region = self.ws.region(f.column)
            parts.append(self.tr("kolom %s") % (region.nama.upper() if region else f.column))
        if f.field:
            parts.append(self.ws.election.form_at(f.region).label(f.field, fmt.LANG))
        return " · ".join(parts)

    # ------------------------------------------------------------------ view
    def _fit_columns(self) -> None:
        fm = self.table.horizontalHeader().fontMetrics()
        for i, name in enumerate(self.model.column_names):
            self.table.setColumnWidth(i, max(fm.horizontalAdvance("99.999.999") + 16, fm.horizontalAdvance(name) + 18))

    def set_zoom(self, level: int) -> None:
        """Figures larger (+) or smaller (−) than normal (0), in steps of 10 %."""
        self.zoom_level = max(-3, min(8, int(level)))
        font = self.table.font()
        font.setPointSizeF(max(6.0, self._base_point * (1 + 0.1 * self.zoom_level)))
        self.table.setFont(font)
        self.table.horizontalHeader().setFont(font)
        self.table.verticalHeader().setFont(font)
        self.table.verticalHeader().setDefaultSectionSize(int(self.table.fontMetrics().height() * 1.5) + 2)
        self._fit_columns()

    def zoom(self, step: int) -> None:
        """Ctrl++ / Ctrl+- / Ctrl+0."""
        self.set_zoom(0 if step == 0 else self.zoom_level + step)

    def label_width(self) -> int:
        return self.table.verticalHeader().width()

    def set_label_width(self, width: int | None) -> None:
        if width:
            self.table.labels.set_width(width)

    def find_text(self, text: str, step: int) -> tuple[int, int]:
        """Find a kecamatan, a form row or a figure (Ctrl+F): select the match; (position, count)."""
        from .find import matches, pick

        m = self.model
        hits = []
        for r in range(m.rowCount()):
            label = str(m.headerData(r, Qt.Orientation.Vertical) or "")
            for c in range(m.columnCount()):
                if m.cell(r, c) is None:
                    continue
                if matches(text, m.column_names[c], m.columns[c], label, m.index(r, c).data() or ""):
                    hits.append((r, c))
        if not hits:
            return 0, 0
        cur = self.table.currentIndex()
        chosen = pick(hits, (cur.row(), cur.column()) if cur.isValid() else (-1, -1), step)
        idx = m.index(*chosen)
        self.table.setCurrentIndex(idx)
        self.table.scrollTo(idx, QAbstractItemView.ScrollHint.PositionAtCenter)
        return hits.index(chosen) + 1, len(hits)

    # ------------------------------------------------------------------ editing
    def _selected_cells(self):
        return [(i.row(), i.column()) for i in self.table.selectionModel().selectedIndexes()]

    def paste(self) -> None:
        """Paste a block copied from a spreadsheet at the current cell ("12.345" style numbers)."""
        text = QGuiApplication.clipboard().text()
        self.paste_text(text)

    def paste_text(self, text: str) -> bool:
        """Paste tab-separated rows at the current cell as one undoable change.

        Nothing changes when any value is not a number (the clerk is told which one).
        """
        cur = self.table.currentIndex()
        if not cur.isValid() or self.model.readonly:
            return False
        lines = text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n").split("\n")
        edits = {}
        r = cur.row()
        for line in lines:
            while r < self.model.rowCount() and self.model.cell(r, 0) is None:
                r += 1
            if r >= self.model.rowCount():
                break
            for j, cell_text in enumerate(line.split("\t")):
                c = cur.column() + j
                if c >= self.model.columnCount():
                    break
                try:
                    value = fmt.parse_cell(cell_text)
                except fmt.NumberError as exc:
                    self._on_rejected(self.tr("Tempel dibatalkan, tidak ada yang diubah: %s") % exc)
                    return False
                edits[self.model.cell(r, c)] = value
            r += 1
        return self.model.request(edits, self.tr("Tempel %n sel", "", len(edits)))

    def copy(self) -> None:
        """Copy the selected block as tab-separated plain numbers."""
        cells = self._selected_cells()
        if not cells:
            return
        rows = sorted({r for r, _ in cells})
        cols = sorted({c for _, c in cells})
        out = []
        for r in rows:
            line = []
            for c in cols:
                key = self.model.cell(r, c)
                v = self.model.values[key[0]][key[1]] if key else None
                line.append("" if v is None else str(v))
            out.append("\t".join(line))
        QGuiApplication.clipboard().setText("\n".join(out))

    def clear_selection(self) -> None:
        """Blank the selected cells (blank, not zero) as one undoable change."""
        edits = {}
        for r, c in self._selected_cells():
            key = self.model.cell(r, c)
            if key:
                edits[key] = None
        self.model.request(edits, self.tr("Kosongkan sel"))

    def _on_rejected(self, text: str) -> None:
        self.message.emit(text)

    def _on_changed(self) -> None:
        if self._loading or self.kode is None:
            return
        self.refresh_findings()  # the cells are judged as typed: a corrected cell turns normal at once
        from ..core import drafts

        had = self._draft_known
        try:
            drafts.save_draft(self.ws, self.kode, self.model.columns, self.model.values, self.actor,
                              self.base_revision_id, self._kind)
        except RecapError as exc:
            self.message.emit(self.tr("Draf tidak tersimpan: %s") % fmt.refusal(exc))
            return
        self._draft_known = True
        if not had:  # only the first edit changes what the list and the buttons show
            self.draft_changed.emit(self.kode)
            self.update_buttons()

    @property
    def _kind(self) -> str:
        return "entri_kedua" if self.second_entry else "resmi"

    def reload_if_stale(self) -> bool:
        """Show the open certificate again when it changed in the workspace since it was opened (an
        import or a bundle stored a newer revision, another window adopted or reopened it) and
        nothing typed here is pending. With a draft kept, the figures typed stay and the note says
        a newer revision exists (a save is refused over it anyway). Returns whether it reloaded."""
        if self.kode is None or self.own_write == self.kode:
            return False  # this editor's own write: it opens the certificate again when done
        latest = self.ws.latest_revision(self.kode)
        now = (latest.id if latest else None, bool(self.ws.adoption(self.kode)))
        if now == self.shown:
            return False
        if self.table.state() == QAbstractItemView.State.EditingState and not self.has_draft():
            return False  # a cell being typed: the next refresh, once it is committed (a draft) or dropped
        if now[1] == self.shown[1] and self.has_draft():
            if latest is not None and now[0] != self.shown[0]:
                self.info.setText(self.info.text() + " " + self.tr(
                    "Perhatian: sertifikat ini sudah disimpan lagi (revisi %1 oleh %2) sejak draf ini dimulai; "
                    "periksa sebelum menyimpan.").replace("%1", str(latest.number)).replace("%2", latest.created_by))
            self.shown, self.latest_shown = now, latest
            return False
        current = self.table.currentIndex()
        row, col = current.row(), current.column()
        self.open_region(self.kode)
        if current.isValid() and row < self.model.rowCount() and col < self.model.columnCount():
            self.table.setCurrentIndex(self.model.index(row, col))
        if latest is not None:
            state = self.tr("ditetapkan") if now[1] else self.tr("revisi %1 oleh %2") \
                .replace("%1", str(latest.number)).replace("%2", latest.created_by)
            self.message.emit(self.tr("Sertifikat %1 berubah di ruang kerja dan dimuat ulang (%2).")
                              .replace("%1", self.kode).replace("%2", state))
        return True

    def has_draft(self) -> bool:
        from ..core import drafts

        self._draft_known = self.kode is not None and drafts.load_draft(self.ws, self.kode, self._kind) is not None
        return self._draft_known

    def set_second_entry(self, on: bool) -> None:
        """Switch between the official entry and a second entry (entry 1 hidden)."""
        if on == self.second_entry:
            return
        self.second_entry = on
        self.entry2_btn.blockSignals(True)
        self.entry2_btn.setChecked(on)
        self.entry2_btn.blockSignals(False)
        if self.kode is not None:
            self.open_region(self.kode)

    def decide(self, choices: dict | None = None, reason: str | None = None) -> bool:
        """The coordinator's decision on a waiting second entry (dialog unless choices are given)."""
        from ..core import double_entry

        if self.kode is None:
            return False
        if choices is None:
            from .double_entry import DoubleEntryDialog

            dlg = DoubleEntryDialog(self.ws, self.kode, self.actor, self)
            if not dlg.exec():
                return False
        else:
            try:
                double_entry.resolve(self.ws, self.kode, choices, self.actor, reason)
            except RecapError as exc:
                inform(self, self.tr("Entri ganda"), fmt.refusal(exc), error=True)
                return False
        kode = self.kode
        self.own_write = kode
        try:
            self.saved.emit(kode)
        finally:
            self.own_write = None
        self.open_region(kode)
        return True

    def update_buttons(self) -> None:
        """Enable what the core says may happen now; a disabled button's tooltip says why."""
        draft = self.has_draft()
        if self.kode is None:
            for b in (self.save_btn, self.discard_btn, self.adopt_btn, self.reopen_btn, self.entry2_btn,
                      self.decide_btn):
                b.setEnabled(False)
            self.decide_btn.hide()
            return
        kind = certificate.SECOND_ENTRY if self.second_entry else certificate.OFFICIAL
        edit = certificate.can_edit(self.ws, self.kode, self.actor, kind)
        self._answer(self.save_btn, draft and not self.model.readonly, edit)
        self.discard_btn.setEnabled(draft)
        adopt = certificate.can_adopt(self.ws, self.kode, self.actor,
                                      self.findings_source(self.kode) if self.findings_source is not None else None)
        # an open error still lets the button be pressed: the refusal names what to fix
        self._answer(self.adopt_btn, not draft and not self.second_entry,
                     adopt if adopt.code != "unresolved_errors" else certificate.YES)
        self._answer(self.reopen_btn, not self.second_entry, certificate.can_reopen(self.ws, self.kode, self.actor))
        received = self.base_revision_id is not None
        entry2 = certificate.can_edit(self.ws, self.kode, self.actor, certificate.SECOND_ENTRY)
        # a second entry under way can always be left; one is begun only by a role holding "second_entry"
        self.entry2_btn.setEnabled(self.second_entry or (received and entry2.allowed))
        self.entry2_btn.setToolTip(self._entry2_tip if self.second_entry or entry2.allowed else fmt.refusal(entry2))
        pending = received and not self.second_entry and certificate.pending_second_entry(self.ws, self.kode)
        self.decide_btn.setEnabled(bool(pending))
        self.decide_btn.setVisible(bool(pending))  # shown while a second entry waits: the row stays within the window
        self._fit_buttons()

    @staticmethod
    def _answer(button, ui_ok: bool, answer) -> None:
        button.setEnabled(ui_ok and answer.allowed)
        button.setToolTip("" if answer.allowed else fmt.refusal(answer))

    # ------------------------------------------------------------------ saving
    def save(self, reason: str | None = None) -> bool:
        """Store the edited certificate as a new revision (asks for the reason after receipt), on the
        window's worker: the revision, its findings and the draft's removal are one transaction.

        Returns True when the save was started (or done, without a worker).
        """
        if self.kode is None or self.model.readonly:
            return False
        if not self._take_open_entry():
            return False
        if self.second_entry:
            return self._save_second_entry()
        kode = self.kode
        latest = self.ws.latest_revision(kode)
        if certificate.same_as_latest(self.ws, kode, self.model.columns, self.model.values, latest):
            if self.has_draft():  # typed back to what is stored: the draft holds nothing to keep
                from ..core import drafts

                drafts.discard_draft(self.ws, kode, self.actor, certificate.OFFICIAL)
                self.draft_changed.emit(kode)
            self.update_buttons()
            self.message.emit(self.tr("Tidak ada perubahan: angka sama dengan revisi %1; tidak ada revisi baru.")
                              .replace("%1", str(latest.number)))
            return False
        based_on = self.base_revision_id
        if latest is not None and latest.id != based_on:
            text = self.tr("Sertifikat %1 sudah disimpan sebagai revisi %2 oleh %3 (%4) sejak isian ini dimulai. "
                           "Menyimpan angka di layar ini sebagai revisi baru akan menggantikan angka revisi %2.") \
                .replace("%1", kode).replace("%2", str(latest.number)).replace("%3", latest.created_by) \
                .replace("%4", fmt.when(latest.created_at))
            if not confirm(self, self.tr("Sertifikat sudah berubah"), text,
                           self.tr("Simpan di atas revisi %1").replace("%1", str(latest.number)), self.tr("Batal"),
                           default_yes=False):
                return False
            based_on = latest.id
        if latest is not None and reason is None:
            dlg = reason_dialog(self)
            if not dlg.exec():
                return False
            reason = dlg.text()
        work = partial(operations.save_certificate, kode=kode, columns=list(self.model.columns),
                       values={c: dict(v) for c, v in self.model.values.items()}, actor=self.actor,
                       reason=reason or self.tr("entri manual"), based_on=based_on)
        self.model.readonly = True  # nothing typed while the figures are being stored
        self.model.readonly_reason = self.tr("Angka sedang disimpan; tunggu sebentar.")
        return self._write_job(work, self.tr("Menyimpan…"), self.tr("Sertifikat %s disimpan sebagai revisi baru.") % kode,
                               self.tr("Tidak tersimpan"))

    def _take_open_entry(self) -> bool:
        """Before a save: a figure still in the cell's editor (typed, Enter not pressed) is taken
        into the certificate; a text that is not a figure stops the save where it is, with its
        note, and the status bar says so. Returns whether the save may go on."""
        ed = self.table.open_editor()
        if ed is None:
            return True
        if refusal(ed.text()) is not None:
            self.table._refuse(ed)
            self.message.emit(self.tr("Belum disimpan: sel yang sedang diisi berisi teks yang bukan angka. Perbaiki, "
                                      "atau tekan Esc untuk membatalkan isian itu, lalu simpan lagi."))
            return False
        self.table.commitData(ed)
        self.table.closeEditor(ed, QAbstractItemDelegate.EndEditHint.NoHint)
        return True

    def before_close(self) -> bool:
        """When the window closes (Ctrl+Q, the title bar): a figure still in the cell's editor is
        taken into the draft; a text that is not a figure is not lost unseen: the clerk is asked
        whether to go back to the cell (the default) or to leave without it. Returns whether the
        window may close."""
        ed = self.table.open_editor()
        text = ed.text() if ed is not None else ""
        if ed is None or refusal(text) is None:
            return self._take_open_entry()  # a figure is taken: the draft keeps it (written on every edit)
        from .widgets import confirm

        leave = confirm(self, self.tr("Keluar"), self.tr(
            "Sel yang sedang diisi berisi \"%s\", yang bukan angka; isian ini belum masuk draf dan hilang bila "
            "program ditutup sekarang.") % fmt.shown_text(text), self.tr("Keluar tanpa isian ini"), self.tr("Kembali ke sel"),
            default_yes=False)
        if not leave:
            self.table._refuse(ed)
            ed.setFocus()
        return leave

    def _save_second_entry(self) -> bool:
        kode = self.kode
        work = partial(operations.submit_second_entry, kode=kode, columns=list(self.model.columns),
                       values={c: dict(v) for c, v in self.model.values.items()}, actor=self.actor)
        self.model.readonly = True
        return self._write_job(work, self.tr("Menyimpan entri kedua…"),
                               self.tr("Entri kedua %s disimpan; menunggu keputusan koordinator.") % kode,
                               self.tr("Entri kedua tidak tersimpan"), before_reopen=lambda: self.set_second_entry(False))

    def _write_job(self, work, title: str, done_text: str, fail_title: str, before_reopen=None) -> bool:
        """Run a write of the core (an operation: adopt, reopen; they re-check and back up) on the
        worker when the window gave us its job runner, else here. The window refreshes from the
        job's snapshot."""
        kode = self.kode
        self.own_write = kode  # the window's refresh before on_done is not "changed elsewhere"

        def finished(_r=None):
            self.own_write = None
            if before_reopen is not None:
                before_reopen()
            if self.kode == kode:
                self.open_region(kode)
            self.message.emit(done_text)

        def failed(message: str) -> None:
            self.own_write = None
            if self.refresh_window is not None:
                self.refresh_window(None)  # what the refusal found (a newer revision) shows in the list too
            if self.kode == kode:
                self.open_region(kode)  # the typed figures are still in the draft
            tell(self, fail_title, message, error=True)  # the clerk may be typing elsewhere by now

        if self.jobs is None:
            try:
                work(self.ws, _no_progress, _never_cancelled)
            except RecapError as exc:
                failed(fmt.refusal(exc))
                return False
            self.saved.emit(kode)
            finished()
            return True
        job = self.jobs.start(self.ws.path, work, title, self, refresh=self.refresh_window, on_done=finished,
                              on_failed=failed)
        job.signals.cancelled.connect(lambda: setattr(self, "own_write", None))
        return True

    def adopt(self, ask: bool = True) -> bool:
        """Adopt (tetapkan) the open certificate through the core, after the clerk confirms and sees
        what is still open (warnings without an explanation); open errors are said instead of the
        question (the core refuses them anyway); other refusals are shown as they come."""
        if self.kode is None:
            return False
        kode = self.kode
        if ask:
            answer = certificate.can_adopt(self.ws, kode, self.actor, self.findings_source(kode)
                                           if self.findings_source is not None else None)
            if answer.code == "unresolved_errors":  # said before the question, not after "Tetapkan"
                inform(self, self.tr("Tidak dapat ditetapkan"), fmt.refusal(answer), error=True)
                return False
            box, yes = adopt_box(self, kode)
            box.exec()
            if box.clickedButton() is not yes:
                return False
        seen = self.shown[0]  # the core refuses when another revision was stored since it was shown
        return self._write_job(partial(operations.adopt, kode=kode, actor=self.actor, seen=seen),
                               self.tr("Menetapkan…"),
                               self.tr("Sertifikat %s ditetapkan.") % kode, self.tr("Tidak dapat ditetapkan"))

    def reopen(self, reason: str | None = None) -> bool:
        """Reopen an adopted certificate (the chair), with the reason."""
        if self.kode is None:
            return False
        if reason is None:
            dlg = TextDialog(self, self.tr("Buka kembali"),
                             self.tr("Membuka kembali sertifikat yang sudah ditetapkan adalah tindakan ketua. "
                                     "Tuliskan alasannya:"), self.tr("Buka kembali"), multiline=False)
            if not dlg.exec():
                return False
            reason = dlg.text()
        kode = self.kode
        return self._write_job(partial(operations.reopen, kode=kode, actor=self.actor, reason=reason),
                               self.tr("Membuka kembali…"),
                               self.tr("Sertifikat %s dibuka kembali.") % kode, self.tr("Tidak dapat dibuka kembali"))

    def discard(self, ask: bool = True) -> None:
        """Throw the draft away and show the stored revision again."""
        from ..core import drafts

        if self.kode is None:
            return
        if ask and not confirm(self, self.tr("Buang draf"),
                               self.tr("Buang semua isian yang belum disimpan untuk %s?") % self.kode,
                               self.tr("Buang draf"), self.tr("Batal"), default_yes=False):
            return
        try:
            drafts.discard_draft(self.ws, self.kode, self.actor, self._kind)
        except RecapError as exc:
            inform(self, self.tr("Draf"), fmt.refusal(exc), error=True)
            return
        kode = self.kode
        self.open_region(kode)
        self.draft_changed.emit(kode)
