"""Users, roles and permissions of a workspace (docs/security.md).

Accounts live in the workspace (table ``user_account``, schema/users.py); passwords are hashed
with Argon2id (argon2-cffi ``PasswordHasher``, memory-hard). Four roles (docs/security.md):

- operator: enters and imports certificates;
- verifikator: second entry, explains warnings;
- ketua: adopts certificates, overrides errors, reopens an adopted certificate with a reason;
- admin: manages users, settings and trusted keys; no counting rights.

:data:`MATRIX` maps each role to its permissions; docs/authorisation.md is generated from it
(``python -m recap_app.core.auth``) and a test checks every cell.

OPEN MODE: a workspace with no accounts lets any named user act without a password (the name
is still recorded in every audit record). The first account must be an admin; from then on
every command needs a known, active account and its password.

Permission names (stable; checked at the entry of every writing core function with
:func:`require`): import, edit, second_entry, explain, resolve_double_entry, adopt, override,
reopen, settings, users, bundle_export, bundle_import, keys_trust, print, backup, restore, anchor,
office_key, publish.

Separation of duties: whoever entered a certificate's current revision may not be its second
entry or its verifier (:func:`check_separation`).
"""

from __future__ import annotations

import contextlib
import os
import sys
import unicodedata
from typing import TYPE_CHECKING, NamedTuple

from .clock import default_actor, now_iso
from .errors import NotAllowed, RecapError
from .schema import ROLES
from .text import CONTROL, INVISIBLE, secret_text, shown

if TYPE_CHECKING:  # pragma: no cover
    from .store import Workspace

PERMISSIONS = ("import", "edit", "second_entry", "explain", "resolve_double_entry", "adopt", "override",
               "reopen", "settings", "users", "bundle_export", "bundle_import", "keys_trust", "print",
               "backup", "restore", "anchor", "office_key", "publish")

#: what each permission lets a user do (Indonesian, for docs and messages)
PERMISSION_TEXT = {
    "import": "mengimpor berkas sertifikat",
    "edit": "mengetik atau membetulkan angka sertifikat",
    "second_entry": "melakukan entri kedua",
    "explain": "menjelaskan peringatan",
    "resolve_double_entry": "memutuskan selisih entri ganda",
    "adopt": "menetapkan sertifikat",
    "override": "mengesampingkan kesalahan dengan alasan",
    "reopen": "membuka kembali sertifikat yang sudah ditetapkan",
    "settings": "mengubah pengaturan kantor",
    "users": "mengelola akun pengguna",
    "bundle_export": "mengekspor bundel",
    "bundle_import": "mengimpor bundel",
    "keys_trust": "mempercayai kunci kantor lain",
    "print": "mencetak dokumen",
    "backup": "membuat cadangan",
    "restore": "memulihkan dari cadangan",
    "anchor": "menandatangani kepala rantai audit dengan kunci kantor",
    "office_key": "menetapkan kata sandi kunci kantor",
    "publish": "menerbitkan hasil ke situs publik",
}

#: the same in English (the window's English translation says it in a refusal)
PERMISSION_TEXT_EN = {
    "import": "import certificate files",
    "edit": "type or correct a certificate's figures",
    "second_entry": "make the second entry",
    "explain": "explain warnings",
    "resolve_double_entry": "decide the differences of a double entry",
    "adopt": "adopt certificates",
    "override": "override errors with a reason",
    "reopen": "reopen an adopted certificate",
    "settings": "change the office's settings",
    "users": "manage user accounts",
    "bundle_export": "export bundles",
    "bundle_import": "import bundles",
    "keys_trust": "trust other offices' keys",
    "print": "print documents",
    "backup": "make backups",
    "restore": "restore from a backup",
    "anchor": "sign the audit chain's head with the office key",
    "office_key": "set the office key's passphrase",
    "publish": "publish results to the public site",
}

#: role -> permissions it holds (the authorisation matrix; docs/authorisation.md is generated from it)
MATRIX: dict[str, frozenset[str]] = {
    "operator": frozenset({"import", "edit", "bundle_import", "print", "backup", "anchor"}),
    "verifikator": frozenset({"second_entry", "explain", "print", "backup", "anchor"}),
    "ketua": frozenset({"explain", "resolve_double_entry", "adopt", "override", "reopen", "bundle_export",
                        "bundle_import", "print", "backup", "anchor", "office_key", "publish"}),
    "admin": frozenset({"settings", "users", "keys_trust", "backup", "restore", "print", "anchor", "office_key",
                        "publish"}),
}

