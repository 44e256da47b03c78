"""The extent pre-scan of an xlsx sheet (core/importer/reader.py): the quick path over a sheet whose
every cell carries its reference gives exactly what the full scan gives, and anything else goes
the full way."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recap_app.core.importer import reader

DATA = Path(__file__).resolve().parent.parent / "data"
NS = ('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:my-ns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"')  # prefixes as some generators write


def extent(xml: bytes, quick: bool, monkeypatch) -> tuple:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("xl/worksheets/sheet1.xml", xml)
    with monkeypatch.context() as m:
        if not quick:
            m.setattr(reader, "_quick_extent", lambda _xml: None)
        with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as zf:
            return reader._xlsx_extent("uji.xlsx", zf, "xl/worksheets/sheet1.xml")


def sheet(cells: str) -> bytes:
    return f'<?xml version="1.0"?><worksheet {NS}><sheetData>{cells}</sheetData></worksheet>'.encode()


@pytest.mark.parametrize("cells, quick_applies", [
    ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="AB7"><v>5</v></c></row>', True),
    ('<row r="3"><c s="2" r="c12"/><c r=\'XFD3\'><v>1</v></c></row>', False),  # r not first: the full scan
    ('<x:row r="2"><x:c r="B2"><x:v>1</x:v></x:c></x:row>', False),  # a prefix: the full scan
    ('<row r="1"><c r="A1"/><c><v>2</v></c><c><v>3</v></c></row><row><c><v>4</v></c></row>', False),  # no r
    ('<row r="1"><c r="A1" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>', False),  # an error cell
    ('<row r="9"><c r="AAAA9"><v>1</v></c></row>', False),  # beyond three letters
    ('<row r="2"><c r="B"><v>1</v></c></row>', False),  # a reference without its row
    ('<row r="1"><c r="A1"><f>SUM(B1)</f><v>3</v></c></row><row r="4" hidden="1"/>', True),
    ('', True),
])
def test_the_quick_path_agrees_with_the_full_scan(cells, quick_applies, monkeypatch):
    xml = sheet(cells)
    assert (reader._quick_extent(xml) is not None) == quick_applies
    assert extent(xml, True, monkeypatch) == extent(xml, False, monkeypatch)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 1_048_576), st.integers(1, 16_384), st.booleans()), max_size=40,
                unique_by=lambda t: t[:2]))
def test_any_addressed_cells_give_the_same_extent_both_ways(cells):
    mp = pytest.MonkeyPatch()
    styled = ' s="1"'
    try:
        body = "".join(f'<row r="{r}"><c r="{reader.column_letter(c)}{r}"{styled if s else ""}><v>1</v></c></row>'
                       for r, c, s in cells)
        xml = sheet(body)
        got = extent(xml, True, mp)
        assert got == extent(xml, False, mp)
        assert got[:2] == ((max(r for r, _, _ in cells), max(c for _, c, _ in cells)) if cells else (0, 0))
    finally:
        mp.undo()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 60), st.integers(1, 40)), min_size=1, max_size=30), st.data())
def test_a_cell_given_twice_is_refused_both_ways(cells, data):
    """Whatever the other cells, one given twice (calamine would keep the last) is refused, by
    both paths, naming it."""
    twice = data.draw(st.sampled_from(cells))
    order = data.draw(st.permutations([*cells, twice]))
    body = "".join(f'<row r="{r}"><c r="{reader.column_letter(c)}{r}"><v>{i}</v></c></row>'
                   for i, (r, c) in enumerate(order))
    mp = pytest.MonkeyPatch()
    try:
        for quick in (True, False):
            with pytest.raises(reader.ImportRefused) as ei:
                extent(sheet(body), quick, mp)
            assert ei.value.code == "damaged" and " ada dua kali di lembar " in ei.value.message
    finally:
        mp.undo()


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 60), st.integers(1, 40), st.sampled_from(["", "lower", "zero", "empty"])),
                min_size=1, max_size=25))
def test_references_written_oddly_are_measured_and_their_doubles_found_both_ways(cells):
    """A reference in lower case ("d11") or with a leading zero ("D011") is the cell a spreadsheet
    program reads: both paths give the same extent, or both refuse the same cell given twice."""
    def ref(r, c, how):
        letters = reader.column_letter(c)
        return {"lower": f"{letters.lower()}{r}", "zero": f"{letters}0{r}"}.get(how, f"{letters}{r}")

    body = "".join(f'<row r="{r}"><c r="{ref(r, c, how)}"/></row>' if how == "empty" else
                   f'<row r="{r}"><c r="{ref(r, c, how)}"><v>{i}</v></c></row>' for i, (r, c, how) in enumerate(cells))
    mp = pytest.MonkeyPatch()
    try:
        outcomes = []
        for quick in (True, False):
            try:
                outcomes.append(extent(sheet(body), quick, mp)[:3])
            except reader.ImportRefused as exc:
                outcomes.append((exc.code, exc.message))
        assert outcomes[0] == outcomes[1]
        if len({(r, c) for r, c, _ in cells}) < len(cells):
            assert outcomes[0][0] == "damaged" and " ada dua kali di lembar " in outcomes[0][1]
        else:
            filled = [(r, c) for r, c, how in cells if how != "empty"]
            assert outcomes[0][:2] == ((max(r for r, _ in filled), max(c for _, c in filled)) if filled else (0, 0))
    finally:
        mp.undo()


def test_every_sample_workbook_sheet_reads_the_same_extent_both_ways(monkeypatch):
    books = sorted(DATA.rglob("*.xlsx"))
    assert books
    for book in books:
        with zipfile.ZipFile(book) as zf:
            for part in (n for n in zf.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")):
                xml = zf.read(part)
                assert extent(xml, True, monkeypatch) == extent(xml, False, monkeypatch), (book.name, part)


KINDS = {"value": '<c r="{ref}"><v>1</v></c>', "text": '<c r="{ref}" t="inlineStr"><is><t>x</t></is></c>',
         "formatted": '<c r="{ref}" s="1"/>', "closed": '<c r="{ref}" s="1"></c>', "typed": '<c r="{ref}" t="s"/>',
         "blank": '<c r="{ref}" s="2"> </c>'}


def _calamine_end(xml: bytes) -> tuple[int, int]:
    """(last row, last column), 1-based, of the grid python-calamine makes of a one-sheet workbook
    holding ``xml``; (0, 0) when it holds no cell."""
    from python_calamine import CalamineWorkbook

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                    '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
                    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>')
        zf.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                    '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                    'officeDocument" Target="xl/workbook.xml"/></Relationships>')
        zf.writestr("xl/workbook.xml", f'<workbook {NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
                    'relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
        zf.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
                    '2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        zf.writestr("xl/worksheets/sheet1.xml", xml)
    sheet = CalamineWorkbook.from_filelike(io.BytesIO(buf.getvalue())).get_sheet_by_index(0)
    if sheet.height == 0:
        return 0, 0
    return sheet.end[0] + 1, sheet.end[1] + 1


@settings(max_examples=120, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 70_000), st.integers(1, 300), st.sampled_from(sorted(KINDS))), max_size=12,
                unique_by=lambda t: t[:2]))
def test_the_used_area_is_calamine_s_grid_and_formatted_empty_cells_are_not_in_it(cells):
    """The extent both ways is exactly the grid python-calamine makes: cells holding a value or a
    text count, formatted empty cells (``<c .. s="1"/>``, ``<c ..></c>``) do not."""
    rows: dict[int, list] = {}
    for r, c, kind in sorted(cells):
        rows.setdefault(r, []).append(KINDS[kind].replace("{ref}", f"{reader.column_letter(c)}{r}"))
    xml = sheet("".join(f'<row r="{r}">{"".join(cs)}</row>' for r, cs in sorted(rows.items())))
    mp = pytest.MonkeyPatch()
    try:
        got = extent(xml, True, mp)
        assert got == extent(xml, False, mp)
    finally:
        mp.undo()
    assert got[:2] == _calamine_end(xml)
    filled = [(r, c) for r, c, kind in cells if kind in ("value", "text")]
    assert got[:2] == ((max(r for r, _ in filled), max(c for _, c in filled)) if filled else (0, 0))


@pytest.mark.parametrize("cell", [
    """<c foo=" r='A1'" r="XFD1048576"><v>1</v></c>""",  # an r= inside another attribute's value
    """<c foo=">" r="XFD1048576"><v>1</v></c>""",  # a ">" inside a value
    """<my-ns:c r="XFD1048576"><my-ns:v>1</my-ns:v></my-ns:c>""",  # a prefix with a hyphen
    """<c r="A1" r="XFD1048576"><v>1</v></c>""",  # two r: the farthest counts
    """<c r="XFD1048576" r="A1"><v>1</v></c>""",
])
def test_the_farthest_cell_is_found_however_the_tag_is_written(cell, monkeypatch):
    """What calamine would size its grid by is what the pre-scan sees: XFD1048576 is refused
    before calamine tries to allocate 512 GiB for it (which aborts the process)."""
    xml = sheet(f'<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576">{cell}</row>')
    for quick in (True, False):
        rows, cols, last, _errors, _marked = extent(xml, quick, monkeypatch)
        assert (rows, cols, last) == (1_048_576, 16_384, "XFD1048576")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", f'<workbook {NS}><sheets><sheet name="DB1" sheetId="1" r:id="rId1" '
                    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></sheets></workbook>')
        zf.writestr("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="rId1" '
                    'Target="worksheets/sheet1.xml"/></Relationships>')
        zf.writestr("xl/worksheets/sheet1.xml", xml)
    with pytest.raises(reader.ImportRefused) as ei:
        reader.read_workbook("besar.xlsx", buf.getvalue())
    assert ei.value.code == "too_large" and "XFD1048576" in ei.value.message


TOKENS = [b'<c r="A1">', b"<c>", b"<c/>", b'<c r="B2"/>', b"<c\tr='C3'>", b"<c\nr='C3'>", b"<x:c r=\"A1\">", b"</c>",
          b"</x:c>", b"<v>", b"</v>", b"<v/>", b"<x:v>", b"</x:v>", b"<v a='1'>", b' t="e"', b" t='e'", b' t = "e"',
          b" t=\"e'", b'"e', b"'e", b"<f>", b"<x:f>", b"<f/>", b"</f>", b' hidden="1"', b" hidden=\"true\"",
          b"<is><t>e</t></is>", b":c", b":v", b"1", b" ", b"&amp;", b"<!-- -->", b"\n", b"<row r=\"1\">", b"</row>", b"<col min='1'/>", b"<cfRule/>",
          b'<mc:AlternateContent xmlns:mc="m">', b"<vt>", b"<cx>"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=40))
def test_the_quick_checks_answer_as_the_patterns_they_stand_for(tokens):
    """Each literal shortcut of the quick path gives exactly its pattern's answer, whatever the text."""
    xml = b"".join(tokens)
    assert reader.has_error_cell(xml) == bool(reader._ERROR_TYPE.search(xml))
    assert reader.has_formula_or_hidden(xml) == bool(reader._FORMULA_TAG.search(xml) or reader._HIDDEN_TAG.search(xml))
    if b":c" not in xml and b":v" not in xml:
        assert bool(reader._PLAIN_DOUBLE_V.search(xml)) == bool(reader._DOUBLE_V.search(xml))
        assert reader.odd_value(xml, True) == bool(reader._ODD_VALUE.search(xml))
        assert len(reader._PLAIN_CELL_TAG.findall(xml)) == len(reader._CELL_TAG.findall(xml))


