"""The header row's candidates of both orientations from one reading of a sheet's cells
(core/importer/columns.py ``header_scores``): exactly what scoring each orientation's grid gives."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from recap_app.core.importer.columns import header_score, header_scores
from recap_app.core.importer.grid import Grid
from recap_app.core.importer.reader import Sheet
from recap_app.core.store import Workspace

NAMES = ["KESUGIHAN", "Adipala", "33.01.02", "BINANGUN", "jumlah", "Kecamatan", "", "  ", "CILACAP SELATAN",
         "Semarang Tengah", "x"]


def reference(grid: Grid, ctx) -> tuple[int, int]:
    """The scoring as it was written first: every row, its cells and the merged cells in it."""
    best, best_row = 0, -1
    quick = ctx.province.quick
    for r, row in enumerate(grid.rows):
        n = sum(1 for v in row if isinstance(v, str) and quick(v))
        n += sum(1 for (fr, _), v in grid.fill.items() if fr == r and isinstance(v, str) and quick(v))
        if n > best:
            best, best_row = n, r
    return best, best_row


_CTX = {}


def context(tmp_path_factory=None):
    if "ctx" not in _CTX:
        import tempfile

        from recap_app.core.importer import build_context

        path = Path(tempfile.mkdtemp()) / "w.sqlite"
        with Workspace.create(path, "pilpres-2019-jateng", actor="tester") as ws:
            _CTX["ctx"] = build_context(ws)
    return _CTX["ctx"]


cell = st.one_of(st.none(), st.integers(0, 999), st.sampled_from(NAMES))
ragged = st.lists(st.lists(cell, max_size=9), max_size=9)
merge = st.tuples(st.integers(0, 11), st.integers(0, 11), st.integers(0, 3), st.integers(0, 3)).map(
    lambda t: (t[0], t[1], t[0] + t[2], t[1] + t[3]))


@settings(max_examples=300, deadline=None)
@given(ragged, st.lists(merge, max_size=4))
def test_both_orientations_score_as_each_grid_does(rows, merged):
    ctx = context()
    sheet = Sheet("S", rows, merged=merged)
    normal, turned = Grid(sheet, False), Grid(sheet, True)
    assert header_scores(normal, ctx) == (reference(normal, ctx), reference(turned, ctx))
    assert header_score(normal, ctx) == reference(normal, ctx)
    assert header_score(turned, ctx) == reference(turned, ctx)


def test_a_sheet_with_its_kecamatan_down_a_column_scores_higher_turned():
    ctx = context()
    rows = [["No", "Kecamatan", "DPT"], [1, "KESUGIHAN", 5], [2, "Adipala", 7], [3, "BINANGUN", 9],
            [None, "Kecamatan Kesugihan", None]]
    normal = Grid(Sheet("S", rows, merged=[(0, 0, 0, 1)]), False)
    assert header_scores(normal, ctx) == ((1, 1), (4, 1))  # one name per row; four down column B
