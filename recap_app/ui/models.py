"""Read-only Qt item models over what the core returns (no business rules here)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QSortFilterProxyModel, Qt
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


class RegencyModel(RowsModel):
    """The submitting regions with status: rows from core.certificate.statuses(), plus drafts.

    Columns: code, name, status (text and icon), revision number.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._drafts: set[str] = set()

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Kode"), self.tr("Kabupaten/Kota"), self.tr("Status"), self.tr("Revisi"))

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
                return r["nama"]
            if col == 2:
                text = status_text(r["status"])
                if r["kode"] in self._drafts:
                    text += " " + self.tr("(ada draf)")
                return text
            if col == 3:
                return "" if r["revision"] is None else str(r["revision"])
        elif role == Qt.ItemDataRole.DecorationRole and col == 2:
            return status_icon(r["status"])
        elif role == Qt.ItemDataRole.TextAlignmentRole and col == 3:
            return ALIGN_RIGHT
        elif role == Qt.ItemDataRole.ToolTipRole and col == 2:
            return status_text(r["status"])
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
            sex = {"L": " LK", "P": " PR", "JML": " JML"}.get(f.sex, "")
            label = f.label if len(f.label) <= 40 else f.label[:38] + "…"
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


class FindingsModel(RowsModel):
    """Stored findings (recap_app.core.reconcile.findings): severity, code, region, place, message, state."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._names: dict[str, str] = {}
        self._labels = None

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Jenis"), self.tr("Kode"), self.tr("Wilayah"), self.tr("Kolom / isian"),
                self.tr("Uraian"), self.tr("Tindak lanjut"))

    def set_findings(self, findings: list, names: dict[str, str], label_of) -> None:
        """findings: StoredFinding list; names: {region code: name}; label_of: (field key, region) -> label."""
        self.beginResetModel()
        self._rows = list(findings)
        self._names = names
        self._labels = label_of
        self.endResetModel()

    def finding(self, row: int):
        return self._rows[row]


    def data(self, index, role=DISPLAY):
        if not index.isValid():
            return None
        f = self._rows[index.row()]
        col = index.column()
        if role == DISPLAY:
            if col == 0:
                return severity_text(f.severity)
            if col == 1:
                return f.code
            if col == 2:
                return f"{f.region} {self._names.get(f.region, '')}".strip()
            if col == 3:
                where = self._names.get(f.column, f.column) if f.column else ""
                field = self._labels(f.field, f.region) if (f.field and self._labels) else ""
                return " · ".join(x for x in (where, field) if x)
            if col == 4:
                return f.message
            if col == 5:
                if getattr(f, "override", None):
                    return self.tr("dikesampingkan: %s") % f.override.get("reason", "")
                if getattr(f, "explanation", None):
                    return self.tr("dijelaskan: %s") % f.explanation.get("text", "")
                return self.tr("terbuka")
        elif role == Qt.ItemDataRole.DecorationRole and col == 0:
            return severity_icon(f.severity)
        elif role == Qt.ItemDataRole.ToolTipRole and col == 4:
            return getattr(f, "explanation_text", None) or f.message
        elif role == Qt.ItemDataRole.UserRole:
            return f.severity
        elif role == Qt.ItemDataRole.UserRole + 1:
            return f.region
        return None


class FindingsFilter(QSortFilterProxyModel):
    """Filters findings by severity ("" = all) and region code ("" = all)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.severity = ""
        self.region = ""

    def set_filter(self, severity: str, region: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+
            self.beginFilterChange()
            self.severity, self.region = severity, region
            self.endFilterChange()
        else:  # pragma: no cover - older Qt
            self.severity, self.region = severity, region
            self.invalidateFilter()

    def filterAcceptsRow(self, row, parent):
        idx = self.sourceModel().index(row, 0, parent)
        if self.severity and idx.data(Qt.ItemDataRole.UserRole) != self.severity:
            return False
        return not (self.region and idx.data(Qt.ItemDataRole.UserRole + 1) != self.region)


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
