"""An xlsx whose cells or shared texts lie in another XML namespace: calamine reads elements by
their local names, a spreadsheet program by namespace, so the figure on the screen and the figure
read differ. Each such file is refused ("foreign_markup", nothing written); every way real programs
write their files still reads. The refused kinds were checked against LibreOffice, which shows
another figure (or none) in D12 for each."""

import zipfile
from pathlib import Path

import pytest

from recap_app.core.importer import import_files
from recap_app.core.importer.namespaces import check_part

SEMARANG = Path(__file__).resolve().parent.parent / "data" / "samples" / "db1-ppwp-2019_33.74_kota-semarang.xlsx"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
CELL = '<c r="D12" t="n"><v>23531</v></c>'  # kecamatan 1, I.A.1 DPT PR
HIDDEN = "99999"


def patched(tmp_path, name, edit, member="xl/worksheets/sheet1.xml", source=SEMARANG):
    dest = tmp_path / name
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == member:
                text = data.decode()
                changed = edit(text)
                assert changed != text, name
                data = changed.encode("utf-16") if name.endswith("utf16.xlsx") else changed.encode()
            zout.writestr(item, data)
    return dest


def on_root(extra):
    return lambda t: t.replace(f'<worksheet xmlns="{MAIN}"', f'<worksheet xmlns="{MAIN}" {extra}', 1)


def cell(text):
    return lambda t: t.replace(CELL, text)