ROLE_TEXT = {
    "operator": "memasukkan dan mengimpor sertifikat",
    "verifikator": "entri kedua, menjelaskan peringatan",
    "ketua": "menetapkan, mengesampingkan kesalahan, membuka kembali dengan alasan",
    "admin": "mengelola pengguna, pengaturan dan kunci; tanpa hak menghitung",
}

#: the same in English (the window's English translation lists the roles with it)
ROLE_TEXT_EN = {
    "operator": "types and imports certificates",
    "verifikator": "second entry, explains warnings",
    "ketua": "adopts, overrides errors, reopens with a reason",
    "admin": "manages users, settings and keys; no right over the figures",
}

#: the Argon2id hasher (argon2-cffi defaults: t=3, m=64 MiB, p=4); tests may swap in a cheaper one
def _hasher():
    """The Argon2id hasher (argon2-cffi ``PasswordHasher`` defaults), made when first needed;
    tests put a faster one in ``HASHER``."""
    found = globals().get("HASHER")
    if found is None:
        from argon2 import PasswordHasher

        found = globals()["HASHER"] = PasswordHasher()
    return found


def __getattr__(name: str):
    if name == "HASHER":
        return _hasher()
    raise AttributeError(name)


def _verify_errors():
    from argon2.exceptions import InvalidHashError, VerificationError

    return VerificationError, InvalidHashError


MIN_PASSWORD = 10
#: the longest password or key passphrase (characters): a passphrase encrypts the office key, whose
#: library takes at most 1023 bytes, and a character of UTF-8 is at most 4
MAX_PASSWORD = 255
#: how much of a password the strength estimator reads (zxcvbn refuses longer text; it is slow too)
SCORED_PART = 72
#: the least zxcvbn score (0-4) a new password needs
MIN_SCORE = 3


class PasswordNeeded(NotAllowed):
    """A password is needed and none was given (no RECAP_PASSWORD and no terminal to ask)."""


class Account(NamedTuple):
    """One local account: name, role (one of ROLES), active flag, when and by whom created."""

    name: str
    role: str
    active: bool
    created_at: str
    created_by: str


def _norm(name: str | None) -> str:
    """A user name as compared and stored: NFKC (full-width letters become plain ones), spaces
    collapsed and stripped."""
    return " ".join(unicodedata.normalize("NFKC", name or "").split())


def skeleton(name: str | None) -> str:
    """What two user names must not share: the name without accents and case ("José" and "jose",
    "ANI" and "ani"). Confusable letters of other scripts are refused before (:func:`check_name`)."""
    decomposed = unicodedata.normalize("NFKD", _norm(name))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


_NAME_CHARS = set(" .-_'")


def check_name(name: str) -> str:
    """A new account's name, normalised (:func:`_norm`) and checked.

    Allowed: 1 to 64 characters of Latin letters (accents included), digits, space and . - _ '.
    A letter of another script (Cyrillic "о", Greek "ο") is refused: it looks like a Latin one,
    so "оp1" could pose as "op1" in every listing.

    Raises:
        RecapError: code "bad_name", naming the first character refused.
    """
    name = _norm(name)
    if not name or len(name) > 64:
        raise RecapError(f"Nama pengguna '{shown(name)}' tidak sah: diharapkan 1 sampai 64 karakter.", "bad_name")
    for i, ch in enumerate(name, 1):
        ok = ch in _NAME_CHARS or ch.isdigit() and ch.isascii() or (
            ch.isalpha() and "LATIN" in unicodedata.name(ch, ""))
        if not ok:
            raise RecapError(f"Nama pengguna '{shown(name)}' tidak sah: karakter ke-{i} ({shown(ch)!r}, "
                             f"U+{ord(ch):04X}) bukan huruf Latin, angka, spasi atau . - _ '; huruf aksara lain "
                             "dapat menyamar sebagai huruf Latin.", "bad_name")
    return name


def open_mode(ws: Workspace) -> bool:
    """True when the workspace has no accounts (any named user may act, no password)."""
    return ws.conn.execute("SELECT COUNT(*) FROM user_account").fetchone()[0] == 0


