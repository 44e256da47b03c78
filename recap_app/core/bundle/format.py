"""Bundle format constants and limits (docs/bundle-format.md §Limits).

The limits guard the importer against zip bombs and absurd content; a bundle of the whole
province (35 certificates, 573 kecamatan columns, audit log) is about 0.2 MB compressed and
2 MB uncompressed, far below them.
"""

from __future__ import annotations

import json
from typing import Any

from ..errors import ImportRefused

#: version of the bundle format (manifest "format_version"); readers refuse other versions
FORMAT_VERSION = 1
#: value of the manifest "format" key
FORMAT_NAME = "recap-bundle"

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
DATA = "data.json"
SOURCES_DIR = "sources/"

#: the largest bundle file accepted (bytes)
MAX_BUNDLE_BYTES = 256 * 1024 * 1024
#: the largest manifest (bytes, uncompressed)
MAX_MANIFEST_BYTES = 1024 * 1024
#: the largest single member (bytes, uncompressed)
MAX_MEMBER_BYTES = 128 * 1024 * 1024
#: the largest sum of uncompressed member sizes (bytes)
MAX_TOTAL_BYTES = 512 * 1024 * 1024
#: the most members a bundle may hold (manifest, signature, data, sources)
MAX_MEMBERS = 2000
#: the highest compression ratio accepted for a member larger than RATIO_FLOOR bytes
MAX_RATIO = 200
RATIO_FLOOR = 64 * 1024
#: Ed25519 signature length (bytes)
SIGNATURE_BYTES = 64


def dumps(obj: Any, compact: bool = False) -> bytes:
    """JSON bytes as written in a bundle: UTF-8, keys sorted; two-space indent (the manifest)
    or one line (``compact``, data.json: the C encoder is 10x faster than indenting)."""
    if compact:
        return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, indent=2).encode("utf-8")


class DuplicateKey(ValueError):
    """A JSON object names the same key twice (refused: readers could disagree on it)."""


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict:
    out: dict = {}
    for k, v in pairs:
        if k in out:
            raise DuplicateKey(k)
        out[k] = v
    return out


def _no_constant(name: str) -> Any:
    raise ValueError(f"nilai {name} tidak diperbolehkan")


def loads(raw: bytes) -> Any:
    """Strict JSON: UTF-8, no duplicate keys, no NaN/Infinity.

    Raises:
        ValueError (UnicodeDecodeError, json.JSONDecodeError, DuplicateKey), RecursionError.
    """
    return json.loads(raw.decode("utf-8"), object_pairs_hook=_no_duplicates, parse_constant=_no_constant)



class BundleRefused(ImportRefused):
    """A bundle was refused (verification or import); nothing was written.

    ``code`` is a stable reason (docs/bundle-format.md): unreadable, not_zip, too_large,
    too_many_members, unsafe_path, bomb, missing_member, unlisted_member, duplicate_member,
    bad_manifest, bad_format_version, bad_signature, bad_hash, bad_size, bad_data,
    untrusted_key, key_office_mismatch, wrong_election, simulation_mismatch, older_sequence,
    sequence_reused, wrong_tier, unknown_region, missing_jumlah, bad_audit.
    """
