"""Printed documents: figures, words, page numbering, marks, fingerprints, paper sizes (pypdf)."""

import io
import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.platypus import Table

from recap_app.core import certificate
from recap_app.core.demo import make_demo
from recap_app.core.documents import DOCUMENTS, DocumentError, print_documents, render
from recap_app.core.documents import plenary as pl
from recap_app.core.documents.common import Source
from recap_app.core.documents.page import frame_size
from recap_app.core.documents.tables import wide_table
from recap_app.core.outputs import OutputError
from recap_app.core.store import Workspace

NOW = "2019-05-04T10:00:00+00:00"
P1_WORDS = "ENAM BELAS JUTA DELAPAN RATUS DUA PULUH LIMA RIBU LIMA RATUS SEBELAS"
P2_WORDS = "EMPAT JUTA SEMBILAN RATUS EMPAT PULUH EMPAT RIBU EMPAT RATUS EMPAT PULUH TUJUH"


def pages_text(pdf: bytes) -> list[str]:
    """Text of each page with whitespace (line breaks inside cells) folded to single spaces."""
    return [" ".join((pg.extract_text() or "").split()) for pg in PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """One demonstration workspace (35 real certificates) shared by the read-only tests of this module."""
    w = make_demo(tmp_path_factory.mktemp("docs") / "demo.sqlite", actor="tester")
    yield w
    w.close()


@pytest.fixture(scope="module")
def certificate_a4(demo):
    return render(demo, ["sertifikat"], now=NOW)


def test_certificate_shows_the_province_figures_and_their_words(certificate_a4):
    text = " ".join(pages_text(certificate_a4.pdf))
    assert "16.825.511" in text
    assert "4.944.447" in text
    assert P1_WORDS in text
    assert P2_WORDS in text
    assert "21.769.958" in text  # V.A suara sah
    assert "MODEL DC1-PPWP" in text
    assert "SERTIFIKAT REKAPITULASI HASIL PENGHITUNGAN PEROLEHAN SUARA DARI SETIAP KABUPATEN/KOTA" in text


def test_certificate_has_every_regency_column_and_repeats_row_labels(certificate_a4, demo):
    texts = pages_text(certificate_a4.pdf)
    text = " ".join(texts)
    for r in demo.regencies():
        assert r.kode in text
    assert "KAB. BANJARNEGARA" in text and "KOTA SEMARANG" in text and "JUMLAH PROVINSI" in text
    # Cilacap's DPT figures (real data) and the province DPT total
    assert "746.142" in text and "1.488.496" in text and "27.896.902" in text
    # the columns are cut into chunks; every chunk repeats the row numbers and labels
    chunks = sorted(set(re.findall(r"URAIAN \(Bagian (\d+) dari (\d+)", text)))
    n = int(chunks[0][1])
    assert n >= 3 and len(chunks) == n
    for label in ("Jumlah pemilih dalam Daftar Pemilih Tetap (DPT)", "JOKO WIDODO - MA'RUF AMIN",
                  "PRABOWO SUBIANTO - SANDIAGA UNO", "Jumlah seluruh suara sah dan tidak sah"):
        assert sum(label in t for t in texts) >= n, label


def test_page_numbering_and_fingerprint_on_every_page(certificate_a4):
    texts = pages_text(certificate_a4.pdf)
    n = len(texts)
    assert n == certificate_a4.parts[0].pages
    short = certificate_a4.parts[0].fingerprint[:16]
    for i, t in enumerate(texts, 1):
        assert f"Halaman {i} dari {n}" in t
        assert f"Sidik data SHA-256: {short}" in t
        assert "DC1-PPWP Sertifikat rekapitulasi tingkat provinsi" in t
        assert "Dicetak 4 Mei 2019 17.00 WIB" in t  # the office's zone, named


def test_full_fingerprint_in_metadata(certificate_a4):
    meta = PdfReader(io.BytesIO(certificate_a4.pdf)).metadata
    fp = certificate_a4.parts[0].fingerprint
    assert re.fullmatch(r"[0-9a-f]{64}", fp)
    assert f"sertifikat SHA-256 {fp}" in meta.subject
    assert meta.author == "KOMISI PEMILIHAN UMUM PROVINSI JAWA TENGAH"


def test_demo_marks_and_draft(certificate_a4):
    text = pages_text(certificate_a4.pdf)[0]
    assert "CONTOH — data contoh, bukan dokumen resmi" in text
    assert "DRAF — data belum ditetapkan" in text
    assert certificate_a4.parts[0].marks == ("DRAF", "CONTOH")


def test_same_data_same_fingerprint_and_bytes(demo, certificate_a4):
    again = render(demo, ["sertifikat"], now=NOW)
    assert again.parts[0].fingerprint == certificate_a4.parts[0].fingerprint
    assert again.pdf == certificate_a4.pdf
    later = render(demo, ["sertifikat"], now="2019-05-05T08:00:00+00:00")
    assert later.parts[0].fingerprint == certificate_a4.parts[0].fingerprint  # the print time is not data


def test_all_documents_numbered_each_on_its_own(demo):
    r = render(demo, now=NOW)
    assert [x.name for x in r.parts] == ["sertifikat", "rekapitulasi", "berita_acara", "kejadian_khusus",
                                         "kejadian_khusus_kosong", "temuan"]
    texts = pages_text(r.pdf)
    assert len(texts) == sum(x.pages for x in r.parts)
    start = 0
    for part in r.parts:
        for i in range(part.pages):
            assert f"Halaman {i + 1} dari {part.pages}" in texts[start + i], part.name
            assert f"Sidik data SHA-256: {part.fingerprint[:16]}" in texts[start + i]
        start += part.pages
    assert len({x.fingerprint for x in r.parts}) == len(r.parts)


@pytest.mark.parametrize("paper, wide, size", [("A4", True, (841.89, 595.28)), ("F4", True, (935.43, 609.45)),
                                               ("A4", False, (595.28, 841.89)), ("F4", False, (609.45, 935.43))])
def test_paper_sizes(demo, paper, wide, size):
    doc = "sertifikat" if wide else "rekapitulasi"
    reader = PdfReader(io.BytesIO(render(demo, [doc], paper=paper, now=NOW).pdf))
    for page in reader.pages:
        assert (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)) == size


