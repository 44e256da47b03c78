"""Markup in an xlsx part that calamine reads otherwise than a spreadsheet program.

calamine (quick-xml underneath) finds a worksheet's cells and the shared texts by their elements'
local names, whatever namespace they are in; Excel and LibreOffice read them by namespace and
skip what is not SpreadsheetML. A ``<x:v xmlns:x="urn:other">99999</x:v>`` in a cell, a wrapper
element in another namespace around a row, an ``mc:AlternateContent`` choice, a default namespace
switched on ``sheetData``, or a DTD giving an element a default ``xmlns``: each shows one figure
(or none) on the screen and another to calamine. No spreadsheet program writes any of them.

:func:`check_part` decides it with the namespaces as XML defines them (Namespaces in XML 1.0,
§5-6): the namespaces are declared on the root element only (anything else inside the cells
is refused), so an element's namespace is its prefix's declaration on the root, and every
element from the root to the end of the cells (``sheetData``; a shared-text part: all of it)
must be SpreadsheetML with a local name the format has there (ECMA-376 Part 1, §18.3.1 for
worksheets, §18.4 for shared strings). What follows the cells (conditional formats, Excel's
extensions with their own ``xmlns``, ``xm:f``) is not read by calamine for figures and is left
alone. The check is a few passes of ``bytes.find`` and one regular expression over the tags.
"""

from __future__ import annotations

import re

#: SpreadsheetML's namespace (transitional, as Excel, LibreOffice and openpyxl write it; strict)
MAIN = (b"http://schemas.openxmlformats.org/spreadsheetml/2006/main", b"http://purl.oclc.org/ooxml/spreadsheetml/main")

#: what may stand before and inside ``sheetData`` (ECMA-376 Part 1, §18.3.1: CT_Worksheet up to
#: sheetData, CT_Row, CT_Cell, CT_Rst and CT_RPrElt for inline texts)
_WORKSHEET = frozenset({
    b"worksheet", b"sheetPr", b"tabColor", b"outlinePr", b"pageSetUpPr", b"dimension", b"sheetViews", b"sheetView",
    b"pane", b"selection", b"pivotSelection", b"sheetFormatPr", b"cols", b"col", b"sheetData", b"row", b"c", b"v",
    b"f", b"is", b"t", b"r", b"rPr", b"rPh", b"phoneticPr", b"b", b"i", b"strike", b"condense", b"extend", b"outline",
    b"shadow", b"u", b"vertAlign", b"sz", b"color", b"rFont", b"family", b"charset", b"scheme"})
#: the shared-text part (§18.4: CT_Sst, CT_Rst, CT_RPrElt)
_SHARED = frozenset({
    b"sst", b"si", b"t", b"r", b"rPr", b"rPh", b"phoneticPr", b"b", b"i", b"strike", b"condense", b"extend",
    b"outline", b"shadow", b"u", b"vertAlign", b"sz", b"color", b"rFont", b"family", b"charset", b"scheme"})

#: an element's opening tag: its name (closing tags, comments, CDATA and processing instructions
#: do not match: "/", "!" and "?" cannot begin a name)
_OPEN_TAG = re.compile(rb"<([^\s/>!?]+)")
#: one attribute of a tag: its name, quote and value (blanks before it and around "=")
_ATTRIBUTE = re.compile(rb"\s+([^\s=/>\"']+)\s*=\s*([\"'])(.*?)\2", re.S)
#: an OOXML character escape (ECMA-376 Part 1, 22.4.2.4 ST_Xstring) of a digit, "+", ",", "-" or ".":
#: "_x0039_9999" is 99999 to calamine and Excel, the text "_x0039_9999" to LibreOffice
_ESCAPED_FIGURE = re.compile(rb"_x00(?:3[0-9]|2[b-e])_", re.IGNORECASE)
#: the opening tag of sheetData, any prefix, and its closing tag
_SHEET_DATA = re.compile(rb"<(?:[^\s/>!?:]+:)?sheetData(?=[\s/>])")
_SHEET_DATA_END = re.compile(rb"</(?:[^\s/>!?:]+:)?sheetData\s*>")
#: the rest of a tag up to its closing ">", quoted values taken whole
_TAG_REST = re.compile(rb"(?:[^>\"']++|\"[^\"]*+\"|'[^']*+')*+>")


