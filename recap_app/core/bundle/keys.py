"""Office identity (an Ed25519 key pair) and the keys of other offices a workspace trusts.

The private key is made on first use and kept in ``<data dir>/kunci/kantor_ed25519.pem``
(platformdirs data folder, see :func:`recap_app.core.paths.data_dir`), PKCS#8 PEM, mode 0600
(readable by the user only); RECAP_KEY_FILE or an explicit path overrides the place. One key
serves every workspace of the office. Public keys are written as text ``ed25519:<base64 of the
32 raw bytes>``; the fingerprint is the SHA-256 (hex) of those 32 bytes.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .. import auth
from ..clock import now_iso
from ..paths import data_dir
from ..store import Workspace
from ..text import plain
from .format import BundleRefused, OfficeKeyError

KEY_PREFIX = "ed25519:"


def default_key_path() -> Path:
    """Where this office's private key lives: RECAP_KEY_FILE, else <data dir>/kunci/kantor_ed25519.pem."""
    env = os.environ.get("RECAP_KEY_FILE")
    return Path(env) if env else data_dir() / "kunci" / "kantor_ed25519.pem"


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
    try:
        if text.startswith("-----BEGIN"):
            key = serialization.load_pem_public_key(text.encode("ascii"))
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
    """This office's key pair.

    Attributes:
        private_key: the Ed25519 private key (never leaves the key file).
        path: the key file.
    """

    private_key: Ed25519PrivateKey
    path: Path

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


def load_identity(path: Path | None = None, create: bool = True) -> OfficeIdentity:
    """This office's key pair, made on first use (file mode 0600).

    Args:
        path: key file (default :func:`default_key_path`).
        create: make a new key when the file does not exist.
    Raises:
        OfficeKeyError: missing (create=False), unreadable, not an Ed25519 key, or readable by
            other users (POSIX: mode must not grant group/other any access).
    """
    path = Path(path) if path else default_key_path()
    if not path.exists():
        if not create:
            raise OfficeKeyError(f"Berkas kunci kantor {path} tidak ada.", "no_key")
        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(pem)
        except FileExistsError:
            pass  # another process made it first: read theirs
        except OSError as exc:
            raise OfficeKeyError(f"Berkas kunci kantor {path} tidak dapat dibuat: {exc.strerror}.",
                                 "key_unwritable") from exc
        else:
            return OfficeIdentity(key, path)
    try:
        if os.name == "posix" and stat.S_IMODE(path.stat().st_mode) & 0o077:
            raise OfficeKeyError(
                f"Berkas kunci kantor {path} dapat dibaca pengguna lain (mode "
                f"{stat.S_IMODE(path.stat().st_mode):o}); diharapkan 600. Jalankan: chmod 600 {path}",
                "key_too_open")
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except OSError as exc:
        raise OfficeKeyError(f"Berkas kunci kantor {path} tidak dapat dibaca: {exc.strerror}.",
                             "key_unreadable") from exc
    except (ValueError, TypeError) as exc:
        raise OfficeKeyError(f"Berkas kunci kantor {path} rusak atau bukan kunci PEM: {exc}.", "bad_key") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise OfficeKeyError(f"Berkas kunci kantor {path} bukan kunci Ed25519.", "bad_key")
    return OfficeIdentity(key, path)


def verify_signature(public_key: Ed25519PublicKey, signature: bytes, data: bytes) -> bool:
    """True when ``signature`` is a valid Ed25519 signature of ``data`` by ``public_key``."""
    try:
        public_key.verify(signature, data)
    except InvalidSignature:
        return False
    return True


# --------------------------------------------------------------------- trusted keys (in the workspace)
@dataclass(frozen=True)
class TrustedKey:
    """Another office's key trusted by this workspace."""

    fingerprint: str
    public_key: str
    office_code: str
    office_name: str | None
    added_at: str
    added_by: str


def trusted_keys(ws: Workspace) -> list[TrustedKey]:
    """Every trusted key, ordered by office code."""
    return [TrustedKey(*r) for r in ws.conn.execute(
        "SELECT fingerprint, public_key, office_code, office_name, added_at, added_by "
        "FROM bundle_trusted_key ORDER BY office_code, fingerprint")]


def trusted_key(ws: Workspace, fp: str) -> TrustedKey | None:
    """The trusted key with this fingerprint, or None."""
    row = ws.conn.execute(
        "SELECT fingerprint, public_key, office_code, office_name, added_at, added_by "
        "FROM bundle_trusted_key WHERE fingerprint = ?", (fp,)).fetchone()
    return TrustedKey(*row) if row else None


def trust(ws: Workspace, key_text: str, office_code: str, actor: str, office_name: str | None = None) -> TrustedKey:
    """Trust another office's public key for bundles from ``office_code`` (one transaction, audited).

    Args:
        key_text: ``ed25519:<base64>`` or PEM text.
        office_code: the sending office's region code ("33.01" for a kabupaten/kota office).
    Returns:
        The stored key (unchanged when it was already trusted for the same office).
    Raises:
        OfficeKeyError: malformed key text.
        BundleRefused("key_office_mismatch"): the key is already trusted for another office.
        NotAllowed: the actor lacks permission "keys_trust".
    """
    auth.require(ws, actor, "keys_trust")
    office_code = plain(office_code, "Kode kantor")
    office_name = None if office_name is None else plain(office_name, "Nama kantor")
    if not office_code:
        raise OfficeKeyError("Kode kantor pengirim wajib diisi (--office KODE, misalnya 33.01).", "no_office")
    key = parse_public_key(key_text)
    fp = fingerprint(key)
    with ws.transaction():
        existing = trusted_key(ws, fp)
        if existing:
            if existing.office_code != office_code:
                raise BundleRefused(
                    f"Kunci {grouped(fp)[:19]}… sudah dipercaya untuk kantor {existing.office_code}, "
                    f"bukan {office_code}; satu kunci hanya untuk satu kantor.", "key_office_mismatch")
            return existing
        row = {"fingerprint": fp, "public_key": public_key_text(key), "office_code": office_code,
               "office_name": office_name, "added_at": now_iso(), "added_by": actor}
        ws.db["bundle_trusted_key"].insert(row)
        ws.record(actor, "keys.trust", f"key:{fp}", None,
                  {"office_code": office_code, "office_name": office_name, "public_key": row["public_key"]})
    return TrustedKey(**row)
