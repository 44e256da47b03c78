"""Tests for recap_app/core/importer/numbers.py: one figure from one cell."""

import pytest

from recap_app.core.importer.numbers import NumberProblem, Parsed, parse_figure


@pytest.mark.parametrize("raw, expected", [
    (None, Parsed(None)),
    ("", Parsed(None)),
    ("   ", Parsed(None)),
    (0, Parsed(0)),
    (12096454, Parsed(12096454)),
    (38150.0, Parsed(38150)),
    ("38150", Parsed(38150)),
    (" 20.526 ", Parsed(20526)),
    ("12.096.454", Parsed(12096454)),
    (999_999_999, Parsed(999_999_999)),
    ("1.350.981", Parsed(1350981)),
    ("-", Parsed(0, dash=True)),
    ("\u2013", Parsed(0, dash=True)),
])
def test_accepted(raw, expected):
    assert parse_figure(raw) == expected


@pytest.mark.parametrize("raw, found", [
    ("1,234", '"1,234" (koma bisa berarti pemisah ribuan atau desimal; ambigu)'),
    ("12,5", '"12,5" (koma bisa berarti pemisah ribuan atau desimal; ambigu)'),
    (-5, "bilangan negatif -5"),
    (-5.0, "bilangan negatif -5"),
    ("-12", 'bilangan negatif "-12"'),
    ("(12)", 'bilangan negatif "(12)"'),
    (12.5, "bilangan pecahan 12.5"),
    ("12.5", '"12.5" (bukan bilangan bulat)'),
    ("1.23", '"1.23" (bukan bilangan bulat)'),
    ("dua", 'teks "dua"'),
    ("12 096", 'teks "12 096"'),
    (True, "nilai logika True"),
    (9.2e18, "bilangan 9200000000000000000 (terlalu besar)"),
    ("1.000.000.000", "bilangan 1000000000 (terlalu besar)"),
])
def test_refused(raw, found):
    with pytest.raises(NumberProblem) as exc:
        parse_figure(raw)
    assert exc.value.found == found