REFUSED = {
    "prefix_rebound_on_value": (lambda t: cell(f'<c r="D12" t="n"><x:v xmlns:x="urn:lain">{HIDDEN}</x:v></c>')(
        on_root(f'xmlns:x="{MAIN}"')(t)), 'deklarasi namespace xmlns:x="urn:lain" di dalam data sel'),
    "prefix_rebound_on_cell": (cell(f'<x:c xmlns:x="urn:lain" r="D12" t="n"><x:v>{HIDDEN}</x:v></x:c>'),
                               'xmlns:x="urn:lain"'),
    "default_namespace_on_sheetData": (lambda t: cell(f'<c r="D12" t="n"><v>{HIDDEN}</v></c>')(
        t.replace("<sheetData>", '<sheetData xmlns="urn:lain">')), 'xmlns="urn:lain"'),
    "no_namespace_on_sheetData": (lambda t: t.replace("<sheetData>", '<sheetData xmlns="">'), 'xmlns=""'),
    "non_ascii_prefix": (cell(f'<c r="D12" t="n"><é:v xmlns:é="urn:lain">{HIDDEN}</é:v></c>'), "xmlns:é"),
    "wrapper_around_a_cell": (cell(f'<w xmlns="urn:lain"><c r="D12" t="n"><v>{HIDDEN}</v></c></w>'), 'xmlns="urn:lain"'),
    "alternate_content": (lambda t: cell(
        f'<mc:AlternateContent><mc:Choice Requires="zz"><c r="D12" t="n"><v>{HIDDEN}</v></c></mc:Choice>'
        f'<mc:Fallback>{CELL}</mc:Fallback></mc:AlternateContent>')(on_root(f'xmlns:mc="{MC}"')(t)),
        f"unsur mc:AlternateContent dari namespace {MC}"),
    "prefix_of_another_namespace_bound_on_the_root": (lambda t: cell(
        f'<zz:c r="D12" t="n"><zz:v>{HIDDEN}</zz:v></zz:c>')(on_root(f'xmlns:mc="{MC}" mc:Ignorable="zz" '
                                                                    'xmlns:zz="urn:zz"')(t)),
        "unsur zz:c dari namespace urn:zz"),
    "unbound_prefix": (cell(f'<q:c r="D12" t="n"><q:v>{HIDDEN}</q:v></q:c>'), "unsur q:c tanpa namespace SpreadsheetML"),
    "dtd_default_xmlns": (lambda t: ('<!DOCTYPE worksheet [<!ATTLIST v xmlns CDATA "urn:lain">]>' + t).replace(
        CELL, f'<c r="D12" t="n"><v>{HIDDEN}</v></c>'), "deklarasi DOCTYPE (DTD)"),
    "root_in_another_namespace": (lambda t: t.replace(f'xmlns="{MAIN}"', 'xmlns="urn:lain"', 1),
                                  "unsur akar worksheet di luar namespace SpreadsheetML"),
    "root_after_a_comment_in_another_namespace": (lambda t: t.replace("<worksheet", "<!-- worksheet --><worksheet", 1)
                                                  .replace(f'xmlns="{MAIN}"', 'xmlns="urn:lain"', 1),
                                                  "unsur akar worksheet"),
    "prefixed_root_unprefixed_cells": (lambda t: t.replace("<worksheet ", "<s:worksheet ", 1).replace(
        "</worksheet>", "</s:worksheet>").replace(f'xmlns="{MAIN}"', f'xmlns:s="{MAIN}"', 1),
        "tanpa namespace SpreadsheetML"),
    "a_second_sheetData": (lambda t: t.replace("</sheetData>", f'</sheetData><sheetData><row r="12">'
                                                                f'<c r="D12"><v>{HIDDEN}</v></c></row></sheetData>'),
                           "dua unsur sheetData"),
    "unknown_element_inside_a_row": (cell(f'<w><c r="D12" t="n"><v>{HIDDEN}</v></c></w>'),
                                     "unsur w yang tidak ada di tempat itu dalam format xlsx"),
    "entity_in_the_uri": (lambda t: t.replace("<sheetData>", '<sheetData xmlns="&#117;rn:lain">'), "&#117;rn:lain"),
    "a_root_written_in_a_comment_before_the_real_one": (lambda t: t.replace(
        f'<worksheet xmlns="{MAIN}"', f'<!-- <worksheet xmlns="{MAIN}"> --><worksheet xmlns="urn:lain"', 1),
        "unsur akar worksheet di luar namespace SpreadsheetML"),
    "the_cells_ended_early_by_a_closing_tag_in_a_cdata": (lambda t: cell(
        '<c r="D12" t="str"><v><![CDATA[</sheetData>]]></v></c>')(t).replace(
        '<c r="E12" t="n"><v>43605</v></c>', '<c r="E12" t="n"><x:v xmlns:x="urn:lain">43605</x:v></c>'),
        'xmlns:x="urn:lain"'),
    "sheetData_named_in_an_attribute_and_left_open": (lambda t: t.replace(
        "<sheetPr>", '<sheetPr codeName="sheetData">').replace("</sheetData>", "").replace(
        CELL, f'<c r="D12" t="n"><x:v xmlns:x="urn:lain">{HIDDEN}</x:v></c>'), 'xmlns:x="urn:lain"'),
    "a_declaration_written_inside_another_attribute_of_the_root": (lambda t: cell(
        '<y:c r="D12" t="n"><y:v>99999</y:v></y:c>')(t.replace(
            f'<worksheet xmlns="{MAIN}"', f'<worksheet xmlns="{MAIN}" xmlns:y="urn:lain" foo="xmlns:y=\'{MAIN}\'"', 1)),
        "unsur y:c dari namespace urn:lain"),
    "a_digit_written_as_a_character_escape": (cell('<c r="D12" t="inlineStr"><is><t>_x0039_9999</t></is></c>'),
                                              "teks dengan kode karakter _x0039_ untuk sebuah angka"),
    "utf16": (lambda t: '<?xml version="1.0" encoding="UTF-16"?>' + t, "UTF-16"),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_a_cell_in_another_namespace_is_refused_and_nothing_is_written(ws, tmp_path, case):
    edit, said = REFUSED[case]
    path = patched(tmp_path, f"{case}.xlsx", edit)
    audit = ws.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
    rep = import_files(ws, [path], "tester").files[0]
    assert (rep.status, rep.code) == ("ditolak", "foreign_markup"), rep.message
    assert rep.message.startswith(f"Berkas {case}.xlsx: lembar DB1-PPWP memuat ")
    assert said in rep.message
    assert "Buka berkas di program lembar kerja, simpan ulang, lalu impor lagi. Tidak ada yang disimpan." in rep.message
    assert ws.latest_revision("33.74") is None
    assert ws.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == audit


def with_shared_texts(dest, foreign=False):
    """The Semarang sample with its texts moved into a shared-text part, as Excel writes them;
    ``foreign``: one shared text put in another namespace."""
    import html
    import re

    texts: list[str] = []

    def shared(m):
        texts.append(m.group(2))
        return f'<c r="{m.group(1)}" t="s"><v>{len(texts) - 1}</v></c>'

    with zipfile.ZipFile(SEMARANG) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename).decode()
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(r'<c r="(\w+)" t="inlineStr"><is><t>(.*?)</t></is></c>', shared, data)
            elif item.filename == "[Content_Types].xml":
                data = data.replace("</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                                    'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
            elif item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace("</Relationships>", '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.'
                                    'org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                                    "</Relationships>")
            zout.writestr(item, data)
        items = "".join(f"<si><t>{t}</t></si>" for t in texts)
        if foreign:
            items = items.replace("<si><t>", '<si><x:t xmlns:x="urn:lain">1</x:t><t>', 1)
        zout.writestr("xl/sharedStrings.xml", f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}" '
                      f'count="{len(texts)}" uniqueCount="{len(texts)}">{items}</sst>')
    assert texts and html.unescape(texts[0])
    return dest


def test_a_shared_text_in_another_namespace_is_refused(ws, tmp_path):
    """A figure typed as text lives in the shared texts (as Excel writes every text): the same rule
    holds for them."""
    rep = import_files(ws, [with_shared_texts(tmp_path / "teks.xlsx")], "tester").files[0]
    assert rep.status == "diterima", rep.message  # as Excel writes them, they read
    path = with_shared_texts(tmp_path / "teks-lain.xlsx", foreign=True)
    rep = import_files(ws, [path], "tester").files[0]
    assert rep.code == "foreign_markup"
    assert rep.message.startswith("Berkas teks-lain.xlsx: bagian teks bersama xl/sharedStrings.xml memuat deklarasi "
                                  'namespace xmlns:x="urn:lain" di dalam data sel.')


def test_shared_texts_behind_a_long_comment_are_checked_too(ws, tmp_path):
    src = with_shared_texts(tmp_path / "asal.xlsx", foreign=True)
    path = patched(tmp_path, "komentar.xlsx", lambda t: t.replace("<sst ", "<!-- " + "x" * 4000 + " --><sst ", 1),
                   "xl/sharedStrings.xml", src)
    rep = import_files(ws, [path], "tester").files[0]
    assert rep.code == "foreign_markup" and "bagian teks bersama xl/sharedStrings.xml" in rep.message


def test_shared_texts_naming_sheetData_in_a_comment_are_still_checked_as_shared_texts(ws, tmp_path):
    src = with_shared_texts(tmp_path / "asal.xlsx", foreign=True)
    path = patched(tmp_path, "nama.xlsx", lambda t: t.replace("<si>", "<!--sheetData/>--><si>", 1),
                   "xl/sharedStrings.xml", src)
    rep = import_files(ws, [path], "tester").files[0]
    assert rep.code == "foreign_markup" and "bagian teks bersama xl/sharedStrings.xml" in rep.message


@pytest.mark.parametrize("text", ["lihat sheetData di lembar lain", "xmlns:x=&quot;urn:lain&quot; di catatan",
                                  "MODEL DB1-PPWP (sheetData)"])
def test_the_words_xmlns_or_sheetData_in_a_text_are_no_markup(ws, tmp_path, text):
    """A clerk's note or a formula may name them: only a declaration on a tag counts."""
    src = with_shared_texts(tmp_path / "asal.xlsx")
    path = patched(tmp_path, "kata.xlsx", lambda t: t.replace("<si><t>", f"<si><t>{text} ", 1),
                   "xl/sharedStrings.xml", src)
    rep = import_files(ws, [path], "tester").files[0]
    assert rep.status == "diterima", rep.message
    formula = patched(tmp_path, "rumus.xlsx", lambda t: t.replace("</sheetData>", '<row r="70"><c r="A70" t="str">'
                                                                   '<f>"xmlns sheetData"</f><v>xmlns sheetData</v></c>'
                                                                   "</row></sheetData>"))
    rep = import_files(ws, [formula], "tester").files[0]
    assert rep.code != "foreign_markup", rep.message


def test_a_shared_text_with_an_escaped_digit_is_refused_and_an_escaped_line_break_is_not(ws, tmp_path):
    """Excel writes a line break in a text as _x000D_ (kept); a digit escaped so (_x0032_) is 2 to
    calamine and Excel but the letters to LibreOffice."""
    src = with_shared_texts(tmp_path / "asal.xlsx")
    fine = patched(tmp_path, "baris.xlsx", lambda t: t.replace("<si><t>", "<si><t>baris_x000D_", 1),
                   "xl/sharedStrings.xml", src)
    assert import_files(ws, [fine], "tester").files[0].status == "diterima"
    odd = patched(tmp_path, "kode.xlsx", lambda t: t.replace("<si><t>", "<si><t>_x0032_", 1),
                  "xl/sharedStrings.xml", src)
    rep = import_files(ws, [odd], "tester").files[0]
    assert rep.code == "foreign_markup" and "_x0032_" in rep.message


def test_the_shared_text_part_is_checked():
    sst = (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}" count="2"><si><t>KALIWUNGU</t></si>'
           '<si><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve">1.234 </t></r><rPh sb="0" eb="1"><t>x</t></rPh>'
           '</si><phoneticPr fontId="1"/></sst>').encode()
    assert check_part(sst, shared=True) is None
    assert check_part(sst.replace(b"<si><t>KALIWUNGU", b'<si><t xmlns="urn:lain">KALIWUNGU'), shared=True) == \
        'deklarasi namespace xmlns="urn:lain" di dalam data sel'
    assert check_part(sst.replace(b"<si><t>KALIWUNGU</t>", b"<si><w><t>KALIWUNGU</t></w>"), shared=True) == \
        "unsur w yang tidak ada di tempat itu dalam format xlsx"


