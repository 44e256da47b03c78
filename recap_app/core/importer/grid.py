"""Cells of a sheet seen in one orientation: references, text, merged cells."""

from __future__ import annotations

import re
from typing import Any

from .reader import Sheet, column_letter, column_number

_A1 = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")


def cell_ref(r: int, c: int) -> str:
    """A1-style reference of a 0-based (row, column)."""
    return f"{column_letter(c + 1)}{r + 1}"


def cell_text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


class Grid:
    """A sheet seen in one orientation, with merged header/label cells filled from their first cell."""

    def __init__(self, sheet: Sheet, transposed: bool):
        self.sheet = sheet
        self.transposed = transposed
        rows = sheet.rows
        if transposed:
            width = sheet.width
            rows = [[r[c] if c < len(r) else None for r in sheet.rows] for c in range(width)]
        self.rows = rows
        self.hidden_lines = sheet.hidden_cols if transposed else sheet.hidden_rows
        self.hidden_cols = sheet.hidden_rows if transposed else sheet.hidden_cols
        self.height = len(rows)
        self.width = max((len(r) for r in rows), default=0)
        self.fill: dict[tuple[int, int], Any] = {}
        for r0, c0, r1, c1 in sheet.merged:
            if transposed:
                r0, c0, r1, c1 = c0, r0, c1, r1
            v = self.raw(r0, c0)
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    if (r, c) != (r0, c0):
                        self.fill[(r, c)] = v

    def raw(self, r: int, c: int) -> Any:
        row = self.rows[r] if r < self.height else ()
        return row[c] if c < len(row) else None

    def view(self, r: int, c: int) -> Any:
        """The value shown for a header/label cell (merged cells repeat their first cell)."""
        v = self.raw(r, c)
        return self.fill.get((r, c)) if v is None else v

    def orig(self, r: int, c: int) -> tuple[int, int]:
        return (c, r) if self.transposed else (r, c)

    def ref(self, r: int, c: int) -> str:
        return cell_ref(*self.orig(r, c))


def unref(ref: str) -> tuple[int, int]:
    """0-based (row, column) of an A1-style reference ("B7" -> (6, 1)). Raises ValueError for
    anything else."""
    m = _A1.match(ref.strip())
    if m is None or int(m.group(2)) < 1:
        raise ValueError(f"Invalid cell coordinates ({ref})")
    return int(m.group(2)) - 1, column_number(m.group(1)) - 1
