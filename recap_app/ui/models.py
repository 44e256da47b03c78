"""Read-only Qt item models over what the core returns (no business rules here)."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from . import fmt
from .icons import severity_icon, status_icon

DISPLAY = Qt.ItemDataRole.DisplayRole
ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def status_text(status: str) -> str:
    """The translated label of a certificate status from the core."""
    return {
        "belum masuk": QCoreApplication.translate("Status", "belum masuk"),
        "draf": QCoreApplication.translate("Status", "draf"),
        "ada kesalahan": QCoreApplication.translate("Status", "ada kesalahan"),
        "ada peringatan": QCoreApplication.translate("Status", "ada peringatan"),
        "sesuai": QCoreApplication.translate("Status", "sesuai"),
        "ditetapkan": QCoreApplication.translate("Status", "ditetapkan"),
    }.get(status, status)


def severity_text(severity: str) -> str:
    """The translated label of a finding severity ("error" / "warning")."""
    if severity == "error":
        return QCoreApplication.translate("Status", "kesalahan")
    return QCoreApplication.translate("Status", "peringatan")


class RowsModel(QAbstractTableModel):
    """A read-only table over a list of rows, with translated column headers (:meth:`headers`)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []

    def headers(self) -> tuple[str, ...]:
        """The column headers, translated (one per column)."""
        raise NotImplementedError

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section, orientation, role=DISPLAY):
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None


#: the background of the regencies of every other dapil in the list (a legislative contest)
_OTHER_DAPIL = QBrush(QColor("#eef2f7"))


def short_regency(nama: str) -> str:
    """A region's name as a narrow list shows it: "Kabupaten Karanganyar" as "Kab. Karanganyar" (the
    abbreviation KPU's own lists use); a kota's and a kecamatan's name as they are."""
    return "Kab. " + nama[len("Kabupaten "):] if nama.startswith("Kabupaten ") else nama