HONEST = {
    # Excel: the root declares mc, x14ac, xr; rows carry x14ac:dyDescent and spans; extensions after the cells
    "excel_root_and_row_attributes": lambda t: on_root(
        f'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="{MC}" '
        'mc:Ignorable="x14ac xr" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" '
        'xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xr:uid="{00000000-0001}"')(
        t.replace('<row r="12">', '<row r="12" spans="1:40" x14ac:dyDescent="0.25">')),
    "extensions_after_the_cells": lambda t: t.replace("</worksheet>", (
        '<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/'
        'spreadsheetml/2009/9/main"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="http://schemas.'
        'microsoft.com/office/excel/2006/main"><xm:f>A1</xm:f><xm:sqref>D11:D12</xm:sqref>'
        '</x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst></worksheet>')),
    "every_tag_prefixed_with_the_worksheet_namespace": lambda t: __import__("re").sub(
        r"<(/?)(worksheet|sheetPr|outlinePr|pageSetUpPr|dimension|sheetViews|sheetView|selection|pane|sheetFormatPr|"
        r"cols|col|sheetData|row|c|v|is|t|f|mergeCells|mergeCell|pageMargins)([\s/>])", r"<\1s:\2\3", t).replace(
        f'xmlns="{MAIN}"', f'xmlns:s="{MAIN}"'),
    "strict_open_xml": lambda t: t.replace(f'xmlns="{MAIN}"', 'xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"'),
    "comments_and_instructions_among_the_cells": lambda t: t.replace("<sheetData>", "<sheetData><!-- diperiksa -->"
                                                                     "<?catatan ya?>"),
    "an_uppercase_XMLNS_is_an_attribute_not_a_declaration": cell('<c r="D12" t="n" XMLNS="urn:lain"><v>23531</v></c>'),
}