@pytest.mark.parametrize("xml", [b"<v>1 </v>", b"<v>1\t</v>", b"<v>1</v> </vt>", b"<c><v>2</v></c> </v", b"</v", b" </v",
                                 b"</v> </v>"])
def test_a_blank_before_a_closing_value_tag_is_never_missed(xml):
    """The literal search may say more than the pattern (a ``</v`` that is not a value tag), never less."""
    assert reader.odd_value(xml, True) >= bool(reader._ODD_VALUE.search(xml))
    assert reader.odd_value(xml, True) == (b" </v" in xml or b"\t</v" in xml)


def _two_sheets(tmp_path, second) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.title = "Catatan"
    wb.active["A1"] = "catatan"
    ws = wb.create_sheet("Rekap DB1")
    second(ws)
    path = tmp_path / "dua.xlsx"
    wb.save(path)
    return path.read_bytes()


def test_the_sheets_names_are_read_only_when_a_message_or_an_error_cell_needs_them(tmp_path):
    """A plain workbook is measured without reading its sheet list (nor loading an XML parser for
    it); an error cell and a refusal still name the right sheet."""
    import subprocess
    import sys

    plain = tmp_path / "biasa.xlsx"
    plain.write_bytes(_two_sheets(tmp_path, lambda ws: ws.append(["DPT", 20975])))
    out = subprocess.run([sys.executable, "-c", (
        "import sys\nfrom recap_app.core.importer import reader\n"
        f"wb = reader.read_workbook('biasa.xlsx', open({str(plain)!r}, 'rb').read())\n"
        "print([s.name for s in wb.sheets], 'defusedxml' in sys.modules)")], capture_output=True, text=True, check=True)
    assert out.stdout.split("]")[0] == "['Catatan', 'Rekap DB1'" and out.stdout.strip().endswith("False")

    def with_error(ws):
        ws["B2"] = 7
        ws["C3"] = "#REF!"

    wb = reader.read_workbook("galat.xlsx", _two_sheets(tmp_path, with_error))
    rekap = next(s for s in wb.sheets if s.name == "Rekap DB1")
    assert isinstance(rekap.rows[2][2], reader.CellError) and rekap.rows[2][2] == "#REF!"
    assert rekap.rows[1][1] == 7

    def too_far(ws):
        ws["A1"] = 1
        ws["ZZ40000"] = 1

    with pytest.raises(reader.ImportRefused) as got:
        reader.read_workbook("besar.xlsx", _two_sheets(tmp_path, too_far))
    assert got.value.code == "too_large" and "lembar Rekap DB1 memakai sel sampai ZZ40000" in got.value.message


