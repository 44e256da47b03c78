"""Texts typed by a person (reasons, explanations, names): normalised, and refused when they hold a
control or invisible character or say nothing at all."""

import pytest

from recap_app.core.errors import TextError
from recap_app.core.text import clean_text, optional_text


@pytest.mark.parametrize("typed", ["\u3164", "\u3164\u3164 \u3164", "\u2800", "\u00ad", "\u034f", "\uffa0",
                                   "\u115f\u1160", "\ufe0f", "\U0001d159\U0001d159", " \u00a0\u3000 ", "e\u0301"[1:]])
def test_a_reason_made_only_of_characters_that_show_nothing_is_no_reason(typed):
    with pytest.raises(TextError) as e:
        clean_text(typed, "Alasan perubahan")
    assert e.value.code == "empty_text" and e.value.message.startswith("Alasan perubahan tidak boleh kosong")


@pytest.mark.parametrize("typed, kept", [
    ("salah ketik", "salah ketik"),
    ("  dicocokkan dengan DA1 asli \n", "dicocokkan dengan DA1 asli"),
    ("e\u0301", "\u00e9"),  # composed (NFC)
    ("7", "7"), ("—", "—"), ("✓", "✓"),  # a digit, a dash, a symbol: something is said
    ("한글", "한글"), ("\u3164salah", "\u3164salah"),  # a filler beside words is left as typed
    ("می\u200cخواهم", "می\u200cخواهم"), ("👨\u200d👩\u200d👧", "👨\u200d👩\u200d👧"),  # ZWNJ, ZWJ: spelling
])
def test_a_reason_that_says_something_is_kept_as_typed_in_composed_form(typed, kept):
    assert clean_text(typed, "Alasan") == kept


def test_an_optional_text_of_fillers_is_refused_not_taken_for_empty():
    assert optional_text("   ", "Catatan") is None
    with pytest.raises(TextError):
        optional_text("\u2800", "Catatan")
