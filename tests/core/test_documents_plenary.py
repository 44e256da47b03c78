"""Plenary records (office, plenary, attendance, witnesses, objections) and the document commands."""

import json

import pytest
from click.testing import CliRunner

from recap_app.cli import main
from recap_app.core.documents import plenary as pl
from recap_app.core.documents.plenary import DocumentError


def _audit_count(ws):
    return ws.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0]


def test_defaults_before_anything_is_recorded(ws):
    o = pl.office(ws)
    assert o.name == "KOMISI PEMILIHAN UMUM PROVINSI JAWA TENGAH"
    assert (o.city, o.chair, o.members) == ("", "", ())
    p = pl.plenary(ws)
    assert (p.place, p.date, p.time_start, p.time_end, p.attendance, p.witnesses, p.objections) == \
        ("", "", "", "", (), {}, ())


def test_office_and_plenary_are_recorded_with_audit(ws):
    n = _audit_count(ws)
    o = pl.set_office(ws, "ketua", city=" Semarang ", chair="Yulianto Sudrajat", members=["Diana", " Muslim "])
    assert (o.city, o.chair, o.members) == ("Semarang", "Yulianto Sudrajat", ("Diana", "Muslim"))
    p = pl.set_plenary(ws, "ketua", place="Hotel Patra", date="2019-05-04", time_start="09:00", time_end="17.30")
    assert (p.place, p.date, p.time_start, p.time_end) == ("Hotel Patra", "2019-05-04", "09.00", "17.30")
    p = pl.set_plenary(ws, "ketua", time_end="18.00")  # other values stay
    assert (p.place, p.time_end) == ("Hotel Patra", "18.00")
    actions = [r[0] for r in ws.conn.execute("SELECT action FROM audit WHERE id > ? ORDER BY id", (n,))]
    assert actions == ["setting.change"] * 3 + ["plenary.set", "plenary.set"]


@pytest.mark.parametrize("kwargs, message", [
    ({"date": "4 Mei 2019"},
     "Tanggal pleno '4 Mei 2019' tidak dapat dibaca; tulis sebagai TTTT-BB-HH, misalnya 2019-05-04."),
    ({"date": "2019-02-30"},
     "Tanggal pleno '2019-02-30' tidak dapat dibaca; tulis sebagai TTTT-BB-HH, misalnya 2019-05-04."),
    ({"time_start": "25.00"}, "Jam mulai '25.00' tidak dapat dibaca; tulis sebagai JJ.MM, misalnya 09.00."),
    ({"place": "Hotel", "time_end": "5 sore"},
     "Jam selesai '5 sore' tidak dapat dibaca; tulis sebagai JJ.MM, misalnya 09.00."),
])
def test_bad_plenary_input_writes_nothing(ws, kwargs, message):
    n = _audit_count(ws)
    with pytest.raises(DocumentError) as e:
        pl.set_plenary(ws, "ketua", **kwargs)
    assert e.value.message == message
    assert _audit_count(ws) == n
    assert ws.conn.execute("SELECT COUNT(*) FROM plenary").fetchone()[0] == 0


