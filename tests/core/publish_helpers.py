"""Helpers shared by the publication tests: the office key, the files of a site, one changed certificate."""

from __future__ import annotations

import hashlib
from pathlib import Path

from recap_app.core import certificate
from recap_app.core.bundle.keys import load_identity

ROOT = Path(__file__).resolve().parents[2]


def identity(tmp_path: Path):
    """A fresh office key for one test (made on first use, mode 0600)."""
    return load_identity(tmp_path / "kunci" / "kantor.pem")


def tree(folder: Path) -> dict[str, str]:
    """{site path: SHA-256} of every file under a folder (hidden ones too)."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def change_one_figure(ws, kode: str = "33.01", delta: int = 1, actor: str = "tester") -> int:
    """Store a new revision of one certificate with paslon_1 of its first kecamatan (and the
    JUMLAH column, and suara_sah of both) raised by ``delta``. Returns the revision id."""
    info, values = ws.latest_values()[kode]
    cols = list(info.columns)
    first = cols[0]
    vals = {c: dict(v) for c, v in values.items()}
    for c in (first, "JUMLAH"):
        vals[c]["paslon_1"] += delta
        vals[c]["suara_sah"] += delta
    return certificate.save(ws, kode, cols, vals, actor, reason="koreksi salah ketik paslon 1")
