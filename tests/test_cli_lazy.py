"""The command line loads a command's module only when that command runs (recap_app/cli.py)."""

from __future__ import annotations

import importlib
import subprocess
import sys

import click

from recap_app import cli


def test_the_lazy_table_names_every_command_of_every_module():
    found = {}
    for module in sorted(set(cli.LAZY_COMMANDS.values())):
        group = click.Group()
        importlib.import_module(f"recap_app.commands.{module}").register(group)
        found.update({name: module for name in group.commands})
    assert found == cli.LAZY_COMMANDS


def test_help_lists_every_command():
    out = subprocess.run([sys.executable, "-m", "recap_app", "--help"], capture_output=True, text=True).stdout
    for name in cli.LAZY_COMMANDS:
        assert f"  {name} " in out


def test_a_read_only_command_loads_no_heavy_library(demo_ws):
    code = ("import sys\nfrom recap_app.cli import main\n"
            f"sys.argv = ['recap', 'status', '--db', {str(demo_ws.path)!r}]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('openpyxl', 'reportlab', 'cryptography', 'PySide6', 'jsonschema', 'sqlite_utils',"
            " 'python_calamine', 'babel', 'argon2', 'zxcvbn',"
            " 'recap_app.core.forms', 'recap_app.core.reconcile', 'recap_app.core.auth', 'recap_app.core.backup', 'shutil',"
            " 'tempfile', 'secrets')"
            " if m in sys.modules]\n"
            "print('HEAVY', heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout
    assert "HEAVY []" in out, out[-500:]


def test_the_command_line_sets_a_slow_collector_pace_and_the_window_restores_the_usual_one():
    code = ("import gc\nbefore = gc.get_threshold()\nimport recap_app.cli\nfrom recap_app.ui.app import GC_PACE\n"
            "print(before, gc.get_threshold(), GC_PACE)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    usual, cli_pace, window = out.split(") (")
    assert cli_pace == "50000, 50, 50"
    assert usual.strip("(") == window.strip(")") == "700, 10, 10"  # Python's own default, as the window uses