def get_account(ws: Workspace, name: str) -> Account | None:
    """The account named ``name`` (same :func:`skeleton`: case and accents ignored), or None."""
    key = skeleton(name)
    if not key:
        return None
    for row in ws.conn.execute("SELECT name, role, active, created_at, created_by FROM user_account"):
        if skeleton(row[0]) == key:
            return Account(row[0], row[1], bool(row[2]), row[3], row[4])
    return None


def list_users(ws: Workspace) -> list[Account]:
    """Every account, by name."""
    return [Account(r[0], r[1], bool(r[2]), r[3], r[4]) for r in ws.conn.execute(
        "SELECT name, role, active, created_at, created_by FROM user_account ORDER BY name COLLATE NOCASE")]


def role_of(ws: Workspace, actor: str) -> str | None:
    """The role of an active account, or None (unknown or disabled user, or open mode)."""
    acc = get_account(ws, actor)
    return acc.role if acc and acc.active else None


def password_from_env_or_prompt(prompt: str = "Kata sandi: ") -> str:
    """A password from RECAP_PASSWORD, else asked on the terminal (never blocks without one).

    Raises:
        PasswordNeeded: no RECAP_PASSWORD and standard input is not a terminal (scripts, CI).
    """
    pw = os.environ.get("RECAP_PASSWORD")
    if pw is not None:
        return pw
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass  # loaded when a prompt is shown

        return getpass.getpass(prompt)
    raise PasswordNeeded(
        "Kata sandi diperlukan: ruang kerja ini memakai akun pengguna. Isi variabel RECAP_PASSWORD "
        "atau jalankan perintah di terminal agar kata sandi dapat ditanyakan.", "password_needed")


def authenticate(ws: Workspace, user: str | None, password: str | None = None) -> str:
    """Who is acting: returns the account name (as stored) after checking the password.

    Args:
        user: the user name (None: RECAP_USER, else the OS login name).
        password: the password; None takes RECAP_PASSWORD or asks on the terminal.
    Returns:
        The acting user's name. In open mode (no accounts) the given name, unchecked.
    Raises:
        NotAllowed: unknown or disabled user, or a wrong password (same message for both
            unknown user and wrong password, so names cannot be probed). Each failure is
            recorded in the audit log ("user.login_failed", with the reason).
        PasswordNeeded: accounts exist, no password given and no terminal to ask.
        WorkspaceError: "tampered": the accounts differ from what the audit chain recorded (a
            role raised, an account added, every account deleted to get open mode).
    """
    ws.guard(("user_account", "meta"))
    name = _norm(user) or default_actor()
    if open_mode(ws):
        if CONTROL.search(name) or INVISIBLE.search(name):
            raise NotAllowed(f"Nama pengguna '{shown(name)}' memuat karakter kendali.", "bad_name")
        return name
    acc = get_account(ws, name)
    row = None if acc is None else ws.conn.execute(
        "SELECT name, password_hash, active FROM user_account WHERE name = ?", (acc.name,)).fetchone()
    if password is None:
        password = password_from_env_or_prompt(f"Kata sandi untuk {shown(name)}: ")
    password = secret_text(password)
    bad = NotAllowed(f"Nama pengguna atau kata sandi salah untuk '{shown(name)}'.", "bad_login",
                     english=f"Wrong user name or password for '{shown(name)}'.")
    if row is None:
        # the same work as a wrong password, so that the time taken does not say the name is unknown
        with contextlib.suppress(*_verify_errors()):
            _hasher().verify(_dummy_hash(), password)
        _log_failure(ws, name, "unknown_user")
        raise bad
    try:
        _hasher().verify(row[1], password)
    except _verify_errors():
        _log_failure(ws, name, "bad_password")
        raise bad from None
    if not row[2]:
        _log_failure(ws, row[0], "disabled")
        raise NotAllowed(f"Akun '{row[0]}' dinonaktifkan; hubungi admin.", "disabled")
    return row[0]


_DUMMY: dict[int, str] = {}


def _dummy_hash() -> str:
    """An Argon2id hash of nothing anyone types, made with the current hasher's parameters."""
    key = id(_hasher())
    if key not in _DUMMY:
        import secrets  # loaded when a password is checked

        _DUMMY[key] = _hasher().hash(secrets.token_hex(16))
    return _DUMMY[key]


