"""CLI commands `recap tps import|check|show|history`: the polling-station source (docs/tps-data.md).

A thin layer over recap_app.core.tps_import (reading and storing a TPS file), core.tps_check (the
form's rules per TPS and the comparison with the certificates) and core.tps (the stored sets).
"""

from __future__ import annotations

from pathlib import Path

import click

from . import common as cmd

source_option = click.option("--source", "sumber", default=None,
                             help="Nama sumber data TPS (mis. situng, sirekap). Bawaan: sumber yang diimpor terakhir.")


def _limit(limit: int | None, show_all: bool, fmt: str) -> int | None:
    """How many items each list shows: --all none cut; --limit N; default 20 for text, all for JSON."""
    if show_all:
        return None
    if limit is not None:
        return limit
    return None if fmt == "json" else 20


def register(main):
    """Attach the `tps` group to the `recap` group."""

    @main.group("tps")
    def tps_grp():
        """Data TPS (C1 / C.Hasil dari Situng atau Sirekap): bahan pembanding, bukan hasil resmi."""

    @cmd.write_command(tps_grp, "import")
    @click.option("--source", "sumber", default=None,
                  help="Nama sumber bila berkas tidak menyebutnya (kolom tanpa awalan situng_); mis. sirekap.")
    @cmd.format_option
    @click.argument("file", type=click.Path(path_type=Path))
    def tps_import_cmd(db, user, sumber, fmt, file):
        """Impor data TPS dari CSV (.csv, .csv.gz) atau JSON (.json, .json.gz) dalam satu transaksi.

        Impor baru dari sumber yang sama menggantikan data sebelumnya (riwayatnya disimpan).
        Status keluar 0 bila diterima atau isinya sama; 1 bila ditolak (tidak ada yang disimpan).
        """
        from ..core.tps_import import import_tps

        with cmd.acting(db, user) as (ws, actor):
            report = import_tps(ws, file, actor, sumber)
        cmd.emit_report(report, fmt)

    @cmd.read_command(tps_grp, "check")
    @source_option
    @click.option("--limit", "limit", type=click.IntRange(0, None), default=None,
                  help="Paling banyak N butir per daftar (bawaan: 20 untuk teks, semua untuk JSON).")
    @click.option("--all", "show_all", is_flag=True, help="Tampilkan semua butir setiap daftar.")
    def tps_check_cmd(db, fmt, sumber, limit, show_all):
        """Periksa setiap TPS dengan identitas formulir dan bandingkan jumlah TPS dengan sertifikat.

        Status keluar 0 bila pemeriksaan berjalan, apa pun temuannya.
        """
        from ..core.tps_check import check

        with cmd.open_ws(db, readonly=True) as ws:
            report = check(ws, sumber)
        n = _limit(limit, show_all, fmt)
        if fmt == "json":
            cmd.emit_json(report.to_dict(n))
        else:
            click.echo(report.to_text(n))

    @cmd.read_command(tps_grp, "show")
    @source_option
    @click.option("--kecamatan", "kode", required=True, help="Kode kecamatan (mis. 33.01.02).")
    def tps_show_cmd(db, fmt, sumber, kode):
        """Tampilkan desa dan TPS di balik angka satu kecamatan, jumlahnya, dan sertifikatnya."""
        from ..core.tps_check import behind

        with cmd.open_ws(db, readonly=True) as ws:
            view = behind(ws, kode, sumber)
        if fmt == "json":
            cmd.emit_json(view.to_dict())
        else:
            click.echo(view.to_text())

    @cmd.read_command(tps_grp, "history")
    @source_option
    def tps_history_cmd(db, fmt, sumber):
        """Riwayat impor data TPS (terbaru dahulu): berkas, SHA-256, jumlah TPS, siapa, kapan."""
        from ..core import tps
        from ..core.formatting import figure as num
        from ..core.text import shown

        with cmd.open_ws(db, readonly=True) as ws:
            rows = tps.imports(ws, sumber)
        if fmt == "json":
            cmd.emit_json([i.to_dict() for i in rows])
            return
        if not rows:
            click.echo("Belum ada data TPS yang diimpor.")
        from ..core.formatting import local_time

        for i in rows:
            state = "berlaku" if i.current else f"diganti impor #{i.replaced_by} pada {local_time(i.replaced_at)}"
            click.echo(f"#{i.id} {i.sumber}: {shown(i.berkas)} ({num(i.jumlah_tps)} TPS, {i.format}), diimpor {local_time(i.imported_at)} "
                       f"oleh {shown(i.imported_by)}; SHA-256 berkas {i.berkas_sha256[:16]}…, isi {i.content_sha256[:16]}…; "
                       f"{state}.")
