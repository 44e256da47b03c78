"""Number display and parsing for the window (Babel, Indonesian: 1.234.567)."""

from __future__ import annotations

import datetime as _dt
import re

from babel.dates import format_datetime

from ..core import formatting

_DOTTED = re.compile(r"^\d{1,3}(\.\d{3})+$")
_PLAIN = re.compile(r"^\d+$")


number = formatting.number
percent = formatting.percent


class NumberError(ValueError):
    """Text typed or pasted into a cell that is not a whole number (message in Indonesian)."""


def parse_cell(text: str) -> int | None:
    """Parse what a clerk types or pastes into a figure cell.

    "12.345" and "12345" -> 12345; "" -> None (blank); "-" -> 0 (the forms' dash for zero).
    Raises NumberError for anything else ("1,5", "-3", "abc"), naming what was found.
    """
    t = text.strip().replace("\u00a0", "").replace(" ", "")
    if t == "":
        return None
    if t in ("-", "\u2013", "\u2014"):
        return 0
    if _PLAIN.match(t):
        return int(t)
    if _DOTTED.match(t):
        return int(t.replace(".", ""))
    raise NumberError(f"\u201c{text.strip()}\u201d bukan bilangan bulat (contoh yang benar: 12.345 atau 12345).")


def when(iso: str | None) -> str:
    """ISO 8601 time from the store -> "29 Nov 2026 19.21 UTC" (Indonesian); the text as is if unparsable."""
    if not iso:
        return ""
    try:
        t = _dt.datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if t.tzinfo is not None:
        t = t.astimezone(_dt.UTC)
    return format_datetime(t, "d MMM y HH.mm", locale="id") + " UTC"


def series(form) -> list[tuple[str, str]]:
    """[(vote key, "01 Joko Widodo - Ma'ruf Amin")] for the contestants of a form, ballot order."""
    return [(form.total_key(c), f"{c.nomor:02d} {c.short}") for c in form.contestants]
