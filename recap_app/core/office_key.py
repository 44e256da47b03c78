"""The office's identity: an Ed25519 key pair, its private file protected by a passphrase.

The key signs the sync bundles the office sends and the heads of its audit chains (anchors,
:mod:`recap_app.core.anchors`), so that a history rewritten inside a workspace file no longer
matches what the office signed before. The private key lives in
``<data dir>/kunci/kantor_ed25519.pem`` (RECAP_KEY_FILE or an explicit path overrides the place),
PKCS#8 PEM, mode 0600; beside it ``kantor_ed25519.pub`` holds the public key as text, so that
signatures can be checked without the passphrase. One key serves every workspace of the office.

The passphrase (set by the ketua or the admin: :func:`set_passphrase`) encrypts the private
file (PKCS#8 with the best available encryption of ``cryptography``); scripts pass it in
RECAP_KEY_PASSPHRASE. An office whose workspaces have no accounts (open mode) may keep a key
without one; verification then says its anchors are weaker. Public keys are written as text
``ed25519:<base64 of the 32 raw bytes>``; the fingerprint is the SHA-256 (hex) of those bytes.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import os
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .errors import RecapError, os_text
from .files import SQLITE_MAGIC, file_head, fsync_folder
from .paths import data_dir
from .text import secret_text

KEY_PREFIX = "ed25519:"


class OfficeKeyError(RecapError):
    """The office key file is missing, unreadable, too open, locked, or a key text is malformed."""


def default_key_path() -> Path:
    """Where this office's private key lives: RECAP_KEY_FILE, else <data dir>/kunci/kantor_ed25519.pem."""
    env = os.environ.get("RECAP_KEY_FILE")
    return Path(env) if env else data_dir() / "kunci" / "kantor_ed25519.pem"


def public_path(path: Path | None = None) -> Path:
    """The public key file beside a private key file (``.pub``)."""
    return (Path(path) if path else default_key_path()).with_suffix(".pub")


def public_key_text(key: Ed25519PublicKey) -> str:
    """``ed25519:<base64>`` text of a public key (what `recap keys show` prints)."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return KEY_PREFIX + base64.b64encode(raw).decode("ascii")


def fingerprint(key: Ed25519PublicKey) -> str:
    """SHA-256 (64 hex digits) of the 32 raw public key bytes."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()


def grouped(fp: str) -> str:
    """A fingerprint in groups of four for reading aloud over the telephone."""
    return " ".join(fp[i:i + 4] for i in range(0, len(fp), 4))


def parse_public_key(text: str) -> Ed25519PublicKey:
    """Read a public key from ``ed25519:<base64>`` text or a PEM public key.

    Raises:
        OfficeKeyError: the text is neither.
    """
    text = text.strip()
    if text.startswith("-----BEGIN") and "PRIVATE KEY" in text.split("\n", 1)[0]:
        raise OfficeKeyError("Yang diberikan adalah kunci rahasia, bukan kunci publik: berikan berkas .pub di "
                             "sampingnya atau teks 'ed25519:...' yang dicetak oleh 'recap keys show'. Kunci rahasia "
                             "tidak pernah dibagikan.", "bad_key")
    try:
        if text.startswith("-----BEGIN"):
            try:
                key = serialization.load_pem_public_key(text.encode("ascii"))
            except ValueError as exc:
                raise ValueError("bukan kunci publik PEM yang utuh") from exc
            if not isinstance(key, Ed25519PublicKey):
                raise ValueError("bukan kunci Ed25519")
            return key
        if text.startswith(KEY_PREFIX):
            raw = base64.b64decode(text[len(KEY_PREFIX):], validate=True)
            if len(raw) != 32:
                raise ValueError(f"panjang {len(raw)} bita, diharapkan 32")
            return Ed25519PublicKey.from_public_bytes(raw)
    except (ValueError, binascii.Error, UnicodeEncodeError) as exc:
        raise OfficeKeyError(f"Kunci publik tidak dapat dibaca: {exc}. Diharapkan teks 'ed25519:...' "
                             "seperti yang dicetak oleh 'recap keys show'.", "bad_key") from exc
    raise OfficeKeyError("Kunci publik tidak dikenali: diharapkan teks yang diawali 'ed25519:' "
                         "(keluaran 'recap keys show') atau berkas PEM kunci publik.", "bad_key")


