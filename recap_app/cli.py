"""The `recap` command line: a thin layer over recap_app.core (click).

Every command that writes acts as ``--user`` (or RECAP_USER). Errors meant for the clerk
(:class:`recap_app.core.errors.RecapError`) are printed in Indonesian on stderr with exit 1.

Start-up is kept short: a command's module (recap_app/commands/) is imported only when that
command runs (:class:`LazyGroup`), and each module imports the core it needs inside its
commands, so ``recap status`` loads neither openpyxl, reportlab, cryptography nor Qt.
"""

from __future__ import annotations

import atexit
import gc

# A command is a short process that makes few reference cycles: at the collector's default pace (a
# collection every 700 new objects) it re-walks the modules it has just loaded dozens of times,
# 5-25 ms of every command. Collections still run, a seventieth as often (docs/performance.md).
gc.set_threshold(50_000, 50, 50)

import importlib
import os
import sys
from pathlib import Path

import click

from . import __version__, cli_i18n
from .commands import common as cmd

cli_i18n.install()

# A command is a short process: everything it made is freed with the process, so its last garbage
# collection, which walks every object of every module loaded (~10 ms), is skipped. Files and
# workspaces are closed by the commands themselves; the exit handlers still run.
atexit.register(gc.freeze)

#: command name -> the module of recap_app.commands whose ``register`` adds it (tests/test_cli_lazy.py
#: checks this against the modules themselves)
LAZY_COMMANDS = {
    "import": "imports", "template": "imports", "totals": "imports",
    "adopt": "rules", "check": "rules", "compare": "rules", "entry2": "rules", "explain": "rules",
    "override": "rules", "reopen": "rules",
    "documents": "documents", "export": "documents", "objection": "documents", "office": "documents",
    "plenary": "documents", "print": "documents",
    "bundle": "bundles", "keys": "bundles",
    "audit": "admin", "backup": "admin", "backups": "admin", "restore": "admin", "users": "admin",
    "demo": "demo", "publish": "publish", "seats": "seats", "dct": "dct", "link": "link",
    "tps": "tps",
}


def _speaking(params) -> None:
    """Each parameter's value placeholder in the command line's language (cli_i18n.metavar)."""
    for param in params:
        written = param.make_metavar

        def make_metavar(ctx, written=written):
            return cli_i18n.metavar(written(ctx))

        param.make_metavar = make_metavar


class Command(click.Command):
    """A command whose usage line and options name their placeholders in the command line's
    language ("[PILIHAN]", "BERKAS...", "--db BERKAS")."""

    def __init__(self, *args, options_metavar: str | None = None, **kwargs):
        super().__init__(*args, options_metavar=options_metavar or cli_i18n.text("[OPTIONS]"), **kwargs)
        _speaking(self.params)


class Group(click.Group):
    """A group of commands (``recap bundle``, ``recap users``...) speaking the same language in its
    usage line ("[PILIHAN] PERINTAH [ARGUMEN]...") as its commands."""

    command_class = Command

    def __init__(self, *args, options_metavar: str | None = None, subcommand_metavar: str | None = None,
                 **kwargs):
        super().__init__(*args, options_metavar=options_metavar or cli_i18n.text("[OPTIONS]"),
                         subcommand_metavar=subcommand_metavar or cli_i18n.text("COMMAND [ARGS]..."), **kwargs)
        _speaking(self.params)


Group.group_class = Group


class LazyGroup(Group):
    """A click group whose subcommands are registered when first asked for (click's documented
    pattern for lazy subcommands): ``recap status`` imports one module, ``recap --help`` all."""

    group_class = Group

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(LAZY_COMMANDS))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.commands and name in LAZY_COMMANDS:
            importlib.import_module(f".commands.{LAZY_COMMANDS[name]}", __package__).register(self)
        return super().get_command(ctx, name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 120})
@click.version_option(__version__, prog_name="recap")
def main():
    """recap_app: rekapitulasi suara berjenjang untuk KPU Provinsi, bekerja tanpa jaringan."""


@main.command("elections")
@cmd.format_option
@cmd.clerk_errors
def elections_cmd(fmt):
    """Daftar definisi pemilihan yang tersedia."""
    from .core.election import list_elections
    from .core.formatting import number

    items = [{"id": e.id, "nama": e.name, "jenis": e.kind, "hari_pemungutan": e.polling_day,
              "tingkat": e.tier, "formulir": e.form_kind, "peserta": len(e.contestants),
              "paslon": sum(c.kind == "paslon" for c in e.contestants), "dapil": len(e.districts),
              "wilayah": sum(1 for r in e.regions if r.tingkat == e.column_tier),
              "kantor": _offices(e)} for e in list_elections()]
    if fmt == "json":
        cmd.emit_json(items)
        return
    for e, it in zip(list_elections(), items, strict=True):
        k = it["kantor"]
        click.echo(f"{it['id']:<26} {it['nama']} ({it['hari_pemungutan']}; {_contest_words(e)}; "
                   f"{it['wilayah']} kecamatan; kantor: provinsi {k['provinsi']}"
                   + (f", {k['kabupaten_kota']} kabupaten/kota ({number(k['desa'])} desa/kelurahan)" if k["desa"] else "")
                   + ")")


