"""The pages: findings (filter, open cell, explain, override), import, documents, bundles, audit."""

import pytest
from PySide6.QtCore import Qt

from recap_app.core import reconcile


def wait_jobs(qtbot, window):
    qtbot.waitUntil(lambda: not window.jobs.busy(), timeout=60000)


@pytest.fixture
def checked(window):
    window.set_actor("pemeriksa")  # separation of duties: "tester" entered the certificates
    reconcile.refresh_findings(window.ws, "tester")
    window.refresh()
    return window


def select_first(page):
    page.view.setCurrentIndex(page.proxy.index(0, 0))
    return page.selected()


def test_findings_filter_and_open_the_cell(checked):
    page = checked.pages["findings"]
    checked.tabs.setCurrentWidget(page)
    page.severity.setCurrentIndex(page.severity.findData("error"))
    assert page.proxy.rowCount() == 1
    f = select_first(page)
    assert (f.code, f.region, f.column, f.field) == ("F.501", "33.75", "JUMLAH", "paslon_1")
    assert (f.expected, f.actual) == (138320, 138319)
    page.open_cell()
    ed = checked.editor
    assert ed.kode == "33.75" and checked.tabs.currentWidget() is ed
    assert ed.model.cell(ed.table.currentIndex().row(), ed.table.currentIndex().column()) == ("JUMLAH", "paslon_1")
    # the cell is marked in place with the finding's message on hover
    idx = ed.table.currentIndex()
    assert not idx.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert idx.data(Qt.ItemDataRole.ToolTipRole).startswith("F.501: ")
    page.region.setCurrentIndex(page.region.findData("33.01"))
    page.severity.setCurrentIndex(0)
    assert page.proxy.rowCount() > 0
    assert all(page.proxy.index(i, 2).data().startswith("33.01 ") for i in range(page.proxy.rowCount()))
    # sorted by a column when the clerk clicks it
    page.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    codes = [page.proxy.index(i, 1).data() for i in range(page.proxy.rowCount())]
    assert codes == sorted(codes, reverse=True)


def test_explain_a_warning_and_override_an_error(qtbot, checked):
    page = checked.pages["findings"]
    checked.tabs.setCurrentWidget(page)
    page.severity.setCurrentIndex(page.severity.findData("warning"))
    page.region.setCurrentIndex(page.region.findData("33.02"))
    f = select_first(page)
    assert page.proxy.rowCount(page.proxy.index(0, 0)) > 1  # a group: every blank field of 33.02 in one row
    group = page.selected_findings()
    page.explain("Data DPTb tidak tersedia pada sumber contoh.")
    wait_jobs(qtbot, checked)
    stored = {x.key: x for x in reconcile.findings(checked.ws, region="33.02")}
    assert all(stored[g.key].explanation["text"] == "Data DPTb tidak tersedia pada sumber contoh." for g in group)
    stored = stored[f.key]
    assert stored.explanation["text"] == "Data DPTb tidak tersedia pada sumber contoh."
    assert stored.explanation["by"] == "pemeriksa"
    page.severity.setCurrentIndex(page.severity.findData("error"))
    page.region.setCurrentIndex(0)
    e = select_first(page)
    page.override("Selisih satu suara dicatat dalam berita acara.")
    wait_jobs(qtbot, checked)
    stored = {x.key: x for x in reconcile.findings(checked.ws, region="33.75")}[e.key]
    assert stored.override["reason"] == "Selisih satu suara dicatat dalam berita acara."


def test_recheck_runs_on_the_worker(qtbot, checked):
    page = checked.pages["findings"]
    checked.tabs.setCurrentWidget(page)
    job = page.recheck()
    wait_jobs(qtbot, checked)
    assert job.error is None
    assert len(page.model._findings) == len(reconcile.findings(checked.ws))
    assert page.model.rowCount() < len(reconcile.findings(checked.ws))  # grouped by rule and regency


def test_province_page_shows_table_and_chart(checked):
    page = checked.pages["province"]
    checked.tabs.setCurrentWidget(page)
    assert page.chart.rows[0][0] == "Kab. Cilacap"
    assert page.chart.total[1]["paslon_1"] == 16825511
    assert page.model.columnCount() == 36


