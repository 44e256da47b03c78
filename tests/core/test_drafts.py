"""Drafts of certificates being typed (recap_app.core.drafts): kept, replaced, discarded, audited."""

import pytest

from recap_app.core import drafts
from recap_app.core.domain import JUMLAH
from recap_app.core.errors import WorkspaceError


def actions(ws):
    return [r[0] for r in ws.conn.execute("SELECT action FROM audit ORDER BY id")]


def test_save_load_replace_discard(ws):
    cols = [r.kode for r in ws.columns_of("33.71")] + [JUMLAH]
    assert drafts.load_draft(ws, "33.71") is None
    drafts.save_draft(ws, "33.71", cols, {cols[0]: {"dpt_l": 10, "dpt_p": None}}, "tester")
    d = drafts.load_draft(ws, "33.71")
    assert d.columns == tuple(cols) and d.values[cols[0]] == {"dpt_l": 10, "dpt_p": None}
    assert d.values[JUMLAH] == {} and d.base_revision_id is None and d.saved_by == "tester"
    drafts.save_draft(ws, "33.71", cols, {cols[0]: {"dpt_l": 11}}, "tester")
    assert drafts.load_draft(ws, "33.71").values[cols[0]] == {"dpt_l": 11}
    assert drafts.draft_regions(ws) == ["33.71"]
    # one record when the draft starts, none per keystroke, one when it is discarded
    assert actions(ws)[-1] == "draft.start"
    assert drafts.discard_draft(ws, "33.71", "tester") is True
    assert drafts.discard_draft(ws, "33.71", "tester") is False
    assert actions(ws)[-2:] == ["draft.start", "draft.discard"]
    assert drafts.load_draft(ws, "33.71") is None and drafts.draft_regions(ws) == []


def test_second_entry_draft_is_kept_apart(ws):
    drafts.save_draft(ws, "33.72", [JUMLAH], {JUMLAH: {"paslon_1": 1}}, "a")
    drafts.save_draft(ws, "33.72", [JUMLAH], {JUMLAH: {"paslon_1": 2}}, "b", kind="entri_kedua")
    assert drafts.load_draft(ws, "33.72").values[JUMLAH]["paslon_1"] == 1
    assert drafts.load_draft(ws, "33.72", "entri_kedua").values[JUMLAH]["paslon_1"] == 2
    assert drafts.draft_regions(ws) == ["33.72"]


def test_unknown_region_is_refused_and_nothing_written(ws):
    before = ws.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
    with pytest.raises(WorkspaceError) as e:
        drafts.save_draft(ws, "99.99", [JUMLAH], {}, "tester")
    assert e.value.message == "Draf tidak dapat disimpan: wilayah 99.99 tidak ada di ruang kerja ini."
    assert ws.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == before
