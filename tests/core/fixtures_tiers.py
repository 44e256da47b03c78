"""Held-back kecamatan certificates (DA1-PPWP) of Kota Salatiga, built from the real TPS data.

The Pilpres 2019 polling-station file (tests/data/tps/pilpres2019_jateng_tps_situng.csv.gz: Situng
entries typed from the C1 forms, docs/tps-data.md) summed per desa/kelurahan gives real kecamatan
certificates with one column per desa/kelurahan, faults included: DPT L/P, the two pairs' votes,
suara sah, tidak sah and jumlah; the rest of the form is left blank (the file does not hold it).
Each workbook is the kabupaten/kota office's own template (core/importer/template.py) filled as a
PPK clerk would, JUMLAH typed as the desa sum. Written at test time; run this module to write them
into a folder: ``python -m tests.core.fixtures_tiers OUT_DIR``.
"""

from __future__ import annotations

import csv
import gzip
import sys
from collections import defaultdict
from pathlib import Path

TPS_FILE = Path(__file__).resolve().parent.parent / "data" / "tps" / "pilpres2019_jateng_tps_situng.csv.gz"

#: TPS columns -> form field keys (DPT as L and P; the total is computed)
FIELDS = {"dpt_l": "dpt_l", "dpt_p": "dpt_p", "situng_paslon_1": "paslon_1", "situng_paslon_2": "paslon_2",
          "situng_suara_sah": "suara_sah", "situng_suara_tidak_sah": "suara_tidak_sah",
          "situng_jumlah_suara": "jumlah_suara"}


def desa_sums(regency: str = "33.73") -> dict[str, dict[str, dict[str, int]]]:
    """{kecamatan code: {desa code: {field key: sum over the desa's TPS}}} of one regency (DPT "-1"
    read as blank: left out of the sum)."""
    out: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    with gzip.open(TPS_FILE, "rt", encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if not r["kode_kecamatan"].startswith(regency + "."):
                continue
            cell = out[r["kode_kecamatan"]][r["kode_desa"]]
            for col, key in FIELDS.items():
                v = int(r[col])
                if v >= 0:
                    cell[key] += v
    for kec in out.values():
        for v in kec.values():
            v["dpt"] = v["dpt_l"] + v["dpt_p"]
    return {k: {d: dict(v) for d, v in ds.items()} for k, ds in out.items()}


def certificate_values(sums: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    """One kecamatan's columns: its desa sums and the JUMLAH column (their sum, field by field)."""
    out = dict(sums)
    keys = {k for v in sums.values() for k in v}
    out["JUMLAH"] = {k: sum(v.get(k, 0) for v in sums.values()) for k in keys}
    return out


def write_salatiga(ws, out_dir: Path) -> dict[str, Path]:
    """Write the 4 kecamatan workbooks of Kota Salatiga from a 33.73 office workspace ``ws``:
    {kecamatan code: path}."""
    from recap_app.core.importer import template

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    sums = desa_sums("33.73")
    paths = {}
    for kec in sorted(sums):
        values = certificate_values(sums[kec])
        path = out_dir / template.template_filename(ws, kec)
        wb = template.build_template(ws, kec)
        wb.save(path)
        template.fill_template(path, list(values), values, ws.election.form_of_region(kec), wb=wb)
        paths[kec] = path
    return paths


if __name__ == "__main__":  # pragma: no cover - a maintainer's helper
    import tempfile

    from recap_app.core.store import Workspace

    with tempfile.TemporaryDirectory() as tmp:
        w = Workspace.create(Path(tmp) / "ws.sqlite", "pilpres-2019-jateng", actor="tester", office="33.73")
        for k, p in write_salatiga(w, Path(sys.argv[1])).items():
            print(k, p)
        w.close()