def test_fonts_are_embedded(certificate_a4):
    reader = PdfReader(io.BytesIO(certificate_a4.pdf))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    for ref in fonts.values():
        font = ref.get_object()
        desc = font["/DescendantFonts"][0].get_object()["/FontDescriptor"] if "/DescendantFonts" in font \
            else font["/FontDescriptor"]
        assert "/FontFile2" in desc.get_object(), font["/BaseFont"]
        assert "DejaVuSansCondensed" in font["/BaseFont"]


@pytest.mark.parametrize("paper", ["A4", "F4"])
def test_wide_tables_fit_the_frame(demo, paper):
    """No column is cut: every chunk of the province table and of the widest regency is inside the frame."""
    src = Source.load(demo, NOW)
    width, _ = frame_size(paper, True)
    columns = [(r.kode, r.nama) for r in demo.regencies()] + [("JUMLAH", "JUMLAH")]
    values = dict(src.totals["regencies"])
    values["JUMLAH"] = src.totals["fields"]
    tables = [f for f in wide_table(demo.election.form, columns, values, width) if isinstance(f, Table)]
    assert len(tables) >= 2
    for t in tables:
        assert sum(t._colWidths) <= width + 0.01
    widest = max(demo.regencies(), key=lambda r: len(demo.latest_revision(r.kode).columns))
    info = demo.latest_revision(widest.kode)
    cols = [(c, c) for c in info.columns]
    for t in [f for f in wide_table(demo.election.form, cols, demo.revision_values(info.id), width)
              if isinstance(f, Table)]:
        assert sum(t._colWidths) <= width + 0.01


def test_totals_page_words_and_percentages(demo):
    text = " ".join(pages_text(render(demo, ["rekapitulasi"], now=NOW).pdf))
    assert P1_WORDS in text and P2_WORDS in text
    assert "77,29%" in text and "22,71%" in text
    assert "DUA PULUH SATU JUTA TUJUH RATUS ENAM PULUH SEMBILAN RIBU SEMBILAN RATUS LIMA PULUH DELAPAN" in text
    assert "27.896.902" in text  # DPT
    assert "SERTIFIKAT : 35 dari 35 kabupaten/kota diterima; 0 ditetapkan" in text
    assert "Halaman 1 dari 1" in text


