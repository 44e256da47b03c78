"""CLI command: `recap demo` makes the demonstration workspace (CONTOH)."""

from pathlib import Path

import click

from . import common as cmd


def register(main):
    """Attach `demo` to the `recap` group."""

    @main.command("demo")
    @click.option("--db", "db", type=click.Path(dir_okay=False, path_type=Path), default=None,
                  help="Berkas ruang kerja contoh (bawaan: folder data pengguna).")
    @cmd.clerk_errors
    def demo_cmd(db):
        """Buat ruang kerja CONTOH berisi 35 sertifikat nyata Pilpres 2019 Jawa Tengah."""
        from ..core.demo import make_demo
        from ..core.paths import demo_workspace_path, remember_workspace
        from ..core.totals import province_totals

        path = db or demo_workspace_path()
        ws = make_demo(path)
        totals = province_totals(ws)["fields"]
        ws.close()
        remember_workspace(path)
        click.echo(f"Ruang kerja CONTOH dibuat: {path}")
        from ..core.formatting import number

        click.echo(f"35 sertifikat; paslon 1: {number(totals['paslon_1'])}, paslon 2: {number(totals['paslon_2'])}.")
