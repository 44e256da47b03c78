"""The real Pilpres 2019 Jawa Tengah figures (resources/demo/) as 35 regency certificates.

Source: KawalPemilu's extract of the KPU recap (per kecamatan, per kabupaten/kota); see
resources/demo/README.md. Figures the source lacks (DPTb, DPK, pengguna hak pilih, ballot
use, disability, suara tidak sah) stay blank: blank is not zero.
"""

from __future__ import annotations

import csv
from pathlib import Path

from . import certificate
from .domain import JUMLAH
from .election import RESOURCES
from .store import Values, Workspace

DEMO_DIR = RESOURCES / "demo"
DEMO_ELECTION = "pilpres-2019-jateng"


def _read(name: str) -> list[dict]:
    with (DEMO_DIR / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def real_certificates(source: str = "rekap") -> dict[str, tuple[list[str], Values]]:
    """The 35 regency certificates of Pilpres 2019 Jawa Tengah.

    Args:
        source: "rekap" for the official recap figures (JUMLAH = the regency's figures as
            certified, which for Kota Pekalongan paslon 1 differ by one vote from the sum of
            its kecamatan), or "situng" for the partial real-count figures per kecamatan
            (suara sah, tidak sah and total as typed; JUMLAH = column sums).
    Returns:
        {kabupaten/kota code: (columns, values)}; columns are kecamatan codes then "JUMLAH".
    """
    kec = _read("pilpres2019_jateng_kecamatan.csv")
    kab = {r["kode_kabupaten_kota"]: r for r in _read("pilpres2019_jateng_kabupaten_kota.csv")}
    out: dict[str, tuple[list[str], Values]] = {}
    for r in kec:
        kode = r["kode_kabupaten_kota"]
        cols, values = out.setdefault(kode, ([], {}))
        cols.append(r["kode_kecamatan"])
        dpt_l, dpt_p = int(r["dpt_l"]), int(r["dpt_p"])
        v = {"dpt_l": dpt_l, "dpt_p": dpt_p, "dpt": dpt_l + dpt_p}
        if source == "rekap":
            p1, p2 = int(r["rekap_paslon_1"]), int(r["rekap_paslon_2"])
            v.update(paslon_1=p1, paslon_2=p2, suara_sah=p1 + p2)
        else:
            v.update(paslon_1=int(r["situng_paslon_1"]), paslon_2=int(r["situng_paslon_2"]),
                     suara_sah=int(r["situng_suara_sah"]), suara_tidak_sah=int(r["situng_suara_tidak_sah"]),
                     jumlah_suara=int(r["situng_jumlah_suara"]))
        values[r["kode_kecamatan"]] = v
    for kode, (cols, values) in out.items():
        cols.append(JUMLAH)
        if source == "rekap":
            k = kab[kode]
            dpt_l, dpt_p, p1, p2 = (int(k[f]) for f in ("dpt_l", "dpt_p", "rekap_paslon_1", "rekap_paslon_2"))
            values[JUMLAH] = {"dpt_l": dpt_l, "dpt_p": dpt_p, "dpt": dpt_l + dpt_p,
                              "paslon_1": p1, "paslon_2": p2, "suara_sah": p1 + p2}
        else:
            keys = {k for c in cols[:-1] for k in values[c]}
            values[JUMLAH] = {k: sum(values[c].get(k) or 0 for c in cols[:-1]) for k in keys}
    return out


def load_real_certificates(ws: Workspace, actor: str, source: str = "rekap") -> int:
    """Store the 35 real certificates as revisions in one transaction. Returns the count."""
    certs = real_certificates(source)
    with ws.transaction():
        for kode, (cols, values) in certs.items():
            certificate.record_revision(ws, kode, cols, values, actor=actor, permission="import",
                                        reason="data contoh Pilpres 2019", action="certificate.demo")
    return len(certs)


def make_demo(path: str | Path, actor: str = "contoh") -> Workspace:
    """Create the demonstration workspace (marked CONTOH) holding the 35 real certificates.

    Raises WorkspaceError when the path exists.
    """
    ws = Workspace.create(path, DEMO_ELECTION, actor=actor)
    with ws.transaction():
        ws.db["meta"].upsert({"key": "demo", "value": "1"}, pk="key")
        ws.record(actor, "workspace.demo", "workspace", None, {"demo": True})
        load_real_certificates(ws, actor)
    return ws