def _log_failure(ws: Workspace, name: str, reason: str) -> None:
    """Record a failed login (audit "user.login_failed"; actor = the name that was claimed).

    Best effort: skipped for a read-only workspace or inside a caller's transaction (which may
    roll back), and never raises.
    """
    if ws.readonly or ws.conn.in_transaction:
        return
    try:
        with ws.transaction():
            ws.record(name, "user.login_failed", f"user:{name}", None, {"reason": reason})
    except RecapError:
        pass


def require(ws: Workspace, actor: str, permission: str) -> None:
    """Raise NotAllowed unless ``actor`` holds ``permission`` in this workspace.

    Open mode (no accounts): every named user holds every permission. Otherwise the actor
    must be an active account whose role holds the permission (:data:`MATRIX`). This does not
    check a password: the CLI and the window call :func:`authenticate` first.

    Raises:
        ValueError: unknown permission name (a programming error, not the clerk's).
        NotAllowed: unknown/disabled user, or the role lacks the permission.
    """
    if permission not in PERMISSIONS:  # a programming error, not the clerk's
        raise ValueError(f"unknown permission {permission!r}")
    if open_mode(ws):
        if not _norm(actor):
            raise NotAllowed("Nama pengguna yang bertindak harus diisi.", "no_user")
        return
    acc = get_account(ws, actor)
    if acc is None:
        raise NotAllowed(f"Pengguna '{actor}' tidak dikenal di ruang kerja ini.", "unknown_user",
                         english=f"User '{shown(actor)}' is not known in this workspace.")
    if not acc.active:
        raise NotAllowed(f"Akun '{acc.name}' dinonaktifkan; hubungi admin.", "disabled")
    if permission not in MATRIX[acc.role]:
        holders = ", ".join(r for r in ROLES if permission in MATRIX[r])
        raise NotAllowed(
            f"Pengguna '{acc.name}' (peran {acc.role}) tidak berhak {PERMISSION_TEXT[permission]} "
            f"(izin '{permission}'; dimiliki peran: {holders}).", "forbidden",
            english=f"User '{acc.name}' (role {acc.role}) may not {PERMISSION_TEXT_EN[permission]} "
                    f"(permission '{permission}'; held by the roles: {holders}).")


def check_separation(ws: Workspace, actor: str, kode: str) -> None:
    """Separation of duties: the person who entered a certificate may not verify it.

    Call before a second entry, explaining a warning or any verifying act on certificate
    ``kode``. The rule (docs/security.md): whoever created the current official revision
    (``revision.created_by`` of the latest 'resmi' revision) may not be its second entry or its
    verifier: explain its warnings, override its errors, adopt it or decide its double entry. Names compare case-insensitively. Applies in open mode too (names are recorded).

    Raises:
        NotAllowed: ``actor`` entered the certificate's current revision.
        WorkspaceError: "tampered" when the revisions (who entered them) were changed outside the
            program (:meth:`Workspace.guard`).
    """
    ws.guard(("revision", "certificate"))
    rev = ws.latest_revision(kode)
    if rev is None:
        return
    if _norm(rev.created_by).casefold() == _norm(actor).casefold():
        raise NotAllowed(
            f"Pemisahan tugas: '{_norm(actor)}' memasukkan sertifikat {kode} (revisi {rev.number}), "
            "jadi tidak boleh melakukan entri kedua atau memverifikasinya (menjelaskan, mengesampingkan, "
            "menetapkan). Minta pengguna lain, atau bertindak dengan namanya (--user).",
            "separation", english=f"Separation of duties: '{_norm(actor)}' entered certificate {kode} "
            f"(revision {rev.number}), so may not make its second entry or verify it (explain, override, "
            "adopt). Ask another user.")


