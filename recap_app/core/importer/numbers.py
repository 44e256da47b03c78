"""Reading one figure from a spreadsheet cell (docs/domain.md §4: "12.096.454", "-" for zero).

Rules (the same for every file kind):
- blank cell (None, "" or spaces) -> None: blank is not zero;
- int, or float with an integral value (calamine returns whole numbers as floats) -> int;
- text of digits, optionally grouped by dots in threes ("12.096.454") -> int; a first group
  starting with 0 ("0.451", "000.451") is refused as ambiguous: it reads as a fraction;
- refused: digits other than ASCII 0-9 ("١٢٣", "१२३", fullwidth "１２３"), which int() would take;
- "-" (also en/em dash) -> 0, and the caller reports it;
- refused: error values ("#REF!", "#N/A", "#DIV/0!"... also a formula whose saved result is one),
  named as such: a spreadsheet error is never read as blank;
- a whole figure with zero decimals ("20975,00", "20.975,00", "150,00", "150.0", "20975.00",
  "20,975.00", as CSV exports and locales write them) -> int: one or two digits after the last
  separator cannot be a thousands group, so it is the decimal separator, and the fraction is zero;
  but "22.00" is refused (an Indonesian "22.000" with a zero lost?), and "0.451,00" as "0.451" is;
- refused: "1,234" (comma: thousands or decimal? ambiguous), negatives, fractions, other text,
  booleans and dates, and figures above :data:`MAX_FIGURE` (no region has a billion voters; this
  also keeps every sum within SQLite's 64-bit integers).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..domain import MAX_FIGURE  # noqa: F401 (the importer's bound, imported from here too)
from ..formatting import number
from .formats import Formatted

DASHES = {"-", "\u2013", "\u2014", "\u2212"}
# re.ASCII: \d is 0-9 only (without it "١٢٣", "१२३" and fullwidth "１２３" match, and int() takes them)
_PLAIN = re.compile(r"^\d+$", re.ASCII)
_DOTTED = re.compile(r"^\d{1,3}(?:\.\d{3})+$", re.ASCII)
_COMMA = re.compile(r"^-?\d{1,3}(?:,\d{3})+$|^-?\d+,\d+$", re.ASCII)
_NEGATIVE = re.compile(r"^(?:-\s*[\d.,]+|\(\s*[\d.,]+\s*\))$", re.ASCII)
_DECIMAL = re.compile(r"^\d+\.\d+$", re.ASCII)
#: a whole figure written with zero decimals, as a CSV export or a locale writes it: the decimal
#: separator is the one that cannot group thousands (one or two digits after it), the other may
#: group them. Indonesian: "20975,00", "20.975,00", "150,00" (a comma never groups thousands in
#: Indonesian). English: one zero, as a float export writes every figure ("150.0", "0.0",
#: "20975.0"); two zeros only where the figure before the point cannot be an Indonesian thousands
#: group with a zero lost: "20975.00", "20,975.00", but "22.00" is refused (22, or 22.000?). A first
#: group starting with 0 ("0.451,00") is refused as for "0.451".
_ZERO_DECIMALS = (re.compile(r"^(\d+|[1-9]\d{0,2}(?:\.\d{3})+),0{1,2}$", re.ASCII),
                  re.compile(r"^(\d+|[1-9]\d{0,2}(?:,\d{3})+)\.0$", re.ASCII),
                  re.compile(r"^(\d{4,}|[1-9]\d{0,2}(?:,\d{3})+)\.00$", re.ASCII))
#: more digits than any figure can have (the bound has 9): refused before int(), which takes at most 4.300
_MAX_DIGITS = 15
#: spreadsheet error values (Excel/LibreOffice "#REF!", "#N/A", ...; LibreOffice "Err:502")
ERROR_TEXT = re.compile(r"^(?:#(?:NULL!|DIV/0!|VALUE!|REF!|NAME\?|NUM!|N/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|"
                        r"UNKNOWN!|BUSY!|CONNECT!|PYTHON!)|Err:\d{3})$", re.I)


def short(text: object, limit: int = 60) -> str:
    """Cell text as quoted in a message: spaces collapsed, at most ``limit`` characters, then "…"."""
    t = " ".join(str(text).split())
    return t if len(t) <= limit else t[:limit] + "\u2026"


class CellError(str):
    """A cell holding a spreadsheet error value ("#REF!"), as readers put it in the grid.

    ``formula``: the formula whose saved result this is, or None for a plain error cell."""

    formula: str | None

    def __new__(cls, value: str, formula: str | None = None):
        obj = super().__new__(cls, value)
        obj.formula = formula
        return obj


class Parsed(NamedTuple):
    """A figure read from a cell: ``value`` (int or None) and ``dash`` (True when "-" meant 0)."""

    value: int | None
    dash: bool = False


class NumberProblem(ValueError):
    """The cell does not hold a usable figure; ``found`` and ``expected`` are Indonesian phrases."""

    def __init__(self, found: str, expected: str = "bilangan bulat tidak negatif", error: CellError | None = None):
        super().__init__(found)
        self.found = found
        self.expected = expected
        self.error = error  # set for a spreadsheet error value: the caller says "berisi galat ..."


def parse_figure(raw: object) -> Parsed:
    """Turn a cell value into a figure (see :func:`_parse`), refusing implausibly large ones."""
    p = _parse(raw)
    if p.value is not None and p.value > MAX_FIGURE:
        raise NumberProblem(f"bilangan {number(p.value)} (terlalu besar)", "bilangan bulat tidak negatif sampai 999.999.999")
    return p


def _parse(raw: object) -> Parsed:
    """Turn a cell value into a figure.

    Args:
        raw: the cell value as read (None, int, float, str, bool, date...).
    Returns:
        Parsed(value, dash).
    Raises:
        NumberProblem: ambiguous, negative, fractional or non-numeric content.
    """
    if raw is None:
        return Parsed(None)
    if isinstance(raw, Formatted):  # its number format shows something else than this value
        shown = number(int(raw)) if isinstance(raw, float) and raw.is_integer() else f'"{short(str(raw))}"'
        raise NumberProblem(f'{shown} dengan format angka "{short(raw.number_format)}", yang menampilkannya lain '
                            "dari nilainya (teks, disembunyikan, diskalakan, persen atau tanggal)",
                            "angka dengan format angka biasa (General, 0 atau #,##0)")
    if isinstance(raw, str) and (isinstance(raw, CellError) or ERROR_TEXT.match(raw.strip())):
        err = raw if isinstance(raw, CellError) else CellError(raw.strip())
        raise NumberProblem(f"galat {err}", error=err)
    if isinstance(raw, bool):
        raise NumberProblem(f"nilai logika {raw!r}")
    if isinstance(raw, int):
        if raw < 0:
            raise NumberProblem(f"bilangan negatif {number(raw)}")
        return Parsed(raw)
    if isinstance(raw, float):
        if raw != raw or raw in (float("inf"), float("-inf")):
            raise NumberProblem(f"nilai {raw!r}")
        if not raw.is_integer():
            raise NumberProblem(f"bilangan pecahan {raw!r}")
        if raw < 0:
            raise NumberProblem(f"bilangan negatif {number(int(raw))}")
        return Parsed(int(raw))
    if not isinstance(raw, str):
        raise NumberProblem(f"nilai bukan bilangan ({type(raw).__name__}: {raw})")
    text = raw.replace("\u00a0", " ").strip()
    if not text:
        return Parsed(None)
    if text in DASHES:
        return Parsed(0, dash=True)
    if any(ch.isdigit() and not ch.isascii() for ch in text):
        raise NumberProblem(f'"{short(text)}" (memakai angka selain 0-9)', "bilangan bulat dengan angka 0-9")
    if sum(ch.isdigit() for ch in text) > _MAX_DIGITS:
        raise NumberProblem(f'"{short(text)}" (terlalu besar)', "bilangan bulat tidak negatif sampai 999.999.999")
    if _PLAIN.match(text):
        return Parsed(int(text))
    whole = text.removesuffix(",00").removesuffix(",0")  # the figure before Indonesian zero decimals
    if _DOTTED.match(whole) and whole.startswith("0"):  # "0.451", "000.451" (also "0.451,00"): a fraction,
        raise NumberProblem(f'"{short(text)}" (diawali nol sebelum titik: tampak seperti pecahan, bukan pemisah '
                            'ribuan; ambigu)', 'bilangan bulat tanpa nol di depan, misalnya "451" atau "1.451"')
    if _DOTTED.match(text):  # not thousands grouping
        return Parsed(int(text.replace(".", "")))
    for zero_decimals in _ZERO_DECIMALS:
        if m := zero_decimals.match(text):
            return Parsed(int(m.group(1).replace(".", "").replace(",", "")))
    if _COMMA.match(text):
        raise NumberProblem(f'"{short(text)}" (koma bisa berarti pemisah ribuan atau desimal; ambigu)',
                            'bilangan tanpa pemisah atau dengan titik sebagai pemisah ribuan, misalnya "1.234"')
    if _NEGATIVE.match(text):
        raise NumberProblem(f'bilangan negatif "{short(text)}"')
    if _DECIMAL.match(text):
        raise NumberProblem(f'"{short(text)}" (bukan bilangan bulat)')
    raise NumberProblem(f'teks "{short(text)}"')
