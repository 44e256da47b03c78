"""CLI commands: `recap publish` (write the public site, optionally push it with rclone) and
`recap publish verify` (check a published folder): a thin layer over recap_app.core.publish."""

from __future__ import annotations

import sys
from pathlib import Path

import click


def register(main):
    """Attach the `publish` group (a command by itself, with `verify` under it) to `recap`."""
    from .common import acting_user, clerk_errors, db_option, emit_json, format_option, open_ws, user_option

    @main.group("publish", invoke_without_command=True)
    @db_option
    @click.option("--out", "out", type=click.Path(path_type=Path), default=None,
                  help="Folder situs: baru, kosong, atau folder publikasi sebelumnya.")
    @click.option("--to", "remote", default=None,
                  help="Kirim juga ke tujuan rclone (misalnya situs:hasil, s3kpu:bucket/hasil) atau jalur folder; "
                       "hanya berkas yang berubah.")
    @click.option("--full", is_flag=True, help="Dengan --to: kirim semua berkas, apa pun isi tujuan.")
    @click.option("--changed-list", "changed_list", type=click.Path(dir_okay=False, path_type=Path), default=None,
                  help="Tulis daftar berkas yang berubah (satu jalur per baris, untuk rclone --files-from).")
    @click.option("--key", "key_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
                  help="Berkas kunci kantor (bawaan: RECAP_KEY_FILE atau folder data pengguna).")
    @user_option
    @format_option
    @click.pass_context
    @clerk_errors
    def publish_group(ctx, db, out, remote, full, changed_list, key_file, user, fmt):
        """Terbitkan hasil sebagai situs statis bertanda tangan (HTML, JSON, CSV, manifest).

        Tanpa subperintah: menulis situs ke --out (hanya berkas yang berubah) dan mencatatnya di
        log audit; dengan --to juga mengirimnya lewat rclone. 'recap publish verify FOLDER'
        memeriksa situs yang sudah terbit.
        """
        if ctx.invoked_subcommand is not None:
            return
        if out is None:
            raise click.UsageError("Pilihan wajib belum diisi '--out' (folder situs).")
        if full and not remote:
            raise click.UsageError("--full hanya berlaku bersama --to TUJUAN.")
        from ..core import publish
        from ..core.errors import RecapError

        with open_ws(db) as ws:
            actor = acting_user(ws, user)
            # the key is loaded (made, on first use) only once publishing may run
            result = publish.publish(ws, actor, out, changed_list=changed_list, key_path=key_file)
            if remote:
                from ..core.publish import remote as rc

                try:
                    result.push = rc.push_and_record(ws, actor, out, remote, full=full)
                except RecapError as exc:  # the site is written and recorded; only the push failed
                    result.push_error = exc.message
        if fmt == "json":
            emit_json(result.to_dict())
        else:
            for line in result.lines():
                click.echo(line)
            shown = 20  # the first ones by name; every name: --changed-list FILE or --format json
            for sign, names, what in (("+", result.changed, "baru/berubah"), ("-", result.removed, "terhapus")):
                for p in names[:shown]:
                    click.echo(f"  {sign} {p}")
                if len(names) > shown:
                    click.echo(f"  ... dan {len(names) - shown} berkas {what} lainnya")
            if changed_list:
                from ..core.formatting import number

                click.echo(f"Daftar berkas yang berubah ditulis ke {changed_list} ({number(len(result.changed))} baris).")
            if result.push is not None:
                for line in result.push.lines():
                    click.echo(line)
        if result.push_error:
            click.echo(f"Galat: pengiriman ke {remote} gagal (situs di {out} sudah diterbitkan): {result.push_error}",
                       err=True)
            sys.exit(1)

    @publish_group.command("verify")
    @click.argument("folder", type=click.Path(path_type=Path))
    @click.option("--key", "key", default=None,
                  help="Kunci kantor yang diharapkan: sidik 64 heksadesimal, teks 'ed25519:...' atau berkas PEM.")
    @format_option
    @clerk_errors
    def publish_verify(folder, key, fmt):
        """Periksa situs terbitan: tanda tangan manifest dan setiap berkas (keluar 0 hanya bila semuanya cocok)."""
        from ..core.publish import verify_site

        rep = verify_site(folder, key)
        if fmt == "json":
            emit_json(rep.to_dict())
            sys.exit(0 if rep.ok else 1)
        for line in rep.describe():
            click.echo(line)
        from ..core.formatting import number

        if rep.ok:
            click.echo(f"SAH: tanda tangan manifest benar dan {number(rep.checked)} berkas cocok dengan manifest; "
                       "tidak ada berkas tambahan.")
            if not key:
                click.echo("Cocokkan sidik kunci kantor di atas dengan yang diumumkan kantor (atau beri --key).")
            sys.exit(0)
        click.echo(f"TIDAK SAH: {number(len(rep.problems))} masalah ditemukan di {folder}:", err=True)
        for p in rep.problems:
            click.echo(f"  {p.message}", err=True)
        sys.exit(1)
