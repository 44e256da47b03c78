"""What every command shares: the options, opening the workspace, the acting user, output.

Imported by ``recap_app/cli.py`` and each module of ``recap_app/commands``; it imports neither.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..core.errors import RecapError
from ..core.paths import remember_workspace, resolve_workspace

if TYPE_CHECKING:  # pragma: no cover
    from ..core.store import Workspace


def clerk_errors(fn):
    """Turn RecapError into a clean message on stderr and exit status 1; so too a fault SQLite
    reports in the middle of a command (a damaged page read only now, a full disk): named as what
    it is, the damaged file with its latest good backup (core/backup.startup_check), and the file
    checked whole at the next start."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except RecapError as exc:
            click.echo(f"Galat: {exc.message}", err=True)
            sys.exit(1)
        except sqlite3.DatabaseError as exc:
            click.echo(f"Galat: {_fault_message(kwargs.get('db'), exc)}", err=True)
            sys.exit(1)

    return wrapper


def _fault_message(db, exc: sqlite3.DatabaseError) -> str:
    from ..core import faults, startup

    path = resolve_workspace(db)
    startup.forget_checked(path)
    kind = faults.classify(exc, path)
    if kind == "damaged":
        from ..core.backup import startup_check

        report = startup_check(path)
        if not report.ok:
            return report.message
        return (f"Ruang kerja {path} rusak di bagian yang baru terbaca ({exc}); pemeriksaan menyeluruh berikutnya "
                "akan menamai cadangan yang baik. Jalankan: recap audit verify")
    return faults.fault_error(path, exc, kind).message


db_option = click.option("--db", "db", type=click.Path(dir_okay=False, path_type=Path), default=None,
                         help="Berkas ruang kerja (SQLite). Bawaan: RECAP_DB atau ruang kerja terakhir.")
user_option = click.option("--user", "user", default=None, envvar="RECAP_USER",
                           help="Pengguna yang bertindak (bawaan: RECAP_USER atau nama login).")
format_option = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
                             show_default=True, help="Bentuk keluaran.")


def open_ws(db: Path | None, readonly: bool = False, continuity: bool = True) -> Workspace:
    """Open the workspace named by --db (or the default) and remember it. Without --db and
    RECAP_DB the clerk is told which file that is (on stderr): the last one used is not always the
    one meant. ``continuity``: see :func:`recap_app.core.startup.open_checked`."""
    path = resolve_workspace(db)
    from ..core.startup import open_checked  # the start-up integrity check names the latest good backup

    if not db and not os.environ.get("RECAP_DB"):
        click.echo(f"Ruang kerja: {path} (yang terakhir dipakai; pilih yang lain dengan --db).", err=True)
    ws = open_checked(path, readonly, continuity)
    remember_workspace(path)
    return ws


def acting_user(ws: Workspace, user: str | None) -> str:
    """Authenticate the acting user for a command (password from RECAP_PASSWORD or a prompt)."""
    from ..core.auth import authenticate

    return authenticate(ws, user)


@contextlib.contextmanager
def acting(db: Path | None, user: str | None, continuity: bool = True):
    """``with acting(db, user) as (ws, actor)``: the workspace opened and the acting user authenticated."""
    with open_ws(db, continuity=continuity) as ws:
        try:
            yield ws, acting_user(ws, user)
        finally:
            for warning in ws.warnings:
                click.echo(f"Peringatan: {warning}", err=True)


def emit_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def emit_report(report, fmt: str, *text_args, hint: str | None = None) -> None:
    """Print an import report (``to_dict`` as JSON, or ``to_text(*text_args)`` and then ``hint``,
    a line of advice, when given) and exit: 0 when ``report.ok``, else 1."""
    if fmt == "json":
        emit_json(report.to_dict())
    else:
        click.echo(report.to_text(*text_args) + (f"\n{hint}" if hint else ""))
    sys.exit(0 if report.ok else 1)


def read_command(group, name: str, **kwargs):
    """Decorator: a command of ``group`` that reads a workspace (``--db``, ``--format``, clerk errors)."""
    def decorate(fn):
        return group.command(name, **kwargs)(db_option(format_option(clerk_errors(fn))))
    return decorate


def write_command(group, name: str, **kwargs):
    """Decorator: a command of ``group`` that acts as a user (``--db``, ``--user``, clerk errors)."""
    def decorate(fn):
        return group.command(name, **kwargs)(db_option(user_option(clerk_errors(fn))))
    return decorate