class RegencyModel(RowsModel):
    """The submitting regions with status: rows from core.certificate.statuses(), plus drafts.

    Columns: code, name, status (text and icon), revision number; and the dapil's number where the
    contest has several districts (:attr:`districts`).
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._drafts: set[str] = set()

    #: True at a kabupaten/kota office: the rows are its kecamatan (docs/tiers.md)
    kecamatan = False
    #: True for a contest with several districts: a fifth column names each row's dapil
    districts = False

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Kode"), self.tr("Kecamatan") if self.kecamatan else self.tr("Kabupaten/Kota"),
                self.tr("Status"), self.tr("Revisi")) + ((self.tr("Dapil"),) if self.districts else ())

    def set_rows(self, rows: list[dict], drafts: set[str] | None = None) -> None:
        """Replace the rows: list of {kode, nama, status, revision} (core.certificate.statuses())."""
        self.beginResetModel()
        self._rows = list(rows)
        self._drafts = set(drafts or ())
        self.endResetModel()

    def row_data(self, row: int) -> dict:
        return self._rows[row]

    def row_of(self, kode: str) -> int:
        for i, r in enumerate(self._rows):
            if r["kode"] == kode:
                return i
        return -1


    def data(self, index, role=DISPLAY):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == DISPLAY:
            if col == 0:
                return r["kode"]
            if col == 1:
                return short_regency(r["nama"])
            if col == 2:
                text = status_text(r["status"])
                if r["kode"] in self._drafts:
                    text += " · " + self.tr("draf")
                return text
            if col == 3:
                return "" if r["revision"] is None else str(r["revision"])
            if col == 4:
                return r.get("dapil_pendek", "")
        elif role == Qt.ItemDataRole.DecorationRole and col == 2:
            return status_icon(r["status"])
        elif role == Qt.ItemDataRole.TextAlignmentRole and col == 3:
            return ALIGN_RIGHT
        elif role == Qt.ItemDataRole.TextAlignmentRole and col == 4:
            return Qt.AlignmentFlag.AlignCenter
        elif role == Qt.ItemDataRole.ToolTipRole and col in (0, 1, 4):
            return r["nama"] + (" — " + self.tr("dapil %s") % r["dapil"] if r.get("dapil") else "")
        elif role == Qt.ItemDataRole.BackgroundRole and r.get("dapil_nomor", 0) % 2:
            return _OTHER_DAPIL  # every other dapil shaded: the groups of the list at a glance
        elif role == Qt.ItemDataRole.ToolTipRole and col == 2:
            text = status_text(r["status"])
            return text + " " + self.tr("(ada draf)") if r["kode"] in self._drafts else text
        elif role == Qt.ItemDataRole.UserRole:
            return r["kode"]
        return None


class ProvinceModel(QAbstractTableModel):
    """The province recap table: one row per form field, one column per regency plus JUMLAH.

    Fed with core.totals.province_totals() and the election's fields; blank shows as empty (not zero).
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._fields: list = []
        self._regencies: list = []
        self._totals: dict = {"fields": {}, "regencies": {}}

    def set_data(self, fields, regencies, totals: dict) -> None:
        """fields: FormField list; regencies: Region list; totals: core.totals.province_totals()."""
        self.beginResetModel()
        self._fields = list(fields)
        self._regencies = list(regencies)
        self._totals = totals
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._fields)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._regencies) + (1 if self._regencies else 0)

    def headerData(self, section, orientation, role=DISPLAY):
        if role == DISPLAY:
            if orientation == Qt.Orientation.Horizontal:
                if section < len(self._regencies):
                    return self._regencies[section].nama
                return self.tr("JUMLAH")
            f = self._fields[section]
            sex = f" {fmt.sex_text(f.sex)}" if f.sex else ""
            label = fmt.form_label(f)
            label = label if len(label) <= 40 else label[:38] + "…"
            return f"{f.row} {label}{sex}"
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Vertical:
            return self._fields[section].label
        return None

    def data(self, index, role=DISPLAY):
        if not index.isValid():
            return None
        f = self._fields[index.row()]
        col = index.column()
        if role == DISPLAY:
            if col < len(self._regencies):
                reg = self._totals["regencies"].get(self._regencies[col].kode)
                return fmt.number(reg.get(f.key)) if reg else ""
            return fmt.number(self._totals["fields"].get(f.key))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return ALIGN_RIGHT
        if role == Qt.ItemDataRole.FontRole and col == len(self._regencies):
            font = QFont()
            font.setBold(True)
            return font
        return None


# Item data roles of the findings tree.
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 1
REGION_ROLE = Qt.ItemDataRole.UserRole + 2
OPEN_ROLE = Qt.ItemDataRole.UserRole + 3  # True when something under the row is still to do
TEXT_ROLE = Qt.ItemDataRole.UserRole + 4  # what the find bar searches (lower case)


def finding_state(f) -> str:
    """What was done with a finding, in words ("terbuka", "dijelaskan: …", "dikesampingkan: …")."""
    if getattr(f, "override", None):
        return QCoreApplication.translate("FindingsModel", "dikesampingkan: %s") % f.override.get("reason", "")
    if getattr(f, "explanation", None):
        return QCoreApplication.translate("FindingsModel", "dijelaskan: %s") % f.explanation.get("text", "")
    return QCoreApplication.translate("FindingsModel", "terbuka")


def finding_text(f, lang: str) -> str:
    """The finding's sentence: the core's Indonesian one, or in English the rule's English statement
    with the figures (core.rules.RULES text_en)."""
    if lang != "en":
        return f.message
    from ..core.rules import RULES_BY_CODE

    rule = RULES_BY_CODE.get(f.code)
    text = rule.text_en if rule else f.message
    if f.expected is not None or f.actual is not None:
        text += f" — expected {fmt.number(f.expected, 'blank')}, recorded {fmt.number(f.actual, 'blank')}"
    return text


