"""Cell grids from spreadsheet files: xlsx (python-calamine + openpyxl for formulas), xls and ods
(python-calamine), CSV (csv module: UTF-8 with or without BOM, comma, semicolon or tab).

A file is recognised by its content, not its extension. Everything a damaged, encrypted,
oversized or foreign file can throw is turned into :class:`ImportRefused` naming the file.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..errors import ImportRefused
from ..formatting import number
from . import formats, namespaces
from .numbers import ERROR_TEXT, CellError, short

#: Largest file accepted (bytes). A DB1 workbook of 35 kecamatan is ~30 KB; 20 MB leaves room for
#: logos and extra sheets while refusing exports of whole databases.
MAX_FILE_BYTES = 20 * 1024 * 1024
#: Largest total uncompressed size of an xlsx/ods archive (guards against zip bombs).
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
#: Largest sheet read (cells); a certificate has ~60 rows x ~40 columns.
MAX_CELLS = 2_000_000

ENCRYPTED = "berkas terenkripsi (dilindungi kata sandi); simpan ulang tanpa kata sandi."
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
#: a namespace prefix as XML allows it ("x:", "my-ns:", "a.b:")
_PREFIX = rb"(?:[\w.\-]+:)?"
#: a tag's attributes: quoted values taken whole, so a ">" or an "r=" inside one is not taken for the tag's own;
#: an unquoted "<" ends them (a tag never left open runs to the next one, not to the end of the part)
_ATTRS = rb"((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)"
_ATTR = re.compile(rb"([\w:.\-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_REF_VALUE = re.compile(rb"\s*([A-Za-z]*)(\d*)\s*")
_FORMULA_TAG = re.compile(rb"<" + _PREFIX + rb"f[\s>/]")
_HIDDEN_TAG = re.compile(rb"hidden=\"(?:1|true)\"")
_XLSX_TAG = re.compile(rb"<" + _PREFIX + rb"(row|c)(?=[\s/>])" + _ATTRS + rb">")
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s[^>]*ref\s*=\s*[\"']([^\"']*)[\"']")
#: Largest row number and column number of a spreadsheet (Excel's own limits).
MAX_SHEET_ROWS, MAX_SHEET_COLS = 1_048_576, 16_384
_ERROR_TYPE = re.compile(rb"\st\s*=\s*[\"']e[\"']")
_CELL_END = re.compile(rb"</" + _PREFIX + rb"c>")
_V_ELEM = re.compile(rb"<" + _PREFIX + rb"v>([^<]*)</")
_F_ELEM = re.compile(rb"<" + _PREFIX + rb"f(?:\s[^>]*)?>([^<]*)</")


def _forms(template: bytes) -> tuple[re.Pattern, re.Pattern]:
    """A tag pattern twice: for a part without namespace prefixes (``{P}`` left out: it starts with
    a literal, found at once) and for any part (``{P}``: :data:`_PREFIX`)."""
    return re.compile(template.replace(b"{P}", b"")), re.compile(template.replace(b"{P}", _PREFIX))


#: a second value in one cell: a ``</v>`` whose next cell or value tag opens another ``<v>`` (the
#: text skipped stops at every c and v tag, so each ``</v>`` looks only as far as the next one)
_PLAIN_DOUBLE_V, _DOUBLE_V = _forms(rb"</{P}v>(?:[^<]|<(?!/?{P}[cv][\s/>]))*<{P}v[\s/>]")
#: a second inline text in one cell (``<is>`` twice: calamine keeps the last, a program the first)
_PLAIN_DOUBLE_IS, _DOUBLE_IS = _forms(rb"</{P}is>(?:[^<]|<(?!/?{P}(?:c|is)[\s/>]))*<{P}is[\s/>]")
_IS_OPEN = re.compile(rb"<" + _PREFIX + rb"is[\s/>]")
#: a value calamine reads otherwise than a spreadsheet program: holding markup (a comment, a
#: processing instruction, CDATA: `<v>2<!-- -->0975</v>` is 2 to calamine, 20975 to the program), a
#: character reference, or blanks around it (`<v> 20975 </v>`: calamine refuses it)
_ODD_VALUE = re.compile(rb"<" + _PREFIX + rb"v(?:\s[^<>]*?)?>(?:\s|[^<&]*(?:&|<(?!/" + _PREFIX + rb"v\s*>)))|\s</"
                        + _PREFIX + rb"v\s*>")
#: its first branch in a part without prefixes (it starts with a literal, found at once); the last
#: branch, a blank before a closing value tag, is looked for there by :func:`_blank_before_close`
#: (a pattern that starts with a blank is tried at every byte)
_PLAIN_ODD_VALUE_TAG = re.compile(rb"<v(?:\s[^<>]*?)?>(?:\s|[^<&]*(?:&|<(?!/v\s*>)))")
_BLANK_BYTES = (b" ", b"\t", b"\n", b"\r", b"\x0b", b"\x0c")


def _blank_before_close(xml: bytes) -> bool:
    """Whether a ``</v`` (a closing value tag, in a part without prefixes) follows a blank: what the
    last branch of :data:`_ODD_VALUE` finds, or more (it does not look past the ``</v``), so a part
    it answers True for goes the full way, which decides exactly. One literal search per blank."""
    return any(blank + b"</v" in xml for blank in _BLANK_BYTES)


def odd_value(xml: bytes, plain: bool) -> bool:
    """Whether a value of the part may be one calamine reads otherwise than a spreadsheet program
    (:data:`_ODD_VALUE`); ``plain``: the part has no prefixed cell or value tag, looked for by a
    literal search and :func:`_blank_before_close` (True there at least wherever the pattern is)."""
    if plain:
        return bool(_PLAIN_ODD_VALUE_TAG.search(xml)) or _blank_before_close(xml)
    return _ODD_VALUE.search(xml) is not None
#: a value element's opening tag
_V_OPEN = re.compile(rb"<" + _PREFIX + rb"v[\s/>]")
#: a value element's whole opening tag (group 1: "/" when it closes itself) and its closing tag
_V_TAG = re.compile(rb"<" + _PREFIX + rb"v(?:\s[^<>]*?)?(/?)>")
_V_CLOSE = re.compile(rb"</" + _PREFIX + rb"v\s*>")


@dataclass
class Sheet:
    """One sheet as a grid.

    Attributes:
        name: sheet name as in the file ("CSV" for a CSV file).
        rows: rows of cell values, 0-based; None for a blank cell; numbers as int/float, text as str.
        missing: {(row, col): formula text} for formula cells whose result was never saved.
        formulas: {(row, col): formula text} for formula cells with a saved result (xlsx, ods; an
            .xls formula's text is not decoded): the importer checks the result against a formula
            it can work out (importer/values.py).
        merged: merged ranges as (first_row, first_col, last_row, last_col), 0-based inclusive.
        hidden: True for a hidden sheet.
        hidden_rows, hidden_cols: 0-based indexes of hidden rows and columns (xlsx only).
    """

    name: str
    rows: list[list[Any]]
    missing: dict[tuple[int, int], str] = field(default_factory=dict)
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    hidden: bool = False
    hidden_rows: set[int] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


@dataclass
class Workbook:
    """The sheets of one file and its kind ("xlsx", "xls", "ods", "csv")."""

    kind: str
    sheets: list[Sheet]
    notes: list[str] = field(default_factory=list)


def column_letter(n: int) -> str:
    """Spreadsheet column letters of a 1-based column number (1 -> "A", 27 -> "AA", 16384 -> "XFD").

    Raises ValueError outside 1..18278 ("ZZZ"), as openpyxl's ``get_column_letter`` does (the
    importer does not load openpyxl for this)."""
    if not 1 <= n <= 18278:
        raise ValueError(f"Invalid column index {n}")
    out = ""
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def column_number(letters: str) -> int:
    """1-based column number of spreadsheet column letters ("A" -> 1, "xfd" -> 16384).

    Raises ValueError for anything but one to three letters."""
    if not (1 <= len(letters) <= 3 and letters.isascii() and letters.isalpha()):
        raise ValueError(f"{letters!r} is not a valid column name")
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def refused(name: str, what: str, code: str) -> ImportRefused:
    """An ImportRefused for a file-level problem, with the sentence naming the file."""
    return ImportRefused(f"Berkas {name}: {what} Tidak ada yang disimpan.", code)


def cell_twice(name: str, ref: str, sheet: str) -> ImportRefused:
    """The refusal ("damaged") of a sheet giving cell ``ref`` twice: a reader keeps one copy
    silently, and which figure was meant cannot be known."""
    return refused(name, f"sel {ref} ada dua kali di lembar {sheet}, mungkin dengan angka berbeda; berkas spreadsheet "
                         "yang utuh menyimpan tiap sel sekali, dan tidak jelas angka mana yang dimaksud. Buka berkas di "
                         "program lembar kerja, simpan ulang, lalu impor lagi.", "damaged")


def foreign_markup(name: str, where: str, what: str) -> ImportRefused:
    """The refusal ("foreign_markup") of a part holding markup calamine reads otherwise than a
    spreadsheet program (:func:`recap_app.core.importer.namespaces.check_part`): the figure a
    clerk sees could differ from the one read."""
    return refused(name, f"{where} memuat {what}. Program lembar kerja tidak membacanya seperti pembaca berkas ini, "
                         "sehingga angka yang tampak di layar bisa berbeda dari yang dibaca; tidak ada program lembar "
                         "kerja yang menulisnya. Buka berkas di program lembar kerja, simpan ulang, lalu impor lagi.",
                   "foreign_markup")


def too_large(name: str, size: int) -> ImportRefused:
    """The refusal of a file of ``size`` bytes, larger than :data:`MAX_FILE_BYTES`."""
    return refused(name, f"ukuran {_dots(size)} bita melebihi batas {_dots(MAX_FILE_BYTES)} bita untuk satu "
                         "sertifikat; berkas ini tidak mungkin satu sertifikat DB1.", "too_large")


def read_workbook(name: str, data: bytes) -> Workbook:
    """Read every sheet of a spreadsheet file.

    Args:
        name: the file's name (used in messages and to recognise CSV).
        data: the file's bytes.
    Returns:
        Workbook with one Sheet per worksheet.
    Raises:
        ImportRefused: empty, too large (> MAX_FILE_BYTES), encrypted, damaged, or not a
            spreadsheet (codes "empty", "too_large", "encrypted", "damaged", "not_spreadsheet").
    """
    if not data:
        raise refused(name, "berkas kosong (0 bita); diharapkan lembar kerja xlsx, xls, ods atau csv.", "empty")
    if len(data) > MAX_FILE_BYTES:
        raise too_large(name, len(data))
    if data.startswith(OLE_MAGIC):
        if "EncryptionInfo".encode("utf-16-le") in data or b"EncryptedPackage" in data \
                or "EncryptedPackage".encode("utf-16-le") in data:
            raise refused(name, ENCRYPTED, "encrypted")
        if zipfile.is_zipfile(io.BytesIO(data)):  # calamine, finding no workbook, would read the archive too
            raise refused(name, AMBIGUOUS, "damaged")
        errors: dict[str, dict[tuple[int, int], CellError]] = {}
        extents: dict[str, tuple[int, int]] = {}
        twice: dict[str, tuple[int, int]] = {}
        formulas = _xls_formulas(data, errors, extents, twice)
        for sname, (r, c) in twice.items():
            raise cell_twice(name, f"{column_letter(c + 1)}{r + 1}", sname)
        for sname, (rows, cols) in extents.items():  # before calamine allocates the grid
            _check_extent(name, sname, rows, cols, f"{column_letter(max(cols, 1))}{rows}")
        sheets = _calamine(name, data, "xls")
        _put_errors(sheets, errors, name)
        _mark_missing(sheets, formulas)
        return Workbook("xls", sheets)
    if data.startswith(ZIP_MAGIC):
        try:
            zf = _Archive(name, data)
            names = set(zf.namelist())
            total = sum(i.file_size for i in zf.infolist())
        except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError) as exc:
            raise refused(name, f"arsip rusak atau terpotong ({exc}); diharapkan berkas xlsx/ods utuh.",
                          "damaged") from exc
        if total > MAX_UNZIPPED_BYTES:
            raise refused(name, f"isi arsip {_dots(total)} bita setelah dibuka melebihi batas "
                                f"{_dots(MAX_UNZIPPED_BYTES)} bita.", "too_large")
        zf.inflate_all()  # every member opens to exactly the size it declares, before any reader sees it
        # calamine picks the format by trying each in turn: whatever it may read is measured
        # first, so an archive that could be read as another format than the one it says is refused
        lowered = {n.lower() for n in names}
        if "xl/workbook.bin" in lowered or any(n.startswith("xl/worksheets/") and n.endswith(".bin") for n in lowered):
            raise refused(name, "buku kerja biner Excel (xlsb) tidak dibaca; diharapkan xlsx, xls, ods atau csv. "
                                "Buka berkas di program lembar kerja, simpan sebagai xlsx, lalu impor lagi.",
                          "not_spreadsheet")
        if "xl/workbook.xml" in lowered and ("content.xml" in lowered or "mimetype" in lowered):
            raise refused(name, AMBIGUOUS, "damaged")
        if "[Content_Types].xml" in names and any(n.startswith("xl/") for n in names):
            errors = {}
            marked = False  # a formula or a hidden row/column seen by the same pass (the XML is read once)
            parts = _xlsx_worksheets(name, zf)
            named: dict[str, str] = {}  # the sheets' names, read from the workbook only when a message needs them

            def sheet_of(part: str) -> str:
                if not named:
                    named.update(_xlsx_sheet_parts(zf, parts))
                return named[part]

            empty_texts: dict[str, set[tuple[int, int]]] = {}  # formula cells whose saved result is an empty text
            for member in sorted(names):  # the shared texts (a figure may be one), wherever they lie
                if member.endswith(".xml") and namespaces.is_shared_texts(_zip_read(name, zf, member)):
                    odd = namespaces.check_part(_zip_read(name, zf, member), shared=True)
                    if odd:
                        raise foreign_markup(name, f"bagian teks bersama {member}", odd)
            for part in parts:
                rows, cols, last, found, seen = _xlsx_extent(name, zf, part, lambda part=part: sheet_of(part),
                                                             empty_texts.setdefault(part, set()))
                marked = marked or seen
                _check_extent(name, lambda part=part: sheet_of(part), rows, cols, last)
                if found:
                    errors[part] = found
            return Workbook("xlsx", _xlsx(name, data, zf, errors, marked, sheet_of, empty_texts))
        if "mimetype" in names and b"spreadsheet" in _zip_read(name, zf, "mimetype"):
            errors = {}
            spans: dict[str, list[tuple[int, int, int, int]]] = {}
            if "content.xml" in names:
                for sname, (rows, cols, last, errors[sname]) in _ods_extents(name, zf, spans).items():
                    _check_extent(name, sname, rows, cols, last)
            sheets = _calamine(name, data, "ods")
            for sheet in sheets:
                if not sheet.merged:
                    sheet.merged = spans.get(sheet.name, [])
            _put_errors(sheets, errors, name)
            with_result: dict[str, dict[tuple[int, int], str]] = {}
            _mark_missing(sheets, _ods_formulas(name, zf, with_result), with_result)
            _check_literal_texts(name, sheets)
            return Workbook("ods", sheets)
        raise refused(name, "arsip zip ini bukan lembar kerja (bukan xlsx atau ods).", "not_spreadsheet")
    if name.lower().endswith((".csv", ".txt")):
        return _csv(name, data)
    raise refused(name, "bukan lembar kerja yang dikenal; diharapkan xlsx, xls, ods atau csv.", "not_spreadsheet")


class _Archive(zipfile.ZipFile):
    """A spreadsheet's zip archive whose members are inflated once each, here, and checked to open
    to exactly the size and CRC-32 its directory declares (APPNOTE.TXT 4.3.7, 4.4.4-4.4.9).

    The 200 MB limit on what the archive opens to (:data:`MAX_UNZIPPED_BYTES`) adds the declared
    sizes; a member that declares 13 KB and inflates to 1.5 GB would pass it, and zipfile's own
    ``read()`` inflates it whole before its CRC check fails (2 GB of memory for a 1.5 MB file),
    as calamine's reader would. Here each member is inflated with zlib up to its declared size
    plus one byte: more is refused ("too_large"), less or another CRC-32 is "damaged". ``read``
    then answers from the inflated members (worksheets, the sheet list, content.xml), so the
    archive is inflated once.
    """

    def __init__(self, name: str, data: bytes):
        super().__init__(io.BytesIO(data))
        self._file, self._data, self._inflated = name, data, {}

    def inflate_all(self) -> None:
        """Inflate and check every member (raises ImportRefused "too_large" or "damaged")."""
        for info in self.infolist():
            if not info.is_dir():
                self._inflated[info.filename] = self._inflate(info)

    def read(self, name, pwd=None) -> bytes:
        """The member's bytes, inflated and checked once (zipfile's own read before inflate_all)."""
        key = name.filename if isinstance(name, zipfile.ZipInfo) else name
        if key in self._inflated:
            return self._inflated[key]
        return super().read(name, pwd)

    def _inflate(self, info: zipfile.ZipInfo) -> bytes:
        import struct

        name, where = self._file, f"anggota arsip {info.filename!r}"
        if info.flag_bits & 0x1:
            raise refused(name, f"{where} dienkripsi; simpan ulang tanpa kata sandi.", "encrypted")
        head = self._data[info.header_offset:info.header_offset + 30]
        if len(head) < 30 or head[:4] != ZIP_MAGIC:
            raise refused(name, f"{where} tidak ditemukan di tempat yang dicatat arsip; berkas rusak atau terpotong.",
                          "damaged")
        start = info.header_offset + 30 + sum(struct.unpack("<HH", head[26:30]))
        raw = self._data[start:start + info.compress_size]
        if info.compress_type == zipfile.ZIP_STORED:
            out = raw
        elif info.compress_type == zipfile.ZIP_DEFLATED:
            inflater = zlib.decompressobj(-15)
            try:
                out = inflater.decompress(raw, info.file_size + 1)
            except zlib.error as exc:
                raise refused(name, f"{where} rusak ({exc}).", "damaged") from exc
            if len(out) > info.file_size or (not inflater.eof and inflater.unconsumed_tail):
                raise refused(name, f"{where} mengembang melebihi {_dots(info.file_size)} bita yang dicatat arsip "
                                    "(isi disembunyikan dari batas ukuran, seperti bom zip).", "too_large")
            if not inflater.eof:
                raise refused(name, f"{where} terpotong (data padatnya tidak berakhir); berkas rusak.", "damaged")
        else:
            raise refused(name, f"{where} dipadatkan dengan cara yang tidak dibaca (metode {info.compress_type}); "
                                "simpan ulang sebagai xlsx atau ods biasa.", "not_spreadsheet")
        if len(out) != info.file_size or zlib.crc32(out) != info.CRC:
            raise refused(name, f"{where} terpotong atau isinya tidak cocok dengan CRC-32-nya; berkas rusak.", "damaged")
        return out


#: a file that two readers would take for two different formats
AMBIGUOUS = ("berkas ini sekaligus memuat bagian dua format lembar kerja yang berbeda (xls, xlsx, ods), sehingga "
             "tidak jelas isi mana yang dibaca; berkas tampak rusak atau dibuat-buat. Buka berkas di program lembar "
             "kerja, simpan ulang, lalu impor lagi.")


def _check_extent(name: str, sheet: str | Callable[[], str], rows: int, cols: int, last: str) -> None:
    """Refuse a sheet whose used area (1-based last row and column holding a cell) exceeds
    :data:`MAX_CELLS` or Excel's limits. Called BEFORE calamine loads the sheet: calamine allocates
    the whole rectangle up to the last cell, and one cell at XFD1048576 makes it request 512 GiB
    and abort the process (a Rust allocation failure cannot be caught). ``sheet``: its name, or a
    callable giving it (asked only for the message)."""
    if rows * cols > MAX_CELLS or rows > MAX_SHEET_ROWS or cols > MAX_SHEET_COLS:
        sheet = sheet() if callable(sheet) else sheet
        raise refused(name, f"lembar {sheet} memakai sel sampai {last} ({_dots(rows)} baris x {_dots(cols)} kolom "
                            f"= {_dots(rows * cols)} sel), melebihi batas {_dots(MAX_CELLS)} sel; sertifikat DB1 "
                            "hanya sekitar 60 x 40 sel. Hapus isi di luar tabel, simpan, lalu impor lagi.",
                      "too_large")


_dots = number


def _xlsx_worksheets(name: str, zf: zipfile.ZipFile) -> list[str]:
    """The zip members that calamine may read as worksheets, in the archive's order: every
    ``xl/worksheets/*.xml``, and any other member holding ``sheetData`` (the workbook's
    relationships may point a sheet anywhere in the archive, and every sheet calamine reads must
    be measured before it allocates its grid)."""
    parts = []
    for n in zf.namelist():
        if n.startswith("xl/worksheets/") and n.endswith(".xml"):
            parts.append(n)
        elif not n.endswith("/") and b"sheetData" in _zip_read(name, zf, n):
            parts.append(n)
    return parts


def _xlsx_sheet_parts(zf: zipfile.ZipFile, parts: list[str]) -> dict[str, str]:
    """{worksheet member: the name of the first of the workbook's sheets that is it, for messages}
    for ``parts``, as the workbook's sheet list and its relationships say (a relative target from
    ``xl/``, an absolute one from the archive's root); the member's own path when no sheet names
    it or the sheet list cannot be read (damaged, or refused by defusedxml: a DTD or entities).
    Only messages use it: error cells are placed by their grid (:func:`_place_errors`)."""
    import posixpath

    found: dict[str, str] = {p: p for p in parts}
    try:
        from defusedxml.ElementTree import fromstring

        ns_main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
        ns_r = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
        rels = {r.get("Id"): r.get("Target", "") for r in fromstring(zf.read("xl/_rels/workbook.xml.rels"))}
        for sh in fromstring(zf.read("xl/workbook.xml")).iter(f"{ns_main}sheet"):
            target = rels.get(sh.get(ns_r), "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
            path = posixpath.normpath(path)
            if found.get(path) == path and sh.get("name"):
                found[path] = sh.get("name")
    except Exception:  # noqa: BLE001 - names are only for the messages
        return {p: p for p in parts}
    return found


#: a cell's opening tag (any prefix); a plain one as Excel, LibreOffice and openpyxl write it: its
#: reference first (1-3 column letters, a row number), then plain attributes, none of them another r;
#: its third group is how the tag ends: "/>" or ">" and at once "</c>" for a cell that holds nothing
#: (``<c r="Z3000" s="1"/>``, as a formatted empty cell is written), ">" for one an element follows
_CELL_TAG = re.compile(rb"<" + _PREFIX + rb"c(?=[\s/>])")
_CELL_REF = re.compile(rb"<c r=\"([A-Za-z]{1,3})(\d+)\"(?: (?!r=)[A-Za-z]+=\"[^\"<>]*\")*\s*(/>|>\s*</c>|>)")
#: a plain cell tag as :data:`_CELL_TAG` finds it in a part without prefixes ("<c", then a blank, "/" or ">")
_PLAIN_CELL_TAG = re.compile(rb"<c[\s/>]")
#: a reference another cell's may equal once read as a spreadsheet program reads it: a lower-case
#: column letter ("d11" is D11) or a row number with a leading zero ("D011" is D11)
_ODD_REF = re.compile(rb"<c r=\"(?:[A-Za-z]{0,2}[a-z]|[A-Za-z]{1,3}0)")


def _ref_of(attrs: bytes) -> tuple[bytes, bytes] | None:
    """(column letters, row digits) of a tag's ``r`` attribute, read attribute by attribute (an
    ``r=`` inside another attribute's value is not it); with several ``r`` (not XML, but a reader
    may take any of them) the farthest column and row; None without one of that shape."""
    found = [v.group(1, 2) for m in _ATTR.finditer(attrs) if m.group(1) == b"r"
             and (v := _REF_VALUE.fullmatch(m.group(2) if m.group(2) is not None else m.group(3)))]
    if not found:
        return None
    if len(found) == 1:
        return found[0]
    letters = max((x for x, _ in found), key=lambda x: (len(x), x.upper()))
    digits = max((d for _, d in found), key=lambda d: int(d) if d else -1)
    return letters, digits


def has_error_cell(xml: bytes) -> bool:
    """Whether a cell of the part is typed as an error (``t="e"``, :data:`_ERROR_TYPE`); the pattern
    is looked for only where a quote followed by an ``e`` is written at all."""
    return (b'"e' in xml or b"'e" in xml) and _ERROR_TYPE.search(xml) is not None


def has_formula_or_hidden(xml: bytes) -> bool:
    """Whether the part holds a formula (``<f>``, any prefix) or a hidden row or column
    (:data:`_FORMULA_TAG`, :data:`_HIDDEN_TAG`); the formula pattern is looked for only where
    ``<f`` or ``:f`` is written at all."""
    return bool(((b"<f" in xml or b":f" in xml) and _FORMULA_TAG.search(xml)) or _HIDDEN_TAG.search(xml))


def _quick_extent(xml: bytes) -> tuple[int, int] | None:
    """(last row, last column) of the cells holding something in a whole worksheet part in which
    every cell carries its own reference and nothing is an error cell (what Excel, LibreOffice and
    openpyxl write): the same answer as :func:`_xlsx_extent`'s scan, from a few regular-expression
    passes instead of a Python step per cell. None for anything else (the full scan decides)."""
    plain = b":c" not in xml and b":v" not in xml  # no cell or value tag with a namespace prefix
    if has_error_cell(xml) or (_PLAIN_DOUBLE_V if plain else _DOUBLE_V).search(xml):
        return None
    if b"</" in xml and (_PLAIN_DOUBLE_IS if plain and b":is" not in xml else _DOUBLE_IS).search(xml):
        return None  # two inline texts in one cell: the scan names it
    if odd_value(xml, plain):
        return None  # a value written with markup, a character reference or blanks: the scan decides, cell by cell
    refs = _CELL_REF.findall(xml)  # (column letters, row digits, how the tag ends) of every cell
    if len(refs) != len((_PLAIN_CELL_TAG if plain else _CELL_TAG).findall(xml)):
        return None
    if not refs:
        return 0, 0
    written = {(letters, digits) for letters, digits, _end in refs}
    if len(written) != len(refs) or (_ODD_REF.search(xml) and len(
            {(letters.upper(), int(digits)) for letters, digits in written}) != len(refs)):
        return None  # a cell given twice ("D11" and "d11" or "D011" too): the full scan names it
    # a cell closed at once (``/>``, or ``></c>``) holds nothing: formatted empty cells do not widen the used area
    filled = [(letters, digits) for letters, digits, end in refs if end == b">"]
    if not filled:
        return 0, 0
    last_row = max(map(int, {digits for _letters, digits in filled}))
    last_col = max(column_number(letters.decode().upper()) for letters in {letters for letters, _ in filled})
    return last_row, last_col


def _xlsx_extent(name: str, zf: zipfile.ZipFile, part: str, sheet: str | Callable[[], str] | None = None,
                 empty_texts: set[tuple[int, int]] | None = None) -> tuple[int, int, str, dict, bool]:
    """(last row, last column, reference of the farthest cell, error cells, marked) of a worksheet part;
    ``marked``: the part holds a formula (``<f>``) or a hidden row or column, for which the reader
    looks further with openpyxl (found in the same reading, so the XML is decompressed once).

    The part is read whole (the archive's unpacked size is bounded before this, and calamine reads
    it whole too); a part whose every cell carries its reference is measured by pattern passes
    (:func:`_quick_extent`), anything else cell by cell, following Excel's rule for cells and rows
    without an ``r`` attribute (next column / next row). The ``<dimension>`` element is not used:
    calamine sizes its grid from the cells, and a stale or exaggerated dimension is harmless. Only
    cells holding an element (a value, an inline text, a formula) count: calamine leaves a cell
    without one out of its grid, and a clerk who formats a block far below the table writes
    thousands of such empty cells (``<c r="Z3000" s="1"/>``), which must not make the sheet "too
    large". Error
    cells (``<c t="e">``, also a formula whose saved result is an error) come back as {(row, col)
    0-based: CellError}: calamine reads them as blank.

    ``sheet``: the sheet's name, for the messages (default: the part's path), or a callable giving
    it, asked only when the part is read cell by cell (the workbook's sheet list is then read too).
    ``empty_texts``: when given, filled with the formula cells whose saved result is an empty text
    (:func:`_empty_text_results`), found in the same reading of the part.

    Raises:
        ImportRefused: "damaged": the archive cannot be read; a cell given twice, holding two values,
            or a value written with markup or a character reference where a figure is (calamine
            would keep the last copy, or the first piece of the value, silently: no spreadsheet
            program writes that). "too_large": more cells than :data:`MAX_CELLS`.
    """
    sheet = sheet or part
    try:
        xml = zf.read(part)
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, KeyError) as exc:
        raise refused(name, f"arsip rusak ({exc}).", "damaged") from exc
    odd = namespaces.check_part(xml)
    if odd:
        raise foreign_markup(name, f"lembar {sheet() if callable(sheet) else sheet}", odd)
    marked = has_formula_or_hidden(xml)
    if empty_texts is not None and marked and b"<f" in xml:  # from the same reading of the part
        empty_texts.update(_empty_text_results(xml))
    quick = _quick_extent(xml)
    if quick is not None:
        (max_row, max_col), errors = quick, {}
    else:
        max_row, max_col, errors = _scan_cells(name, sheet() if callable(sheet) else sheet, xml)
    last = f"{column_letter(max(max_col, 1))}{max_row}" if max_col <= MAX_SHEET_COLS \
        else f"kolom {_dots(max_col)} baris {_dots(max_row)}"
    return max_row, max_col, last, errors, marked


def _scan_cells(name: str, sheet: str, xml: bytes) -> tuple[int, int, dict]:
    """(last row, last column, error cells) of a worksheet part, read tag by tag (see
    :func:`_xlsx_extent`); refuses a cell given twice and a cell whose value calamine would read
    otherwise than a spreadsheet program (:func:`_cell_body`)."""
    row = col = max_row = max_col = 0
    errors: dict[tuple[int, int], CellError] = {}
    seen: set[int] = set()  # the cells met so far (row and column in one number), for a cell given twice
    open_cell: tuple[int, int, bytes, int] | None = None  # (row, col, attributes, end of tag) of a cell with a body
    for m in _XLSX_TAG.finditer(xml):
        if open_cell is not None:
            if _cell_body(name, sheet, xml, open_cell, m.start(), errors):
                max_row, max_col = max(max_row, open_cell[0]), max(max_col, open_cell[1])
            open_cell = None
        attrs = m.group(2)
        ref = _ref_of(attrs)
        if m.group(1) == b"row":
            row = int(ref[1]) if ref and ref[1] else row + 1
            col = 0
            continue
        if ref and ref[0]:
            letters = ref[0].decode().upper()
            col = column_number(letters) if len(letters) <= 3 else MAX_SHEET_COLS + 1
            if ref[1]:
                row = int(ref[1])
        else:
            col += 1
        here = row * (MAX_SHEET_COLS + 2) + min(col, MAX_SHEET_COLS + 1)
        if here in seen:
            raise cell_twice(name, f"{column_letter(col) if col <= MAX_SHEET_COLS else col}{row}", sheet)
        seen.add(here)
        if len(seen) > MAX_CELLS:  # more distinct cells than the limit: the used area is larger still
            raise refused(name, f"lembar {sheet} memuat lebih dari {_dots(MAX_CELLS)} sel; sertifikat DB1 hanya "
                                "sekitar 60 x 40 sel. Hapus isi di luar tabel, simpan, lalu impor lagi.", "too_large")
        if not attrs.endswith(b"/"):  # a cell written <c .../> holds nothing: it does not widen the used area
            open_cell = (row, col, attrs, m.end())
    if open_cell is not None and _cell_body(name, sheet, xml, open_cell, len(xml), errors):
        max_row, max_col = max(max_row, open_cell[0]), max(max_col, open_cell[1])
    return max_row, max_col, errors


def _cell_body(name: str, sheet: str, xml: bytes, cell: tuple[int, int, bytes, int], end: int,
               errors: dict[tuple[int, int], CellError]) -> bool:
    """Check the body of one cell (from the end of its tag to its ``</c>``, at most to ``end``, the
    next cell or row) and note an error cell's value in ``errors``. Returns whether the body holds
    an element (a value, an inline text, a formula): a cell without one holds nothing.

    Refused ("damaged", naming the cell): two values; a value holding markup (a comment, CDATA,
    a processing instruction) or, but in a text cell (``t="str"``), a character reference:
    calamine reads only the first piece of such a value (``<v>2<!-- -->0975</v>`` is 2 to it,
    20975 to a spreadsheet program)."""
    row, col, attrs, start = cell
    close = _CELL_END.search(xml, start, end)
    stop = close.start() if close else end
    where = f"sel {column_letter(col) if 0 < col <= MAX_SHEET_COLS else col}{row} di lembar {sheet}"
    values = _V_OPEN.findall(xml, start, stop)
    if len(values) > 1 or len(_IS_OPEN.findall(xml, start, stop)) > 1:
        raise refused(name, f"{where} berisi dua nilai sekaligus; berkas spreadsheet yang utuh menyimpan satu nilai "
                            "per sel, dan tidak jelas angka mana yang dimaksud. Buka berkas di program lembar kerja, "
                            "simpan ulang, lalu impor lagi.", "damaged")
    v = _V_TAG.search(xml, start, stop) if values else None
    if v is not None and not v.group(1):  # a value with content: up to the next tag, which must close it
        lt = xml.find(b"<", v.end(), stop)
        text = xml[v.end():lt if lt >= 0 else stop]
        if lt < 0 or not _V_CLOSE.match(xml, lt):
            raise refused(name, f"{where} berisi nilai yang ditulis dengan markah di dalamnya (komentar, CDATA atau "
                                "tag lain); program lembar kerja dan pembaca berkas ini bisa membacanya berbeda. Buka "
                                "berkas di program lembar kerja, simpan ulang, lalu impor lagi.", "damaged")
        kind = next((m.group(2) if m.group(2) is not None else m.group(3) for m in _ATTR.finditer(attrs)
                     if m.group(1) == b"t"), b"n")
        if text != text.strip() and kind != b"str":
            raise refused(name, f"{where} berisi angka dengan spasi atau baris baru di sekelilingnya "
                                f"(\"{short(text.decode('utf-8', 'replace'))}\"); program lembar kerja membacanya "
                                "sebagai angka, pembaca berkas ini tidak. Buka berkas di program lembar kerja, simpan "
                                "ulang, lalu impor lagi.", "damaged")
        if b"&" in text and kind != b"str":
            raise refused(name, f"{where} berisi nilai yang ditulis dengan kode karakter (\"{short(text.decode('utf-8', 'replace'))}\"); "
                                "angka ditulis dengan angka biasa, dan pembaca berkas ini membacanya berbeda dari "
                                "program lembar kerja. Buka berkas di program lembar kerja, simpan ulang, lalu impor "
                                "lagi.", "damaged")
    if _ERROR_TYPE.search(attrs) and len(errors) < 10_000:
        body = xml[start:stop]
        ev, f = _V_ELEM.search(body), _F_ELEM.search(body)
        if ev is not None:
            from xml.sax.saxutils import unescape

            formula = unescape(f.group(1).decode("utf-8", "replace")) if f and f.group(1) else None
            shown = unescape(ev.group(1).decode("utf-8", "replace")).strip()
            if not ERROR_TEXT.match(shown):  # calamine would stop on it with its own English words
                raise refused(name, f"{where} bertanda galat, tetapi nilainya \"{short(shown) or 'kosong'}\" bukan "
                                    "galat lembar kerja (seperti #REF! atau #N/A). Buka berkas di program lembar "
                                    "kerja, simpan ulang, lalu impor lagi.", "damaged")
            errors[(row - 1, col - 1)] = CellError(shown, None if formula is None else "=" + formula)
    return xml.find(b"<", start, stop) >= 0


def _ods_extents(name: str, zf: zipfile.ZipFile,
                 merged: dict[str, list[tuple[int, int, int, int]]] | None = None) -> dict[str, tuple[int, int, str, dict]]:
    """{table name: (last row, last column, reference, error cells)} of the cells holding something
    in an .ods; error cells (LibreOffice ``calcext:value-type="error"``, or a formula cell showing
    "#DIV/0!", "Err:502"...) as {(row, col) 0-based: CellError}: calamine reads them as blank.

    Repeated rows/columns (``table:number-rows-repeated``, ``table:number-columns-repeated``) count
    in full when they hold a value or text: calamine expands them. Empty repeats (LibreOffice writes
    one over the rest of every sheet) do not count. Parsed as a stream (defusedxml iterparse).
    ``merged``, when given, gets each table's merged ranges (``table:number-columns-spanned``,
    ``table:number-rows-spanned``) as :attr:`Sheet.merged` holds them (at most 10.000 a table)."""
    from defusedxml.ElementTree import iterparse

    t = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
    value_type = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}value-type"
    office_value = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}value"
    calc_type = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}value-type"
    out: dict[str, tuple[int, int, str, dict]] = {}
    errors: dict[tuple[int, int], CellError] = {}
    table = ""
    r = c = nrows = max_r = max_c = 0
    row_has = False
    stack: list[str] = []  # the open elements, for where a row or a cell stands
    in_cell = free = 0  # depth of the open cell, and of a comment or drawing in it (0: none)
    rows_in, cells_in = ODS_ROW_PARENTS, f"{t}table-row"
    try:
        with io.BytesIO(zf.read("content.xml")) as fh:
            for event, el in iterparse(fh, events=("start", "end", "start-ns")):
                if event == "start-ns":
                    _ods_declaration(name, table, el, bool(stack))
                    continue
                tag = el.tag
                if event == "start":
                    parent = stack[-1] if stack else ""
                    stack.append(tag)
                    if in_cell and not free and tag not in ODS_CELL_CONTENT:
                        if tag in ODS_FREE or tag.startswith(ODS_DRAW):
                            free = len(stack)  # a comment or a drawing anchored in the cell: not its value
                        else:
                            raise foreign_markup(name, f"lembar {table}", f"{_ods_name(tag)} di dalam sel "
                                                 f"{column_letter(c + 1)}{r + 1}; isi sel ods hanya paragraf teks "
                                                 "(text:p dan bagiannya), catatan dan gambar")
                    if (tag == f"{t}table-row" and parent not in rows_in) or (
                            tag in ODS_CELLS and parent != cells_in):
                        raise foreign_markup(name, f"lembar {table}", f"{_ods_name(tag)} di dalam {_ods_name(parent)}; "
                                             "baris dan sel ods hanya berada di dalam tabel dan barisnya")
                    if tag in ODS_CELLS:
                        in_cell = len(stack)
                    if tag == f"{t}table":
                        table, r, max_r, max_c, errors = el.get(f"{t}name", ""), 0, 0, 0, {}
                    elif tag == f"{t}table-row":
                        nrows, c, row_has = int(el.get(f"{t}number-rows-repeated", "1")), 0, False
                    continue
                if free == len(stack):
                    free = 0
                if in_cell == len(stack):
                    in_cell = 0
                stack.pop()
                if tag in (f"{t}table-cell", f"{t}covered-table-cell"):
                    stray = _ods_stray_text(el) if len(el) or (el.text or "").strip() else ""
                    if stray:
                        raise foreign_markup(name, f"lembar {table}", f"teks \"{short(stray)}\" di sel "
                                             f"{column_letter(c + 1)}{r + 1} di luar paragrafnya (dalam gambar, "
                                             "catatan atau langsung di sel): program lembar kerja tidak "
                                             "menampilkannya, pembaca berkas ini menggabungkannya dengan angka sel")
                    ncols = int(el.get(f"{t}number-columns-repeated", "1"))
                    span = (int(el.get(f"{t}number-rows-spanned", "1")), int(el.get(f"{t}number-columns-spanned", "1")))
                    if merged is not None and span != (1, 1) and len(merged.setdefault(table, [])) < 10_000:
                        merged[table].append((r, c, r + span[0] - 1, c + span[1] - 1))
                    if el.get(value_type) == "string" and el.get(office_value) is not None:
                        # ODF: a string cell's content is its paragraphs (office:value is for numeric types); LibreOffice shows them, while
                        # calamine reads office:value: no program writes both, and they may differ
                        raise refused(name, f"sel {column_letter(c + 1)}{r + 1} di lembar {table} bertipe teks "
                                            f"(menampilkan \"{short(''.join(el.itertext()).strip())}\") tetapi membawa "
                                            f"nilai angka tersembunyi {short(el.get(office_value))}; berkas ods dibuat-buat "
                                            "atau rusak. Buka di program lembar kerja, simpan ulang, lalu impor lagi.",
                                      "damaged")
                    kind = el.get(value_type)
                    numeric = kind in ("float", "percentage", "currency")
                    if kind not in ODS_TYPES or (numeric and not NUMBER_TEXT.fullmatch(el.get(office_value) or "")) or (
                            not numeric and kind not in (None, "string") and el.get(office_value) is not None):
                        _odd_ods_cell(name, table, r, c, el, kind, office_value)
                    other = [a for a in el.attrib if a in ODS_VALUES and a != ODS_VALUE_OF.get(kind, "")]
                    if other:  # calamine takes the first value attribute, LibreOffice the one of the cell's type
                        raise refused(name, f"sel {column_letter(c + 1)}{r + 1} di lembar {table} bertipe "
                                            f"{kind or '(tanpa jenis)'} tetapi membawa juga "
                                            f"{_ods_name(other[0])}=\"{short(el.get(other[0]))}\"; program lembar "
                                            "kerja menampilkan nilai jenisnya, pembaca berkas ini bisa membaca yang "
                                            "lain. Buka di program lembar kerja, simpan ulang, lalu impor lagi.",
                                      "damaged")
                    if kind is not None or len(el):
                        max_c, row_has = max(max_c, c + ncols), True
                        formula = el.get(f"{t}formula")
                        if (formula or el.get(calc_type) == "error") and len(errors) < 10_000:
                            text = "".join(el.itertext()).strip()
                            if el.get(calc_type) == "error" or ERROR_TEXT.match(text):
                                shown = formula.split(":", 1)[1] if formula and formula.startswith("of:") else formula
                                errors[(r, c)] = CellError(text or "galat", shown)
                    c += ncols
                    el.clear()
                elif tag == f"{t}table-row":
                    if row_has:
                        max_r = r + nrows
                    r += nrows
                    el.clear()
                elif tag == f"{t}table":
                    col = column_letter(max_c) if 0 < max_c <= MAX_SHEET_COLS else f"kolom {max_c}"
                    out[table] = (max_r, max_c, f"{col}{max_r}", errors)
                    el.clear()
    except ImportRefused:
        raise
    except Exception as exc:  # damaged XML or a bad repeat count
        raise refused(name, f"isi berkas ods rusak ({type(exc).__name__}: {exc}).", "damaged") from exc
    return out


#: the namespaces whose prefixes calamine reads .ods by, spelled as it spells them (ODF 1.2 part 1, 1.5:
#: calamine matches "table:table-cell", "office:value", "text:p" letter for letter, LibreOffice by namespace)
ODS_PREFIXES = {"urn:oasis:names:tc:opendocument:xmlns:table:1.0": "table",
                "urn:oasis:names:tc:opendocument:xmlns:office:1.0": "office",
                "urn:oasis:names:tc:opendocument:xmlns:text:1.0": "text"}
_ODS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
#: where a table:table-row may stand (ODF 1.2 part 1, 9.1.2-9.1.9), and the cells of a row
ODS_ROW_PARENTS = frozenset(f"{_ODS_TABLE}{n}" for n in ("table", "table-row-group", "table-header-rows",
                                                         "table-rows"))
ODS_CELLS = frozenset(f"{_ODS_TABLE}{n}" for n in ("table-cell", "covered-table-cell"))
_ODS_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_ODS_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
#: what a cell's value may be written with (ODF 1.2 part 1, 6.1 paragraphs and their spans, spaces,
#: tabs, line breaks, links, bookmarks): LibreOffice shows it as calamine reads it. A heading, a list,
#: a ruby, a note or a table inside a cell is shown otherwise (or not at all) than calamine reads it.
#: every value attribute of a cell, and the one of each value type (ODF 1.2 part 1, 19.385-19.389)
ODS_VALUES = frozenset(f"{_ODS_OFFICE}{n}" for n in ("value", "string-value", "boolean-value", "date-value",
                                                      "time-value"))
ODS_VALUE_OF = {**{t: f"{_ODS_OFFICE}value" for t in ("float", "percentage", "currency")},
                "string": f"{_ODS_OFFICE}string-value", "boolean": f"{_ODS_OFFICE}boolean-value",
                "date": f"{_ODS_OFFICE}date-value", "time": f"{_ODS_OFFICE}time-value"}
ODS_CELL_CONTENT = frozenset(f"{_ODS_TEXT}{n}" for n in (
    "p", "span", "s", "tab", "line-break", "a", "soft-page-break", "bookmark", "bookmark-start", "bookmark-end"))
#: a comment on the cell, and drawings anchored in it: not the cell's value, read by neither
ODS_FREE = frozenset({f"{_ODS_OFFICE}annotation", f"{_ODS_OFFICE}annotation-end"})
ODS_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"


_SVG = "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}"
_ODS_P = f"{_ODS_TEXT}p"
_ODS_ANNOTATION = f"{_ODS_OFFICE}annotation"


def _ods_stray_text(cell) -> str:
    """Text in an .ods cell that LibreOffice does not show as the cell's and calamine reads with it
    (the first such text, "" when none): text directly in the cell or between its elements; text
    written directly in a drawing element (a drawing's text is in its text box's paragraphs); a
    drawing's description or title that reads as a figure; a comment inside a comment, and text in
    a comment's end mark (calamine stops skipping a comment at the first end tag)."""
    pieces = [cell.text]
    for child in cell:
        pieces.append(child.tail)
        if child.tag == _ODS_P:
            continue
        if child.tag == _ODS_ANNOTATION:
            if any(d.tag in (_ODS_ANNOTATION, f"{_ODS_OFFICE}annotation-end") for d in child.iter() if d is not child):
                return "office:annotation di dalam catatan"
            continue
        for d in child.iter():
            inside_p = d.tag == _ODS_P or d.tag.startswith(_ODS_TEXT)
            if d.tag in (f"{_SVG}desc", f"{_SVG}title"):
                if FIGURE_LIKE.fullmatch((d.text or "").strip()):
                    return (d.text or "").strip()
                continue
            if not inside_p and (d.text or "").strip():
                return d.text.strip()
            if d is not child and not inside_p and (d.tail or "").strip():
                return d.tail.strip()
    return next((x.strip() for x in pieces if x and x.strip()), "")


def _ods_name(tag: str) -> str:
    """An element's name for a message, as an .ods writes it ("table:table-row"; another namespace
    in braces)."""
    uri, _, local = tag[1:].partition("}") if tag.startswith("{") else ("", "", tag)
    prefix = ODS_PREFIXES.get(uri)
    return f"{prefix}:{local}" if prefix else (f"{{{uri}}}{local}" if uri else local or "akar dokumen")


def _ods_declaration(name: str, table: str, declared: tuple[str, str], inside: bool) -> None:
    """Refuse ("foreign_markup") a namespace declaration of content.xml that makes calamine and a
    spreadsheet program read its cells differently: any declaration inside a table (a rebound
    ``table:`` prefix on a cell: LibreOffice skips the cell, calamine reads it), and, on the root,
    the table, office or text namespace under another prefix (LibreOffice reads those cells,
    calamine does not) or those prefixes bound elsewhere."""
    prefix, uri = declared
    if inside and table:
        raise foreign_markup(name, f"lembar {table}", f"deklarasi namespace xmlns:{prefix}=\"{short(uri)}\" di dalam tabel")
    wanted = ODS_PREFIXES.get(uri)
    if (wanted is not None and prefix != wanted) or (prefix in ODS_PREFIXES.values() and wanted != prefix):
        raise foreign_markup(name, "content.xml", f"awalan namespace {prefix or '(bawaan)'} untuk {short(uri)}; "
                             "berkas ods menulis table:, office: dan text: untuk namespace ODF-nya")


def _odd_ods_cell(name: str, table: str, r: int, c: int, el, kind: str | None, office_value: str) -> None:
    """Refuse ("damaged", naming the cell) an .ods cell that a spreadsheet program and calamine would
    read differently: a numeric type (float, percentage, currency) whose ``office:value`` is missing
    or no number (LibreOffice shows its paragraphs or nothing; calamine stops on it or reads blank),
    an unknown value type (calamine reads ``office:value``, LibreOffice the text), and a cell without
    a value type holding text (LibreOffice shows the text, calamine reads blank): a figure must
    never be stored as blank, nor as another figure, unseen (ODF 1.2 part 1, 19.385-19.387).
    A cell without a value type and without text is an empty cell: nothing to say."""
    paragraph = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}p"  # the cell's text; a comment (annotation) is not it
    shown = " ".join("".join(p.itertext()) for p in el if p.tag == paragraph).strip()
    where = f"sel {column_letter(c + 1)}{r + 1} di lembar {table}"
    if kind is None:
        if not FIGURE_LIKE.fullmatch(shown):
            return  # blank, or a note's words: an empty cell to calamine, no figure lost
        problem = f"menampilkan \"{short(shown)}\" tanpa jenis nilai (office:value-type)"
    elif kind in ODS_TYPES and kind not in ("float", "percentage", "currency"):
        problem = (f"bertipe {short(kind)} tetapi membawa nilai angka tersembunyi {short(el.get(office_value))} "
                   f"(menampilkan \"{short(shown)}\")")
    elif kind not in ODS_TYPES:
        problem = f"bertanda jenis nilai \"{short(kind)}\", yang bukan jenis nilai lembar kerja"
    elif el.get(office_value) is None:
        problem = f"bertanda angka tanpa nilai angka (office:value), menampilkan \"{short(shown)}\""
    elif el.get(office_value) != el.get(office_value).strip():
        problem = f"bertanda angka, tetapi nilainya \"{short(el.get(office_value))}\" ditulis dengan spasi di sekelilingnya"
    else:
        problem = f"bertanda angka, tetapi nilainya \"{short(el.get(office_value))}\" bukan angka"
    raise refused(name, f"{where} {problem}; program lembar kerja tidak menulis sel seperti itu, dan sel itu bisa terbaca "
                        "berbeda dari yang tampil. Buka berkas di program lembar kerja, periksa sel itu, simpan ulang, "
                        "lalu impor lagi.", "damaged")


def _zip_read(name: str, zf: zipfile.ZipFile, member: str) -> bytes:
    try:
        return zf.read(member)
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, KeyError) as exc:
        raise refused(name, f"arsip rusak ({exc}).", "damaged") from exc


def _clean(v: Any) -> Any:
    """A cell's value, the empty text as blank (None): what calamine and csv give an empty cell."""
    return None if v == "" else v


def _grid(sheet) -> list[list]:
    """A calamine sheet's rows, the empty text as blank (:func:`_clean`, written out: one call per cell is slow)."""
    return [[None if v == "" else v for v in r] for r in sheet.to_python(skip_empty_area=False)]


def _calamine(name: str, data: bytes, kind: str) -> list[Sheet]:
    import python_calamine as pc

    try:
        wb = pc.CalamineWorkbook.from_filelike(io.BytesIO(data))
        meta = {m.name: m for m in wb.sheets_metadata}
        sheets = []
        for sname in wb.sheet_names:
            sh = wb.get_sheet_by_name(sname)
            if sh.total_height * max(sh.total_width, 1) > MAX_CELLS:  # second line of defence
                raise refused(name, f"lembar {sname} berukuran {_dots(sh.total_height)} x {_dots(sh.total_width)} "
                                    f"sel, melebihi batas {_dots(MAX_CELLS)} sel.", "too_large")
            rows = _grid(sh)
            merged = [(a[0], a[1], b[0], b[1]) for a, b in (sh.merged_cell_ranges or [])]
            m = meta.get(sname)
            hidden = m is not None and str(m.visible).split(".")[-1] != "Visible"
            sheets.append(Sheet(sname, rows, merged=merged, hidden=hidden))
        return sheets
    except ImportRefused:
        raise
    except pc.PasswordError as exc:
        raise refused(name, ENCRYPTED, "encrypted") from exc
    except BaseException as exc:  # damaged content: several error types, or a Rust panic (pyo3 PanicException)
        if isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit)):
            raise
        if any(w in str(exc).lower() for w in ("password", "encrypt")):
            raise refused(name, ENCRYPTED, "encrypted") from exc
        raise refused(name, f"berkas {kind} rusak atau tidak dapat dibaca ({type(exc).__name__}: {exc}).",
                      "damaged") from exc


def _name_unread_error(name: str, exc: ImportRefused, errors: dict[str, dict[tuple[int, int], CellError]],
                       sheet_of: Callable[[str], str]) -> None:
    """Turn calamine's refusal of an error value it does not know (Excel 365's ``#SPILL!``,
    ``#CALC!``...: "Unsupported cell error value") into one naming the sheet and cell, found by the
    extent pass, as for ``#DIV/0!`` ("bad_number"); nothing when no such cell was found."""
    cause = str(exc.__cause__ or "")
    if "error value" not in cause.lower():
        return
    for part, cells in errors.items():
        for (r, c), value in sorted(cells.items()):
            if f"'{value}'" in cause or f'"{value}"' in cause:
                made = f" (hasil rumus \"{short(value.formula)}\")" if value.formula else ""
                raise refused(name, f"sel {column_letter(c + 1)}{r + 1} di lembar {sheet_of(part)} berisi galat "
                                    f"{value}{made}, nilai galat Excel 365 yang tidak dapat dibaca; diharapkan angka. "
                                    "Perbaiki rumus atau isi sel itu di program lembar kerja, simpan, lalu impor lagi.",
                              "bad_number") from exc


#: a figure as the file formats write it (xsd:double, which both xlsx ``<v>`` and ods ``office:value`` use),
#: and the words for "not a number" and infinity that calamine also reads (the figure check then refuses them)
NUMBER_TEXT = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|[+-]?(?:inf|infinity|nan)",
                         re.IGNORECASE | re.ASCII)  # ASCII digits only: "１２" (full width) is no number to calamine
#: the cell types of SpreadsheetML (ECMA-376 Part 1, 18.18.11 ST_CellType)
_XLSX_TYPES = frozenset({"n", "s", "str", "inlineStr", "b", "e", "d"})
#: the value types of ODF (office:value-type, ODF 1.2 part 1, 19.387)
ODS_TYPES = frozenset({"float", "percentage", "currency", "date", "time", "boolean", "string", "void"})
#: a shown text that a clerk reads as a figure ("1007", "1.007", "-", "1,5")
FIGURE_LIKE = re.compile(r"[\d.,\s\-+]*\d[\d.,\s\-+]*")
_SI = re.compile(rb"<(?:[\w.\-]+:)?si[\s/>]")


def _name_unreadable_cell(name: str, zf: zipfile.ZipFile, parts: list[str], sheet_of: Callable[[str], str],
                          exc: ImportRefused) -> None:
    """When calamine refused an xlsx as damaged, look for the cell that made it (a value its type
    does not allow: a number-typed cell holding "abc" or "0x10", a logical value other than 0 or 1,
    a shared text number the workbook does not have, an unknown cell type) and refuse naming that
    sheet and cell instead of quoting calamine's English; nothing when no such cell is found (the
    damage is elsewhere). Looked for only after calamine failed: a readable file costs nothing.

    Raises:
        ImportRefused ("damaged"): naming the first such cell (ECMA-376 Part 1, 18.3.1.4 ``c``).
    """
    from xml.sax.saxutils import unescape

    texts: int | None = None
    texts_at = ""
    for part in parts:
        try:
            xml = zf.read(part)
        except Exception:  # noqa: BLE001 - only a better message is looked for here
            continue
        if xml.count(b"</c>") < xml.count(b"<c ") // 2:
            continue  # cells left open: the pattern would scan to the end from each one (damaged anyway)
        for m in _ANY_CELL_WITH_BODY.finditer(xml):
            attrs = {a.group(1).decode("utf-8", "replace"): (a.group(2) if a.group(2) is not None else a.group(3)).decode("utf-8", "replace")
                     for a in _ATTR.finditer(m.group(1) or b"")}
            kind = attrs.get("t", "n")
            ref_m = _REF_VALUE.fullmatch(attrs.get("r", "").encode())
            v = _V_ELEM.search(m.group(2))
            text = unescape(v.group(1).decode("utf-8", "replace")) if v else ""
            if kind not in _XLSX_TYPES:
                problem = f"bertanda jenis \"{short(kind)}\", yang bukan jenis sel lembar kerja"
            elif kind == "n" and text and not NUMBER_TEXT.fullmatch(text):
                problem = f"bertanda angka, tetapi isinya \"{short(text)}\" bukan angka"
            elif kind == "b" and text not in ("", "0", "1"):
                problem = f"bertanda nilai logika (benar/salah), tetapi isinya \"{short(text)}\" bukan 0 atau 1"
            elif kind == "s":
                if texts is None:  # the shared-text part wherever the workbook put it (its root is <sst>)
                    texts = 0
                    for member in zf.namelist():
                        try:
                            xml_s = zf.read(member) if member.endswith(".xml") else b""
                        except Exception:  # noqa: BLE001 - no list of shared texts there
                            continue
                        if namespaces.is_shared_texts(xml_s):
                            texts, texts_at = len(_SI.findall(xml_s)), member
                            break
                if text.isascii() and text.isdecimal() and len(text) <= 9 and int(text) < texts:
                    continue
                problem = (f"menunjuk teks nomor \"{short(text)}\" dari daftar teks buku kerja, "
                           + (f"yang hanya memuat {texts} teks" if texts else "padahal daftar itu tidak ada atau kosong"))
            else:
                continue
            if ref_m and ref_m.group(1) and ref_m.group(2) and len(ref_m.group(2)) <= 7:
                where = f"sel {ref_m.group(1).decode().upper()}{int(ref_m.group(2))}"
            else:  # a cell without its reference: named by its place among the sheet's cells
                where = f"sel ke-{len(_PLAIN_CELL_TAG.findall(xml, 0, m.start())) + 1} (tanpa alamat)"
            raise refused(name, f"{where} di lembar {sheet_of(part)} {problem}; program lembar kerja tidak menulis "
                                "sel seperti itu, jadi berkas rusak atau dibuat-buat. Buka berkas di program lembar "
                                "kerja, periksa sel itu, simpan ulang, lalu impor lagi.", "damaged") from exc
    if texts_at and texts_at != "xl/sharedStrings.xml" and "shared string" in str(exc).lower():
        raise refused(name, f"daftar teks buku kerja disimpan di {texts_at}, bukan di xl/sharedStrings.xml tempat "
                            "program lembar kerja biasa menyimpannya dan pembaca berkas ini mencarinya; teks sel tidak "
                            "dapat dibaca. Buka berkas di program lembar kerja, simpan ulang, lalu impor lagi.",
                      "damaged") from exc


def _put_errors(sheets: list[Sheet], errors: dict[str, dict[tuple[int, int], CellError]], name: str = "") -> None:
    """Put error values into the grids (calamine reads "#REF!" as blank, or as the number hidden in it).

    Raises:
        ImportRefused ("damaged"): error cells of a sheet that calamine does not read under that
            name: dropped, they would be read as blank cells (blank is not an error).
    """
    by_name = {sheet.name: sheet for sheet in sheets}
    for sname, cells in errors.items():
        if cells and sname not in by_name:
            _unplaced(name, sname, cells)
    for sheet in sheets:
        _fill(sheet, errors.get(sheet.name, {}))


def _fill(sheet: Sheet, cells: dict[tuple[int, int], CellError]) -> None:
    """Put error cells into a sheet's grid: where calamine read blank, and also where it read a
    figure (an .ods cell marked as an error that carries a hidden ``office:value``: LibreOffice
    shows "#DIV/0!", the figure must not pass unseen)."""
    for (r, c), err in cells.items():
        if r < len(sheet.rows) and c < len(sheet.rows[r]):
            sheet.rows[r][c] = err


def _place_errors(name: str, zf: zipfile.ZipFile, sheets: list[Sheet], part: str,
                  cells: dict[tuple[int, int], CellError], label: str) -> None:
    """Put a worksheet member's error cells into the sheets calamine read from that member.

    Which sheet calamine read from which member is not taken from names (the workbook's sheet list
    and calamine may spell or order them differently): the member alone is read by calamine as a
    one-sheet workbook (with the archive's shared strings and styles), and its grid is matched
    with the sheets of the whole workbook. Every sheet with that grid gets the error cells (one
    member named by two sheets); none refuses the file (:func:`_unplaced`)."""
    grid = _alone(zf, part)
    homes = [s for s in sheets if grid is not None and s.rows == grid]
    if not homes:
        _unplaced(name, label, cells)
    for sheet in homes:
        _fill(sheet, cells)


_ALONE_TYPES = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                b'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
                b'"/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.'
                b'main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxml'
                b'formats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
_REL = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _alone(zf: zipfile.ZipFile, part: str) -> list[list] | None:
    """The grid calamine reads from the worksheet member ``part`` as the one sheet of a workbook
    (None when it cannot be read so)."""
    import python_calamine as pc

    rels = [b'<Relationship Id="rId1" Type="' + _REL + b'/worksheet" Target="worksheets/sheet1.xml"/>']
    out = io.BytesIO()
    try:
        with zipfile.ZipFile(out, "w") as alone:
            alone.writestr("[Content_Types].xml", _ALONE_TYPES)
            alone.writestr("_rels/.rels", b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.'
                           b'org/package/2006/relationships"><Relationship Id="rId1" Type="' + _REL
                           + b'/officeDocument" Target="xl/workbook.xml"/></Relationships>')
            alone.writestr("xl/workbook.xml", b'<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.'
                           b'org/spreadsheetml/2006/main" xmlns:r="' + _REL + b'"><sheets><sheet name="S" sheetId="1" '
                           b'r:id="rId1"/></sheets></workbook>')
            for member, kind in (("xl/sharedStrings.xml", b"sharedStrings"), ("xl/styles.xml", b"styles")):
                if member in zf.namelist():
                    alone.writestr(member, zf.read(member))
                    rels.append(b'<Relationship Id="r' + kind + b'" Type="' + _REL + b"/" + kind + b'" Target="'
                                + member.removeprefix("xl/").encode() + b'"/>')
            alone.writestr("xl/_rels/workbook.xml.rels", b'<?xml version="1.0"?><Relationships xmlns="http://schemas.'
                           b'openxmlformats.org/package/2006/relationships">' + b"".join(rels) + b"</Relationships>")
            alone.writestr("xl/worksheets/sheet1.xml", zf.read(part))
        return _grid(pc.CalamineWorkbook.from_filelike(io.BytesIO(out.getvalue())).get_sheet_by_name("S"))
    except Exception:  # noqa: BLE001 - not readable alone: its error cells cannot be placed, and the file is refused
        return None


def _unplaced(name: str, where: str, cells: dict[tuple[int, int], CellError]) -> None:
    """Refuse a file holding error cells that cannot be put in the sheet calamine reads them in."""
    (r, c), err = min(cells.items())
    raise refused(name, f"{where} berisi sel galat ({column_letter(c + 1)}{r + 1}: {err}), tetapi lembar itu tidak dapat "
                        "dikenali dengan pasti di daftar lembar buku kerja, sehingga galat itu akan terbaca sebagai "
                        "sel kosong; berkas tampak rusak. Buka berkas di program lembar kerja, simpan ulang, lalu "
                        "impor lagi.", "damaged")


#: a cell with its attributes and body, unprefixed, its reference first (as spreadsheet programs write it)
#: any cell with a body, its attributes in any order and quoting (for naming the cell calamine cannot read)
_ANY_CELL_WITH_BODY = re.compile(rb"<c(\s[^>]*?)?(?<!/)>(.*?)</c>", re.S)
_CELL_WITH_BODY = re.compile(rb"<c r=\"([A-Za-z]{1,3})(\d+)\"([^>]*?)(?<!/)>(.*?)</c>", re.S)
_TEXT_TYPE = re.compile(rb"\st\s*=\s*[\"']str[\"']")


def _empty_text_results(xml: bytes) -> set[tuple[int, int]]:
    """(row, col), 0-based, of the formula cells of a worksheet part whose saved result is an empty
    text: a text-typed cell (``t="str"``) with its ``<v>`` element, empty (``=IF(A1="","",A1)``
    saved by a spreadsheet program; the cell shows blank). An empty ``<v/>`` of a number-typed
    cell is no result (what libraries write for a formula never calculated)."""
    out = set()
    for m in _CELL_WITH_BODY.finditer(xml):
        body = m.group(4)
        if b"<f" in body and _TEXT_TYPE.search(m.group(3)) and (b"<v>" in body or b"<v/>" in body or b"<v " in body):
            out.add((int(m.group(2)) - 1, column_number(m.group(1).decode().upper()) - 1))
    return out


def _xlsx(name: str, data: bytes, zf: zipfile.ZipFile, errors: dict, marked: bool,
          sheet_of: Callable[[str], str], empty_texts: dict[str, set[tuple[int, int]]]) -> list[Sheet]:
    """The sheets of an xlsx; ``errors``: {worksheet member: its error cells}; ``marked``: whether
    a worksheet holds a formula or hidden rows/columns (:func:`_xlsx_extent` found it);
    ``sheet_of``: a member's sheet name for messages; ``empty_texts``: {worksheet member: its formula
    cells whose saved result is an empty text} (:func:`_empty_text_results`, found by the extent pass).

    A formula cell calamine reads as blank is one "without a saved result" (``Sheet.missing``)
    unless its saved result is an empty text: that is blank, as the clerk sees it."""
    try:
        sheets = _calamine(name, data, "xlsx")
    except ImportRefused as exc:
        _name_unread_error(name, exc, errors, sheet_of)
        if exc.code == "damaged":
            _name_unreadable_cell(name, zf, list(errors) or _xlsx_worksheets(name, zf), sheet_of, exc)
        raise
    for part, cells in errors.items():
        _place_errors(name, zf, sheets, part, cells, sheet_of(part))
    _mark_formats(name, zf, sheets, sheet_of)
    if not marked:
        return sheets  # openpyxl (slower) only for formulas without saved results and hidden rows/columns
    import openpyxl

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), data_only=False)
    except Exception as exc:
        raise refused(name, f"berkas xlsx rusak atau tidak dapat dibaca ({type(exc).__name__}: {exc}).",
                      "damaged") from exc
    by_name = {s.name: s for s in sheets}
    saved: dict[str, set[tuple[int, int]]] = {}
    for part, cells in empty_texts.items():
        if cells:
            saved.setdefault(sheet_of(part), set()).update(cells)
    for ws in wb.worksheets:
        sheet = by_name.get(ws.title)
        if sheet is None:
            continue
        with_result = saved.get(ws.title, set())
        sheet.hidden_rows = {r - 1 for r, d in ws.row_dimensions.items() if d.hidden}
        for d in ws.column_dimensions.values():
            if d.hidden:
                sheet.hidden_cols.update(range(d.min - 1, d.max))
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type != "f":
                    continue
                r, c = cell.row - 1, cell.column - 1
                cached = sheet.rows[r][c] if r < len(sheet.rows) and c < len(sheet.rows[r]) else None
                text = cell.value if isinstance(cell.value, str) else getattr(cell.value, "text", str(cell.value))
                if cached is None and (r, c) not in with_result:
                    sheet.missing[(r, c)] = str(text)
                elif len(sheet.formulas) < 100_000:
                    sheet.formulas[(r, c)] = str(text)
    _check_literal_texts(name, sheets)
    return sheets


_C_TAG = re.compile(rb"<(?:[^\s/>!?:]+:)?c\s([^>]*)>")


def _mark_formats(name: str, zf: zipfile.ZipFile, sheets: list[Sheet], sheet_of: Callable[[str], str]) -> None:
    """Values of cells whose number format shows them otherwise (importer.formats) carry that
    format into the grid, for the figure reader to refuse; nothing to do (one search of the styles)
    when no style of the workbook has such a format, the usual case."""
    try:
        styles = zf.read("xl/styles.xml")
    except KeyError:
        return
    except Exception:  # noqa: BLE001 - unreadable styles: calamine read the file without them
        return
    odd = formats.odd_styles(styles)
    if not odd:
        return
    by_name = {s.name: s for s in sheets}
    for part in _xlsx_worksheets(name, zf):
        sheet = by_name.get(sheet_of(part))
        if sheet is None:
            continue
        xml = zf.read(part)
        for m in _C_TAG.finditer(xml):
            a = {k: (v1 if v1 is not None else v2) for k, v1, v2 in _ATTR.findall(m.group(1))}
            style, ref = a.get(b"s", b""), _REF_VALUE.fullmatch(a.get(b"r", b""))
            if not style.isdigit() or int(style) not in odd or not ref or not ref.group(1) or not ref.group(2):
                continue
            r, c = int(ref.group(2)) - 1, column_number(ref.group(1).decode().upper()) - 1
            if r < len(sheet.rows) and c < len(sheet.rows[r]) and sheet.rows[r][c] is not None:
                sheet.rows[r][c] = formats.formatted(sheet.rows[r][c], odd[int(style)])


#: a formula that is one text and nothing else: ="ADIPALA" (a doubled quote inside stands for one)
_LITERAL_TEXT = re.compile(r'\s*"((?:[^"]|"")*)"\s*')


def _check_literal_texts(name: str, sheets: list[Sheet]) -> None:
    """Refuse ("stale_formula") a cell whose formula is a text (="ADIPALA") while the result saved
    with it is another text: a spreadsheet program recalculating on opening shows the formula's
    text, a reader of saved results the other, so a kecamatan header (or any label the importer
    matches) would name one column and store it as another. No spreadsheet program saves that."""
    for sheet in sheets:
        for (r, c), text in sheet.formulas.items():
            plain = text.strip()
            plain = plain[3:] if plain[:3].lower() == "of:" else plain  # OpenDocument's of:="..."
            m = _LITERAL_TEXT.fullmatch(plain[1:]) if plain.startswith("=") else None
            saved = sheet.rows[r][c] if r < len(sheet.rows) and c < len(sheet.rows[r]) else None
            if m is not None and isinstance(saved, str) and saved != m.group(1).replace('""', '"'):
                raise refused(name, f"sel {column_letter(c + 1)}{r + 1} di lembar {sheet.name} berisi rumus "
                                    f"{short(text)} yang menghasilkan \"{short(m.group(1))}\", tetapi hasil yang "
                                    f"tersimpan bersamanya \"{short(saved)}\": program lembar kerja yang menghitung "
                                    "ulang menampilkan yang satu, pembaca hasil tersimpan yang lain. Buka berkas di "
                                    "program lembar kerja, hitung ulang (F9), periksa dengan sertifikat yang "
                                    "ditandatangani, simpan, lalu impor lagi.", "stale_formula")


def _mark_missing(sheets: list[Sheet], formulas: dict[str, dict[tuple[int, int], str]],
                  with_result: dict[str, dict[tuple[int, int], str]] | None = None) -> None:
    """Record formula cells that read as blank (no saved result) in ``Sheet.missing``, and the
    formulas ``with_result`` (an .ods's) in ``Sheet.formulas``."""
    for sheet in sheets:
        for (r, c), text in formulas.get(sheet.name, {}).items():
            value = sheet.rows[r][c] if r < len(sheet.rows) and c < len(sheet.rows[r]) else None
            if value is None:
                sheet.missing[(r, c)] = text
        if with_result:
            sheet.formulas.update(with_result.get(sheet.name, {}))


#: BIFF error codes (BOOLERR and FORMULA cached results)
_BIFF_ERRORS = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?", 0x24: "#NUM!",
                0x2A: "#N/A", 0x2B: "#GETTING_DATA"}


_BIFF_CELLS = {0x0006, 0x0203, 0x00FD, 0x027E, 0x0201, 0x0205, 0x0204, 0x00D6}  # FORMULA NUMBER LABELSST RK ...
_BIFF_MULTI = {0x00BD, 0x00BE}  # MULRK, MULBLANK: row, first column ... last column


#: BIFF records that give a cell its value (BLANK and MULBLANK only format one): FORMULA, NUMBER,
#: LABELSST, RK, LABEL, BOOLERR, RSTRING; MULRK gives a run of cells
_BIFF_VALUES = {0x0006, 0x0203, 0x00FD, 0x027E, 0x0204, 0x0205, 0x00D6}


#: BIFF8 parsed-expression tokens read by :func:`biff_formula_text` (operand tokens by their base
#: class, ``ptg & 0x1F | 0x20``): what a sum is written with
_PTG_ADD, _PTG_SUB, _PTG_UPLUS, _PTG_UMINUS, _PTG_PAREN, _PTG_ATTR, _PTG_INT, _PTG_NUM = (
    0x03, 0x04, 0x12, 0x13, 0x15, 0x19, 0x1E, 0x1F)
_PTG_FUNCVAR, _PTG_REF, _PTG_AREA = 0x22, 0x24, 0x25
#: the function number of SUM in BIFF's function table
_BIFF_SUM = 4


def biff_formula_text(record: bytes) -> str | None:
    """The text of a BIFF8 FORMULA record's formula ("=D50+D51", "=SUM(D11:L11)"), for a formula of
    cell references, ranges, whole numbers, ``+``, ``-``, brackets and SUM on its own sheet; None for
    anything else (other functions, other sheets, shared formulas), which stays "(rumus)".

    ``record``: the record's body (row, column, format, result 8 bytes, flags, 4 bytes, the length of
    the expression, then the expression in reverse Polish order, [MS-XLS] 2.5.198).
    """
    import struct

    if len(record) < 22:
        return None
    (cce,) = struct.unpack_from("<H", record, 20)
    rgce = record[22:22 + cce]
    if len(rgce) != cce:
        return None
    stack: list[str] = []
    i = 0
    try:
        while i < len(rgce):
            ptg = rgce[i]
            base = ptg if ptg < 0x20 else (ptg & 0x1F) | 0x20
            if base in (_PTG_ADD, _PTG_SUB):
                b, a = stack.pop(), stack.pop()
                stack.append(f"{a}{'+' if base == _PTG_ADD else '-'}{b}")
                i += 1
            elif base in (_PTG_UPLUS, _PTG_UMINUS):
                stack.append(("+" if base == _PTG_UPLUS else "-") + stack.pop())
                i += 1
            elif base == _PTG_PAREN:
                stack.append(f"({stack.pop()})")
                i += 1
            elif base == _PTG_ATTR:
                grbit = rgce[i + 1]
                if grbit & 0x10:  # tAttrSum: SUM of the one argument before it
                    stack.append(f"SUM({stack.pop()})")
                elif grbit & ~0x41:  # anything but spaces and volatility (IF, CHOOSE, GOTO...)
                    return None
                i += 4
            elif base == _PTG_INT:
                stack.append(str(struct.unpack_from("<H", rgce, i + 1)[0]))
                i += 3
            elif base == _PTG_NUM:
                x = struct.unpack_from("<d", rgce, i + 1)[0]
                if not x.is_integer() or x < 0:
                    return None
                stack.append(str(int(x)))
                i += 9
            elif base == _PTG_REF:
                row, col = struct.unpack_from("<HH", rgce, i + 1)
                stack.append(f"{column_letter((col & 0x3FFF) + 1)}{row + 1}")
                i += 5
            elif base == _PTG_AREA:
                r0, r1, c0, c1 = struct.unpack_from("<HHHH", rgce, i + 1)
                stack.append(f"{column_letter((c0 & 0x3FFF) + 1)}{r0 + 1}:{column_letter((c1 & 0x3FFF) + 1)}{r1 + 1}")
                i += 9
            elif base == _PTG_FUNCVAR:
                argc, func = rgce[i + 1] & 0x7F, struct.unpack_from("<H", rgce, i + 2)[0] & 0x7FFF
                if func != _BIFF_SUM or argc > len(stack) or argc == 0:
                    return None
                args = stack[-argc:]
                del stack[-argc:]
                stack.append(f"SUM({','.join(args)})")
                i += 4
            else:
                return None
    except (IndexError, struct.error):
        return None
    return "=" + stack[0] if len(stack) == 1 else None


def _xls_formulas(data: bytes, errors: dict | None = None, extents: dict | None = None,
                  twice: dict | None = None) -> dict[str, dict[tuple[int, int], str]]:
    """Positions of FORMULA records per sheet of a BIFF8 .xls (calamine reads values, not formulas).

    ``errors``, when given, is filled with {sheet: {(row, col): CellError}} for BOOLERR records
    holding an error and FORMULA records whose saved result is an error (calamine reads both as blank).
    ``extents``, when given, is filled with {sheet: (last row, last column)} (1-based) over every cell
    record, so that an oversized sheet is refused before calamine allocates it.
    ``twice``, when given, is filled with {sheet: (row, col)} (0-based) of the first cell that two
    records give a value (:data:`_BIFF_VALUES`, MULRK): calamine and LibreOffice keep the last
    silently; no spreadsheet program writes a cell twice.

    Workbook globals list the sheets (BOUNDSHEET8: stream offset, name); each sheet substream
    runs from its BOF to EOF and holds FORMULA records (row, column). Best effort: anything
    unexpected (BIFF5, odd records) yields no positions, and the file is read on its values.
    """
    import struct

    out: dict[str, dict[tuple[int, int], str]] = {}
    try:
        import olefile

        with olefile.OleFileIO(data) as ole:
            stream = next((n for n in ("Workbook", "Book") if ole.exists(n)), None)
            if stream is None:
                return out
            wb = ole.openstream(stream).read()
        sheets = []
        pos = 0
        while pos + 4 <= len(wb):
            rtype, size = struct.unpack_from("<HH", wb, pos)
            body = wb[pos + 4:pos + 4 + size]
            if rtype == 0x0085 and size >= 8:  # BOUNDSHEET8
                offset, cch, high = struct.unpack_from("<I", body)[0], body[6], body[7] & 1
                raw = body[8:8 + cch * (2 if high else 1)]
                sheets.append((offset, raw.decode("utf-16-le" if high else "latin-1")))
            elif rtype == 0x000A:  # EOF of the globals
                break
            pos += 4 + size
        for offset, sname in sheets:
            cells = out.setdefault(sname, {})
            valued: set[tuple[int, int]] = set()
            pos = offset
            while pos + 4 <= len(wb):
                rtype, size = struct.unpack_from("<HH", wb, pos)
                if twice is not None and size >= 4 and (rtype in _BIFF_VALUES or rtype == 0x00BD):
                    r, c = struct.unpack_from("<HH", wb, pos + 4)
                    last = struct.unpack_from("<H", wb, pos + 4 + size - 2)[0] if rtype == 0x00BD and size >= 6 else c
                    for col in range(c, min(last, 0x3FFF) + 1):
                        if (r, col) in valued and sname not in twice:
                            twice[sname] = (r, col)
                        valued.add((r, col))
                if extents is not None and size >= 4 and (rtype in _BIFF_CELLS or rtype in _BIFF_MULTI):
                    r, c = struct.unpack_from("<HH", wb, pos + 4)
                    if rtype in _BIFF_MULTI and size >= 6:
                        c = struct.unpack_from("<H", wb, pos + 4 + size - 2)[0]
                    er, ec = extents.get(sname, (0, 0))
                    extents[sname] = (max(er, r + 1), max(ec, c + 1))
                if rtype == 0x0006 and size >= 4:  # FORMULA
                    r, c = struct.unpack_from("<HH", wb, pos + 4)
                    # an empty text result (type 3) is also what libraries write for a formula never
                    # calculated: in an xls the two cannot be told apart, so both count as no result
                    cells[(r, c)] = biff_formula_text(wb[pos + 4:pos + 4 + size]) or "(rumus)"
                    result = wb[pos + 10:pos + 18]
                    if errors is not None and size >= 14 and result[6:8] == b"\xff\xff" and result[0] == 2:
                        errors.setdefault(sname, {})[(r, c)] = CellError(
                            _BIFF_ERRORS.get(result[2], "galat"))
                elif rtype == 0x0205 and size >= 8 and errors is not None:  # BOOLERR
                    r, c = struct.unpack_from("<HH", wb, pos + 4)
                    if wb[pos + 4 + 7] == 1:
                        errors.setdefault(sname, {})[(r, c)] = CellError(_BIFF_ERRORS.get(wb[pos + 4 + 6], "galat"))
                elif rtype == 0x000A:
                    break
                pos += 4 + size
    except Exception:  # noqa: BLE001 - best effort; values are still read by calamine
        return {}
    return out


def _ods_formulas(name: str, zf: zipfile.ZipFile,
                  with_result: dict[str, dict[tuple[int, int], str]] | None = None) -> dict[str, dict[tuple[int, int], str]]:
    """Positions and text of the formula cells without a saved result per table of an .ods
    (content.xml, ``table:formula``): a cell with a value type or a text paragraph, even an empty
    one (LibreOffice's ``<text:p/>`` for an empty text result), carries its result. Those with a
    result go into ``with_result`` (same shape) when it is given."""
    from defusedxml.ElementTree import fromstring

    t = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
    out: dict[str, dict[tuple[int, int], str]] = {}
    content = _zip_read(name, zf, "content.xml")
    if b"formula" not in content:
        return out
    try:
        root = fromstring(content)
    except Exception as exc:  # damaged XML: the values calamine read are all there is
        raise refused(name, f"isi berkas ods rusak ({exc}).", "damaged") from exc
    for table in root.iter(f"{t}table"):
        cells = out.setdefault(table.get(f"{t}name", ""), {})
        r = 0
        for row in table.iter(f"{t}table-row"):
            nrows = int(row.get(f"{t}number-rows-repeated", "1"))
            c = 0
            for cell in row:
                ncols = int(cell.get(f"{t}number-columns-repeated", "1"))
                formula = cell.get(f"{t}formula")
                shown = cell.get("{urn:oasis:names:tc:opendocument:xmlns:office:1.0}value-type") is not None or len(cell)
                into = cells if not shown else None if with_result is None else \
                    with_result.setdefault(table.get(f"{t}name", ""), {})  # a value or text shown: its saved result
                if formula and into is not None and nrows * ncols <= 10_000:
                    for dr in range(nrows):
                        for dc in range(ncols):
                            into[(r + dr, c + dc)] = formula
                c += ncols
            r += nrows
    return out


def _csv(name: str, data: bytes) -> Workbook:
    import csv  # loaded for a CSV file only

    notes = []
    head = data[:4096]
    even, odd, half = head[0::2].count(0), head[1::2].count(0), len(head) // 2  # UTF-16 text: zeros on one side
    wide = half >= 2 and (even * 5 >= half * 2 >= odd * 40 or odd * 5 >= half * 2 >= even * 40)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or wide:  # Excel's "Unicode Text", or UTF-16 without BOM
        enc = "UTF-32" if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")) else "UTF-16"
        raise refused(name, f"CSV tersimpan dalam pengodean {enc}; simpan ulang sebagai CSV UTF-8 (di Excel: Simpan "
                            "Sebagai, jenis \"CSV UTF-8 (Comma delimited)\"), lalu impor lagi.", "encoding")
    if b"\x00" in head:
        raise refused(name, "berkas biner, bukan CSV teks; diharapkan xlsx, xls, ods atau csv.", "not_spreadsheet")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        notes.append("berkas CSV bukan UTF-8; dibaca sebagai Windows-1252")
    lines = text.splitlines()[:60]
    # the separator is the one found on most lines (a comma inside "1,234" or a title stays a minority)
    counts = {d: sum(1 for line in lines if d in line) for d in (";", "\t", ",")}
    delim = max((";", "\t", ","), key=lambda d: counts[d])
    # universal newlines: lines ended by CR alone (Excel's "CSV (Macintosh)") as well as LF and CR LF
    reader_ = csv.reader(io.StringIO(text, newline=None), delimiter=delim)
    try:
        rows = [[_clean(v.strip()) for v in r] for r in reader_]
    except csv.Error as exc:
        raise refused(name, f"CSV tidak dapat dibaca di baris {reader_.line_num}: ada tanda kutip yang tidak ditutup "
                            "atau karakter yang tidak boleh ada di teks CSV; diharapkan teks CSV biasa (satu baris per "
                            "isian, kolom dipisah titik koma, koma atau tab). Simpan ulang sebagai CSV dari program "
                            "lembar kerja, lalu impor lagi.", "damaged") from exc
    notes.append({";": "pemisah kolom titik koma", "\t": "pemisah kolom tab", ",": "pemisah kolom koma"}[delim])
    return Workbook("csv", [Sheet("CSV", rows)], notes)
