"""Text typed by people, checked where it enters: reasons, explanations, names, objections."""

from __future__ import annotations

from .errors import TextError


def clean_text(text: str | None, what: str) -> str:
    """The text stripped of surrounding spaces; refused when empty.

    Args:
        text: what was typed (None counts as empty); what: how the form calls it ("Penjelasan").
    Raises:
        TextError: code "empty_text" when nothing but spaces was given.
    """
    text = (text or "").strip()
    if not text:
        raise TextError(f"{what} tidak boleh kosong: tuliskan alasannya dengan kalimat.", "empty_text")
    return text
