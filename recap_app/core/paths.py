"""Where workspaces live by default (platformdirs), and the last-used workspace."""

from __future__ import annotations

import os
from pathlib import Path

APP = "recap_app"


def data_dir() -> Path:
    """The per-user data folder (RECAP_HOME overrides, for tests and portable installs)."""
    home = os.environ.get("RECAP_HOME")
    if home:
        return Path(home)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def default_workspace_path(election_id: str) -> Path:
    """Default file for a new workspace of an election: <data dir>/<election id>.sqlite."""
    return data_dir() / f"{election_id}.sqlite"


def demo_workspace_path() -> Path:
    """The demonstration workspace the run command lands on (CONTOH)."""
    return data_dir() / "contoh-pilpres-2019-jateng.sqlite"


def remember_workspace(path: Path) -> None:
    """Record the last workspace used, for commands run without --db."""
    try:
        note, text = data_dir() / "terakhir.txt", str(Path(path).resolve())
        if note.is_file() and note.read_text(encoding="utf-8") == text:
            return  # already the last one: a read-only command writes nothing
        data_dir().mkdir(parents=True, exist_ok=True)
        note.write_text(text, encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        pass


def resolve_workspace(path: str | os.PathLike | None) -> Path:
    """--db PATH if given, else RECAP_DB, else the last workspace used, else the demo path."""
    if path:
        return Path(path)
    env = os.environ.get("RECAP_DB")
    if env:
        return Path(env)
    last = data_dir() / "terakhir.txt"
    if last.is_file():
        return Path(last.read_text(encoding="utf-8").strip())
    return demo_workspace_path()
