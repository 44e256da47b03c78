"""The publication page: publish from the window (progress on the JobRunner), what changed since,
verify a good and a tampered site; the tab in both languages."""

from __future__ import annotations

import json

from recap_app.core import certificate, publish


def _change(ws, kode="33.01"):
    info, values = ws.latest_values()[kode]
    vals = {c: dict(v) for c, v in values.items()}
    for c in (info.columns[0], "JUMLAH"):
        vals[c]["paslon_1"] += 1
        vals[c]["suara_sah"] += 1
    certificate.save(ws, kode, list(info.columns), vals, "tester", reason="koreksi")


def _wait(qtbot, window):
    qtbot.waitUntil(lambda: not window.jobs.busy(), timeout=120000)


def test_publish_and_verify_from_the_window(window, qtbot, tmp_path):
    page = window.pages["publication"]
    window.tabs.setCurrentWidget(page)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Publikasi"
    assert page.last.text() == "Belum pernah diterbitkan dari ruang kerja ini."
    out = tmp_path / "situs"
    page.publish(str(out))
    _wait(qtbot, window)
    text = page.result.toPlainText()
    assert text.startswith(f"Situs diterbitkan ke {out}:"), text
    assert "Bertanda CONTOH" in text and "  + index.html" in text
    assert "16.825.511" in (out / "index.html").read_text(encoding="utf-8")
    assert page.last.text().startswith("Publikasi terakhir: ") and str(out) in page.last.text()
    assert page.since.text() == "Tidak ada perubahan data sejak publikasi terakhir."
    rec = publish.last_publication(window.ws)
    manifest = (out / "manifest.json").read_bytes()
    import hashlib

    assert rec["manifest_sha256"] == hashlib.sha256(manifest).hexdigest() and rec["out"] == str(out.absolute())
    assert rec["files"] == len(json.loads(manifest)["files"]) + 2

    page.verify(str(out))
    _wait(qtbot, window)
    assert page.result.toPlainText().startswith("SAH: tanda tangan manifest benar")

    _change(window.ws)
    window.refresh()
    assert "Sertifikat yang berubah: 33.01 Kabupaten Cilacap." in page.since.text()
    page.publish()  # the folder field keeps the last folder
    _wait(qtbot, window)
    assert "13 baru/berubah, 4 dihapus" in page.result.toPlainText()

    index = out / "index.html"
    index.write_text(index.read_text(encoding="utf-8").replace("16.825.512", "16.825.513"), encoding="utf-8")
    page.verify(str(out))
    _wait(qtbot, window)
    text = page.result.toPlainText()
    assert text.startswith("TIDAK SAH: 1 masalah.") and "index.html: isinya berbeda dari manifest" in text


def test_a_refused_folder_is_reported(window, qtbot, tmp_path):
    page = window.pages["publication"]
    window.tabs.setCurrentWidget(page)
    other = tmp_path / "dokumen"
    other.mkdir()
    (other / "surat.docx").write_bytes(b"x")
    page.publish(str(other))
    _wait(qtbot, window)
    text = page.result.toPlainText()
    assert text.startswith("GAGAL: Folder ") and "surat.docx" in text
    assert publish.last_publication(window.ws) is None


def test_publication_tab_in_english(qtbot, demo_ws):
    from recap_app.ui.app import make_app
    from recap_app.ui.main_window import MainWindow

    make_app("en")
    try:
        w = MainWindow(demo_ws, "tester")
        qtbot.addWidget(w)
        w.show()
        titles = [w.tabs.tabText(i) for i in range(w.tabs.count())]
        assert "Publication" in titles
        page = w.pages["publication"]
        w.tabs.setCurrentWidget(page)
        assert page.publish_btn.text() == "Publish" and page.verify_btn.text() == "Verify site"
        assert page.last.text() == "Not published from this workspace yet."
    finally:
        make_app("id")


def test_publish_and_push_from_the_window(window, qtbot, tmp_path):
    import shutil

    import pytest

    if shutil.which("rclone") is None:
        pytest.skip("rclone is not installed (scripts/bootstrap.sh installs Debian's rclone)")
    page = window.pages["publication"]
    window.tabs.setCurrentWidget(page)
    server = tmp_path / "server" / "hasil"
    page.publish(str(tmp_path / "situs"), remote=str(server))
    _wait(qtbot, window)
    text = page.result.toPlainText()
    assert f"Dikirim ke {server}: " in text and publish.verify_site(server).ok
    page.publish(str(tmp_path / "situs"), remote="tidakdikenal:hasil")
    _wait(qtbot, window)
    text = page.result.toPlainText()
    assert text.startswith("Situs diterbitkan ke ") and "Pengiriman GAGAL" in text and "tidak dikenal" in text
