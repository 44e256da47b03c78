"""The keys of other offices a workspace trusts for bundles (the office's own key: core/office_key.py)."""

from __future__ import annotations

from dataclasses import dataclass

from .. import auth
from ..clock import now_iso
from ..office_key import (
    KEY_PREFIX,
    OfficeIdentity,
    OfficeKeyError,
    default_key_path,
    fingerprint,
    grouped,
    load_identity,
    parse_public_key,
    public_key_text,
    verify_signature,
)
from ..store import Workspace
from ..text import plain
from .format import BundleRefused

__all__ = ["KEY_PREFIX", "OfficeIdentity", "OfficeKeyError", "TrustedKey", "default_key_path", "fingerprint",
           "grouped", "load_identity", "parse_public_key", "public_key_text", "trust", "trusted_key", "trusted_keys",
           "verify_signature"]

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
