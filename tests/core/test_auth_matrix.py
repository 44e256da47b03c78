"""The authorisation matrix: one test per cell (role x permission), and docs/authorisation.md."""

from pathlib import Path

import pytest
from argon2 import PasswordHasher

from recap_app.core import auth
from recap_app.core.errors import NotAllowed, english
from recap_app.core.store import Workspace

DOCS = Path(__file__).resolve().parents[2] / "docs" / "authorisation.md"

#: the matrix as docs/authorisation.md describes it, written out by hand so a change to MATRIX fails here too
EXPECTED = {
    "operator": {"import", "edit", "bundle_import", "print", "backup", "anchor"},
    "verifikator": {"second_entry", "explain", "print", "backup", "anchor"},
    "ketua": {"explain", "resolve_double_entry", "adopt", "override", "reopen", "bundle_export", "bundle_import",
              "print", "backup", "anchor", "office_key", "publish"},
    "admin": {"settings", "users", "keys_trust", "backup", "restore", "print", "anchor", "office_key", "publish"},
}


@pytest.fixture(scope="module")
def staffed(tmp_path_factory):
    """A workspace with one account per role (cheap Argon2 parameters for speed)."""
    saved = auth.HASHER
    auth.HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    ws = Workspace.create(tmp_path_factory.mktemp("m") / "ws.sqlite", "pilpres-2019-jateng", actor="pendiri")
    auth.add_user(ws, "pendiri", "admin1", "admin", "Gunung-ungaran-59-kabut")
    for role in ("operator", "verifikator", "ketua"):
        auth.add_user(ws, "admin1", f"{role}1", role, f"Gunung-{role[:3]}-rinjani-29")
    yield ws
    ws.close()
    auth.HASHER = saved


@pytest.mark.parametrize("permission", auth.PERMISSIONS)
@pytest.mark.parametrize("role", ["operator", "verifikator", "ketua", "admin"])
def test_cell(staffed, role, permission):
    actor = f"{role}1"
    if permission in EXPECTED[role]:
        auth.require(staffed, actor, permission)
    else:
        with pytest.raises(NotAllowed) as ei:
            auth.require(staffed, actor, permission)
        holders = ", ".join(r for r in ("operator", "verifikator", "ketua", "admin") if permission in EXPECTED[r])
        assert ei.value.code == "forbidden"
        assert ei.value.message == (
            f"Pengguna '{actor}' (peran {role}) tidak berhak {auth.PERMISSION_TEXT[permission]} "
            f"(izin '{permission}'; dimiliki peran: {holders}).")
        assert english(ei.value) == (  # the English window's headline of the same refusal
            f"User '{actor}' (role {role}) may not {auth.PERMISSION_TEXT_EN[permission]} "
            f"(permission '{permission}'; held by the roles: {holders}). [forbidden]")


def test_matrix_is_the_documented_one():
    assert {r: set(p) for r, p in auth.MATRIX.items()} == EXPECTED
    assert set(auth.PERMISSION_TEXT) == set(auth.PERMISSIONS) == set(auth.PERMISSION_TEXT_EN)


def test_admin_has_no_counting_rights():
    counting = {"import", "edit", "second_entry", "explain", "resolve_double_entry", "adopt", "override", "reopen"}
    assert not counting & auth.MATRIX["admin"]


def test_every_permission_has_a_holder():
    assert all(any(p in perms for perms in auth.MATRIX.values()) for p in auth.PERMISSIONS)


def test_docs_generated_from_code():
    assert DOCS.read_text(encoding="utf-8") == auth.matrix_markdown(), \
        "docs/authorisation.md is stale: python -m recap_app.core.auth > docs/authorisation.md"


def test_unknown_permission_is_a_programming_error(staffed):
    with pytest.raises(ValueError, match="unknown permission 'delete_all'"):
        auth.require(staffed, "admin1", "delete_all")


def test_unknown_and_disabled_users_hold_nothing(staffed):
    with pytest.raises(NotAllowed, match="^Pengguna 'siapa' tidak dikenal di ruang kerja ini.$"):
        auth.require(staffed, "siapa", "print")


def test_an_unknown_user_is_named_in_english_too(demo_ws):
    from recap_app.core import auth

    auth.add_user(demo_ws, "tester", "admin1", "admin", "rahasia-panjang-1")
    with pytest.raises(NotAllowed) as ei:
        auth.require(demo_ws, "siapa", "import")
    assert ei.value.code == "unknown_user" and english(ei.value) == (
        "User 'siapa' is not known in this workspace. [unknown_user]")