@dataclass(frozen=True)
class OfficeIdentity:
    """This office's key pair, unlocked.

    Attributes:
        private_key: the Ed25519 private key (never leaves the key file).
        path: the key file; protected: the file is encrypted with a passphrase.
        created: the key was made now, by this call (the caller tells the clerk).
    """

    private_key: Ed25519PrivateKey
    path: Path
    protected: bool = False
    created: bool = False

    @property
    def public_key(self) -> Ed25519PublicKey:
        return self.private_key.public_key()

    @property
    def public_text(self) -> str:
        return public_key_text(self.public_key)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)

    def sign(self, data: bytes) -> bytes:
        """Ed25519 signature (64 bytes) of ``data``."""
        return self.private_key.sign(data)


@dataclass(frozen=True)
class PublicIdentity:
    """The office's public key as the key files say it, readable without the passphrase.

    Attributes:
        public_key, fingerprint, protected: the private file is passphrase-protected.
    """

    public_key: Ed25519PublicKey
    fingerprint: str
    protected: bool


def _given(passphrase: str | None) -> str | None:
    """The passphrase given, or RECAP_KEY_PASSPHRASE when none is (None)."""
    return os.environ.get("RECAP_KEY_PASSPHRASE") if passphrase is None else passphrase


def _passphrase(passphrase: str | None) -> bytes | None:
    text = _given(passphrase)
    if not text:
        return None
    return secret_text(text, "Kata sandi kunci kantor" + (" (RECAP_KEY_PASSPHRASE)" if passphrase is None else "")
                       ).encode("utf-8")


def _check_key_name(path: Path) -> None:
    if path.suffix.lower() == ".pub":
        raise OfficeKeyError(f"Berkas kunci kantor {path} berakhiran .pub, nama kunci publik (yang ditulis di samping "
                             "kunci rahasia); berikan berkas kunci rahasia (.pem).", "bad_key")


def _check_new_passphrase(passphrase: str | None, path: Path) -> None:
    """The passphrase a new key is made with follows the password policy (auth.check_password),
    whichever way it came (RECAP_KEY_PASSPHRASE, the window, recap keys passphrase)."""
    from .auth import check_password

    try:
        check_password(_given(passphrase) or "")
    except RecapError as exc:
        where = "RECAP_KEY_PASSPHRASE" if passphrase is None else "kata sandi kunci yang diberikan"
        raise OfficeKeyError(f"Kunci kantor {path} tidak dibuat: {where} ditolak. {exc}", exc.code) from exc


def _encryption(secret: bytes | None):
    return serialization.BestAvailableEncryption(secret) if secret else serialization.NoEncryption()


def _write_new(path: Path, data: bytes, mode: int = 0o600) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _create_key_file(path: Path, data: bytes) -> bool:
    """Put a whole new key file at ``path`` or leave the one another process put there first.

    The file is written and synced under a temporary name, then linked to ``path`` (which fails
    when ``path`` exists): a reader, or a process killed half-way, never sees a partial key.
    Returns True when this call's file is the key. Raises OSError (folder not writable, disk full).
    """
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if path.parent == data_dir() / "kunci":  # the program's own folder: private, even when made earlier
        with contextlib.suppress(OSError):
            os.chmod(path.parent, 0o700)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.baru")
    try:
        _write_new(tmp, data)
        try:
            os.link(tmp, path)
        except FileExistsError:
            return False  # another process made it first: theirs is the key
        except OSError:  # a file system without hard links: a rename that will not replace
            if path.exists():
                return False
            os.rename(tmp, path)
        fsync_folder(path.parent)
        return True
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def _write_public(path: Path, key: Ed25519PublicKey) -> None:
    pub = public_path(path)
    text = (public_key_text(key) + "\n").encode("ascii")
    if pub.exists() or pub.is_symlink():
        try:
            there = pub.read_bytes() if pub.is_file() else b""
        except OSError:
            return
        if there == text or not there.startswith(KEY_PREFIX.encode()):
            return  # already this key's, or someone else's file (not a public key text): left as it is
    tmp = pub.with_name(pub.name + ".baru")
    try:
        tmp.unlink(missing_ok=True)
        _write_new(tmp, text, 0o644)
        os.replace(tmp, pub)
    except OSError:  # the public copy is a convenience: the private file still verifies
        tmp.unlink(missing_ok=True)


def is_protected(path: Path | None = None) -> bool:
    """True when the private key file is encrypted with a passphrase (False when there is none)."""
    path = Path(path) if path else default_key_path()
    try:
        return b"ENCRYPTED" in path.read_bytes()[:64]
    except OSError:
        return False


