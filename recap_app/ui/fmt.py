"""Number display and parsing for the window (Babel, Indonesian: 1.234.567)."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from ..core import formatting
from ..core.domain import MAX_FIGURE

# The window's language ("id" or "en"), set by app.make_app with the translation.
LANG = "id"


def form_label(item) -> str:
    """A form row's or field's label in the window's language: the English one (``label_en``) where
    the window speaks English and the form has it, else the label as printed on the form."""
    return (getattr(item, "label_en", "") or item.label) if LANG == "en" else item.label


def sex_text(sex: str) -> str:
    """A split row's part as the window names it: LK / PR / JML (the form's words), or in English
    M / F / Total; "" for a row that is not split."""
    return ({"L": "M", "P": "F", "JML": "Total"} if LANG == "en" else {"L": "LK", "P": "PR", "JML": "JML"}).get(sex, "")


def refusal(exc) -> str:
    """The text the window shows for a refusal of the core (a RecapError): its Indonesian message
    as it is where the window speaks Indonesian; where it speaks English, the refusal's English
    (:func:`recap_app.core.errors.english`: its own sentence, or its code's meaning) followed by
    the Indonesian message, which names the file, cell or field and is what the audit log and the
    command line keep. A refused :class:`recap_app.core.certificate.Answer` (a button's "why
    not") reads the same way from its ``reason``. Anything else (not a RecapError): its text."""
    message = getattr(exc, "message", None) or getattr(exc, "reason", None) or str(exc)
    if LANG != "en" or not getattr(exc, "code", ""):
        return message
    from ..core.errors import english

    return f"{english(exc)}\n\nIn Indonesian, as recorded: {message}"


def problem(p) -> str:
    """A problem an integrity check found (core.audit.Problem: the audit chain, the figures, a
    published site) as the window shows it: its Indonesian message, or in English its kind's
    meaning then the message as recorded (:func:`recap_app.core.audit.problem_english`)."""
    if LANG != "en":
        return p.message
    from ..core.audit import problem_english

    return problem_english(p)


# re.ASCII: \d is 0-9 only (the importer's rule: "١٢٣" or fullwidth digits are not figures)
_DOTTED = re.compile(r"^\d{1,3}(\.\d{3})+$", re.ASCII)
_PLAIN = re.compile(r"^\d+$", re.ASCII)


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
    if _PLAIN.match(t) or _DOTTED.match(t):
        digits = t.replace(".", "")
        if len(digits.lstrip("0")) > len(str(MAX_FIGURE)) or int(digits) > MAX_FIGURE:  # length first: int()
            message = QCoreApplication.translate(  # refuses more than 4.300 digits
                "CertificateTable", "\u201c%1\u201d terlalu besar (paling besar 999.999.999).")
            raise NumberError(message.replace("%1", shown_text(text)))
        return int(digits)
    if t[0] in "-\u2212\u2013" and (_PLAIN.match(t[1:]) or _DOTTED.match(t[1:])):  # a whole number, below zero
        message = QCoreApplication.translate(
            "CertificateTable", "\u201c%1\u201d negatif: angka sertifikat tidak boleh kurang dari nol (0 ditulis 0 atau -).")
        raise NumberError(message.replace("%1", shown_text(text)))
    message = QCoreApplication.translate("CertificateTable", "\u201c%1\u201d bukan bilangan bulat (contoh yang benar: 12.345 atau 12345).")
    raise NumberError(message.replace("%1", shown_text(text)))


def shown_text(text: str) -> str:
    """Typed or pasted text as a message quotes it: at most 40 characters, then "…"."""
    t = text.strip()
    return t if len(t) <= 40 else t[:40] + "\u2026"


def when(iso: str | None) -> str:
    """A stored time as the office reads it, zone named: "8 Mei 2019 17.30 WIB" (English in English
    mode: "8 May 2019 17.30 WIB"); the text as is if unparsable (core.formatting.local_time)."""
    return formatting.local_time(iso, LANG)


def date(iso: str | None) -> str:
    """A stored date or time as a long date in the window's language ("8 Mei 2019"); "" when blank."""
    if not iso:
        return ""
    try:
        return formatting.date_long(iso, LANG)
    except ValueError:
        return str(iso)


def series(form) -> list[tuple[str, str]]:
    """[(vote key, "01 Joko Widodo - Ma'ruf Amin")] for the contestants of a form, ballot order."""
    return [(form.total_key(c), f"{c.nomor:02d} {c.short}") for c in form.contestants]
