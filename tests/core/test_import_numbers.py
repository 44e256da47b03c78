"""Tests for recap_app/core/importer/numbers.py: one figure from one cell."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
    ("20975,00", Parsed(20975)),  # zero decimals: a CSV export's or a locale's way with whole figures
    ("20.975,00", Parsed(20975)),
    ("20975,0", Parsed(20975)),
    ("1.350.981,00", Parsed(1350981)),
    ("20975.0", Parsed(20975)),
    ("20975.00", Parsed(20975)),
    ("20,975.00", Parsed(20975)),
    ("0,00", Parsed(0)),
    ("150,00", Parsed(150)),
    ("150.0", Parsed(150)),  # a float export writes every figure so
    ("0.0", Parsed(0)),
    ("1000.00", Parsed(1000)),
    ("1,000.00", Parsed(1000)),
    ("0" * 14 + "5", Parsed(5)),
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
    ("20975,50", '"20975,50" (koma bisa berarti pemisah ribuan atau desimal; ambigu)'),  # a fraction all the same
    ("20975,000", '"20975,000" (koma bisa berarti pemisah ribuan atau desimal; ambigu)'),
    ("20.975.0", 'teks "20.975.0"'),
    ("20975.5", '"20975.5" (bukan bilangan bulat)'),
    ("20,975.50", 'teks "20,975.50"'),
    ("1.000,00.0", 'teks "1.000,00.0"'),
    ("22.00", '"22.00" (bukan bilangan bulat)'),  # 22, or an Indonesian 22.000 with a zero lost?
    ("1.00", '"1.00" (bukan bilangan bulat)'),
    ("999.00", '"999.00" (bukan bilangan bulat)'),
    ("0.451,00", '"0.451,00" (diawali nol sebelum titik: tampak seperti pecahan, bukan pemisah ribuan; ambigu)'),
    ("0,451.00", 'teks "0,451.00"'),
    ("000.451,00", '"000.451,00" (diawali nol sebelum titik: tampak seperti pecahan, bukan pemisah ribuan; ambigu)'),
    ("9" * 5000, f'"{"9" * 60}\u2026" (terlalu besar)'),  # int() would refuse more than 4.300 digits
    ("9" * 5000 + ",00", f'"{"9" * 60}\u2026" (terlalu besar)'),
    ("1" + "0" * 15, '"1000000000000000" (terlalu besar)'),
    ("20.97,00", 'teks "20.97,00"'),
    ("12 096", 'teks "12 096"'),
    (True, "nilai logika True"),
    (9.2e18, "bilangan 9.200.000.000.000.000.000 (terlalu besar)"),
    ("1.000.000.000", "bilangan 1.000.000.000 (terlalu besar)"),
    (-1234567, "bilangan negatif -1.234.567"),
])
def test_refused(raw, found):
    with pytest.raises(NumberProblem) as exc:
        parse_figure(raw)
    assert exc.value.found == found


@settings(max_examples=120, deadline=None)
@given(st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-10, 2 * 10**9).map(float),
                 st.sampled_from([0.0, -0.0, 999_999_999.0, 1e9, 20975.5, -3.0])))
def test_a_figure_read_from_the_sheet_is_what_the_parser_makes_of_the_cell(sheet_reader, x):
    """The finder's quick way for whole floats stores exactly what :func:`parse_figure` gives, and
    refuses what it refuses."""
    try:
        want = parse_figure(x).value
    except NumberProblem:
        want = "refused"
    assert sheet_reader(x) == want


@pytest.fixture(scope="module")
def sheet_reader(tmp_path_factory):
    """A real regency certificate as a grid in memory, one cell (I.A.1 DPT LK of its first
    kecamatan) set to the value given; returns what the layout finder stores for it."""
    from fixtures_import import db1_grid, regency_args

    from recap_app.core.demo import real_certificates
    from recap_app.core.errors import ImportRefused
    from recap_app.core.importer import build_context
    from recap_app.core.importer.layout import find_certificate
    from recap_app.core.importer.reader import Sheet
    from recap_app.core.store import Workspace

    ws = Workspace.create(tmp_path_factory.mktemp("angka") / "w.sqlite", "pilpres-2019-jateng", actor="tester")
    certs = real_certificates("rekap")
    title, columns, values = regency_args(ws, "33.74", certs)
    grid = db1_grid(ws.election, title, columns, values)
    ctx = build_context(ws)
    first = columns[0][0]
    row = next(i for i, r in enumerate(grid.rows) if values[first]["dpt_l"] in r)
    col = grid.rows[row].index(values[first]["dpt_l"])

    def read(x):
        rows = [list(r) for r in grid.rows]
        rows[row][col] = x
        try:
            found = find_certificate(Sheet("DB1", rows), ctx, "uji.xlsx")
        except ImportRefused as exc:
            assert exc.code == "bad_number", exc.message
            return "refused"
        return found.values[first]["dpt_l"]

    yield read
    ws.close()