def load_identity(path: Path | None = None, create: bool = True, passphrase: str | None = None) -> OfficeIdentity:
    """This office's key pair, unlocked; made on first use (file mode 0600).

    Args:
        path: key file (default :func:`default_key_path`).
        create: make a new key when the file does not exist (encrypted when a passphrase is given;
            that passphrase follows the password policy, auth.check_password).
        passphrase: the key's passphrase; None takes RECAP_KEY_PASSPHRASE.
    Raises:
        OfficeKeyError: missing (create=False), unreadable, not an Ed25519 key, readable by other
            users (POSIX: mode must not grant group/other any access), "key_locked" (protected and
            no passphrase given), "bad_passphrase" (wrong passphrase), "weak_password" (a new key's
            passphrase breaks the policy: nothing is made).
    """
    path = Path(path) if path else default_key_path()
    _check_key_name(path)
    secret = _passphrase(passphrase)
    if not key_exists(path):
        if not create:
            raise OfficeKeyError(f"Berkas kunci kantor {path} tidak ada.", "no_key")
        if secret is not None:
            _check_new_passphrase(passphrase, path)
        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, _encryption(secret))
        try:
            made = _create_key_file(path, pem)
        except OSError as exc:
            raise OfficeKeyError(f"Berkas kunci kantor {path} tidak dapat dibuat: {os_text(exc)}.",
                                 "key_unwritable") from exc
        if made:
            _write_public(path, key.public_key())
            return OfficeIdentity(key, path, secret is not None, created=True)
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            raise OfficeKeyError(f"Kunci kantor {path} bukan berkas biasa (folder, perangkat atau tautan ke sana); "
                                 "diharapkan berkas kunci (.pem).", "bad_key")
        if file_head(path) == SQLITE_MAGIC:
            raise OfficeKeyError(f"Berkas {path} adalah basis data SQLite (ruang kerja atau cadangan), bukan kunci "
                                 "kantor; berikan berkas kunci (.pem).", "bad_key")
        if os.name == "posix" and stat.S_IMODE(st.st_mode) & 0o077:
            raise OfficeKeyError(
                f"Berkas kunci kantor {path} dapat dibaca pengguna lain (mode "
                f"{stat.S_IMODE(path.stat().st_mode):o}); diharapkan 600. Jalankan: chmod 600 {path}",
                "key_too_open")
        data = path.read_bytes()
    except OSError as exc:
        raise OfficeKeyError(f"Berkas kunci kantor {path} tidak dapat dibaca: {os_text(exc)}.",
                             "key_unreadable") from exc
    protected = b"ENCRYPTED" in data[:64]
    if protected and secret is None:
        raise OfficeKeyError(f"Kunci kantor {path} dilindungi kata sandi kunci; beri kata sandinya agar kunci dapat "
                             "dipakai (baris perintah: isi RECAP_KEY_PASSPHRASE; jendela menanyakannya).", "key_locked")
    damaged = (f"Berkas kunci kantor {path} " + ("kosong (0 bita)" if not data else "rusak atau bukan kunci PEM")
               + ": kunci tidak dapat dipakai. Pulihkan berkas itu dari salinan kunci kantor; bila kunci ini belum "
               "pernah menandatangani apa pun, hapus berkas itu agar kunci baru dibuat (kantor penerima lalu perlu "
               "sidik yang baru).")
    try:
        key = serialization.load_pem_private_key(data, password=secret if protected else None)
    except ValueError as exc:
        if protected:
            raise OfficeKeyError(f"Kata sandi kunci kantor salah (berkas kunci {path}); periksa lalu coba lagi.",
                                 "bad_passphrase") from exc
        raise OfficeKeyError(damaged, "bad_key") from exc
    except TypeError as exc:
        raise OfficeKeyError(damaged, "bad_key") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise OfficeKeyError(f"Berkas kunci kantor {path} bukan kunci Ed25519.", "bad_key")
    _write_public(path, key.public_key())
    return OfficeIdentity(key, path, protected)


def key_exists(path: Path | None = None) -> bool:
    """True when the key file's name is taken (a file, or anything else that is refused when it is
    loaded): a signature will then not make a key."""
    path = Path(path) if path else default_key_path()
    return path.exists() or path.is_symlink()