def _offices(e) -> dict:
    """The offices a definition serves (docs/tiers.md): {"provinsi": code, "kabupaten_kota": how many
    regency offices (with --office CODE), "desa": desa/kelurahan in its desa region set (0: none shipped)}."""
    from .core.election import RESOURCES

    desa = RESOURCES / "regions" / f"{e.region_set}-desa.csv"
    n_desa = 0
    if desa.is_file():
        with desa.open(encoding="utf-8") as fh:
            n_desa = sum(1 for _ in fh) - 1
    return {"provinsi": e.province_code, "kabupaten_kota": sum(1 for r in e.regions if r.tingkat == e.child_tier),
            "desa": n_desa}


def _contest_words(e) -> str:
    """ "2 paslon", "18 partai, 1311 calon, 10 dapil", "11 calon perseorangan"."""
    from .core.formatting import number

    count = {k: sum(c.kind == k for c in e.contestants) for k in ("paslon", "partai", "calon", "perseorangan")}
    if e.form_kind == "partai":
        calon = (f"{number(count['calon'])} calon" if count["calon"]
                 else "daftar calon belum dimuat (recap dct import)")
        return f"{count['partai']} partai, {calon}, {len(e.districts)} dapil"
    if e.form_kind == "perseorangan":
        return f"{number(count['perseorangan'])} calon perseorangan"
    return f"{count['paslon']} paslon"


@cmd.write_command(main, "init")
@click.option("--election", "election_id", required=True, help="Id pemilihan (lihat: recap elections).")
@click.option("--simulation", is_flag=True, help="Ruang kerja simulasi (pelatihan, gladi).")
@click.option("--office", "office", default=None, metavar="KODE",
              help="Kode wilayah kantor: 33 provinsi (bawaan), 33.73 KPU Kota Salatiga, ... (docs/tiers.md).")
def init_cmd(election_id, db, user, simulation, office):
    """Buat ruang kerja baru untuk satu pemilihan dan satu kantor (tidak pernah menimpa berkas yang ada)."""
    from .commands.admin import first_admin, first_admin_password  # docs/security.md: --user makes the first admin
    from .core.clock import default_actor
    from .core.domain import tier_word
    from .core.paths import default_workspace_path, remember_workspace
    from .core.store import Workspace

    path = db or default_workspace_path(election_id)

    admin_password = first_admin_password(user)
    ws = Workspace.create(path, election_id, actor=user or default_actor(), simulation=simulation, office=office)
    first_admin(ws, user, admin_password)
    n_reg = len(ws.regencies())
    n_col = len(ws.regions(ws.election.column_tier))
    ws.close()
    remember_workspace(path)
    e = ws.election
    click.echo(f"Ruang kerja dibuat: {path}")
    click.echo(f"Kantor: {e.kpu_short} (kode {e.office_code}, tingkat {tier_word(e.tier)}).")
    click.echo(f"Pemilihan: {e.name} ({election_id}); {n_reg} {tier_word(e.child_tier)}, "
               f"{n_col} {tier_word(e.column_tier)}.")


@cmd.read_command(main, "status")
def status_cmd(db, fmt):
    """Status sertifikat tiap kabupaten/kota."""
    from .core.domain import tier_word
    from .core.status import statuses

    with cmd.open_ws(db, readonly=True) as ws:
        rows = statuses(ws)
        e = ws.election
    if fmt == "json":
        cmd.emit_json(rows)
        return
    click.echo(f"Kantor: {e.kpu_short} (kode {e.office_code}, tingkat {tier_word(e.tier)}); "
               f"{len(rows)} {tier_word(e.child_tier)}.")
    for r in rows:
        rev = f"revisi {r['revision']}" if r["revision"] else ""
        click.echo(f"{r['kode']:<6} {r['nama']:<28} {r['status']:<15} {rev}")


@main.command("gui")
@cmd.db_option
@click.option("--screenshot", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Simpan gambar jendela utama (1366 x 768) ke berkas PNG lalu keluar.")
@click.option("--lang", type=click.Choice(["id", "en"]), default=None, help="Bahasa antarmuka.")
def gui_cmd(db, screenshot, lang):
    """Buka jendela aplikasi desktop."""
    from .ui.app import run

    code = run(db=db, screenshot=screenshot, lang=lang)
    if screenshot:
        # the picture is saved and the workspace closed: nothing is left to write, so the process
        # leaves without Python's and Qt's teardown of every widget and module (~60 ms; PySide6
        # 6.12 can also abort while collecting some widgets at exit). The window itself always
        # tears down normally: its settings are written when it closes.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)


def register_all() -> None:
    """Register every lazy command now (the help page and tests that walk the commands)."""
    for name in LAZY_COMMANDS:
        main.get_command(click.Context(main), name)

if __name__ == "__main__":  # pragma: no cover
    main()
