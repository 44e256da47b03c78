"""CLI commands: template, import, totals (a thin layer over recap_app.core.importer and totals)."""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Callable, Iterator
from pathlib import Path

import click

from . import common as cmd


def register(main):
    """Attach `template`, `import` and `totals` to the `recap` group."""

    @main.command("template")
    @cmd.db_option
    @click.option("--region", "region", default=None, help="Kode kabupaten/kota (mis. 33.19).")
    @click.option("--all", "all_regions", is_flag=True, help="Templat untuk semua kabupaten/kota.")
    @click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
                  help="Folder tujuan.")
    @cmd.clerk_errors
    def template_cmd(db, region, all_regions, out):
        """Tulis templat xlsx provinsi untuk diisi kabupaten/kota."""
        from ..core.errors import RecapError
        from ..core.importer.template import write_templates

        if bool(region) == bool(all_regions):
            raise RecapError("Pilih salah satu: --region KODE atau --all.", "usage")
        with cmd.open_ws(db, readonly=True) as ws:
            codes = [r.kode for r in ws.regencies()] if all_regions else [region]
            paths = write_templates(ws, codes, out)
        for p in paths:
            click.echo(str(p))
        click.echo(f"{len(paths)} templat ditulis ke {out}.")

    @cmd.write_command(main, "import")
    @click.option("--accept-names", is_flag=True,
                  help="Terima nama kecamatan yang hampir sama (ejaan diingat untuk wilayah itu).")
    @click.option("--reason", default=None, help="Alasan perubahan (dicatat pada revisi baru).")
    @click.option("--region", "region", default=None,
                  help="Hanya terima berkas untuk kabupaten/kota ini (kode, mis. 33.19).")
    @cmd.format_option
    @click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
    def import_cmd(db, user, accept_names, reason, region, fmt, files):
        """Impor sertifikat kabupaten/kota dari xlsx, xls, ods atau csv (satu transaksi per berkas).

        Status keluar 0 bila semua berkas diterima atau sudah ada; 1 bila ada yang ditolak.
        """
        from ..core.importer import import_files
        from ..core.importer.report import ACCEPTED, CANCELLED, NotFlushed

        with cmd.acting(db, user) as (ws, actor), _stop_between_files() as stopped:
            try:
                report = import_files(ws, files, actor, accept_names=accept_names, reason=reason,
                                      expect_region=region, read_ahead=True, cancelled=stopped)
            except NotFlushed as exc:  # what was stored, then why it may not be on the disk
                if fmt == "json":
                    cmd.emit_json(exc.report.to_dict())
                else:
                    click.echo(exc.report.to_text(ws.election))
                raise
            except KeyboardInterrupt as exc:  # the second Ctrl+C: the open file's transaction is rolled back
                so_far = getattr(exc, "report", None)  # importer.Interrupted: the files handled before it
                done = [f.file for f in so_far.files if f.status == ACCEPTED] if so_far is not None else []
                kept = (f"{len(done)} berkas yang sudah diterima sebelumnya tetap tersimpan: {', '.join(done)}" if done
                        else "belum ada berkas yang diterima sebelumnya")
                click.echo(f"Dibatalkan seketika: berkas yang sedang disimpan tidak disimpan; {kept}. Periksa "
                           f"dengan: recap status --db {ws.path}", err=True)
                raise SystemExit(1) from None
        if stopped() and not any(f.code == CANCELLED for f in report.files):
            click.echo("Ctrl+C datang sesudah berkas terakhir mulai disimpan: semua berkas sudah diproses, tidak ada "
                       "yang dibatalkan (lihat laporan).", err=True)
        other = any(f.code == "wrong_election" for f in report.files)
        cmd.emit_report(report, fmt, ws.election, hint=(
            "Sertifikat pemilihan lain diimpor ke ruang kerja pemilihan itu: buat dengan recap init --election ID "
            "--db BERKAS (daftar ID: recap elections).") if other else None)

    @cmd.read_command(main, "totals")
    def totals_cmd(db, fmt):
        """Jumlah provinsi tiap isian (revisi terakhir tiap sertifikat) dan JUMLAH tiap kabupaten/kota."""
        from ..core.formatting import figure as num
        from ..core.totals import list_figures, province_totals

        with cmd.open_ws(db, readonly=True) as ws:
            t = province_totals(ws)
            e = ws.election
            names = {r.kode: r.nama for r in ws.regencies()}
        if fmt == "json":
            out = {"election": e.id, "received": t["received"], "expected": t["expected"], "fields": t["fields"],
                   "regencies": {k: {"nama": names.get(k, k), "jumlah": v} for k, v in t["regencies"].items()},
                   "blank": t.get("blank", {})}
            if e.has_districts:
                out["dapil"] = [dict(d, partai=list_figures(e.form_for(d["kode"]), d["fields"])) for d in t["dapil"]]
                out["partai"] = _party_sums(out["dapil"])
            elif e.form_kind == "perseorangan":
                out["calon"] = list_figures(e.form, t["fields"])
            cmd.emit_json(out)
            return

        click.echo(f"{e.name}: {t['received']} dari {t['expected']} sertifikat kabupaten/kota masuk.")
        for d in t["dapil"]:
            form = e.form_for(d["kode"])
            if e.has_districts:
                click.echo(f"Dapil {d['kode']} {d['nama']} ({d['kursi']} kursi): {d['received']} dari "
                           f"{d['expected']} sertifikat masuk.")
            for key in form.field_keys:
                label = form.field_label(key)
                label = label if len(label) <= 78 else label[:77] + "…"  # the figures stay in one column
                click.echo(f"  {label:<78} {num(d['fields'][key]):>14}")
            keys = list(form.vote_keys) + ["suara_sah", "suara_tidak_sah"]
            heads = {form.total_key(c): c.short for c in form.contestants}
            heads.update({"suara_sah": "suara sah", "suara_tidak_sah": "suara tidak sah"})
            click.echo("JUMLAH tiap kabupaten/kota sebagaimana disampaikan ("
                       + ", ".join(heads.get(k, form.field_label(k)) for k in keys) + "):")
            for kode in d["regencies"]:
                if kode in t["regencies"]:
                    col = t["regencies"][kode]
                    click.echo(f"  {kode:<6} {names.get(kode, kode):<28} "
                               + " ".join(f"{num(col[k]):>12}" for k in keys))