def check_part(xml: bytes, shared: bool = False) -> str | None:
    """What in a worksheet part (``shared``: the shared-text part) calamine would read otherwise
    than a spreadsheet program, in Indonesian for a refusal ("unsur x:v dari namespace urn:other");
    None when nothing (every part Excel, LibreOffice, openpyxl or xlsxwriter write).

    Refused: a part not in UTF-8 (the checks read its bytes as UTF-8); a character escape of a digit
    or a sign (``_x0039_``: a digit to calamine, the letters to LibreOffice); a document type declaration (a DTD can give an element a default ``xmlns`` or
    attribute unseen in its tag); a root element outside SpreadsheetML; a namespace declared
    anywhere from the root's end to the end of the cells; an element there whose prefix the root
    does not bind to SpreadsheetML, or whose local name the format does not have there (a wrapper
    around cells, ``mc:AlternateContent``); a second ``sheetData``.
    """
    if xml[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in xml[:256]:
        return "teks XML dalam pengodean UTF-16, bukan UTF-8"
    if b"<!DOCTYPE" in xml or b"<!ENTITY" in xml or b"<!ATTLIST" in xml:
        return "deklarasi DOCTYPE (DTD)"
    escaped = _ESCAPED_FIGURE.search(xml) if b"_x" in xml or b"_X" in xml else None
    if escaped:  # calamine (and Excel) decode it to a digit, LibreOffice shows it as written
        return f"teks dengan kode karakter {escaped.group().decode()} untuk sebuah angka atau tanda angka"
    root = _root(xml)
    if root is None:
        return None  # nothing to read: calamine finds no cell either
    end = _tag_end(xml, root.end())
    attributes = _attributes(xml, root.end(), end)
    if attributes is None:
        return f"unsur akar {_text(root.group(1))} dengan atribut yang tidak dapat dibaca"
    declared = {name[6:] if name.startswith(b"xmlns:") else b"": value for name, value in attributes
                if name == b"xmlns" or name.startswith(b"xmlns:")}
    allowed = _SHARED if shared else _WORKSHEET
    name = root.group(1)
    if _namespace(name, declared) not in MAIN:
        return f"unsur akar {_text(name)} di luar namespace SpreadsheetML"
    if shared:
        stop = len(xml)
    else:
        opens = _SHEET_DATA.findall(xml, end)
        if not opens:
            return None  # no cells
        if len(opens) > 1:  # a second one (also one written in a comment): which one is read is unclear
            return "dua unsur sheetData"
        data = _SHEET_DATA.search(xml, end)
        close = _tag_end(xml, data.end())
        if xml[close - 2:close] == b"/>":
            stop = close
        else:  # to the last closing tag: one written early in a comment or CDATA does not end the cells
            closes = list(_SHEET_DATA_END.finditer(xml, close))
            stop = closes[-1].start() if closes else len(xml)
    if xml.find(b"xmlns", end, stop) != -1:  # a declaration, or only the word in a text: each tag read
        said = _declaration_in(xml, end, stop)
        if said:
            return f"deklarasi namespace {said} di dalam data sel"
    for name in dict.fromkeys(_OPEN_TAG.findall(xml, end, stop)):  # each name once, the first met first
        if _namespace(name, declared) not in MAIN:
            prefix = name.partition(b":")[0] if b":" in name else b""
            uri = declared.get(prefix)
            return (f"unsur {_text(name)} dari namespace {_text(uri)}" if uri is not None and uri else
                    f"unsur {_text(name)} tanpa namespace SpreadsheetML")
        if name.rpartition(b":")[2] not in allowed:
            return f"unsur {_text(name)} yang tidak ada di tempat itu dalam format xlsx"
    return None


def _attributes(xml: bytes, start: int, end: int) -> list[tuple[bytes, bytes]] | None:
    """The attributes of the tag whose name ends at ``start`` and which closes at ``end``, read
    one after the other as XML writes them (name, "=", a quoted value): a text inside a value that
    looks like an attribute is not one. None when the tag holds something else (not well-formed)."""
    out = []
    at = start
    stop = end - (2 if xml[end - 2:end] == b"/>" else 1)
    while True:
        m = _ATTRIBUTE.match(xml, at, stop)
        if m is None:
            break
        out.append((m.group(1), m.group(3)))
        at = m.end()
    return out if not xml[at:stop].strip() else None


def _declaration_in(xml: bytes, start: int, stop: int) -> str:
    """The first namespace declaration on a tag between ``start`` and ``stop``, as written
    ('xmlns:x="urn:lain"'), or "" (the word only in a text or a value)."""
    for m in _OPEN_TAG.finditer(xml, start, stop):
        end = _tag_end(xml, m.end())
        attributes = _attributes(xml, m.end(), end)
        if attributes is None:
            return _text(xml[m.start():end])  # a tag that cannot be read: named whole
        for name, value in attributes:
            if name == b"xmlns" or name.startswith(b"xmlns:"):
                return f'{_text(name)}="{_text(value)}"'
    return ""


def _root(xml: bytes) -> re.Match | None:
    """The root element's opening tag (its name as group 1), past the XML declaration, processing
    instructions and comments before it (a comment may hold a tag-like text: it is not the root)."""
    at = 0
    while True:
        lt = xml.find(b"<", at)
        if lt == -1:
            return None
        if xml.startswith(b"<?", lt):
            at = xml.find(b"?>", lt + 2)
        elif xml.startswith(b"<!--", lt):
            at = xml.find(b"-->", lt + 4)
        elif xml.startswith(b"<!", lt):
            return None  # a DOCTYPE (refused before this) or markup that is no element
        else:
            return _OPEN_TAG.match(xml, lt)
        if at == -1:
            return None  # never closed: no root
        at += 2


def _namespace(name: bytes, declared: dict[bytes, bytes]) -> bytes | None:
    """The namespace of an element named ``name`` under the root's declarations (None: unbound)."""
    prefix, colon, _local = name.partition(b":")
    if not colon:
        return declared.get(b"")
    if prefix == b"xml" or prefix == b"xmlns":
        return None
    return declared.get(prefix)


def _tag_end(xml: bytes, at: int) -> int:
    """The index after the ``>`` that closes the tag going on at ``at`` (a ``>`` inside a quoted
    value is not it); the end of the part when the tag is never closed."""
    m = _TAG_REST.match(xml, at)
    return m.end() if m else len(xml)


def _text(b: bytes | None) -> str:
    """Bytes of the markup, shortened, for a message."""
    text = (b or b"").decode("utf-8", "replace")
    return text if len(text) <= 60 else text[:57] + "…"


def is_shared_texts(xml: bytes) -> bool:
    """Whether a part is a shared-text list: its root element's local name is ``sst`` (whatever
    comes before the root, and whatever the part's path: calamine reads it by name)."""
    root = _root(xml)
    return root is not None and root.group(1).rpartition(b":")[2] == b"sst"
