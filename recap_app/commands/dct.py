"""CLI commands: the candidate list (a thin layer over recap_app.core.dct).

    recap dct show --db PATH [--dapil KODE] [--format json]
    recap dct import --db PATH FILE                 (a definition without a list: DPRD Provinsi 2024)
    recap dct number --db PATH "Nama=1" ...         (DPD ballot numbers; or --file FILE)

Both writes are refused once a certificate is stored, need the "settings" permission and are audited.
"""

from __future__ import annotations

from pathlib import Path

import click

from . import common as cmd


def register(main):
    """Attach the `dct` group to `recap`."""

    @main.group("dct")
    def dct_grp():
        """Daftar calon tetap (DCT): lihat, muat, tetapkan nomor urut calon perseorangan."""

    @cmd.read_command(dct_grp, "show")
    @click.option("--dapil", "dapil", default=None, help="Hanya dapil ini (kode).")
    def dct_show(db, fmt, dapil):
        """Tampilkan daftar calon yang tersimpan di ruang kerja."""
        from ..core.dct import candidate_list

        with cmd.open_ws(db, readonly=True) as ws:
            e = ws.election
            rows = [c for c in candidate_list(e) if dapil is None or c["dapil"] == dapil]
            parties = {c.nomor: c.short for c in e.contestants if c.kind == "partai"}
        if fmt == "json":
            cmd.emit_json(rows)
            return
        if not rows:
            click.echo(f"{e.name}: daftar calon belum dimuat (recap dct import FILE).")
            return
        from ..core.formatting import number

        click.echo(f"{e.name}: {number(len(rows))} calon.")
        for c in rows:
            party = f"{parties.get(c['partai'], c['partai'])} " if c["partai"] else ""
            no = c["nomor_urut"] if c["nomor_urut"] is not None else "-"
            click.echo(f"  {c['dapil']:<6} {party}{no:>3}. {c['nama']} ({c['jenis_kelamin'] or '-'})")

    @cmd.write_command(dct_grp, "import")
    @click.argument("file", type=click.Path(path_type=Path))
    def dct_import(db, user, file):
        """Muat DCT (CSV atau xlsx: dapil, partai, nomor_urut, nama, jenis_kelamin, tempat_tinggal)."""
        from ..core.dct import import_dct

        with cmd.acting(db, user) as (ws, actor):
            got = import_dct(ws, file, actor)
        from ..core.formatting import number

        click.echo(f"DCT dimuat dari {got['file']}: {number(got['calon'])} calon di {len(got['dapil'])} dapil "
                   f"(SHA-256 {got['sha256'][:16]}).")

    @cmd.write_command(dct_grp, "number")
    @click.option("--file", "file", type=click.Path(path_type=Path), default=None,
                  help="Berkas CSV (nama, nomor_urut) atau baris NAMA=NOMOR.")
    @click.argument("items", nargs=-1)
    def dct_number(db, user, file, items):
        """Tetapkan nomor urut calon perseorangan (DPD): "Nama=1" ... atau --file."""
        from ..core.dct import DctError, number_candidates, parse_numbers, read_numbers

        if bool(file) == bool(items):
            raise DctError("Sebutkan nomor urut sebagai \"Nama=1\" ... atau dengan --file, salah satu.", "usage")
        numbers = read_numbers(file) if file else parse_numbers(list(items))
        with cmd.acting(db, user) as (ws, actor):
            got = number_candidates(ws, numbers, actor)
        for name, n in sorted(got["nomor"].items(), key=lambda t: (t[1] is None, t[1] or 0)):
            click.echo(f"  {n if n is not None else '-':>3}. {name}")
        if got["belum"]:
            click.echo(f"Belum bernomor: {len(got['belum'])} calon; sertifikat DPD baru dapat dibaca setelah semua "
                       "calon bernomor.")
        else:
            click.echo("Semua calon bernomor urut.")