def check_password(password: str, name: str = "") -> str:
    """A new password, normalised to NFC, checked against the policy; returns what is hashed.

    The policy: at least MIN_PASSWORD and at most MAX_PASSWORD characters, not the user's name nor
    built on it, and not guessable: zxcvbn (a password-strength estimator with lists of common
    passwords, names and words) must score its first SCORED_PART characters at least MIN_SCORE of 4. "12345678", "password", eight spaces and the
    user's own name are all refused.

    Raises:
        RecapError: code "weak_password", saying why.
    """
    password = secret_text(password or "")
    if len(password) < MIN_PASSWORD:
        raise RecapError(f"Kata sandi terlalu pendek: {len(password)} karakter; minimal {MIN_PASSWORD}.",
                         "weak_password", english=f"The password is too short: {len(password)} characters; "
                                                  f"at least {MIN_PASSWORD}.")
    if len(password) > MAX_PASSWORD:
        raise RecapError(f"Kata sandi terlalu panjang: {len(password)} karakter; maksimal {MAX_PASSWORD}.",
                         "weak_password", english=f"The password is too long: {len(password)} characters; "
                                                  f"at most {MAX_PASSWORD}.")
    if name and skeleton(name) and skeleton(name) in skeleton(password):
        raise RecapError("Kata sandi tidak boleh memuat nama pengguna.", "weak_password",
                         english="The password may not contain the user name.")
    from zxcvbn import zxcvbn  # a few MB of word lists: loaded only when a password is set

    result = zxcvbn(password[:SCORED_PART], user_inputs=[_norm(name), "recap", "kpu", "pemilu", "rekap", "jateng"])
    if result["score"] < MIN_SCORE:
        raise RecapError("Kata sandi terlalu mudah ditebak (kata umum, urutan angka, pengulangan atau nama); "
                         "gunakan beberapa kata yang tidak berhubungan atau campuran huruf, angka dan tanda.",
                         "weak_password", english="The password is too easy to guess (a common word, a run of "
                         "digits, a repetition or a name): use several unrelated words, or a mix of letters, "
                         "digits and signs.")
    return password


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise RecapError(f"Peran '{role}' tidak dikenal; pilih salah satu: {', '.join(ROLES)}.", "bad_role")


def _active_admins(ws: Workspace) -> int:
    return ws.conn.execute("SELECT COUNT(*) FROM user_account WHERE role = 'admin' AND active = 1").fetchone()[0]


def add_user(ws: Workspace, actor: str, name: str, role: str, password: str) -> Account:
    """Create an account (permission "users"; in open mode the first account must be an admin).

    Args:
        actor: the acting admin (in open mode any name: that person creates the first admin).
        name: new user name (1..64 printable characters, no spaces at the ends; unique,
            case-insensitive); role: one of ROLES; password: at least MIN_PASSWORD characters.
    Raises:
        NotAllowed: the actor may not manage users; RecapError: bad name, role, password or
        the name is taken. Nothing is written on error.
    """
    name = check_name(name)
    _check_role(role)
    phash = _hasher().hash(check_password(password, name))
    with ws.transaction():
        first = open_mode(ws)
        if first and role != "admin":
            raise RecapError(f"Akun pertama harus admin (bukan {role}), agar ada yang dapat mengelola pengguna.",
                             "first_not_admin")
        require(ws, actor, "users")
        taken = get_account(ws, name)
        if taken is not None:
            same = "" if taken.name.casefold() == name.casefold() else f" (mirip dengan akun '{taken.name}')"
            raise RecapError(f"Nama pengguna '{name}' sudah dipakai{same}.", "name_taken")
        ws.db["user_account"].insert({"name": name, "role": role, "password_hash": phash, "active": 1,
                                      "created_at": now_iso(), "created_by": _norm(actor) or default_actor()})
        ws.record(_norm(actor) or default_actor(), "user.add", f"user:{name}", None,
                  {"role": role, "first_account": first})
    return get_account(ws, name)  # type: ignore[return-value]


def set_role(ws: Workspace, actor: str, name: str, role: str) -> None:
    """Change an account's role (permission "users"). The last active admin keeps its role.

    Raises NotAllowed / RecapError as :func:`add_user`; unknown user.
    """
    _check_role(role)
    with ws.transaction():
        require(ws, actor, "users")
        acc = _existing(ws, name)
        if acc.role == "admin" and role != "admin" and acc.active and _active_admins(ws) == 1:
            raise RecapError(f"'{acc.name}' adalah admin aktif terakhir; perannya tidak dapat diubah.", "last_admin")
        ws.conn.execute("UPDATE user_account SET role = ?, changed_at = ? WHERE name = ?", (role, now_iso(), acc.name))
        ws.record(actor, "user.role", f"user:{acc.name}", {"role": acc.role}, {"role": role})