def test_regency_certificate_as_received(demo):
    r = render(demo, ["sertifikat_kabupaten"], region="33.75", now=NOW)
    text = " ".join(pages_text(r.pdf))
    assert "MODEL DB1-PPWP" in text
    assert "SEBAGAIMANA DITERIMA: KOTA PEKALONGAN" in text
    assert "138.319" in text  # JUMLAH paslon 1 as certified (the kecamatan add up to 138.320)
    assert "KEC. PEKALONGAN BARAT" in text or "PEKALONGAN BARAT" in text
    assert "belum ditetapkan" in text
    assert r.parts[0].title == "DB1-PPWP Kota Pekalongan sebagaimana diterima"


def test_regency_certificate_errors(demo, ws):
    with pytest.raises(DocumentError) as e:
        render(demo, ["sertifikat_kabupaten"])
    assert e.value.message == "Sebutkan kabupaten/kota yang sertifikatnya dicetak, misalnya --region 33.01."
    with pytest.raises(DocumentError) as e:
        render(demo, ["sertifikat_kabupaten"], region="99.99")
    assert e.value.message == "Kabupaten/kota dengan kode '99.99' tidak ada dalam pemilihan ini."
    with pytest.raises(DocumentError) as e:
        render(ws, ["sertifikat_kabupaten"], region="33.01")
    assert e.value.message == "Sertifikat Kabupaten Cilacap (33.01) belum diterima; tidak ada yang dapat dicetak."


def test_unknown_document_and_paper(demo):
    with pytest.raises(DocumentError) as e:
        render(demo, ["nope"])
    assert e.value.message.startswith("Dokumen nope tidak dikenal. Yang tersedia: sertifikat, rekapitulasi")
    with pytest.raises(DocumentError) as e:
        render(demo, paper="Letter")
    assert e.value.message == "Ukuran kertas 'Letter' tidak dikenal; pilih A4 atau F4."


def test_findings_report(demo):
    r = render(demo, ["temuan"], now=NOW)
    text = " ".join(pages_text(r.pdf))
    assert "LAPORAN TEMUAN PEMERIKSAAN" in text
    assert "F.501" in text and "KESALAHAN" in text
    assert "KOTA PEKALONGAN (33.75)" in text
    assert "138.320" in text and "138.319" in text
    assert "BELUM DIJELASKAN" in text


def test_empty_objection_form(demo):
    text = " ".join(pages_text(render(demo, ["kejadian_khusus_kosong"], now=NOW).pdf))
    assert "MODEL DC2-PPWP" in text
    assert "A. KEJADIAN KHUSUS" in text and "B. KEBERATAN SAKSI" in text
    assert "DRAF" not in text  # a blank form is not draft data


def test_every_document_is_listed():
    assert list(DOCUMENTS) == ["sertifikat", "rekapitulasi", "berita_acara", "kejadian_khusus",
                               "kejadian_khusus_kosong", "temuan", "sertifikat_kabupaten", "penetapan_kursi"]


# ---------------------------------------------------------------- documents with plenary records
@pytest.fixture(scope="module")
def recorded_file(tmp_path_factory):
    """A demonstration workspace with the plenary recorded, built once; each test works on a copy."""
    path = tmp_path_factory.mktemp("recorded") / "rec.sqlite"
    w = make_demo(path, actor="tester")
    pl.set_office(w, "tester", city="Semarang", chair="Yulianto Sudrajat",
                  members=["Diana Ariyanti", "Muslim Aisha",
                           "Ikhwanudin Nurul Huda Abdurrahman Wahid Al-Ghozali Mangkunegara Hadiningrat Sastro"])
    pl.set_plenary(w, "tester", place="Hotel Patra Semarang", date="2019-05-04", time_start="09.00",
                   time_end="17:30")
    pl.add_attendance(w, "tester", "Fajar Subhi", "Ketua Bawaslu Provinsi Jawa Tengah")
    pl.add_attendance(w, "tester", "Budi Santoso", "KPU Kabupaten Cilacap", present=False)
    pl.set_witness(w, "tester", 1, "Sumanto", "present")
    pl.set_witness(w, "tester", 2, "Abdul Kholiq", "refused")
    w.close()  # checkpoints the WAL: the file alone holds everything
    return path


@pytest.fixture
def recorded(recorded_file, tmp_path):
    copy = tmp_path / "rec.sqlite"
    shutil.copyfile(recorded_file, copy)
    w = Workspace.open(copy)
    yield w
    w.close()


