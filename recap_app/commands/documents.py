"""CLI commands: documents (a thin layer over recap_app.core.documents and recap_app.core.export).

recap print, recap export, recap office set/show, recap plenary set/attend/witness/show,
recap objection add.
"""

from __future__ import annotations

from pathlib import Path

import click

from . import common as cmd


def register(main):
    """Attach this module's commands to the `recap` group."""

    def _acting(ws, user):

        return cmd.acting_user(ws, user)

    @cmd.write_command(main, "print")
    @click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
                  help="Berkas PDF yang ditulis.")
    @click.option("--paper", type=click.Choice(["A4", "F4"], case_sensitive=False), default=None,
                  help="Ukuran kertas (F4 = 215 x 330 mm). Bawaan: kertas di pengaturan kantor, atau A4.")
    @click.option("--document", "documents", multiple=True,
                  help="Nama dokumen (boleh berulang); tanpa ini semua dokumen provinsi dicetak.")
    @click.option("--region", default=None, help="Kode kabupaten/kota untuk sertifikat_kabupaten (mis. 33.01).")
    @click.option("--dapil", default=None, help="Pemilu berdapil: sertifikat dan rekapitulasi dapil ini saja.")
    @cmd.format_option
    def print_cmd(db, user, out, paper, documents, region, dapil, fmt):
        """Cetak dokumen resmi provinsi ke PDF (sertifikat, rekapitulasi, berita acara, DC2, temuan)."""
        from ..core.documents import print_documents

        with cmd.open_ws(db) as ws:
            actor = _acting(ws, user)
            rendered = print_documents(ws, actor, out, list(documents) or None,
                                       paper=paper.upper() if paper else None, region=region, dapil=dapil)
        if fmt == "json":
            cmd.emit_json({"file": str(out), "documents": rendered.summary()})
            return
        click.echo(f"PDF ditulis: {out}")
        for d in rendered.summary():
            click.echo(f"  {d['document']:<24} {d['pages']:>3} halaman  SHA-256 {d['sha256']}")

    @main.command("documents")
    @click.option("--db", "db", default=None, type=click.Path(dir_okay=False, path_type=Path),
                  help="Diterima seperti pada perintah lain; daftarnya sama untuk setiap ruang kerja.")
    @cmd.format_option
    def documents_cmd(db, fmt):
        """Daftar dokumen yang dapat dicetak (nama untuk --document pada recap print)."""
        from ..core.documents import DOCUMENTS

        if fmt == "json":
            cmd.emit_json([{"document": k, "keterangan": v[1]} for k, v in DOCUMENTS.items()])
            return
        for k, v in DOCUMENTS.items():
            click.echo(f"{k:<24} {v[1]}")

    @cmd.write_command(main, "export")
    @click.option("--format", "export_format", type=click.Choice(["xlsx", "csv"]), default=None,
                  help="xlsx: tata letak resmi; csv: satu baris per wilayah, kolom, isian dan nilai "
                       "(bawaan: menurut akhiran --out).")
    @click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
                  help="Berkas ekspor yang ditulis (.xlsx atau .csv).")
    def export_cmd(db, user, export_format, out):
        """Ekspor rekapitulasi ke xlsx (tata letak resmi) atau CSV panjang."""
        from ..core.export import export
        from ..core.formatting import number

        if export_format is None:
            export_format = {".xlsx": "xlsx", ".csv": "csv"}.get(out.suffix.lower())
            if export_format is None:
                raise click.UsageError(f"Format ekspor tidak dapat ditebak dari nama {out.name}; beri --format xlsx "
                                       "atau --format csv, atau akhiri --out dengan .xlsx atau .csv.")

        with cmd.open_ws(db) as ws:
            actor = _acting(ws, user)
            info = export(ws, actor, out, export_format)
        click.echo(f"Ekspor {info.format} ditulis: {info.path} ({number(info.rows)} baris data; sidik data SHA-256 "
                   f"{info.sha256}, dari angka dan definisi pemilihan, bukan dari berkasnya)")

    # ------------------------------------------------------------ office
    @main.group("office")
    def office_grp():
        """Data kantor yang dicetak: nama, kota, ketua dan anggota."""

    @cmd.write_command(office_grp, "set")
    @click.option("--name", default=None, help="Nama kantor (bawaan: KOMISI PEMILIHAN UMUM PROVINSI ...).")
    @click.option("--city", default=None, help="Kota kedudukan kantor (tempat rapat bawaan).")
    @click.option("--chair", default=None, help="Nama ketua.")
    @click.option("--member", "members", multiple=True, help="Nama anggota (berulang, urutan tanda tangan).")
    def office_set(db, user, name, city, chair, members):
        """Ubah data kantor."""
        from ..core.documents.plenary import set_office

        with cmd.open_ws(db) as ws:
            o = set_office(ws, _acting(ws, user), name=name, city=city, chair=chair,
                           members=list(members) if members else None)
        click.echo(f"Kantor: {o.name}; kota {o.city or '-'}; ketua {o.chair or '-'}; "
                   f"anggota: {', '.join(o.members) or '-'}")

    # ------------------------------------------------------------ plenary
    @main.group("plenary")
    def plenary_grp():
        """Data rapat pleno rekapitulasi: tempat, tanggal, kehadiran, saksi."""

    @cmd.write_command(plenary_grp, "set")
    @click.option("--place", default=None, help="Tempat rapat pleno.")
    @click.option("--date", "date", default=None, help="Tanggal rapat, TTTT-BB-HH (mis. 2019-05-04).")
    @click.option("--start", "time_start", default=None, help="Jam mulai, JJ.MM.")
    @click.option("--end", "time_end", default=None, help="Jam selesai, JJ.MM.")
    def plenary_set(db, user, place, date, time_start, time_end):
        """Catat tempat, tanggal dan jam rapat pleno."""
        from ..core.documents.plenary import set_plenary

        with cmd.open_ws(db) as ws:
            pl = set_plenary(ws, _acting(ws, user), place=place, date=date, time_start=time_start,
                             time_end=time_end)
        click.echo(f"Rapat pleno: {pl.place or '-'}, {pl.date or '-'}, {pl.time_start or '-'}–{pl.time_end or '-'}")

    @cmd.write_command(plenary_grp, "attend")
    @click.argument("name")
    @click.option("--role", required=True, help="Jabatan/unsur, mis. 'Bawaslu Provinsi'.")
    @click.option("--absent", is_flag=True, help="Tercatat tidak hadir.")
    def plenary_attend(db, user, name, role, absent):
        """Tambah peserta rapat pleno ke daftar hadir."""
        from ..core.documents.plenary import add_attendance

        with cmd.open_ws(db) as ws:
            add_attendance(ws, _acting(ws, user), name, role, present=not absent)
        click.echo(f"Daftar hadir: {name} ({role}) {'tidak hadir' if absent else 'hadir'}.")

    @cmd.write_command(plenary_grp, "witness")
    @click.argument("nomor_urut", type=int)
    @click.option("--name", required=True, help="Nama saksi.")
    @click.option("--status", type=click.Choice(["present", "absent", "refused"]), required=True,
                  help="present = hadir dan menandatangani; absent = tidak hadir; refused = menolak menandatangani.")
    def plenary_witness(db, user, nomor_urut, name, status):
        """Catat saksi pasangan calon NOMOR_URUT dan kehadirannya."""
        from ..core.documents.plenary import WITNESS_STATUS, set_witness

        with cmd.open_ws(db) as ws:
            set_witness(ws, _acting(ws, user), nomor_urut, name, status)
        click.echo(f"Saksi paslon {nomor_urut}: {name} ({WITNESS_STATUS[status].lower()}).")

    @cmd.read_command(plenary_grp, "show")
    def plenary_show(db, fmt):
        """Tampilkan data kantor dan rapat pleno yang tercatat."""
        from dataclasses import asdict

        from ..core.documents.plenary import office, plenary

        with cmd.open_ws(db, readonly=True) as ws:
            data = {"office": asdict(office(ws)), "plenary": asdict(plenary(ws))}
        if fmt == "json":
            cmd.emit_json(data)
            return
        o, pl = data["office"], data["plenary"]
        click.echo(f"Kantor: {o['name']} ({o['city'] or '-'}); ketua {o['chair'] or '-'}; "
                   f"anggota {', '.join(o['members']) or '-'}")
        click.echo(f"Pleno: {pl['place'] or '-'}, {pl['date'] or '-'} {pl['time_start']}–{pl['time_end']}")
        click.echo(f"Hadir: {len(pl['attendance'])} orang; saksi: {len(pl['witnesses'])}; "
                   f"kejadian khusus/keberatan: {len(pl['objections'])}")

    # ------------------------------------------------------------ objections
    @main.group("objection")
    def objection_grp():
        """Kejadian khusus dan/atau keberatan saksi (formulir DC2)."""

    @cmd.write_command(objection_grp, "add")
    @click.option("--kind", type=click.Choice(["kejadian_khusus", "keberatan"]), default="keberatan",
                  show_default=True)
    @click.option("--text", default=None, help="Uraian (atau gunakan --file).")
    @click.option("--file", "text_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                  default=None, help="Berkas teks UTF-8 berisi uraian panjang.")
    @click.option("--paslon", "nomor_urut", type=int, default=None, help="Nomor urut paslon yang saksinya keberatan.")
    @click.option("--region", default=None, help="Kode kabupaten/kota yang dimaksud.")
    def objection_add(db, user, kind, text, text_file, nomor_urut, region):
        """Catat satu kejadian khusus atau keberatan saksi."""
        from ..core.documents.plenary import DocumentError, add_objection

        if text_file is not None:
            from ..core import files

            try:
                text = files.read_named(text_file, 1 << 20, "berkas teks UTF-8").decode("utf-8")
            except UnicodeDecodeError as exc:
                raise DocumentError(f"Berkas {text_file} tidak dapat dibaca sebagai teks UTF-8: {exc}.",
                                    "bad_file") from exc
        if not text:
            raise DocumentError("Isi uraian dengan --text atau --file.", "empty_text")
        with cmd.open_ws(db) as ws:
            oid = add_objection(ws, _acting(ws, user), kind, text, nomor_urut=nomor_urut, region=region)
        click.echo(f"Tercatat sebagai nomor {oid}.")