def set_active(ws: Workspace, actor: str, name: str, active: bool) -> None:
    """Enable or disable an account (permission "users"). The last active admin stays active."""
    with ws.transaction():
        require(ws, actor, "users")
        acc = _existing(ws, name)
        if not active and acc.role == "admin" and acc.active and _active_admins(ws) == 1:
            raise RecapError(f"'{acc.name}' adalah admin aktif terakhir; tidak dapat dinonaktifkan.", "last_admin")
        ws.conn.execute("UPDATE user_account SET active = ?, changed_at = ? WHERE name = ?",
                        (int(active), now_iso(), acc.name))
        ws.record(actor, "user.activate" if active else "user.deactivate", f"user:{acc.name}",
                  {"active": acc.active}, {"active": active})


def set_password(ws: Workspace, actor: str, name: str, password: str) -> None:
    """Set a password: one's own, or anyone's by an admin (permission "users")."""
    password = check_password(password, name)
    phash = _hasher().hash(password)
    with ws.transaction():
        acc = _existing(ws, name)
        if acc.name.casefold() != _norm(actor).casefold():
            require(ws, actor, "users")
        ws.conn.execute("UPDATE user_account SET password_hash = ?, changed_at = ? WHERE name = ?",
                        (phash, now_iso(), acc.name))
        ws.record(actor, "user.password", f"user:{acc.name}", None, None)


def _existing(ws: Workspace, name: str) -> Account:
    acc = get_account(ws, name)
    if acc is None:
        raise RecapError(f"Pengguna '{_norm(name)}' tidak ada di ruang kerja ini.", "unknown_user",
                         english=f"User '{shown(_norm(name))}' does not exist in this workspace.")
    return acc


def matrix_markdown() -> str:
    """docs/authorisation.md, generated from :data:`MATRIX` (a test compares the file)."""
    lines = [
        "# Otorisasi: peran x izin",
        "",
        "Dibuat dari `recap_app.core.auth.MATRIX` dengan `python -m recap_app.core.auth > docs/authorisation.md`;",
        "tests/core/test_auth_matrix.py menguji setiap sel tabel ini dan gagal bila berkas ini berbeda.",
        "",
        "Mode terbuka: ruang kerja tanpa akun mengizinkan setiap nama pengguna melakukan apa saja tanpa",
        "kata sandi (nama tetap dicatat di audit). Akun pertama harus admin; sejak itu setiap perintah",
        "memerlukan akun aktif dan kata sandinya (RECAP_PASSWORD atau ditanyakan di terminal).",
        "",
        "Akun dibuat dengan `recap users add NAMA --role PERAN --db BERKAS` (kata sandi dari",
        "RECAP_NEW_PASSWORD atau ditanyakan; `recap users --help` untuk yang lain). Ruang kerja yang",
        "memakai akun menandatangani bundel dan situs hanya dengan kunci kantor berkata sandi, yang dibuat",
        "ketua atau admin dengan `recap keys passphrase` (kata sandi baru dari RECAP_NEW_KEY_PASSPHRASE;",
        "setelah itu perintah yang menandatangani memakai RECAP_KEY_PASSPHRASE).",
        "",
        "Pemisahan tugas: orang yang memasukkan revisi terakhir sebuah sertifikat tidak boleh melakukan",
        "entri kedua atau memverifikasinya: menjelaskan peringatannya, mengesampingkan kesalahannya,",
        "menetapkannya, memutuskan entri gandanya (`auth.check_separation`). Ini berlaku juga di mode",
        "terbuka, menurut nama yang bertindak (`--user` atau RECAP_USER): pemeriksa memakai namanya sendiri.",
        "",
        "| izin | arti | " + " | ".join(ROLES) + " |",
        "|---|---|" + "---|" * len(ROLES),
    ]
    for p in PERMISSIONS:
        cells = " | ".join("ya" if p in MATRIX[r] else "-" for r in ROLES)
        lines.append(f"| `{p}` | {PERMISSION_TEXT[p]} | {cells} |")
    lines += ["", "## Peran", ""]
    lines += [f"- **{r}**: {ROLE_TEXT[r]}." for r in ROLES]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover
    sys.stdout.write(matrix_markdown())