def _rewritten(data: bytes, change) -> bytes:
    """The xlsx ``data`` with its members changed by ``change({name: bytes}) -> {name: bytes}``."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, b in change(members).items():
            zf.writestr(n, b)
    return out.getvalue()


def _moved(members, sheet="xl/worksheets/sheet2.xml", to="xl/data/s2.xml"):
    """The sheet's part moved outside xl/worksheets/, the relationships pointing to it there."""
    members[to] = members.pop(sheet)
    rels = "xl/_rels/workbook.xml.rels"
    members[rels] = members[rels].replace(sheet.removeprefix("xl/").encode(), to.removeprefix("xl/").encode())
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(b"/" + sheet.encode(), b"/" + to.encode())
    return members


def test_a_sheet_kept_outside_the_worksheets_folder_is_measured_and_its_error_cells_kept(tmp_path):
    """calamine reads a sheet wherever the workbook's relationships point: its size is checked
    before calamine allocates it (a cell at XFD1048576 would abort the process), and its error
    cells are not lost."""
    def far(ws):
        ws["A1"] = 1
        ws["XFD1048576"] = 1

    with pytest.raises(reader.ImportRefused) as got:
        reader.read_workbook("jauh.xlsx", _rewritten(_two_sheets(tmp_path, far), _moved))
    assert got.value.code == "too_large" and "lembar Rekap DB1 memakai sel sampai XFD1048576" in got.value.message

    def with_error(ws):
        ws["B2"] = 7
        ws["C3"] = "#REF!"

    wb = reader.read_workbook("galat.xlsx", _rewritten(_two_sheets(tmp_path, with_error), _moved))
    rekap = next(s for s in wb.sheets if s.name == "Rekap DB1")
    assert rekap.rows[2][2] == "#REF!" and isinstance(rekap.rows[2][2], reader.CellError)