class _Node:
    """One row of the findings tree: its cells and what the roles answer."""

    __slots__ = ("cells", "keys", "severity", "region", "open", "search", "tooltip", "group", "children", "parent",
                 "row")

    def __init__(self, cells, fs, tooltip: str, group: bool, parent=None, row: int = 0):
        self.cells = cells
        self.keys = [x.key for x in fs]
        self.severity = fs[0].severity
        self.region = fs[0].region or ""
        self.open = any(not x.resolved for x in fs)
        self.search = " ".join(list(cells) + [x.message for x in fs]).lower()
        self.tooltip = tooltip
        self.group = group
        self.children: list[_Node] = []
        self.parent = parent
        self.row = row


class FindingsTree(QAbstractItemModel):
    """Stored findings grouped as the command line groups them: one row per rule and regency
    (1.155 blank-field warnings of the demonstration data are 36 rows), each opening onto its
    findings. A group of one finding is the finding itself. Columns: kind, code, region, place,
    description, follow-up. Read-only; the page filters and sorts it through :class:`FindingsFilter`.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._findings: dict[str, object] = {}
        self._top: list[_Node] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def headers(self) -> list[str]:
        return [self.tr("Jenis"), self.tr("Kode"), self.tr("Wilayah"), self.tr("Kolom / isian"), self.tr("Uraian"),
                self.tr("Tindak lanjut")]

    def finding(self, key: str):
        return self._findings.get(key)

    def keys_at(self, index) -> list[str]:
        """The finding keys of a row (a group: all of its findings)."""
        node = self._node(index)
        return list(node.keys) if node is not None else []

    def set_findings(self, findings: list, names: dict[str, str], place_of, lang: str = "id", order=None) -> None:
        """findings: StoredFinding list; names: {region code: name}; place_of(finding) -> "column · field";
        order: {region code: position} for the group order (errors first, then regions in order)."""
        from ..core.rules import RULES_BY_CODE

        self.beginResetModel()
        self._findings = {f.key: f for f in findings}
        groups: dict[tuple, list] = {}
        for f in findings:
            groups.setdefault((f.code, f.region), []).append(f)
        order = order or {}
        keys = sorted(groups, key=lambda g: (groups[g][0].severity != "error", order.get(g[1], 10**6), g[0]))
        top: list[_Node] = []
        for code, region in keys:
            fs = groups[(code, region)]
            where = f"{region} {names.get(region, '')}".strip()
            if len(fs) == 1:
                f = fs[0]
                top.append(_Node(self._cells(f, where, place_of(f), finding_text(f, lang)), fs, f.message, False,
                                 row=len(top)))
                continue
            rule = RULES_BY_CODE.get(code)
            title = (rule.text_en if lang == "en" else rule.text_id) if rule else fs[0].message
            n_open = sum(1 for f in fs if not f.resolved)
            state = (self.tr("%1 dari %2 terbuka").replace("%1", str(n_open)).replace("%2", str(len(fs))) if n_open
                     else self.tr("selesai semua"))
            node = _Node(self._cells(fs[0], where, self.tr("%s temuan") % len(fs), title, state), fs, title, True,
                         row=len(top))
            node.children = [_Node(self._cells(f, "", place_of(f), finding_text(f, lang)), [f], f.message, False,
                                   node, i) for i, f in enumerate(fs)]
            top.append(node)
        self._top = top
        self.endResetModel()

    @staticmethod
    def _cells(f, where: str, place: str, text: str, state: str | None = None) -> tuple[str, ...]:
        return (severity_text(f.severity), f.code, where, place, text, state or finding_state(f))

    # ------------------------------------------------------------------ Qt model API
    def _node(self, index) -> _Node | None:
        if not index.isValid():
            return None
        parent = index.internalPointer()
        if parent is None:
            return self._top[index.row()] if index.row() < len(self._top) else None
        return parent.children[index.row()] if index.row() < len(parent.children) else None

    def index(self, row, column, parent=QModelIndex()):
        if column < 0 or column >= 6 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, None) if row < len(self._top) else QModelIndex()
        node = self._node(parent)
        if node is None or parent.column() != 0 or row >= len(node.children):
            return QModelIndex()
        return self.createIndex(row, column, node)  # a child's internal pointer is its group

    def parent(self, index=QModelIndex()):
        if not index.isValid():
            return QModelIndex()
        group = index.internalPointer()
        if group is None:
            return QModelIndex()
        return self.createIndex(group.row, 0, None)

    def rowCount(self, parent=QModelIndex()):
        if not parent.isValid():
            return len(self._top)
        if parent.column() != 0 or parent.internalPointer() is not None:
            return 0
        node = self._node(parent)
        return len(node.children) if node is not None else 0

    def columnCount(self, parent=QModelIndex()):
        return 6

    def headerData(self, section, orientation, role=DISPLAY):
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal and 0 <= section < 6:
            return self.headers()[section]
        return None

    def data(self, index, role=DISPLAY):
        node = self._node(index)
        if node is None:
            return None
        col = index.column()
        if role == DISPLAY:
            return node.cells[col]
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            return severity_icon(node.severity)
        if role == Qt.ItemDataRole.ToolTipRole:
            return node.tooltip if col == 4 else node.cells[col]
        if role == Qt.ItemDataRole.FontRole and node.group and col < 3:
            return self._bold
        if role == SEVERITY_ROLE:
            return node.severity
        if role == REGION_ROLE:
            return node.region
        if role == OPEN_ROLE:
            return node.open
        if role == TEXT_ROLE:
            return node.search
        return None


class FindingsFilter(QSortFilterProxyModel):
    """Filters the findings tree by severity, region, open only and text ("" = all); a group stays
    while one of its findings matches. Sorts by any column (click a header)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.severity = ""
        self.region = ""
        self.open_only = False
        self.text = ""
        self.setRecursiveFilteringEnabled(True)

    def set_filter(self, severity: str, region: str, open_only: bool | None = None, text: str | None = None) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+
            self.beginFilterChange()
        self.severity, self.region = severity, region
        if open_only is not None:
            self.open_only = open_only
        if text is not None:
            self.text = text.strip().lower()
        if hasattr(self, "endFilterChange"):
            self.endFilterChange()
        else:  # pragma: no cover - older Qt
            self.invalidateFilter()

    def filterAcceptsRow(self, row, parent):
        idx = self.sourceModel().index(row, 0, parent)
        if self.severity and idx.data(SEVERITY_ROLE) != self.severity:
            return False
        if self.region and idx.data(REGION_ROLE) != self.region:
            return False
        if self.open_only and not idx.data(OPEN_ROLE):
            return False
        if self.text:
            hay = idx.data(TEXT_ROLE) or ""
            plain = self.text.replace(".", "")
            return self.text in hay or (plain.isdigit() and plain in hay.replace(".", ""))
        return True


class AuditModel(RowsModel):
    """Audit records in words: number, time (office zone), user, action phrase, object, details.

    Rows come from the audit page (core.audit.query rendered by core.audit_text); the tooltip of
    a row shows the record's stored data in full.
    """

    def headers(self) -> tuple[str, ...]:
        return (self.tr("No."), self.tr("Waktu (WIB)"), self.tr("Pengguna"), self.tr("Tindakan"),
                self.tr("Objek"), self.tr("Rincian"))

    def set_rows(self, rows: list[tuple]) -> None:
        """rows: (id, time text, actor, action text, object text, details text[, stored data for the tooltip])."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def data(self, index, role=DISPLAY):
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        if role == DISPLAY:
            v = r[index.column()]
            return "" if v is None else str(v)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() >= 3:
            return r[6] if len(r) > 6 else r[5]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0:
            return QBrush(QColor("#666"))
        return None
