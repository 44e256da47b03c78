"""Users, roles and permissions (issue 8). Stub until accounts land: with no accounts in a
workspace every named user may act (open mode), and the name is recorded in the audit log.

Permission names (stable; checked at the entry of every writing core function):
import, edit, second_entry, explain, resolve_double_entry, adopt, override, reopen,
settings, users, bundle_export, bundle_import, keys_trust, print, backup, restore.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .store import default_actor

if TYPE_CHECKING:  # pragma: no cover
    from .store import Workspace

PERMISSIONS = ("import", "edit", "second_entry", "explain", "resolve_double_entry", "adopt", "override",
               "reopen", "settings", "users", "bundle_export", "bundle_import", "keys_trust", "print",
               "backup", "restore")


def authenticate(ws: "Workspace", user: str | None, password: str | None = None) -> str:
    """Who is acting: returns the user name (raises NotAllowed on a wrong password)."""
    return user or default_actor()


def require(ws: "Workspace", actor: str, permission: str) -> None:
    """Raise NotAllowed unless ``actor`` holds ``permission`` in this workspace."""
    if permission not in PERMISSIONS:  # a programming error, not the clerk's
        raise ValueError(f"unknown permission {permission!r}")