def test_an_error_cell_in_a_sheet_named_twice_is_in_both_and_one_without_a_known_sheet_refused(tmp_path):
    def with_error(ws):
        ws["B2"] = 7
        ws["C3"] = "#REF!"

    data = _two_sheets(tmp_path, with_error)

    def twice(members):  # a third sheet "Salinan" (hidden) naming the same part as "Rekap DB1"
        wbx = "xl/workbook.xml"
        members[wbx] = members[wbx].replace(b"</sheets>", b'<sheet name="Salinan" sheetId="9" state="hidden" '
                                            b'r:id="rId2"/></sheets>')
        return members

    wb = reader.read_workbook("dua.xlsx", _rewritten(data, twice))
    for name in ("Rekap DB1", "Salinan"):
        sheet = next(s for s in wb.sheets if s.name == name)
        assert sheet.rows[2][2] == "#REF!"

    def declared(members):  # a DTD in the sheet list: defusedxml refuses it; the error cell is placed all the same
        wbx = "xl/workbook.xml"
        members[wbx] = members[wbx].replace(b"<workbook", b'<!DOCTYPE workbook [<!ENTITY a "a">]><workbook', 1)
        return members

    wb = reader.read_workbook("dtd.xlsx", _rewritten(data, declared))
    assert next(s for s in wb.sheets if s.name == "Rekap DB1").rows[2][2] == "#REF!"

    def orphan(members):  # a member no sheet reads, holding an error cell: it cannot be placed
        members["xl/worksheets/sheet9.xml"] = members["xl/worksheets/sheet2.xml"].replace(b"<v>7</v>", b"<v>8</v>")
        return members

    with pytest.raises(reader.ImportRefused) as got:
        reader.read_workbook("yatim.xlsx", _rewritten(data, orphan))
    assert got.value.code == "damaged"
    assert ("xl/worksheets/sheet9.xml berisi sel galat (C3: #REF!), tetapi lembar itu tidak dapat dikenali dengan "
            "pasti di daftar lembar buku kerja") in got.value.message