def _party_sums(dapil: list[dict]) -> list[dict]:
    """Per party over every dapil: {"nomor", "nama", "suara_partai", "jumlah"} (None when any dapil is blank)."""
    out: dict[int, dict] = {}
    for d in dapil:
        for p in d["partai"]:
            got = out.setdefault(p["nomor"], {"nomor": p["nomor"], "nama": p["nama"], "nama_singkat": p["nama_singkat"],
                                              "suara_partai": 0, "jumlah": 0})
            for k in ("suara_partai", "jumlah"):
                got[k] = None if got[k] is None or p[k] is None else got[k] + p[k]
    return [out[k] for k in sorted(out)]


@contextlib.contextmanager
def _stop_between_files() -> Iterator[Callable[[], bool]]:
    """Ctrl+C during an import: the file being stored is finished (its transaction commits or
    is refused whole), the files after it are not imported and the report says which; a second
    Ctrl+C stops at once (the open transaction is rolled back, nothing of that file is kept).
    Yields the ``cancelled`` callable of :func:`recap_app.core.importer.import_files`."""
    asked: list[bool] = []

    def on_interrupt(signum, frame):
        if asked:
            raise KeyboardInterrupt
        asked.append(True)
        click.echo("Dibatalkan: berkas yang sedang disimpan diselesaikan, berkas yang belum dimulai tidak diimpor "
                   "(lihat laporan; tekan Ctrl+C sekali lagi untuk berhenti seketika).", err=True)

    try:
        previous = signal.signal(signal.SIGINT, on_interrupt)
    except ValueError:  # not the main thread: Ctrl+C keeps its usual meaning
        yield lambda: False
        return
    try:
        yield lambda: bool(asked)
    finally:
        signal.signal(signal.SIGINT, previous)
