"""The result a spreadsheet program shows for a simple formula whose result the file did not save.

A workbook written by a script (or exported by some web tools) can hold formulas without their
results: calamine reads such a cell as blank. The printed certificate the regency signed shows
what the spreadsheet program computes from the formula, and that is the figure to keep, even
when the formula adds the wrong cells (``=D50+D51`` for "jumlah suara sah" where paslon 1 and 2
are in rows 49 and 50): the rules then say the certificate does not add up, instead of the
program quietly storing the sum the form defines.

Only what a regency clerk writes for a sum is evaluated — cell references (``D11``, ``$D$11``),
whole numbers, ``+`` and ``-``, parentheses and ``SUM`` over cells and ranges — in the xlsx
syntax (``=SUM(D11:L11)``) and the OpenDocument one (``of:=SUM([.D11:.L11])``). A blank cell
counts as 0 and SUM leaves out a text in its ranges, as the spreadsheet program does; a referenced
formula without a result is evaluated in turn. Anything else (another sheet, another function, a text or fractional figure, an error
cell, a circular reference) gives None: the importer then falls back on the form's definition
and says so.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from .grid import unref

#: one token of a formula: a range, a cell reference, a whole number, SUM, an operator or bracket
# re.ASCII: letters A-Z and digits 0-9 only, as the spreadsheet program reads a reference (without
# it "ſum" would be SUM and an Arabic-Indic digit a row number)
_TOKEN = re.compile(r"\s*(?:(\$?[A-Z]{1,3}\$?\d{1,7}:\$?[A-Z]{1,3}\$?\d{1,7})|(\$?[A-Z]{1,3}\$?\d{1,7})(?![\w(])"
                    r"|(\d{1,15})(?![\w.,])|(SUM)\s*(?=\()|([-+(),;]))", re.IGNORECASE | re.ASCII)
#: an OpenDocument reference in brackets on this sheet: [.D11] or [.D11:.L11]
_ODS_REF = re.compile(r"\[\.(\$?[A-Z]{1,3}\$?\d+)(?::\.(\$?[A-Z]{1,3}\$?\d+))?\]", re.IGNORECASE | re.ASCII)
#: the last row and column of a sheet (XFD1048576): a reference past them is an error to the program
_LAST_ROW, _LAST_COL = 1_048_576, 16_384
#: formulas referring to formulas: deeper than this is given up (a sheet's sums are a few levels deep)
MAX_DEPTH = 64
#: at most this many cells are summed for one range (a certificate's row is ~40 cells wide)
MAX_RANGE_CELLS = 100_000
#: at most this many cells are read for all the formulas of one sheet (hostile files: a formula of a
#: thousand large ranges, or thousands of such formulas, must not keep the import busy)
MAX_CELLS_READ = 1_000_000


class _Unknown(Exception):
    """The formula is not one this module evaluates (the caller falls back)."""


def plain_text(formula: str) -> str | None:
    """The formula without its "=" (and OpenDocument's "of:" and brackets), or None when it names another sheet."""
    text = formula.strip()
    if text.lower().startswith("of:"):
        text = text[3:]
        if "[" in _ODS_REF.sub("", text):
            return None  # a reference to another sheet ([Sheet2.A1]) or to a whole column
        text = _ODS_REF.sub(lambda m: m.group(1) + (f":{m.group(2)}" if m.group(2) else ""), text)
    if not text.startswith("="):
        return None
    return text[1:]


def evaluate(formula: str, rows: Sequence[Sequence[Any]], missing: Mapping[tuple[int, int], str]) -> int | None:
    """The whole number a spreadsheet program shows for ``formula``, or None when it is not a simple sum.

    Args:
        formula: the formula as the reader found it ("=D50+D51", "of:=SUM([.D11:.L11])").
        rows: the sheet's cells, 0-based (int, float, str, None, an error cell).
        missing: {(row, column) 0-based: formula} of the sheet's formulas without a saved result
            (evaluated in turn where referenced).
    Returns:
        The result (blank cells count as 0), or None: another sheet or function, a text, a
        fraction, an error cell or a negative result met, a circular reference, a range larger
        than :data:`MAX_RANGE_CELLS`, more than :data:`MAX_CELLS_READ` cells to read.
    """
    return Evaluator(rows, missing).evaluate(formula)


class Evaluator:
    """:func:`evaluate` for many formulas of one sheet: the result of a formula cell is kept, and so
    is a formula cell given up (each is worked out once); all of them together read at most
    :data:`MAX_CELLS_READ` cells and formula tokens (then every answer is None)."""

    def __init__(self, rows: Sequence[Sequence[Any]], missing: Mapping[tuple[int, int], str]):
        self.rows = rows
        self.missing = missing
        self.memo: dict[tuple[int, int], int] = {}
        self.given_up: set[tuple[int, int]] = set()
        self.tokens: dict[str, list[tuple[str, str]]] = {}
        self.left = MAX_CELLS_READ

    def evaluate(self, formula: str) -> int | None:
        """The result of ``formula`` as :func:`evaluate` gives it."""
        try:
            return self.formula(formula, ())
        except (_Unknown, RecursionError):
            return None

    def formula(self, formula: str, stack: tuple) -> int:
        tokens = self.tokens.get(formula)
        if tokens is None:
            text = plain_text(formula)
            if text is None or len(text) > self.left:
                raise _Unknown
            self.left -= len(text)  # reading a formula counts by its length
            tokens = self.tokens[formula] = self._tokens(text)
        value, i = self._expr(tokens, 0, stack)
        if i != len(tokens) or value < 0:
            raise _Unknown
        return value

    @staticmethod
    def _tokens(text: str) -> list[tuple[str, str]]:
        out, pos = [], 0
        text = text.rstrip()
        while pos < len(text):
            m = _TOKEN.match(text, pos)
            if m is None or m.end() == pos:
                raise _Unknown
            kind = ("range", "ref", "num", "sum", "op")[next(i for i in range(5) if m.group(i + 1) is not None)]
            out.append((kind, m.group(m.lastindex).upper()))
            pos = m.end()
        return out

    def _expr(self, tokens, i, stack) -> tuple[int, int]:
        sign = 1
        if i < len(tokens) and tokens[i] in (("op", "+"), ("op", "-")):
            sign, i = (-1 if tokens[i][1] == "-" else 1), i + 1
        value, i = self._term(tokens, i, stack)
        total = sign * value
        while i < len(tokens) and tokens[i] in (("op", "+"), ("op", "-")):
            op = tokens[i][1]
            value, i = self._term(tokens, i + 1, stack)
            total = total + value if op == "+" else total - value
        return total, i

    def _term(self, tokens, i, stack) -> tuple[int, int]:
        if i >= len(tokens):
            raise _Unknown
        kind, text = tokens[i]
        if kind == "num":
            return int(text), i + 1
        if kind == "ref":
            return self._cell(_at(text), stack, in_sum=False), i + 1
        if kind == "sum":
            if i + 1 >= len(tokens) or tokens[i + 1] != ("op", "("):
                raise _Unknown
            total, i = 0, i + 2
            while True:
                if i < len(tokens) and tokens[i][0] == "range":
                    total += self._range(tokens[i][1], stack)
                    i += 1
                else:
                    value, i = self._expr(tokens, i, stack)
                    total += value
                if i < len(tokens) and tokens[i] in (("op", ","), ("op", ";")):
                    i += 1
                    continue
                if i < len(tokens) and tokens[i] == ("op", ")"):
                    return total, i + 1
                raise _Unknown
        if (kind, text) == ("op", "("):
            value, i = self._expr(tokens, i + 1, stack)
            if i < len(tokens) and tokens[i] == ("op", ")"):
                return value, i + 1
        raise _Unknown

    def _range(self, text: str, stack) -> int:
        first, last = (_at(t) for t in text.split(":"))
        r0, r1 = sorted((first[0], last[0]))
        c0, c1 = sorted((first[1], last[1]))
        cells = (r1 - r0 + 1) * (c1 - c0 + 1)
        if cells > MAX_RANGE_CELLS or cells > self.left:  # each cell read counts (:meth:`_cell`)
            raise _Unknown
        return sum(self._cell((r, c), stack, in_sum=True) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1))

    def _cell(self, at: tuple[int, int], stack, *, in_sum: bool) -> int:
        if at in self.memo:
            return self.memo[at]
        if self.left <= 0 or at in self.given_up or at[0] >= _LAST_ROW or at[1] >= _LAST_COL:
            raise _Unknown  # past the sheet's last cell: an error to the spreadsheet program
        self.left -= 1
        if at in self.missing:
            if at in stack or len(stack) >= MAX_DEPTH:
                raise _Unknown  # a circular reference: the spreadsheet program shows no figure either
            try:
                value = self.formula(self.missing[at], (*stack, at))
            except _Unknown:
                self.given_up.add(at)  # whatever refers to it is given up at once
                raise
            self.memo[at] = value
            return value
        r, c = at
        v = self.rows[r][c] if r < len(self.rows) and c < len(self.rows[r]) else None
        if v is None:
            return 0
        if type(v) is int:
            return v
        if type(v) is float and v.is_integer():
            return int(v)
        if in_sum and type(v) is str:
            return 0  # SUM leaves out a text in its ranges (a label, also a figure typed as text)
        raise _Unknown  # a text added with +, a fraction, an error cell: what the program shows is not a figure here


def _at(ref: str) -> tuple[int, int]:
    """0-based (row, column) of a reference token ("D11", "$D$11"; :func:`.grid.unref`)."""
    try:
        return unref(ref)
    except ValueError:
        raise _Unknown from None