def test_an_error_cell_goes_to_the_sheet_calamine_read_from_its_part_whatever_the_names_say(tmp_path):
    """Sheet names that the sheet list and calamine read differently (a newline in a name, which
    an XML parser turns into a blank): the error cell is put in the sheet whose cells are those of
    its member, never lost."""
    def with_error(ws):
        ws["B2"] = 7
        ws["C3"] = "#REF!"

    data = _two_sheets(tmp_path, with_error)

    def newline(members):
        wbx = "xl/workbook.xml"
        members[wbx] = members[wbx].replace(b'name="Rekap DB1"', b'name="Rekap&#10;DB1"').replace(
            b'name="Catatan"', b'name="Rekap DB1"')
        return members

    wb = reader.read_workbook("baris.xlsx", _rewritten(data, newline))
    rekap = next(s for s in wb.sheets if len(s.rows) > 2 and s.rows[1][1:2] == [7])
    assert rekap.rows[2][2] == "#REF!"
    assert all(s.rows[2][2:3] != ["#REF!"] for s in wb.sheets if s is not rekap and len(s.rows) > 2)


@pytest.mark.parametrize("change, code, words", [
    (lambda m: {**m, "mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}, "damaged", "dua format"),
    (lambda m: {**m, "xl/workbook.bin": b"\x00"}, "not_spreadsheet", "(xlsb) tidak dibaca"),
])
def test_an_archive_another_reader_could_take_for_another_format_is_refused(tmp_path, change, code, words):
    """calamine picks a format by trying each in turn; an archive that is also an ods (a mimetype
    member) or an xlsb could be read otherwise than it is measured, so it is refused first."""
    def far(ws):
        ws["A1"] = 1
        ws["XFD1048576"] = 1

    with pytest.raises(reader.ImportRefused) as got:
        reader.read_workbook("ganda.xlsx", _rewritten(_two_sheets(tmp_path, far), change))
    assert got.value.code == code and words in got.value.message


def test_an_xls_that_is_also_a_zip_archive_is_refused(tmp_path):
    xlsx = _two_sheets(tmp_path, lambda ws: ws.append([1]))
    with pytest.raises(reader.ImportRefused) as got:
        reader.read_workbook("ganda.xls", reader.OLE_MAGIC + b"\x00" * 504 + xlsx)
    assert got.value.code == "damaged" and "dua format" in got.value.message


def _zip_with_lying_member(src: bytes, member: str, grow: int, crc_of_prefix: bool) -> bytes:
    """``src`` rebuilt with ``member`` padded by ``grow`` bytes of blanks inside sheetData while its
    directory entries still declare the original size (and, with ``crc_of_prefix``, the CRC-32 of
    the declared prefix only: what zipfile reads then checks out)."""
    import struct
    import zlib

    out, central = bytearray(), bytearray()
    with zipfile.ZipFile(io.BytesIO(src)) as zf:
        members = [(i.filename, zf.read(i.filename)) for i in zf.infolist()]
    for name, data in members:
        size = len(data)
        if name == member:
            data = data.replace(b"<sheetData>", b"<sheetData>" + b" " * grow, 1)
        packer = zlib.compressobj(6, zlib.DEFLATED, -15)
        comp = packer.compress(data) + packer.flush()
        crc = zlib.crc32(data[:size] if crc_of_prefix else data)
        nb, off = name.encode(), len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(comp), size, len(nb), 0) + nb + comp
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(comp), size, len(nb),
                               0, 0, 0, 0, 0, off) + nb
    at = len(out)
    out += central + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), at, 0)
    return bytes(out)