def signing_identity(path: Path | None = None, *, accounts: bool, passphrase: str | None = None,
                     given: OfficeIdentity | None = None) -> OfficeIdentity:
    """The key a workspace signs with (bundles, anchors, the published site): ``given`` (a key the
    caller unlocked) or :func:`load_identity`, under the office's rule for keys.

    Where the workspace has accounts (``accounts``) the office signs only with a passphrase-protected
    key, and a missing key is never made here: the ketua or admin makes it with its passphrase
    (``recap keys passphrase``: permission "office_key", recorded in the audit log); a key without
    a passphrase is refused. Without accounts (open mode) a missing key is made on first use,
    without a passphrase unless one is given (``passphrase``, else RECAP_KEY_PASSPHRASE); the
    returned identity then says ``created``, and the caller tells the clerk (:func:`key_notes`;
    docs/security.md, "The office key").

    Raises:
        OfficeKeyError: "no_key" (accounts, no key file: nothing is made), "key_unprotected"
            (accounts, a key without a passphrase), and what :func:`load_identity` raises.
    """
    if given is None:
        path = Path(path) if path else default_key_path()
        if accounts and not key_exists(path):
            raise OfficeKeyError(f"Belum ada kunci kantor ({path}). Ruang kerja yang memakai akun menandatangani hanya "
                                 "dengan kunci berkata sandi, yang dibuat ketua atau admin (tercatat di log audit) "
                                 "dengan: recap keys passphrase (di jendela: Berkas › Pengguna dan peran, Kata sandi "
                                 "kunci kantor)", "no_key",
                                 english=f"There is no office key yet ({path}). A workspace with accounts signs only "
                                 "with a passphrase-protected key, made by the chair or the admin (recorded in the "
                                 "audit log) with: recap keys passphrase (in the window: File › Users and roles, "
                                 "Office key passphrase).")
        given = load_identity(path, create=True, passphrase=passphrase)
    if accounts and not given.protected:
        raise OfficeKeyError(f"Kunci kantor {given.path} belum dilindungi kata sandi kunci; ruang kerja yang memakai "
                             "akun hanya menandatangani dengan kunci berkata sandi. Ketua atau admin menetapkannya "
                             "dengan: recap keys passphrase (di jendela: Berkas › Pengguna dan peran, Kata sandi kunci "
                             "kantor)", "key_unprotected")
    return given


def key_notes(identity: OfficeIdentity) -> list[str]:
    """What the clerk is told about the key that just signed (Indonesian lines, [] when nothing):
    that it was made now (where it is, its fingerprint for the receiving office, keep a copy), and
    that it has no passphrase (anyone who can read its file can sign in the office's name)."""
    out = []
    if identity.created:
        out.append(f"Kunci kantor baru dibuat: {identity.path} (sidik {grouped(identity.fingerprint)}). Simpan "
                   "salinannya di tempat aman; kantor penerima perlu sidik ini untuk mempercayai bundel dan situs "
                   "Anda (recap keys show).")
    if not identity.protected:
        out.append(f"Peringatan: kunci kantor {identity.path} tidak dilindungi kata sandi (ruang kerja tanpa akun): "
                   "siapa pun yang dapat membaca berkas itu dapat menandatangani atas nama kantor. Lindungi dengan: "
                   "recap keys passphrase")
    return out


def public_identity(path: Path | None = None) -> PublicIdentity | None:
    """The office's public key without unlocking it (the ``.pub`` file, or an unprotected private
    file), or None when the office has no key yet."""
    path = Path(path) if path else default_key_path()
    pub = public_path(path)
    try:
        if pub.is_file():
            key = parse_public_key(pub.read_text(encoding="ascii"))
            return PublicIdentity(key, fingerprint(key), is_protected(path))
        if path.is_file() and not is_protected(path):
            ident = load_identity(path, create=False, passphrase="")
            return PublicIdentity(ident.public_key, ident.fingerprint, False)
    except (OSError, OfficeKeyError, UnicodeDecodeError):
        return None
    return None


def change_passphrase(path: Path | None, old: str | None, new: str) -> OfficeIdentity:
    """Re-encrypt the private key file with a new passphrase (atomically; the key itself is kept).

    Args:
        old: the current passphrase (None or "" for an unprotected file); new: the new one.
    Raises:
        OfficeKeyError: no key, wrong old passphrase, the file cannot be rewritten.
    """
    path = Path(path) if path else default_key_path()
    ident = load_identity(path, create=False, passphrase=old or "")
    secret = _passphrase(new)
    pem = ident.private_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                          _encryption(secret))
    tmp = path.with_name(path.name + ".baru")
    try:
        tmp.unlink(missing_ok=True)
        _write_new(tmp, pem)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OfficeKeyError(f"Berkas kunci kantor {path} tidak dapat ditulis ulang: {os_text(exc)}.",
                             "key_unwritable") from exc
    return OfficeIdentity(ident.private_key, path, secret is not None)


def verify_signature(public_key: Ed25519PublicKey, signature: bytes, data: bytes) -> bool:
    """True when ``signature`` is a valid Ed25519 signature of ``data`` by ``public_key``."""
    try:
        public_key.verify(signature, data)
    except InvalidSignature:
        return False
    return True