@pytest.mark.parametrize("case", sorted(HONEST))
def test_files_as_spreadsheet_programs_write_them_still_read(ws, tmp_path, case):
    path = patched(tmp_path, f"{case}.xlsx", HONEST[case])
    rep = import_files(ws, [path], "tester").files[0]
    assert rep.status == "diterima", rep.message
    assert ws.latest_values()["33.74"][1]["33.74.01"]["dpt_p"] == 23531


def test_an_empty_sheet_with_excel_extensions_is_no_cells():
    xml = (f'<worksheet xmlns="{MAIN}"><sheetData/><extLst><ext uri="{{CCE6A557}}" xmlns:x14="urn:x14">'
           '<x14:dataValidations xmlns:xm="urn:xm"><xm:f>A1</xm:f></x14:dataValidations></ext></extLst>'
           '</worksheet>').encode()
    assert check_part(xml) is None
    assert check_part(f'<worksheet xmlns="{MAIN}"><sheetViews/></worksheet>'.encode()) is None  # no sheetData
    assert check_part(b"") is None


def test_shared_texts_kept_at_another_path_are_said_in_indonesian(ws, tmp_path):
    """The shared texts at xl/strings.xml (the relationship says so): calamine looks only at
    xl/sharedStrings.xml and stops; the clerk reads where the texts are, not calamine's English."""
    src = with_shared_texts(tmp_path / "asal.xlsx")
    dest = tmp_path / "pindah.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename).replace(b"sharedStrings.xml", b"strings.xml")
            zout.writestr(item.filename.replace("sharedStrings.xml", "strings.xml"), data)
    rep = import_files(ws, [dest], "tester").files[0]
    assert rep.code == "damaged" and "Calamine" not in rep.message
    assert rep.message.startswith("Berkas pindah.xlsx: daftar teks buku kerja disimpan di xl/strings.xml, bukan di "
                                  "xl/sharedStrings.xml")