@pytest.mark.parametrize("crc_of_prefix", [False, True])
def test_a_member_that_inflates_past_its_declared_size_is_refused_without_inflating_it(crc_of_prefix):
    """The 200 MB limit adds the sizes the archive declares: a worksheet declaring its few KB while
    it opens to 64 MB (of blanks, 64 KB compressed) is refused "too_large" with at most its declared
    size inflated, never the 64 MB (zipfile's own read() would, before failing its CRC check)."""
    import tracemalloc

    from recap_app.core.errors import ImportRefused

    src = (DATA / "samples" / "db1-ppwp-2019_33.74_kota-semarang.xlsx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(src)) as zf:
        part = next(n for n in zf.namelist() if n.startswith("xl/worksheets/"))
        declared = zf.getinfo(part).file_size
    bomb = _zip_with_lying_member(src, part, 64 * 1024 * 1024, crc_of_prefix)
    assert len(bomb) < 200_000
    tracemalloc.start()
    try:
        with pytest.raises(ImportRefused) as ei:
            reader.read_workbook("bom.xlsx", bomb)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert ei.value.code == "too_large" and peak < 8 * 1024 * 1024
    assert ei.value.message == (
        f"Berkas bom.xlsx: anggota arsip {part!r} mengembang melebihi {reader._dots(declared)} bita yang dicatat "
        "arsip (isi disembunyikan dari batas ukuran, seperti bom zip). Tidak ada yang disimpan.")


def test_a_member_cut_short_or_changed_under_its_crc_is_damaged():
    from recap_app.core.errors import ImportRefused

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/worksheets/sheet1.xml", sheet("".join(f'<row r="{r}"><c r="A{r}"><v>{r * 7}</v></c></row>'
                                                            for r in range(1, 400))))
    good = buf.getvalue()
    info = zipfile.ZipFile(io.BytesIO(good)).getinfo("xl/worksheets/sheet1.xml")
    body = info.header_offset + 30 + len(info.filename)
    flipped = bytearray(good)
    flipped[body + info.compress_size // 2] ^= 0x01  # one bit of the compressed figures
    cut = good[:body + info.compress_size // 2] + good[body + info.compress_size:]  # half the stream gone
    for bad in (bytes(flipped), cut):
        with pytest.raises(ImportRefused) as ei:
            reader.read_workbook("rusak.xlsx", bad)
        assert ei.value.code == "damaged", ei.value.message
    whole = reader._Archive("utuh.xlsx", good)
    whole.inflate_all()  # the untouched archive passes, and reads from what was inflated
    assert whole.read("xl/worksheets/sheet1.xml") == zipfile.ZipFile(io.BytesIO(good)).read("xl/worksheets/sheet1.xml")