def test_witnesses(ws):
    pl.set_witness(ws, "op", 1, "Sumanto", "present")
    pl.set_witness(ws, "op", 2, "Abdul Kholiq", "refused")
    pl.set_witness(ws, "op", 2, "Abdul Kholiq", "absent")  # changed: the record keeps the last state
    assert pl.plenary(ws).witnesses == {1: {"name": "Sumanto", "status": "present"},
                                        2: {"name": "Abdul Kholiq", "status": "absent"}}
    last = ws.conn.execute("SELECT before, after FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    assert json.loads(last[0]) == {"name": "Abdul Kholiq", "status": "refused"}
    assert json.loads(last[1]) == {"name": "Abdul Kholiq", "status": "absent"}


@pytest.mark.parametrize("args, message", [
    ((3, "X", "present"), "Pasangan calon nomor urut 3 tidak ada; yang ada: 1, 2."),
    ((1, "  ", "present"), "Nama saksi tidak boleh kosong."),
    ((1, "X", "hadir"), "Status saksi 'hadir' tidak dikenal; pilih present (hadir), absent (tidak hadir) atau "
                        "refused (menolak menandatangani)."),
])
def test_bad_witness_writes_nothing(ws, args, message):
    n = _audit_count(ws)
    with pytest.raises(DocumentError) as e:
        pl.set_witness(ws, "op", *args)
    assert e.value.message == message
    assert _audit_count(ws) == n and pl.plenary(ws).witnesses == {}


def test_attendance_and_objections(ws):
    pl.add_attendance(ws, "op", "Fajar Subhi", "Bawaslu Provinsi")
    pl.add_attendance(ws, "op", "Budi", "KPU Kabupaten Cilacap", present=False)
    oid = pl.add_objection(ws, "op", "keberatan", "  Selisih di Boyolali.  ", nomor_urut=2, region="33.09")
    p = pl.plenary(ws)
    assert [(a["name"], a["present"]) for a in p.attendance] == [("Fajar Subhi", True), ("Budi", False)]
    assert p.objections[0]["id"] == oid and p.objections[0]["text"] == "Selisih di Boyolali."
    assert (p.objections[0]["nomor_urut"], p.objections[0]["region"]) == (2, "33.09")


def test_an_attendee_recorded_by_mistake_is_removed_with_a_record(ws):
    rid = pl.add_attendance(ws, "op", "Salah Nama", "Bawaslu Provinsi")
    keep = pl.add_attendance(ws, "op", "Fajar Subhi", "Bawaslu Provinsi")
    pl.remove_attendance(ws, "op2", rid)
    assert [a["id"] for a in pl.plenary(ws).attendance] == [keep]
    last = ws.conn.execute("SELECT actor, action, before FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    assert last[:2] == ("op2", "plenary.attendance_remove") and json.loads(last[2])["name"] == "Salah Nama"
    with pytest.raises(DocumentError, match="Peserta rapat nomor 999 tidak ada"):
        pl.remove_attendance(ws, "op", 999)


@pytest.mark.parametrize("args, kwargs, message", [
    (("protes", "x"), {}, "Jenis catatan 'protes' tidak dikenal; pilih kejadian_khusus atau keberatan."),
    (("keberatan", " "), {}, "Uraian kejadian khusus/keberatan tidak boleh kosong."),
    (("keberatan", "x"), {"nomor_urut": 9}, "Pasangan calon nomor urut 9 tidak ada."),
    (("keberatan", "x"), {"region": "33.99"}, "Kabupaten/kota dengan kode '33.99' tidak ada dalam pemilihan ini."),
])
def test_bad_objection_writes_nothing(ws, args, kwargs, message):
    n = _audit_count(ws)
    with pytest.raises(DocumentError) as e:
        pl.add_objection(ws, "op", *args, **kwargs)
    assert e.value.message == message
    assert _audit_count(ws) == n and pl.plenary(ws).objections == ()


def test_empty_names_refused(ws):
    with pytest.raises(DocumentError) as e:
        pl.set_office(ws, "op", chair=" ")
    assert e.value.message == "Nama ketua tidak boleh kosong."
    with pytest.raises(DocumentError) as e:
        pl.add_attendance(ws, "op", "", "Bawaslu")
    assert e.value.message == "Nama dan jabatan/unsur peserta rapat harus diisi."


# ---------------------------------------------------------------- command line
def test_cli_records_prints_and_exports(tmp_path):
    db = str(tmp_path / "demo.sqlite")
    run = CliRunner().invoke
    assert run(main, ["demo", "--db", db]).exit_code == 0
    r = run(main, ["office", "set", "--db", db, "--city", "Semarang", "--chair", "Yulianto", "--member", "Diana"])
    assert r.exit_code == 0, r.output
    assert "ketua Yulianto; anggota: Diana" in r.output
    r = run(main, ["plenary", "set", "--db", db, "--place", "Hotel Patra", "--date", "2019-05-04",
                   "--start", "09.00", "--end", "17.00"])
    assert r.output == "Rapat pleno: Hotel Patra, 2019-05-04, 09.00–17.00\n"
    r = run(main, ["plenary", "witness", "--db", db, "2", "--name", "Abdul", "--status", "refused"])
    assert r.output == "Saksi paslon 2: Abdul (hadir, menolak menandatangani).\n"
    r = run(main, ["plenary", "attend", "--db", db, "Fajar", "--role", "Bawaslu Provinsi"])
    assert r.output == "Daftar hadir: Fajar (Bawaslu Provinsi) hadir.\n"
    text = tmp_path / "keberatan.txt"
    text.write_text("Keberatan panjang.\nBaris kedua.", encoding="utf-8")
    r = run(main, ["objection", "add", "--db", db, "--file", str(text), "--paslon", "2", "--region", "33.09"])
    assert r.output == "Tercatat sebagai nomor 1.\n"
    r = run(main, ["plenary", "show", "--db", db, "--format", "json"])
    data = json.loads(r.output)
    assert data["plenary"]["witnesses"] == {"2": {"name": "Abdul", "status": "refused"}}
    assert data["plenary"]["objections"][0]["text"] == "Keberatan panjang.\nBaris kedua."
    out = tmp_path / "dok.pdf"
    r = run(main, ["print", "--db", db, "--out", str(out), "--paper", "F4", "--document", "rekapitulasi",
                   "--document", "sertifikat_kabupaten", "--region", "33.75", "--format", "json"])
    assert r.exit_code == 0, r.output
    docs = json.loads(r.output)["documents"]
    assert [d["document"] for d in docs] == ["rekapitulasi", "sertifikat_kabupaten"]
    assert out.read_bytes().startswith(b"%PDF")
    r = run(main, ["export", "--db", db, "--format", "csv", "--out", str(tmp_path / "a.csv")])
    assert r.exit_code == 0 and r.output.startswith(f"Ekspor csv ditulis: {tmp_path / 'a.csv'} (23.751 baris data")


def test_cli_errors_are_clean(tmp_path):
    db = str(tmp_path / "ws.sqlite")
    run = CliRunner().invoke
    assert run(main, ["init", "--election", "pilpres-2019-jateng", "--db", db]).exit_code == 0
    r = run(main, ["plenary", "set", "--db", db, "--date", "04/05/2019"])
    assert r.exit_code == 1
    assert "Galat: Tanggal pleno '04/05/2019' tidak dapat dibaca" in r.output
    r = run(main, ["print", "--db", db, "--out", str(tmp_path / "x.pdf"), "--document", "sertifikat_kabupaten",
                   "--region", "33.01"])
    assert r.exit_code == 1
    assert "Galat: Sertifikat Kabupaten Cilacap (33.01) belum diterima; tidak ada yang dapat dicetak." in r.output
    assert not (tmp_path / "x.pdf").exists()
    r = run(main, ["objection", "add", "--db", db])
    assert r.exit_code == 1 and "Galat: Isi uraian dengan --text atau --file." in r.output


def test_markup_characters_in_the_office_name_print_as_written_in_every_signature_block(demo_ws):
    """The office's name is the clerk's text: "<", ">" and "&" print as written wherever it stands,
    the heading of the signature blocks included (it was taken as markup there)."""
    import io

    from pypdf import PdfReader

    from recap_app.core.documents import render

    pl.set_office(demo_ws, "tester", name="KOMISI <PEMILIHAN> & UMUM PROVINSI")
    pdf = render(demo_ws, ["berita_acara", "kejadian_khusus"], now="2019-05-04T10:00:00+00:00").pdf
    text = [" ".join((pg.extract_text() or "").split()) for pg in PdfReader(io.BytesIO(pdf)).pages]
    assert sum(t.count("KOMISI <PEMILIHAN> & UMUM PROVINSI") for t in text) >= 2
    assert not any("KOMISI & UMUM" in t or "KOMISI  & UMUM" in t for t in text), text
