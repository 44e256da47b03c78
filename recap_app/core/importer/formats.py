"""Number formats that show a spreadsheet cell otherwise than its value (xlsx).

The importer reads a cell's value; a clerk, the regency's printout and LibreOffice see the value as
its number format shows it. Most formats show the figure itself (General, ``0``, ``#,##0``,
``0.00``, the accounting formats, ``@``), but a format can show any text instead (``"23531"``,
``0;0;0;"23531"`` for a text cell), hide the value (``;;;``), scale it (``0,`` shows 23531000 as
23531), or make it a percentage, a date or a fraction. A figure cell with such a format is refused
by the figure reader (:class:`Formatted` values carry the format to it), naming the cell and the
format: the figure read must be the figure seen.

Formats as ECMA-376 Part 1, 18.8.30-31 (numFmt, built-in ids) and 18.8.45 (cellXfs).
"""

from __future__ import annotations

import re

#: built-in format ids that show a non-negative whole number as itself (0 General, 1 "0", 2 "0.00",
#: 3 "#,##0", 4 "#,##0.00", 37-44 accounting, 49 "@" text)
SAFE_BUILT_IN = frozenset({0, 1, 2, 3, 4, 37, 38, 39, 40, 41, 42, 43, 44, 49})
#: the codes of the other built-in ids, for messages
BUILT_IN_TEXT = {9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??", 14: "tanggal", 15: "tanggal",
                 16: "tanggal", 17: "tanggal", 18: "jam", 19: "jam", 20: "jam", 21: "jam", 22: "tanggal dan jam",
                 45: "jam", 46: "jam", 47: "jam", 48: "##0.0E+0"}

_CELL_XFS = re.compile(rb"<(?:[^\s/>!?:]+:)?cellXfs\b.*?</(?:[^\s/>!?:]+:)?cellXfs\s*>", re.S)
_XF = re.compile(rb"<(?:[^\s/>!?:]+:)?xf\b([^>]*)>")
_NUM_FMT = re.compile(rb"<(?:[^\s/>!?:]+:)?numFmt\b([^>]*)>")
_ATTR = re.compile(rb"([\w:.\-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
#: a digit placeholder part: 0 # ? with thousands separators between them and decimals after
_PLAIN = re.compile(r"[0#?]+(?:,[0#?]+)*(?:\.[0#?]*)?|\.[0#?]+")
_DASH = re.compile(r'"?[-‐‑–—]"?')


def _attrs(raw: bytes) -> dict[bytes, str]:
    from xml.sax.saxutils import unescape

    return {m.group(1): unescape((m.group(2) if m.group(2) is not None else m.group(3)).decode("utf-8", "replace"),
                                 {"&quot;": '"', "&apos;": "'"})
            for m in _ATTR.finditer(raw)}


def odd_styles(styles_xml: bytes) -> dict[int, str]:
    """{cell style index (the ``s`` of a cell): its format code} of the styles whose number format
    shows a figure otherwise than as itself (:func:`shows_otherwise`); {} for the usual workbook."""
    block = _CELL_XFS.search(styles_xml)
    if block is None:
        return {}
    custom = {}
    for m in _NUM_FMT.finditer(styles_xml):
        a = _attrs(m.group(1))
        if b"numFmtId" in a and a[b"numFmtId"].isdigit():
            custom[int(a[b"numFmtId"])] = a.get(b"formatCode", "")
    odd = {}
    for index, m in enumerate(_XF.finditer(block.group())):
        raw = _attrs(m.group(1)).get(b"numFmtId", "0")
        fid = int(raw) if raw.isdigit() else -1
        if fid in custom:
            if shows_otherwise(custom[fid]):
                odd[index] = custom[fid]
        elif fid not in SAFE_BUILT_IN:
            odd[index] = BUILT_IN_TEXT.get(fid, f"format nomor {raw}")
    return odd


def _sections(code: str) -> list[str]:
    """The ;-separated sections of a format code (a ; inside quotes or after \\ is text)."""
    out, cur, quoted, i = [], [], False, 0
    while i < len(code):
        ch = code[i]
        if ch == '"':
            quoted = not quoted
        elif ch == "\\" and not quoted and i + 1 < len(code):
            cur.append(code[i:i + 2])
            i += 2
            continue
        elif ch == ";" and not quoted:
            out.append("".join(cur))
            cur = []
            i += 1
            continue
        cur.append(ch)
        i += 1
    out.append("".join(cur))
    return out


def _bare(section: str) -> str:
    """A section without what only pads or colours it: [Red], [$-421] (a colour or a locale, not a
    condition), _x (a space the width of x), *x (a fill), \\  and "" (an escaped or quoted space)."""
    section = re.sub(r"\[(?:[A-Za-z]+\d*|\$[^\]]*)\]", "", section)
    section = re.sub(r"_.|\*.|\\ |\" \"", "", section)
    return section.strip()


def shows_otherwise(code: str) -> bool:
    """Whether a format code shows a non-negative whole number otherwise than as its digits (with
    or without thousands separators and decimals), or a text otherwise than as written.

    Kept: General, ``0``, ``#,##0``, ``0.00``, colours and locales, padding, the accounting
    formats (a zero shown as "-"), a text section that is ``@``. Anything else (literal text, an
    empty first section, a scaling comma, %, E, /, dates, conditions) shows otherwise.
    """
    sections = _sections(code)
    first = _bare(sections[0])
    if first == "@" and len(sections) == 1:
        return False  # text: shown as written
    if first.lower() not in ("general", "") and not _PLAIN.fullmatch(first):
        return True
    if first == "" and len(sections) > 1:
        return True  # ;;; and the like: the value hidden
    if len(sections) > 2 and not (_PLAIN.fullmatch(zero := _bare(sections[2])) or _DASH.fullmatch(zero)
                                  or zero.lower() == "general"):
        return True  # a zero shown as a text other than "-"
    return len(sections) > 3 and _bare(sections[3]) not in ("@", "")


class Formatted:
    """Mixed into a value read from a cell whose format shows otherwise: ``number_format`` is its code."""

    number_format: str = ""


class FormattedFloat(float, Formatted):
    """A number read from a cell whose format shows otherwise (see :class:`Formatted`)."""


class FormattedText(str, Formatted):
    """A text read from a cell whose format shows otherwise (a format's text section)."""


def formatted(value, code: str):
    """``value`` (as calamine read it) carrying the format ``code`` that shows it otherwise; None,
    booleans and dates stay as they are (the figure reader refuses them anyway)."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float)):
        out = FormattedFloat(value)
    elif isinstance(value, str):
        out = FormattedText(value)
    else:
        return value
    out.number_format = code
    return out