# ----------------------------------------------------------------- number formats that show otherwise
def with_format(tmp_path, name, code, cell_xml):
    """The sample with a number format ``code`` (a custom numFmt) on D12, written as ``cell_xml``."""
    def styles(t):
        fmt = f'<numFmt numFmtId="170" formatCode="{code}"/>'
        if "<numFmts" in t:
            at = t.index(">", t.index("<numFmts")) + 1
            t = t[:at] + fmt + t[at:]
        else:
            t = t.replace("<cellXfs", f'<numFmts count="1">{fmt}</numFmts><cellXfs', 1)
        return t.replace("</cellXfs>", '<xf numFmtId="170" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>'
                                       "</cellXfs>", 1)
    src = patched(tmp_path, f"asal-{name}", cell(cell_xml))
    with zipfile.ZipFile(src) as z:  # the new style's index: after the cellXfs' own
        xfs = z.read("xl/styles.xml").decode().split("<cellXfs", 1)[1].count("<xf ")
    return patched(tmp_path, name, styles, "xl/styles.xml", src), xfs


@pytest.mark.parametrize("code, value, shown", [
    ("&quot;23531&quot;", "99999", "23531"),  # a literal: LibreOffice shows 23531
    ("0,", "23531000", "23531"),  # scaled by a thousand
    (";;;", "99999", ""),  # hidden
    ("0%", "235", "23500%"),
])
def test_a_figure_whose_number_format_shows_another_is_refused(ws, tmp_path, code, value, shown):
    path, index = with_format(tmp_path, "format.xlsx", code, f'<c r="D12" s="{{s}}" t="n"><v>{value}</v></c>')
    path = patched(tmp_path, "format2.xlsx", lambda t: t.replace('s="{s}"', f's="{index}"'), source=path)
    rep = import_files(ws, [path], "tester").files[0]
    assert (rep.status, rep.code) == ("ditolak", "bad_number"), rep.message
    assert "sel D12" in rep.message and "dengan format angka" in rep.message
    assert "yang menampilkannya lain dari nilainya" in rep.message


@pytest.mark.parametrize("code", ["#,##0", "0", "General", "[Red]#,##0;[Red]\\-#,##0",
                                  '_(* #,##0_);_(* \\(#,##0\\);_(* &quot;-&quot;_);_(@_)', "@"])
def test_a_figure_in_a_format_that_shows_it_as_itself_reads(ws, tmp_path, code):
    path, index = with_format(tmp_path, "biasa.xlsx", code, '<c r="D12" s="{s}" t="n"><v>23531</v></c>')
    path = patched(tmp_path, "biasa2.xlsx", lambda t: t.replace('s="{s}"', f's="{index}"'), source=path)
    rep = import_files(ws, [path], "tester").files[0]
    assert rep.status == "diterima", rep.message
    assert ws.latest_values()["33.74"][1]["33.74.01"]["dpt_p"] == 23531


def test_which_formats_show_a_figure_otherwise():
    from recap_app.core.importer.formats import shows_otherwise

    assert [shows_otherwise(c) for c in ("General", "0", "#,##0", "0.00", "#,##0;(#,##0)", "@", "0;0;\"-\"")] == [
        False] * 7
    assert all(shows_otherwise(c) for c in ('"23531"', "0,", ";;;", "0%", "0.00E+00", "# ?/?", "dd/mm/yyyy",
                                            '0;0;0;"23531"', "[>100]0;\"kecil\"", '0" suara"', "0;0;\"nol\""))
