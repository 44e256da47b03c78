"""What a spreadsheet program shows for a simple formula whose result the file did not save
(recap_app/core/importer/formulas.py): the import keeps the form's sum and says where the sheet's
own formula shows another figure."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recap_app.core.importer.formulas import MAX_RANGE_CELLS, evaluate
from recap_app.core.importer.numbers import CellError

#: rows 1-4 (0-based 0-3), columns A-E; B3 holds a label, C4 an error, D1 a fraction
ROWS = [[1, 2, 3.5, 4.0, None],
        [10, 20, 30, 40, 50],
        [None, "LK", 7, 8, 9],
        [100, 200, CellError("#REF!", "=Z99"), 400, 500]]


@pytest.mark.parametrize("formula, shown", [
    ("=A2+B2", 30),
    ("=a2 + b2", 30),  # a reference in lower case is the same cell
    ("=$A$2+B$2-A1", 29),
    ("=SUM(A2:E2)", 150),
    ("=SUM(E2:A2)", 150),  # a range given backwards
    ("=sum(A2:B2, D2;E2)", 120),
    ("=SUM(A2:E3)", 150 + 24),  # the label in B3 left out, the blank A3 is 0
    ("=A3+C3", 7),  # a blank cell is 0
    ("=(A2+B2)-(A1+B1)", 27),
    ("=-A1+B1", 1),
    ("=5+A2", 15),
    ("=D1+A1", 5),  # 4.0 is a whole figure
    ("of:=[.A2]+[.B2]", 30),
    ("of:=SUM([.A2:.E2])", 150),
    ("of:=SUM([.$A$2:.B2];[.C2])", 60),
])
def test_simple_sums_are_evaluated_as_the_spreadsheet_program_shows_them(formula, shown):
    assert evaluate(formula, ROWS, {}) == shown


@pytest.mark.parametrize("formula", [
    "=A2*B2", "=A2/B2", "=AVERAGE(A2:B2)", "=Sheet2!A1+A2", "='Input'!A1", "of:=[Input.A1]+[.A2]",
    "=B3+A2",  # a text added with +: #VALUE! in the spreadsheet program
    "=C1+A1",  # a fraction
    "=C4+A1", "=SUM(A4:C4)",  # an error cell
    "=A1-A2",  # a negative figure
    "=A2+", "=SUM(A2", "=SUM A2", "=(A2", "=A2 B2", "A2+B2", "", "=", "=A0+A2", "=1.5+A2", "=1,5",
    "=A2+B2)", "=SUM()", "=AAAA1", "=A2:B2",
])
def test_anything_else_is_not_guessed(formula):
    assert evaluate(formula, ROWS, {}) is None


def test_a_referenced_formula_without_result_is_evaluated_in_turn_and_a_circle_is_not():
    missing = {(0, 4): "=A2+B2", (1, 4): "=SUM(A2:D2)+E1"}  # E1 shows 30; E2 (50 saved otherwise) 100 + E1
    assert evaluate("=E1", ROWS, missing) == 30
    assert evaluate("=E1+E2", ROWS, missing) == 30 + 130
    assert evaluate("=SUM(A1:B1)+E1", ROWS, missing) == 33
    circle = {(0, 0): "=B1+1", (0, 1): "=A1"}
    assert evaluate("=A1", ROWS, circle) is None
    assert evaluate("=A1", ROWS, {(0, 0): "=A1"}) is None


def test_a_range_too_large_is_not_summed():
    assert 26 * 5000 > MAX_RANGE_CELLS
    assert evaluate("=SUM(A1:Z5000)", ROWS, {}) is None
    assert evaluate("=SUM(A1:XFD1048576)", ROWS, {}) is None
    assert evaluate("=SUM(A2:E3)+SUM(A5:E20000)", ROWS, {}) == 174  # rows past the sheet's end are blank


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("+-"), st.integers(0, 3), st.integers(0, 4)), min_size=1, max_size=12))
def test_any_sum_of_whole_cells_is_the_plain_sum(terms):
    grid = [[r * 10 + c for c in range(5)] for r in range(4)]
    formula = "=" + "".join(f"{op}{'ABCDE'[c]}{r + 1}" for op, r, c in terms)
    total = sum(grid[r][c] * (1 if op == "+" else -1) for op, r, c in terms)
    assert evaluate(formula, grid, {}) == (total if total >= 0 else None)


def test_hostile_formulas_are_given_up_within_a_bound(monkeypatch):
    """A formula of many large ranges, many such formulas, or a deep chain: each answer is None or
    right, and the work for one sheet stays within MAX_CELLS_READ cells."""
    import time

    from recap_app.core.importer import formulas

    grid = [[1, 2], [3, 4]]
    wide = "=" + "+".join(["SUM(A1:CV999)"] * 400)  # 400 ranges of 99.900 cells
    t = time.perf_counter()
    assert evaluate(wide, grid, {}) is None
    ev = formulas.Evaluator(grid, {})
    assert [ev.evaluate("=SUM(A1:CV999)") for _ in range(10)] == [10] * 10  # 999.000 cells read
    assert ev.evaluate("=SUM(A1:CV999)") is None  # what is left of the budget (1.000 cells) does not cover it
    assert ev.evaluate("=SUM(A1:B2)") == 10
    assert time.perf_counter() - t < 30  # bounded (about a second here), not 40 million cells
    chain = {(0, c): f"={'ABCDEFGHIJ'[c + 1]}1+1" for c in range(9)}  # A1 = B1+1 ... I1 = J1+1, J1 blank
    assert evaluate("=A1", [[None] * 10], chain) == 9
    deep = {(r, 0): f"=A{r + 2}+1" for r in range(5000)}  # 5.000 formulas deep: the program gives up
    assert evaluate("=A1", [[None]] * 5001, deep) in (None, 5000)
    nested = "=" + "(" * 5000 + "1" + ")" * 5000
    assert evaluate(nested, ROWS, {}) in (None, 1)


def test_a_circle_of_long_formulas_is_given_up_at_once():
    """300 formulas of 8.000 characters, each referring to the next, the last to the first (a
    hostile sheet, as the trial built it): every formula that refers into the circle gives None, and
    the whole sheet is worked out in well under a second instead of minutes."""
    import time

    from recap_app.core.importer import formulas

    ones = "+".join(["1"] * 4000)
    missing = {(100 + i, 25): f"={ones}+Z{102 + i}" for i in range(300)}
    missing[(400, 25)] = "=Z101"
    rows = [[None] * 30 for _ in range(401)]
    ev = formulas.Evaluator(rows, missing)
    t = time.perf_counter()
    got = [ev.evaluate(f"=Z101+D{r}") for r in range(1, 200)]
    assert got == [None] * 199
    assert time.perf_counter() - t < 5


@pytest.mark.parametrize("formula", [
    "=A2+" + "9" * 5000,  # int() takes at most 4.300 digits
    "=A2+" + "9" * 16,
    "=\u017fum(A2:B2)",  # the long s: not SUM to the spreadsheet program
    "=A\u0661",  # an Arabic-Indic digit: not a row number
    "=A2+ZZZ1",  # past column XFD
    "=A2+A1048577",  # past the last row
])
def test_what_the_spreadsheet_program_would_not_read_as_a_figure_is_not_one(formula):
    assert evaluate(formula, ROWS, {}) is None
    assert evaluate("=A2+" + "9" * 15, ROWS, {}) == 10 + 999_999_999_999_999


XLS_FORMULAS = ["=D50+D51", "=SUM(D11:L11)", "=SUM(D11,E12,3)", "=(A1+B2)-C3", "=-A1+5", "=A1+70000",
                "=SUM(A1:B2)+SUM(C1)", "=SUM(A1:B2,C3:D4)", "=IV65536+A1"]


def test_an_xls_formula_is_read_from_its_tokens_as_it_was_written(tmp_path):
    """calamine reads an .xls's values only; the text of a sum is read from the FORMULA record's
    tokens ([MS-XLS] 2.5.198), so the report quotes it and says what the printout shows; anything
    else (another function, a fraction, another sheet) stays "(rumus)"."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from fixtures_import import Grid, write_xls

    from recap_app.core.importer import reader

    others = ["=AVERAGE(A1:B1)", "=IF(A1,1,2)", "=A1+2.5", "=A1*2", "=$A$1+B$2"]
    written = XLS_FORMULAS + others
    g = Grid([[1, 2, 3] for _ in range(5)], [], set(), set(), {(5, i + 1): f for i, f in enumerate(written)}, "S")
    got = reader._xls_formulas(write_xls(tmp_path / "f.xls", g).read_bytes())["S"]
    assert [got[(4, i)] for i in range(len(written))] == XLS_FORMULAS + ["(rumus)"] * 4 + ["=A1+B2"]
    assert reader.biff_formula_text(b"") is None and reader.biff_formula_text(b"\x00" * 20 + b"\x05\x00\x24") is None


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("+-"), st.integers(0, 40), st.integers(0, 60)), min_size=1, max_size=8))
def test_any_sum_written_by_xlwt_reads_back_the_same(tmp_path_factory, terms):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from fixtures_import import Grid, write_xls

    from recap_app.core.importer import reader
    from recap_app.core.importer.grid import column_letter

    formula = "=" + "".join(f"{op}{column_letter(c + 1)}{r + 1}" for op, r, c in terms).lstrip("+")
    g = Grid([[1], [None]], [], set(), set(), {(2, 1): formula}, "S")
    got = reader._xls_formulas(write_xls(tmp_path_factory.mktemp("x") / "f.xls", g).read_bytes())["S"][(1, 0)]
    assert got == formula
