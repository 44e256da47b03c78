"""CLI commands: `recap keys ...` (office identity, trusted keys) and `recap bundle ...`
(export, verify, import, conflicts, resolve): a thin layer over recap_app.core.bundle."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

import click

from ..core.errors import RecapError
from . import common as cmd

key_option = click.option("--key", "key_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
                          help="Berkas kunci kantor (bawaan: RECAP_KEY_FILE atau folder data pengguna).")


def register(main):
    """Attach the `keys` and `bundle` groups to the `recap` group."""

    @main.group("keys")
    def keys_group():
        """Kunci kantor (Ed25519) dan kunci kantor lain yang dipercaya."""

    @keys_group.command("show")
    @key_option
    @click.option("--db", "db", type=click.Path(dir_okay=False, path_type=Path), default=None,
                  help="Katakan juga apakah ruang kerja ini dapat menandatangani dengan kunci ini (kunci milik "
                       "pengguna komputer, bukan ruang kerja).")
    @cmd.format_option
    @cmd.clerk_errors
    def keys_show(key_file, db, fmt):
        """Cetak kunci publik kantor ini dan sidiknya (kunci dibuat saat pertama menandatangani, atau oleh
        'recap keys passphrase'; perintah ini tidak membuatnya)."""
        from ..core import office_key

        accounts = None
        if db is not None:
            from ..core import auth

            with cmd.open_ws(db, readonly=True) as ws:
                accounts = not auth.open_mode(ws)
        path = key_file or office_key.default_key_path()
        pub = office_key.public_identity(path)
        if pub is None:
            if not office_key.key_exists(path):
                raise office_key.OfficeKeyError(
                    f"Belum ada kunci kantor di komputer ini ({path}). Kunci dibuat saat pertama menandatangani "
                    "bundel atau situs di ruang kerja tanpa akun; kantor yang memakai akun: ketua atau admin "
                    "membuatnya dengan recap keys passphrase.", "no_key")
            ident = office_key.load_identity(path, create=False)
            pub = office_key.PublicIdentity(ident.public_key, ident.fingerprint, ident.protected)
        text = office_key.public_key_text(pub.public_key)
        usable = None if accounts is None else (pub.protected or not accounts)
        if fmt == "json":
            cmd.emit_json({"public_key": text, "fingerprint": pub.fingerprint, "key_file": str(path),
                           "protected": pub.protected,
                           **({} if db is None else {"workspace": {"path": str(db), "accounts": accounts,
                                                                  "usable": usable}})})
            return
        click.echo(f"Kunci publik: {text}")
        click.echo(f"Sidik kunci:  {office_key.grouped(pub.fingerprint)}")
        click.echo(f"Berkas kunci: {path} (rahasia; jangan dibagikan)")
        click.echo("Kata sandi kunci: " + ("ada" if pub.protected else
                                           "BELUM ADA (kantor yang memakai akun: recap keys passphrase)"))
        if db is not None:
            click.echo(f"Ruang kerja {db}: " + (
                "memakai akun; menandatangani dengan kunci ini." if accounts and usable else
                "memakai akun; TIDAK menandatangani dengan kunci ini sebelum berkata sandi (recap keys passphrase)."
                if accounts else "tanpa akun; menandatangani dengan kunci ini"
                + ("." if pub.protected else ", dengan peringatan di setiap tanda tangan.")))

    @cmd.write_command(keys_group, "passphrase")
    @key_option
    def keys_passphrase(key_file, db, user):
        """Tetapkan atau ganti kata sandi kunci kantor (ketua atau admin; dicatat di log audit).

        Kata sandi lama dari RECAP_KEY_PASSPHRASE (atau ditanyakan); yang baru dari
        RECAP_NEW_KEY_PASSPHRASE (atau ditanyakan dua kali)."""
        from ..core import anchors, office_key

        path = key_file or office_key.default_key_path()
        old = os.environ.get("RECAP_KEY_PASSPHRASE")
        if old is None and office_key.is_protected(path) and sys.stdin is not None and sys.stdin.isatty():
            old = getpass.getpass("Kata sandi kunci kantor sekarang: ")
        new = os.environ.get("RECAP_NEW_KEY_PASSPHRASE")
        if new is None:
            if not (sys.stdin is not None and sys.stdin.isatty()):
                raise RecapError("Kata sandi kunci yang baru diperlukan: isi RECAP_NEW_KEY_PASSPHRASE atau jalankan "
                                 "perintah di terminal.", "password_needed")
            new = getpass.getpass("Kata sandi kunci kantor yang baru: ")
            if getpass.getpass("Ulangi: ") != new:
                raise RecapError("Kedua kata sandi tidak sama; tidak ada yang diubah.", "password_mismatch")
        with cmd.acting(db, user) as (ws, actor):
            ident = anchors.protect_key(ws, actor, old, new, path)
        click.echo(f"Kunci kantor {ident.path} kini dilindungi kata sandi (sidik {office_key.grouped(ident.fingerprint)}).")
        click.echo("Skrip memakai kunci dengan RECAP_KEY_PASSPHRASE.")

    @cmd.write_command(keys_group, "trust")
    @click.argument("key")
    @click.option("--office", "office", required=True, help="Kode wilayah kantor pemilik kunci (misalnya 33.01).")
    @click.option("--name", "office_name", default=None, help="Nama kantor (misalnya KPU Kabupaten Cilacap).")
    def keys_trust(key, office, office_name, db, user):
        """Percayai kunci publik kantor lain: KEY adalah teks 'ed25519:...' atau berkas yang memuatnya."""
        from ..core.bundle import keys
        from ..core.office_key import OfficeKeyError

        text = key
        if not key.startswith(keys.KEY_PREFIX) and Path(key).is_file():
            try:
                text = Path(key).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise OfficeKeyError(f"Berkas kunci {key} tidak dapat dibaca: {exc}.", "bad_key") from exc
        with cmd.acting(db, user) as (ws, actor):
            tk = keys.trust(ws, text, office, actor, office_name)
        click.echo(f"Kunci kantor {tk.office_code} dipercaya: {keys.grouped(tk.fingerprint)}")

    @cmd.read_command(keys_group, "list")
    def keys_list(db, fmt):
        """Daftar kunci kantor lain yang dipercaya ruang kerja ini."""
        from ..core.bundle import keys

        with cmd.open_ws(db, readonly=True) as ws:
            items = keys.trusted_keys(ws)
        if fmt == "json":
            cmd.emit_json([k.__dict__ for k in items])
            return
        if not items:
            click.echo("Belum ada kunci kantor lain yang dipercaya.")
        for k in items:
            click.echo(f"{k.office_code:<8} {keys.grouped(k.fingerprint)}  {k.office_name or ''}")

    @main.group("bundle")
    def bundle_group():
        """Bundel data bertanda tangan untuk dikirim ke atas atau diterima dari bawah."""

    @cmd.write_command(bundle_group, "export")
    @click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), required=True,
                  help="Berkas bundel yang dibuat (.zip).")
    @click.option("--since", "since", type=int, default=None,
                  help="Hanya perubahan sejak bundel nomor ini (bawaan: sejak bundel terakhir).")
    @click.option("--full", is_flag=True, help="Bundel lengkap (semua revisi dan seluruh catatan audit).")
    @click.option("--with-sources", is_flag=True, help="Sertakan berkas sumber asli.")
    @key_option
    @cmd.format_option
    def bundle_export(db, out, since, full, with_sources, key_file, user, fmt):
        """Buat bundel bertanda tangan dari ruang kerja."""
        from ..core.bundle import export
        from ..core.formatting import number

        if since is not None and full:
            raise click.UsageError("Pilih salah satu: --since NOMOR atau --full.")
        with cmd.acting(db, user) as (ws, actor):  # the key is loaded (made, on first use) once the export may run
            r = export.export_bundle(ws, out, actor, since=since, full=full, with_sources=with_sources,
                                     key_path=key_file)
        if fmt == "json":
            cmd.emit_json({**r.__dict__, "path": str(r.path)})
            return
        after = "lengkap" if r.base_sequence == 0 else f"perubahan sejak bundel nomor {r.base_sequence}"
        click.echo(f"Bundel nomor {r.sequence} ({after}) ditulis ke {r.path} ({number(r.size)} bita).")
        click.echo(f"Isi: {r.certificates} sertifikat, {r.revisions} revisi, {r.audit} catatan audit, "
                   f"{r.sources} berkas sumber.")
        click.echo(f"SHA-256 manifest: {r.manifest_sha256}")
        for line in r.key_notes:
            click.echo(line, err=line.startswith("Peringatan"))

    @bundle_group.command("verify")
    @click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
    @click.option("--db", "db", type=click.Path(dir_okay=False, path_type=Path), default=None,
                  help="Periksa juga terhadap ruang kerja ini (kunci dipercaya, pemilihan, simulasi, wilayah).")
    @cmd.format_option
    @cmd.clerk_errors
    def bundle_verify(file, db, fmt):
        """Periksa tanda tangan, hash, dan skema bundel tanpa menulis apa pun. Status 0 hanya bila
        sah; dengan --db juga hanya bila kunci pengirim sudah dipercaya di ruang kerja itu (kunci
        yang belum dipercaya: keterangan dicetak, lalu status 1)."""
        from ..core.bundle import against, verify
        from ..core.bundle.format import BundleRefused

        vb = verify.verify_bundle(file)
        plan = untrusted = None
        if db is not None:
            with cmd.open_ws(db, readonly=True) as ws:
                plan = against.check_against(ws, vb, accept_key=True)
                if not plan.trusted:
                    try:
                        against.check_against(ws, vb, accept_key=False)
                    except BundleRefused as exc:  # untrusted_key: its message names the fingerprint and the fix
                        untrusted = exc
        if fmt == "json":
            cmd.emit_json({"valid": untrusted is None, "manifest": vb.manifest, "manifest_sha256": vb.manifest_sha256,
                       "file_sha256": vb.file_sha256,
                       "findings": None if vb.data["findings"] is None else len(vb.data["findings"]),
                       "workspace": None if plan is None else {"mode": plan.mode, "key_trusted": plan.trusted}})
        else:
            click.echo("Bundel SAH: tanda tangan, hash setiap anggota, dan skema cocok.")
            for line in vb.describe():
                click.echo(line)
            if plan is not None:
                click.echo("Cocok dengan ruang kerja: " + ("kunci pengirim sudah dipercaya." if plan.trusted else
                                                           "kunci pengirim BELUM dipercaya (recap keys trust ...)."))
        if untrusted is not None:
            raise untrusted

    @cmd.write_command(bundle_group, "import")
    @click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
    @click.option("--accept-key", is_flag=True, help="Percayai kunci pengirim yang belum dikenal (periksa sidiknya!).")
    @cmd.format_option
    def bundle_import(db, file, accept_key, user, fmt):
        """Impor bundel: semua diperiksa dulu; status 0 bila diterima atau sudah ada, 1 bila ditolak."""
        from ..core.bundle import importer

        with cmd.acting(db, user) as (ws, actor):
            r = importer.import_bundle(ws, file, actor, accept_key=accept_key)
        if fmt == "json":
            cmd.emit_json(r.to_dict())
            return
        for line in r.lines():
            click.echo(line)

    @cmd.read_command(bundle_group, "conflicts")
    def bundle_conflicts(db, fmt):
        """Daftar konflik bundel yang menunggu keputusan."""
        from ..core.bundle import importer

        with cmd.open_ws(db, readonly=True) as ws:
            items = importer.open_conflicts(ws)
        if fmt == "json":
            cmd.emit_json(items)
            return
        if not items:
            click.echo("Tidak ada konflik bundel yang terbuka.")
        for c in items:
            click.echo(f"{c['region_kode']}: dari {c['sender']} nomor {c['sequence']}, {len(c['fields'])} isian berbeda")
            for f in c["fields"]:
                click.echo(f"  {f['kolom']} {f['field']}: dasar {f['base']}, di sini {f['ours']}, kiriman {f['theirs']}")

    @cmd.write_command(bundle_group, "resolve")
    @click.argument("kode")
    @click.option("--keep", type=click.Choice(["theirs", "ours"]), required=True,
                  help="theirs = pakai versi kiriman; ours = pertahankan versi di sini.")
    def bundle_resolve(db, kode, keep, user):
        """Putuskan konflik bundel untuk satu sertifikat."""
        from ..core.bundle import importer

        with cmd.acting(db, user) as (ws, actor):
            click.echo(importer.resolve_conflict(ws, kode, keep, actor))
