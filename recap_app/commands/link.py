"""CLI command: link (a thin layer over recap_app.core.linked).

    recap link --db A --with B        link B (another contest of the same polling day)
    recap link --db A                 list the links and whether each can be read
    recap link --db A --remove B      remove a link (path or election id)

Linked workspaces are compared read-only by `recap check` (rule W.105).
"""

from __future__ import annotations

from pathlib import Path

import click

from . import common as cmd


def register(main):
    """Attach `link` to `recap`."""

    @cmd.write_command(main, "link")
    @click.option("--with", "other", type=click.Path(dir_okay=False, path_type=Path), default=None,
                  help="Ruang kerja pemilihan lain pada hari pemungutan yang sama.")
    @click.option("--remove", "remove", default=None, help="Hapus tautan (jalur berkas atau id pemilihan).")
    @cmd.format_option
    def link_cmd(db, user, other, remove, fmt):
        """Tautkan ruang kerja pemilihan lain pada hari yang sama untuk membandingkan angka pemilih dan surat suara."""
        from ..core import linked
        from ..core.errors import RecapError

        if other and remove:
            raise RecapError("Pilih salah satu: --with atau --remove.", "usage")
        if other or remove:
            with cmd.acting(db, user) as (ws, actor):
                if other:
                    got = linked.link(ws, other, actor)
                    click.echo(f"Ditautkan: {got['name']} ({got['path']}). Angka blok I–III dibandingkan pada recap "
                               "check (aturan W.105).")
                else:
                    got = linked.unlink(ws, remove, actor)
                    click.echo(f"Tautan dihapus: {got['name']} ({got['path']}).")
            return
        with cmd.open_ws(db, readonly=True) as ws:
            rows = linked.describe(ws)
        lines = [f"  {x['election_id']:<26} {x['path']}" + ("" if x["ok"] else f"  TIDAK DAPAT DIBACA: {x['note']}")
                 for x in rows] or ["Belum ada ruang kerja yang ditautkan (recap link --with BERKAS)."]
        cmd.emit_json(rows) if fmt == "json" else click.echo("\n".join(lines))