def test_audit_viewer_filters(checked):
    page = checked.pages["audit"]
    checked.tabs.setCurrentWidget(page)
    page.region.setCurrentIndex(page.region.findData("33.19"))
    rows = [page.model.index(i, 4).data() for i in range(page.model.rowCount())]
    assert rows and set(rows) == {"sertifikat 33.19"}
    page.region.setCurrentIndex(0)
    page.action.setCurrentIndex(page.action.findData("certificate.demo"))
    assert page.action.currentText() == "Sertifikat contoh dimuat"
    assert {page.model.index(i, 3).data() for i in range(page.model.rowCount())} == {"Sertifikat contoh dimuat"}
    # the details are words, not JSON; the time is the office's (WIB)
    details = page.model.index(0, 5).data()
    assert details.startswith("jenis: resmi; alasan: data contoh Pilpres 2019; revisi: 1; sidik: ")
    assert "{" not in details and page.model.index(0, 1).data().endswith(" WIB")
    assert page.model.headerData(1, Qt.Orientation.Horizontal) == "Waktu (WIB)"
    page.verify()
    assert page.status.text().startswith("Rantai audit utuh")


def test_documents_preview_and_save(qtbot, tmp_path, checked):
    page = checked.pages["documents"]
    page.set_chosen(["rekapitulasi"] if "rekapitulasi" in page.documents.DOCUMENTS else
                    [list(page.documents.DOCUMENTS)[0]])
    page.preview()
    wait_jobs(qtbot, checked)
    assert page.rendered is not None
    assert page.info.text().startswith(f"{sum(p.pages for p in page.rendered.parts)} halaman.")
    out = tmp_path / "rekap.pdf"
    page.save_pdf(str(out))
    wait_jobs(qtbot, checked)
    assert out.read_bytes().startswith(b"%PDF")
    assert page.info.text() == f"PDF disimpan: {out}"


def test_a_button_the_role_cannot_use_is_not_offered_and_says_why(window):
    """The core refuses every act a role lacks; the window does not offer the button meanwhile: it is
    disabled and its tooltip names the permission and the roles that hold it."""
    from recap_app.core import auth
    from recap_app.ui.users import UsersDialog

    ws = window.ws
    auth.add_user(ws, "tester", "admin1", "admin", "rahasia-panjang-1")
    auth.add_user(ws, "admin1", "operator1", "operator", "rahasia-panjang-2")
    auth.add_user(ws, "admin1", "ketua1", "ketua", "rahasia-panjang-3")
    window.set_actor("operator1")
    publication, bundles, findings, imports = (window.pages[k] for k in ("publication", "bundles", "findings", "import"))
    assert not publication.publish_btn.isEnabled()
    assert "(izin 'publish'; dimiliki peran: ketua, admin)" in publication.publish_btn.toolTip()
    assert not bundles.export_btn.isEnabled() and bundles.import_btn.isEnabled()
    assert not findings.explain_btn.isEnabled() and not findings.override_btn.isEnabled()
    assert imports.choose_btn.isEnabled() and imports.choose_btn.toolTip() == ""
    assert findings.tps_btn.toolTip().startswith("Data TPS")  # a button's own tooltip is left alone
    assert window.act_import.isEnabled() and window.act_print.isEnabled()  # the menu follows the same rights
    assert not window.act_settings.isEnabled() and not window.act_restore.isEnabled()
    assert "(izin 'restore'; dimiliki peran: admin)" in window.act_restore.toolTip()
    assert not bundles.accept_key.isEnabled() and "(izin 'keys_trust'" in bundles.accept_key.toolTip()
    window.open_region("33.01")
    assert not window.editor.entry2_btn.isEnabled()  # the second entry is the verifier's
    assert "(izin 'second_entry'; dimiliki peran: verifikator)" in window.editor.entry2_btn.toolTip()

    window.set_actor("ketua1")
    assert publication.publish_btn.isEnabled() and publication.publish_btn.toolTip() == ""
    assert bundles.export_btn.isEnabled() and findings.override_btn.isEnabled()
    assert not imports.choose_btn.isEnabled() and "(izin 'import'" in imports.choose_btn.toolTip()
    assert not window.act_import.isEnabled()  # Ctrl+I too
    auth.add_user(ws, "admin1", "verif1", "verifikator", "rahasia-panjang-4")
    window.set_actor("verif1")
    assert window.editor.entry2_btn.isEnabled()
    assert window.editor.entry2_btn.toolTip().startswith("Ketik ulang sertifikat")
    window.set_actor("admin1")
    assert window.act_restore.isEnabled() and window.act_settings.isEnabled() and bundles.accept_key.isEnabled()
    assert window.act_restore.toolTip() == "Pulihkan dari cadangan"  # its own tooltip again

    dlg = UsersDialog(ws, "ketua1", window)
    assert not dlg.add_btn.isEnabled() and not dlg.role_btn.isEnabled()
    assert "(izin 'users'; dimiliki peran: admin)" in dlg.role_btn.toolTip()
    assert dlg.key_btn.isEnabled()  # the chair may set the office key's passphrase
    dlg = UsersDialog(ws, "admin1", window)
    assert dlg.add_btn.isEnabled() and dlg.role_btn.isEnabled() and dlg.role_btn.toolTip() == ""