def test_minutes_with_attendance_and_witnesses(recorded):
    text = " ".join(pages_text(render(recorded, ["berita_acara"], now=NOW).pdf))
    assert ("Pada hari ini Sabtu tanggal Empat bulan Mei tahun Dua Ribu Sembilan Belas (4 Mei 2019), bertempat "
            "di Hotel Patra Semarang, KOMISI PEMILIHAN UMUM PROVINSI JAWA TENGAH telah melaksanakan rapat pleno "
            "terbuka") in text
    assert "mulai pukul 09.00 sampai dengan pukul 17.30" in text
    assert "Fajar Subhi" in text and "Ketua Bawaslu Provinsi Jawa Tengah" in text and "Hadir" in text
    assert "Budi Santoso" in text and "Tidak hadir" in text
    assert "Yulianto Sudrajat" in text and "Ketua" in text
    assert "Ikhwanudin Nurul Huda Abdurrahman Wahid Al-Ghozali Mangkunegara Hadiningrat Sastro" in text
    assert "Sumanto" in text and "Abdul Kholiq" in text
    assert "HADIR, MENOLAK MENANDATANGANI" in text
    assert "Semarang, 4 Mei 2019" in text and "Hotel Patra Semarang, 4 Mei 2019" not in text  # signed in the city
    assert "tidak dicatat kejadian khusus maupun keberatan saksi" in text


def test_absent_witness_is_printed(recorded):
    pl.set_witness(recorded, "tester", 1, "Sumanto", "absent")
    text = " ".join(pages_text(render(recorded, ["rekapitulasi"], now=NOW).pdf))
    assert "TIDAK HADIR" in text


def test_long_objection_flows_over_pages(recorded):
    long = " ".join(f"Kalimat keberatan nomor {i} tentang selisih C1 & DA1 <di> Boyolali." for i in range(400))
    pl.add_objection(recorded, "tester", "keberatan", long + "\n" + "Akhir dari keberatan.", nomor_urut=2,
                     region="33.09")
    pl.add_objection(recorded, "tester", "kejadian_khusus", "Listrik padam 20 menit; rapat diskors.")
    r = render(recorded, ["kejadian_khusus"], now=NOW)
    assert r.parts[0].pages >= 3
    text = " ".join(pages_text(r.pdf))
    assert "1. Keberatan saksi — saksi pasangan calon nomor urut 2 (Prabowo Subianto - Sandiaga Uno) — " \
           "Kabupaten Boyolali (33.09)" in text
    assert "Kalimat keberatan nomor 0 tentang selisih C1 & DA1 <di> Boyolali." in text
    assert text.count("Boyolali.") == 400  # every sentence printed (some run across a page break)
    assert "Akhir dari keberatan." in text
    assert "2. Kejadian khusus" in text and "Listrik padam 20 menit; rapat diskors." in text
    last = pages_text(r.pdf)[-1]
    assert f"Halaman {r.parts[0].pages} dari {r.parts[0].pages}" in last
    minutes = " ".join(pages_text(render(recorded, ["berita_acara"], now=NOW).pdf))
    assert "dicatat 2 kejadian khusus dan/atau keberatan saksi" in minutes


def test_fingerprint_follows_the_data(recorded):
    before = render(recorded, ["sertifikat", "berita_acara"], now=NOW)
    pl.set_witness(recorded, "tester", 2, "Abdul Kholiq", "present")
    after = render(recorded, ["sertifikat", "berita_acara"], now=NOW)
    assert before.parts[0].fingerprint != after.parts[0].fingerprint
    assert before.parts[1].fingerprint != after.parts[1].fingerprint


def test_adopted_data_print_without_draft_and_simulation_is_marked(tmp_path):
    w = Workspace.create(tmp_path / "sim.sqlite", "pilpres-2019-jateng", actor="tester", simulation=True)
    from recap_app.core.demo import load_real_certificates

    load_real_certificates(w, "tester")
    with w.transaction():  # adoption itself belongs to reconcile; here only its stored state matters
        w.conn.execute("UPDATE certificate SET adopted_revision_id = (SELECT MAX(id) FROM revision r "
                       "WHERE r.certificate_id = certificate.id), adopted_at = ?, adopted_by = 'ketua'", (NOW,))
    r = render(w, ["sertifikat", "sertifikat_kabupaten"], region="33.01", now=NOW)
    texts = pages_text(r.pdf)
    assert all("DRAF" not in t for t in texts)
    assert all("SIMULASI — bukan dokumen resmi" in t for t in texts)
    assert "ditetapkan 4 Mei 2019 oleh ketua" in " ".join(texts)
    w.close()


