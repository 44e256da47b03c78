"""The `recap` command line: a thin layer over recap_app.core (click).

Every command that writes acts as ``--user`` (or RECAP_USER). Errors meant for the clerk
(:class:`recap_app.core.errors.RecapError`) are printed in Indonesian on stderr with exit 1.
"""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

import click

from . import __version__, cli_i18n
from .core.errors import RecapError
from .core.paths import default_workspace_path, remember_workspace, resolve_workspace
from .core.store import Workspace, default_actor

cli_i18n.install()


def clerk_errors(fn):
    """Turn RecapError into a clean message on stderr and exit status 1."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except RecapError as exc:
            click.echo(f"Galat: {exc.message}", err=True)
            sys.exit(1)

    return wrapper


db_option = click.option("--db", "db", type=click.Path(dir_okay=False, path_type=Path), default=None,
                         help="Berkas ruang kerja (SQLite). Bawaan: RECAP_DB atau ruang kerja terakhir.")
user_option = click.option("--user", "user", default=None, envvar="RECAP_USER",
                           help="Pengguna yang bertindak (bawaan: RECAP_USER atau nama login).")
format_option = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
                             show_default=True, help="Bentuk keluaran.")


def open_ws(db: Path | None, readonly: bool = False) -> Workspace:
    """Open the workspace named by --db (or the default) and remember it."""
    path = resolve_workspace(db)
    from .core.backup import open_checked  # issue 8: start-up integrity check, names the latest good backup

    ws = open_checked(path, readonly)
    remember_workspace(path)
    return ws


def acting_user(ws: Workspace, user: str | None) -> str:
    """Authenticate the acting user for a command (password from RECAP_PASSWORD or a prompt)."""
    from .core.auth import authenticate

    return authenticate(ws, user)


def emit_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="recap")
def main():
    """recap_app: rekapitulasi suara berjenjang untuk KPU Provinsi, bekerja tanpa jaringan."""


@main.command("elections")
@format_option
@clerk_errors
def elections_cmd(fmt):
    """Daftar definisi pemilihan yang tersedia."""
    from .core.election import list_elections

    items = [{"id": e.id, "nama": e.name, "jenis": e.kind, "hari_pemungutan": e.polling_day,
              "tingkat": e.tier, "paslon": len(e.paslon),
              "wilayah": sum(1 for r in e.regions if r.tingkat == e.column_tier)} for e in list_elections()]
    if fmt == "json":
        emit_json(items)
        return
    for it in items:
        click.echo(f"{it['id']:<22} {it['nama']} ({it['hari_pemungutan']}; {it['paslon']} paslon; "
                   f"{it['wilayah']} kecamatan)")


@main.command("init")
@click.option("--election", "election_id", required=True, help="Id pemilihan (lihat: recap elections).")
@db_option
@user_option
@click.option("--simulation", is_flag=True, help="Ruang kerja simulasi (pelatihan, gladi).")
@clerk_errors
def init_cmd(election_id, db, user, simulation):
    """Buat ruang kerja baru untuk satu pemilihan (tidak pernah menimpa berkas yang ada)."""
    path = db or default_workspace_path(election_id)
    from .commands.admin import first_admin, first_admin_password  # issue 8: --user makes the first admin

    admin_password = first_admin_password(user)
    ws = Workspace.create(path, election_id, actor=user or default_actor(), simulation=simulation)
    first_admin(ws, user, admin_password)
    n_reg = len(ws.regencies())
    n_col = len(ws.regions(ws.election.column_tier))
    ws.close()
    remember_workspace(path)
    click.echo(f"Ruang kerja dibuat: {path}")
    click.echo(f"Pemilihan: {ws.election.name} ({election_id}); {n_reg} kabupaten/kota, {n_col} kecamatan.")


@main.command("status")
@db_option
@format_option
@clerk_errors
def status_cmd(db, fmt):
    """Status sertifikat tiap kabupaten/kota."""
    with open_ws(db, readonly=False) as ws:
        rows = ws.status()
    if fmt == "json":
        emit_json(rows)
        return
    for r in rows:
        rev = f"revisi {r['revision']}" if r["revision"] else ""
        click.echo(f"{r['kode']:<6} {r['nama']:<28} {r['status']:<15} {rev}")


@main.command("gui")
@db_option
@click.option("--screenshot", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Simpan gambar jendela utama ke berkas PNG lalu keluar.")
@click.option("--lang", type=click.Choice(["id", "en"]), default=None, help="Bahasa antarmuka.")
def gui_cmd(db, screenshot, lang):
    """Buka jendela aplikasi desktop."""
    from .ui.app import run

    sys.exit(run(db=db, screenshot=screenshot, lang=lang))


def _register_commands() -> None:
    from .commands import admin, bundles, demo, documents, imports, rules

    for module in (imports, rules, documents, bundles, admin, demo):
        module.register(main)


_register_commands()

if __name__ == "__main__":  # pragma: no cover
    main()
