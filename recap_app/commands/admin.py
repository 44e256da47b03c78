"""CLI commands: users, audit, backup, restore (docs/security.md; a thin layer over recap_app.core).

    recap users add NAME --role ROLE     (admin; the first account of a workspace must be an admin)
    recap users list | role NAME ROLE | disable NAME | enable NAME | password NAME
    recap audit verify --db PATH         (exit 1 unless the whole chain holds)
    recap audit log --db PATH [--actor --action --entity --limit]
    recap backup --db PATH [--out FILE]  (without --out: into the workspace's backup folder)
    recap backups --db PATH              (start-up check and the list of automatic backups)
    recap restore --db PATH --from FILE

Passwords: the acting user's from RECAP_PASSWORD or a prompt; a new account's from
RECAP_NEW_PASSWORD or a prompt (asked twice). Without a terminal nothing is ever asked: the
command stops with a clear message.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

import click

from ..core.errors import RecapError
from ..core.formatting import local_time, number
from ..core.text import shown
from . import common as cmd


def new_password(name: str) -> str:
    """A new account's password: RECAP_NEW_PASSWORD, else asked twice on the terminal.

    Raises:
        PasswordNeeded: neither is available (scripts, CI).
        RecapError: the two answers differ.
    """
    from ..core.auth import PasswordNeeded

    pw = os.environ.get("RECAP_NEW_PASSWORD")
    if pw is not None:
        return pw
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass(f"Kata sandi baru untuk {name}: ")
        if getpass.getpass("Ulangi kata sandi: ") != first:
            raise RecapError("Kedua kata sandi tidak sama; tidak ada yang diubah.", "password_mismatch")
        return first
    raise PasswordNeeded(f"Kata sandi baru untuk '{name}' diperlukan: isi variabel RECAP_NEW_PASSWORD atau "
                         "jalankan perintah di terminal.", "password_needed")


def _given_on_command_line(user: str | None) -> bool:
    from click.core import ParameterSource

    ctx = click.get_current_context(silent=True)
    return bool(user) and ctx is not None and ctx.get_parameter_source("user") == ParameterSource.COMMANDLINE


def first_admin_password(user: str | None) -> str | None:
    """For `recap init --user NAME`: the first admin's password, or None (workspace stays open).

    Only when --user was given on the command line (not RECAP_USER): RECAP_PASSWORD, else
    asked twice on a terminal; no password and no terminal gives None (open mode), never a
    prompt. Raises RecapError for a too-short password (before anything is created).
    """
    from ..core import auth

    if not _given_on_command_line(user):
        return None
    pw = os.environ.get("RECAP_PASSWORD")
    if pw is None and sys.stdin is not None and sys.stdin.isatty():
        pw = getpass.getpass(f"Kata sandi admin pertama ({user}): ")
        if getpass.getpass("Ulangi kata sandi: ") != pw:
            raise RecapError("Kedua kata sandi tidak sama; ruang kerja tidak dibuat.", "password_mismatch")
    if pw is not None:
        pw = auth.check_password(pw, user)
    return pw


def first_admin(ws, user: str | None, password: str | None) -> None:
    """For `recap init`: create the first admin when a password is available, else say so."""
    from ..core import auth

    if not _given_on_command_line(user) or password is None:
        if _given_on_command_line(user):
            click.echo("Catatan: tanpa kata sandi (RECAP_PASSWORD) ruang kerja dibuat dalam mode terbuka; buat admin "
                       "dengan: recap users add NAMA --role admin", err=True)
        return
    auth.add_user(ws, user, user, "admin", password)
    click.echo(f"Admin pertama dibuat: {user}. Sejak sekarang setiap perintah memerlukan pengguna dan kata sandi.")


def register(main):
    """Attach users, audit, backup, backups and restore to the `recap` group."""
    from ..core import audit as audit_mod
    from ..core import auth
    from ..core import backup as backup_mod

    # ------------------------------------------------------------- users
    @main.group("users")
    def users_grp():
        """Akun pengguna ruang kerja (hanya admin)."""

    @cmd.write_command(users_grp, "add")
    @click.argument("name")
    @click.option("--role", required=True, type=click.Choice(list(auth.MATRIX)), help="Peran akun baru.")
    def users_add(name, role, db, user):
        """Buat akun baru (kata sandi dari RECAP_NEW_PASSWORD atau ditanyakan)."""
        with cmd.acting(db, user) as (ws, actor):
            acc = auth.add_user(ws, actor, name, role, new_password(name))
        click.echo(f"Akun dibuat: {acc.name} (peran {acc.role}).")

    @cmd.write_command(users_grp, "list")
    @cmd.format_option
    def users_list(db, user, fmt):
        """Daftar akun dan perannya."""
        with cmd.acting(db, user) as (ws, actor):
            auth.require(ws, actor, "users")
            rows = [{"name": a.name, "role": a.role, "active": a.active, "created_at": a.created_at,
                     "created_by": a.created_by} for a in auth.list_users(ws)]
            opened = auth.open_mode(ws)
        if fmt == "json":
            cmd.emit_json(rows)
            return
        if opened:
            click.echo("Belum ada akun: ruang kerja dalam mode terbuka (siapa pun dapat bertindak tanpa kata sandi).")
        for r in rows:
            state = "aktif" if r["active"] else "nonaktif"
            click.echo(f"{r['name']:<20} {r['role']:<12} {state:<9} dibuat {local_time(r['created_at'])} "
                       f"oleh {r['created_by']}")

    @cmd.write_command(users_grp, "role")
    @click.argument("name")
    @click.argument("role", type=click.Choice(list(auth.MATRIX)))
    def users_role(name, role, db, user):
        """Ubah peran sebuah akun."""
        with cmd.acting(db, user) as (ws, actor):
            auth.set_role(ws, actor, name, role)
        click.echo(f"Peran {name} kini {role}.")

    for verb, active, done, doc in (("disable", False, "dinonaktifkan", "Nonaktifkan sebuah akun (riwayatnya tetap)."),
                                    ("enable", True, "diaktifkan", "Aktifkan kembali sebuah akun.")):
        _activation(users_grp, verb, active, done, doc)

    @cmd.write_command(users_grp, "password")
    @click.argument("name")
    def users_password(name, db, user):
        """Ganti kata sandi (sendiri, atau milik siapa pun oleh admin)."""
        with cmd.acting(db, user) as (ws, actor):
            auth.set_password(ws, actor, name, new_password(name))
        click.echo(f"Kata sandi {name} diganti.")

    # ------------------------------------------------------------- audit
    @main.group("audit")
    def audit_grp():
        """Log audit: pemeriksaan rantai hash dan penelusuran."""

    @cmd.read_command(audit_grp, "verify")
    @click.option("--anchor", "paper", multiple=True, metavar="ID:HASH",
                  help="Kepala rantai dari dokumen cetak (nomor catatan:hash, boleh 16 karakter awal); boleh diulang.")
    def audit_verify(db, paper, fmt):
        """Periksa rantai audit, angka, keadaan (akun, kunci, penetapan, definisi) dan jangkar di luar berkas;
        keluar 0 hanya bila semuanya utuh."""
        from ..core import integrity

        heads = [_paper_head(p) for p in paper]
        with cmd.open_ws(db, readonly=True, continuity=False) as ws:  # what differs is reported, not refused
            rep = integrity.verify(ws, heads)
        if fmt == "json":
            cmd.emit_json(rep.to_dict())
        else:
            click.echo(rep.summary())
            for p in rep.problems:
                click.echo(f"- {p.message}")
            if rep.anchor_sources:
                used = ", ".join(f"{n} {src}" for src, n in sorted(rep.anchor_sources.items()))
                click.echo(f"Jangkar yang diperiksa: {used}.")
            for note in rep.notes:
                click.echo(f"Catatan: {note}")
        sys.exit(0 if rep.ok else 1)

    @cmd.write_command(audit_grp, "accept")
    @click.option("--reason", required=True, help="Mengapa berkas ini diterima (mis. dipakai di PC lain).")
    def audit_accept(db, user, reason):
        """Terima ruang kerja yang rantai auditnya tidak sama dengan yang terakhir ditulis program di PC ini
        (dipakai di PC lain, atau salinan lama yang memang hendak dipakai); dicatat di log audit (admin)."""
        from ..core import integrity

        with cmd.acting(db, user, continuity=False) as (ws, actor):
            taken = integrity.accept_file(ws, actor, reason)
        if taken is None:
            click.echo("Rantai audit ruang kerja ini sama dengan yang terakhir ditulis program di PC ini; "
                       "tidak ada yang perlu diterima.")
        else:
            click.echo(f"Diterima dan dicatat (catatan audit #{taken}): ruang kerja ini dipakai lagi di PC ini "
                       "sebagaimana adanya.")

    @cmd.write_command(audit_grp, "anchor")
    @cmd.format_option
    def audit_anchor(db, user, fmt):
        """Tandatangani kepala rantai audit dengan kunci kantor (jangkar di luar berkas)."""
        from ..core import anchors

        with cmd.acting(db, user) as (ws, actor):
            signed = anchors.sign(ws, actor, "manual")
        head = signed["payload"]
        if fmt == "json":
            cmd.emit_json(signed)
            return
        click.echo(f"Kepala rantai #{head['audit_id']} {head['audit_hash']} ditandatangani dengan kunci kantor "
                   f"{signed['key'][:16]}….")
        for line in signed["key_notes"]:
            click.echo(line, err=line.startswith("Peringatan"))

    @cmd.read_command(audit_grp, "log")
    @click.option("--actor", default=None, help="Hanya tindakan pengguna ini.")
    @click.option("--action", default=None, help="Jenis peristiwa, atau awalan berakhiran titik (certificate.).")
    @click.option("--entity", default=None, help="Objek, atau awalan berakhiran titik dua (certificate:).")
    @click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 100000))
    def audit_log(db, actor, action, entity, limit, fmt):
        """Tampilkan catatan audit terbaru (waktu WIB, tindakan dan rincian dalam kata-kata)."""
        with cmd.open_ws(db, readonly=True) as ws:
            recs = audit_mod.query(ws, actor=actor, action=action, entity=entity, limit=limit)
        if fmt == "json":
            cmd.emit_json([r.__dict__ for r in recs])
            return
        from ..core import audit_text

        lang = "en" if os.environ.get("RECAP_LANG") == "en" else "id"
        for r in recs:
            line = (f"#{r.id:<6} {local_time(r.at, lang):<24} {shown(r.actor):<16} "
                    f"{audit_text.action_text(r.action, lang):<38} {shown(audit_text.entity_text(r.entity, lang))}")
            more = audit_text.details(r.action, r.before, r.after, lang)
            click.echo(f"{line}\n        {shown(more)}" if more else line)

    # ------------------------------------------------------------- backups
    @cmd.write_command(main, "backup")
    @click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=None,
                  help="Berkas cadangan (tidak ditimpa). Bawaan: folder cadangan ruang kerja.")
    def backup_cmd(db, out, user):
        """Buat cadangan ruang kerja dan periksa integritas salinannya."""
        with cmd.acting(db, user) as (ws, actor):
            if out is None:
                auth.require(ws, actor, "backup")
                info = backup_mod.auto_backup(ws, "manual", actor=actor)
                if info is None:
                    raise RecapError(backup_mod.last_auto_backup_error or "Cadangan gagal dibuat.", "backup")
            else:
                info = backup_mod.make_backup(ws, out, actor=actor)
        click.echo(f"Cadangan dibuat dan diperiksa: {info.path} ({number(info.size)} bita, SHA-256 {info.sha256}).")
        click.echo(f"Kepala rantai audit di cadangan: #{info.audit_last_id} {info.audit_last_hash}")

    @cmd.read_command(main, "backups")
    def backups_cmd(db, fmt):
        """Periksa integritas ruang kerja dan tampilkan cadangannya (otomatis dan buatan petugas)."""
        from ..core.paths import resolve_workspace

        path = resolve_workspace(db)
        rep = backup_mod.startup_check(path)
        items = backup_mod.list_backups(path)
        if fmt == "json":
            cmd.emit_json({"ok": rep.ok, "message": rep.message,
                       "latest_good_backup": str(rep.latest_good_backup.path) if rep.latest_good_backup else None,
                       "backups": [{"path": str(b.path), "created_at": b.created_at, "reason": b.reason,
                                    "size": b.size} for b in items]})
        else:
            click.echo(rep.message)
            click.echo(f"{len(items)} cadangan di {backup_mod.backup_dir(path)}:")
            for b in items:
                click.echo(f"  {local_time(b.created_at):<24} {b.reason:<14} {number(b.size):>13} bita  {b.path.name}")
        sys.exit(0 if rep.ok else 1)

    @cmd.write_command(main, "restore")
    @click.option("--from", "source", required=True, type=click.Path(dir_okay=False, exists=True, path_type=Path),
                  help="Berkas cadangan yang dipulihkan.")
    @click.option("--yes", "confirmed", is_flag=True,
                  help="Setujui pemulihan walau catatan audit atau akun terbaru keluar dari ruang kerja aktif.")
    @click.option("--other-workspace", "other_workspace", is_flag=True,
                  help="Izinkan cadangan dari ruang kerja lain (rantai audit lain); dicatat di log audit.")
    def restore_cmd(db, source, user, confirmed, other_workspace):
        """Pulihkan ruang kerja dari cadangan (berkas lama disimpan di samping, tidak dihapus).

        Perlu akun admin ruang kerja ini; bila ruang kerja tidak dapat dibuka, frasa sandi kunci kantor
        (RECAP_KEY_PASSPHRASE)."""
        from ..core.paths import resolve_workspace

        path = resolve_workspace(db)
        from ..core import restore as restore_mod

        losses = restore_mod.restore_losses(source, path)
        if losses and not confirmed:
            for line in losses:
                click.echo(f"Perhatian: {line}", err=True)
            if not (sys.stdin is not None and sys.stdin.isatty()
                    and click.confirm("Tetap pulihkan?", default=False)):
                raise RecapError("Pemulihan dibatalkan; tidak ada yang diubah. Ulangi dengan --yes bila memang "
                                 "dikehendaki.", "restore_unconfirmed")
        aside, info = restore_mod.restore(source, path, user, other_workspace=other_workspace)
        click.echo(f"Dipulihkan dari {source} (rantai audit sampai #{info.audit_last_id}).")
        if aside:
            click.echo(f"Ruang kerja sebelumnya disimpan sebagai {aside}.")


def _paper_head(text: str) -> tuple[int, str]:
    """``ID:HASH`` typed from a printed document → (record id, hash or its first 16+ characters)."""
    rid, sep, digest = text.strip().partition(":")
    digest = digest.strip().lower()
    if not sep or not rid.strip().lstrip("#").isdigit() or len(digest) < 16 \
            or any(c not in "0123456789abcdef" for c in digest):
        raise RecapError(f"--anchor {text!r} tidak dikenal: diharapkan NOMOR:HASH, misalnya 1234:9f2c4e1a0b3d5e6f "
                         "(nomor catatan audit dan sedikitnya 16 karakter awal hash, seperti tercetak).", "usage")
    return int(rid.strip().lstrip("#")), digest


def _activation(group, verb: str, active: bool, done: str, doc: str) -> None:
    """`recap users disable|enable NAME`: one account off or on again (auth.set_active)."""
    @cmd.write_command(group, verb, help=doc)
    @click.argument("name")
    def command(name, db, user):
        from ..core import auth

        with cmd.acting(db, user) as (ws, actor):
            auth.set_active(ws, actor, name, active)
        click.echo(f"Akun {name} {done}.")