def test_print_documents_writes_the_file_and_records_it(recorded, tmp_path):
    out = tmp_path / "cetak.pdf"
    n_audit = recorded.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
    r = print_documents(recorded, "tester", out, ["rekapitulasi"], paper="F4", now=NOW)
    assert out.read_bytes() == r.pdf
    row = recorded.conn.execute("SELECT action, actor, after FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    assert row[0] == "document.print" and row[1] == "tester"
    assert r.parts[0].fingerprint in row[2] and '"paper": "F4"' in row[2]
    assert recorded.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == n_audit + 1


def test_print_to_unwritable_place_records_nothing(recorded, tmp_path):
    n_audit = recorded.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
    with pytest.raises(OutputError) as e:
        print_documents(recorded, "tester", tmp_path / "no" / "such" / "dir" / "x.pdf", ["rekapitulasi"])
    assert e.value.message.startswith(f"Folder {tmp_path / 'no' / 'such' / 'dir'} tidak ada")
    assert recorded.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == n_audit


def test_print_never_overwrites_the_workspace_or_a_device(recorded, tmp_path):
    before = recorded.path.read_bytes()
    for target, expected in ((recorded.path, "adalah ruang kerja itu sendiri"),
                             (Path("/dev/null"), "bukan berkas biasa"),
                             (tmp_path, "adalah folder")):
        with pytest.raises(OutputError, match=expected):
            print_documents(recorded, "tester", target, ["rekapitulasi"])
    other = tmp_path / "other.sqlite"
    other.write_bytes(before)
    with pytest.raises(OutputError, match="basis data SQLite"):
        print_documents(recorded, "tester", other, ["rekapitulasi"])
    assert other.read_bytes() == before


def test_findings_report_prints_explanations_and_overrides(tmp_path):
    from recap_app.core import reconcile

    w = make_demo(tmp_path / "f.sqlite", actor="tester")
    reconcile.refresh_findings(w, "tester")
    error = next(f for f in reconcile.findings(w) if f.code == "F.501")
    reconcile.override(w, error.key, "Selisih satu suara sudah dijelaskan KPU Kota Pekalongan dalam pleno.", "ketua")
    reconcile.explain(w, error.key, "Salah jumlah pada DA1 Pekalongan Barat.", "operator")
    warning = next(f for f in reconcile.findings(w) if f.code == "W.602" and f.region == "33.01")
    reconcile.explain(w, warning.key, "Data DPTb tidak tersedia dari sumber.", "operator")
    long = "Penjelasan yang sangat panjang. " * 80
    other = next(f for f in reconcile.findings(w) if f.code == "W.602" and f.region == "33.02")
    reconcile.explain(w, other.key, long, "operator")
    text = " ".join(pages_text(render(w, ["temuan"], now=NOW).pdf))
    assert "DIKESAMPINGKAN oleh ketua" in text
    assert "Selisih satu suara sudah dijelaskan KPU Kota Pekalongan dalam pleno." in text
    assert "Penjelasan oleh operator" in text and "Salah jumlah pada DA1 Pekalongan Barat." in text
    assert "Data DPTb tidak tersedia dari sumber." in text
    assert "kesalahan yang belum dikesampingkan: 0" in text
    assert "Teks panjang: lihat catatan nomor" in text and text.count("Penjelasan yang sangat panjang.") == 80
    w.close()


def test_very_long_names_wrap_or_shorten_but_never_fail(recorded):
    long_office = "KOMISI PEMILIHAN UMUM PROVINSI JAWA TENGAH " * 6
    pl.set_office(recorded, "tester", name=long_office.strip(), chair="Raden " * 40 + "Sudrajat")
    pl.add_attendance(recorded, "tester", "Nama Peserta Yang Sangat Panjang " * 12, "Unsur " * 30)
    r = render(recorded, ["rekapitulasi", "berita_acara"], paper="A4", now=NOW)
    texts = pages_text(r.pdf)
    assert all(re.search(r"KOMISI PEMILIHAN UMUM PROVINSI JAWA TENGAH KOMISI[A-Z ]*…", t) for t in texts)
    joined = " ".join(texts)
    assert ("Raden " * 40 + "Sudrajat").strip() in joined  # the signature block wraps, never cuts
    assert "Halaman 1 dari" in joined


def test_reopened_certificate_prints_its_history(tmp_path):
    from pypdf import PdfReader

    from recap_app.core.demo import make_demo
    from recap_app.core.documents import print_documents

    w = make_demo(tmp_path / "h.sqlite", actor="tester")
    certificate.adopt(w, "33.01", "ketua")
    certificate.reopen(w, "33.01", "ketua", "salah ketik DPT di Kesugihan")
    out = print_documents(w, "tester", tmp_path / "h.pdf", ["sertifikat_kabupaten"], region="33.01")
    text = " ".join(page.extract_text() for page in PdfReader(tmp_path / "h.pdf").pages)
    text = " ".join(text.split())
    assert "RIWAYAT REVISI DAN PENETAPAN" in text
    assert "Revisi 1 dicatat" in text and "oleh tester; alasan: data contoh Pilpres 2019." in text
    assert "Ditetapkan" in text and "Dibuka kembali" in text and "alasan: salah ketik DPT di Kesugihan." in text
    assert out.pdf
    w.close()


# ---------------------------------------------------------------- the office's paper, prints to a printer
def test_the_paper_chosen_in_the_settings_is_the_documents_default(ws):
    from recap_app.core.documents import default_paper

    assert default_paper(ws) == "A4"
    ws.set_setting("office.paper", "F4", "tester")
    assert default_paper(ws) == "F4"
    r = render(ws, ["kejadian_khusus_kosong"], now=NOW)
    page = PdfReader(io.BytesIO(r.pdf)).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (609, 935)


def test_a_print_to_a_printer_is_recorded(demo, tmp_path):
    import json

    from recap_app.core.documents import record_print

    copy = tmp_path / "p.sqlite"
    shutil.copyfile(demo.path, copy)
    with Workspace.open(copy) as w:
        r = render(w, ["rekapitulasi"], now=NOW)
        rid = record_print(w, "operator", r, "PDF", 2, paper="A4")
        actor, action, after = w.conn.execute("SELECT actor, action, after FROM audit WHERE id = ?", (rid,)).fetchone()
        after = json.loads(after)
        assert (actor, action, after["printer"], after["copies"]) == ("operator", "document.printer", "PDF", 2)
        assert after["documents"][0]["sha256"] == r.parts[0].fingerprint
        with pytest.raises(DocumentError, match="Jumlah salinan 0 tidak sah"):
            record_print(w, "operator", r, "PDF", 0)
        with pytest.raises(DocumentError, match="Printer tidak disebut"):
            record_print(w, "operator", r, " ", 1)


# ---------------------------------------------------------------- form fidelity
def test_official_titles_run_on_with_dalam_and_the_findings_report_is_internal(demo):
    dc1 = " ".join(pages_text(render(demo, ["sertifikat"], now=NOW).pdf))
    assert ("DARI SETIAP KABUPATEN/KOTA DI TINGKAT PROVINSI DALAM PEMILIHAN UMUM PRESIDEN DAN WAKIL PRESIDEN "
            "TAHUN 2019") in dc1
    report = pages_text(render(demo, ["temuan"], now=NOW).pdf)
    assert "MODEL" not in report[0] and "DOKUMEN INTERNAL — BUKAN FORMULIR RESMI" in report[0]
    assert "Laporan temuan pemeriksaan (dokumen internal)" in report[0]


def test_continuation_pages_carry_a_paraf_row_and_the_last_the_signatures(demo):
    r = render(demo, ["sertifikat"], now=NOW)
    texts = pages_text(r.pdf)
    assert all(all(w in t for w in ("Paraf:", "Ketua", "Anggota", "Saksi")) for t in texts[:-1])
    assert "Paraf:" not in texts[-1]


def test_minutes_fit_one_a4_page_with_seven_signature_rows(demo):
    r = render(demo, ["berita_acara"], paper="A4", now=NOW)
    [text] = pages_text(r.pdf)
    assert "Rekapitulasi dilakukan atas sertifikat 35 dari 35 kabupaten/kota" in text
    assert "dari 35 dari 35" not in text
    assert "7. ...................." in text  # the chair and six members by default
