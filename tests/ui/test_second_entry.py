"""Second entry: entry 1 hidden while typing; the coordinator decides per differing figure."""

from recap_app.core import double_entry, drafts


def test_second_entry_hides_entry_1_and_the_coordinator_decides(qtbot, monkeypatch, window):
    ed = window.editor
    window.open_region("33.71")  # Kota Magelang: 3 kecamatan; entry 1 typed by "tester"
    ed.actor = "operator2"
    cols = ed.model.columns
    assert ed.model.values[cols[0]]["paslon_1"] is not None
    ed.entry2_btn.click()
    assert ed.second_entry and ed.title.text().startswith("ENTRI KEDUA · Sertifikat DB1-PPWP — 33.71")
    assert all(v is None for c in cols for v in ed.model.values[c].values())  # entry 1 hidden
    # type entry 2 as the paper says, with one typing fault (72 typed as 172 style: an extra digit)
    from recap_app.core.demo import real_certificates

    _, real = real_certificates()["33.71"]
    edits = {(c, k): v for c in cols for k, v in real[c].items()}
    edits[(cols[0], "paslon_2")] = int("1" + str(real[cols[0]]["paslon_2"]))
    ed.model.request(edits, "entri kedua")
    assert drafts.load_draft(ed.ws, "33.71", "entri_kedua") is not None
    assert drafts.load_draft(ed.ws, "33.71") is None  # the official draft is untouched
    assert ed.save()
    qtbot.waitUntil(lambda: not window.jobs.busy(), timeout=10000)  # stored on the worker
    assert not ed.second_entry
    assert ed.decide_btn.isEnabled()  # a second entry waits for the coordinator
    pending = double_entry.pending_second_entry(ed.ws, "33.71")
    assert pending is not None and pending.created_by == "operator2"

    from recap_app.ui.double_entry import DoubleEntryDialog

    dlg = DoubleEntryDialog(ed.ws, "33.71", "koordinator", ed)
    qtbot.addWidget(dlg)
    diffs = dlg.report.differences
    assert [(d.column, d.field) for d in diffs] == [(cols[0], "paslon_2")]
    assert dlg.table.item(0, 2).text() == f"{real[cols[0]]['paslon_2']:,}".replace(",", ".")
    assert dlg.chosen() == {(cols[0], "paslon_2"): "entri_1"}
    dlg.accept()
    assert double_entry.state(ed.ws, "33.71")["status"] == "selesai"
    assert len(ed.ws.revisions("33.71")) == 1  # entry 1 kept: no new revision
